# Shared helpers for the end-to-end scripts: a scratch HOME and XDG dirs
# (mktemp -d, removed on exit), a `tw` wrapper on the real binary, and
# assertions on exit code, stdout, stderr, golden files and database dumps.
# Source it: . "$(dirname "$0")/lib.sh"

set -u
: "${TWOWAY:?TWOWAY must name the twoway binary}"
: "${TW_SRC:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${TW_TEST_DATA:=$TW_SRC/tests/data}"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/twoway-e2e.XXXXXX") || exit 1
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home"
export XDG_DATA_HOME="$SCRATCH/data" XDG_STATE_HOME="$SCRATCH/state"
export XDG_CONFIG_HOME="$SCRATCH/config"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"
unset TWOWAY_DB TWOWAY_CONTENT VISUAL EDITOR TWOWAY_TODAY
export TZ=UTC LC_ALL=C.UTF-8 USER=tester NO_COLOR=1

# The tests read "today", "yesterday", "Thu" and the day's backup from the
# clock: one that would run across midnight (UTC, the tests' zone) waits
# for the new day instead of seeing the date change under it. The longest
# test takes about 95 s on a loaded 2-core machine; 240 s leaves margin.
to_midnight=$((86400 - $(date -u +%s) % 86400))
if [ "$to_midnight" -lt 240 ]; then
	echo "$(basename "$0"): waiting ${to_midnight} s for midnight, so that the test runs within one day" >&2
	sleep $((to_midnight + 1))
fi
unset to_midnight
DB="$SCRATCH/twoway.db"
CONTENT="$TW_TEST_DATA/cli/content"
GOLDEN="$TW_TEST_DATA/cli"

FAILS=0
CHECKS=0

# tw ARGS...: the binary on the scratch database with the test content.
tw() { "$TWOWAY" --db "$DB" --content "$CONTENT" "$@"; }

fail() {
	FAILS=$((FAILS + 1))
	echo "FAIL: $*" >&2
}

# run ARGS...: runs tw (stdin from the caller) and keeps OUT, ERR and RC.
run() {
	OUT=$(tw "$@" 2>"$SCRATCH/stderr")
	RC=$?
	ERR=$(cat "$SCRATCH/stderr")
}

# expect_rc N WHAT: the last run exited with N.
expect_rc() {
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq "$1" ] || fail "$2: exit $RC, expected $1 (stderr: $ERR)"
}

# ok ARGS...: runs tw and expects exit 0 with an empty stderr.
ok() {
	run "$@"
	CHECKS=$((CHECKS + 1))
	if [ "$RC" -ne 0 ] || [ -n "$ERR" ]; then
		fail "twoway $*: exit $RC, stderr: $ERR"
	fi
}

# expect_err TEXT WHAT: stderr of the last run is exactly TEXT.
expect_err() {
	CHECKS=$((CHECKS + 1))
	[ "$ERR" = "$1" ] || fail "$2: stderr was
  $ERR
expected
  $1"
}

# expect_err_has TEXT WHAT: stderr of the last run contains TEXT.
expect_err_has() {
	CHECKS=$((CHECKS + 1))
	case "$ERR" in *"$1"*) ;; *) fail "$2: stderr '$ERR' lacks '$1'" ;; esac
}

# expect_out_has TEXT WHAT: stdout of the last run contains TEXT.
expect_out_has() {
	CHECKS=$((CHECKS + 1))
	case "$OUT" in *"$1"*) ;; *) fail "$2: stdout lacks '$1':
$OUT" ;; esac
}

# golden NAME: stdout of the last run equals tests/data/cli/NAME.out.
# UPDATE_GOLDEN=1 rewrites the file instead.
golden() {
	CHECKS=$((CHECKS + 1))
	local want="$GOLDEN/$1.out"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		printf '%s\n' "$OUT" >"$want"
		return
	fi
	if ! printf '%s\n' "$OUT" | diff -u "$want" - >"$SCRATCH/diff"; then
		fail "golden $1 differs:"
		cat "$SCRATCH/diff" >&2
	fi
}

# dump: the database as SQL text (nothing when there is no file yet).
dump() {
	if [ -e "$DB" ]; then sqlite3 "$DB" .dump; fi
}

# unchanged RC MESSAGE ARGS...: runs tw ARGS, expects exit RC, stderr
# exactly MESSAGE (first line when RC is 2) and the database unchanged.
unchanged() {
	local want_rc=$1 msg=$2
	shift 2
	local before
	before=$(dump)
	run "$@"
	expect_rc "$want_rc" "twoway $*"
	if [ "$want_rc" -eq 2 ]; then
		local first=${ERR%%$'\n'*}
		CHECKS=$((CHECKS + 1))
		[ "$first" = "$msg" ] || fail "twoway $*: stderr was '$first', expected '$msg'"
	else
		expect_err "$msg" "twoway $*"
	fi
	CHECKS=$((CHECKS + 1))
	[ "$(dump)" = "$before" ] || fail "twoway $*: the database changed"
	[ -z "$OUT" ] || fail "twoway $*: printed on stdout: $OUT"
}

# finish: the summary line and exit status.
finish() {
	echo "$(basename "$0"): $CHECKS checks, $FAILS failed"
	[ "$FAILS" -eq 0 ]
	exit $?
}
