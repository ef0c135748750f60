#!/bin/sh
# Prints "N passed, N failed" over the meson test logs of the given build
# directories: every test that ran, in every build. A build whose log is
# missing counts as one failure, so a broken build cannot look green.
# SUMMARY_EXTRA_PASSED / SUMMARY_EXTRA_FAILED add checks run outside meson
# (.ci/run's Debian package build and install).
passed=${SUMMARY_EXTRA_PASSED:-0}
failed=${SUMMARY_EXTRA_FAILED:-0}
for dir in "$@"; do
	log="$dir/meson-logs/testlog.json"
	if [ ! -f "$log" ]; then
		echo "summary: no test log in $dir" >&2
		failed=$((failed + 1))
		continue
	fi
	p=$(grep -c '"result": "OK"' "$log")
	f=$(grep -c '"result": "\(FAIL\|ERROR\|TIMEOUT\|UNEXPECTEDPASS\)"' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
