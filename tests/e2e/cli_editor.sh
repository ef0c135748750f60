#!/usr/bin/env bash
# `twoway reflect` with standard input on a terminal (script(1) gives it a
# pty): the text comes from $VISUAL/$EDITOR, run through /bin/sh -c with
# arguments containing spaces, on a 0600 file in a 0700 directory that is
# removed afterwards; a failing editor or an unchanged or empty file saves
# nothing and says so.
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null || { echo "script(1) missing: skipped"; exit 77; }
ITEM=cli-test/debrief/lesson
ok profile add editor
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR" "$SCRATCH/my editor"

# A stub editor (in a directory whose name has a space) that records its
# arguments and the modes of the file and its directory, then acts as told
# by $STUB_ACTION.
STUB="$SCRATCH/my editor/stub ed.sh"
cat >"$STUB" <<'EOF'
#!/bin/sh
log="$STUB_LOG"
for a in "$@"; do printf 'arg:%s\n' "$a" >>"$log"; done
f="$1"
[ "$1" = "--flag" ] && f="$3"
printf 'file:%s\nmode:%s\ndirmode:%s\n' "$f" "$(stat -c %a "$f")" \
	"$(stat -c %a "$(dirname "$f")")" >>"$log"
case "$STUB_ACTION" in
append) printf 'Written in the editor: naïve café.\n' >>"$f" ;;
fail) exit 3 ;;
empty) : >"$f" ;;
same) ;;
esac
exit 0
EOF
chmod +x "$STUB"
export STUB_LOG="$SCRATCH/stub.log"

# in_tty CMD...: runs CMD with a pty as stdin/stdout; keeps OUT and RC.
in_tty() {
	local q
	q=$(printf '%q ' "$@")
	script -qec "$q" /dev/null </dev/null >"$SCRATCH/tty.out"
	RC=$?
	OUT=$(tr -d '\r' <"$SCRATCH/tty.out")
}

db_args=(--db "$DB" --content "$CONTENT")

# Arguments with spaces reach the editor; the temp file is private.
export EDITOR="'$STUB' --flag 'two words'" STUB_ACTION=append
: >"$STUB_LOG"
in_tty "$TWOWAY" "${db_args[@]}" reflect $ITEM
CHECKS=$((CHECKS + 1))
[ "$RC" -eq 0 ] || fail "editor save: exit $RC: $OUT"
grep -qx 'arg:two words' "$STUB_LOG" || fail "the editor did not get 'two words' as one argument"
grep -qx 'mode:600' "$STUB_LOG" || fail "temp file not 0600: $(cat "$STUB_LOG")"
grep -qx 'dirmode:700' "$STUB_LOG" || fail "temp dir not 0700: $(cat "$STUB_LOG")"
tmpfile=$(sed -n 's/^file://p' "$STUB_LOG")
[ ! -e "$tmpfile" ] && [ ! -e "$(dirname "$tmpfile")" ] || fail "temp file left behind: $tmpfile"
[ -z "$(ls -A "$TMPDIR")" ] || fail "TMPDIR not empty: $(ls -A "$TMPDIR")"
ok history $ITEM
expect_out_has "Written in the editor: naïve café." "editor text saved"

# Editing again starts from the saved text; VISUAL wins over EDITOR.
export VISUAL="'$STUB'" EDITOR=false STUB_ACTION=append
: >"$STUB_LOG"
in_tty "$TWOWAY" "${db_args[@]}" reflect $ITEM --private
CHECKS=$((CHECKS + 1))
[ "$RC" -eq 0 ] || fail "VISUAL save: exit $RC: $OUT"
ok history $ITEM --private
expect_out_has "version 2" "second version from the editor"
[ "$(grep -c 'Written in the editor' <<<"$OUT")" -eq 3 ] ||
	fail "version 2 should hold the text twice: $OUT"

# Failing, unchanged and emptied files save nothing.
before=$(dump)
for action in fail same empty; do
	export STUB_ACTION=$action
	in_tty "$TWOWAY" "${db_args[@]}" reflect $ITEM
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq 1 ] || fail "editor $action: exit $RC, expected 1: $OUT"
	case $action in
	fail) want="the editor exited with status 3; nothing was saved" ;;
	same) want="the text was not changed; nothing was saved" ;;
	empty) want="the reflection is empty; nothing was changed" ;;
	esac
	[[ "$OUT" == *"$want"* ]] || fail "editor $action: '$OUT' lacks '$want'"
done
[ "$(dump)" = "$before" ] || fail "a failed edit changed the database"
[ -z "$(ls -A "$TMPDIR")" ] || fail "TMPDIR not empty after failures: $(ls -A "$TMPDIR")"

# No editor at all: a clear message.
unset VISUAL EDITOR
in_tty "$TWOWAY" "${db_args[@]}" reflect $ITEM
CHECKS=$((CHECKS + 1))
[ "$RC" -eq 1 ] && [[ "$OUT" == *"neither \$VISUAL nor \$EDITOR is set"* ]] ||
	fail "no editor: exit $RC: $OUT"
[ "$(dump)" = "$before" ] || fail "no editor changed the database"

finish
