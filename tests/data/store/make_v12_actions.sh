#!/bin/sh
# Rebuilds v12_actions.db, a version-12 twoway database (before the partial
# index of the open items of meetings, schema 13) for the test of migration
# 13, with a twoway binary of schema 12 (commit 3e7308b or any commit whose
# TW_STORE_SCHEMA_VERSION is 12) and the sqlite3 shell:
#   tests/data/store/make_v12_actions.sh path/to/schema-12/twoway
# Ada: sponsors Dana (meetings 1 and 2, meeting 2 deleted) and Eli
# (meeting 3); action items 1 "dana late" (meeting 1, due 2030-03-01),
# 2 "dana early" (meeting 1, due 2030-01-15), 3 "dana undated" (meeting 1),
# 4 "dana done" (meeting 1, done), 5 "dana deleted" (meeting 1, deleted),
# 6 "of the deleted meeting" (meeting 2), 7 "no meeting" (none),
# 8 "eli soon" (meeting 3, due 2030-01-20). Bo: sponsor Fay (meeting 4);
# action item 9 "fay item" (meeting 4, due 2030-01-10).
set -e
out=$(cd "$(dirname "$0")" && pwd)
. "$out/fixture_lib.sh"
fixture_begin "$1" v12.db
t profile add Ada
t profile add Bo
t --profile Ada sponsor add Dana
t --profile Ada sponsor add Eli
t --profile Bo sponsor add Fay
t --profile Ada meeting add --sponsor Dana --when "2030-02-01 10:00"
t --profile Ada meeting add --sponsor Dana --when "2030-02-08 10:00"
t --profile Ada meeting add --sponsor Eli --when "2030-02-02 10:00"
t --profile Bo meeting add --sponsor Fay --when "2030-02-03 10:00"
t --profile Ada action add "dana late" --meeting 1 --due 2030-03-01
t --profile Ada action add "dana early" --meeting 1 --due 2030-01-15
t --profile Ada action add "dana undated" --meeting 1
t --profile Ada action add "dana done" --meeting 1 --due 2030-01-01
t --profile Ada action add "dana deleted" --meeting 1 --due 2030-01-02
t --profile Ada action add "of the deleted meeting" --meeting 2 --due 2030-01-03
t --profile Ada action add "no meeting" --due 2030-01-04
t --profile Ada action add "eli soon" --meeting 3 --due 2030-01-20
t --profile Bo action add "fay item" --meeting 4 --due 2030-01-10
t --profile Ada action done 4
t --profile Ada delete action 5
t --profile Ada delete meeting 2
fixture_save v12_actions.db
sqlite3 "$DB" "SELECT a.id, a.profile_id, a.meeting_id, a.text, a.due, a.done, a.deleted_at IS NOT NULL FROM actions a ORDER BY a.id"
