#!/usr/bin/env bash
# Output errors surface: every command that prints, with standard output on
# /dev/full (a full disk), exits 1 with one line on stderr instead of 0
# with nothing written.
. "$(dirname "$0")/lib.sh"

ok profile add Alice
ok sponsor add "Maria Lopez"
ok meeting add --sponsor "Maria Lopez" --when "2026-03-02 10:30"
ok action add "Send the agenda"
ok reflect cli-test/debrief/lesson <<<"first version"
ok reflect cli-test/debrief/lesson <<<"second version"
# enough records that the JSON export is larger than stdio's buffer
for i in $(seq 1 60); do tw action add "action number $i with some words to fill it" >/dev/null; done

full() {
	local err
	tw "$@" >/dev/full 2>"$SCRATCH/full.err"
	RC=$?
	err=$(cat "$SCRATCH/full.err")
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq 1 ] || fail "twoway $* >/dev/full: exit $RC, expected 1 (stderr: $err)"
	CHECKS=$((CHECKS + 1))
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [ -n "$err" ] ||
		fail "twoway $* >/dev/full: stderr is not one line: $err"
	case "$err" in
	"twoway: cannot write the output: No space left on device") ;;
	*) fail "twoway $* >/dev/full: says '$err'" ;;
	esac
}

full export --format json
full export --format json --coach
full export --format csv --what actions
full export --format ics
full export --format md --meeting 1
full guides
full guides --ids
full profile list
full sponsor list
full sponsor show "Maria Lopez"
full meeting list
full meeting show 1
full action list
full search agenda
full history cli-test/debrief/lesson
full purge
full --version
full --help
full tick cli-test/prepare/agenda
# a write whose confirmation could not be printed still happened; the exit
# status says the output was lost
run guides
expect_out_has "[x]" "the tick was saved"

# A closed pipe with SIGPIPE ignored: EPIPE is an error too (the pipe's
# reading end is closed before twoway starts).
rc=$(python3 - "$TWOWAY" "$DB" "$CONTENT" <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run([sys.argv[1], "--db", sys.argv[2], "--content", sys.argv[3],
                    "export", "--format", "json"], stdout=w, stderr=subprocess.PIPE,
                   restore_signals=False)
print(p.returncode, p.stderr.decode().strip())
PY
)
CHECKS=$((CHECKS + 1))
[ "$rc" = "1 twoway: cannot write the output: Broken pipe" ] || fail "export to a closed pipe: $rc"

# An export that streams into --out FILE and fails half-way (the file size
# limit, as a quota or a full disk would): one line, exit 1, and nothing
# left behind, neither the file nor its temporary file nor the directory
# the export made for it. Rows written by another program make the export
# far larger than the limit.
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
	INSERT INTO actions(profile_id, text, created) SELECT 1, printf('filler %0100d', i), 0 FROM n;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
	INSERT INTO meetings(profile_id, sponsor_id, at, agenda, created, updated)
	SELECT 1, 1, 1900000000 + i * 3600, printf('agenda %0100d', i), 0, 0 FROM n"
# every record gets its uid now, so that the exports below only read
tw export --format json >/dev/null && tw export --format ics >/dev/null ||
	fail "the exports that give uids failed"
for fmt in json ics csv; do
	extra=()
	[ "$fmt" = csv ] && extra=(--what actions)
	out="$SCRATCH/limited/$fmt/export.$fmt"
	err=$(trap '' XFSZ; ulimit -f 64; tw export --format "$fmt" "${extra[@]}" --out "$out" 2>&1 >/dev/null)
	RC=$?
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq 1 ] || fail "export $fmt --out past the size limit: exit $RC ($err)"
	CHECKS=$((CHECKS + 1))
	case "$err" in
	"twoway: cannot write '$out': File too large; nothing was written") ;;
	*) fail "export $fmt --out past the size limit says: $err" ;;
	esac
	CHECKS=$((CHECKS + 1))
	[ ! -e "$SCRATCH/limited" ] || fail "export $fmt --out left: $(find "$SCRATCH/limited")"
	# and to standard output, which streams too
	err=$(trap '' XFSZ; ulimit -f 64; tw export --format "$fmt" "${extra[@]}" 2>&1 >"$SCRATCH/stdout.$fmt")
	RC=$?
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq 1 ] && [ "$err" = "twoway: cannot write the output: File too large" ] ||
		fail "export $fmt to a size-limited stdout: exit $RC, $err"
done
# without the shell's trap: twoway itself ignores SIGXFSZ, so the limit is
# a failed write it reports, not a signal that ends it half-way
out="$SCRATCH/limited/untrapped/export.json"
err=$(ulimit -f 64; tw export --format json --out "$out" 2>&1 >/dev/null)
RC=$?
CHECKS=$((CHECKS + 1))
[ "$RC" -eq 1 ] && [ "$err" = "twoway: cannot write '$out': File too large; nothing was written" ] ||
	fail "export past the size limit with SIGXFSZ at its default: exit $RC ($err)"
CHECKS=$((CHECKS + 1))
[ ! -e "$SCRATCH/limited" ] || fail "the untrapped export left: $(find "$SCRATCH/limited")"
# within the limit the same export is written whole
ok export --format json --out "$SCRATCH/whole/export.json"
CHECKS=$((CHECKS + 1))
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d["actions"]) > 2000' \
	"$SCRATCH/whole/export.json" || fail "the streamed export is not whole JSON"

finish
