#!/bin/sh
# Rebuilds v10_orphans.db, the fixture of a version-10 twoway database left
# by purges that forgot per-meeting and per-run rows, with a twoway binary of
# schema 10 from before purge removed them (commit 0616176) and the sqlite3
# shell:   tests/data/store/make_v10_orphans.sh path/to/schema-10/twoway
# Ada has sponsors Dana Reyes and Sam Ho, meetings 1 and 2 with Dana, and a
# check-up run with each sponsor (runs 1: Dana, 2: Sam). She ticked the
# before-meeting read-their-work item for both meetings and for both runs the
# check-up's heard-about item, and drafts exist for meeting 2 and run 2.
# Then meeting 2 and sponsor Sam were deleted and purged: the old purge left
# meeting 2's tick and draft and run 2's tick and draft behind.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v10_orphans.db v10_orphans.db-wal v10_orphans.db-shm
A="$TW --db v10_orphans.db --profile Ada"
"$TW" --db v10_orphans.db profile add Ada >/dev/null
$A sponsor add "Dana Reyes" >/dev/null
$A sponsor add "Sam Ho" >/dev/null
$A meeting add --sponsor "Dana Reyes" --when 2026-09-01T10:00 >/dev/null
$A meeting add --sponsor "Dana Reyes" --when 2026-10-01T10:00 >/dev/null
$A checkup start "Dana Reyes" --on 2026-09-02 >/dev/null
$A checkup start "Sam Ho" --on 2026-09-03 >/dev/null
for m in 1 2; do $A tick before-meeting/homework/read-their-work --meeting $m >/dev/null; done
for c in 1 2; do $A tick checkup/advocacy/heard-about --checkup $c >/dev/null; done
sqlite3 v10_orphans.db "
INSERT INTO drafts(profile_id, item_id, text, saved, is_private) VALUES
  (1, 'before-meeting/agenda/the-challenge@meeting:1', 'kept draft m1', 1700000000, 0),
  (1, 'before-meeting/agenda/the-challenge@meeting:2', 'orphan draft m2', 1700000000, 0),
  (1, 'checkup/continuum/evidence@checkup:1', 'kept draft c1', 1700000000, 0),
  (1, 'checkup/continuum/evidence@checkup:2', 'orphan draft c2', 1700000000, 0);" >/dev/null
$A delete meeting 2 >/dev/null
$A delete sponsor "Sam Ho" >/dev/null
$A purge --yes >/dev/null
sqlite3 v10_orphans.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v10_orphans.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v10_orphans.db 'VACUUM'
rm -rf v10_orphans.db-check backups/v10_orphans-* # what the binary keeps beside a database
printf 'v10_orphans.db: '
sqlite3 v10_orphans.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v10_orphans.db 'PRAGMA application_id'
echo "orphans: $(sqlite3 v10_orphans.db "SELECT count(*) FROM progress WHERE meeting_id = 2 OR checkup_id = 2") progress rows, $(sqlite3 v10_orphans.db "SELECT count(*) FROM drafts WHERE item_id GLOB '*:2'") drafts"
