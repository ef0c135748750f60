#!/usr/bin/env bash
# The record screens end to end: a sponsor added through the form, a meeting
# prepared (sponsor, a bad date refused, the before-meeting walk, the
# generated agenda), saved and shown by the CLI; a debrief with notes and an
# action item owned by the sponsor; search with snippet and enter; profiles.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

# j until the guide's detail pane (below the rule) shows TEXT.
until_focus() {
	local i
	for i in $(seq 1 40); do
		tui_screen | sed -n '/────/,$p' | grep -qF -- "$1" && return 0
		tui_keys j
		sleep 0.1
	done
	tui_fail "the guide never focused '$1'"
}

# write ITEM_TEXT ANSWER: focus a reflect item, write the answer, leave.
write() {
	until_focus "$1"
	tui_keys Enter
	tui_wait "new  0 characters"
	tui_type "$2"
	tui_keys Escape
	tui_wait "[*] $1"
}

tui_start 80 24
tui_wait "Guides"

# ---- a sponsor through the form ----
tui_keys s
tui_wait "No sponsors yet. Press a to add one."
tui_keys a
tui_wait "New sponsor"
tui_keys C-s
tui_wait "a sponsor needs a name; nothing saved"
tui_type "Grace Hopper"
tui_keys Tab
tui_type "Rear Admiral"
tui_keys Tab
tui_type "US Navy"
tui_keys Tab
tui_type "At a COBOL meetup"
tui_keys Tab Right
tui_wait "gives advice and shares their experience"
tui_keys Right Right Right Right
tui_wait "< Sponsor >"
tui_wait "advocates for you"
tui_keys Tab
tui_wait "Homework: what they publish"
tui_type "Wrote the first compiler; q? and / are text"
tui_keys C-s
tui_wait "saved Grace Hopper"
tui_wait "Rear Admiral"
tw sponsor show "Grace Hopper" | grep -q "Wrote the first compiler; q? and / are text" ||
	tui_fail "homework not stored"
tw sponsor show "Grace Hopper" | grep -qi "sponsor" || tui_fail "stage not stored"

# ---- prepare a meeting from the meetings screen ----
tui_keys q
tui_wait "q quit"
tui_keys m
tui_wait "No meetings yet. Press a to prepare one."
tui_keys a
tui_wait "Step 1 of 3"
tui_wait "< Grace Hopper >"
tui_keys Tab
tui_type "2030-02-30 10:00"
tui_keys Enter
tui_wait "'2030-02-30 10:00' is not a date: 2030-02 has no day 30"
tui_keys C-u
tui_type "2030-5-1 10am"
tui_wait "= Wed 2030-05-01 10:00, in "
tui_keys Enter
tui_wait "Before a sponsor meeting"
tui_wait "walk the guide; q comes back to the agenda"
write "What challenge would you like" "Scaling the on-call rota"
write "What is the one thing you will ask" "An intro to the platform VP"
tui_keys q
tui_wait "Agenda for Grace Hopper, 2030-05-01 10:00"
tui_wait "## A challenge I want their input on"
tui_wait "Scaling the on-call rota"
tui_wait "## My ask"
tui_wait "An intro to the platform VP"
tui_absent "## Feedback to share"
# Editable before it is saved.
tui_keys C-Home 2>/dev/null
tui_type "Bring the graph."
tui_keys Enter
tui_wait "(modified)"
tui_keys C-s
tui_wait "meeting 1 with Grace Hopper on Wed 2030-05-01 10:00 saved"
tui_wait "planned Grace Hopper"
tw meeting show 1 > "$SCRATCH/show" || tui_fail "meeting show failed"
grep -q "## A challenge I want their input on" "$SCRATCH/show" || tui_fail "agenda heading missing: $(cat "$SCRATCH/show")"
grep -q "Scaling the on-call rota" "$SCRATCH/show" || tui_fail "challenge missing from the agenda"
grep -q "An intro to the platform VP" "$SCRATCH/show" || tui_fail "ask missing from the agenda"
grep -q "Bring the graph." "$SCRATCH/show" || tui_fail "the edit to the agenda was not saved"
grep -q "planned" "$SCRATCH/show" || tui_fail "meeting not planned"

# ---- view it, then debrief ----
tui_keys Enter
tui_wait "Meeting with Grace Hopper, planned"
tui_wait "(none: b debriefs and adds them)"
tui_keys b
tui_wait "still ahead: Wed 1 May 2030 10:00, in "
tui_wait "b again debriefs it"
tui_keys b
tui_wait "Capture what was said"
write "What did you and your sponsor talk" "She liked the rota plan"
write "What surprised you" "Zebra stripes surprised me"
tui_keys q
tui_wait "Debrief: Grace Hopper, 2030-05-01 10:00"
tui_wait "She liked the rota plan"
tui_keys Tab Tab
tui_wait "Action items  (a adds, space ticks)"
tui_keys a
tui_type "Introduce me to the VP"
tui_keys Tab Right Tab
tui_type "2030-99-01"
tui_keys Enter
tui_wait "'2030-99-01' is not a date; try fri, +3d or 2026-12-03"
tui_keys C-u
tui_type "2030-05-15"
tui_keys Enter
tui_wait "action item 1 added"
tui_wait "[ ] Introduce me to the VP (sponsor, due 2030-05-15)"
tui_keys C-s
tui_wait "meeting marked held; notes and outcome saved"
tui_wait "Meeting with Grace Hopper, held"
tui_wait "She liked the rota plan"
tw action list > "$SCRATCH/actions"
grep "Introduce me to the VP" "$SCRATCH/actions" | grep "sponsor" | grep -q "2030-05-15" ||
	tui_fail "action list: $(cat "$SCRATCH/actions")"
tw meeting show 1 | grep -q "held" || tui_fail "meeting not held"
tw meeting show 1 | grep -q "She liked the rota plan" || tui_fail "notes not stored"
tui_keys q
tui_wait "held    Grace Hopper"

# ---- search from anywhere ----
tui_keys /
tui_wait "Type to search"
tui_type "zebra"
tui_wait "1 hit"
tui_wait "reflection"
tui_wait "[Zebra] stripes surprised me"
tui_keys Enter
tui_wait "After a sponsor meeting"
tui_screen | sed -n '/────/,$p' | grep -qF "What surprised you" || tui_fail "the hit's item is not focused"
tui_wait "Reflected  (enter writes)"
tui_keys Enter
tui_wait "Zebra stripes surprised me"
tui_wait "saved  26 characters"
tui_keys Escape
tui_wait "Reflected  (enter writes)"
tui_keys q
tui_wait "zebra"
tui_keys C-u
tui_type "q/nothing"
tui_wait 'No match for "q/nothing".'
tui_keys Escape
tui_wait "held    Grace Hopper"
tui_keys q
tui_wait "q quit"

# ---- profiles: add one and switch to it ----
tui_keys p
tui_wait "Profiles"
tui_wait "* me"
tui_keys a
tui_keys Enter Enter Enter
tui_wait "a profile needs a name; nothing added"
tui_type "Coachee"
tui_keys Tab
tui_type "Engineer"
tui_keys Tab
tui_type "Lead the platform team"
tui_keys Enter
tui_wait "profile Coachee added"
# Role and goals in their own columns, and the goals in full below.
tui_wait "Lead the platform team"
tui_screen | grep -F "Coachee" | grep -F "Engineer" | grep -qF "Lead the platform team" ||
	tui_fail "role and goals not on the profile's row"
tui_screen | grep -qF -- "Engineer - Lead" && tui_fail "role and goals run together"
tui_keys Enter
tui_wait "now working as Coachee"
tui_wait "q quit"
tui_screen | head -1 | grep -q "Coachee" || tui_fail "title bar does not show Coachee"
tui_wait "None planned"
tui_keys q
tui_wait_exit
tw profile list | grep -q '^\* .*Coachee' || tui_fail "Coachee is not the current profile: $(tw profile list)"
echo "ok"
