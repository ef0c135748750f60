#!/bin/sh
# Rebuilds v14_planned.db, a version-14 twoway database (no index of the
# planned meetings, which schema 15 adds) for the test of migration 15,
# with a twoway binary of schema 14 (commit 88c3ce7 or any commit whose
# TW_STORE_SCHEMA_VERSION is 14) and the sqlite3 shell:
#   tests/data/store/make_v14_planned.sh path/to/schema-14/twoway
# Ada, sponsor Grace: meetings 1 (2020-01-10, planned), 2 (2020-02-10,
# held), 3 (2020-03-10, planned), 4 (2020-03-10, planned, deleted), 5
# (2099-01-01, planned). Bo, sponsor Lin: meeting 6 (2020-04-01, planned).
set -e
out=$(cd "$(dirname "$0")" && pwd)
. "$out/fixture_lib.sh"
fixture_begin "$1" v14.db
t profile add Ada
t profile add Bo
t --profile Ada sponsor add "Grace"
t --profile Bo sponsor add "Lin"
t --profile Ada meeting add --sponsor Grace --when "2020-01-10 10:00" --agenda "first talk"
t --profile Ada meeting add --sponsor Grace --when "2020-02-10 10:00" --agenda "second talk"
t --profile Ada meeting held 2 --notes "went well"
t --profile Ada meeting add --sponsor Grace --when "2020-03-10 10:00" --agenda "third talk"
t --profile Ada meeting add --sponsor Grace --when "2020-03-10 10:00" --agenda "double booked" --anyway
t --profile Ada delete meeting 4
t --profile Ada meeting add --sponsor Grace --when "2099-01-01 09:00" --agenda "far ahead"
t --profile Bo meeting add --sponsor Lin --when "2020-04-01 09:30" --agenda "Bo's talk"
fixture_save v14_planned.db
sqlite3 "$DB" "SELECT id, profile_id, at, held, deleted_at IS NOT NULL FROM meetings ORDER BY id"
