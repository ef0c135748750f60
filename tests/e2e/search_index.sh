#!/usr/bin/env bash
# The search index keeps no copy of the text (schema 8): it reads the
# records through the view search_src. A database of schema 5 is migrated
# (its index's own copy dropped) and finds what it found; a reflection's
# text is in the file once for the record and once for its version, never
# a third time in the index.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "file:$1?immutable=1" "$2"; }

cp "$TW_TEST_DATA/store/v5_search.db" "$DB"
chmod 600 "$DB"
run --profile Ada search lighthouse
expect_rc 0 "search in a migrated database"
expect_out_has "[lighthouse]" "the migrated index finds the reflection"
run --profile Ada search cobol
expect_out_has "Grace Murray, 2030-01-02 10:00" "a meeting's label after migrating"
CHECKS=$((CHECKS + 1))
[ "$(q "$DB" 'PRAGMA user_version')" -ge 8 ] || fail "not migrated: schema $(q "$DB" 'PRAGMA user_version')"
CHECKS=$((CHECKS + 1))
[ "$(q "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'search_fts_content'")" = 0 ] ||
	fail "the index still keeps a copy of the text"
CHECKS=$((CHECKS + 1))
q "$DB" "SELECT sql FROM sqlite_master WHERE name = 'search_fts'" | grep -q "content = 'search_src'" ||
	fail "the index does not read search_src"

# A text seen nowhere else: in the file once (the reflection; its one
# version keeps no copy: schema 12), not twice or three times. (Its
# upper-case letters keep the index's own term, which is lower case, out of
# the count.) A second save moves it to the first version row: each text
# once.
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-check"
ok profile add Ada
word="Zebra$(date +%s%N)Quokka"
printf 'a unique %s here\n' "$word" | tw --profile Ada reflect six-practices/proactive/their-story >/dev/null
ok search "$word"
CHECKS=$((CHECKS + 1))
[ ! -e "$DB-wal" ] || fail "the -wal outlived the last connection"
n=$(grep -ao "$word" "$DB" | wc -l)
CHECKS=$((CHECKS + 1))
[ "$n" -eq 1 ] || fail "the text is in the file $n times, not once"
word2="Yak$(date +%s%N)Narwhal"
printf 'then %s\n' "$word2" | tw --profile Ada reflect six-practices/proactive/their-story >/dev/null
ok --profile Ada history six-practices/proactive/their-story
expect_out_has "$word" "history of the first version"
expect_out_has "$word2" "history of the second version"
CHECKS=$((CHECKS + 1))
[ "$(grep -ao "$word" "$DB" | wc -l)" -eq 1 ] && [ "$(grep -ao "$word2" "$DB" | wc -l)" -eq 1 ] ||
	fail "after a second save: the first text $(grep -ao "$word" "$DB" | wc -l) times, the second $(grep -ao "$word2" "$DB" | wc -l) (want once each)"

finish
