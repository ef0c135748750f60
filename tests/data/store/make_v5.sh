#!/bin/sh
# Rebuilds v5.db, the fixture of a version-5 twoway database (before the
# preparation and debrief answers belonged to a meeting), with a twoway
# binary of schema 5 (commit 003ba98 or any commit before
# TW_STORE_SCHEMA_VERSION became 8) and the sqlite3 shell:
#   tests/data/store/make_v5.sh path/to/schema-5/twoway
# Ada has two meetings with Dana Reyes (1 on 2026-10-01, held; 2 on
# 2026-11-20, planned) and answers of the before-meeting walk (a public
# reflection "v5 challenge words", a private one "v5 private feedback", a
# tick on read-their-work, the readiness rating 4) and of the after-meeting
# walk ("v5 notes words", a tick on thank-you), plus one six-practices
# reflection ("v5 practice words") and a draft on the-ask ("v5 draft
# words"). Bo has no meeting and one before-meeting answer ("Bo's
# challenge").
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v5.db v5.db-wal v5.db-shm
A="$TW --db v5.db --profile Ada"
"$TW" --db v5.db profile add Ada >/dev/null
"$TW" --db v5.db profile add Bo >/dev/null
$A sponsor add "Dana Reyes" >/dev/null
$A meeting add --sponsor "Dana Reyes" --when 2026-10-01T10:00 >/dev/null
$A meeting held 1 --notes "first meeting" >/dev/null
$A meeting add --sponsor "Dana Reyes" --when 2026-11-20T10:00 >/dev/null
echo "v5 challenge words" | $A reflect before-meeting/agenda/the-challenge >/dev/null
echo "v5 private feedback" | $A reflect before-meeting/feedback/feedback-to-share --private >/dev/null
$A tick before-meeting/homework/read-their-work >/dev/null
$A rate before-meeting/logistics/readiness 4 >/dev/null
echo "v5 notes words" | $A reflect after-meeting/what-was-said/notes >/dev/null
$A tick after-meeting/follow-up/thank-you >/dev/null
echo "v5 practice words" | $A reflect six-practices/proactive/their-story >/dev/null
echo "Bo's challenge" | "$TW" --db v5.db --profile Bo reflect before-meeting/agenda/the-challenge >/dev/null
sqlite3 v5.db "
INSERT INTO drafts(profile_id, item_id, text, saved, is_private)
  VALUES (1, 'before-meeting/the-ask/the-ask', 'v5 draft words', 1700000000, 0);
UPDATE profiles SET created = 1700000000;
UPDATE reflections SET created = 1700000000, updated = 1700000000;
UPDATE reflection_versions SET saved = 1700000000 + version;
UPDATE progress SET changed = 1700000000;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v5.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v5.db 'VACUUM'
rm -rf v5.db-check backups # what the binary keeps beside a database
printf 'v5.db: '
sqlite3 v5.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v5.db 'PRAGMA application_id'
