#!/usr/bin/env bash
# Typing never lands on a command by surprise: Esc on Home does not quit;
# j/k step over the header of an open section; a letter that is no key
# says so and the letters right behind it are not run as commands (until
# a pause or an arrow key); a
# bracketed paste goes into the editor as text (q, digits and spaces
# included) and does nothing in a list; Ctrl-Z suspends the app like any
# job and fg brings its screen back.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
CONTENT="$SCRATCH/content"
tui_test_guide "$CONTENT"
cat >> "$CONTENT/zz-test.yaml" <<'YAML'
  - id: two
    title: Second section
    basis: adapted
    items:
      - id: c
        kind: check
        text: Tick me third
YAML
"$TWOWAY" --db "$DB" --content "$CONTENT" check >/dev/null || tui_fail "test guide invalid"

tui_start 100 30 -- --content "$CONTENT"
tui_wait "Zed test guide"
# Esc on Home: still Home, and it says how to quit.
tui_keys Escape
tui_wait "q quits"
sleep 0.3
[ -s "$SCRATCH/exit" ] && tui_fail "Esc on Home quit the app"
tui_wait "Zed test guide"

tui_open_test_guide
# From the last item of the first section, j lands on the next section's
# first item (not its header): space there ticks "Tick me third".
tui_keys j j j j
tui_keys Space
tui_wait "[x] Tick me third"
"$TWOWAY" --db "$DB" --content "$CONTENT" guides zz-test | grep -F "two/c" | grep -qF "[x]" ||
	tui_fail "j stopped on the header: $("$TWOWAY" --db "$DB" --content "$CONTENT" guides zz-test)"
"$TWOWAY" --db "$DB" --content "$CONTENT" tick --undo zz-test/two/c >/dev/null

# Typing on the reflect item: 'z' is no key, and the 'e' right behind it
# does not open the editor.
tui_keys k
before=$(tui_dump)
tui_type "z"
tui_wait "'z' is not a key here"
tui_type "zoe ek"
tui_wait "typing where no text goes"
sleep 0.5
tui_absent "characters"
tui_wait "Tick me third"
# After a pause, e is a key again.
tui_keys e
tui_wait "characters"
tui_keys Escape
tui_wait "Tick me third"
# An arrow ends the typing at once: a stray letter, Down and Up, and the
# e right behind them opens the editor.
tui_type "z"
tui_keys Down Up e
tui_wait "characters"

# A bracketed paste in the editor: text, never keys.
tmux -L "$SOCK" set-buffer -- "q 12 x? k/ Esc"
tmux -L "$SOCK" paste-buffer -p
tui_raw '\e[200~ and 3 q\r\nsecond line\e[201~'
tui_wait "second line"
tui_keys C-s
tui_wait "saved"
hist=$("$TWOWAY" --db "$DB" --content "$CONTENT" history zz-test/one/w)
echo "$hist" | grep -qF "q 12 x? k/ Esc and 3 q" || tui_fail "paste stored as: $hist"
tui_keys Escape
tui_wait "Tick me first"

# A paste on the rate item of the list does nothing.
tui_keys k
before=$(tui_dump)
tmux -L "$SOCK" set-buffer -- "3 q q"
tmux -L "$SOCK" paste-buffer -p
tui_wait "the paste was ignored"
tui_wait "Tick me first"
[ "$before" = "$(tui_dump)" ] || tui_fail "a paste in a list changed the data"
tui_keys q q
tui_wait_exit

# Ctrl-Z in an interactive shell: the job stops, the shell has the
# terminal, fg brings the app back whole.
tmux -L "$SOCK" -f /dev/null kill-server 2>/dev/null
tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
	"env -i PATH=$PATH HOME=$HOME TERM=xterm-256color LANG=C.UTF-8 PS1='sh> ' bash --norc --noprofile -i"
tui_wait "sh>"
tui_type "$(printf '%q ' "$TWOWAY" --db "$DB" --content "$CONTENT")"
tui_keys Enter
tui_wait "Zed test guide"
tui_keys C-z
tui_wait "Stopped"
tui_absent "Zed test guide"
tui_type "fg"
tui_keys Enter
tui_wait "Zed test guide"
tui_wait "welcome back"
tui_keys q
tui_wait_gone "Zed test guide"
tui_type 'echo "rc=$?"'
tui_keys Enter
tui_wait "rc=0"
echo "tui keys typing ok"
