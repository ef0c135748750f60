#!/usr/bin/env bash
# Two app windows on one database at the same time, on the same profile,
# both writing (ticks, a rating, a reflection each), interleaved, while a
# CLI loop adds action items: no "locked"/"busy" error on either screen or
# in the log, every write of every writer is in the database afterwards,
# and window B's Home shows window A's writes once it is focused again.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
SOCK_A="$SOCK-a"
SOCK_B="$SOCK-b"
trap 'tmux -L "$SOCK_A" kill-server 2>/dev/null; tmux -L "$SOCK_B" kill-server 2>/dev/null;
	[ -n "${CLI_PID:-}" ] && kill "$CLI_PID" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
CONTENT="$SCRATCH/content"
mkdir -p "$CONTENT"
cat >"$CONTENT/zz-two.yaml" <<'YAML'
schema: 1
id: zz-two
title: Zed two windows
summary: Items for two windows at once.
source: twoway tests
locale: en
sections:
  - id: one
    title: Both windows
    basis: adapted
    items:
      - id: a1
        kind: check
        text: Alpha one
      - id: a2
        kind: check
        text: Alpha two
      - id: b1
        kind: check
        text: Beta one
      - id: b2
        kind: check
        text: Beta two
      - id: r
        kind: rate
        text: Rate from B
        low: Low
        high: High
      - id: wa
        kind: reflect
        text: Window A writes
      - id: wb
        kind: reflect
        text: Window B writes
YAML
LOG="$XDG_STATE_HOME/twoway/twoway.log"
cli() { "$TWOWAY" --db "$DB" --content "$CONTENT" "$@"; }

# The database and its default profile exist before the windows open.
cli guides >/dev/null 2>"$SCRATCH/cli-init.err" || tui_fail "the CLI could not set up the database"

# win A|B: the tui_lib helpers (tui_keys, tui_wait, tui_screen ...) act on
# that window from here on.
win() {
	if [ "$1" = A ]; then SOCK=$SOCK_A; else SOCK=$SOCK_B; fi
	WIN=$1
}

# start_win A|B: the app on $DB in a 100x30 window of its own tmux server;
# its exit status and stderr land in $SCRATCH/exit-A (-B) and stderr-A.
start_win() {
	win "$1"
	local cmd
	cmd=$(printf '%q ' env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		"HOME=$HOME" "XDG_DATA_HOME=$XDG_DATA_HOME" "XDG_STATE_HOME=$XDG_STATE_HOME" \
		"$TWOWAY" --db "$DB" --content "$CONTENT")
	cmd="$cmd 2>$(printf '%q' "$SCRATCH/stderr-$1"); echo \$? > $(printf '%q' "$SCRATCH/exit-$1")"
	tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 "$cmd" ||
		tui_fail "tmux could not start window $1"
}

# No window shows a lock or busy error, now.
no_lock_error() {
	local w
	for w in A B; do
		win "$w"
		if tui_screen | grep -qiE 'locked|busy'; then
			tui_fail "window $w shows a lock error"
		fi
	done
}

# quit_win A|B: q until the app ends; exit 0 and nothing on stderr.
quit_win() {
	win "$1"
	local i
	for i in $(seq 1 50); do
		[ -s "$SCRATCH/exit-$1" ] && break
		tui_keys q
		sleep 0.2
	done
	[ -s "$SCRATCH/exit-$1" ] || tui_fail "window $1 did not quit"
	[ "$(cat "$SCRATCH/exit-$1")" = 0 ] || tui_fail "window $1 exited with $(cat "$SCRATCH/exit-$1")"
	[ -s "$SCRATCH/stderr-$1" ] && tui_fail "window $1 wrote to stderr: $(cat "$SCRATCH/stderr-$1")"
	return 0
}

start_win A
start_win B
win A
tui_wait "Zed two windows"
win B
tui_wait "Zed two windows"
tui_screen | grep "Zed two windows" | grep -qF "0/7" || tui_fail "B's Home does not start at 0/7"

# A third writer: the CLI adds action items in a loop the whole time (until
# both windows are done, and at least 20).
: >"$SCRATCH/cli.err"
: >"$SCRATCH/cli.done"
(
	i=0
	while [ $i -lt 20 ] || [ ! -e "$SCRATCH/cli.stop" ]; do
		i=$((i + 1))
		if cli action add "cli item $i" >/dev/null 2>>"$SCRATCH/cli.err"; then
			echo "$i" >>"$SCRATCH/cli.done"
		else
			echo "cli item $i failed" >>"$SCRATCH/cli.err"
		fi
	done
	echo "$i" >"$SCRATCH/cli.count"
) &
CLI_PID=$!

# Window A: two ticks and a reflection; B waits on Home meanwhile.
win A
tui_keys G Enter
tui_wait "Alpha one"
tui_keys Space
tui_wait "[x] Alpha one"
tui_keys j Space
tui_wait "[x] Alpha two"
no_lock_error
win A
tui_keys j j j j
tui_keys Enter
tui_wait "new  0 characters"
tui_type "Window A's reflection, café"
tui_keys C-s
tui_wait "saved"
tui_keys Escape
tui_wait "[*] Window A writes"
no_lock_error

# B's Home, sitting idle, picks up A's writes by itself (the app asks the
# store whether another window committed, twice a second).
win B
i=0
until tui_screen | grep "Zed two windows" | grep -qF "3/7"; do
	i=$((i + 1))
	[ $i -lt 100 ] || tui_fail "B's idle Home does not show A's writes (3 of 7)"
	sleep 0.1
done
tui_wait "Window A's reflection, café"
# And it is read again when it gets the focus back (from the actions screen).
tui_keys a
tui_wait "q back"
tui_keys q
tui_wait "Recent reflections"
tui_wait "Window A's reflection, café"
tui_screen | grep "Zed two windows" | grep -qF "3/7" ||
	tui_fail "B's Home does not show A's writes (3 of 7) after it is focused again"

# Interleaved: B ticks, A walks, B rates and writes, A quits while the CLI
# keeps writing.
win B
tui_keys G Enter
tui_wait "Beta one"
tui_keys j j Space
tui_wait "[x] Beta one"
win A
tui_keys g
win B
tui_keys j Space
tui_wait "[x] Beta two"
tui_keys j 3
tui_wait "[3] Rate from B"
no_lock_error
win B
tui_keys j j Enter
tui_wait "new  0 characters"
tui_type "Window B's reflection, 日本語"
win A
tui_keys q
tui_wait "Recent reflections"
win B
tui_keys C-s
tui_wait "saved"
tui_keys Escape
tui_wait "[*] Window B writes"
no_lock_error
# A's Home, focused again, has B's writes too (all 7 items done).
win A
tui_keys a
tui_wait "q back"
tui_keys q
tui_wait "Window B's reflection"
tui_screen | grep "Zed two windows" | grep -qF "7/7" ||
	tui_fail "A's Home does not show B's writes (7 of 7)"
no_lock_error

quit_win A
quit_win B
touch "$SCRATCH/cli.stop"
wait "$CLI_PID"
CLI_PID=
N=$(cat "$SCRATCH/cli.count")

# Nothing reached the CLI writer or the log.
[ -s "$SCRATCH/cli.err" ] && { echo "FAIL: the CLI writer saw errors:"; head -5 "$SCRATCH/cli.err"; exit 1; }
[ "$(wc -l <"$SCRATCH/cli.done")" -eq "$N" ] || { echo "FAIL: only $(wc -l <"$SCRATCH/cli.done") of $N CLI writes"; exit 1; }
[ -f "$LOG" ] || { echo "FAIL: no log at $LOG"; exit 1; }
if grep -iE 'locked|busy' "$LOG"; then
	echo "FAIL: the log has lock errors"
	exit 1
fi

# Every write of every writer is in the database.
guides=$(cli guides 2>&1) || { echo "FAIL: twoway guides: $guides"; exit 1; }
for item in a1 a2 b1 b2; do
	grep -qE "\[x\] +zz-two/one/$item " <<<"$guides" ||
		{ echo "FAIL: zz-two/one/$item is not ticked:"; grep zz-two <<<"$guides"; exit 1; }
done
grep -qE "3/5 +zz-two/one/r " <<<"$guides" || { echo "FAIL: B's rating is missing:"; grep zz-two <<<"$guides"; exit 1; }
h=$(cli history zz-two/one/wa 2>&1)
grep -qF "Window A's reflection, café" <<<"$h" || { echo "FAIL: A's reflection: $h"; exit 1; }
h=$(cli history zz-two/one/wb 2>&1)
grep -qF "Window B's reflection, 日本語" <<<"$h" || { echo "FAIL: B's reflection: $h"; exit 1; }
actions=$(cli action list 2>&1)
for i in $(seq 1 $N); do
	grep -qE "cli item $i\$" <<<"$actions" || { echo "FAIL: 'cli item $i' is missing"; exit 1; }
done
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || { echo "FAIL: integrity_check"; exit 1; }
echo "two windows and $N CLI writes at once: every write kept, no lock error"
