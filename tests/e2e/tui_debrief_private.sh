#!/usr/bin/env bash
# The debrief leaves a private answer out of the meeting's notes and says
# so; Ctrl-P asks, Ctrl-P again puts it in on purpose, and only then does
# the saved meeting carry it.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
CAN=CANARY-d3b1

tw profile add Priya >/dev/null && tw profile use Priya >/dev/null || tui_fail "setup: profile"
tw sponsor add "Dana Reyes" >/dev/null || tui_fail "setup: sponsor"
tw meeting add --sponsor "Dana Reyes" --when "2026-11-02 10:00" >/dev/null || tui_fail "setup: meeting"
printf '%s notes\n' "$CAN" | tw reflect after-meeting/what-was-said/notes --private >/dev/null ||
	tui_fail "setup: private notes"

tui_start 100 30
tui_wait "q quit"
tui_keys m
tui_wait "Dana Reyes"
tui_keys Enter
tui_wait "Meeting with Dana Reyes, planned"
tui_keys b
tui_wait "Capture what was said"
tui_keys q
tui_wait "Debrief: Dana Reyes"
tui_wait "(a private answer was left out)"
tui_absent "$CAN"
tui_keys C-p
tui_wait "Ctrl-P again: yes"
tui_absent "$CAN"
# any other key forgets the question: the next Ctrl-P asks again
tui_keys Right
tui_keys C-p
tui_wait "Ctrl-P again: yes"
tui_keys C-p
tui_wait "$CAN notes"
tui_wait "your private answers are in the notes now"
tui_absent "(a private answer was left out)"
tui_keys C-s
tui_wait "meeting marked held"
tui_wait "Meeting with Dana Reyes, held"
tw meeting show 1 | grep -qF "$CAN notes" || tui_fail "the notes put in on purpose were not saved"
tui_keys q
tui_wait "Held and past (1)"
tui_keys q
tui_wait "q quit"
tui_keys q
tui_wait_exit 5
echo "tui_debrief_private: ok"
