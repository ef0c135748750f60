#!/usr/bin/env bash
# A free-standing reflection found through search opens in the editor and
# saves in place as a new version (no guide item to save it through).
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

printf 'Notes on the quarterly platypus review\n' | tw reflect --free >/dev/null ||
	tui_fail "reflect --free"

tui_start 100 30
tui_wait "Guides"
tui_keys /
tui_type "platypus"
tui_wait "[platypus]"
tui_keys Enter
tui_wait "Notes on the quarterly platypus review"
tui_keys C-e
tui_type " and what came of it"
tui_keys C-s
tui_wait "saved"
tui_keys Escape
tui_keys Escape
tui_wait "Guides"
tui_keys q
tui_wait_exit 5

out=$(tw history 1) || tui_fail "history 1"
echo "$out" | grep -qF "Notes on the quarterly platypus review and what came of it" ||
	tui_fail "the edit is not the newest version: $out"
[ "$(tw search platypus | grep -c 'reflection')" -eq 1 ] ||
	tui_fail "editing made a second reflection: $(tw search platypus)"
echo "tui_freeform: ok"
