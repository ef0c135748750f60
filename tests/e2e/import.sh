#!/usr/bin/env bash
# End-to-end tests of `twoway import` beyond the round trip (export.sh):
# links across profiles are refused with the record's place; an import
# killed at any moment leaves the database as it was or fully imported;
# another writer during a large import waits its turn instead of failing.
. "$(dirname "$0")/lib.sh"
PY=python3

# Two profiles, a sponsor and a meeting each, an action item on B's meeting.
ok profile add Alice
ok profile add Bob
ok sponsor add "Maria Lopez" --profile Alice
ok sponsor add "Sam Ho" --profile Bob
ok meeting add --profile Alice --sponsor "Maria Lopez" --when "2026-03-02 10:30"
ok meeting add --profile Bob --sponsor "Sam Ho" --when "2026-03-03 11:00"
ok action add "Send the draft" --profile Bob --meeting 2
ok export --format json --out "$SCRATCH/all.json"

# cross FIELD: the export with Bob's meeting pointing at Alice's sponsor
# (sponsor) or Bob's action item at Alice's meeting (meeting).
cross() {
	$PY - "$SCRATCH/all.json" "$SCRATCH/cross.json" "$1" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
alice = next(p['uid'] for p in d['profiles'] if p['name'] == 'Alice')
if sys.argv[3] == 'sponsor':
    other = next(s['uid'] for s in d['sponsors'] if s['profile'] == alice)
    m = next(m for m in d['meetings'] if m['profile'] != alice)
    m['sponsor'] = other
else:
    other = next(m['uid'] for m in d['meetings'] if m['profile'] == alice)
    d['actions'][0]['meeting'] = other
json.dump(d, open(sys.argv[2], 'w'))
print(other)
PYEOF
}

EMPTY="$SCRATCH/empty.db"
"$TWOWAY" --db "$EMPTY" profile add Someone >/dev/null
for field in sponsor meeting; do
	other=$(cross $field)
	if [ $field = sponsor ]; then
		want="meetings[1]: sponsor '$other' belongs to another profile than the meeting"
	else
		want="actions[0]: meeting '$other' belongs to another profile than the action item"
	fi
	before=$(sqlite3 "$EMPTY" .dump)
	OUT=$("$TWOWAY" --db "$EMPTY" import "$SCRATCH/cross.json" 2>&1); RC=$?
	expect_rc 1 "import with a $field across profiles"
	CHECKS=$((CHECKS + 1))
	[ "$OUT" = "twoway: $SCRATCH/cross.json: $want; nothing was changed" ] ||
		fail "import with a $field across profiles said: $OUT"
	CHECKS=$((CHECKS + 1))
	[ "$(sqlite3 "$EMPTY" .dump)" = "$before" ] || fail "a refused import changed the database"
	# the same into the database the records came from: the meeting (or
	# action item) is already there, so nothing new links across
	OUT=$(tw import "$SCRATCH/cross.json" 2>&1); RC=$?
	expect_rc 0 "import of known records into their own database ($OUT)"
done
# a sponsor already in the database, of another profile than a new meeting
$PY - "$SCRATCH/all.json" "$SCRATCH/new-meeting.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
alice = next(p['uid'] for p in d['profiles'] if p['name'] == 'Alice')
m = dict(next(m for m in d['meetings'] if m['profile'] != alice))
m['uid'], m['id'] = 'new-meeting', 99
m['sponsor'] = next(s['uid'] for s in d['sponsors'] if s['profile'] == alice)
for k in list(d):
    if isinstance(d[k], list):
        d[k] = []
d['meetings'] = [m]
json.dump(d, open(sys.argv[2], 'w'))
PYEOF
run import "$SCRATCH/new-meeting.json"
expect_rc 1 "a new meeting with a sponsor of another profile"
expect_err_has "meetings[0]: sponsor '" "a new meeting with a sponsor of another profile"
expect_err_has "belongs to another profile than the meeting; nothing was changed" \
	"a new meeting with a sponsor of another profile"

# Text past the 1 MiB every write keeps is refused, located, nothing changed.
$PY - "$SCRATCH/all.json" "$SCRATCH/huge-text.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
text = 'x' * (1024 * 1024 + 1)
r = {'uid': 'huge-text', 'id': 999, 'profile': d['profiles'][0]['uid'], 'item': None,
     'text': text, 'private': False, 'version': 1, 'created': 1, 'updated': 1,
     'deleted_at': None, 'versions': [{'version': 1, 'text': text, 'private': False, 'saved': 1}]}
for k in list(d):
    if isinstance(d[k], list) and k != 'profiles':
        d[k] = []
d['reflections'] = [r]
json.dump(d, open(sys.argv[2], 'w'))
PYEOF
before=$(sqlite3 "$DB" .dump)
run import "$SCRATCH/huge-text.json"
expect_rc 1 "a text over 1 MiB"
expect_err_has "reflections[0]: 'text' is longer than 1 MiB (1048577 bytes); nothing was changed" \
	"a text over 1 MiB"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" .dump)" = "$before" ] || fail "a refused import of a huge text changed the database"

# A large file: 20,000 records (meetings, action items, reflections).
BIG="$SCRATCH/big.json"
$PY "$TW_SRC/bench/gen_peers.py" --import 20000 "$BIG" || fail "generating the import file"
# counts DB: the records of each kind, one line
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM meetings) || ' ' || (SELECT count(*) FROM actions)
		|| ' ' || (SELECT count(*) FROM reflections) || ' ' ||
		(SELECT count(*) FROM reflection_versions)"
}

# what an unfinished import has in the database: rows under stand-ins of
# profiles that were here (negative ids), new profiles not yet shown
# (deleted_at -1) and the notes of its stand-ins
hidden() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM meetings WHERE profile_id < 0)
		+ (SELECT count(*) FROM actions WHERE profile_id < 0)
		+ (SELECT count(*) FROM reflections WHERE profile_id < 0)
		+ (SELECT count(*) FROM profiles WHERE deleted_at < 0)
		+ (SELECT count(*) FROM settings WHERE key LIKE 'import:%')"
}
# ms N: sleep a random time below N ms
ms() { sleep "$(printf '%d.%03d' $(( (RANDOM % ($1 + 1)) / 1000 )) $(( (RANDOM % ($1 + 1)) % 1000 )))"; }
# sections DB: meetings, action items and reflections a reader (the JSON
# export of every profile) sees, minus the action items written beside
sections() {
	"$TWOWAY" --db "$1" export --format json | $PY -c 'import json, sys
d = json.load(sys.stdin)
print(len(d["meetings"]), sum(1 for a in d["actions"] if not a["text"].startswith("written during")), len(d["reflections"]))'
}

# Killed at random moments: every time either nothing or everything.
# Odd rounds kill anywhere in how long a whole import takes here
# (measured first: the checks, the staging, the batches); even rounds
# wait until the import has noted its stand-ins in the database (the
# batches have begun) and kill in them. What a kill in the batches leaves
# no reader sees, and the next open removes it. Twice: into a new profile
# (the file's, hidden until the end) and merged into a profile of the
# same name that is already here (the records under a stand-in).
t0=${EPOCHREALTIME/./}
"$TWOWAY" --db "$SCRATCH/timed.db" import "$BIG" >/dev/null || fail "the timed import failed"
took=$(( (${EPOCHREALTIME/./} - t0) / 1000 )) # ms
full_counts=$(counts "$SCRATCH/timed.db")
full_seen=$(sections "$SCRATCH/timed.db")
CHECKS=$((CHECKS + 1))
[ "$full_counts" = "5000 5000 5000 5000" ] || fail "a whole import holds $full_counts"
kill_rounds() { # NAME PROFILE ROUNDS
	local KDB="$SCRATCH/kill-$1.db" kills=0 whole=0 in_batches=0 round pid h seen now
	"$TWOWAY" --db "$KDB" profile add "$2" >/dev/null
	local empty_counts; empty_counts=$(counts "$KDB")
	for round in $(seq 1 "$3"); do
		"$TWOWAY" --db "$KDB" import "$BIG" >/dev/null 2>"$SCRATCH/kill-err" &
		pid=$!
		if [ $((round % 2)) = 0 ]; then
			while kill -0 $pid 2>/dev/null &&
				[ "$(sqlite3 -cmd '.timeout 5000' "$KDB" "SELECT count(*) FROM settings WHERE key LIKE 'import:%'" 2>/dev/null)" != 1 ]; do
				sleep 0.02
			done
			ms $((took / 5))
		else
			ms "$took"
		fi
		if kill -KILL $pid 2>/dev/null; then kills=$((kills + 1)); fi
		wait $pid 2>/dev/null
		CHECKS=$((CHECKS + 1))
		integ=$(sqlite3 "$KDB" 'PRAGMA integrity_check' 2>&1)
		[ "$integ" = ok ] || fail "$1 round $round: integrity_check says: $integ"
		h=$(hidden "$KDB")
		[ "$h" -gt 0 ] && in_batches=$((in_batches + 1))
		# a reader: never a part of the file
		seen=$(sections "$KDB")
		CHECKS=$((CHECKS + 1))
		[ "$seen" = "0 0 0" ] || [ "$seen" = "$full_seen" ] || fail "$1 round $round: a reader saw part of an import: $seen"
		# that open removed what the kill left
		CHECKS=$((CHECKS + 1))
		[ "$(hidden "$KDB")" = 0 ] || fail "$1 round $round: the open after a kill left $(hidden "$KDB") rows and notes of the import"
		now=$(counts "$KDB")
		if [ "$now" != "$empty_counts" ]; then
			# imported in full: start again from nothing
			whole=$((whole + 1))
			CHECKS=$((CHECKS + 1))
			[ "$now" = "$full_counts" ] || fail "$1 round $round: a killed import left part: $now (full: $full_counts)"
			rm -f "$KDB" "$KDB"-wal "$KDB"-shm
			"$TWOWAY" --db "$KDB" profile add "$2" >/dev/null
		fi
	done
	echo "$1: a whole import took ${took} ms; killed $kills times in $3 rounds ($in_batches in the batches); $whole finished whole"
	CHECKS=$((CHECKS + 1))
	[ $kills -ge 2 ] || fail "$1: only $kills kills landed during an import"
	CHECKS=$((CHECKS + 1))
	[ $in_batches -ge 1 ] || fail "$1: no kill landed in the batches"
}
kill_rounds new Keep 6
kill_rounds merge Bench 4

# Another writer and a reader while the import of 20,000 records runs:
# the writer's `action add` waits at most for one batch and succeeds
# every time (the batches are short transactions); the reader sees none
# of the file or all of it, never a part.
WDB="$SCRATCH/write.db"
"$TWOWAY" --db "$WDB" profile add Writer >/dev/null
"$TWOWAY" --db "$WDB" import "$BIG" >"$SCRATCH/imp-out" 2>&1 &
pid=$!
( while kill -0 $pid 2>/dev/null; do sections "$WDB"; done >"$SCRATCH/reads" 2>>"$SCRATCH/r-err" ) &
reader=$!
writes=0 failed=0
while kill -0 $pid 2>/dev/null; do
	if "$TWOWAY" --db "$WDB" --profile Writer action add "written during the import $writes" \
		>/dev/null 2>"$SCRATCH/w-err"; then
		writes=$((writes + 1))
	else
		failed=$((failed + 1))
		echo "writer failed: $(cat "$SCRATCH/w-err")" >&2
	fi
done
wait $pid; RC=$?
wait $reader
expect_rc 0 "the import beside another writer ($(cat "$SCRATCH/imp-out"))"
CHECKS=$((CHECKS + 1))
[ $failed -eq 0 ] || fail "$failed writes failed during an import"
CHECKS=$((CHECKS + 1))
[ $writes -gt 0 ] || fail "no write went in during the import"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$WDB" "SELECT count(*) FROM actions WHERE text LIKE 'written during%'")" = $writes ] ||
	fail "writes acknowledged during the import are missing"
CHECKS=$((CHECKS + 1))
[ "$(counts "$WDB")" = "5000 $((5000 + writes)) 5000 5000" ] || fail "after the import beside a writer: $(counts "$WDB")"
CHECKS=$((CHECKS + 1))
bad=$(grep -v -x -e "0 0 0" -e "$full_seen" "$SCRATCH/reads" | head -3)
[ -z "$bad" ] || fail "a reader saw part of an import: $bad"
echo "$writes writes went through during the import; $(wc -l <"$SCRATCH/reads") reads saw none or all of it"

finish
