#!/bin/sh
# Rebuilds v13_search.db, a version-13 twoway database (a search index
# without the owner column of schema 14) for the test of migration 14, with
# a twoway binary of schema 13 (commit f24819f or any commit whose
# TW_STORE_SCHEMA_VERSION is 13) and the sqlite3 shell:
#   tests/data/store/make_v13_search.sh path/to/schema-13/twoway
# Ada: reflections "the harbour at dawn", "a private compass" (private) and
# "a dropped anchor" (deleted); sponsor Grace Hopper renamed Grace Murray,
# with a meeting ("orbit review" agenda, "compiler talk" notes); action
# items "buy a telescope" (of the meeting) and "find the sextant"
# (deleted). Bo (locked with the passphrase "a long passphrase"):
# reflections "the harbour in fog" and "the nightingale sings" (private,
# sealed by the lock); sponsor Lin with a meeting ("orbit plans") and an
# action item "light the lantern". Words in both profiles: harbour, orbit.
# It prints what the schema-13 binary's search finds, for the unit test.
set -e
out=$(cd "$(dirname "$0")" && pwd)
. "$out/fixture_lib.sh"
fixture_begin "$1" v13.db
t profile add Ada
t profile add Bo
echo "the harbour at dawn" | t --profile Ada reflect six-practices/proactive/their-story
echo "a private compass" | t --profile Ada reflect six-practices/clear-ask/name-the-help --private
echo "a dropped anchor" | t --profile Ada reflect -
t --profile Ada delete reflection 3
t --profile Ada sponsor add "Grace Hopper"
t --profile Ada meeting add --sponsor "Grace Hopper" --when "2030-01-02 10:00" --agenda "orbit review"
t --profile Ada meeting held 1 --notes "compiler talk" --outcome "promotion case"
t --profile Ada sponsor edit "Grace Hopper" --name "Grace Murray"
t --profile Ada action add "buy a telescope" --meeting 1
t --profile Ada action add "find the sextant"
t --profile Ada delete action 2
echo "the harbour in fog" | t --profile Bo reflect six-practices/proactive/their-story
echo "the nightingale sings" | t --profile Bo reflect - --private
t --profile Bo sponsor add "Lin"
t --profile Bo meeting add --sponsor "Lin" --when "2030-02-03 09:30" --agenda "orbit plans"
t --profile Bo action add "light the lantern" --meeting 2
echo "a long passphrase" | t --profile Bo profile lock --passphrase-stdin
for w in harbour orbit compass anchor murray hopper telescope sextant \
	nightingale lantern; do
	for p in Ada Bo; do
		printf '%s %s: ' "$p" "$w"
		TZ=UTC "$TW" --db "$DB" --profile $p search "$w" --private 2>&1 | tr '\n' '|'
		echo
	done
done
fixture_save v13_search.db
sqlite3 "$DB" "SELECT count(*) || ' rows in the search index, ' FROM search_fts"
sqlite3 "$DB" "SELECT count(*) || ' sealed reflections' FROM reflections WHERE sealed IS NOT NULL"
