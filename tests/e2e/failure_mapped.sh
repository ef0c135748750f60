#!/usr/bin/env bash
# A command that reads much of a profile reads the database one of two
# ways (tw_store_map_reads, tw_store_stream_reads): listings and the
# action items' CSV through a memory map, the other exports and search
# with read calls into a small page cache.
# Read by calls: the file is cut short by another program under an export
# that is blocked writing to a pipe half-way, so the pages it has yet to
# read are gone; SQLite's error says the file is damaged, exit 1.
# Mapped: a page that cannot be read comes as SIGBUS, not as an error from
# SQLite, and the command must still stop with one line, not die of a bus
# error. The mapped commands read everything before they write, so no pipe
# holds them half-way through their reads: the test sends the signal the
# kernel would send to one blocked writing its output.
# On a sound copy of the same data every such command still answers.
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

# blocked ARGS...: runs twoway ARGS on the file $1 in the background,
# writing into a FIFO the test reads a little of and then stops reading,
# and returns once the command is blocked in a write (the pipe is full);
# PID is the command's. finish_blocked reads the rest and sets RC and ERR.
mkfifo "$SCRATCH/pipe"
blocked() {
	local db=$1
	shift
	# exec: PID is twoway's own, not a subshell's
	(exec "$TWOWAY" --db "$db" --content "$CONTENT" "$@" >"$SCRATCH/pipe" 2>"$SCRATCH/bus.err") &
	PID=$!
	exec 3<"$SCRATCH/pipe"
	head -c 4096 <&3 >/dev/null
	for _ in $(seq 100); do
		state=$(awk '{print $3}' "/proc/$PID/stat" 2>/dev/null)
		[ "$state" = S ] && break
		sleep 0.05
	done
}
finish_blocked() {
	cat <&3 >/dev/null
	exec 3<&-
	wait "$PID"
	RC=$?
	ERR=$(cat "$SCRATCH/bus.err")
}

cp "$SCRATCH/sound.db" "$SCRATCH/cut.db"
blocked "$SCRATCH/cut.db" export --format json
: >"$SCRATCH/cut.db" # another program cuts the file short
finish_blocked
expect_rc 1 "JSON export (read calls) of a file cut short under it"
expect_err "twoway: exporting the database: the database '$SCRATCH/cut.db' is damaged (database disk image is malformed); restore it from a backup" \
	"JSON export (read calls) of a file cut short under it"

cp "$SCRATCH/sound.db" "$SCRATCH/mapped.db"
blocked "$SCRATCH/mapped.db" export --format csv --what actions
kill -BUS "$PID"
finish_blocked
expect_rc 1 "CSV export (mapped) stopped by SIGBUS"
expect_err "twoway: the database file could not be read (a disk error, or another program cut the file short); stopped" \
	"CSV export (mapped) stopped by SIGBUS"
blocked "$SCRATCH/mapped.db" action list --open
kill -BUS "$PID"
finish_blocked
expect_rc 1 "action list (mapped) stopped by SIGBUS"
expect_err "twoway: the database file could not be read (a disk error, or another program cut the file short); stopped" \
	"action list (mapped) stopped by SIGBUS"

# The same data, whole: every such command answers, both ways of reading.
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
ok export --format csv --what actions
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | grep -c 'prepare the quarterly review')" -eq 4000 ] ||
	fail "export --format csv --what actions on the sound copy does not hold the 4,000 items"

finish
