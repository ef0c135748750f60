# Sourced by the make_v*.sh scripts that rebuild a fixture database with an
# older twoway binary: fixture_begin checks the binary and works in a
# scratch directory; t runs it on the database; fixture_save stores it.
# The script sets out (its own directory) first. fixture_begin TWOWAY DB:
# TW, and a scratch directory (with twoway's data and backups) to work in;
# the database is DB there.
fixture_begin() {
	TW=$(realpath "$1")
	[ -n "$1" ] && [ -x "$TW" ] || { echo "usage: $0 TWOWAY" >&2; exit 2; }
	DB=$2
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cd "$work"
	export XDG_DATA_HOME="$work/data" TWOWAY_BACKUPS="$work/backups"
}

t() { TZ=UTC "$TW" --db "$DB" "$@" >/dev/null; }

# fixture_save NAME: the database, checkpointed, out of WAL mode and
# vacuumed, as NAME beside this script; then says its schema.
fixture_save() {
	sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	sqlite3 "$DB" 'PRAGMA journal_mode = DELETE' >/dev/null
	sqlite3 "$DB" 'VACUUM'
	rm -f "$DB-check"
	cp "$DB" "$out/$1"
	chmod 644 "$out/$1"
	printf '%s: schema ' "$1"
	sqlite3 "$DB" 'PRAGMA user_version' | tr '\n' ' '
	echo
}
