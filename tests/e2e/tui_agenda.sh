#!/usr/bin/env bash
# Live agendas in the app: the meeting view shows the agenda made when
# shown (the answers while nothing is written by hand, the sponsor's open
# action items; an item done from another window goes); a hand edit made
# in the prepare step is kept; r regenerates after asking, u undoes it;
# x then Tab exports the send-ahead agenda, byte for byte the CLI's, 0600,
# without the private answer; in the prepare step Ctrl-P asks before it puts
# the private answer in, Ctrl-P again does.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
q() { sqlite3 -readonly "$DB" "$1"; }

tw profile add Sam >/dev/null || tui_fail "profile add"
tw sponsor add "Dana Reyes" --title VP >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "Dana Reyes" --when '2030-12-03 10:00' >/dev/null || tui_fail "meeting add"
tw action add "Send the deck" --due 2030-12-01 --meeting 1 >/dev/null || tui_fail "action add"
tw action add "Book the offsite" --meeting 1 >/dev/null || tui_fail "action add"
echo "Public challenge words" | tw reflect before-meeting/agenda/the-challenge --meeting 1 >/dev/null ||
	tui_fail "reflect"
echo "PRIVATE-CANARY leaving" | tw reflect before-meeting/the-ask/the-ask --meeting 1 --private \
	>/dev/null || tui_fail "reflect --private"

tui_start 100 30
tui_wait "Guides"
tui_keys m
tui_wait "Dana Reyes"
tui_keys Enter
tui_wait "Meeting with Dana Reyes, planned"
tui_wait "Public challenge words"              # the answers, live
tui_wait "Due before this meeting"
tui_wait "- Send the deck (me, due 2030-12-01)"
tui_wait "- Book the offsite (me)"
tui_absent "PRIVATE-CANARY"
# done in another window: the item leaves the agenda, nothing was stored
tw action done 1 >/dev/null || tui_fail "action done"
tui_wait_gone "- Send the deck (me"
tui_wait "- Book the offsite (me)"
[ "$(q "SELECT agenda FROM meetings WHERE id = 1")" = "" ] || tui_fail "the agenda was stored"
tw action add "Call the CFO" --due 2030-11-30 --meeting 1 >/dev/null || tui_fail "action add 3"
tui_wait "- Call the CFO (me, due 2030-11-30)"

# ---- r with nothing written by hand: nothing to regenerate ----
tui_keys r
tui_wait "made from your answers already"

# ---- a hand edit in the prepare step is kept ----
tui_keys p
tui_wait "Step 1 of 3"
tui_keys Enter
tui_wait "q comes back to the agenda"
tui_keys q
tui_wait "agenda made from your written answers"
tui_wait "live, from your action items"
tui_keys C-End
tui_type "HAND-WORDS about the re-org"
tui_keys C-s
tui_wait "Meeting with Dana Reyes, planned"
tui_wait "HAND-WORDS about the re-org"
tui_wait "- Book the offsite (me)"
q "SELECT agenda FROM meetings WHERE id = 1" | grep -qF "HAND-WORDS" || tui_fail "the hand edit was not stored"
q "SELECT agenda FROM meetings WHERE id = 1" | grep -qF "Book the offsite" && tui_fail "an item was stored"
echo "Changed challenge words" | tw reflect before-meeting/agenda/the-challenge --meeting 1 >/dev/null
tui_keys g                                      # to the top (and a refresh)
tui_wait "HAND-WORDS about the re-org"
tui_absent "Changed challenge words"            # the hand part is kept

# ---- r asks, r again regenerates, u undoes ----
tui_keys r
tui_wait "r again: yes (u then undoes it)"
[ -n "$(q "SELECT agenda FROM meetings WHERE id = 1")" ] || tui_fail "the first r changed the agenda"
tui_keys r
tui_wait "agenda made fresh from your answers; u undoes it"
tui_wait "Changed challenge words"
tui_wait_gone "HAND-WORDS"
[ "$(q "SELECT agenda FROM meetings WHERE id = 1")" = "" ] || tui_fail "regenerate kept the hand part"
tui_keys u
tui_wait "your written agenda is back"
tui_wait "HAND-WORDS about the re-org"
q "SELECT agenda FROM meetings WHERE id = 1" | grep -qF "HAND-WORDS" || tui_fail "undo did not store"
tui_wait "p prepare  b debrief  x brief  i .ics  r regenerate" # u is gone
tui_absent "u undo"

# ---- x, Tab: the send-ahead agenda, the CLI's, 0600, nothing private ----
AGENDA="$HOME/twoway-agenda-2030-12-03-dana-reyes.md"
tui_keys x
tui_wait "Export your private brief (Markdown) to:"
tui_wait "Tab brief/agenda"
tui_keys Tab
tui_wait "Export the send-ahead agenda (Markdown) to:"
tui_wait "~/twoway-agenda-2030-12-03-dana-reyes.md"
tui_keys Enter
tui_wait "wrote $AGENDA"
tw export --format md --meeting 1 --agenda >"$SCRATCH/agenda.cli" || tui_fail "CLI agenda"
cmp -s "$AGENDA" "$SCRATCH/agenda.cli" || {
	diff "$SCRATCH/agenda.cli" "$AGENDA"
	tui_fail "the app's agenda differs from the CLI's"
}
[ "$(stat -c %a "$AGENDA")" = 600 ] || tui_fail "agenda mode $(stat -c %a "$AGENDA")"
grep -qF "HAND-WORDS" "$AGENDA" || tui_fail "the agenda lacks the hand part: $(cat "$AGENDA")"
grep -qF "PRIVATE-CANARY" "$AGENDA" && tui_fail "the send-ahead agenda has private text"
grep -qF "Call the CFO" "$AGENDA" || tui_fail "the agenda lacks the live item"
tui_keys x
tui_wait "Export your private brief (Markdown) to:"
tui_keys Escape
tui_wait "export cancelled"

# ---- Ctrl-P in the prepare step: asks first, then puts it in ----
tui_keys p
tui_wait "Step 1 of 3"
tui_keys Enter
tui_wait "q comes back to the agenda"
tui_keys q
tui_wait "Agenda for Dana Reyes"
tui_keys C-p
tui_wait "where the sponsor may read them? Ctrl-P again: yes"
tui_absent "PRIVATE-CANARY"
tui_keys C-p
tui_wait "your private answers are in the agenda now"
tui_wait "PRIVATE-CANARY leaving"
q "SELECT agenda FROM meetings WHERE id = 1" | grep -qF "PRIVATE-CANARY" &&
	tui_fail "the private answer was stored before Ctrl-S"
echo "tui_agenda: OK"
