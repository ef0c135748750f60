#!/bin/sh
# Rebuilds v6.db, the fixture of a version-6 twoway database (before the
# profile lock), with a twoway binary of schema 6 (commit b568992, where
# TW_STORE_SCHEMA_VERSION is 6) and the sqlite3 shell:
#   tests/data/store/make_v6.sh path/to/schema-6/twoway
# Ada has a private reflection saved twice, a public one and a private
# draft; Bo a private reflection.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v6.db v6.db-wal v6.db-shm
"$TW" --db v6.db profile add Ada >/dev/null
"$TW" --db v6.db profile add Bo >/dev/null
echo "ada v6 private first" | "$TW" --db v6.db --profile Ada reflect \
	six-practices/proactive/their-story --private >/dev/null
echo "ada v6 private second" | "$TW" --db v6.db --profile Ada reflect \
	six-practices/proactive/their-story >/dev/null
echo "ada v6 public words" | "$TW" --db v6.db --profile Ada reflect \
	six-practices/clear-ask/name-the-help >/dev/null
echo "bo v6 private" | "$TW" --db v6.db --profile Bo reflect \
	six-practices/clear-ask/name-the-help --private >/dev/null
sqlite3 v6.db "
INSERT INTO drafts(profile_id, item_id, text, saved, is_private)
  VALUES (1, 'six-practices/clear-ask/visibility', 'ada v6 draft private', 1700000000, 1);
UPDATE profiles SET created = 1700000000;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v6.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v6.db 'VACUUM'
printf 'v6.db: '
sqlite3 v6.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v6.db 'PRAGMA application_id'
