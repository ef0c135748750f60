#!/usr/bin/env bash
# The profile lock from the CLI: no plain private text anywhere on disk
# (database, -wal, -shm, temp and export dirs) after locking existing text,
# after writes and after kill -9 during saves; wrong passphrases exit 1 and
# change nothing; passwd, unlock and a JSON round trip keep the text.
. "$(dirname "$0")/lib.sh"

export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR" "$SCRATCH/out"
PASS='correct horse battery'
ITEM=cli-test/debrief/lesson
C=CANARY-b41d

# no_canary WHERE: the canary is nowhere in the database files, the temp
# dir, the export dir or the data dir.
no_canary() {
	CHECKS=$((CHECKS + 1))
	local hits
	hits=$(grep -rlaF "$C" "$DB" "$DB-wal" "$DB-shm" "$TMPDIR" "$SCRATCH/out" \
		"$XDG_DATA_HOME" "$SCRATCH/backups" 2>/dev/null)
	[ -z "$hits" ] || fail "$1: the canary is in: $hits"
}

ok profile add Priya
ok profile use Priya
ok reflect $ITEM --private <<<"$(printf '%s one\n' "$C")"
ok reflect $ITEM --private <<<"$(printf '%s two\n' "$C")"
ok reflect - --private <<<"$(printf '%s free\n' "$C")"
ok reflect cli-test/prepare/homework <<<"$(printf 'public words\n')"
CHECKS=$((CHECKS + 1))
grep -qaF "$C" "$DB" || fail "the canary is not in the database before the lock"
# a backup holding the plain text, as every backup before a lock does
ok backup now
BID=$(grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}-now' <<<"$OUT")
CHECKS=$((CHECKS + 1))
grep -qaF "$C" "$SCRATCH"/backups/*.db || fail "the canary is not in the backup before the lock"

# too short, then a lock of the existing text
before=$(dump)
run profile lock --passphrase-stdin <<<"short"
expect_rc 1 "a short passphrase"
expect_err_has "twoway: a passphrase needs at least 8 characters" "a short passphrase"
CHECKS=$((CHECKS + 1))
[ "$(dump)" = "$before" ] || fail "a refused lock changed the database"
run profile lock --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
expect_rc 0 "profile lock"
# three texts: the two reflections and the earlier version of the first
# (a current version keeps no copy of its reflection's text)
expect_out_has "locked profile 'Priya': 3 private texts sealed" "profile lock"
expect_out_has "the database was rewritten without the plain text, and 2 backups with it" "profile lock"
expect_err_has "If you lose the passphrase, that private text is gone for good" "profile lock"
no_canary "after locking existing text"
# the rewritten backup restores, sealed, and opens with the passphrase
run backup restore "$BID"
expect_rc 0 "restore of a backup sealed by the lock"
no_canary "after restoring a backup taken before the lock"
run history $ITEM --private --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
expect_out_has "$C two" "history after restoring a backup taken before the lock"
unchanged 1 "twoway: profile 'Priya' is already locked (change the passphrase with 'twoway profile passwd')" \
	profile lock --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"

# reads without the key: the marker, never the text or sealed bytes
run history $ITEM --private </dev/null
expect_rc 0 "history without a passphrase"
expect_out_has "(private, locked)" "history without a passphrase"
run search CANARY </dev/null
expect_out_has "2 private reflections are sealed by the profile lock: search could not look in them" "search"
run search public </dev/null
expect_out_has "[public] words" "search of public text"

# wrong passphrases: exit 1, nothing changed
unchanged 1 "twoway: wrong passphrase; nothing was changed" \
	history $ITEM --private --passphrase-stdin <<<"$(printf 'wrong passphrase\n')"
unchanged 1 "twoway: wrong passphrase; nothing was changed" \
	profile unlock --passphrase-stdin <<<"$(printf 'wrong passphrase\n')"
unchanged 1 \
	"twoway: wrong passphrase; nothing was changed" profile passwd --passphrase-stdin <<<"$(printf 'wrong passphrase\nnew passphrase 1\n')"
unchanged 1 "twoway: --passphrase-stdin: no passphrase on standard input" \
	profile unlock --passphrase-stdin </dev/null

# the right one reads every version
run history $ITEM --private --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
expect_rc 0 "history with the passphrase"
expect_out_has "$C one" "history with the passphrase"
expect_out_has "$C two" "history with the passphrase"

# writes need no passphrase and never store the text
ok reflect $ITEM --private <<<"$(printf '%s three\n' "$C")"
ok reflect cli-test/prepare/agenda --private <<<"$(printf '%s four\n' "$C")"
no_canary "after writes"

# kill -9 during saves: whatever is on disk holds no plain text
kills=0
for round in $(seq 1 40); do
	"$TWOWAY" --db "$DB" --content "$CONTENT" reflect $ITEM --private \
		<<<"$C kill $round" >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$(printf '%02d' $((RANDOM % 25)))"
	kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
	no_canary "after kill -9 in round $round"
done
CHECKS=$((CHECKS + 1))
[ $kills -ge 1 ] || fail "no save was killed"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity after the kills"

# exports: the sponsee's JSON keeps the sealed text and the key; a coach's
# copy neither; no file of either holds the text
ok export --format json --out "$SCRATCH/out/full.json"
ok export --format json --coach --out "$SCRATCH/out/coach.json"
ok export --format csv --what actions --out "$SCRATCH/out/actions.csv"
no_canary "after exports"
CHECKS=$((CHECKS + 1))
grep -q '"sealed":"01' "$SCRATCH/out/full.json" && grep -q '"lock":{"public"' "$SCRATCH/out/full.json" ||
	fail "the JSON export lacks the sealed text or the key material"
CHECKS=$((CHECKS + 1))
grep -qE '"sealed"|"lock"' "$SCRATCH/out/coach.json" && fail "the coach's JSON carries sealed text or key material"

# the JSON round trip: restored sealed, read with the same passphrase
R="$SCRATCH/restored.db"
run --db "$R" import "$SCRATCH/out/full.json"
expect_rc 0 "import of the sealed export"
CHECKS=$((CHECKS + 1))
grep -qaF "$C" "$R" && fail "the restored database holds plain text"
run --db "$R" history $ITEM --private --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
expect_out_has "$C three" "history of the restored database"
# a locked profile never merges into a profile here that is not locked the same
M="$SCRATCH/merge.db"
"$TWOWAY" --db "$M" profile add Priya >/dev/null
run --db "$M" import "$SCRATCH/out/full.json"
expect_rc 1 "import into an unlocked profile of the same name"
expect_err_has "profiles[0] (Priya): is locked in the file and would merge into a profile here" "merge"

# passwd: the old passphrase stops working, the text stays
run profile passwd --passphrase-stdin <<<"$(printf '%s\nthe new passphrase\n' "$PASS")"
expect_rc 0 "passwd"
expect_out_has "changed the passphrase of profile 'Priya'" "passwd"
unchanged 1 "twoway: wrong passphrase; nothing was changed" \
	history $ITEM --private --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
run history $ITEM --private --passphrase-stdin <<<"$(printf 'the new passphrase\n')"
expect_out_has "$C two" "history after passwd"
no_canary "after passwd"
# the backups follow the new passphrase: restored, the old one opens nothing
ok backup restore "$BID"
unchanged 1 "twoway: wrong passphrase; nothing was changed" \
	history $ITEM --private --passphrase-stdin <<<"$(printf '%s\n' "$PASS")"
run history $ITEM --private --passphrase-stdin <<<"$(printf 'the new passphrase\n')"
expect_out_has "$C two" "history of a backup restored after passwd"

# unlock: plain text again, searchable, no passphrase asked
run profile unlock --passphrase-stdin <<<"$(printf 'the new passphrase\n')"
expect_rc 0 "unlock"
expect_out_has "unlocked profile 'Priya'" "unlock"
run history $ITEM --private </dev/null
expect_out_has "$C one" "history after unlock"
run search CANARY --private </dev/null
expect_out_has "[CANARY]-b41d two" "search after unlock"
unchanged 1 "twoway: profile 'Priya' is not locked" profile unlock --passphrase-stdin </dev/null
finish
