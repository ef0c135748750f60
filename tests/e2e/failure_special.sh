#!/usr/bin/env bash
# Special files: a FIFO (and a dangling link to one) named x.yaml in a
# content directory is refused without being opened for a blocking read, so
# guides, check, tick and the app never hang on it; `export --out F --force`
# replaces only a regular file, never a FIFO, a directory or a link.
. "$(dirname "$0")/lib.sh"

mkdir -p "$SCRATCH/content"
cp "$CONTENT"/*.yaml "$SCRATCH/content/"
mkfifo "$SCRATCH/content/x.yaml"
CONTENT="$SCRATCH/content"

# t SECONDS ARGS...: tw under a timeout; a hang shows as exit 124.
t() {
	OUT=$(timeout 10 "$TWOWAY" --db "$DB" --content "$CONTENT" "$@" 2>"$SCRATCH/stderr" </dev/null)
	RC=$?
	ERR=$(cat "$SCRATCH/stderr")
	CHECKS=$((CHECKS + 1))
	[ "$RC" -ne 124 ] || fail "twoway $* hung on the FIFO"
}

t guides
expect_rc 0 "guides with a FIFO in the content dir"
expect_out_has "cli-test" "guides still lists the good guides"
expect_err_has "x.yaml: cannot read: not a regular file" "guides names the FIFO"
t tick cli-test/prepare/agenda
expect_rc 0 "tick with a FIFO in the content dir"
t check "$CONTENT"
expect_rc 1 "check with a FIFO"
expect_out_has "x.yaml: cannot read: not a regular file" "check names the FIFO"
t check "$CONTENT/x.yaml"
expect_rc 1 "check of the FIFO itself"
expect_out_has "not a regular file" "check of the FIFO says why"

# The app starts (a real terminal through tmux) and shows Home.
if command -v tmux >/dev/null; then
	SOCK="twoway-special-$$"
	tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
		"env TERM=xterm-256color HOME=$HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME $TWOWAY --db $DB --content $CONTENT"
	shown=0
	for _ in $(seq 1 100); do
		if tmux -L "$SOCK" capture-pane -p | grep -q "Home"; then shown=1; break; fi
		sleep 0.1
	done
	CHECKS=$((CHECKS + 1))
	[ $shown -eq 1 ] || fail "the app hung on the FIFO: $(tmux -L "$SOCK" capture-pane -p)"
	tmux -L "$SOCK" kill-server 2>/dev/null
fi

# export --out --force replaces only regular files.
ok profile add Alice
mkfifo "$SCRATCH/pipe.json"
mkdir "$SCRATCH/dir.json"
echo keep >"$SCRATCH/target"
ln -s "$SCRATCH/target" "$SCRATCH/link.json"
for f in pipe.json dir.json link.json; do
	t export --format json --out "$SCRATCH/$f" --force
	expect_rc 1 "export --force over $f"
	expect_err "twoway: '$SCRATCH/$f' is not a regular file; --force replaces only regular files; nothing was written" \
		"export --force over $f"
done
CHECKS=$((CHECKS + 1))
[ -p "$SCRATCH/pipe.json" ] && [ -d "$SCRATCH/dir.json" ] && [ -L "$SCRATCH/link.json" ] &&
	[ "$(cat "$SCRATCH/target")" = keep ] || fail "export --force replaced a special file"
echo old >"$SCRATCH/plain.json"
t export --format json --out "$SCRATCH/plain.json" --force
expect_rc 0 "export --force over a regular file"
CHECKS=$((CHECKS + 1))
grep -q '"app"' "$SCRATCH/plain.json" || fail "the regular file was not replaced"

finish
