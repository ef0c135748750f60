#!/usr/bin/env bash
# The editor for real text: Backspace and the arrows move by grapheme
# cluster (an emoji with skin tone, a ZWJ sequence, e + combining accent,
# a flag, CJK go in one press); Ctrl-W, Ctrl-U, Ctrl-K, Ctrl-A/Ctrl-E,
# Alt-b/Alt-f and undo (Ctrl-_) do what they say. The stored text is
# checked with `twoway history`.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
CONTENT="$SCRATCH/content"
tui_test_guide "$CONTENT"
# The text of the newest version (history lists the oldest first, text
# indented by four spaces).
latest() {
	"$TWOWAY" --db "$DB" --content "$CONTENT" history zz-test/one/w |
		awk '/^version [0-9]+ /{t = ""; n = 0; next}
		     /^    /{t = t (n++ ? "\n" : "") substr($0, 5)} END {print t}'
}

tui_start 100 30 -- --content "$CONTENT"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"

tui_raw 'A👩🏽‍💻'             # woman technologist, medium skin tone (ZWJ)
tui_keys BSpace
tui_raw 'e\xcc\x81'           # e + combining acute
tui_keys BSpace
tui_raw '日本'
tui_keys BSpace
tui_raw '👨‍👩‍👧' '🇫🇷' '👍🏿'  # family (ZWJ), a flag, thumbs up dark skin tone
tui_keys BSpace BSpace BSpace
tui_raw '👩🏽‍💻'
tui_keys Left
tui_type "<"
tui_keys End
tui_type "Z"
tui_wait "modified  8 characters" # A 日 < Z and the four code points of the emoji
tui_keys C-s
tui_wait "saved"
got=$(latest)
want=$(printf 'A日<👩🏽‍💻Z')
[ "$got" = "$want" ] || tui_fail "clusters: stored '$got', want '$want'"

# Words, line ends and undo.
tui_keys C-u
tui_type "alpha beta gamma"
tui_keys C-w               # "alpha beta "
tui_raw '\eb'              # Alt-b: before "beta"
tui_keys C-k               # "alpha "
tui_keys C-a
tui_type ">"               # ">alpha "
tui_raw '\x1f'             # undo the typing: "alpha "
tui_raw '\x1f'             # undo Ctrl-K: "alpha beta "
tui_raw '\x1f'             # undo Ctrl-W: "alpha beta gamma"
tui_raw '\eb' '\eb' '\ef'  # after "beta"
tui_type "!"
tui_keys C-e
tui_type "."
tui_wait "alpha beta! gamma."
tui_keys C-s
tui_wait "saved"
got=$(latest)
[ "$got" = "alpha beta! gamma." ] || tui_fail "words/undo: stored '$got'"
tui_keys Escape q q
tui_wait_exit
echo "tui keys editor ok"
