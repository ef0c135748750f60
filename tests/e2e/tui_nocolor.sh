#!/usr/bin/env bash
# NO_COLOR: the screen is drawn with attributes only, no colour escapes;
# without it the theme uses colours.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
colour_re=$'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'

tui_start 100 30 NO_COLOR=1
tui_wait "Guides"
tui_wait "q quit"
tui_screen -e | grep -qE "$colour_re" && tui_fail "colour escapes with NO_COLOR: $(tui_screen -e | grep -oE "$colour_re" | sort -u | head -5 | cat -v)"
tui_screen -e | grep -q $'\e\\[' || tui_fail "no attributes at all with NO_COLOR"
tui_keys g Enter # the first guide (the check-up, last, wants a sponsor first)
tui_wait "space tick"
tui_screen -e | grep -qE "$colour_re" && tui_fail "colour escapes on the guide screen"
tui_keys q q
tui_wait_exit

tui_start 100 30
tui_wait "Guides"
tui_wait "q quit"
tui_screen -e | grep -qE "$colour_re" || tui_fail "no colours without NO_COLOR"
tui_keys q
tui_wait_exit
echo "tui no-color ok"
