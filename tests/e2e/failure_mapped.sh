#!/usr/bin/env bash
# The commands that read a whole profile (exports, listings, search) read
# the database through a memory map. A page that cannot be read then comes
# as SIGBUS, not as an error from SQLite: the command must still stop with
# one line, not die of a bus error. The file is cut short under an export
# that is blocked writing to a pipe half-way, so the pages it has yet to
# read are gone; the export must say so and exit 1, and a listing on a
# sound copy of the same data must still answer (the map is not the
# problem, the missing pages are).
. "$(dirname "$0")/lib.sh"

ok profile add Alice
ok action add "seed"
# A few MB of action items, made by an import (thousands of `action add`
# would take the suite's time): the export of a small database, its one
# action item copied 4,000 times with long texts.
tw export --format json >"$SCRATCH/seed.json" || fail "seed export"
python3 - "$SCRATCH/seed.json" "$SCRATCH/big.json" <<'EOF' || fail "making the big file"
import json, sys
doc = json.load(open(sys.argv[1]))
a = doc["actions"][0]
words = "prepare the quarterly review with concrete examples of impact " * 12
doc["actions"] = [dict(a, uid="big-%d" % i, id=i + 1, text="%d %s" % (i, words))
                  for i in range(4000)]
json.dump(doc, open(sys.argv[2], "w"))
EOF
rm -f "$DB" "$DB-wal" "$DB-shm"
ok import "$SCRATCH/big.json"
cp "$DB" "$SCRATCH/sound.db"
size=$(stat -c %s "$DB")
CHECKS=$((CHECKS + 1))
[ "$size" -gt 2000000 ] || fail "the database is only $size bytes; the test needs it larger than what the export has read when it blocks"

# The export writes into a FIFO the test reads a little of, then stops
# reading: the export blocks with most of the file still to read.
mkfifo "$SCRATCH/pipe"
tw export --format json >"$SCRATCH/pipe" 2>"$SCRATCH/bus.err" &
pid=$!
exec 3<"$SCRATCH/pipe"
head -c 4096 <&3 >/dev/null
# wait until the export is blocked in a write (the pipe is full)
for _ in $(seq 100); do
	state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)
	[ "$state" = S ] && break
	sleep 0.05
done
: >"$DB" # another program cuts the file short
cat <&3 >/dev/null
exec 3<&-
wait "$pid"
RC=$?
ERR=$(cat "$SCRATCH/bus.err")
expect_rc 1 "export of a file cut short under it"
expect_err "twoway: the database file could not be read (a disk error, or another program cut the file short); stopped" \
	"export of a file cut short under it"

# The same data, whole: every mapped command answers.
DB="$SCRATCH/sound.db"
ok action list --open
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | grep -c 'prepare the quarterly review')" -eq 4000 ] ||
	fail "action list --open on the sound copy does not list the 4,000 items"
ok search quarterly
expect_out_has "quarterly" "search on the sound copy"
ok export --format json
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["actions"]))')" = 4000 ] ||
	fail "export --format json on the sound copy does not hold the 4,000 items"

finish
