#!/usr/bin/env bash
# Refused files stay untouched: a foreign SQLite file, a damaged twoway file
# and one whose newer schema sits only in its -wal, each with a -wal (and a
# -shm, or none) beside it, are refused, and the file, its -wal and its -shm
# are byte for byte what they were (nothing checkpointed, nothing deleted,
# no -shm created).
. "$(dirname "$0")/lib.sh"

# sums F: the checksums of F, F-wal and F-shm ("-" for a missing file).
sums() {
	local s
	for s in "" -wal -shm; do
		if [ -e "$1$s" ]; then sha256sum <"$1$s"; else echo "- missing"; fi
	done
}

# A snapshot of a WAL database as another process sees it while open:
# make F with the python script $2 run inside an open connection, copy F
# and its -wal and -shm aside before the connection closes.
walcopy() {
	python3 - "$SCRATCH/src.db" "$1" "$2" <<'PY'
import os, shutil, sqlite3, sys
src, dst, sql = sys.argv[1], sys.argv[2], sys.argv[3]
for s in ("", "-wal", "-shm"):
    if os.path.exists(src + s):
        os.remove(src + s)
c = sqlite3.connect(src, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA wal_autocheckpoint=0")
c.executescript(sql)
for s in ("", "-wal", "-shm"):
    shutil.copy(src + s, dst + s)
c.close()
PY
}

# refused F WHAT [KEEP_SHM]: twoway refuses F; the three files do not change.
refused() {
	local f=$1 what=$2 before after
	before=$(sums "$f")
	run --db "$f" guides
	expect_rc 1 "$what: refused"
	expect_err_has "left untouched" "$what: says so"
	CHECKS=$((CHECKS + 1))
	[ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] || fail "$what: message is not one line: $ERR"
	# the app refuses it the same way
	"$TWOWAY" --db "$f" --content "$CONTENT" </dev/null >/dev/null 2>&1
	after=$(sums "$f")
	CHECKS=$((CHECKS + 1))
	[ "$before" = "$after" ] || fail "$what: the files changed:
before:
$before
after:
$after"
}

# 1. A foreign SQLite file in WAL mode, open elsewhere (-wal and -shm).
walcopy "$SCRATCH/foreign.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');"
[ -s "$SCRATCH/foreign.db-wal" ] || fail "fixture: no -wal was made"
refused "$SCRATCH/foreign.db" "foreign with -wal and -shm"

# 2. The same without its -shm (a -wal copied alone): no -shm may appear.
walcopy "$SCRATCH/foreign2.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');"
rm -f "$SCRATCH/foreign2.db-shm"
refused "$SCRATCH/foreign2.db" "foreign with -wal only"

# 3. A twoway database whose newer schema is only in its -wal.
tw --db "$SCRATCH/ours.db" profile add Ada >/dev/null || fail "fixture: profile add"
cp "$SCRATCH/ours.db" "$SCRATCH/src-ours.db"
python3 - "$SCRATCH/src-ours.db" "$SCRATCH/newer.db" <<'PY'
import shutil, sqlite3, sys
src, dst = sys.argv[1], sys.argv[2]
c = sqlite3.connect(src, isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint=0")
c.executescript("BEGIN; PRAGMA user_version=99; CREATE TABLE later(x); COMMIT;")
for s in ("", "-wal", "-shm"):
    shutil.copy(src + s, dst + s)
c.close()
PY
[ -s "$SCRATCH/newer.db-wal" ] || fail "fixture: no -wal for the newer file"
refused "$SCRATCH/newer.db" "newer schema in the -wal"
expect_err_has "newer twoway" "newer: named as too new"

# 4. A damaged twoway file with a -wal: pages overwritten in the middle.
tw --db "$SCRATCH/dmg.db" profile add Ada >/dev/null
for i in $(seq 1 30); do tw --db "$SCRATCH/dmg.db" action add "action $i" >/dev/null; done
python3 - "$SCRATCH/dmg.db" "$SCRATCH/damaged.db" <<'PY'
import os, shutil, sqlite3, sys
src, dst = sys.argv[1], sys.argv[2]
c = sqlite3.connect(src, isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
for s in ("", "-wal", "-shm"):
    shutil.copy(src + s, dst + s)
c.close()
size = os.path.getsize(dst)
with open(dst, "r+b") as f:
    for page in range(2, size // 4096):
        f.seek(page * 4096 + 100)
        f.write(b"\xa5" * 600)
PY
refused "$SCRATCH/damaged.db" "damaged with -wal"
expect_err_has "damaged" "damaged: named as damaged"

# 5. A healthy twoway database open in another window still opens.
python3 - "$SCRATCH/ours.db" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("INSERT INTO settings(key, value) VALUES ('held', 'open')")
time.sleep(3)
c.close()
PY
holder=$!
for _ in $(seq 1 50); do [ -e "$SCRATCH/ours.db-wal" ] && break; sleep 0.1; done
run --db "$SCRATCH/ours.db" profile list
expect_rc 0 "ours while open elsewhere"
expect_out_has "Ada" "ours while open elsewhere lists the profile"
wait "$holder"

finish
