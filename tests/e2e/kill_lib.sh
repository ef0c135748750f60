# Kill rounds for the crash test and the soak (tests/soak/soak.sh): one CLI
# write with a unique marker, killed with SIGKILL after a delay drawn from
# an adaptive window, so that some writes finish (and are acknowledged) on
# any machine and build, however slow. Source it after lib.sh.
#
# The window W (ms) shrinks after a write that finished and grows after a
# kill; it settles where about a quarter of the writes finish, whatever a
# write costs here (gcc or ASan, idle or loaded machine).

KILL_W=${KILL_W:-40}
# A read that never gets data: sleeping without a fork (read -t).
exec {KILL_SLEEP_FD}<> <(:)

# kill_sleep MS
kill_sleep() {
	local t
	printf -v t '%d.%03d' $(($1 / 1000)) $(($1 % 1000))
	read -r -t "$t" -u "$KILL_SLEEP_FD" _ || true
}
KILL_ROUNDS=0 KILL_KILLS=0 KILL_ACKED=0

# kill_round MARKER_PREFIX DONE_FILE: one write, killed or acknowledged.
# An acknowledged write (exit 0 seen) is appended to DONE_FILE. Sets
# KILL_RC; returns 1 when the write failed by itself (not killed).
kill_round() {
	local prefix=$1 done_file=$2 marker pid delay
	KILL_ROUNDS=$((KILL_ROUNDS + 1))
	# The binary itself runs in the background (not the tw function, whose
	# subshell would be killed instead of twoway).
	if [ $((KILL_ROUNDS % 3)) -eq 0 ]; then
		marker="$prefix-refl-$KILL_ROUNDS"
		"$TWOWAY" --db "$DB" --content "$CONTENT" reflect cli-test/debrief/lesson \
			<<<"note $marker" >/dev/null 2>"$SCRATCH/write-err-$prefix" &
	else
		marker="$prefix-act-$KILL_ROUNDS"
		"$TWOWAY" --db "$DB" --content "$CONTENT" action add "do $marker" \
			</dev/null >/dev/null 2>"$SCRATCH/write-err-$prefix" &
	fi
	pid=$!
	delay=$((RANDOM % (KILL_W + 1)))
	kill_sleep "$delay"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	KILL_RC=$?
	if [ $KILL_RC -eq 0 ]; then
		echo "$marker" >>"$done_file"
		KILL_ACKED=$((KILL_ACKED + 1))
		KILL_W=$((KILL_W * 85 / 100))
		[ $KILL_W -ge 5 ] || KILL_W=5
	elif [ $KILL_RC -eq 137 ]; then
		KILL_KILLS=$((KILL_KILLS + 1))
		KILL_W=$((KILL_W * 105 / 100 + 1))
	else
		return 1
	fi
	return 0
}

# kill_verify DONE_FILE: integrity_check passes and every marker in
# DONE_FILE is stored, in one sqlite3 process (forks are what a loaded
# machine makes slow). The list of acknowledged markers is imported before
# the database is read, so a write acknowledged while the check runs is not
# looked for yet. A reflection's newest text is in reflections, earlier ones
# in reflection_versions. Returns 1 with the reason in KILL_WHY.
kill_verify() {
	local out="$SCRATCH/verify-out"
	KILL_WHY=
	if ! sqlite3 "$DB" '.timeout 10000' 'PRAGMA integrity_check' 'CREATE TEMP TABLE acked(m TEXT)' \
		".import --schema temp '$1' acked" \
		"SELECT 'missing: ' || m FROM temp.acked
		 WHERE NOT EXISTS (SELECT 1 FROM actions WHERE text = 'do ' || m)
		   AND NOT EXISTS (SELECT 1 FROM reflection_versions WHERE text = 'note ' || m)
		   AND NOT EXISTS (SELECT 1 FROM reflections WHERE text = 'note ' || m)
		 LIMIT 5" >"$out" 2>&1; then
		KILL_WHY="sqlite3 failed: $(head -3 "$out")"
		return 1
	fi
	local lines
	mapfile -t lines <"$out"
	if [ "${lines[0]:-}" != ok ]; then
		KILL_WHY="integrity_check says: ${lines[*]:0:5}"
		return 1
	fi
	if [ ${#lines[@]} -gt 1 ]; then
		KILL_WHY="acknowledged but ${lines[*]:1}"
		return 1
	fi
	return 0
}
