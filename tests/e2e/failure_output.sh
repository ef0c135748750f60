#!/usr/bin/env bash
# Output errors surface: every command that prints, with standard output on
# /dev/full (a full disk), exits 1 with one line on stderr instead of 0
# with nothing written.
. "$(dirname "$0")/lib.sh"

ok profile add Alice
ok sponsor add "Maria Lopez"
ok meeting add --sponsor "Maria Lopez" --when "2026-03-02 10:30"
ok action add "Send the agenda"
ok reflect cli-test/debrief/lesson <<<"first version"
ok reflect cli-test/debrief/lesson <<<"second version"
# enough records that the JSON export is larger than stdio's buffer
for i in $(seq 1 60); do tw action add "action number $i with some words to fill it" >/dev/null; done

full() {
	local err
	tw "$@" >/dev/full 2>"$SCRATCH/full.err"
	RC=$?
	err=$(cat "$SCRATCH/full.err")
	CHECKS=$((CHECKS + 1))
	[ "$RC" -eq 1 ] || fail "twoway $* >/dev/full: exit $RC, expected 1 (stderr: $err)"
	CHECKS=$((CHECKS + 1))
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [ -n "$err" ] ||
		fail "twoway $* >/dev/full: stderr is not one line: $err"
	case "$err" in
	"twoway: cannot write the output: No space left on device") ;;
	*) fail "twoway $* >/dev/full: says '$err'" ;;
	esac
}

full export --format json
full export --format json --coach
full export --format csv --what actions
full export --format ics
full export --format md --meeting 1
full guides
full guides --ids
full profile list
full sponsor list
full sponsor show "Maria Lopez"
full meeting list
full meeting show 1
full action list
full search agenda
full history cli-test/debrief/lesson
full purge
full --version
full --help
full tick cli-test/prepare/agenda
# a write whose confirmation could not be printed still happened; the exit
# status says the output was lost
run guides
expect_out_has "[x]" "the tick was saved"

# A closed pipe with SIGPIPE ignored: EPIPE is an error too (the pipe's
# reading end is closed before twoway starts).
rc=$(python3 - "$TWOWAY" "$DB" "$CONTENT" <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run([sys.argv[1], "--db", sys.argv[2], "--content", sys.argv[3],
                    "export", "--format", "json"], stdout=w, stderr=subprocess.PIPE,
                   restore_signals=False)
print(p.returncode, p.stderr.decode().strip())
PY
)
CHECKS=$((CHECKS + 1))
[ "$rc" = "1 twoway: cannot write the output: Broken pipe" ] || fail "export to a closed pipe: $rc"

finish
