#!/usr/bin/env bash
# The second meeting's preparation starts clean: the guide walked for the
# new meeting shows nothing done, the first meeting's answers beside each
# item as "last time", c copies one over (a tick, a reflection), the agenda
# is made from this meeting's answers, and the first meeting keeps its own.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
CH=before-meeting/agenda/the-challenge

tw sponsor add "Dana Reyes" >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "Dana Reyes" --when "yesterday 10:00" >/dev/null || tui_fail "meeting add"
echo "Scaling the on-call rota" | tw reflect $CH --meeting 1 >/dev/null || tui_fail "reflect"
tw tick before-meeting/homework/read-their-work --meeting 1 >/dev/null || tui_fail "tick"
tw meeting held 1 --notes "first one" >/dev/null || tui_fail "held"

tui_start 120 32
tui_wait "Next meeting"
tui_keys m
tui_wait "Dana Reyes"
tui_keys a
tui_wait "Step 1 of 3"
tui_keys Tab
tui_type "+1w 10:00"
tui_keys Enter
# the walk is for the new meeting (2): nothing done, last time beside it
tui_wait "Before a sponsor meeting: Dana Reyes"
tui_wait " 0/"
tui_absent "[x]"
tui_wait "Last time (Dana Reyes,"
# the label wraps where the date's length puts it ("Tue 1 Dec" is shorter
# than "Mon 30 Nov"): its parts are looked for on their own
tui_wait "yesterday):"
tui_wait "ticked  (c copies it)"
tui_keys c
tui_wait "copied last time's answer to this meeting"
tui_wait "[x] You have read what your sponsor"
tui_keys j j j
tui_wait "What challenge would you like your sponsor's input on?"
tui_wait "Last time (Dana Reyes,"
tui_wait "(c copies it)"
tui_wait "Scaling the on-call rota"
tui_absent "Your reflection"
tui_keys c
tui_wait "copied last time's answer to this meeting"
tui_wait "Your reflection:"
# c over an answer of this meeting's own asks first
tui_keys c
tui_wait "this meeting has its own answer here: c again replaces it"
tui_keys q
tui_wait "Agenda for Dana Reyes"
tui_wait "Scaling the on-call rota"
tui_keys C-s
tui_wait "Dana Reyes"
tw history $CH --meeting 2 | grep -qF "Scaling the on-call rota" ||
	tui_fail "meeting 2 has no copy: $(tw history $CH --meeting 2 2>&1)"
tw meeting show 2 | grep -qF "Scaling the on-call rota" || tui_fail "agenda: $(tw meeting show 2)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE ticked AND meeting_id = 1")" = 1 ] ||
	tui_fail "meeting 1 lost its tick"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE ticked AND meeting_id = 2")" = 1 ] ||
	tui_fail "meeting 2 has no tick"
tui_keys q q
tui_wait_exit
echo "tui_meeting_prep: ok"
