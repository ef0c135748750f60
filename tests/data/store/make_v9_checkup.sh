#!/bin/sh
# Rebuilds v9_checkup.db, the fixture of a version-9 twoway database (before
# check-ups were dated runs and search covered sponsors), with a twoway
# binary of schema 9 (commit d7b23f1, where TW_STORE_SCHEMA_VERSION is 9)
# and the sqlite3 shell:
#   tests/data/store/make_v9_checkup.sh path/to/schema-9/twoway
# Ada has two sponsors, Dana Reyes (stage mentor) and Sam Ho (stage mentor,
# her latest meeting is with Sam), and answered the check-up once: the
# stage rated 3 and advocacy 2 (changed 1750000000), a tick on heard-about,
# a reflection on evidence ("v9 evidence words", updated 1760000000) and a
# draft on next-stage ("v9 draft words"); the sponsors were last changed at
# 1700000000. Bo has a sponsor and no check-up answer.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v9_checkup.db v9_checkup.db-wal v9_checkup.db-shm
A="$TW --db v9_checkup.db --profile Ada"
"$TW" --db v9_checkup.db profile add Ada >/dev/null
"$TW" --db v9_checkup.db profile add Bo >/dev/null
$A sponsor add "Dana Reyes" --stage mentor >/dev/null
$A sponsor add "Sam Ho" --stage mentor >/dev/null
$A meeting add --sponsor "Dana Reyes" --when 2026-09-01T10:00 >/dev/null
$A meeting add --sponsor "Sam Ho" --when 2026-10-01T10:00 >/dev/null
$A rate checkup/continuum/stage 3 >/dev/null
$A rate checkup/advocacy/advocacy-level 2 >/dev/null
$A tick checkup/advocacy/heard-about >/dev/null
echo "v9 evidence words" | $A reflect checkup/continuum/evidence >/dev/null
"$TW" --db v9_checkup.db --profile Bo sponsor add "Lee Park" >/dev/null
sqlite3 v9_checkup.db "
INSERT INTO drafts(profile_id, item_id, text, saved, is_private)
  VALUES (1, 'checkup/continuum/next-stage', 'v9 draft words', 1700000000, 0);
UPDATE profiles SET created = 1700000000;
UPDATE sponsors SET created = 1700000000, updated = 1700000000;
UPDATE reflections SET created = 1760000000, updated = 1760000000;
UPDATE reflection_versions SET saved = 1760000000;
UPDATE progress SET changed = 1750000000;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v9_checkup.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v9_checkup.db 'VACUUM'
rm -rf v9_checkup.db-check backups/v9_checkup-* # what the binary keeps beside a database
printf 'v9_checkup.db: '
sqlite3 v9_checkup.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v9_checkup.db 'PRAGMA application_id'
