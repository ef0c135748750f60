#!/usr/bin/env bash
# A killed app loses at most the autosave interval: type in the editor,
# wait past it, kill -9, reopen: the draft is offered back. Also SIGHUP
# (a closed terminal) saves what was typed.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
app_pid() {
	pgrep -n -f -- "--db $DB" 2>/dev/null || pgrep -n -x twoway
}
tui_start 100 30 -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"
tui_type "draft that must survive ü 日本"
tui_wait "draft that must survive"
sleep 4 # past the 3 s autosave interval
pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
child=$(pgrep -P "$pid" -f twoway || true)
kill -9 ${child:-$pid}
sleep 0.3

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
pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
child=$(pgrep -P "$pid" -f twoway || true)
kill -HUP ${child:-$pid}
for i in $(seq 1 50); do [ -s "$SCRATCH/exit" ] && break; sleep 0.1; done
hist=$("$TWOWAY" --db "$DB" --content "$SCRATCH/content" history zz-test/one/w)
echo "$hist" | grep -qF "and more" || tui_fail "text typed before SIGHUP lost: $hist"
echo "tui kill ok"
