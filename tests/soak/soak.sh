#!/usr/bin/env bash
# The long crash soak behind `make soak` (not part of `make test`): two CLI
# writers at once, each killing its own writes with SIGKILL at random
# moments (tests/e2e/kill_lib.sh), while the app runs in tmux with the
# editor open, autosaving drafts every 100 ms and saving with Ctrl-S, and
# is itself killed again and again. It runs until SOAK_KILLS (1000) CLI
# writes were killed, checking all along that the database passes
# integrity_check and that every acknowledged write is still there: each
# CLI write that exited 0, and each text the app had committed (a draft
# seen in the database, or a save the app reported) before its kill.
# Prints the figures at the end; exits 1 on the first loss.
here=$(cd "$(dirname "$0")/../e2e" && pwd)
. "$here/lib.sh"
. "$here/kill_lib.sh"
. "$here/tui_lib.sh"

KILLS_WANTED=${SOAK_KILLS:-1000}
SOCK="twoway-soak-$$-$RANDOM"
trap 'touch "$SCRATCH/stop"; tmux -L "$SOCK" kill-server 2>/dev/null; wait; rm -rf "$SCRATCH"' EXIT
tui_test_guide "$SCRATCH/content"
ITEM=zz-test/one/w
START=$SECONDS

ok profile add soak

# writer NAME: kill rounds until the stop file shows; a write that fails
# by itself (not killed) is a failure, recorded in err-NAME.
writer() {
	local name=$1
	: >"$SCRATCH/done-$name"
	while [ ! -e "$SCRATCH/stop" ]; do
		if ! kill_round "$name" "$SCRATCH/done-$name"; then
			echo "write failed (exit $KILL_RC): $(cat "$SCRATCH/write-err-$name")" \
				>>"$SCRATCH/err-$name"
			break
		fi
		[ $KILL_RC -eq 137 ] && echo >>"$SCRATCH/kills-$name"
		echo "$KILL_ROUNDS $KILL_KILLS $KILL_ACKED $KILL_W" >"$SCRATCH/stats-$name"
	done
}

cli_kills() {
	local n=0 f
	for f in "$SCRATCH"/kills-w1 "$SCRATCH"/kills-w2; do
		[ -e "$f" ] && n=$((n + $(wc -l <"$f")))
	done
	echo $n
}

# The app's text (the draft, else the saved text) holds every marker in
# app-acked: it only ever grows, so a lost commit shows. The saved text is
# the reflection's own (since schema 12 its newest version row keeps no
# copy of it).
SAVED="SELECT text FROM reflections WHERE item_id = '$ITEM' AND deleted_at IS NULL
	ORDER BY id DESC LIMIT 1"
app_text() {
	sqlite3 "$DB" '.timeout 10000' "SELECT coalesce(
		(SELECT text FROM drafts WHERE item_id = '$ITEM'), ($SAVED), '')"
}
app_saved() {
	sqlite3 "$DB" '.timeout 10000' "$SAVED"
}
app_verify() {
	local text m
	text=$(app_text)
	while read -r m; do
		case "$text" in *"$m"*) ;; *) fail "app: '$m' was committed, now lost"; return 1 ;; esac
	done <"$SCRATCH/app-acked"
}

# One life of the app: open the editor, type markers until each is seen
# committed (a draft, or every third a Ctrl-S save), type on, then kill -9
# at a random moment.
APP_LIVES=0 APP_ACKED=0 APP_SAVES=0
: >"$SCRATCH/app-acked"
app_life() {
	APP_LIVES=$((APP_LIVES + 1))
	tui_start 100 30 TWOWAY_DRAFT_INTERVAL_MS=100 -- --content "$SCRATCH/content"
	tui_open_test_guide
	tui_keys j j j Enter
	tui_wait "characters" 30
	local k marker
	for k in 1 2 3; do
		marker="app-$APP_LIVES-$k"
		tui_type " $marker"
		local what=app_text
		if [ $((APP_LIVES % 3)) -eq 0 ] && [ $k -eq 3 ]; then
			tui_keys C-s
			what=app_saved
			APP_SAVES=$((APP_SAVES + 1))
		fi
		local i
		for i in $(seq 1 300); do
			$what | grep -qF -- "$marker" && break
			sleep 0.1
		done
		$what | grep -qF -- "$marker" || tui_fail "app: '$marker' not stored in 30 s ($what)"
		echo "$marker" >>"$SCRATCH/app-acked"
		APP_ACKED=$((APP_ACKED + 1))
	done
	tui_type " typed-on-$APP_LIVES"
	kill_sleep $((RANDOM % 1000))
	local pid child
	pid=$(tmux -L "$SOCK" list-panes -F '#{pane_pid}')
	child=$(pgrep -P "$pid" -f twoway || true)
	kill -KILL "${child:-$pid}" 2>/dev/null
	for i in $(seq 1 100); do [ -s "$SCRATCH/exit" ] && break; sleep 0.1; done
}

writer w1 &
writer w2 &
while [ "$(cli_kills)" -lt "$KILLS_WANTED" ]; do
	app_life
	app_verify || break
	cat "$SCRATCH/done-w1" "$SCRATCH/done-w2" >"$SCRATCH/done-all"
	if ! kill_verify "$SCRATCH/done-all"; then
		fail "after $(cli_kills) CLI kills: $KILL_WHY"
		break
	fi
	if [ -s "$SCRATCH/err-w1" ] || [ -s "$SCRATCH/err-w2" ]; then
		fail "a writer failed: $(cat "$SCRATCH"/err-w* 2>/dev/null | head -3)"
		break
	fi
	echo "soak: $(cli_kills) CLI kills, $APP_LIVES app kills, $((SECONDS - START)) s"
done
touch "$SCRATCH/stop"
wait
tmux -L "$SOCK" kill-server 2>/dev/null

# The end: integrity, every acknowledged write, and the CLI's own listings.
cat "$SCRATCH/done-w1" "$SCRATCH/done-w2" >"$SCRATCH/done-all"
CHECKS=$((CHECKS + 3))
kill_verify "$SCRATCH/done-all" || fail "at the end: $KILL_WHY"
app_verify
run action list
expect_rc 0 "action list"
missing=$(grep -F -- '-act-' "$SCRATCH/done-all" | grep -vxFf <(grep -oE 'w[12]-act-[0-9]+' <<<"$OUT"))
[ -z "$missing" ] || fail "action list lacks acknowledged items: $(head -3 <<<"$missing")"
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed at the end"

read -r r1 k1 a1 w1 <"$SCRATCH/stats-w1"
read -r r2 k2 a2 w2 <"$SCRATCH/stats-w2"
echo "soak figures: $((SECONDS - START)) s; CLI writers: $((r1 + r2)) writes," \
	"$((k1 + k2)) killed, $((a1 + a2)) acknowledged ($a1 + $a2), kill windows $w1/$w2 ms;" \
	"app: $APP_LIVES lives killed, $APP_ACKED commits acknowledged ($APP_SAVES saves);" \
	"rows: $(sqlite3 "$DB" 'SELECT count(*) FROM actions') action items," \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM reflection_versions') reflection versions;" \
	"db $(stat -c %s "$DB") bytes"
finish
