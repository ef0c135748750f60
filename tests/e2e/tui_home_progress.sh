#!/usr/bin/env bash
# Home's bars for the guides walked per meeting count the meeting they are
# walked for, as the core reckons it (tw_agenda_guide_progress): before a
# meeting, the next planned one's ticks and answers (not a later
# meeting's); after one, the meeting whose time has passed. The row names
# who and when, and enter opens the guide on that same meeting.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

tw sponsor add "Dana Reyes" >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "Dana Reyes" --when "yesterday 10:00" >/dev/null || tui_fail "meeting 1"
tw meeting add --sponsor "Dana Reyes" --when "tomorrow 10:00" >/dev/null || tui_fail "meeting 2"
tw meeting add --sponsor "Dana Reyes" --when "+3w 10:00" >/dev/null || tui_fail "meeting 3"
# meeting 2 (the next): two ticks; meeting 3 (later): four, not counted
for it in homework/read-their-work homework/social-media; do
	tw tick "before-meeting/$it" --meeting 2 >/dev/null || tui_fail "tick $it"
done
for it in homework/read-their-work homework/social-media logistics/meeting-booked \
	logistics/agenda-sent; do
	tw tick "before-meeting/$it" --meeting 3 >/dev/null 2>&1
done
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE meeting_id = 3 AND ticked")" = 4 ] ||
	tui_fail "meeting 3's ticks: $(sqlite3 "$DB" 'SELECT * FROM progress')"
# meeting 1 (time passed, to debrief): a rating and an answer
tw rate after-meeting/reflect-on-it/usefulness 4 --meeting 1 >/dev/null || tui_fail "rate"
echo "Ask about the budget first" |
	tw reflect after-meeting/reflect-on-it/next-time --meeting 1 >/dev/null || tui_fail "reflect"

# row ROW-TEXT COUNT: the guide row holding ROW-TEXT comes to show COUNT
# (within 10 s: another window's write reaches Home on its next poll)
row() {
	tui_poll_start 10
	while :; do
		tui_screen | grep -F -- "$1" | grep -qF -- " $2" && return 0
		tui_poll_next || break
	done
	tui_fail "the row '$1' does not show $2"
}

tui_start 100 30
row "Before a sponsor meeting (Dana Reyes, tomorrow)" "2/14"
row "After a sponsor meeting (Dana Reyes, yesterday)" "2/13"

# enter on the before row walks meeting 2: its ticks, meeting 3's not
tui_keys j Enter
tui_wait "Before a sponsor meeting: Dana Reyes"
tui_wait "tomorrow"
tui_keys q
tui_wait "Guides"

# a tick for meeting 2 from another window moves the bar; meeting 1 held
# stays the meeting to debrief (the latest whose time has passed)
tw tick before-meeting/logistics/meeting-booked --meeting 2 >/dev/null || tui_fail "tick 3"
tw meeting held 1 >/dev/null || tui_fail "held"
tui_keys j k
row "Before a sponsor meeting (Dana Reyes, tomorrow)" "3/14"
row "After a sponsor meeting (Dana Reyes, yesterday)" "2/13"
tui_keys q
tui_wait_exit 10
echo "ok"
