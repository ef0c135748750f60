#!/usr/bin/env bash
# Backups: the daily one before the first write (0600 files in a 0700
# directory beside the database), `backup list|now|restore`, the keeping
# rule (7 days, 4 weeks) over planted old backups, a failed backup that
# never fails the save, refusals that change nothing, and restoring while
# other processes have the database open and write: the app in tmux, and a
# CLI writer whose backups are consistent snapshots.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

BK="$SCRATCH/backups"
TODAY=$(date +%F)
q() { sqlite3 "$DB" '.timeout 10000' "$@"; }
# qb FILE SQL: reads a backup without touching it (no -wal, no -shm).
qb() { sqlite3 "file:$1?immutable=1" "$2"; }
mode() { stat -c %a "$1"; }
check() { CHECKS=$((CHECKS + 1)); "$@"; }

# ---- the daily backup: before the day's first write, once ----
ok profile add Alice # creates the file: nothing to back up yet
check [ ! -e "$BK" ] || fail "a new database was backed up: $(ls -A "$BK")"
ok action add "first action"
check [ -f "$BK/twoway-$TODAY.db" ] || fail "no daily backup after the first write"
check [ "$(mode "$BK")" = 700 ] || fail "backup dir mode $(mode "$BK")"
check [ "$(mode "$BK/twoway-$TODAY.db")" = 600 ] || fail "backup mode $(mode "$BK/twoway-$TODAY.db")"
# Taken before the write: Alice, but no action yet.
check [ "$(qb "$BK/twoway-$TODAY.db" 'SELECT count(*) FROM actions')" = 0 ] ||
	fail "the daily backup holds the day's first write"
check [ "$(qb "$BK/twoway-$TODAY.db" 'SELECT name FROM profiles')" = Alice ] ||
	fail "the daily backup lacks the profile"
ok action add "second action"
check [ "$(ls "$BK" | grep -c '\.db$')" = 1 ] || fail "a second daily backup: $(ls "$BK")"

run backup list
expect_rc 0 "backup list"
check [ "$(sed -n 1p <<<"$OUT")" = "ID          TAKEN             KIND      SIZE" ] ||
	fail "backup list header: $OUT"
[[ "$(sed -n 2p <<<"$OUT")" == "$TODAY  $TODAY "*"  daily  "*" KiB" ]] ||
	fail "backup list row: $OUT"

# ---- backup now, then restore by date and by id ----
run backup now
expect_rc 0 "backup now"
NOW_ID=$(grep -oE "$TODAY-[0-9]{6}-now" <<<"$OUT")
check [ -n "$NOW_ID" ] || fail "backup now printed no id: $OUT"
check [ "$(qb "$BK/twoway-$NOW_ID.db" 'SELECT count(*) FROM actions')" = 2 ] ||
	fail "backup now lacks the two actions"
ok action add "third action"

run backup restore "$TODAY"
expect_rc 0 "restore by date"
BEFORE_ID=$(grep -oE "$TODAY-[0-9]{6}-restore(-[0-9])?" <<<"$OUT")
check [ -n "$BEFORE_ID" ] || fail "restore named no backup of the state it replaced: $OUT"
check [ "$(q 'SELECT count(*) FROM actions')" = 0 ] || fail "restore by date did not restore"
check [ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity after restore"
check [ "$(qb "$BK/twoway-$BEFORE_ID.db" 'SELECT count(*) FROM actions')" = 3 ] ||
	fail "the state before the restore was not kept"
ok backup restore "$BEFORE_ID"
check [ "$(q 'SELECT group_concat(text, ",") FROM actions')" = "first action,second action,third action" ] ||
	fail "restoring the before-restore backup: $(q 'SELECT text FROM actions')"
ok action list # the CLI works on the restored file
expect_out_has "third action" "action list after restores"

# ---- refusals change nothing ----
unchanged 1 "twoway: there is no backup '2001-01-01'; 'twoway backup list' shows the backups there are" \
	backup restore 2001-01-01
unchanged 1 "twoway: '2001-02-30' is not a backup date (YYYY-MM-DD) or id; 'twoway backup list' shows the backups there are" \
	backup restore 2001-02-30
unchanged 2 "twoway backup restore: missing the DATE or ID of the backup" backup restore
# A damaged backup is refused before anything happens.
cp "$BK/twoway-$NOW_ID.db" "$BK/twoway-2001-01-01.db"
printf 'garbage garbage garbage' | dd of="$BK/twoway-2001-01-01.db" bs=1 seek=4096 conv=notrunc 2>/dev/null
printf 'garbage garbage garbage' | dd of="$BK/twoway-2001-01-01.db" bs=1 seek=8200 conv=notrunc 2>/dev/null
nb=$(ls "$BK" | wc -l)
run backup restore 2001-01-01
expect_rc 1 "restore a damaged backup"
expect_err_has "is damaged" "restore a damaged backup"
check [ "$(ls "$BK" | wc -l)" = "$nb" ] || fail "a refused restore left files: $(ls -A "$BK")"
check [ "$(q 'SELECT count(*) FROM actions')" = 3 ] || fail "a refused restore changed the database"
rm -f "$BK/twoway-2001-01-01.db"

# ---- the keeping rule, over planted backups of the last 60 days ----
# Expected, computed here independently: kept when at most 6 days old, or
# the newest of its Monday week when that week starts at most 21 days
# before this week's Monday.
day() { date -d "$TODAY -$1 days" +%F; }
monday_of() { date -d "$1 -$(($(date -d "$1" +%u) - 1)) days" +%F; }
this_monday=$(monday_of "$TODAY")
oldest_week=$(date -d "$this_monday -21 days" +%F)
for n in $(seq 1 60); do
	cp "$BK/twoway-$NOW_ID.db" "$BK/twoway-$(day "$n").db"
done
cp "$BK/twoway-$NOW_ID.db" "$BK/twoway-$(day 9)-120000-now.db"
cp "$BK/twoway-$NOW_ID.db" "$BK/other-$(day 50).db" # another database's
echo notes >"$BK/notes.txt"
ls "$BK" | grep '^twoway-.*\.db$' | sed 's/^twoway-//; s/\.db$//' | sort >"$SCRATCH/planted"
declare -A week newest
while read -r id; do
	week[$id]=$(monday_of "${id:0:10}")
	w=${week[$id]}
	[[ -z "${newest[$w]:-}" || "$id" > "${newest[$w]}" ]] && newest[$w]=$id
done <"$SCRATCH/planted"
want=()
now_s=$(date -d "$TODAY" +%s)
while read -r id; do
	age=$(( (now_s - $(date -d "${id:0:10}" +%s)) / 86400 ))
	if [ $age -le 6 ]; then want+=("$id"); continue; fi
	w=${week[$id]}
	[[ "$w" < "$oldest_week" ]] && continue
	[ "${newest[$w]}" = "$id" ] && want+=("$id")
done <"$SCRATCH/planted"
run backup now
expect_rc 0 "backup now prunes"
NOW2=$(grep -oE "$TODAY-[0-9]{6}-now(-[0-9])?" <<<"$OUT")
want+=("$NOW2")
got=$(ls "$BK" | grep '^twoway-.*\.db$' | sed 's/^twoway-//; s/\.db$//' | sort)
check [ "$got" = "$(printf '%s\n' "${want[@]}" | sort -u)" ] ||
	fail "kept backups differ:
$(diff <(printf '%s\n' "${want[@]}" | sort -u) <(echo "$got"))"
check [ -e "$BK/other-$(day 50).db" ] && [ -e "$BK/notes.txt" ] ||
	fail "pruning removed files that are not this database's backups"
# 7 days, plus at most 4 weeks' newest.
check [ "$(grep -c . <<<"$got")" -le 13 ] || fail "too many backups kept: $got"

# ---- a damaged database: restore puts the backup in place, keeps it aside ----
DB="$SCRATCH/dmg/twoway.db"
mkdir -p "$SCRATCH/dmg"
ok profile add Dora
ok action add "kept by the backup"
ok action add "lost with the damage"
for off in 4096 8192 12288; do
	printf 'garbage garbage garbage garbage' | dd of="$DB" bs=1 seek=$off conv=notrunc 2>/dev/null
done
run action list
expect_rc 1 "a damaged database is refused"
run backup restore "$TODAY"
expect_rc 0 "restoring over a damaged database"
expect_out_has "the damaged database is kept as $DB.damaged-$TODAY-" "restore names the damaged file"
check [ "$(ls "$SCRATCH/dmg" | grep -c '^twoway.db.damaged-')" = 1 ] || fail "damaged file not kept: $(ls "$SCRATCH/dmg")"
check [ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity after restoring over damage"
check [ "$(mode "$DB")" = 600 ] || fail "restored file mode $(mode "$DB")"
ok action list
check [ "$(q 'SELECT count(*) FROM actions')" = 0 ] && [ "$(q 'SELECT name FROM profiles')" = Dora ] ||
	fail "the day's backup (before the first action) was not restored: $(q 'SELECT text FROM actions')"
DB="$SCRATCH/twoway.db"

# ---- a failed backup never fails the save ----
DB="$SCRATCH/other/twoway.db"
mkdir -p "$SCRATCH/other"
ok profile add Bob
echo "not a directory" >"$SCRATCH/other/backups"
run action add "saved anyway"
expect_rc 0 "a write whose backup fails"
expect_err "twoway: warning: today's automatic backup failed (your change is saved): '$SCRATCH/other/backups' is not a directory" \
	"the failed backup is said"
check [ "$(q "SELECT text FROM actions")" = "saved anyway" ] || fail "the write was lost"
rm "$SCRATCH/other/backups"
# A looser backup directory is tightened.
mkdir -m 755 "$SCRATCH/other/backups"
ok action add "next day-ish"
ok backup now
check [ "$(mode "$SCRATCH/other/backups")" = 700 ] || fail "backup dir left at $(mode "$SCRATCH/other/backups")"
DB="$SCRATCH/twoway.db"

# ---- backups taken while another process writes are snapshots ----
writer() {
	local i
	for ((i = 1; i <= 100; i++)); do
		tw action add "bg-$i" >/dev/null 2>>"$SCRATCH/writer-err" || echo "bg-$i failed" >>"$SCRATCH/writer-err"
	done
}
: >"$SCRATCH/writer-err"
ok action add "before the writer"
writer &
wpid=$!
ids=()
for _ in 1 2 3; do
	until [ "$(q 'SELECT count(*) FROM actions WHERE text LIKE "bg-%"')" -gt $((${#ids[@]} * 20 + 5)) ]; do
		sleep 0.1
	done
	run backup now
	expect_rc 0 "backup now while another process writes"
	ids+=("$(grep -oE "$TODAY-[0-9]{6}-now(-[0-9])?" <<<"$OUT")")
done
# A restore in the middle of the writer: it waits for the lock, then wins.
run backup restore "${ids[0]}"
expect_rc 0 "restore while another process writes"
wait $wpid
check [ ! -s "$SCRATCH/writer-err" ] || fail "the writer saw errors: $(head -3 "$SCRATCH/writer-err")"
check [ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity after a restore under writes"
for id in "${ids[@]}"; do
	f="$BK/twoway-$id.db"
	check [ "$(qb "$f" 'PRAGMA integrity_check')" = ok ] || fail "backup $id damaged"
	# The writer adds bg-1, bg-2, ... in order: a snapshot holds 1..k.
	n=$(qb "$f" "SELECT count(*) FROM actions WHERE text LIKE 'bg-%'")
	mx=$(qb "$f" "SELECT coalesce(max(CAST(substr(text, 4) AS INTEGER)), 0) FROM actions WHERE text LIKE 'bg-%'")
	check [ "$n" = "$mx" ] && [ "$n" -gt 0 ] || fail "backup $id is not a snapshot: $n rows, max bg-$mx"
	ok backup restore "$id"
	check [ "$(q "SELECT count(*) FROM actions WHERE text LIKE 'bg-%'")" = "$n" ] ||
		fail "restoring $id gave $(q "SELECT count(*) FROM actions WHERE text LIKE 'bg-%'") rows, not $n"
	check [ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity after restoring $id"
done

# ---- restore under the app's feet: it keeps working ----
tui_setup_shared() {
	SOCK="twoway-test-$$-$RANDOM"
	trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
}
tui_setup_shared
DB="$SCRATCH/app/twoway.db"
mkdir -p "$SCRATCH/app"
ok profile add Carol
ok action add "visible before"
ok backup now
RESTORE_ID=$(grep -oE "$TODAY-[0-9]{6}-now(-[0-9])?" <<<"$OUT")
ok action add "gone after the restore"
tui_start 100 30 -- --content "$CONTENT"
tui_wait "a actions"
tui_keys a
tui_wait "gone after the restore"
run backup restore "$RESTORE_ID"
expect_rc 0 "restore while the app has the database open"
# The app sees the restored state by itself (it watches for other windows).
tui_wait_gone "gone after the restore"
tui_wait "visible before"
# And it still writes: add an action from the app's actions screen.
tui_keys a
tui_wait "New action item"
tui_type "written by the app after the restore"
tui_keys C-s
tui_wait "added"
tui_wait "written by the app after the restore"
tui_keys q q
tui_wait_exit 10
check [ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity after the app wrote"
check [ "$(q "SELECT count(*) FROM actions WHERE text = 'written by the app after the restore'")" = 1 ] ||
	fail "the app's write after the restore is missing"
tmux -L "$SOCK" kill-server 2>/dev/null
finish
