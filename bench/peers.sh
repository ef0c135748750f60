#!/usr/bin/env bash
# twoway side by side with the tools people would use instead, on equal
# data (bench/gen_peers.py): N action items and N meetings in twoway, the
# same texts as N taskwarrior tasks and N calcurse appointments, at 1x, 10x
# and 100x (N = 1,000, 10,000, 100,000; PEERS_SIZES overrides). Each pair
# runs alternately (twoway, peer, twoway, peer ...), whole processes, and
# the table shows medians. Then the import at 1k/10k/100k records (with
# the slowest write of other writers during it) and the database size of
# 100,000 reflections.
#   bench/peers.sh BUILD_DIR     (make bench runs it)
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
tw=$(cd "$build" && pwd)/src/cli/twoway
data="$here/data/peers"
sizes=${PEERS_SIZES:-"1000 10000 100000"}
mkdir -p "$data"
for t in task calcurse sqlite3 python3; do
	command -v $t >/dev/null || { echo "peers.sh: $t is not installed (make bench installs it)"; exit 1; }
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

# ms CMD...: wall-clock milliseconds of one run, output discarded.
ms() {
	local t0=${EPOCHREALTIME/./}
	"$@" >/dev/null 2>&1
	echo $(( (${EPOCHREALTIME/./} - t0) / 1000 ))
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
pairrun=$(cd "$build" && pwd)/bench/pairrun
[ -x "$pairrun" ] || { echo "peers.sh: $pairrun is missing (meson configure $build -Dbench=true; ninja -C $build)"; exit 1; }

# pair NAME TARGET RUNS -- TWOWAY-CMD -- PEER-CMD: bench/pairrun starts
# the two alternately, whole processes with no shell between, and gives
# the medians of wall clock and CPU (user + system, from the kernel's
# rusage, in microseconds), and the quartiles of the alternations' own CPU
# ratios. TARGET: ">=10" (twoway at least 10x faster) or "<=1.2" (at most
# 1.2x the peer's time), or "floor" (no target: how far twoway is from
# the sqlite3 CLI reading the same rows); "met" is judged on the medians'
# CPU ratio, which a busy machine inflates far less than the wall clock.
# The quartiles show how steady that ratio is: on a shared virtual
# machine a short process's time moves by a fifth from one minute to the
# next, so a median near the target is met in one run and not the next.
pair() {
	local name=$1 target=$2 runs=$3
	shift 4
	local r
	r=$("$pairrun" "$runs" -- "$@") || { echo "| $name | (did not run) |"; return; }
	awk -v n="$name" -v t="$target" -v r="$r" '
	function ratio(a, b) { return t == ">=10" ? sprintf("%.1fx faster", b / a) : sprintf("%.2fx the floor", a / b) }
	function met(a, b) { return t == "floor" ? "-" : (t == ">=10" ? (b / a >= 10) : (a / b <= 1.2)) ? "yes" : "NO" }
	# the quartiles of the runs ratios, in the sense of the ratio column
	function spread(lo, hi) { return t == ">=10" ? sprintf("%.1f-%.1fx", lo, hi) : sprintf("%.2f-%.2fx", 1 / hi, 1 / lo) }
	BEGIN {
		split(r, v, " ")
		for (i = 1; i <= 4; i++) v[i] = v[i] < 1 ? 1 : v[i]
		for (i = 5; i <= 6; i++) v[i] = v[i] > 0 ? v[i] : 0.001
		printf "| %-22s | %7.1f / %6.1f | %7.1f / %6.1f | %-16s | %-16s | %-13s | %-6s | %-3s |\n", n,
			v[1] / 1000, v[2] / 1000, v[3] / 1000, v[4] / 1000,
			ratio(v[1], v[3]), ratio(v[2], v[4]), spread(v[5], v[6]), t, met(v[2], v[4])
	}'
}

for n in $sizes; do
	d="$data/$n"
	if [ ! -f "$d/twoway.db" ]; then
		echo "making $n records for each tool in $d ..."
		rm -rf "$d"
		python3 "$here/gen_peers.py" "$n" "$d" || exit 1
		"$tw" --db "$d/twoway.db" import "$d/twoway.json" >/dev/null || exit 1
	fi
	db="$d/twoway.db"
	export TASKRC="$d/taskrc"
	runs=21
	[ "$n" -ge 100000 ] && runs=5
	match='{head body} : ("quarterly"*)'
	json_floor="SELECT * FROM profiles; SELECT * FROM sponsors; SELECT * FROM checkups; SELECT * FROM progress; SELECT * FROM reflections; SELECT * FROM reflection_versions; SELECT * FROM rating_history; SELECT * FROM drafts; SELECT * FROM meetings; SELECT * FROM actions; SELECT * FROM coaching; SELECT * FROM coaching_events;"
	ics_floor="SELECT m.id, m.uid, s.name, m.agenda, m.at, m.created, m.updated FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id WHERE m.deleted_at IS NULL ORDER BY m.at, m.id; SELECT a.id, a.text, a.due, m.sponsor_id FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.done = '' AND a.deleted_at IS NULL;"
	floor="SELECT rowid, rank, snippet(search_fts, 1, '[', ']', '…', 16) FROM search_fts WHERE search_fts MATCH '$match' ORDER BY rank LIMIT 50"
	echo
	echo "$n action items and $n meetings (taskwarrior: $n tasks; calcurse: $n appointments); medians of $runs alternated runs"
	echo "| work                   | twoway ms wall / CPU | peer ms wall / CPU | ratio (wall)     | ratio (CPU)      | runs' CPU ratios, middle half | target | met (CPU) |"
	echo "|---|---|---|---|---|---|---|---|"
	pair "search one word (task)" ">=10" $runs -- "$tw" --db "$db" search quarterly -- task /quarterly/ count
	pair "search (sqlite3 floor)" "<=1.2" $runs -- "$tw" --db "$db" search quarterly -- sqlite3 "$db" "$floor"
	pair "export JSON (task)" ">=10" $runs -- "$tw" --db "$db" export --format json -- task export
	# the floor: the sqlite3 CLI printing the same tables as JSON
	pair "export JSON (sqlite3)" "floor" $runs -- "$tw" --db "$db" export --format json -- sqlite3 -json "$db" "$json_floor"
	pair "export ics (calcurse)" ">=10" $runs -- "$tw" --db "$db" export --format ics -- calcurse -D "$d/calcurse" --export=ical
	# the floor: the sqlite3 CLI printing the rows an ics is made of
	pair "export ics (sqlite3)" "floor" $runs -- "$tw" --db "$db" export --format ics -- sqlite3 "$db" "$ics_floor"
	pair "list open (task list)" ">=10" $runs -- "$tw" --db "$db" action list --open -- task list
	pair "add one (task add)" ">=10" $runs -- "$tw" --db "$db" action add "one more thing" -- task add one more thing
done

echo
echo "import: a JSON export of N records (meetings, action items, reflections, versions) into an empty database"
echo "(another writer meanwhile, by turns: twoway adding an action item, and the sqlite3 CLI taking the"
echo "write lock with SQLite's own .timeout; each column is the slowest of its writes, start to end)"
echo "| records | median ms | ms per 1,000 | longest write of twoway | longest write of sqlite3 |"
echo "|---|---|---|---|---|"
for n in $sizes; do
	f="$data/import-$n.json"
	[ -f "$f" ] || python3 "$here/gen_peers.py" --import "$n" "$f"
	runs=3
	times="" tw_max=0 sql_max=0
	for _ in $(seq $runs); do
		rm -f "$data/import.db" "$data/import.db-wal" "$data/import.db-shm"
		"$tw" --db "$data/import.db" profile add Probe >/dev/null
		# another writer, by turns: twoway (its own wait for the lock)
		# and sqlite3 (BEGIN IMMEDIATE ... ROLLBACK, SQLite's timeout)
		( while [ ! -f "$data/import.done" ]; do
			echo "tw $(ms "$tw" --db "$data/import.db" --profile Probe action add "written meanwhile")"
			echo "sql $(ms sqlite3 -cmd ".timeout 30000" "$data/import.db" "BEGIN IMMEDIATE; ROLLBACK;")"
		  done >"$data/import.waits" ) &
		probe=$!
		times="$times $(ms "$tw" --db "$data/import.db" import "$f")"
		touch "$data/import.done"
		wait $probe
		rm -f "$data/import.done"
		w=$(awk '$1 == "tw" {print $2}' "$data/import.waits" | sort -n | tail -1)
		[ "${w:-0}" -gt "$tw_max" ] && tw_max=$w
		w=$(awk '$1 == "sql" {print $2}' "$data/import.waits" | sort -n | tail -1)
		[ "${w:-0}" -gt "$sql_max" ] && sql_max=$w
	done
	m=$(echo "$times" | median)
	awk -v n="$n" -v m="$m" -v a="$tw_max" -v b="$sql_max" 'BEGIN {
		printf "| %7d | %9d | %12.1f | %d ms | %d ms |\n", n, m, m * 1000 / n, a, b }'
done

echo
f="$data/reflections-100000.json"
[ -f "$f" ] || python3 "$here/gen_peers.py" --reflections 100000 "$f"
rm -f "$data/refl.db" "$data/refl.db-wal" "$data/refl.db-shm"
"$tw" --db "$data/refl.db" import "$f" >/dev/null
sqlite3 "$data/refl.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
text=$(sqlite3 "$data/refl.db" "SELECT sum(length(text)) FROM reflections")
echo "database size for 100,000 reflections (one version each): $(( $(stat -c %s "$data/refl.db") / 1048576 )) MB; their text: $(( text / 1048576 )) MB"
