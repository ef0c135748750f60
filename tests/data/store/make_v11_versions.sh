#!/bin/sh
# Rebuilds v11_versions.db, a version-11 twoway database (a reflection's
# current text kept twice: in reflections and in its newest version row)
# for the test of migration 12, with a twoway binary of schema 11 (commit
# a51ac31 or any commit whose TW_STORE_SCHEMA_VERSION is 11) and the
# sqlite3 shell:
#   tests/data/store/make_v11_versions.sh path/to/schema-11/twoway
# Ada (not locked): a reflection on their-story saved "alpha words", "beta
# words", "gamma words", then version 1 restored (version 4 "alpha
# words"); a private one on name-the-help ("private one", "private two"); a
# deleted one on real-obstacle ("dropped one", "dropped two"). Cy (locked with the
# passphrase "a long passphrase"): a private reflection on their-story
# saved "sealed first", "sealed second", sealed by the lock; a public one
# on name-the-help ("open meadow"); a private one written after the lock
# ("sealed later", sealed as it was saved).
set -e
out=$(cd "$(dirname "$0")" && pwd)
. "$out/fixture_lib.sh"
fixture_begin "$1" v11.db
STORY=six-practices/proactive/their-story
HELP=six-practices/clear-ask/name-the-help
FEED=six-practices/candour/real-obstacle
t profile add Ada
t profile add Cy
for w in alpha beta gamma; do echo "$w words" | t --profile Ada reflect $STORY; done
t --profile Ada history $STORY --restore 1
echo "private one" | t --profile Ada reflect $HELP --private
echo "private two" | t --profile Ada reflect $HELP
echo "dropped one" | t --profile Ada reflect $FEED
echo "dropped two" | t --profile Ada reflect $FEED
t --profile Ada delete reflection 3
echo "sealed first" | t --profile Cy reflect $STORY --private
echo "sealed second" | t --profile Cy reflect $STORY
echo "open meadow" | t --profile Cy reflect $HELP
echo "a long passphrase" | t --profile Cy profile lock --passphrase-stdin
echo "sealed later" | t --profile Cy reflect - --private
fixture_save v11_versions.db
sqlite3 "$DB" "SELECT r.id, r.profile_id, r.version, r.text, r.sealed IS NOT NULL, group_concat(v.version || '=' || v.text || CASE WHEN v.sealed IS NOT NULL THEN '(sealed)' ELSE '' END, ' ')
  FROM reflections r JOIN reflection_versions v ON v.reflection_id = r.id GROUP BY r.id"
