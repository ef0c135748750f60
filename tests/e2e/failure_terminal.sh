#!/usr/bin/env bash
# Terminal safety on the CLI: file names and arguments holding escape
# sequences are never echoed raw (check's output, the "skipped" line, the
# "unknown item" and "unknown command" lines), and a damaged-database
# message is one line.
. "$(dirname "$0")/lib.sh"

ESC=$'\033'
mkdir -p "$SCRATCH/content"
cp "$CONTENT"/*.yaml "$SCRATCH/content/"
evil="$SCRATCH/content/"$'\033]0;pwned\a\033[2J\033[31mred\033[0m.yaml'
printf 'schema: 1\nid: [broken\n' >"$evil"

# raw WHAT: neither stdout nor stderr of the last run holds an ESC or BEL.
raw() {
	CHECKS=$((CHECKS + 1))
	case "$OUT$ERR" in
	*"$ESC"* | *$'\a'*) fail "$1 printed a raw escape: $(printf '%q' "$OUT$ERR")" ;;
	esac
}

run --content "$SCRATCH/content" guides
expect_rc 0 "guides with a content file named with escapes"
expect_err_has "skipped: " "the skipped line"
expect_err_has "?]0;pwned??[2J?[31mred?[0m.yaml" "the skipped line shows the name inert"
raw "the skipped line"
run check "$SCRATCH/content"
expect_rc 1 "check with an evil name"
expect_out_has "?[31mred" "check shows the name inert"
raw "check"
run tick $'cli-test/prepare/agend\033[31m'
expect_rc 1 "tick with an escape in the item"
raw "unknown item"
run $'frob\033[2J'
expect_rc 2 "unknown command with an escape"
raw "unknown command"
run sponsor show $'nobody\033[2J'
raw "unknown sponsor"

# A damaged database: SQLite's check speaks on two lines; twoway's message
# is one.
tw --db "$SCRATCH/d.db" profile add Ada >/dev/null
for i in $(seq 1 40); do tw --db "$SCRATCH/d.db" action add "action $i with some text" >/dev/null; done
python3 - "$SCRATCH/d.db" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    for page in range(2, 10):
        f.seek(page * 4096 + 8)
        f.write(b"\xa5" * 200)
PY
run --db "$SCRATCH/d.db" action list
expect_rc 1 "damaged database"
expect_err_has "is damaged" "damaged database named"
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] || fail "damaged-database message spans lines: $ERR"

finish
