#!/bin/sh
# Rebuilds v7_agendas.db, a version-7 twoway database with agendas frozen
# as text (the version-9 migration takes the frozen lists out: the open action items written into meetings.agenda),
# with a twoway binary of schema 7 (commit 3b5aee1, where
# TW_STORE_SCHEMA_VERSION is 7) and the sqlite3 shell:
#   tests/data/store/make_v7_agendas.sh path/to/schema-7/twoway
# Ada has three meetings with Dana Reyes: 1 an agenda built by the old
# builder (answers, then the frozen "## Open action items" list), 2 the
# same with a line typed by hand after the list, 3 only the list. Action 1
# is done since; action 2 is open.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
cd "$(dirname "$0")"
rm -f v7_agendas.db v7_agendas.db-wal v7_agendas.db-shm v7_agendas.db-check
T="$TW --db v7_agendas.db"
$T profile add Ada >/dev/null
$T sponsor add "Dana Reyes" --title VP >/dev/null
$T meeting add --sponsor "Dana Reyes" --when 2030-01-10T10:00 >/dev/null
$T meeting add --sponsor "Dana Reyes" --when 2030-02-10T10:00 >/dev/null
$T meeting add --sponsor "Dana Reyes" --when 2030-03-10T10:00 >/dev/null
$T action add "Send the roadmap draft" --meeting 1 --due 2030-01-05 >/dev/null
$T action add "Intro to the CFO" --meeting 1 --owner sponsor --due 2030-02-01 >/dev/null
$T action done 1 >/dev/null
NL="char(10)"
sqlite3 v7_agendas.db "
UPDATE meetings SET agenda = '## My ask' || $NL || 'An intro to the CFO' || $NL || $NL ||
  '## Open action items' || $NL || '- Send the roadmap draft (me, due 2030-01-05)' || $NL ||
  '- Intro to the CFO (Dana Reyes, due 2030-02-01)' || $NL WHERE id = 1;
UPDATE meetings SET agenda = '## My ask' || $NL || 'A stretch project' || $NL || $NL ||
  '## Open action items' || $NL || '- Intro to the CFO (Dana Reyes, due 2030-02-01)' || $NL ||
  'and ask about the offsite' || $NL WHERE id = 2;
UPDATE meetings SET agenda = '## Open action items' || $NL ||
  '- Intro to the CFO (Dana Reyes, due 2030-02-01, overdue)' || $NL WHERE id = 3;
UPDATE profiles SET created = 1700000000;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v7_agendas.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v7_agendas.db 'VACUUM'
rm -f v7_agendas.db-check
printf 'v7_agendas.db: '
sqlite3 v7_agendas.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v7_agendas.db 'PRAGMA application_id'
