#!/bin/sh
# Rebuilds v7.db, a version-7 twoway database (the profile lock; the search
# index still keeping its own copy of the text) for the test of migration 8,
# with a twoway binary of schema 7 (commit 3b5aee1 or any commit whose
# TW_STORE_SCHEMA_VERSION is 7) and the sqlite3 shell:
#   tests/data/store/make_v7.sh path/to/schema-7/twoway
# Ada (not locked): a reflection saved twice ("harbour" then "lighthouse"),
# a private one ("compass"), a deleted one ("anchor"); a sponsor renamed
# from Grace Hopper to Grace Murray with a held meeting ("cobol" agenda,
# "compiler" notes); action items "telescope" (open, of the meeting) and
# "sextant" (deleted). Cy (locked with the passphrase "a long passphrase"):
# a private reflection saved twice ("nightingale" then "kestrel"), sealed
# by the lock; a public one ("meadow"); a private one written after the
# lock ("falcon", sealed as it was saved); a sponsor Lin with a meeting
# ("orchard") and an action item ("lantern").
# It prints what the schema-7 binary's search finds, for the unit test.
set -e
TW=$(realpath "$1")
[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_DATA_HOME="$work/data" TWOWAY_BACKUPS="$work/backups"
t() { TZ=UTC "$TW" --db v7.db "$@" >/dev/null; }
t profile add Ada
t profile add Cy
echo "the harbour at dawn" | t --profile Ada reflect six-practices/proactive/their-story
echo "the lighthouse at dusk" | t --profile Ada reflect six-practices/proactive/their-story
echo "a private compass" | t --profile Ada reflect six-practices/clear-ask/name-the-help --private
echo "a dropped anchor" | t --profile Ada reflect -
t --profile Ada delete reflection 3
t --profile Ada sponsor add "Grace Hopper"
t --profile Ada meeting add --sponsor "Grace Hopper" --when "2030-01-02 10:00" --agenda "cobol review"
t --profile Ada meeting held 1 --notes "compiler talk" --outcome "promotion case"
t --profile Ada sponsor edit "Grace Hopper" --name "Grace Murray"
t --profile Ada action add "buy a telescope" --meeting 1
t --profile Ada action add "find the sextant"
t --profile Ada delete action 2
echo "the nightingale sings" | t --profile Cy reflect six-practices/proactive/their-story --private
echo "the kestrel hovers" | t --profile Cy reflect six-practices/proactive/their-story
echo "an open meadow" | t --profile Cy reflect six-practices/clear-ask/name-the-help
t --profile Cy sponsor add "Lin"
t --profile Cy meeting add --sponsor "Lin" --when "2030-02-03 09:30" --agenda "orchard plans"
t --profile Cy action add "light the lantern" --meeting 2
echo "a long passphrase" | t --profile Cy profile lock --passphrase-stdin
echo "a falcon in the wind" | t --profile Cy reflect - --private
for w in lighthouse harbour compass anchor murray hopper telescope sextant \
	nightingale kestrel falcon meadow orchard lin lantern their; do
	for p in Ada Cy; do
		printf '%s %s: ' "$p" "$w"
		TZ=UTC "$TW" --db v7.db --profile $p search "$w" --private 2>&1 | tr '\n' '|'
		echo
	done
done
sqlite3 v7.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 v7.db 'PRAGMA journal_mode = DELETE' >/dev/null
sqlite3 v7.db 'VACUUM'
cp v7.db "$out/v7.db"
chmod 644 "$out/v7.db"
printf 'v7.db: schema '
sqlite3 v7.db 'PRAGMA user_version' | tr '\n' ' '
sqlite3 v7.db "SELECT count(*) || ' rows in the search index, ' FROM search_fts"
sqlite3 v7.db "SELECT count(*) || ' sealed reflections' FROM reflections WHERE sealed IS NOT NULL"
