#!/usr/bin/env bash
# Escape sequences are keys, not accidents: under each TERM, the raw bytes
# terminals send for Home, End, PgUp, PgDn, Delete, shifted and ctrl'd
# arrows, and sequences nobody knows (mouse reports, query
# answers, a cut-off sequence) reach a list, Home and the editor. In the
# lists nothing changes and the app stays where it was; in the editor each
# key does its job and the stored text is exactly what was meant.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
CONTENT="$SCRATCH/content"
"$TWOWAY" --db "$DB" --content "$CONTENT" tick zz-test/one/b >/dev/null || tui_fail "tick"

HOMES=('\e[1~' '\e[7~' '\e[H' '\eOH' '\e[1;2H')
ENDS=('\e[4~' '\e[8~' '\e[F' '\eOF' '\e[1;2F')
LEFTS=('\e[D' '\eOD' '\e[1;2D')
# Keys a list must take without changing anything (moving is fine).
MOVES=("${HOMES[@]}" "${ENDS[@]}" "${LEFTS[@]}" '\e[5~' '\e[6~' '\e[5;5~' '\e[6;2~'
	'\e[1;5D' '\e[1;5C' '\e[1;5A' '\e[1;5B' '\e[1;2A' '\e[1;2B' '\e[1;3D' '\e[1;6C'
	'\e[1;5H' '\e[1;5F' '\e[3~' '\e[3;5~' '\e[3;2~' '\e[2~' '\eOa' '\eOd' '\eO5D')
# Sequences that mean nothing: each must be swallowed whole.
NOISE=('\e[99~' '\e[?1;2c' '\e[<0;10;5M' '\e[<64;3;3m' '\e[1;2;3u' '\e[a' '\e[200;5u'
	'\e\e[4~' '\e[>0;276;0c' '\e[12;40R')

for term in xterm xterm-256color tmux-256color screen-256color linux; do
	before=$(tui_dump)
	# Under TERM=linux ncurses drives the mouse through libgpm, which leaks
	# 10 bytes at exit (LeakSanitizer, ASan build); the mouse is no part of
	# this test, so it is off there.
	mouse=1
	[ "$term" = linux ] && mouse=0
	tui_start 100 30 "TERM=$term" "TWOWAY_MOUSE=$mouse" -- --content "$CONTENT"
	tui_wait "Zed test guide"
	# A sequence cut short is swallowed after a moment, and said so.
	tui_raw '\e[1;'
	tui_wait "that key does nothing here"
	# Home: nothing quits, nothing opens.
	tui_raw "${MOVES[@]}" "${NOISE[@]}"
	tui_keys '?'
	tui_wait "Keys: Home"
	tui_keys x
	tui_wait_gone "Keys: Home"
	tui_wait "q quit"

	# A list: the guide's checklist.
	tui_keys G Enter
	tui_wait "Tick me first"
	tui_raw "${MOVES[@]}" "${NOISE[@]}"
	tui_keys '?'
	tui_wait "Keys: Zed test guide"
	tui_keys x
	tui_wait_gone "Keys: "
	tui_keys g Right   # Left folded the section: open it again
	tui_wait "Tick me second"
	after=$(tui_dump)
	[ "$before" = "$after" ] || tui_fail "$term: keys in a list changed the data: $(diff <(echo "$before") <(echo "$after"))"

	# The editor: each key does its job.
	tui_keys g j j j j Enter
	tui_wait "characters"
	tui_type "one two"
	for s in "${HOMES[@]}"; do tui_raw "$s"; tui_type "<"; done
	for s in "${ENDS[@]}"; do tui_raw "$s"; tui_type ">"; done
	tui_raw "${LEFTS[@]}"
	tui_type "|"
	tui_raw '\e[1;5D'   # ctrl-left: to the start of "two"
	tui_type "["
	tui_raw '\e[1;5C'   # ctrl-right: past "two"
	tui_type "]"
	tui_raw '\e[3~'     # delete: one ">"
	tui_raw '\e[3;5~'   # ctrl-delete: the rest of the line
	tui_raw '\e[3;2~'   # shift-delete at the end: nothing
	tui_raw '\e[5~'
	tui_type "^"
	tui_raw '\e[6~'
	tui_type '$'
	tui_raw '\e[1;5H'
	tui_type "{"
	tui_raw '\e[1;5F'
	tui_type "}"
	tui_raw "${NOISE[@]}"
	tui_type "!"
	want='{^<<<<<one [two]$}!'
	tui_wait "$want"
	tui_keys C-s
	tui_wait "saved"
	tui_keys Escape
	tui_wait "Tick me first"
	tui_keys q q
	tui_wait_exit
	hist=$("$TWOWAY" --db "$DB" --content "$CONTENT" history zz-test/one/w)
	echo "$hist" | grep -qF -- "$want" || tui_fail "$term: the editor stored: $hist"
	"$TWOWAY" --db "$DB" --content "$CONTENT" delete reflection zz-test/one/w >/dev/null 2>&1 || true
done
echo "tui keys escape ok"
