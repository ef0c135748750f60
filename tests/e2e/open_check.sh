#!/usr/bin/env bash
# The integrity check on open (PRAGMA quick_check) runs when the file is
# suspicious, not on every open: closing after a write or a check, twoway
# records the file as it leaves it in DB-check, and an open skips the
# check while that record matches the file and is less than a day old.
# Any other writer, or a day gone by, brings the check back, and a
# damaged file is refused.
. "$(dirname "$0")/lib.sh"

REC="$DB-check"
ok profile add Ada
for i in $(seq 1 20); do ok action add "action $i with a few words to fill pages"; done

# record [CHECKED_AT]: the record that describes the file as it is now
# (checked at CHECKED_AT, default the one in the record).
record() {
	python3 - "$DB" "$REC" "${1:-}" <<'PY'
import os, sys
st = os.stat(sys.argv[1])
when = sys.argv[3] or open(sys.argv[2]).read().split()[2]
print("twoway-check 1 %s %d %d %d %d.%09d %d.%09d" % (when, st.st_dev, st.st_ino, st.st_size,
      st.st_mtime_ns // 10**9, st.st_mtime_ns % 10**9, st.st_ctime_ns // 10**9, st.st_ctime_ns % 10**9))
PY
}
check_rec() {
	CHECKS=$((CHECKS + 1))
	[ -f "$REC" ] && [ "$(cat "$REC")" = "$(record)" ] ||
		fail "$1: the record '$(cat "$REC" 2>/dev/null)' does not describe the file '$(record 2>/dev/null)'"
}
check_rec "after writes"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$REC")" = 600 ] || fail "the record's mode is $(stat -c %a "$REC")"

# Reads leave the file, and so its record, as they were.
before=$(cat "$REC")
ok action list
ok search action
CHECKS=$((CHECKS + 1))
[ "$(cat "$REC")" = "$before" ] || fail "reading rewrote the record"
check_rec "after reads"

# An up-to-date file is opened without a write lock: a read waits for no
# other window's write (sqlite3 holds one for 3 s here).
sqlite3 "$DB" "BEGIN IMMEDIATE;" ".shell touch '$SCRATCH/locked'; sleep 3" "ROLLBACK;" &
locker=$!
for _ in $(seq 100); do [ -e "$SCRATCH/locked" ] && break; sleep 0.05; done
OUT=$(TWOWAY_BUSY_TIMEOUT_MS=300 tw action list 2>&1)
RC=$?
ERR=$OUT
expect_rc 0 "reading while another program holds the write lock"
OUT=$(TWOWAY_BUSY_TIMEOUT_MS=300 tw search action 2>&1)
RC=$?
ERR=$OUT
expect_rc 0 "searching while another program holds the write lock"
wait $locker

# Damage a page that listing actions never reads (coaching_events' root).
cp "$DB" "$SCRATCH/good.db"
python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect("file:%s?immutable=1" % sys.argv[1], uri=True)
page = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'coaching_events'").fetchone()[0]
c.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((page - 1) * 4096)
    f.write(b"\xa5" * 200)
PY
checked=$(cut -d' ' -f3 "$REC")
saved=$(cat "$REC")

# Written by another program: the record no longer matches, so the file
# is checked, refused, and left as it was (its record too).
run action list
expect_rc 1 "damage written by another program"
expect_err_has "is damaged" "damage written by another program"
CHECKS=$((CHECKS + 1))
[ "$(cat "$REC")" = "$saved" ] || fail "a refused file's record changed"

# A record that matches (as if twoway had written these bytes) vouches:
# the check is skipped the same day, which is what the record saves ...
record "$checked" >"$REC"
run action list
expect_rc 0 "a file its record vouches for is not checked again"
# ... but not once a day has gone by since the check it records.
record $((checked - 86401)) >"$REC"
run action list
expect_rc 1 "a day after the last check"
expect_err_has "is damaged" "a day after the last check"

# A healthy file whose record is a day old: checked again, passes, and
# the new check is recorded.
cp "$SCRATCH/good.db" "$DB"
record $((checked - 86401)) >"$REC"
ok action list
check_rec "after a new check"
CHECKS=$((CHECKS + 1))
[ "$(cut -d' ' -f3 "$REC")" -ge "$checked" ] || fail "the new check's time was not recorded: $(cat "$REC")"

finish
