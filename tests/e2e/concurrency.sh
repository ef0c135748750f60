#!/usr/bin/env bash
# Concurrency test: two processes each add 500 action items to the same
# database at the same time. Neither sees an error (every run exits 0 with
# an empty stderr) and all 1,000 items are there afterwards. And a writer
# that waits for the lock takes it in the first moment it comes free.
. "$(dirname "$0")/lib.sh"

N=${CONCURRENCY_N:-500}
ok profile add racer

# Under the sanitizers, the leak check at exit costs as much as the rest of
# a run: the first add of each writer is checked, the others repeat it.
writer() {
	local who=$1 i leaks=
	for ((i = 1; i <= N; i++)); do
		if ! ASAN_OPTIONS="${ASAN_OPTIONS:-}$leaks" tw action add "race-$who-$i" >/dev/null \
			2>>"$SCRATCH/err-$who"; then
			echo "race-$who-$i failed" >>"$SCRATCH/err-$who"
		fi
		leaks=:detect_leaks=0
	done
}

: >"$SCRATCH/err-a"
: >"$SCRATCH/err-b"
writer a &
pa=$!
writer b &
pb=$!
wait $pa
wait $pb

CHECKS=$((CHECKS + 2))
[ ! -s "$SCRATCH/err-a" ] || fail "writer a saw errors: $(head -5 "$SCRATCH/err-a")"
[ ! -s "$SCRATCH/err-b" ] || fail "writer b saw errors: $(head -5 "$SCRATCH/err-b")"
ok action list
for who in a b; do
	got=$(grep -cE "race-$who-[0-9]+\$" <<<"$OUT")
	CHECKS=$((CHECKS + 1))
	[ "$got" -eq "$N" ] || fail "writer $who: $got of $N items stored"
done
dups=$(grep -oE 'race-[ab]-[0-9]+$' <<<"$OUT" | sort | uniq -d | head -3)
[ -z "$dups" ] || fail "duplicated items: $dups"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
echo "concurrency: $(grep -cE 'race-[ab]-' <<<"$OUT") items stored"

# Another connection holds the write lock, lets it go for 10 ms at 0.6 s
# (as an import does between its batches, for less) and holds it again
# until 2.6 s. The twoway write that waited goes in in that gap: it looks
# every millisecond, where SQLite's own timeout looks 100 ms apart by then
# and so (most of the time) waited out the second hold as well.
python3 - "$DB" "$SCRATCH/held" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(0.6)
db.execute("COMMIT")
time.sleep(0.01)
db.execute("BEGIN IMMEDIATE")
time.sleep(2.0)
db.execute("COMMIT")
PY
holder=$!
while [ ! -e "$SCRATCH/held" ]; do sleep 0.01; done
t0=${EPOCHREALTIME/./}
ok action add "written in the gap"
took=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
wait $holder || fail "the lock holder failed"
CHECKS=$((CHECKS + 1))
[ "$took" -lt 1500 ] || fail "the waiting write took $took ms: it missed the gap at 600 ms"
echo "concurrency: the waiting write went in after $took ms"
finish
