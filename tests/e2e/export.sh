#!/usr/bin/env bash
# End-to-end tests of exports and import: the Markdown brief against a
# golden file, private reflections kept out of coach-facing exports, the
# JSON round trip (byte for byte) and idempotent merge, refused malformed
# and truncated files, CSV, and iCalendar read by python3-icalendar and khal.
. "$(dirname "$0")/lib.sh"
GOLDEN="$TW_TEST_DATA/export"
PY=/usr/bin/python3

# A profile with a sponsor, two meetings, actions and reflections.
ok profile add Alice --role "Platform engineer"
ok sponsor add "Maria Lopez" --title "VP Engineering" --org "Acme, Inc." --stage connector
ok sponsor add "Sam Ho" --title CTO
AGENDA='Platform roadmap: where the storage team fits, what “done” means for Q3; and whether the migration can start before the re-org, since the team needs a decision by May.
Second point: hiring.'
ok meeting add --sponsor "Maria Lopez" --when "2030-03-02 10:30" --agenda "$AGENDA"
ok meeting add --sponsor "Sam Ho" --when "2030-04-01 09:00" --agenda "Intro"
ok action add "Send the storage one-pager" --meeting 1 --due 2030-03-01
ok action add "Introduce me to the data team" --meeting 1 --owner sponsor
ok action add "Already done" --meeting 1
ok action done 3
sqlite3 "$DB" "UPDATE actions SET done = '2030-01-05' WHERE id = 3" # a fixed date for the golden CSV
ok action add "For Sam only" --meeting 2
ok action add "Free-standing, no sponsor"
ok reflect before-meeting/agenda/their-career <<<"How did you decide to move from engineering into management?"
ok reflect before-meeting/feedback/feedback-to-share --private <<<"SECRET-FEEDBACK my manager thinks I hide in the details."
ok reflect before-meeting/the-ask/the-ask <<<"An introduction to the head of data."
ok reflect before-meeting/agenda/the-challenge <<<"first version"
ok reflect before-meeting/agenda/the-challenge <<<"second version"

# Markdown brief: golden, and no private text.
ok export --format md --meeting 1
golden brief
CHECKS=$((CHECKS + 1))
case "$OUT" in *SECRET*) fail "the brief shows a private reflection" ;; esac
unchanged 1 "twoway: no meeting 99 in this profile (see 'twoway meeting list')" \
	export --format md --meeting 99
unchanged 2 "twoway export: --format md needs --meeting ID or --coaching ID" export --format md

# The send-ahead agenda: a few lines for an email, nothing private, no
# feedback, no homework on the sponsor; golden. The brief (private, for the
# sponsee) has the homework, the item to keep and, once held, notes and
# outcome.
sqlite3 "$DB" "UPDATE sponsors SET homework = 'HOMEWORK-WORDS wrote the storage paper' WHERE id = 1"
ok meeting keep 1 "Second point: hiring."
expect_out_has "meeting 1: if time runs short, keep: Second point: hiring." "meeting keep"
ok reflect before-meeting/feedback/feedback-to-share --public <<<"FEEDBACK-WORDS I rush reviews"
ok export --format md --meeting 1 --agenda
golden agenda
CHECKS=$((CHECKS + 1))
case "$OUT" in *SECRET*|*FEEDBACK-WORDS*|*HOMEWORK-WORDS*|*private*) fail "the send-ahead agenda shows: $OUT" ;; esac
CHECKS=$((CHECKS + 1))
[ "$(wc -l <<<"$OUT")" -le 12 ] || fail "the send-ahead agenda is not short: $OUT"
ok export --format md --meeting 1 --agenda --out "$SCRATCH/send/agenda.md"
expect_out_has "exported the send-ahead agenda to $SCRATCH/send/agenda.md" "agenda --out"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$SCRATCH/send/agenda.md") $(stat -c %a "$SCRATCH/send")" = "600 700" ] ||
	fail "agenda file modes: $(stat -c %a "$SCRATCH/send/agenda.md" "$SCRATCH/send")"
run export --format md --meeting 1 --agenda --out "$SCRATCH/send/agenda.md"
expect_rc 1 "agenda over an existing file"
expect_err_has "already exists; use --force to replace it; nothing was written" "agenda over a file"
ok export --format md --meeting 1 --agenda --out "$SCRATCH/send/agenda.md" --force
mkdir -p "$SCRATCH/send/adir"
run export --format md --meeting 1 --agenda --out "$SCRATCH/send/adir" --force
expect_rc 1 "agenda --force over a directory"
CHECKS=$((CHECKS + 1))
[ -d "$SCRATCH/send/adir" ] || fail "--force replaced a directory"
unchanged 2 "twoway export: --agenda goes with --format md --meeting ID" \
	export --format md --coaching 1 --agenda
ok export --format md --meeting 1
expect_out_has "- **If time runs short, keep:** Second point: hiring." "brief keep"
expect_out_has "## Homework on the sponsor

HOMEWORK-WORDS wrote the storage paper" "brief homework"
expect_out_has "FEEDBACK-WORDS" "brief feedback"
CHECKS=$((CHECKS + 1))
case "$OUT" in *"## Notes"*) fail "a planned meeting's brief has notes: $OUT" ;; esac
ok meeting held 1 --notes "NOTES-WORDS she will introduce me" --outcome "OUTCOME-WORDS intro next week"
ok export --format md --meeting 1
expect_out_has "## Notes

NOTES-WORDS she will introduce me" "held brief notes"
expect_out_has "## Outcome

OUTCOME-WORDS intro next week" "held brief outcome"
ok export --format md --meeting 1 --agenda
CHECKS=$((CHECKS + 1))
case "$OUT" in *NOTES-WORDS*|*OUTCOME-WORDS*) fail "the send-ahead agenda has notes: $OUT" ;; esac
sqlite3 "$DB" "UPDATE meetings SET held = 0, notes = '', outcome = '' WHERE id = 1"
ok reflect before-meeting/feedback/feedback-to-share --private <<<"SECRET-FEEDBACK again"

# Coaching summary: a session around a private reflection (coach mode
# writes these rows; set one up directly).
now=$(date +%s)
sqlite3 "$DB" "INSERT INTO coaching(profile_id, coach, started, ended, notes, covered)
  VALUES (1, 'Kim Coach', $((now - 3600)), $((now + 3600)), 'Worked on the ask.', 'before-meeting: ask, feedback');"
ok reflect before-meeting/agenda/next-step --private <<<"SECRET-NEXT leaving if no promotion"
ok export --format md --coaching 1
expect_out_has "- **Coach:** Kim Coach" "coaching summary coach"
expect_out_has "Worked on the ask." "coaching summary notes"
expect_out_has ": (private)" "coaching summary marks the private reflection"
expect_out_has "- **Duration:** 2 h 00 min" "coaching summary duration"
CHECKS=$((CHECKS + 1))
case "$OUT" in *SECRET*) fail "the coaching summary shows a private reflection" ;; esac

# JSON: the sponsee's own export has everything, private text included.
# Every timestamp set apart from "now" (and from each other), and one
# soft-deleted record, so that the round trip below shows an import that
# stamps the time of import or drops the deletion.
ok action add "Deleted before the export"
ok delete action 6
ok rate cli-test/prepare/confidence 4
ok tick cli-test/prepare/agenda
sqlite3 "$DB" "
  UPDATE profiles SET created = 1500000000 + id;
  UPDATE sponsors SET created = 1500001000 + id, updated = 1500002000 + id;
  UPDATE progress SET changed = 1500003000 + rowid;
  UPDATE rating_history SET at = 1500004000 + id;
  UPDATE reflections SET created = 1500005000 + id, updated = 1500006000 + id;
  UPDATE reflection_versions SET saved = 1500007000 + 10 * reflection_id + version;
  UPDATE meetings SET created = 1500008000 + id, updated = 1500009000 + id;
  UPDATE actions SET created = 1500010000 + id;
  UPDATE actions SET deleted_at = 1500011000 WHERE id = 6;
  UPDATE coaching SET started = 1500012000 + id, ended = 1500013000 + id;"
ok export --format json --out "$SCRATCH/out/all.json"
expect_out_has "exported json to $SCRATCH/out/all.json" "export --out message"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$SCRATCH/out/all.json")" = 600 ] || fail "export file mode is not 0600"
[ "$(stat -c %a "$SCRATCH/out")" = 700 ] || fail "export dir mode is not 0700"
CHECKS=$((CHECKS + 1))
grep -q SECRET-FEEDBACK "$SCRATCH/out/all.json" || fail "the JSON export lacks the private reflection"
grep -q '"text":"first version"' "$SCRATCH/out/all.json" || fail "the JSON export lacks an old version"
ls -a "$SCRATCH/out" | grep -q twoway-export && fail "a temporary file was left behind"
# a bare file name goes into the working directory (dirname gives "." for
# it, not the name: the name was taken for a directory to make, and the
# export refused as existing)
mkdir -p "$SCRATCH/here"
( cd "$SCRATCH/here" && tw export --format json --out bare.json >/dev/null 2>"$SCRATCH/bare.err" )
RC=$?
CHECKS=$((CHECKS + 1))
[ "$RC" -eq 0 ] && [ -f "$SCRATCH/here/bare.json" ] && cmp -s "$SCRATCH/here/bare.json" "$SCRATCH/out/all.json" ||
	fail "export --out bare.json: exit $RC, $(cat "$SCRATCH/bare.err"), $(ls -la "$SCRATCH/here")"
CHECKS=$((CHECKS + 1))
[ "$(ls -A "$SCRATCH/here")" = bare.json ] || fail "export --out bare.json left: $(ls -A "$SCRATCH/here")"
# an existing file is refused and kept; --force replaces it
echo keep >"$SCRATCH/out/keep.json"
run export --format json --out "$SCRATCH/out/keep.json"
expect_rc 1 "export over an existing file"
expect_err "twoway: '$SCRATCH/out/keep.json' already exists; use --force to replace it; nothing was written" "refusal names the file"
CHECKS=$((CHECKS + 1))
[ "$(cat "$SCRATCH/out/keep.json")" = keep ] || fail "the existing file was changed"
ok export --format json --out "$SCRATCH/out/keep.json" --force
CHECKS=$((CHECKS + 1))
cmp -s "$SCRATCH/out/keep.json" "$SCRATCH/out/all.json" || fail "--force did not replace the file"
# The writer is atomic: the data goes to a temporary file that is synced
# before it takes the target's name; the target itself is never opened.
if command -v strace >/dev/null; then
	strace -f -e trace=openat,open,creat,fsync,fdatasync,rename,renameat,renameat2,link,linkat \
		-o "$SCRATCH/strace" "$TWOWAY" --db "$DB" export --format json \
		--out "$SCRATCH/out/keep.json" --force >/dev/null 2>&1
	CHECKS=$((CHECKS + 1))
	grep -q 'keep.json", O_[A-Z_|]*\(WRONLY\|RDWR\|TRUNC\)' "$SCRATCH/strace" &&
		fail "the target file was opened for writing in place"
	tmpfd=$(sed -n 's/.*openat(.*\.twoway-export\.[^"]*", .*O_EXCL.*) = \([0-9]*\)$/\1/p' "$SCRATCH/strace")
	order=$(grep -oE "fsync\($tmpfd\)|(rename|renameat2?|link|linkat)\(.*keep\.json" "$SCRATCH/strace" |
		sed -E 's/\(.*//' | paste -sd' ')
	CHECKS=$((CHECKS + 1))
	case "$order" in fsync\ rename* | fsync\ link*) ;;
	*) fail "expected fsync of the temporary file, then rename or link; saw '$order'" ;; esac
fi
# A write that fails half-way (the file size limit, EFBIG) leaves the
# file it would have replaced as it was, and no temporary file.
BIG="$SCRATCH/big.db"
head -c 60000 /dev/zero | tr '\0' 'a' | "$TWOWAY" --db "$BIG" reflect - >/dev/null
"$TWOWAY" --db "$BIG" export --format json >/dev/null # gives the records their uids
echo "the old file" >"$SCRATCH/out/big.json"
(
	trap '' XFSZ
	ulimit -f 40
	"$TWOWAY" --db "$BIG" export --format json --out "$SCRATCH/out/big.json" --force
) >"$SCRATCH/big.out" 2>&1
CHECKS=$((CHECKS + 1))
[ "$(cat "$SCRATCH/big.out")" = "twoway: cannot write '$SCRATCH/out/big.json': File too large; nothing was written" ] ||
	fail "a failed write: $(cat "$SCRATCH/big.out")"
[ "$(cat "$SCRATCH/out/big.json")" = "the old file" ] || fail "a failed write damaged the file it was replacing"
ls -a "$SCRATCH/out" | grep -q twoway-export && fail "a failed write left its temporary file"

# Round trip: import into an empty database, export again: identical.
full_dump() { sqlite3 "$1" .dump; }
EMPTY="$SCRATCH/empty.db"
OUT=$("$TWOWAY" --db "$EMPTY" import "$SCRATCH/out/all.json" 2>&1); RC=$?
expect_rc 0 "import into an empty database"
expect_out_has "added" "import message"
"$TWOWAY" --db "$EMPTY" export --format json >"$SCRATCH/again.json"
CHECKS=$((CHECKS + 1))
cmp "$SCRATCH/out/all.json" "$SCRATCH/again.json" || fail "export after import differs"
"$TWOWAY" --db "$EMPTY" history before-meeting/agenda/the-challenge --content "$CONTENT" >"$SCRATCH/h" 2>&1
CHECKS=$((CHECKS + 1))
grep -q "first version" "$SCRATCH/h" || fail "history lost in import: $(cat "$SCRATCH/h")"

# Merge into a non-empty database, twice: the second import changes nothing.
OTHER="$SCRATCH/other.db"
"$TWOWAY" --db "$OTHER" profile add Bob >/dev/null
"$TWOWAY" --db "$OTHER" sponsor add "Lee" --profile Bob >/dev/null
"$TWOWAY" --db "$OTHER" import "$SCRATCH/out/all.json" >/dev/null
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM profiles), (SELECT count(*) FROM sponsors),
	  (SELECT count(*) FROM reflections), (SELECT count(*) FROM reflection_versions),
	  (SELECT count(*) FROM meetings), (SELECT count(*) FROM actions),
	  (SELECT count(*) FROM progress), (SELECT count(*) FROM coaching)"
}
before=$(counts "$OTHER")
dump_before=$(full_dump "$OTHER")
OUT=$("$TWOWAY" --db "$OTHER" import "$SCRATCH/out/all.json" 2>&1); RC=$?
expect_rc 0 "second import"
expect_out_has ", 0 added," "second import adds nothing"
CHECKS=$((CHECKS + 1))
[ "$(counts "$OTHER")" = "$before" ] || fail "second import changed counts: $before -> $(counts "$OTHER")"
[ "$before" = "2|3|5|8|2|6|2|1" ] || fail "merge counts are $before" # 8 versions: the feedback saved public and private again above
[ "$(full_dump "$OTHER")" = "$dump_before" ] || fail "second import changed the database"
# importing into the database the file came from changes nothing either
dump_before=$(dump)
ok import "$SCRATCH/out/all.json"
CHECKS=$((CHECKS + 1))
[ "$(dump)" = "$dump_before" ] || fail "importing its own export changed the database"

# A coach's copy (--coach): private text reads "private", drafts stay out,
# and it round-trips and merges like the full export.
sqlite3 "$DB" "INSERT INTO drafts(profile_id, item_id, text, saved)
  VALUES (1, 'before-meeting/agenda/the-ask', 'SECRET-DRAFT unsaved', 1)"
ok export --format json --coach --out "$SCRATCH/coach.json"
expect_out_has "for a coach: private reflections read 'private'" "coach export message"
CHECKS=$((CHECKS + 1))
grep -q SECRET "$SCRATCH/coach.json" && fail "the coach's JSON holds private text: $(grep -o 'SECRET[^"]*' "$SCRATCH/coach.json")"
[ "$(stat -c %a "$SCRATCH/coach.json")" = 600 ] || fail "coach export mode is not 0600"
CHECKS=$((CHECKS + 1))
[ "$($PY - "$SCRATCH/coach.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
texts = [r['text'] for r in d['reflections'] if r['private']]
texts += [v['text'] for r in d['reflections'] for v in r['versions'] if v['private']]
pub = [r['text'] for r in d['reflections'] if not r['private']]
print(d.get('coach'), len(texts) > 1 and set(texts) == {'private'}, len(d['drafts']),
      'An introduction to the head of data.' in pub)
PYEOF
)" = "True True 0 True" ] || fail "coach export: private texts, drafts or public texts wrong"
COACHDB="$SCRATCH/coach.db"
OUT=$("$TWOWAY" --db "$COACHDB" import "$SCRATCH/coach.json" 2>&1); RC=$?
expect_rc 0 "import a coach's copy into an empty database"
"$TWOWAY" --db "$COACHDB" export --format json --coach >"$SCRATCH/coach-again.json"
CHECKS=$((CHECKS + 1))
cmp -s "$SCRATCH/coach.json" "$SCRATCH/coach-again.json" || fail "coach export after import differs"
dump_before=$(dump)
ok import "$SCRATCH/coach.json"
expect_out_has ", 0 added," "a coach's copy adds nothing to the sponsee's own database"
CHECKS=$((CHECKS + 1))
[ "$(dump)" = "$dump_before" ] || fail "importing the coach's copy changed the sponsee's database"
ok export --help
expect_out_has "INCLUDES THE TEXT OF YOUR PRIVATE REFLECTIONS" "export --help warns about private text"
ok export --format json --out "$SCRATCH/own.json"
expect_out_has "private reflections included" "own export message says private text is in"

# Malformed and truncated files: refused with line:column, nothing changed.
cat >"$SCRATCH/bad.json" <<'JSON'
{"app": "twoway", "schema": 3,
"profiles": [
{"uid": "u1", "id": 9,, "name": "Mallory"}
]}
JSON
unchanged 1 "twoway: $SCRATCH/bad.json:3:23: not a valid twoway export: string or '}' expected near ','; nothing was changed" \
	import "$SCRATCH/bad.json"
head -n 3 "$SCRATCH/out/all.json" >"$SCRATCH/cut.json"
printf ',{"uid": "u2", "na' >>"$SCRATCH/cut.json"
unchanged 1 "twoway: $SCRATCH/cut.json:4:18: not a valid twoway export: premature end of input near '\"na'; nothing was changed" \
	import "$SCRATCH/cut.json"
sed 's/"held":false/"held":"no"/' "$SCRATCH/out/all.json" >"$SCRATCH/wrong.json"
unchanged 1 "twoway: $SCRATCH/wrong.json: meetings[0]: 'held' should be true or false; nothing was changed" \
	import "$SCRATCH/wrong.json"
echo '{"app": "twoway", "schema": 99}' >"$SCRATCH/new.json"
schema=$(sqlite3 "file:$DB?immutable=1" 'PRAGMA user_version')
unchanged 1 "twoway: $SCRATCH/new.json: written by a newer twoway (schema 99, this one reads up to $schema); update twoway to import it; nothing was changed" \
	import "$SCRATCH/new.json"
unchanged 1 "twoway: cannot read '$SCRATCH/none.json': No such file or directory; nothing was changed" \
	import "$SCRATCH/none.json"

# A file whose records pass every check but fail when stored (two live
# reflections on one item): the records stored before the failure go too,
# since the import is one transaction.
$PY - "$SCRATCH/out/all.json" "$SCRATCH/dup.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
r = dict(next(x for x in d['reflections'] if x['item'] and x['deleted_at'] is None))
r['uid'], r['id'] = 'another-uid', 999
d['reflections'].append(r)
json.dump(d, open(sys.argv[2], 'w'))
PYEOF
DUPDB="$SCRATCH/dup.db"
"$TWOWAY" --db "$DUPDB" profile add Someone >/dev/null
dump_before=$(sqlite3 "$DUPDB" .dump)
OUT=$("$TWOWAY" --db "$DUPDB" import "$SCRATCH/dup.json" 2>&1); RC=$?
expect_rc 1 "an import that fails half-way"
CHECKS=$((CHECKS + 1))
[[ "$OUT" == *"nothing was changed" ]] || fail "a failed import: $OUT"
[ "$(sqlite3 "$DUPDB" .dump)" = "$dump_before" ] || fail "an import that failed half-way kept what it had stored"

# CSV.
ok export --format csv --what actions
golden actions-csv
CHECKS=$((CHECKS + 1))
[ "$(tw export --format csv --what actions | head -1 | od -c | grep -c '\\r  \\n')" = 1 ] || fail "CSV lines do not end in CRLF"
ok export --format csv --what meetings
golden meetings-csv

# iCalendar: python3-icalendar reads it back; khal imports it.
ok export --format ics --out "$SCRATCH/m.ics"
uid=$(sqlite3 "$DB" "SELECT uid FROM meetings WHERE id = 1")
# the DESCRIPTION is the whole live agenda `meeting show` shows: the hand
# part, then the sponsor's open action items
LIVE=$(tw meeting show 1 --json | jq -r .agenda_live)
CHECKS=$((CHECKS + 1))
case "$LIVE" in "$AGENDA"*"## Open action items"*) ;; *) fail "meeting 1's live agenda: $LIVE" ;; esac
CHECKS=$((CHECKS + 1))
if ! AGENDA="$LIVE" UID1="$uid" $PY - "$SCRATCH/m.ics" <<'PYEOF'; then fail "python3-icalendar check failed"; fi
import os, sys
from icalendar import Calendar
raw = open(sys.argv[1], 'rb').read()
assert raw.count(b'\r\n') == raw.count(b'\n'), 'bare LF'
for line in raw.split(b'\r\n'):
    assert len(line) <= 75, ('long line', line)
    line.decode('utf-8')  # every physical line is whole UTF-8
cal = Calendar.from_ical(raw)
assert str(cal['VERSION']) == '2.0' and 'PRODID' in cal
ev = [e for e in cal.walk('VEVENT')]
assert len(ev) == 2, len(ev)
e = ev[0]
assert str(e['UID']) == 'meeting-%s@twoway' % os.environ['UID1'], e['UID']
assert e.get('DTSTAMP') is not None
assert str(e['SUMMARY']) == 'Meeting with Maria Lopez', e['SUMMARY']
assert str(e['DESCRIPTION']) == os.environ['AGENDA'], repr(str(e['DESCRIPTION']))
s = e.decoded('DTSTART')
assert s.isoformat() == '2030-03-02T10:30:00+00:00', s.isoformat()
assert str(e['STATUS']) == 'CONFIRMED'
PYEOF
grep -q '^ ' "$SCRATCH/m.ics" || fail "the long description was not folded"
mkdir -p "$SCRATCH/cal" "$XDG_CONFIG_HOME/khal" "$SCRATCH/khaldata"
cat >"$XDG_CONFIG_HOME/khal/config" <<KHAL
[calendars]
[[twoway]]
path = $SCRATCH/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
[sqlite]
path = $SCRATCH/khaldata/khal.db
KHAL
CHECKS=$((CHECKS + 1))
khal -c "$XDG_CONFIG_HOME/khal/config" import --batch "$SCRATCH/m.ics" >"$SCRATCH/khal.out" 2>&1 ||
	fail "khal import failed: $(cat "$SCRATCH/khal.out")"
KL=$(khal -c "$XDG_CONFIG_HOME/khal/config" list 2030-03-01 2030-04-05 2>&1)
CHECKS=$((CHECKS + 1))
case "$KL" in *"10:30-11:30 Meeting with Maria Lopez"*"Meeting with Sam Ho"*) ;;
*) fail "khal list does not show the meetings: $KL" ;; esac

finish
