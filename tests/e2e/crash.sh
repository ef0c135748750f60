#!/usr/bin/env bash
# Crash test: writes through the CLI (action items and reflections, each
# with a unique marker) are killed with SIGKILL at random moments, at least
# 200 times. After every kill the database passes PRAGMA integrity_check and
# every write the CLI acknowledged (exit 0 seen) is still there; the CLI's
# own listings agree every 25 kills and at the end. The kill delay adapts
# (kill_lib.sh) so that writes are acknowledged in every build: the test
# fails unless at least CRASH_ACKS writes of each kind were. `make soak`
# runs a longer version with the app and two writers at once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kill_lib.sh"

KILLS_WANTED=${CRASH_KILLS:-200}
ACKS_WANTED=${CRASH_ACKS:-10}
MAX_ROUNDS=$((KILLS_WANTED * 20))
DEADLINE=$((SECONDS + ${CRASH_SECONDS:-400}))

ok profile add crash
ITEM=cli-test/debrief/lesson
DONE="$SCRATCH/done"
: >"$DONE"

# cli_check: every acknowledged write is listed by the CLI itself.
cli_check() {
	if ! tw action list >"$SCRATCH/seen" 2>"$SCRATCH/list-err"; then
		fail "after $KILL_KILLS kills: action list failed: $(cat "$SCRATCH/list-err")"
		return 1
	fi
	if grep -q refl "$DONE" && ! tw history $ITEM >>"$SCRATCH/seen" 2>"$SCRATCH/list-err"; then
		fail "after $KILL_KILLS kills: history failed: $(cat "$SCRATCH/list-err")"
		return 1
	fi
	local missing
	missing=$(grep -vxFf <(grep -oE 'crash-[a-z]+-[0-9]+' "$SCRATCH/seen" | sort -u) "$DONE")
	if [ -n "$missing" ]; then
		fail "after $KILL_KILLS kills: acknowledged but not listed: $missing"
		return 1
	fi
}

while [ $KILL_KILLS -lt "$KILLS_WANTED" ] && [ $KILL_ROUNDS -lt $MAX_ROUNDS ] &&
	[ $SECONDS -lt $DEADLINE ]; do
	before=$KILL_KILLS
	if ! kill_round crash "$DONE"; then
		fail "round $KILL_ROUNDS: twoway exited $KILL_RC (not killed): $(cat "$SCRATCH/write-err-crash")"
		break
	fi
	[ $KILL_KILLS -gt "$before" ] || continue
	if ! kill_verify "$DONE"; then
		fail "after kill $KILL_KILLS (round $KILL_ROUNDS): $KILL_WHY"
		break
	fi
	if [ $((KILL_KILLS % 25)) -eq 0 ]; then cli_check || break; fi
done
CHECKS=$((CHECKS + 1))
kill_verify "$DONE" || fail "at the end: $KILL_WHY"
cli_check
acts=$(grep -c -- '-act-' "$DONE")
refls=$(grep -c -- '-refl-' "$DONE")
CHECKS=$((CHECKS + 3))
[ $KILL_KILLS -ge "$KILLS_WANTED" ] || fail "only $KILL_KILLS kills in $KILL_ROUNDS rounds"
# A crash test that acknowledged nothing proves nothing.
# Both kinds of write must have been acknowledged, and enough of them in
# all: how they split between the kinds depends on the machine's speed.
[ "$acts" -ge 1 ] || fail "no action item was acknowledged"
[ "$refls" -ge 1 ] || fail "no reflection was acknowledged"
[ $((acts + refls)) -ge $((2 * ACKS_WANTED)) ] ||
	fail "only $((acts + refls)) writes acknowledged (want $((2 * ACKS_WANTED)))"
echo "crash: $KILL_ROUNDS rounds, $KILL_KILLS kills, $KILL_ACKED writes acknowledged" \
	"($acts action items, $refls reflections) and present; kill window ${KILL_W} ms"
finish
