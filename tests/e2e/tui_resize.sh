#!/usr/bin/env bash
# Resizing in the middle of editing: down to 40x12 (still drawn), 30x10
# (the "terminal too small" notice), up to 160x50; typing goes on through
# every size and the text is whole at the end.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
tui_start 100 30 -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"
tui_type "before resizing é日本 "
tui_wait "before resizing"
tmux -L "$SOCK" resize-window -x 40 -y 12
tui_wait "characters"
tui_wait "^S save"
tui_type "at forty "
tui_wait "at forty"
tmux -L "$SOCK" resize-window -x 30 -y 10
tui_wait "terminal too small"
tui_wait "(need 40x12)"
tui_type "while small "
tmux -L "$SOCK" resize-window -x 160 -y 50
tui_wait_gone "terminal too small"
tui_wait "before resizing é日本 at forty while small"
tui_keys '?'  # typed: the editor takes ? as text
tui_wait "while small ?"
tmux -L "$SOCK" resize-window -x 40 -y 12
tui_keys Escape
tui_wait "[*] Write"
# A resize that lands just after Esc (inside the wait for the rest of a
# sequence) must not swallow the Esc: the editor closes every time.
for size in "100 30" "60 20" "120 40" "80 24" "50 16" "100 30"; do
	tui_keys Enter
	tui_wait "characters"
	set -- $size
	tmux -L "$SOCK" resize-window -x "$1" -y "$2"
	tui_keys Escape
	tui_wait "[*] Write"
done
tui_keys q q
tui_wait_exit
hist=$("$TWOWAY" --db "$DB" --content "$SCRATCH/content" history zz-test/one/w)
echo "$hist" | grep -qF "before resizing é日本 at forty while small ?" || tui_fail "text lost: $hist"
echo "tui resize ok"
