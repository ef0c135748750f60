#!/bin/sh
# Runs the benchmarks: bench/run.sh BUILD_DIR. Data is generated under
# bench/data/ (not committed) the first time.
set -e
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/data"

# store: 100,000 reflections, 20 profiles, 10,000 meetings
db="$here/data/store.db"
if [ ! -f "$db" ]; then
	"$build/bench/gen_db" "$db"
fi
"$build/bench/bench_store" "$db" rss
"$build/bench/bench_store" "$db"

# content: 10 guides x 10 sections x 10 items = 1,000 items
if [ ! -d "$here/data/content" ]; then
	"$build/bench/gen_content" "$here/data/content"
fi
"$build/bench/bench_content" "$here/data/content"

# app: first Home frame, CPU per keystroke, peak memory
sh "$here/bench_tui.sh" "$build" "$db"
