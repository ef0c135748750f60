#!/usr/bin/env bash
# The Actions screen end to end: opened with a from Home; overdue items
# marked; adding one with a bad due date is refused and saves nothing, a
# good one is saved with owner, due date and meeting; space ticks it done
# (u undoes); f cycles open / overdue / all; d deletes and u brings it back;
# enter opens the item's meeting; e edits and p postpones (u undoes); search opens a free-standing item here;
# 60 more items scroll at 40x12; ? lists the keys.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

tw sponsor add "María López" >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "María López" --when '2030-12-03 10:00' --agenda "Scope" >/dev/null ||
	tui_fail "meeting add"
tw action add "Send the deck" --due 2020-01-01 --meeting 1 >/dev/null || tui_fail "action add"
tw action add "Book a room" --due 2099-01-01 >/dev/null || tui_fail "action add"
TODAY=$(date +%F)

tui_start 80 24
tui_wait "Guides"
tui_wait "a actions"
tui_keys '?'
tui_wait "action items: all of them"
tui_keys Escape
tui_keys a
tui_wait "open: 2"
tui_wait "Send the deck"
tui_wait "Book a room"
# Overdue: marked in the first column, and said in the detail line.
tui_screen | grep -F "Send the deck" | grep -q '^!' || tui_fail "the overdue item is not marked"
tui_screen | grep -F "Book a room" | grep -q '^!' && tui_fail "a future item is marked overdue"
tui_wait "Overdue since 2020-01-01 · from the meeting with María López"
tui_wait "2030-12-03 María López"     # where it came from (80 columns)

# ---- ? lists the keys ----
tui_keys '?'
tui_wait "Keys: Action items"
tui_wait "filter: open, overdue, all"
tui_wait "tick done today / open again"
tui_wait "export all action items as CSV"
tui_keys Escape
tui_wait_gone "Keys: Action items"

# ---- add: a bad due date is refused and nothing is saved ----
tui_keys a
tui_wait "New action item"
tui_type "Call Grace"
tui_keys Tab Right
tui_wait "your sponsor does it"
tui_keys Tab
tui_type "2030-02-30"
tui_keys C-s
tui_wait "'2030-02-30' is not a date: 2030-02 has no day 30"
tui_wait "New action item"
tw action list | grep -qF "Call Grace" && tui_fail "a refused action item was saved"
tui_keys Escape
tui_wait "Esc again discards it"
tui_keys Escape
tui_wait "open: 2"
tw action list | grep -qF "Call Grace" && tui_fail "discarding saved the action item"

# ---- add a good one, owned by the sponsor, from the meeting ----
tui_keys a
tui_wait "New action item"
tui_type "Call Grace"
tui_keys Tab Right Tab
tui_type "2030-2-28"
tui_wait "= Thu 2030-02-28, in "
tui_keys Tab Right
tui_wait "< 2030-12-03 with María López >"
tui_keys C-s
tui_wait "action item 3 added, due Thu 2030-02-28"
tui_wait "open: 3"
tui_wait "Call Grace"
tw action list | grep -E '^ +3 +\[ \] +2030-02-28 +sponsor +María López +1 +Call Grace$' >/dev/null ||
	tui_fail "stored: $(tw action list)"

# ---- space ticks it done (today), u undoes ----
tui_screen | grep -F "Call Grace" | grep -qF "sponsor" || tui_fail "owner not shown"
tui_keys Space
tui_wait "done $TODAY"
tui_wait "open: 2"
tui_absent "Call Grace"
tw action list | grep -E "^ +3 +\[x\]" >/dev/null || tui_fail "not ticked: $(tw action list)"
tui_keys u
tui_wait "tick undone"
tui_wait "open: 3"
tw action list | grep -E "^ +3 +\[ \]" >/dev/null || tui_fail "untick not stored"
tui_keys Space
tui_wait "open: 2"

# ---- f: open, overdue, all ----
tui_keys f
tui_wait "overdue: 1"
tui_wait "Send the deck"
tui_absent "Book a room"
tui_keys f
tui_wait "all: 3"
tui_wait "[x] 2030-02-28 sponsor Call Grace"
tui_wait "Call Grace"
tui_keys f
tui_wait "open: 2"

# ---- d deletes (soft), u brings it back ----
tui_keys G
tui_wait "Due 2099-01-01 · free-standing, no meeting"
tui_keys d
tui_wait "action item deleted; press u to undo"
tui_wait "open: 1"
tui_absent "Book a room"
tw action list | grep -qF "Book a room" && tui_fail "deleted item still listed by the CLI"
tui_keys u
tui_wait "action item back"
tui_wait "Book a room"
tui_wait "open: 2"
tw action list | grep -qF "Book a room" || tui_fail "undo did not bring it back"

# ---- enter: the meeting it came from, or a word for a free-standing one ----
tui_keys Enter
tui_wait "belongs to no meeting"
tui_keys g Enter
tui_wait "Meeting with María López, planned"
tui_keys q
tui_wait "open: 2"

# ---- e edits text, owner and due date; u undoes the edit ----
day() { date -d "$1" '+%a %F'; }
tui_keys g
tui_wait "Overdue since 2020-01-01"
tui_keys e
tui_wait "Edit action item 1"
tui_wait "Send the deck"
tui_wait "< 2030-12-03 with María López >"
tui_keys C-u
tui_type "Send the final deck"
tui_keys Tab Right
tui_wait "your sponsor does it"
tui_keys Tab C-u
tui_type "+3d"
tui_wait "= $(day '+3 days'), in 3 days"
tui_keys C-s
tui_wait "action item 1 changed, due $(day '+3 days')"
tui_wait "Send the final deck"
tw action list | grep -E "^ +1 +\[ \] +$(date -d '+3 days' +%F) +sponsor +María López +1 +Send the final deck$" \
	>/dev/null || tui_fail "edit not stored: $(tw action list)"
tui_keys u
tui_wait "change undone"
tui_wait "Send the deck"
tw action list | grep -E "^ +1 +\[ \] +2020-01-01 overdue +me +María López +1 +Send the deck$" \
	>/dev/null || tui_fail "edit not undone: $(tw action list)"

# ---- p postpones: from today when overdue, then from the due date ----
tui_keys p
tui_wait "Postpone action item 1"
tui_wait "from today; or a day: fri"
tui_type "+2d"
tui_wait "= $(day '+2 days'), in 2 days"
tui_keys Enter
tui_wait "postponed to $(day '+2 days') (was Wed 2020-01-01); u undoes"
tui_wait "Due $(date -d '+2 days' +%F)"
tui_screen | grep -F "Send the deck" | grep -q '^!' && tui_fail "still marked overdue"
tui_keys p
tui_wait "from $(day '+2 days'); or a day"
tui_type "+1w"
tui_wait "= $(day '+9 days')"
tui_keys Enter
tui_wait "postponed to $(day '+9 days') (was $(day '+2 days'))"
tw action list | grep -E "^ +1 +\[ \] +$(date -d '+9 days' +%F) +me" >/dev/null ||
	tui_fail "postpone not stored: $(tw action list)"
tui_keys p
tui_type "someday"
tui_keys Enter
tui_wait "'someday' is not a date; try fri, +3d or 2026-12-03"
tui_keys Escape Escape
tui_wait "open: 2"
tw action list | grep -E "^ +1 +\[ \] +$(date -d '+9 days' +%F) +me" >/dev/null ||
	tui_fail "a refused postpone changed it: $(tw action list)"

# ---- search opens a free-standing action item on this screen ----
tui_keys q
tui_wait "q quit"
tui_keys /
tui_wait "Type to search"
tui_type "room"
tui_wait "Book a [room]"
tui_keys Enter
tui_wait "all: 3"
tui_wait "Due 2099-01-01 · free-standing, no meeting"
tui_screen | grep -F "Book a room" | grep -qF "2099-01-01" || tui_fail "search did not open it"
tui_keys q
tui_wait "Book a [room]"
tui_keys Escape
tui_wait "q quit"
tui_keys q
tui_wait_exit

# ---- 60 more items scroll at 40x12 ----
for i in $(seq -w 1 60); do
	printf 'Bulk item %s\n' "$i"
done | while read -r t; do tw action add "$t" >/dev/null || exit 1; done ||
	tui_fail "bulk add"
tui_start 40 12
tui_wait "Guides"
tui_keys a
tui_wait "open: 62"
tui_wait "1/62"
tui_wait "Send the deck"
tui_keys G
tui_wait "62/62"
tui_wait "Bulk item 60"
tui_absent "Send the deck"
tui_keys g
tui_wait "1/62"
tui_wait "Send the deck"
tui_absent "Bulk item 60"
for _ in $(seq 1 10); do tui_keys j; done
tui_wait "11/62"
tui_wait "Bulk item 09"
tui_absent "Send the deck"
tui_keys NPage                 # 6 rows at 40x12: a page moves 5
tui_wait "16/62"
tui_wait "Bulk item 14"
tui_keys C-f
tui_wait "21/62"
tui_wait "Bulk item 19"
tui_absent "Bulk item 09"
tui_keys PPage C-b
tui_wait "11/62"
tui_keys k k k k k k k k k k
tui_wait "1/62"
tui_wait "Send the deck"
tui_absent "too small"
tui_keys '?'
tui_wait "Keys: Action items"
tui_keys Escape
tui_keys q q
tui_wait_exit
echo "tui actions ok"
