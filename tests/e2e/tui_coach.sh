#!/usr/bin/env bash
# Coach mode in a real pty: pick the sponsee, name the coach, walk
# six-practices side by side with the coach prompt, see earlier answers with
# private reflections only as "private", write autosaved coach notes, leave
# and resume, end the session, check the summary and the stored record; then
# the 80-column stacked layout, 40x12, the remembered coach name and `?`.
. "$(dirname "$0")/tui_lib.sh"
tui_setup

tw() { "$TWOWAY" --db "$DB" "$@"; }
PRIV="Zebrafish secret about my sponsor"
OLD="Earlier open words before going private"
PUB="Public words about naming the help I need"

tw profile add Alex >/dev/null || tui_fail "profile add"
tw profile add Sam >/dev/null || tui_fail "profile add"
tw profile use Alex >/dev/null || tui_fail "profile use"
printf '%s\n' "$OLD" | tw --profile Sam reflect six-practices/proactive/their-story >/dev/null ||
	tui_fail "reflect (public version)"
printf '%s\n' "$PRIV" | tw --profile Sam reflect six-practices/proactive/their-story --private \
	>/dev/null || tui_fail "reflect --private"
printf '%s\n' "$PUB" | tw --profile Sam reflect six-practices/clear-ask/name-the-help >/dev/null ||
	tui_fail "reflect"
tw --profile Sam rate six-practices/proactive/prepared-rating 2 >/dev/null || tui_fail "rate"
tw --profile Sam rate six-practices/proactive/prepared-rating 4 >/dev/null || tui_fail "rate"

# Where six-practices is in the guide list (load order).
GIDX=$(tw guides | grep -v '^ ' | awk '$1 == "six-practices" { print NR - 1 }')
[ -n "$GIDX" ] || tui_fail "six-practices is not among the guides"
pick_guide() {
	tui_wait "Which guide will you walk together?"
	for _ in $(seq "$GIDX"); do tui_keys j; done
	tui_keys Enter
	tui_wait "Coach notes"
}

# ---- a session at 120x40: side by side ----
tui_start 120 40 TWOWAY_DRAFT_INTERVAL_MS=200 -- --coach
tui_wait "Whose session is it?"
tui_wait "+ New profile"
tui_keys '?'
tui_wait "Keys: Coach mode"
tui_keys x
tui_wait_gone "Keys: Coach mode"
tui_keys j Enter          # Alex is in use; the sponsee is Sam
tui_wait "Sponsee: Sam"
tui_wait "The coach's name"
tui_type "Robin Q. Coach"
tui_keys Enter
pick_guide
tui_wait "with Robin Q. Coach"
tui_wait "Coach prompt"
# The focused item's coach prompt, from content/en/1-six-practices.yaml,
# stands on the same row as the checklist item.
tui_screen | grep -F "You have booked your next" | grep -qF "When is your next meeting, and who" ||
	tui_fail "the coach prompt is not beside the checklist"
tui_wait "Earlier answers"

# The item with a private reflection: only "private", never its text (nor
# the text of its earlier, public version).
tui_keys j j j
tui_wait "Which of these questions are you genuinely curious"
tui_wait "reflection v2: private"
tui_wait "reflection v1: private"
tui_absent "Zebrafish"
tui_absent "$OLD"
tui_absent "Earlier open words"
tui_screen | grep -q "\[p\] What would you like to learn" || tui_fail "no [p] mark on the private item"

# The rating history, newest first.
tui_keys j j j
tui_wait "rated 4 of 5"
tui_wait "rated 2 of 5"

# A public reflection's text does show.
tui_keys j                 # past the open section's header: its first item
tui_wait "reflection v1:"
tui_wait "$PUB"

# Search is off in coach mode (it could show private text).
tui_keys /
tui_wait "search is off in coach mode"

# The coach's notes: Tab to write (q ? / are text there), Tab back.
tui_keys Tab
tui_wait "Tab: back to the list"
tui_type "Try the ten-minute agenda q?/ next time"
tui_wait "Try the ten-minute agenda q?/ next time"
tui_keys Tab
tui_wait "Tab: write"

# Tick the first item.
tui_keys g j Space
tui_wait "[x] You have booked"

# The notes autosave within a few seconds, without leaving.
for _ in $(seq 60); do
	sqlite3 -readonly "$DB" "SELECT notes FROM coaching" 2>/dev/null |
		grep -qF "ten-minute agenda" && break
	sleep 0.1
done
sqlite3 -readonly "$DB" "SELECT notes FROM coaching" | grep -qF "ten-minute agenda" ||
	tui_fail "the coach's notes were not autosaved"

# Leaving keeps the session open and, as coach mode began with --coach,
# leaves for the shell (never the sponsee's Home); again offers to resume.
tui_keys q
tui_wait_exit
tui_start 120 40 -- --coach
tui_wait "Whose session is it?"
tui_keys j Enter
tui_wait "Resume session 1 with Robin Q. Coach"
tui_keys Enter
pick_guide
tui_wait "Try the ten-minute agenda q?/ next time"
tui_wait "[x] You have booked"
tui_keys j j j j j j 3              # rate during this visit
tui_wait "rated 3 of 5"
tui_keys g j Space                  # untick, then tick again: counted once
tui_wait "[ ] You have booked"
tui_keys Space
tui_wait "[x] You have booked"

# The sponsee writes on their public reflection from the left side.
tui_keys j j j j j j j            # j steps over the next section's header
tui_wait "Right now, what kind of help"
tui_wait "$PUB"
tui_keys Enter
tui_wait "Reflection: Right now"
tui_type " Plus one more thought."
tui_keys Escape
tui_wait "reflection v2:"
tui_wait "Plus one more"

# End the session: asked first, then the summary.
tui_keys E
tui_wait "End the session now?"
tui_keys n
tui_wait "the session goes on"
tui_keys C-x
tui_wait "End the session now?"
tui_keys y
tui_wait "Coaching session 1: summary"
tui_wait "Profile: Sam"
tui_wait "Coach: Robin Q. Coach"
tui_wait "Duration:"
tui_wait "ticked 1"
tui_wait "Ticked (1):"
tui_wait "Rated (1):"
tui_wait "Reflected on (1):"
tui_wait "Coach's notes:"
tui_wait "twoway export --format md --coaching 1"
tui_absent "Zebrafish"
tui_keys q
tui_wait_exit

# The stored record: ended, with the notes and what was covered, and no
# private reflection text anywhere in it.
REC=$(sqlite3 -readonly "$DB" "SELECT coach, ended > 0, notes, covered FROM coaching WHERE id = 1")
grep -qF "Robin Q. Coach|1|Try the ten-minute agenda q?/ next time" <<<"$REC" ||
	tui_fail "coaching record: $REC"
grep -qF "Ticked (1):" <<<"$REC" || tui_fail "no ticked list in: $REC"
grep -qF "six-practices/proactive/set-the-meeting" <<<"$REC" || tui_fail "no item in: $REC"
grep -qF "six-practices/proactive/their-story" <<<"$REC" || tui_fail "visit not covered: $REC"
grep -qF "Zebrafish" <<<"$REC" && tui_fail "private text in the coaching record"
grep -qF "$PUB" <<<"$REC" && tui_fail "reflection text in the coaching record"
grep -qF "Plus one more" <<<"$REC" && tui_fail "reflection text in the coaching record"
grep -qF "six-practices/clear-ask/name-the-help" <<<"$REC" || tui_fail "reflected not covered: $REC"
# The sponsee's own records are untouched by the notes.
tw --profile Sam history six-practices/clear-ask/name-the-help | grep -qF "ten-minute" &&
	tui_fail "coach notes leaked into a reflection"

# ---- 80 columns: stacked layout, the coach's name remembered ----
tui_start 80 30 -- --coach
tui_wait "Whose session is it?"
tui_keys j Enter
tui_wait "The coach's name"
tui_wait "Robin Q. Coach"        # the last coach, offered again
tui_keys Enter
pick_guide
tui_wait "When is your next meeting"
tui_wait "Coach prompt"
# Stacked: the prompt is below the checklist, not beside it.
tui_screen | grep -F "You have booked your next" | grep -qF "When is your next" &&
	tui_fail "not stacked at 80 columns"
tui_keys '?'
tui_wait "Keys: Coach mode"
tui_wait "end the session"
tui_keys x
tui_wait_gone "Keys: Coach mode"
tui_keys j j j
tui_wait "private"
tui_absent "Zebrafish"

# ---- 40x12 still renders the session ----
tmux -L "$SOCK" resize-window -x 40 -y 12 2>/dev/null || tmux -L "$SOCK" resize-pane -x 40 -y 12
tui_wait "Coach notes"
tui_absent "too small"
tui_absent "Zebrafish"
tmux -L "$SOCK" resize-window -x 100 -y 30 2>/dev/null || tmux -L "$SOCK" resize-pane -x 100 -y 30
tui_wait "Earlier answers"

# A hangup right after typing (before the autosave): the notes are saved.
tui_keys Tab
tui_type "Typed just before the hangup"
tui_wait "Typed just before the hangup"
pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
child=$(pgrep -P "$pid" -f twoway || true)
kill -HUP "${child:-$pid}"
tui_wait_exit 5 129
sqlite3 -readonly "$DB" "SELECT notes FROM coaching WHERE id = 2" |
	grep -qF "Typed just before the hangup" || tui_fail "notes lost at hangup"
sqlite3 -readonly "$DB" "SELECT count(*), sum(ended = 0) FROM coaching" | grep -qx "2|1" ||
	tui_fail "expected one ended and one open session"
# ---- a new sponsee's profile from coach mode ----
tui_start 60 20 -- --coach
tui_wait "Whose session is it?"
tui_keys G Enter
tui_wait "The new sponsee's name"
tui_type "Jo Ñandú q?/"
tui_keys Enter
tui_wait "Sponsee: Jo Ñandú q?/"
tui_wait "Robin Q. Coach"
tui_keys Escape
tui_wait "Whose session is it?"
tui_wait "Jo Ñandú q?/"
tui_keys Escape
tui_wait_exit
tw profile list | grep -qF "Jo Ñandú q?/" || tui_fail "the new profile was not stored"
echo "ok: coach mode"
