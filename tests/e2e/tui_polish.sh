#!/usr/bin/env bash
# What a demanding user trips over on the record and coach screens: cut
# names end in "…"; the sponsors screen shows the focused sponsor's details;
# meetings list upcoming first and flag a planned one whose date passed; a
# held meeting offers no "prepare"; wrapped action items hang under their
# text; the agenda step's footer shows its real keys; search names its hits;
# the coach's notes footer; an offered coach's name is replaced by typing;
# the coaching summary's wrapped items hang under their text.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

LONG="María José Fernández-Castellanos de la Vega"
tw sponsor add "$LONG" --title "Senior Vice President, Global Engineering Platforms" \
	--org "Contoso Worldwide Holdings" --stage sponsor --homework "Writes about platform reliability" >/dev/null ||
	tui_fail "sponsor add"
tw sponsor add "王小明" --title "首席技术官" --stage connector >/dev/null || tui_fail "sponsor add cjk"
tw meeting add --sponsor "王小明" --when "2099-01-02 10:00" \
	--agenda "Scaling the on-call rota across three time zones without burning anyone out" >/dev/null
tw meeting add --sponsor "王小明" --when "2098-05-01 09:00" --agenda "Sooner one" >/dev/null
tw meeting add --sponsor "$LONG" --when "2020-06-01 09:00" --agenda "Forgotten catch-up" >/dev/null
tw meeting add --sponsor "$LONG" --when "2019-03-02 10:30" --agenda "Roadmap" >/dev/null
tw meeting held 4 >/dev/null || tui_fail "meeting held"
tw action add "Send the on-call rota draft with the three time-zone options and the cost of each before the quarterly review" \
	--meeting 4 --due 2019-04-01 >/dev/null || tui_fail "action add"
echo "The café talk about distributed systems" | tw reflect before-meeting/homework/what-i-learned >/dev/null
echo "A free-standing thought about the café" | tw reflect - >/dev/null

tui_start 80 24
tui_wait "Guides"

# ---- sponsors: clipped with an ellipsis, details of the focused one ----
tui_keys s
tui_wait "Stage: "
tui_screen | grep -F "María José" | head -1 | grep -qF "…" || tui_fail "the long name is cut without …"
tui_wait "Stage: Sponsor"
tui_wait "advocates for you and spends their capital"
tui_wait "Writes about platform reliability"
tui_wait "Action items: 1 open, 1 overdue"
tui_wait "Next meeting: none planned"
tui_keys j
tui_wait "Stage: Connector"
tui_wait "introduces you to people of influence"
tui_wait "Next meeting: 2098-05-01 09:00"
tui_wait "Action items: none open"
tui_keys q
tui_wait "q quit"

# ---- meetings: upcoming first (soonest first), then held and past (newest first) ----
tui_keys m
tui_wait "Upcoming (2)"
tui_wait "Held and past (2)"
order=$(tui_screen | grep -oE "Upcoming|Held and past|2098-05-01|2099-01-02|2020-06-01|2019-03-02" | tr '\n' ' ')
[ "$order" = "Upcoming 2098-05-01 2099-01-02 Held and past 2020-06-01 2019-03-02 " ] ||
	tui_fail "meetings in the wrong order: $order"
tui_screen | grep -F "2099-01-02" | grep -qE "Scaling the on-call.*…$" ||
	tui_fail "the agenda preview is cut without …"
tui_screen | grep -F "2020-06-01" | grep -qF " past " || tui_fail "a past planned meeting is not flagged"
tui_keys j j
tui_wait "The date has passed and it is not marked held: b debriefs it."
tui_keys Enter
tui_wait "Meeting with María José Fernández-Castellanos de la Vega,"
tui_wait "not marked held: b debriefs it"
tui_keys q
# the held one: no prepare offered, p refused with a reason
tui_keys j Enter
tui_wait "When: 2019-03-02 10:30"
tui_screen | sed -n 2p | grep -qF "When: 2019-03-02 10:30" || tui_fail "the first line is not the date"
tui_screen | tail -1 | grep -qF "p prepare" && tui_fail "a held meeting offers p prepare"
tui_wait "b debrief  x brief"
tui_keys p
tui_wait "that meeting is held"
# the wrapped action item continues under its text, not under [ ]
tui_wait "[ ] Send the on-call rota draft"
cont=$(tui_screen | grep -A1 -F "[ ] Send the on-call rota" | tail -1)
case "$cont" in
"     "[a-z]*) ;;
*) tui_fail "the wrapped action item is not indented: '$cont'" ;;
esac
tui_keys q q
tui_wait "q quit"

# ---- debrief: the footer offers "a" only where a adds an action item ----
tui_keys m j j b
tui_wait "After a sponsor meeting"
tui_keys q
tui_wait "Debrief: María José"
tui_wait "^W walk guide"
tui_screen | tail -1 | grep -qF "a add" && tui_fail "the notes' footer offers a, which is typed there"
tui_keys Tab Tab
tui_wait "a add action  space tick"
tui_keys a
tui_wait "enter add"
tui_wait "Esc cancel"
tui_keys Escape
tui_wait "a add action  space tick"
tui_keys Escape
tui_wait "Held and past"
tui_keys q
tui_wait "q quit"

# ---- prepare: the agenda step's footer shows its keys, ticks are counted ----
tui_keys m a
tui_wait "Step 1 of 3"
tui_wait "enter walk the guide"
tui_keys Tab
tui_type "2097-01-01 10:00"
tui_keys Enter
tui_wait "Before a sponsor meeting"
tui_keys Space
tui_keys q
tui_wait "Agenda for"
tui_wait "^S save  ^G regenerate"
tui_wait "Esc save+back"
tui_absent "enter next"
tui_wait "Preparation: 1 of 7 checks ticked"
tui_wait "no answers yet: write the agenda here" # the items are live, below it
tui_wait "live, from your action items"
tui_absent "café" # a new meeting's preparation starts clean
tui_keys C-s
tui_wait "meeting 5 with María José"
tui_keys q
tui_wait "q quit"

# ---- search: hits named for a reader, the count aligned to the field ----
tui_keys /
tui_wait "Type to search"
tui_type "café"
tui_wait "2 hits"
tui_wait "What did you learn about your sponsor"
tui_wait "Free-standing reflection, 20"
tui_absent "Reflection 2"
[ "$(tui_screen | grep -F "2 hits" | awk '{ print length($0) }')" = 79 ] ||
	tui_fail "the hit count does not end at the field's edge"
tui_keys C-u
tui_type "Roadmap"
tui_wait "1 hit"
# too long for the row: the name gives way to the date
tui_screen | grep -F "Meeting with María José" | grep -qE "…, 2019-03-02 10:30$" ||
	tui_fail "the meeting hit lost its date"
tui_keys Escape
tui_wait "q quit"
tui_keys q
tui_wait_exit

# ---- coach mode: the notes' footer, the offered name, the summary ----
tui_start 60 20 -- --coach
tui_wait "Whose session is it?"
tui_keys Enter
tui_wait "The coach's name"
tui_wait "Esc back"
tui_absent "q back"
tui_type "Robin Q. Coach"
tui_keys Enter
tui_wait "Which guide"
tui_keys Enter
tui_wait "Coach notes"
tui_wait "q back"
tui_keys Tab
tui_wait "Esc list"
tui_absent "q back"
tui_type "q? is text"
tui_wait "q? is text"
tui_keys Escape
tui_wait "q back"
tui_keys C-x y
tui_wait "summary"
tui_wait "Visited (1):"
cont=$(tui_screen | grep -A1 -F -- "- You have booked your next" | tail -1)
case "$cont" in
"   "[a-z]*) ;;
*) tui_fail "the wrapped summary item is not indented: '$cont'" ;;
esac
tui_keys q q
tui_wait_exit

tui_start 80 24 -- --coach
tui_wait "Whose session is it?"
tui_keys Enter
tui_wait "Robin Q. Coach"
tui_wait "Enter keeps it, typing replaces it"
tui_type "Alex"
tui_wait "> Alex"
tui_absent "Robin Q. CoachAlex"
tui_keys Enter
tui_wait "Which guide"
tui_keys Enter
tui_wait "with Alex"
tui_keys q q
tui_wait_exit
echo "ok"
