#!/usr/bin/env bash
# Home knows the calendar: a planned meeting whose time has passed is
# offered for a debrief ("Debrief your meeting with Dana (yesterday)", d
# opens it, the prompt goes once it is held); the next meeting reads
# relative ("Tue 1 Dec 10:00, tomorrow"); debriefing a meeting still ahead
# asks first; a newly prepared meeting is the one selected in the list; the
# same sponsor at the same time again asks first; a recent reflection on
# Home is focusable, names its question and opens on enter.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

tw sponsor add "Dana Reyes" >/dev/null || tui_fail "sponsor add"
tw sponsor add "Sam Ho" >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "Dana Reyes" --when "yesterday 10:00" --agenda "Roadmap" >/dev/null ||
	tui_fail "meeting add"
tw meeting add --sponsor "Dana Reyes" --when "tomorrow 10:00" --agenda "Follow-up" >/dev/null ||
	tui_fail "meeting add"
echo "Her priorities: the platform migration" |
	tw reflect before-meeting/homework/what-i-learned >/dev/null || tui_fail "reflect"
fmt='%a %-d %b'
[ "$(date -d tomorrow +%Y)" = "$(date +%Y)" ] || fmt='%a %-d %b %Y'
TOMORROW=$(date -d tomorrow "+$fmt")

tui_start 80 24
tui_wait "Debrief your meeting with Dana Reyes (yesterday): press b"
tui_wait "$TOMORROW 10:00, tomorrow with Dana Reyes"
tui_keys '?'
tui_wait "debrief the meeting whose time has passed"
tui_keys Escape

# ---- a recent reflection: focused, it names its question; enter opens it ----
tui_wait "Her priorities: the platform migration"
tui_keys G j
tui_wait "Answers: What did you learn about your sponsor that you could bring into"
tui_keys Enter
tui_wait "[*] What did you learn about your sponsor"
tui_keys q
tui_wait "Debrief your meeting with Dana Reyes"
tui_keys b
tui_wait "After a sponsor meeting"
tui_keys q
tui_wait "Debrief: Dana Reyes"
tui_type "We agreed on the roadmap"
tui_keys C-s
tui_wait "meeting marked held"
tui_wait "Next meeting"
tui_absent "Debrief your meeting"
tw meeting list --held | grep -qF "Dana Reyes" || tui_fail "not held: $(tw meeting list)"

# ---- a meeting still ahead: b asks first, b again debriefs ----
tui_keys m
tui_wait "Follow-up"
tui_keys Enter
tui_wait "Meeting with Dana Reyes, planned"
tui_keys b
tui_wait "still ahead: $TOMORROW 10:00, tomorrow; b again debriefs it"
tui_absent "After a sponsor meeting"
tui_keys j b
tui_wait "still ahead"
tui_keys b
tui_wait "After a sponsor meeting"
tui_keys q
tui_wait "Debrief: Dana Reyes"
tui_keys Escape
tui_wait "Meeting with Dana Reyes, planned"
tw meeting list --planned | grep -qF "Follow-up" || tui_fail "the early debrief marked it held"
tui_keys q
tui_wait "Follow-up"

# ---- the new meeting is the one selected after it is made ----
tui_keys a
tui_wait "Step 1 of 3"
tui_keys Right
tui_wait "< Sam Ho >"
tui_keys Tab
tui_type "+3w 14:00"
tui_wait "= $(date -d '+21 days' '+%a %F') 14:00, in 3 weeks"
tui_keys Enter
tui_wait "Before a sponsor meeting"
tui_keys q
tui_wait "Agenda for Sam Ho"
tui_type "Ask about the platform team"
tui_wait "(modified)"
tui_keys C-s
tui_wait "with Sam Ho on $(date -d '+21 days' '+%a %F') 14:00 saved"
tui_wait "planned Sam Ho"
tui_keys Enter
tui_wait "Meeting with Sam Ho, planned"
tui_keys q
tui_wait "planned Sam Ho"

# ---- the same sponsor at the same time again asks first ----
tui_keys a
tui_wait "Step 1 of 3"
tui_keys Right
tui_wait "< Sam Ho >"
tui_keys Tab
tui_type "+3w 14:00"
tui_keys Enter
tui_wait "Sam Ho already has meeting 3 on $(date -d '+21 days' '+%a %F') 14:00; enter again books both"
tui_absent "Before a sponsor meeting"
tui_keys Escape
tui_wait "Esc again leaves"
tui_keys Escape
tui_wait "planned Sam Ho"
[ "$(tw meeting list | grep -c 'Sam Ho')" = 1 ] || tui_fail "double booked: $(tw meeting list)"
tui_keys q
tui_wait "Guides"
tui_keys q
tui_wait_exit
echo "tui meetings home ok"
