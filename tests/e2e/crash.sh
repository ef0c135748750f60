#!/usr/bin/env bash
# Crash test: writes through the CLI (action items and reflections, each
# with a unique marker) are killed with SIGKILL at random moments, at least
# 200 times. After every kill the database passes PRAGMA integrity_check and
# every write the CLI reported done (exit 0 seen) is still there.
. "$(dirname "$0")/lib.sh"

KILLS_WANTED=${CRASH_KILLS:-200}
MAX_ROUNDS=$((KILLS_WANTED * 20))
DEADLINE=$((SECONDS + ${CRASH_SECONDS:-110}))

ok profile add crash
ITEM=cli-test/debrief/lesson
: >"$SCRATCH/done"
kills=0 completed=0 round=0

# check: integrity and every reported write present.
check() {
	local integ
	integ=$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1)
	if [ "$integ" != ok ]; then
		fail "round $round: integrity_check says: $integ"
		return 1
	fi
	# Everything stored: every action item and every version of the
	# reflection the loop keeps saving (history fails before the first one).
	if ! tw action list >"$SCRATCH/seen" 2>"$SCRATCH/list-err"; then
		fail "round $round: action list failed: $(cat "$SCRATCH/list-err")"
		return 1
	fi
	if grep -q refl "$SCRATCH/done" && ! tw history $ITEM >>"$SCRATCH/seen" 2>"$SCRATCH/list-err"; then
		fail "round $round: history failed: $(cat "$SCRATCH/list-err")"
		return 1
	fi
	local missing
	missing=$(grep -vxFf <(grep -oE 'crashmark-[a-z]+-[0-9]+' "$SCRATCH/seen" | sort -u) \
		"$SCRATCH/done")
	if [ -n "$missing" ]; then
		fail "round $round: reported done but missing: $missing"
		return 1
	fi
}

while [ $kills -lt "$KILLS_WANTED" ] && [ $round -lt $MAX_ROUNDS ] && [ $SECONDS -lt $DEADLINE ]; do
	round=$((round + 1))
	# The binary itself runs in the background (not the tw function, whose
	# subshell would be killed instead of twoway).
	if [ $((round % 3)) -eq 0 ]; then
		marker="crashmark-refl-$round"
		"$TWOWAY" --db "$DB" --content "$CONTENT" reflect $ITEM \
			<<<"note $marker" >/dev/null 2>"$SCRATCH/write-err" &
	else
		marker="crashmark-act-$round"
		"$TWOWAY" --db "$DB" --content "$CONTENT" action add "do $marker" \
			</dev/null >/dev/null 2>"$SCRATCH/write-err" &
	fi
	pid=$!
	sleep "0.0$(printf '%02d' $((RANDOM % 31)))"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "$marker" >>"$SCRATCH/done"
		completed=$((completed + 1))
	elif [ $rc -eq 137 ]; then
		kills=$((kills + 1))
		check || break
	else
		fail "round $round: twoway exited $rc (not killed): $(cat "$SCRATCH/write-err")"
		break
	fi
done
check
CHECKS=$((CHECKS + 1))
[ $kills -ge "$KILLS_WANTED" ] || fail "only $kills kills in $round rounds"
echo "crash: $round rounds, $kills kills, $completed writes reported done and present"
finish
