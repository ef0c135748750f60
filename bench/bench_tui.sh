#!/bin/sh
# The app's benchmark: on the store benchmark's database (100,000
# reflections), time from launch to the first complete Home frame
# (TWOWAY_BENCH=1 exits right after it), CPU per keystroke while moving
# through a 200-item guide in tmux, and peak memory (TWOWAY_BENCH_STATS).
# Usage: bench/bench_tui.sh BUILD_DIR [DB]
set -e
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
tw="$build/src/cli/twoway"
db=${2:-"$here/data/store.db"}
if [ ! -f "$db" ]; then
	mkdir -p "$(dirname "$db")"
	"$build/bench/gen_db" "$db"
fi
work=$(mktemp -d)
sock="twoway-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$db" "$work/bench.db"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"
mkdir -p "$HOME"

# A 200-item guide to move through.
mkdir -p "$work/content"
{
	printf 'schema: 1\nid: zz-long\ntitle: Zed long guide\nsummary: Two hundred items.\n'
	printf 'source: bench\nlocale: en\nsections:\n'
	for s in 1 2 3 4; do
		printf '  - id: s%s\n    title: Section %s\n    basis: adapted\n    items:\n' "$s" "$s"
		for i in $(seq 1 50); do
			printf '      - id: i%s\n        kind: check\n        text: Item %s of section %s, long enough to fill a row of the list\n' "$i" "$i" "$s"
		done
	done
} > "$work/content/long.yaml"

# 1. Launch to the first complete Home frame, 20 runs in a pty.
runs=20
: > "$work/times"
i=0
while [ $i -lt $runs ]; do
	t0=$(date +%s%N)
	TERM=xterm-256color TWOWAY_BENCH=1 script -qec "$tw --db $work/bench.db" /dev/null >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 )) >> "$work/times"
	i=$((i + 1))
done
sort -n "$work/times" > "$work/sorted"
min=$(head -1 "$work/sorted")
med=$(sed -n "$((runs / 2))p" "$work/sorted")
max=$(tail -1 "$work/sorted")
echo "launch to first Home frame (100,000 reflections, $runs runs): min $((min / 1000)).$(( (min % 1000) / 100 )) ms, median $((med / 1000)).$(( (med % 1000) / 100 )) ms, max $((max / 1000)).$(( (max % 1000) / 100 )) ms  (target < 50 ms)"
# What the pty harness costs by itself (script and its shell running
# /bin/true), so a slow machine's share is seen apart from twoway's; the
# target above is judged on the whole launch, harness included.
: > "$work/harness"
i=0
while [ $i -lt $runs ]; do
	t0=$(date +%s%N)
	TERM=xterm-256color script -qec /bin/true /dev/null >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 )) >> "$work/harness"
	i=$((i + 1))
done
hmed=$(sort -n "$work/harness" | sed -n "$((runs / 2))p")
echo "  of which the pty harness alone (script running /bin/true): median $((hmed / 1000)).$(( (hmed % 1000) / 100 )) ms"

# 2. CPU per keystroke moving through the 200-item guide, and peak memory.
stats="$work/stats"
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 TWOWAY_BENCH_STATS=$stats $tw --db $work/bench.db --content $work/content"
sleep 0.5
tmux -L "$sock" send-keys G Enter
sleep 0.3
n=0
while [ $n -lt 10 ]; do
	keys=""
	for k in $(seq 1 50); do keys="$keys j"; done
	# shellcheck disable=SC2086
	tmux -L "$sock" send-keys $keys
	# shellcheck disable=SC2086
	tmux -L "$sock" send-keys $(echo $keys | tr j k)
	n=$((n + 1))
done
tmux -L "$sock" send-keys NPage NPage NPage G g
sleep 0.5
tmux -L "$sock" send-keys q q
i=0
while [ ! -s "$stats" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
keys=$(awk '/^keys/{print $2}' "$stats")
cpu=$(awk '/^cpu_per_key_us/{print $2}' "$stats")
kmax=$(awk '/^max_key_us/{print $2}' "$stats")
rss=$(awk '/^maxrss_kb/{print $2}' "$stats")
echo "keystrokes through a 200-item guide: $keys keys, $cpu us CPU per key (max $kmax us)  (target < 1000 us)"
echo "peak memory (100,000-reflection database, Home + guide): $((rss / 1024)).$(( (rss % 1024) * 10 / 1024 )) MB maxrss  (target < 24 MB)"
