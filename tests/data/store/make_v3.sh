#!/bin/sh
# Rebuilds v3.db, the fixture of a version-3 twoway database (before coaching
# events), with a twoway binary of schema 3 (commit 75a3778 or any commit
# before TW_STORE_SCHEMA_VERSION became 4) and the sqlite3 shell:
#   tests/data/store/make_v3.sh path/to/schema-3/twoway
# Ada has a tick, a rating and a private reflection; Bo a public one.
# Coaching session 1 (Ada) ended with its covered text; session 2 is open.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v3.db v3.db-wal v3.db-shm
"$TW" --db v3.db profile add Ada >/dev/null
"$TW" --db v3.db profile add Bo >/dev/null
"$TW" --db v3.db --profile Ada tick six-practices/proactive/set-the-meeting >/dev/null
"$TW" --db v3.db --profile Ada rate six-practices/proactive/prepared-rating 4 >/dev/null
echo "a private note" | "$TW" --db v3.db --profile Ada reflect \
	six-practices/proactive/their-story --private >/dev/null
echo "Bo's public words" | "$TW" --db v3.db --profile Bo reflect \
	six-practices/clear-ask/name-the-help >/dev/null
sqlite3 v3.db "
INSERT INTO coaching(id, profile_id, coach, started, ended, notes, covered)
  VALUES (1, 1, 'Robin', 1700000000, 1700003600, 'went well',
          'Guide: Six practices' || char(10) || 'Ticked (1):' || char(10) ||
          '- Book the meeting [six-practices/proactive/set-the-meeting]' || char(10));
INSERT INTO coaching(id, profile_id, coach, started) VALUES (2, 1, 'Robin', 1700100000);
UPDATE profiles SET created = 1700000000;
PRAGMA wal_checkpoint(TRUNCATE);"
sqlite3 v3.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v3.db 'VACUUM'
printf 'v3.db: '
sqlite3 v3.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v3.db 'PRAGMA application_id'
