#!/usr/bin/env bash
# Modes: an existing database, -wal or -shm readable by others, or a data
# directory looser than 0700, is tightened when twoway opens it, with a
# one-line notice; a --db elsewhere keeps its directory's mode.
. "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }
dir="$XDG_DATA_HOME/twoway"
db="$dir/twoway.db"
d() { "$TWOWAY" --content "$CONTENT" "$@"; }

d profile add Ada >/dev/null || fail "profile add on the default database"
CHECKS=$((CHECKS + 1))
[ "$(mode "$db")" = 600 ] && [ "$(mode "$dir")" = 700 ] || fail "new files: $(mode "$db") $(mode "$dir")"

chmod 0644 "$db"
chmod 0755 "$dir"
# another program holds it open, so a -wal and a -shm exist (0644 too)
python3 - "$db" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("INSERT INTO settings(key, value) VALUES ('held', 'open')")
time.sleep(4)
c.close()
PY
holder=$!
for _ in $(seq 1 50); do [ -e "$db-shm" ] && [ -e "$db-wal" ] && break; sleep 0.1; done
CHECKS=$((CHECKS + 1))
[ "$(mode "$db-wal")" = 644 ] || fail "fixture: -wal is $(mode "$db-wal")"
OUT=$(d profile list 2>"$SCRATCH/err"); RC=$?; ERR=$(cat "$SCRATCH/err")
expect_rc 0 "profile list on a loose database"
expect_out_has "Ada" "the records are there"
expect_err "twoway: made private (others could read them): '$dir' was mode 0755, now 0700; '$db' was mode 0644, now 0600; '$db-wal' was mode 0644, now 0600; '$db-shm' was mode 0644, now 0600" \
	"the notice names what was tightened"
CHECKS=$((CHECKS + 1))
for f in "$db" "$db-wal" "$db-shm"; do
	[ "$(mode "$f")" = 600 ] || fail "$f is $(mode "$f")"
done
[ "$(mode "$dir")" = 700 ] || fail "$dir is $(mode "$dir")"
wait "$holder"
OUT=$(d profile list 2>"$SCRATCH/err"); RC=$?; ERR=$(cat "$SCRATCH/err")
expect_err "" "no notice once private"

# A --db in a shared directory: the file is tightened, the directory kept.
mkdir -m 0755 "$SCRATCH/shared"
tw --db "$SCRATCH/shared/x.db" profile add Bo >/dev/null
chmod 0640 "$SCRATCH/shared/x.db"
run --db "$SCRATCH/shared/x.db" profile list
expect_err "twoway: made private (others could read them): '$SCRATCH/shared/x.db' was mode 0640, now 0600" \
	"--db elsewhere: only the file"
CHECKS=$((CHECKS + 1))
[ "$(mode "$SCRATCH/shared")" = 755 ] || fail "the shared directory was changed"
[ "$(mode "$SCRATCH/shared/x.db")" = 600 ] || fail "x.db is $(mode "$SCRATCH/shared/x.db")"

finish
