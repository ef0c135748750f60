#!/usr/bin/env bash
# A newcomer's first session in the app: Home lists the guides, a guide is
# walked (two ticks, a rating, a reflection with accents, CJK and an emoji
# typed in the in-app editor), the app quits, and everything is there on
# reopening and through the CLI. Also: ? shows each screen's keys.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
CONTENT="$SCRATCH/content"

tui_start 100 30 -- --content "$CONTENT"
tui_wait "Guides"
tui_wait "The six practices of a successful sponsee"
tui_wait "Zed test guide"
tui_wait "Next step:"

# ? on Home lists Home's keys; any key closes it.
tui_keys '?'
tui_wait "Keys: Home"
tui_wait "sponsors"
tui_keys x
tui_wait_gone "Keys: Home"

# The registered screens open (placeholders or real) and show their keys.
for k in s m p /; do
	tui_keys "$k"
	# Search types q, so its footer names Esc as the way back.
	if [ "$k" = / ]; then tui_wait "Esc back"; else tui_wait "q back"; fi
	tui_keys '?'
	tui_wait "Keys: "
	tui_keys x
	tui_wait_gone "Keys: "
	tui_keys Escape
	tui_wait "q quit"
done

tui_keys G Enter
tui_wait "Tick me first"
tui_keys '?'
tui_wait "Keys: Zed test guide"
tui_wait "rate a rate item"
tui_keys x
tui_wait_gone "Keys: Zed"

tui_keys Space
tui_wait "[x] Tick me first"
tui_keys j Space
tui_wait "[x] Tick me second"
tui_keys j 4
tui_wait "[4] Rate me"
tui_wait "1 = Not at all"
tui_keys j
tui_wait "A detail paragraph for the reflect item."
tui_keys Enter
tui_wait "new  0 characters"
tui_keys F1
tui_wait "Keys: Reflection"
tui_keys x
tui_wait_gone "Keys: Reflection"
tui_type "Café au lait, 日本語 and 🎉 q? / typed here"
tui_keys Enter
tui_type "second line"
tui_wait "second line"
tui_wait "modified"
tui_keys Escape
tui_wait "[*] Write about it"
tui_wait "Your reflection:"
tui_wait "Café au lait, 日本語 and 🎉 q? / typed"
tui_wait "4/4"
tui_keys q
tui_wait "q quit"
tui_wait "Recent reflections"
tui_keys q
tui_wait_exit

# Reopen: Home shows the progress and the recent reflection.
tui_start 100 30 -- --content "$CONTENT"
tui_wait "Zed test guide"
tui_screen | grep "Zed test guide" | grep -qF "4/4" || tui_fail "progress 4/4 not on Home"
# The reflection's own words first, then the item it answers.
tui_wait "Café au lait, 日本語 and 🎉 q? / typed here · Write about it"
tui_keys G Enter
tui_wait "[x] Tick me first"
tui_wait "[x] Tick me second"
tui_wait "[4] Rate me"
tui_wait "[*] Write about it"
tui_keys q q
tui_wait_exit

# And through the CLI.
out=$("$TWOWAY" --db "$DB" --content "$CONTENT" guides zz-test) || tui_fail "twoway guides failed"
echo "$out" | grep -q '\[x\].*zz-test/one/a' || tui_fail "tick a not stored: $out"
echo "$out" | grep -q '\[x\].*zz-test/one/b' || tui_fail "tick b not stored: $out"
echo "$out" | grep -q '4/5.*zz-test/one/r' || tui_fail "rating not stored: $out"
echo "$out" | grep -q '\*.*zz-test/one/w' || tui_fail "reflection not stored: $out"
hist=$("$TWOWAY" --db "$DB" --content "$CONTENT" history zz-test/one/w) || tui_fail "history failed"
echo "$hist" | grep -qF "Café au lait, 日本語 and 🎉 q? / typed here" || tui_fail "text differs: $hist"
echo "$hist" | grep -qF "second line" || tui_fail "second line lost: $hist"
echo "tui session ok"
