#!/bin/sh
# Rebuilds v5_search.db, a version-5 twoway database (the search index
# still keeping its own copy of the text) for the test of migration 8,
# with a twoway binary of schema 5 (commit 6349bab or any commit whose
# TW_STORE_SCHEMA_VERSION is 5) and the sqlite3 shell:
#   tests/data/store/make_v5_search.sh path/to/schema-5/twoway
# Ada has a reflection saved twice ("harbour" then "lighthouse"), a
# private one ("compass"), a deleted one ("anchor"); a sponsor renamed
# from Grace Hopper to Grace Murray with a held meeting ("cobol" agenda,
# "compiler" notes); action items "telescope" (open) and "sextant"
# (deleted). Bo has a reflection "harbour" of his own.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
t() { TZ=UTC "$TW" --db v5_search.db "$@" >/dev/null; }
t profile add Ada
t profile add Bo
echo "the harbour at dawn" | t --profile Ada reflect six-practices/proactive/their-story
echo "the lighthouse at dusk" | t --profile Ada reflect six-practices/proactive/their-story
echo "a private compass" | t --profile Ada reflect six-practices/clear-ask/name-the-help --private
echo "a dropped anchor" | t --profile Ada reflect -
t --profile Ada delete reflection 3
t --profile Ada sponsor add "Grace Hopper"
t --profile Ada meeting add --sponsor "Grace Hopper" --when "2030-01-02 10:00" --agenda "cobol review"
t --profile Ada meeting held 1 --notes "compiler talk" --outcome "promotion case"
t --profile Ada sponsor edit "Grace Hopper" --name "Grace Murray"
t --profile Ada action add "buy a telescope"
t --profile Ada action add "find the sextant"
t --profile Ada delete action 2
echo "Bo's own harbour" | t --profile Bo reflect six-practices/proactive/their-story
sqlite3 v5_search.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v5_search.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v5_search.db 'VACUUM'
cp v5_search.db "$out/v5_search.db"
chmod 644 "$out/v5_search.db"
printf 'v5_search.db: schema '
sqlite3 v5_search.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v5_search.db "SELECT count(*) || ' rows in the search index' FROM search_fts"
