#!/bin/sh
# Runs the benchmarks: bench/run.sh BUILD_DIR. Data is generated under
# bench/data/ (not committed) the first time.
set -e
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/data"

# store: 1,000 and 10,000 reflections (1x, 10x), then 100,000 (100x: the
# targets' size), 20 profiles, meetings a tenth and action items a
# twentieth of the reflections
for n in 1000 10000; do
	small="$here/data/store-$n.db"
	[ -f "$small" ] || "$build/bench/gen_db" "$small" $n
	echo "store at $n reflections:"
	"$build/bench/bench_store" "$small"
done
db="$here/data/store.db"
if [ ! -f "$db" ]; then
	"$build/bench/gen_db" "$db"
fi
echo "store at 100000 reflections:"
"$build/bench/bench_store" "$db" rss
"$build/bench/bench_store" "$db"

# the exports that carry agendas, of one profile (a twentieth of the file:
# 5,000 reflections and 500 meetings at 100x) at 1x, 10x and 100x: whole
# processes, bench/pairrun's CPU medians of 11 runs alternated
tw="$build/src/cli/twoway"
for f in "$here/data/store-1000.db" "$here/data/store-10000.db" "$db"; do
	r=$("$build/bench/pairrun" 11 -- "$tw" --db "$f" --profile "person 01" export --format ics \
		-- "$tw" --db "$f" --profile "person 01" export --format csv --what meetings)
	echo "$r" | awk -v n="$(sqlite3 "$f" "SELECT count(*) FROM reflections")" '{
		printf "exports of one profile (%d reflections in the file): iCalendar %.1f ms, meetings CSV %.1f ms CPU\n",
			n, $2 / 1000, $4 / 1000 }'
done

# content: 10 guides x 10 sections x 10 items = 1,000 items
if [ ! -d "$here/data/content" ]; then
	"$build/bench/gen_content" "$here/data/content"
fi
"$build/bench/bench_content" "$here/data/content"

# app: first Home frame, CPU per keystroke, peak memory
sh "$here/bench_tui.sh" "$build" "$db"
