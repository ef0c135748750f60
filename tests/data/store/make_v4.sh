#!/bin/sh
# Rebuilds v4.db, the fixture of a version-4 twoway database (before sticky
# private flags and private drafts), with a twoway binary of schema 4 (commit
# d8fb734 or any commit before TW_STORE_SCHEMA_VERSION became 5) and the
# sqlite3 shell:
#   tests/data/store/make_v4.sh path/to/schema-4/twoway
# Ada's reflection on their-story was saved public ("v4 public words"), then
# again private ("v4 private words"); her free-standing reflection was saved
# public and then made private by the flag alone (same text); she has a
# draft on their-story ("v4 draft words"). Bo has one public reflection.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v4.db v4.db-wal v4.db-shm
"$TW" --db v4.db profile add Ada >/dev/null
"$TW" --db v4.db profile add Bo >/dev/null
echo "v4 public words" | "$TW" --db v4.db --profile Ada reflect \
	six-practices/proactive/their-story >/dev/null
echo "v4 private words" | "$TW" --db v4.db --profile Ada reflect \
	six-practices/proactive/their-story --private >/dev/null
echo "v4 free words" | "$TW" --db v4.db --profile Ada reflect - >/dev/null
echo "Bo's public words" | "$TW" --db v4.db --profile Bo reflect \
	six-practices/clear-ask/name-the-help >/dev/null
sqlite3 v4.db "
UPDATE reflections SET is_private = 1 WHERE item_id IS NULL;
INSERT INTO drafts(profile_id, item_id, text, saved)
  VALUES (1, 'six-practices/proactive/their-story', 'v4 draft words', 1700000000);
UPDATE profiles SET created = 1700000000;
UPDATE reflections SET created = 1700000000, updated = 1700000000;
UPDATE reflection_versions SET saved = 1700000000 + version;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v4.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v4.db 'VACUUM'
printf 'v4.db: '
sqlite3 v4.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v4.db 'PRAGMA application_id'
