#!/usr/bin/env bash
# A coaching session over two sittings, in a real pty: what the first
# sitting covered (visited, ticked, rated, reflected) is in the store as it
# happens, survives leaving the app without ending the session and a
# kill -9 of the app, and shows with the second sitting's items in the
# summary, the stored record, `twoway export --format md --coaching ID` and
# the JSON export, whose round trip stays byte for byte the same.
. "$(dirname "$0")/tui_lib.sh"
tui_setup

tw() { "$TWOWAY" --db "$DB" "$@"; }
q() { sqlite3 -readonly "$DB" "$1"; }
PRIV="Zebrafish secret about my sponsor"
WORDS="Sitting one words about the help I need"

T_BOOKED="You have booked your next meeting"
T_READ="You have read what your sponsor has published"
T_AGENDA="You have a short written agenda"
T_MANAGER="You have considered inviting your sponsor"
T_PREPARED="How well prepared do you usually feel"
T_HELP="Right now, what kind of help"

tw profile add Sam >/dev/null || tui_fail "profile add"
tw profile use Sam >/dev/null || tui_fail "profile use"
printf '%s\n' "$PRIV" | tw reflect six-practices/proactive/their-story --private >/dev/null ||
	tui_fail "reflect --private"

GIDX=$(tw guides | grep -v '^ ' | awk '$1 == "six-practices" { print NR - 1 }')
[ -n "$GIDX" ] || tui_fail "six-practices is not among the guides"
pick_guide() {
	tui_wait "Which guide will you walk together?"
	for _ in $(seq "$GIDX"); do tui_keys j; done
	tui_keys Enter
	tui_wait "Coach notes"
}
# Focuses row N of the checklist (0: the first section's heading).
row() {
	tui_keys g
	for _ in $(seq "$1"); do tui_keys j; done
}
# Waits until the store holds what=WHAT for ITEM in session ID (value VAL).
wait_mark() {
	local id=$1 what=$2 item=$3 val=${4:-0} i
	for i in $(seq 50); do
		[ "$(q "SELECT value FROM coaching_events WHERE coaching_id = $id
			AND what = '$what' AND item_id = 'six-practices/$item'")" = "$val" ] && return 0
		sleep 0.1
	done
	tui_fail "session $id: no '$what' mark for $item with value $val: $(q 'SELECT * FROM coaching_events')"
}
# Resumes the open session ID from Home-less start: coach mode, Sam, resume.
resume() {
	tui_start 120 60 -- --coach
	tui_wait "Whose session is it?"
	tui_keys Enter
	tui_wait "Resume session $1 with Robin"
	tui_keys Enter
	pick_guide
}
# The app's process inside the pane.
app_pid() {
	local pid
	pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
	pgrep -P "$pid" -f twoway || echo "$pid"
}

# ==== 1. quit without ending, then resume ====
tui_start 120 60 -- --coach
tui_wait "Whose session is it?"
tui_keys Enter
tui_wait "The coach's name"
tui_type "Robin"
tui_keys Enter
pick_guide
row 1
tui_keys Space
tui_wait "[x] $T_BOOKED"
row 7
tui_keys 4
tui_wait "rated 4 of 5"
row 4                             # the private reflection: visited only
tui_wait "reflection v1: private"
# Marked as it happens, before the session ends.
wait_mark 1 ticked proactive/set-the-meeting
wait_mark 1 rated proactive/prepared-rating 4
wait_mark 1 visited proactive/their-story
# Moving over visited items again adds no row.
before=$(q "SELECT count(*) FROM coaching_events")
row 7
row 1
tui_keys j j j
# --coach: leaving is back to the shell, once every key before q was handled.
tui_keys q
tui_wait_exit
[ "$(q "SELECT count(*) FROM coaching_events")" = "$before" ] ||
	tui_fail "moving over visited items wrote marks again: $(q 'SELECT * FROM coaching_events')"
[ "$(q "SELECT ended, covered FROM coaching WHERE id = 1")" = "0|" ] ||
	tui_fail "session 1 should still be open with nothing written at its end"

resume 1
row 2
tui_keys Space
tui_wait "[x] $T_READ"
tui_keys E
tui_wait "End the session now?"
tui_keys y
tui_wait "Coaching session 1: summary"
tui_wait "Guide: "
tui_wait "ticked 2, rated 1"
tui_wait "Ticked (2):"
tui_screen | grep -A2 -F "Ticked (2):" | grep -qF -- "- $T_BOOKED" ||
	tui_fail "the first sitting's tick is not in the summary"
tui_screen | grep -A4 -F "Ticked (2):" | grep -qF -- "- $T_READ" ||
	tui_fail "the second sitting's tick is not in the summary"
tui_wait "Rated (1):"
tui_wait "$T_PREPARED"
tui_screen | grep -F "$T_PREPARED" | grep -qF "4 of 5" || tui_fail "the rating is not in the summary"
tui_absent "Zebrafish"
tui_keys q
tui_wait_exit

REC=$(q "SELECT covered FROM coaching WHERE id = 1")
for id in proactive/set-the-meeting proactive/homework proactive/prepared-rating; do
	grep -qF "six-practices/$id" <<<"$REC" || tui_fail "$id is not in the stored record: $REC"
done
grep -qF "Zebrafish" <<<"$REC" && tui_fail "private text in the stored record"
MD=$(tw export --format md --coaching 1) || tui_fail "export md --coaching 1"
grep -A4 -F "### Ticked" <<<"$MD" | grep -qF -- "- $T_BOOKED" || tui_fail "md: first sitting's tick: $MD"
grep -A4 -F "### Ticked" <<<"$MD" | grep -qF -- "- $T_READ" || tui_fail "md: second sitting's tick: $MD"
grep -qF -- "- $T_PREPARED" <<<"$MD" || tui_fail "md: the rated item: $MD"
grep -F -- "- $T_PREPARED" <<<"$MD" | grep -qF ": 4 of 5" || tui_fail "md: the rating: $MD"
grep -qF "Zebrafish" <<<"$MD" && tui_fail "md: private reflection text"

# ==== 2. the app killed with SIGKILL mid-session, then resume ====
tui_start 120 60 -- --coach
tui_wait "Whose session is it?"
tui_keys Enter
tui_wait "Robin"                  # the last coach's name, offered
tui_keys Enter
pick_guide
row 3
tui_keys Space
tui_wait "[x] $T_AGENDA"
row 7
tui_keys 2
tui_wait "rated 2 of 5"
row 8                             # j steps over the second section's header
tui_wait "$T_HELP"
tui_keys Enter
tui_wait "Reflection: Right now"
tui_type "$WORDS"
tui_keys Escape
tui_wait "reflection v1:"
wait_mark 2 ticked proactive/agenda
wait_mark 2 rated proactive/prepared-rating 2
wait_mark 2 reflected clear-ask/name-the-help
kill -9 "$(app_pid)"
tui_wait_exit 5 137

resume 2
row 6
tui_keys Space
tui_wait "[x] $T_MANAGER"
row 7
tui_keys 5                        # a new rating: the latest one is kept
tui_wait "rated 5 of 5"
wait_mark 2 rated proactive/prepared-rating 5
tui_keys C-x
tui_wait "End the session now?"
tui_keys y
tui_wait "Coaching session 2: summary"
tui_wait "Ticked (2):"
tui_screen | grep -A4 -F "Ticked (2):" | grep -qF -- "- $T_AGENDA" ||
	tui_fail "the killed sitting's tick is not in the summary"
tui_screen | grep -A4 -F "Ticked (2):" | grep -qF -- "- $T_MANAGER" ||
	tui_fail "the resumed sitting's tick is not in the summary"
tui_screen | grep -F "$T_PREPARED" | grep -qF "5 of 5" || tui_fail "the latest rating is not shown"
tui_screen | grep -F "$T_PREPARED" | grep -qF "2 of 5" && tui_fail "an older rating is shown"
tui_wait "Reflected on (1):"
tui_screen | grep -A2 -F "Reflected on (1):" | grep -qF -- "- $T_HELP" ||
	tui_fail "the killed sitting's reflection is not in the summary"
tui_absent "$WORDS"
tui_absent "Zebrafish"
tui_keys q
tui_wait_exit

REC=$(q "SELECT covered FROM coaching WHERE id = 2")
for id in proactive/agenda proactive/manager-link clear-ask/name-the-help; do
	grep -qF "six-practices/$id" <<<"$REC" || tui_fail "$id is not in the stored record: $REC"
done
grep -qF "$WORDS" <<<"$REC" && tui_fail "reflection text in the stored record"
[ "$(q "SELECT group_concat(item_id, ' ') FROM coaching_events WHERE coaching_id = 2
	AND what = 'ticked'")" = "six-practices/proactive/agenda six-practices/proactive/manager-link" ] ||
	tui_fail "session 2's ticks are not its own: $(q 'SELECT * FROM coaching_events')"
MD=$(tw export --format md --coaching 2) || tui_fail "export md --coaching 2"
grep -A4 -F "### Ticked" <<<"$MD" | grep -qF -- "- $T_AGENDA" || tui_fail "md: killed sitting's tick: $MD"
grep -A4 -F "### Ticked" <<<"$MD" | grep -qF -- "- $T_MANAGER" || tui_fail "md: resumed sitting's tick: $MD"
grep -F -- "- $T_PREPARED" <<<"$MD" | grep -qF ": 5 of 5" || tui_fail "md: the latest rating: $MD"
grep -A3 -F "### Reflected on" <<<"$MD" | grep -qF -- "- $T_HELP" || tui_fail "md: reflected: $MD"
grep -A3 -F "### Reflected on" <<<"$MD" | grep -qF "$WORDS" && tui_fail "md: reflection text in the list"
grep -qF "Zebrafish" <<<"$MD" && tui_fail "md: private reflection text"
# The store keeps ids and marks only: no text of any reflection.
q "SELECT * FROM coaching_events" | grep -qF -e "$WORDS" -e Zebrafish &&
	tui_fail "reflection text in the coaching events"

# ==== 3. the JSON export carries the marks; its round trip is exact ====
tw export --format json --out "$SCRATCH/one.json" >/dev/null || tui_fail "export json"
grep -qF '"what":"reflected"' "$SCRATCH/one.json" || tui_fail "the JSON export lacks the marks"
n=$(q "SELECT count(*) FROM coaching_events")
[ "$(grep -c '"what":' "$SCRATCH/one.json")" = "$n" ] || tui_fail "not every mark exported ($n)"
"$TWOWAY" --db "$SCRATCH/copy.db" import "$SCRATCH/one.json" >/dev/null || tui_fail "import"
"$TWOWAY" --db "$SCRATCH/copy.db" export --format json --out "$SCRATCH/two.json" >/dev/null ||
	tui_fail "export of the copy"
cmp "$SCRATCH/one.json" "$SCRATCH/two.json" || tui_fail "the JSON round trip differs"
MD2=$("$TWOWAY" --db "$SCRATCH/copy.db" export --format md --coaching 2) || tui_fail "md of the copy"
[ "$MD2" = "$MD" ] || tui_fail "the imported session's summary differs: $MD2"
# importing the same file again changes nothing
"$TWOWAY" --db "$SCRATCH/copy.db" import "$SCRATCH/one.json" >/dev/null || tui_fail "import again"
[ "$(sqlite3 -readonly "$SCRATCH/copy.db" "SELECT count(*) FROM coaching_events")" = "$n" ] ||
	tui_fail "a second import duplicated marks"
echo "ok: coach mode over two sittings"
