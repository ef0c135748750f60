#!/usr/bin/env bash
# Pickers keep their place: coach mode's profile picker starts on the
# profile in use, and after going on to the next step and Esc it is back
# on the profile picked (not the first row); the Profiles screen starts on
# the profile in use. The focused row is found by its reverse video
# (NO_COLOR).
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
for p in Amy Bea Cal Dee; do tw profile add "$p" >/dev/null || tui_fail "profile add $p"; done
tw profile use Bea >/dev/null || tui_fail "profile use"

# selected TEXT: the row holding TEXT is the highlighted one.
selected() {
	local i=0
	while [ $i -lt 100 ]; do
		tmux -L "$SOCK" capture-pane -e -p | grep -F -- "$1" | grep -qF $'\e[7m' && return 0
		sleep 0.1
		i=$((i + 1))
	done
	tui_fail "'$1' is not the highlighted row"
}

tui_start 100 30 NO_COLOR=1
tui_wait "Guides"
tui_keys c
tui_wait "Cal"
selected "Bea"
tui_keys j j
selected "Dee"
tui_keys Enter
tui_wait "The coach's name"
tui_keys Escape
tui_wait "Cal"
selected "Dee"
tui_keys Escape
tui_wait "Hand the keyboard back to Bea"
tui_keys Enter
tui_wait "Guides"
tui_keys p
tui_wait "Cal"
selected "Bea"
tui_keys q q
tui_wait_exit
echo "tui pickers ok"
