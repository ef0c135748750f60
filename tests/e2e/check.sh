#!/usr/bin/env bash
# End-to-end test of `twoway check`: every malformed fixture prints each of
# its located problems (tests/data/content/bad/NAME.expect) and exits 1;
# good files exit 0; no argument checks the bundled and user content.
set -u
: "${TWOWAY:?TWOWAY must name the twoway binary}"
: "${TW_SRC:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TW_TEST_DATA:=$TW_SRC/tests/data}"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/twoway-check.XXXXXX") || exit 1
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/data" XDG_STATE_HOME="$SCRATCH/state"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME"
unset TWOWAY_DB TWOWAY_CONTENT
export LC_ALL=C.UTF-8

BAD="$TW_TEST_DATA/content/bad"
GOOD="$TW_TEST_DATA/content/good"
fails=0
checks=0

fail() {
	fails=$((fails + 1))
	echo "FAIL: $*" >&2
}

# check ARGS...: runs `twoway check`, keeping OUT, ERR and RC.
check() {
	checks=$((checks + 1))
	OUT=$("$TWOWAY" check "$@" 2>"$SCRATCH/stderr")
	RC=$?
	ERR=$(cat "$SCRATCH/stderr")
}

expect_rc() {
	[ "$RC" -eq "$1" ] || fail "$2: exit $RC, expected $1 (stderr: $ERR)"
}

expect_line() { # expect_line TEXT WHAT LABEL
	grep -qxF -- "$1" <<<"$2" || fail "$3: missing line: $1"$'\n'"got:"$'\n'"$2"
}

# Each malformed fixture: exit 1, exactly its expected located problems.
n_bad=0
total=0
for f in "$BAD"/*.yaml; do
	n_bad=$((n_bad + 1))
	name=$(basename "$f")
	check "$f"
	expect_rc 1 "$name"
	want=0
	while IFS= read -r line; do
		want=$((want + 1))
		expect_line "$f:$line" "$OUT" "$name"
	done <"${f%.yaml}.expect"
	got=$(grep -c '' <<<"$OUT")
	[ "$got" -eq "$want" ] || fail "$name: $got lines on stdout, expected $want"
	[ "$want" -gt 0 ] || fail "$name: no expected problems in ${f%.yaml}.expect"
	total=$((total + want))
	plural=s
	[ "$want" -eq 1 ] && plural=
	expect_line "$want problem$plural in 1 of 1 file" "$ERR" "$name summary"
done
[ "$n_bad" -ge 25 ] || fail "only $n_bad malformed fixtures"

# The whole directory at once: every problem of every file.
check "$BAD"
expect_rc 1 "bad dir"
expect_line "$total problems in $n_bad of $n_bad files" "$ERR" "bad dir summary"
[ "$(grep -c '' <<<"$OUT")" -eq "$total" ] || fail "bad dir: expected $total problem lines"

# Good files and directories.
check "$GOOD"
expect_rc 0 "good dir"
[ -z "$OUT" ] || fail "good dir printed: $OUT"
expect_line "2 files ok" "$ERR" "good dir summary"
check "$GOOD/minimal.yaml"
expect_rc 0 "one good file"
expect_line "1 file ok" "$ERR" "one good file summary"

# Mixed: one good, one bad, one missing.
check "$GOOD/minimal.yaml" "$BAD/unknown-kind.yaml" "$SCRATCH/nope.yaml"
expect_rc 1 "mixed"
expect_line "$SCRATCH/nope.yaml: no such file or directory" "$OUT" "mixed"
expect_line "$BAD/unknown-kind.yaml:13:15: item 'ask' has unknown kind 'chek' (expected check, reflect or rate)" "$OUT" "mixed"
expect_line "3 problems in 2 of 3 files" "$ERR" "mixed summary"

# A file over 1 MiB is refused without being parsed.
head -c 1048577 /dev/zero | tr '\0' '#' >"$SCRATCH/big.yaml"
check "$SCRATCH/big.yaml"
expect_rc 1 "big file"
expect_line "$SCRATCH/big.yaml: the file is larger than 1 MiB (1048577 bytes); content files are limited to 1 MiB" "$OUT" "big file"

# An empty directory named on the command line is a problem.
mkdir "$SCRATCH/empty"
check "$SCRATCH/empty"
expect_rc 1 "empty dir"
expect_line "$SCRATCH/empty: no *.yaml files in this directory" "$OUT" "empty dir"

# No argument: the bundled guides (and an empty user directory) pass.
check
expect_rc 0 "bundled content"
[ -z "$OUT" ] || fail "bundled content has problems:"$'\n'"$OUT"
grep -qE '^[0-9]+ files ok$' <<<"$ERR" || fail "bundled summary: $ERR"
n=$(sed -n 's/^\([0-9]*\) files ok$/\1/p' <<<"$ERR")
[ "${n:-0}" -ge 4 ] || fail "expected at least 4 bundled guides, checked ${n:-0}"

# ... plus the user's own directory, where a broken guide is reported and
# a guide reusing a bundled id gets a note.
user="$XDG_DATA_HOME/twoway/content"
mkdir -p "$user"
cp "$BAD/unknown-kind.yaml" "$user/mine.yaml"
check
expect_rc 1 "user content"
expect_line "$user/mine.yaml:13:15: item 'ask' has unknown kind 'chek' (expected check, reflect or rate)" "$OUT" "user content"
rm "$user/mine.yaml"
first=$(ls "$TW_SRC"/content/en/*.yaml | head -1)
cp "$first" "$user/copy.yaml"
check
expect_rc 0 "user copy"
grep -q "note: guide '.*' from $user/copy.yaml replaces the one from $first" <<<"$ERR" ||
	fail "user copy: no replace note in: $ERR"
rm "$user/copy.yaml"

# --content DIR joins the no-argument set; a missing one is a problem.
check --content "$GOOD"
expect_rc 0 "--content good"
check --content "$SCRATCH/missing"
expect_rc 1 "--content missing"
expect_line "$SCRATCH/missing: no such file or directory" "$OUT" "--content missing"

# Usage.
check --bogus
expect_rc 2 "unknown option"
grep -q "unknown option '--bogus'" <<<"$ERR" || fail "unknown option message: $ERR"
check --help
expect_rc 0 "--help"
grep -q '^usage: twoway check' <<<"$OUT" || fail "--help output: $OUT"
check -- "$GOOD/minimal.yaml"
expect_rc 0 "-- FILE"

echo "$checks checks, $fails failures"
[ "$fails" -eq 0 ]
