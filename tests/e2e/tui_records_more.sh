#!/usr/bin/env bash
# The record screens' keys and limits: ? (F1 where keys are text) lists each
# screen's keys; a bad meeting date is refused and nothing is saved; 100
# sponsors added through the CLI scroll with j/k, G/g and PgDn; every screen
# draws at 40x12.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

# help KEY TITLE TEXT: the help overlay of the screen shows TEXT.
help() {
	tui_keys "$1"
	tui_wait "Keys: $2"
	tui_wait "$3"
	tui_keys x
	tui_wait_gone "Keys: $2"
}

for i in $(seq -w 1 100); do
	tw sponsor add "Sponsor $i" --title "Title $i" --org "Org $i" --stage mentor >/dev/null ||
		tui_fail "sponsor add $i"
done
tw meeting add --sponsor "Sponsor 001" --when "2030-01-02 10:00" --agenda "Talk about the rota" >/dev/null

tui_start 80 24
tui_wait "Guides"
tui_keys s
tui_wait "Sponsor 001"
help '?' "Sponsors" "undo the delete (right after it; later"
tui_absent "Sponsor 030"
tui_keys G
tui_wait "Sponsor 100"
tui_wait "100/100"
tui_absent "Sponsor 001"
tui_keys g
tui_wait "1/100"
tui_wait "Sponsor 001"
# 80x24: ten list rows above the focused sponsor's details, so a page is 9.
tui_keys PageDown
tui_wait "10/100"
tui_absent "Sponsor 011"
tui_keys PageDown
tui_wait "19/100"
tui_wait "Sponsor 019"
tui_absent "Sponsor 001 "
tui_keys PageUp
tui_wait "10/100"
tui_keys PageDown
tui_wait "19/100"
for i in $(seq 1 11); do tui_keys j; done
tui_wait "30/100"
tui_wait "Sponsor 030"
tui_absent "Sponsor 001 "
# delete and undo right after
tui_keys d
tui_wait "deleted Sponsor 030; press u to undo"
tui_absent "Sponsor 030 "
tui_keys u
tui_wait "sponsor back"
tui_wait "Sponsor 030"
tui_keys Enter
tui_wait "Edit sponsor"
tui_wait "Title 030"
help F1 "Edit sponsor" "next, previous field"
tui_keys Escape
tui_wait "Sponsor 030"
tui_keys q
tui_wait "q quit"

# meetings list, view, prepare and debrief keys
tui_keys m
tui_wait "Talk about the rota"
help '?' "Meetings" "debrief: after-meeting guide"
tui_keys Enter
tui_wait "Meeting with Sponsor 001, planned"
help '?' "Meeting with Sponsor 001" "prepare: walk the before-meeting guide"
tui_keys q
tui_wait "Talk about the rota"
tui_keys a
tui_wait "Step 1 of 3"
# the help lists the keys of the step it is on
help F1 "Prepare a meeting" "step 1: on to the before-meeting guide"
# a bad date: refused, nothing saved even when leaving
tui_keys Tab
tui_type "tomorrowish"
tui_wait "'tomorrowish' is not a date; try thu 10:30, +3d or 2026-12-03"
tui_keys Enter
tui_wait "'tomorrowish' is not a date"
tui_keys Escape
tui_wait "no meeting saved yet: Esc again leaves without one"
tui_keys Escape
tui_wait "Talk about the rota"
[ "$(tw meeting list | grep -c 2030)" = 1 ] || tui_fail "a meeting was saved: $(tw meeting list)"
tui_keys b
tui_wait "b again debriefs it"
tui_keys b
tui_wait "Capture what was said"
tui_keys q
tui_wait "Debrief: Sponsor 001"
help F1 "Debrief meeting" "walk the after-meeting guide again"
tui_keys Escape
tui_wait "Talk about the rota"
tui_keys q
tui_wait "q quit"

# search and profiles
tui_keys /
tui_wait "Type to search"
help '?' "Search" "the query: every word must match"
tui_keys Escape
tui_wait "q quit"
tui_keys p
tui_wait "* me"
help '?' "Profiles" "switch to the profile and go Home"
tui_keys q
tui_wait "q quit"
tui_keys q
tui_wait_exit

# every record screen at 40x12
tui_start 40 12
tui_wait "Guides"
tui_keys s
tui_wait "Sponsor 001"
tui_keys G
tui_wait "Sponsor 100"
tui_keys Enter
tui_wait "Name"
tui_keys Escape
tui_wait "Sponsor 100"
tui_keys q m
tui_wait "planned"
tui_keys Enter
tui_wait "Meeting with"
tui_keys q q p
tui_wait "* me"
tui_keys q /
tui_wait "Search"
tui_type "rota"
tui_wait "[rota]"
tui_keys Escape
tui_wait "q quit"
tui_keys q
tui_wait_exit
echo "ok"
