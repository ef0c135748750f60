#!/usr/bin/env bash
# Helpers for the TUI end-to-end tests: a private tmux server per test, a
# scratch HOME, starting the real binary in a pane of fixed size, sending
# keys and polling capture-pane until the expected text shows (never fixed
# long sleeps). Source it, then call tui_setup.
set -u

: "${TWOWAY:?TWOWAY must point at the twoway binary}"

tui_setup() {
	SCRATCH=$(mktemp -d)
	SOCK="twoway-test-$$-$RANDOM"
	export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/home/.local/share"
	export XDG_STATE_HOME="$SCRATCH/home/.local/state" XDG_CONFIG_HOME="$SCRATCH/home/.config"
	mkdir -p "$HOME"
	DB="$SCRATCH/twoway.db"
	trap tui_cleanup EXIT
}

tui_cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	rm -rf "$SCRATCH"
}

# tui_start COLS ROWS [VAR=VALUE ...] [-- ARGS...]: starts the app on $DB.
# The exit status lands in $SCRATCH/exit when the app ends.
tui_start() {
	local cols=$1 rows=$2
	shift 2
	local envs=() args=()
	while [ $# -gt 0 ]; do
		if [ "$1" = "--" ]; then
			shift
			args=("$@")
			break
		fi
		envs+=("$1")
		shift
	done
	rm -f "$SCRATCH/exit"
	local cmd
	cmd=$(printf '%q ' env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		"HOME=$HOME" "XDG_DATA_HOME=$XDG_DATA_HOME" "XDG_STATE_HOME=$XDG_STATE_HOME" \
		"${envs[@]}" "$TWOWAY" --db "$DB" "${args[@]}")
	cmd="$cmd 2>$(printf '%q' "$SCRATCH/stderr"); echo \$? > $(printf '%q' "$SCRATCH/exit")"
	tmux -L "$SOCK" -f /dev/null kill-server 2>/dev/null
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" "$cmd" ||
		tui_fail "tmux could not start"
	tmux -L "$SOCK" set-option -g remain-on-exit off >/dev/null 2>&1
}

tui_screen() {
	tmux -L "$SOCK" capture-pane -p "$@" 2>/dev/null
}

tui_fail() {
	echo "FAIL: $*"
	echo "---- screen ----"
	tui_screen
	echo "----------------"
	[ -s "$SCRATCH/stderr" ] && { echo "---- stderr ----"; cat "$SCRATCH/stderr"; }
	exit 1
}

# tui_poll_start SECONDS / tui_poll_next: a deadline and a pause that
# starts at 20 ms (a screen usually changes within a few) and grows to
# 100 ms (a loaded machine or the sanitizer build), so a wait costs little
# when the screen is quick and few polls when it is slow.
tui_poll_start() {
	_tw_deadline=$((${EPOCHREALTIME/./} + $1 * 1000000))
	_tw_pause=2
}
tui_poll_next() {
	[ "${EPOCHREALTIME/./}" -lt "$_tw_deadline" ] || return 1
	sleep "0.$(printf '%02d' "$_tw_pause")"
	[ "$_tw_pause" -lt 10 ] && _tw_pause=$((_tw_pause + 2))
	return 0
}

# tui_wait TEXT [SECONDS]: polls until TEXT is on screen (10 s by default:
# roomy for a loaded machine and the sanitizer build).
tui_wait() {
	local text=$1 limit=${2:-10}
	tui_poll_start "$limit"
	while :; do
		tui_screen | grep -qF -- "$text" && return 0
		tui_poll_next || break
	done
	tui_fail "'$text' did not show within ${limit}s"
}

# tui_wait_gone TEXT [SECONDS]
tui_wait_gone() {
	local text=$1 limit=${2:-10}
	tui_poll_start "$limit"
	while :; do
		tui_screen | grep -qF -- "$text" || return 0
		tui_poll_next || break
	done
	tui_fail "'$text' stayed on screen for ${limit}s"
}

tui_absent() {
	tui_screen | grep -qF -- "$1" && tui_fail "'$1' is on screen"
	return 0
}

tui_keys() {
	tmux -L "$SOCK" send-keys "$@"
}

tui_type() {
	tmux -L "$SOCK" send-keys -l -- "$1"
}

# tui_wait_exit [SECONDS] [STATUS]: waits for the app to end with STATUS (default 0).
tui_wait_exit() {
	local limit=${1:-5} want=${2:-0}
	tui_poll_start "$limit"
	while :; do
		if [ -s "$SCRATCH/exit" ]; then
			local rc
			rc=$(cat "$SCRATCH/exit")
			[ "$rc" = "$want" ] || tui_fail "the app exited with $rc, not $want"
			[ -s "$SCRATCH/stderr" ] && tui_fail "the app wrote to stderr: $(cat "$SCRATCH/stderr")"
			return 0
		fi
		tui_poll_next || break
	done
	tui_fail "the app did not exit within ${limit}s"
}

# A small guide for the tests, written into DIR/zz-test.yaml. Loaded with
# --content DIR it comes after the bundled guides: G on Home selects it.
tui_test_guide() {
	mkdir -p "$1"
	cat > "$1/zz-test.yaml" <<'YAML'
schema: 1
id: zz-test
title: Zed test guide
summary: A small guide for the TUI tests.
source: twoway tests
locale: en
sections:
  - id: one
    title: First section
    basis: adapted
    items:
      - id: a
        kind: check
        text: Tick me first
      - id: b
        kind: check
        text: Tick me second
      - id: r
        kind: rate
        text: Rate me
        low: Not at all
        high: Completely
      - id: w
        kind: reflect
        text: Write about it
        detail: A detail paragraph for the reflect item.
YAML
}

# Opens the test guide from Home and waits for its first item.
tui_open_test_guide() {
	tui_wait "Zed test guide"
	tui_keys G Enter
	tui_wait "Tick me first"
}

# tui_raw SEQ...: sends the SEQs (printf %b escapes: \e, \x1b) to the app
# as raw bytes, back to back, as a terminal sends keys. Built-ins only: a
# process per sequence made the key tests spend most of their time here.
tui_raw() {
	local s bytes i v hex=() LC_ALL=C
	for s in "$@"; do
		printf -v bytes '%b' "$s"
		for ((i = 0; i < ${#bytes}; i++)); do
			printf -v v '%d' "'${bytes:i:1}"
			((v < 0)) && v=$((v + 256))
			printf -v v '%02x' "$v"
			hex+=("$v")
		done
	done
	tmux -L "$SOCK" send-keys -H "${hex[@]}"
}

# tui_dump: the database's records as SQL text, for before/after checks.
tui_dump() {
	sqlite3 "$DB" .dump
}

# tui_hold_lock: another process takes $DB's write lock (BEGIN EXCLUSIVE)
# and keeps it until tui_release_lock; returns once the lock is held.
tui_hold_lock() {
	rm -f "$SCRATCH/locked" "$SCRATCH/release"
	mkfifo "$SCRATCH/release"
	python3 - "$DB" "$SCRATCH/release" "$SCRATCH/locked" <<'PY' &
import signal, sqlite3, sys
signal.alarm(120)  # never outlive a failed test
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[3], "w").close()
open(sys.argv[2]).read()   # blocks until the test writes to the FIFO
c.execute("ROLLBACK")
c.close()
PY
	_tw_holder=$!
	tui_poll_start 10
	until [ -e "$SCRATCH/locked" ]; do
		tui_poll_next || tui_fail "the lock holder did not start"
	done
}

tui_release_lock() {
	echo go >"$SCRATCH/release"
	wait "$_tw_holder"
}

