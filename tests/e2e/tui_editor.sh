#!/usr/bin/env bash
# The $EDITOR hand-off from the reflection editor: a stub editor whose path
# holds a space and which takes an argument appends a line; the app waits,
# takes the text back, saves it, and removes its private temp file. A stub
# that writes invalid UTF-8 leaves the text unchanged.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
STUB_DIR="$SCRATCH/dir with space"
mkdir -p "$STUB_DIR" "$SCRATCH/tmp"
cat > "$STUB_DIR/stub-editor" <<'SH'
#!/bin/sh
# $1 is --flag, $2 the file.
[ "$1" = "--flag" ] || exit 3
ls -ld "$(dirname "$2")" | cut -c1-10 > "$STUBLOG.dirmode"
ls -l "$2" | cut -c1-10 > "$STUBLOG.filemode"
echo "$2" > "$STUBLOG.path"
printf 'appended by the stub ✓\n' >> "$2"
SH
chmod +x "$STUB_DIR/stub-editor"
cat > "$STUB_DIR/bad-editor" <<'SH'
#!/bin/sh
printf 'bad \377 bytes\n' > "$1"
SH
chmod +x "$STUB_DIR/bad-editor"
LOG="$SCRATCH/stub"

tui_start 100 30 "EDITOR='$STUB_DIR/stub-editor' --flag" VISUAL= "STUBLOG=$LOG" \
	"TMPDIR=$SCRATCH/tmp" -- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"
tui_type "typed in the app"
tui_keys F2
tui_wait "appended by the stub ✓"
tui_wait "typed in the app"
[ "$(cat "$LOG.dirmode")" = "drwx------" ] || tui_fail "temp dir mode $(cat "$LOG.dirmode")"
[ "$(cat "$LOG.filemode")" = "-rw-------" ] || tui_fail "temp file mode $(cat "$LOG.filemode")"
[ -e "$(cat "$LOG.path")" ] && tui_fail "temp file left behind"
[ -z "$(ls -A "$SCRATCH/tmp")" ] || tui_fail "temp dir left behind: $(ls -A "$SCRATCH/tmp")"
tui_keys C-s
tui_wait "saved"
tui_keys Escape q q
tui_wait_exit
hist=$("$TWOWAY" --db "$DB" --content "$SCRATCH/content" history zz-test/one/w)
echo "$hist" | grep -qF "typed in the app" || tui_fail "typed text lost: $hist"
echo "$hist" | grep -qF "appended by the stub ✓" || tui_fail "editor text lost: $hist"

# An editor that writes invalid UTF-8: the text stays as it was.
tui_start 100 30 "EDITOR='$STUB_DIR/bad-editor'" VISUAL= "TMPDIR=$SCRATCH/tmp" \
	-- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "appended by the stub"
tui_keys C-x
tui_wait "not valid UTF-8"
tui_wait "typed in the app"
tui_absent "bad "
tui_keys Escape q q
tui_wait_exit
[ -z "$(ls -A "$SCRATCH/tmp")" ] || tui_fail "temp dir left behind after a failed edit"
echo "tui editor ok"
