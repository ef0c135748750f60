#!/bin/sh
# Rebuilds v4.db, the fixture of a version-4 twoway database (before the
# profile lock), with a twoway binary of schema 4 (commit d8fb734 or any
# commit before TW_STORE_SCHEMA_VERSION became 5) and the sqlite3 shell:
#   tests/data/store/make_v4.sh path/to/schema-4/twoway
# Ada has a private reflection saved twice and a public one; Bo a private one.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v4.db v4.db-wal v4.db-shm
"$TW" --db v4.db profile add Ada >/dev/null
"$TW" --db v4.db profile add Bo >/dev/null
echo "ada v4 private first" | "$TW" --db v4.db --profile Ada reflect \
	six-practices/proactive/their-story --private >/dev/null
echo "ada v4 private second" | "$TW" --db v4.db --profile Ada reflect \
	six-practices/proactive/their-story --private >/dev/null
echo "ada v4 public words" | "$TW" --db v4.db --profile Ada reflect \
	six-practices/clear-ask/name-the-help >/dev/null
echo "bo v4 private" | "$TW" --db v4.db --profile Bo reflect \
	six-practices/clear-ask/name-the-help --private >/dev/null
sqlite3 v4.db "UPDATE profiles SET created = 1700000000; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v4.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v4.db 'VACUUM'
printf 'v4.db: '
sqlite3 v4.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v4.db 'PRAGMA application_id'
