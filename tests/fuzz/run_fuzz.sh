#!/bin/sh
# Runs a libFuzzer target for a fixed number of iterations over the seed
# corpus given after it, writing new inputs to a scratch directory (never
# into the source tree). Usage: run_fuzz.sh FUZZER RUNS SEED_DIR...
# FUZZ_SCALE (default 1) multiplies RUNS: `make fuzz` runs each target for
# longer than `make test` can afford.
set -eu
fuzzer=$1
runs=$(( $2 * ${FUZZ_SCALE:-1} ))
shift 2
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tw-fuzz-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/corpus" "$scratch/artifacts"
rc=0
"$fuzzer" -runs="$runs" -max_len=65536 -seed=1 -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$scratch/artifacts/" \
	"$scratch/corpus" "$@" || rc=$?
if [ $rc -ne 0 ]; then
	for f in "$scratch"/artifacts/*; do
		[ -f "$f" ] || continue
		echo "crashing input ($f), base64:"
		base64 "$f"
	done
fi
exit $rc
