#!/usr/bin/env bash
# A locked profile in the app: its private reflections read "(private,
# locked)" until the passphrase is typed; the prompt echoes nothing, a
# wrong passphrase is refused and asked again, the right one opens the
# reflection (and every other one for the session); edits stay sealed.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
PASS='sesame open wide'
CANARY='CANARY-7f3e flamingo secret'
ITEM=six-practices/proactive/their-story
# Esc back to Home: the guide, then the search screen.
home() {
	tui_keys Escape
	tui_wait "twoway · Search"
	tui_keys Escape
	tui_wait "Guides"
}

printf '%s\n' "$CANARY" | tw reflect "$ITEM" --private >/dev/null || tui_fail "reflect"
# The CLI asks on the terminal, without echo, twice (they must agree).
tui_start 100 30 -- profile lock
tui_wait "New passphrase for profile"
tui_type "$PASS"
tui_keys Enter
tui_wait "The same passphrase again"
tui_type "$PASS"
tui_screen | grep -qF "$PASS" && tui_fail "the passphrase is echoed on the terminal"
tui_keys Enter
for _ in $(seq 200); do [ -s "$SCRATCH/exit" ] && break; sleep 0.1; done
[ "$(cat "$SCRATCH/exit" 2>/dev/null)" = 0 ] || tui_fail "profile lock on a terminal failed: $(cat "$SCRATCH/stderr")"
grep -qF "gone for good" "$SCRATCH/stderr" || tui_fail "the lock did not warn about a lost passphrase"
grep -qaF "CANARY-7f3e" "$DB" && tui_fail "the canary is in the database after the lock"

tui_start 100 30
tui_wait "Guides"
tui_keys /
tui_type "story"
tui_wait "1 hit"
tui_wait "1 sealed private reflection not searched"
tui_screen | grep -qF "CANARY-7f3e" && tui_fail "sealed text shows in search"
tui_keys Enter
tui_wait "(private, locked)"
tui_keys Enter
tui_wait "is locked"
tui_type "wrong passphrase"
# the stars are drawn as the keys arrive: wait for them (a busy machine
# draws later), then the passphrase itself must be nowhere on the screen
tui_wait '****' 5
tui_screen | grep -qF "wrong passphrase" && tui_fail "the passphrase is echoed"
tui_keys Enter
tui_wait "Wrong passphrase (1 try)"
tui_screen | grep -qF "CANARY-7f3e" && tui_fail "sealed text shows after a wrong passphrase"
tui_type "$PASS"
tui_screen | grep -qF "$PASS" && tui_fail "the passphrase is echoed"
tui_keys Enter
tui_wait "$CANARY"
tui_keys C-e
tui_type " and more"
tui_keys C-s
tui_wait "saved"
tui_keys Escape
tui_wait "enter writes"
home
tui_keys q
tui_wait_exit 5

for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] && grep -qaF "CANARY-7f3e" "$f" && tui_fail "the canary is in $f after an edit"
done
out=$(tw history "$ITEM" --private </dev/null)
echo "$out" | grep -qF "(private, locked)" || tui_fail "history without the key: $out"
out=$(printf '%s\n' "$PASS" | tw history "$ITEM" --private --passphrase-stdin)
echo "$out" | grep -qF "$CANARY and more" || tui_fail "the edit was not saved: $out"

# Esc on the prompt goes back and shows nothing
tui_start 100 30
tui_wait "Guides"
tui_keys /
tui_type "story"
tui_wait "1 hit"
tui_keys Enter
tui_wait "(private, locked)"
tui_keys Enter
tui_wait "is locked"
tui_keys Escape
tui_wait "stays sealed"
tui_screen | grep -qF "CANARY-7f3e" && tui_fail "sealed text shows after Esc"
home
tui_keys q
tui_wait_exit 5
echo "tui_lock: ok"
