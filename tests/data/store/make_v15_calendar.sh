#!/bin/sh
# Rebuilds v15_calendar.db, a version-15 twoway database (no covering
# index of the calendar's read, which schema 16 adds) for the test of
# migration 16, and v15_calendar.ics, its iCalendar export as schema 15
# wrote it, with a twoway binary of schema 15 (commit 87a8d48 or any commit
# whose TW_STORE_SCHEMA_VERSION is 15) and the sqlite3 shell:
#   tests/data/store/make_v15_calendar.sh path/to/schema-15/twoway
# Ada, sponsors Grace and Lin: meetings added out of time order (ids 1..6:
# 2030-03-10, 2030-01-10, 2030-03-10 again, 2030-02-10 held, 2030-01-05
# deleted, 2029-12-31), agendas with the characters iCalendar escapes and
# one long enough to fold. Bo, sponsor Kim: meeting 7 (2030-01-01).
set -e
out=$(cd "$(dirname "$0")" && pwd)
. "$out/fixture_lib.sh"
fixture_begin "$1" v15.db
t profile add Ada
t profile add Bo
t --profile Ada sponsor add "Grace"
t --profile Ada sponsor add "Lin, PhD"
t --profile Bo sponsor add "Kim"
t --profile Ada meeting add --sponsor Grace --when "2030-03-10 10:00" --agenda "budget; hiring, and the offsite"
t --profile Ada meeting add --sponsor "Lin, PhD" --when "2030-01-10 09:30" --agenda "first talk"
t --profile Ada meeting add --sponsor "Lin, PhD" --when "2030-03-10 10:00" --agenda "same hour as Grace" --anyway
t --profile Ada meeting add --sponsor Grace --when "2030-02-10 16:00" --agenda "$(printf 'a line\nand a second; with a backslash \\ in it, and enough words after it to fold the line twice over at seventy-five octets: één, twee, drie')"
t --profile Ada meeting held 4 --notes "went well"
t --profile Ada meeting add --sponsor Grace --when "2030-01-05 08:00" --agenda "cancelled"
t --profile Ada delete meeting 5
t --profile Ada meeting add --sponsor Grace --when "2029-12-31 23:00"
t --profile Bo meeting add --sponsor Kim --when "2030-01-01 12:00" --agenda "Bo's talk"
# the export gives the meetings their uids, so it goes before the save
TZ=UTC "$TW" --db "$DB" --profile Ada export --format ics >"$out/v15_calendar.ics"
fixture_save v15_calendar.db
sqlite3 "$DB" "SELECT id, profile_id, at, held, deleted_at IS NOT NULL FROM meetings ORDER BY id"
