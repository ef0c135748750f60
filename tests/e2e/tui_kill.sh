#!/usr/bin/env bash
# A killed app loses at most the autosave interval: type in the editor,
# wait past it, kill -9, reopen: the draft is offered back. Also SIGHUP
# (a closed terminal) saves what was typed.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
# kill_app SIGNAL: signals the app in the pane (not its shell) and waits
# for it to end.
kill_app() {
	local pid child i
	pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
	child=$(pgrep -P "$pid" -f twoway || true)
	kill "-$1" "${child:-$pid}"
	for i in $(seq 1 100); do [ -s "$SCRATCH/exit" ] && return 0; sleep 0.1; done
	tui_fail "the app did not end after SIG$1"
}
# The autosave interval is shortened (3 s by default) and the test waits
# for the draft row itself rather than sleeping past the interval.
tui_start 100 30 TWOWAY_DRAFT_INTERVAL_MS=200 -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"
tui_type "draft that must survive ü 日本"
tui_wait "draft that must survive"
drafted() {
	sqlite3 -readonly "$DB" "SELECT text FROM drafts" 2>/dev/null |
		grep -qF "draft that must survive ü 日本"
}
for _ in $(seq 1 100); do drafted && break; sleep 0.1; done
drafted || tui_fail "no draft was autosaved within 10 s"
kill_app KILL

tui_start 100 30 -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "restored your unsaved draft"
tui_wait "draft that must survive ü 日本"
tui_keys Escape
tui_wait "[*] Write about it"
tui_keys q q
tui_wait_exit
hist=$("$TWOWAY" --db "$DB" --content "$SCRATCH/content" history zz-test/one/w)
echo "$hist" | grep -qF "draft that must survive ü 日本" || tui_fail "draft not saved: $hist"

# SIGHUP while typing: the text is saved on the way out.
tui_start 100 30 -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "draft that must survive"
tui_type " and more"
tui_wait "and more"
kill_app HUP
hist=$("$TWOWAY" --db "$DB" --content "$SCRATCH/content" history zz-test/one/w)
echo "$hist" | grep -qF "and more" || tui_fail "text typed before SIGHUP lost: $hist"
echo "tui kill ok"
