#!/usr/bin/env bash
# Private means private, over every output path: a canary on every reflect
# item of the before- and after-meeting guides, saved public first, then
# made private, then saved again without a flag (it stays private), a
# private free-standing reflection and a private draft left by kill -9 in
# the editor. No coach-facing file (JSON --coach, coaching summary, brief,
# both CSVs, iCalendar), no CLI listing, no log and no temp file holds it;
# the editor's temp directory (backups too) and an export's temp file left
# by a kill go at the next start; core dumps are off.
. "$(dirname "$0")/tui_lib.sh"
tui_setup

CAN=Qz7canary
FAILED=0
tw() { "$TWOWAY" --db "$DB" "$@"; }
bad() { echo "FAIL: $*"; FAILED=1; }
# no_canary WHAT TEXT: TEXT must not hold the canary.
no_canary() {
	if grep -qF "$CAN" <<<"$2"; then bad "$1 holds private text: $(grep -F "$CAN" <<<"$2" | head -3)"; fi
}
q() { sqlite3 -readonly "$DB" "$1"; }

tw profile add Priya >/dev/null || tui_fail "profile add"
ITEMS=$({ tw guides before-meeting; tw guides after-meeting; } | awk '$1 == "..." { print $2 }')
[ "$(wc -w <<<"$ITEMS")" -ge 10 ] || tui_fail "too few reflect items: $ITEMS"
n=0
for it in $ITEMS; do
	n=$((n + 1))
	printf 'early public words %s-%d-a\n' "$CAN" "$n" | tw reflect "$it" >/dev/null ||
		tui_fail "reflect $it"
	printf 'made private %s-%d-b\n' "$CAN" "$n" | tw reflect "$it" --private >/dev/null ||
		tui_fail "reflect $it --private"
	# the sixth path: a piped save without a flag keeps it private
	out=$(printf 'still private %s-%d-c\n' "$CAN" "$n" | tw reflect "$it") ||
		tui_fail "reflect $it (again)"
	grep -qF "(private: it stays private" <<<"$out" || bad "the save does not say it stays private: $out"
done
FIRST=$(head -1 <<<"$ITEMS")
[ "$(q "SELECT count(*) FROM reflections WHERE NOT is_private")" = 0 ] ||
	bad "a piped save made a private reflection public"
[ "$(q "SELECT count(*) FROM reflection_versions WHERE NOT is_private")" = 0 ] ||
	bad "an earlier version of a private reflection is still public"
printf 'free words %s-free\n' "$CAN" | tw reflect - --private >/dev/null || tui_fail "reflect -"
# public records, so that every export has rows to show
printf 'Open words anyone may read\n' | tw reflect six-practices/clear-ask/name-the-help >/dev/null
tw sponsor add "Dana Reyes" --title VP >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "Dana Reyes" --when "2030-12-03 10:30" --agenda "Open agenda words" \
	>/dev/null || tui_fail "meeting add"
tw action add "Send the one-pager" --meeting 1 --due 2030-12-01 >/dev/null || tui_fail "action add"
# a meeting whose agenda is made live from its own answers, private ones too
tw meeting add --sponsor "Dana Reyes" --when "2030-12-10 10:30" >/dev/null || tui_fail "meeting 2"
for it in before-meeting/agenda/the-challenge before-meeting/the-ask/the-ask; do
	printf 'meeting private %s-m2\n' "$CAN" | tw reflect "$it" --meeting 2 --private >/dev/null ||
		tui_fail "reflect $it --meeting 2"
done
printf 'Public career words\n' | tw reflect before-meeting/agenda/their-career --meeting 2 >/dev/null ||
	tui_fail "reflect --meeting 2"
# a coaching session that covered every canary item, as coach mode records it
sqlite3 "$DB" "INSERT INTO coaching(id, profile_id, coach, started, ended, notes, covered)
	VALUES (1, 1, 'Robin', 1700000000, 1700003600, 'coach notes', '')" || tui_fail "coaching"
for it in $ITEMS; do
	sqlite3 "$DB" "INSERT INTO coaching_events(coaching_id, item_id, what, at)
		VALUES (1, '$it', 'reflected', 1700000100)" || tui_fail "coaching event"
done

# ---- the fourth path: a private draft killed in the editor comes back private ----
tui_start 100 30
tui_wait "Recent reflections"
tui_absent "$CAN"                       # Home shows "(private)", not the text
tui_wait "(private)"
PID=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
APP=$(pgrep -P "$PID" -f twoway || echo "$PID")
grep -E "^Max core file size +0 +0" "/proc/$APP/limits" >/dev/null || bad "core dumps are not off"
tui_keys C-r
tui_wait "free words $CAN-free"          # the sponsee asked to see it
tui_keys C-r
tui_wait_gone "free words $CAN-free"
tui_keys r
tui_wait "A free-standing reflection"
tui_type "draft words $CAN-draft1"
tui_keys C-p
tui_wait "marked private"
for _ in $(seq 50); do
	[ "$(q "SELECT is_private FROM drafts WHERE item_id = ''")" = 1 ] && break
	sleep 0.1
done
[ "$(q "SELECT is_private FROM drafts WHERE item_id = ''")" = 1 ] || tui_fail "no private draft kept"
kill -9 "$APP"
tui_wait_exit 5 137
tui_start 100 30
tui_wait "Recent reflections"
tui_keys r
tui_wait "restored your unsaved draft (private)"
tui_wait "[private]"
tui_keys C-s
tui_wait "Recent reflections"
[ "$(q "SELECT is_private FROM reflections WHERE text LIKE '%draft1%'")" = 1 ] ||
	bad "the restored draft was saved public"
# and one more left behind by a kill, for the exports below
tui_keys r
tui_wait "A free-standing reflection"
tui_type "draft words $CAN-draft2"
tui_keys C-p
tui_wait "marked private"
for _ in $(seq 50); do
	[ "$(q "SELECT count(*) FROM drafts WHERE is_private")" = 1 ] && break
	sleep 0.1
done

# ---- the editor: backups go with the directory, and after a kill too ----
STUB="$SCRATCH/editor.sh"
# The stub leaves quietly when the test ends it (SIGTERM), so the shell the
# app ran it through has no "Terminated" to print on the app's stderr.
cat >"$STUB" <<EOF
#!/bin/sh
trap 'exit 0' TERM
cp "\$1" "\$1~"
echo "edited \$(cat "\$1")" >"\$1.swp"
[ -f "$SCRATCH/hang" ] && { echo \$\$ >"$SCRATCH/editor.pid"; sleep 30 & wait; }
printf 'from the editor %s-ed\n' "$CAN" >"\$1"
EOF
chmod +x "$STUB"
TMPD="$XDG_STATE_HOME/twoway/tmp"
APP=$(pgrep -P "$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')" -f twoway)
kill -9 "$APP"
tui_wait_exit 5 137
tui_start 100 30 "VISUAL=$STUB"
tui_wait "Recent reflections"
tui_keys r
tui_wait "restored your unsaved draft (private)"
tui_keys F2
tui_wait "text from the editor taken"
ls "$TMPD" 2>/dev/null | grep -q '^edit-' && bad "the editor's directory stayed: $(ls -R "$TMPD")"
touch "$SCRATCH/hang"
tui_keys F2
for _ in $(seq 50); do [ -s "$SCRATCH/editor.pid" ] && break; sleep 0.1; done
[ -s "$SCRATCH/editor.pid" ] || tui_fail "the editor did not start"
ls "$TMPD"/edit-*/reflection.txt~ >/dev/null 2>&1 || bad "no editor backup to clean (test broken)"
APP=$(pgrep -P "$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')" -f twoway)
kill -9 "$APP"
kill "$(cat "$SCRATCH/editor.pid")" 2>/dev/null
tui_wait_exit 5 137
rm -f "$SCRATCH/hang"
ls "$TMPD" | grep -q '^edit-' || bad "the kill left no directory (test broken)"
tw guides >/dev/null                    # any next start sweeps
ls "$TMPD" | grep -q '^edit-' && bad "a killed editor's directory stayed: $(ls -R "$TMPD")"

# ---- an export's temp file left by a kill goes at the next start ----
mkdir -p "$SCRATCH/out"
printf '{"text": "%s-export"}\n' "$CAN" >"$SCRATCH/out/.twoway-export.Ab12Cd"
printf '%s' "$SCRATCH/out/.twoway-export.Ab12Cd" >"$TMPD/export-99999999-Xy12Zw"
printf 'keep me' >"$SCRATCH/out/not-ours"
printf '%s' "$SCRATCH/out/not-ours" >"$TMPD/export-99999998-Xy12Zw"
tw guides >/dev/null
[ -e "$SCRATCH/out/.twoway-export.Ab12Cd" ] && bad "a killed export's temp file stayed"
[ -e "$TMPD/export-99999999-Xy12Zw" ] && bad "a killed export's note stayed"
[ -e "$SCRATCH/out/not-ours" ] || bad "the sweep removed a file that is not an export's"

# ---- every output path ----
OWN=$(tw export --format json) || bad "export json"
grep -qF "$CAN" <<<"$OWN" || bad "the sponsee's own export lacks the canaries (test broken)"
grep -qF "$CAN-ed" <<<"$OWN" || bad "the killed draft is not in the store (test broken)"
out=$(tw export --format json --coach) || bad "export json --coach"
no_canary "export --format json --coach" "$out"
grep -qF "Open words anyone may read" <<<"$out" || bad "coach JSON lost the public text"
tw export --format json --coach --out "$SCRATCH/out/coach.json" >/dev/null || bad "export --out"
no_canary "export --coach --out" "$(cat "$SCRATCH/out/coach.json")"
out=$(tw export --format md --coaching 1) || bad "export md --coaching"
no_canary "coaching summary" "$out"
grep -qF "(private)" <<<"$out" || bad "the summary does not mark private reflections"
out=$(tw export --format md --meeting 1) || bad "export md --meeting"
no_canary "meeting brief" "$out"
for m in 1 2; do
	out=$(tw export --format md --meeting $m) || bad "export md --meeting $m"
	no_canary "meeting $m brief" "$out"
	out=$(tw export --format md --meeting $m --agenda) || bad "export md --meeting $m --agenda"
	no_canary "meeting $m send-ahead agenda" "$out"
done
grep -qF "Public career words" <<<"$out" || bad "the send-ahead agenda lacks the public answer (test broken): $out"
for what in actions meetings; do
	out=$(tw export --format csv --what $what) || bad "export csv $what"
	no_canary "csv $what" "$out"
done
out=$(tw export --format ics) || bad "export ics"
no_canary "ics" "$out"
for cmd in "guides" "guides before-meeting" "guides after-meeting" "search $CAN" \
	"search early" "search private" "search draft" "meeting list" "meeting show 1" \
	"action list" "sponsor list" "sponsor show Dana Reyes" "profile list" "history 1" \
	"history $FIRST"; do
	# shellcheck disable=SC2086
	out=$(tw $cmd 2>&1)
	no_canary "twoway $cmd" "$out"
done
out=$(tw history "$FIRST")
grep -qF "(made private)" <<<"$out" || bad "history does not show where it was made private: $out"
out=$(tw search "$CAN")
grep -qF "(private)" <<<"$out" || bad "search does not list the private hits: $out"
# the log and every file twoway keeps outside the store
for f in $(find "$XDG_STATE_HOME" "$XDG_DATA_HOME" "$SCRATCH/out" -type f 2>/dev/null); do
	grep -aqF "$CAN" "$f" && bad "$f holds private text"
done
ls "$XDG_STATE_HOME"/twoway/*.log >/dev/null 2>&1 || bad "no log file to check (test broken)"

[ "$FAILED" = 0 ] || tui_fail "private text leaked (see above)"
echo "ok: no private canary outside the store"
