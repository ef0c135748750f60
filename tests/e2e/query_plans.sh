#!/usr/bin/env bash
# The meetings' reads take the index each was built for. SQLite has no
# statistics to plan by, so a new index can draw reads away from theirs:
# every statement on meetings in the binary (its SQL text, read with
# strings) is planned by sqlite3 on a schema-16 file, and the reads of
# planned meetings must use meetings_planned, the calendar's two (with
# meeting ids for a library's answers, and without) its covering index,
# a sponsor's meeting count meetings_sponsor.
. "$(dirname "$0")/lib.sh"

run profile add Ada
run --profile Ada sponsor add Grace
run --profile Ada meeting add --sponsor Grace --when "2030-01-10 10:00" --agenda "a talk"
expect_rc 0 "a meeting to plan against"

plan() { sqlite3 "file:$DB?immutable=1" "EXPLAIN QUERY PLAN $1" 2>&1 | tr '\n' ' '; }

sqls="$SCRATCH/sqls"
strings -n 20 "$TWOWAY" | grep -E '^(SELECT|WITH|UPDATE|DELETE|INSERT)' | grep 'meetings' | sort -u >"$sqls"
planned=0 calendar=0 count=0
while IFS= read -r q; do
	p=$(plan "$q")
	case "$p" in *rror*) continue ;; esac # a fragment, not a whole statement
	case "$q" in
	*"m.held = 0"*)
		planned=$((planned + 1))
		CHECKS=$((CHECKS + 1))
		case "$p" in *"INDEX meetings_planned"*) ;; *) fail "a read of planned meetings does not use meetings_planned: $q -> $p" ;; esac
		;;
	*"m.uid, m.agenda, m.at, m.created"*)
		calendar=$((calendar + 1))
		CHECKS=$((CHECKS + 1))
		case "$p" in *"COVERING INDEX meetings_calendar"*) ;; *) fail "the calendar's read is not one pass over meetings_calendar: $p" ;; esac
		;;
	"SELECT count(*) FROM meetings"*"sponsor_id = ?"*)
		count=$((count + 1))
		CHECKS=$((CHECKS + 1))
		case "$p" in *"INDEX meetings_sponsor"*) ;; *) fail "a sponsor's meeting count does not use meetings_sponsor: $p" ;; esac
		;;
	esac
done <"$sqls"
# the statements are there to check: a binary built otherwise fails here
CHECKS=$((CHECKS + 1))
[ "$planned" -ge 5 ] && [ "$calendar" -eq 2 ] && [ "$count" -eq 1 ] ||
	fail "found $planned reads of planned meetings (want 5 or more), $calendar calendar reads (want 2) and $count counts (want 1) in $TWOWAY"

finish
