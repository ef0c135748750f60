#!/bin/sh
# Rebuilds the store's database fixtures with the sqlite3 shell:
#   v1.db          the version-1 twoway schema with a few rows (v1.sql)
#   too_new.db     a twoway database from a future schema (user_version 99)
#   foreign.db     another program's SQLite file (its own table, no ids)
#   foreign_app.db an SQLite file stamped with another application_id
set -e
cd "$(dirname "$0")"
rm -f v1.db too_new.db foreign.db foreign_app.db
sqlite3 v1.db < v1.sql
sqlite3 v1.db 'VACUUM'
sed 's/PRAGMA user_version = 1;/PRAGMA user_version = 99;/' v1.sql | sqlite3 too_new.db
sqlite3 foreign.db "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO notes(body) VALUES ('someone else''s data');"
sqlite3 foreign_app.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);
PRAGMA application_id = 305419896; PRAGMA user_version = 1;"
for f in *.db; do
	printf '%s: ' "$f"
	sqlite3 "$f" 'PRAGMA user_version' | tr '\n' ' '
	sqlite3 "$f" 'PRAGMA application_id'
done
