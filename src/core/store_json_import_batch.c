/* How `twoway import` writes without holding the write lock for long and
 * stays all or nothing: the records go in batches, each its own short
 * transaction, under stand-in profiles (a negative id no profile row has,
 * so no reader reaches them: every reader goes through a profile), and
 * one last short transaction swaps each stand-in for its real profile.
 * A kill leaves stand-in rows behind; the next open removes them. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_json_import.h"
#include "twoway/util.h"

/* The tables whose rows carry profile_id, children first (the order rows
 * are removed in). */
static const char *const owned[] = { "actions",	      "reflections", "progress", "rating_history",
				     "drafts",	      "meetings",    "checkups", "sponsors",
				     "coaching" };
#define NOWNED (sizeof owned / sizeof owned[0])

bool import_batch_begin(struct ctx *c, bool own)
{
	struct tw_error err = { 0 };
	return !own || store_begin(c->st, &err) || import_bad(c, "%s", err.message);
}

bool import_batch_end(struct ctx *c, bool own, bool ok)
{
	if (!own)
		return ok;
	struct tw_error err = { 0 };
	if (!ok) {
		store_rollback(c->st);
		return false;
	}
	if (!store_commit(c->st, &err))
		return import_bad(c, "%s", err.message);
	/* a writer waiting for the lock (another window saving) goes now,
	 * not after the whole import */
	store_busy_gap(&c->gap_ms);
	return true;
}

bool import_stand_ins_begin(struct ctx *c)
{
	/* every profile the file names, by uid; real: the profile here it
	 * merges into */
	char sql[256];
	if (sqlite3_exec(c->st->db, "DROP TABLE IF EXISTS temp.import_pid;"
				    "CREATE TEMP TABLE import_pid(uid TEXT PRIMARY KEY, hid INTEGER,"
				    " real INTEGER, fdel INTEGER, new INTEGER NOT NULL DEFAULT 0);"
				    "INSERT OR IGNORE INTO temp.import_pid(uid)"
				    " SELECT uid FROM temp.stage_profiles",
			 NULL, NULL, NULL) != SQLITE_OK)
		return import_db_bad(c, "importing");
	for (size_t i = 0; i < import_nspecs; i++) {
		bool has = false;
		for (const struct field *f = import_specs[i].fields; f->name; f++)
			has = has || strcmp(f->name, "profile") == 0;
		if (!has)
			continue;
		snprintf(sql, sizeof sql,
			 "INSERT OR IGNORE INTO temp.import_pid(uid) SELECT DISTINCT profile"
			 " FROM temp.stage_%s WHERE profile IS NOT NULL",
			 import_specs[i].section);
		if (sqlite3_exec(c->st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return import_db_bad(c, "importing");
	}
	/* a profile here: a stand-in with a random negative id (two imports
	 * at once never share one) */
	if (sqlite3_exec(c->st->db,
			 "UPDATE temp.import_pid SET real = " PID("import_pid.uid") ";"
			 "UPDATE temp.import_pid SET hid = -1 - (random() & 4611686018427387903)"
			 " WHERE real IS NOT NULL",
			 NULL, NULL, NULL) != SQLITE_OK)
		return import_db_bad(c, "importing");
	return true;
}

bool import_stand_ins_note(struct ctx *c, bool own)
{
	/* a new profile is its own stand-in: its row went in with deleted_at
	 * -1, which every reader passes over, and keeps the file's value
	 * (fdel) for the end */
	if (sqlite3_exec(c->st->db,
			 "UPDATE temp.import_pid SET hid = " PID("import_pid.uid") ", new = 1,"
			 " fdel = (SELECT deleted_at FROM temp.stage_profiles f"
			 "  WHERE f.uid = import_pid.uid) WHERE real IS NULL",
			 NULL, NULL, NULL) != SQLITE_OK)
		return import_db_bad(c, "importing");
	if (!own)
		return true;
	/* The stand-ins are noted, with this process, in the transaction
	 * before any record goes in: whoever opens the file after a kill
	 * removes what they hold. */
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	bool ok = store_prepare(c->st, "INSERT INTO settings(key, value)"
				       " SELECT 'import:' || hid, ?1 FROM temp.import_pid",
				&q, &err);
	if (ok) {
		sqlite3_bind_int64(q, 1, (sqlite3_int64)getpid());
		ok = store_step_done(c->st, q, &err, "importing");
	}
	return ok || import_bad(c, "%s", err.message);
}

bool import_stand_ins_end(struct ctx *c, bool own)
{
	/* the rows of a stand-in with a negative id name a profile that no
	 * row has until the end: in a caller's transaction checked at its
	 * commit, else not checked until the last transaction */
	const char *sql = own ? "PRAGMA foreign_keys = OFF" : "PRAGMA defer_foreign_keys = ON";
	return sqlite3_exec(c->st->db, sql, NULL, NULL, NULL) == SQLITE_OK ||
	       import_db_bad(c, "importing");
}

void import_batches_done(struct ctx *c)
{
	sqlite3_exec(c->st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

bool import_unhide(struct ctx *c)
{
	/* new profiles: one row each */
	if (sqlite3_exec(c->st->db,
			 "UPDATE profiles SET deleted_at = (SELECT fdel FROM temp.import_pid m"
			 " WHERE m.hid = profiles.id) WHERE deleted_at = -1"
			 " AND id IN (SELECT hid FROM temp.import_pid WHERE new);"
			 "DELETE FROM settings WHERE key IN (SELECT 'import:' || hid"
			 " FROM temp.import_pid WHERE new)",
			 NULL, NULL, NULL) != SQLITE_OK)
		return import_db_bad(c, "importing");
	/* records into a profile that was here: moved from the stand-in */
	for (size_t i = 0; i < NOWNED; i++) {
		char sql[320];
		/* a row that a write since the batches now collides with (an
		 * item's one live reflection, a tick, a draft) stays behind
		 * and is removed with the stand-in: what is here first wins,
		 * as in any import */
		snprintf(sql, sizeof sql,
			 "UPDATE OR IGNORE %s SET profile_id = (SELECT real FROM temp.import_pid m"
			 " WHERE m.hid = %s.profile_id) WHERE profile_id IN"
			 " (SELECT hid FROM temp.import_pid WHERE NOT new)",
			 owned[i], owned[i]);
		if (sqlite3_exec(c->st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return import_db_bad(c, "importing");
	}
	return true;
}

/* Removes what stand-in hid holds, IMPORT_BATCH rows per statement, each
 * its own transaction when own; then its note. */
static bool discard(struct tw_store *st, int64_t hid, bool own, size_t *gone)
{
	static const char *const children[] = {
		"DELETE FROM coaching_events WHERE rowid IN (SELECT e.rowid FROM coaching_events e"
		" JOIN coaching s ON s.id = e.coaching_id WHERE s.profile_id = ?1 LIMIT ?2)",
		"DELETE FROM reflection_versions WHERE rowid IN (SELECT v.rowid FROM"
		" reflection_versions v JOIN reflections r ON r.id = v.reflection_id"
		" WHERE r.profile_id = ?1 LIMIT ?2)",
	};
	struct tw_error err = { 0 };
	/* a positive id is a new profile's: its rows only while it is
	 * hidden (never a profile anyone sees) */
	bool rows = hid < 0 ||
		    store_exists(st, "SELECT 1 FROM profiles WHERE id = ?1 AND deleted_at = -1 AND ?2 = ?2",
				 hid, 0, "", &err);
	for (size_t i = 0; rows && i < 2 + NOWNED; i++) {
		char sql[320];
		if (i < 2)
			snprintf(sql, sizeof sql, "%s", children[i]);
		else
			snprintf(sql, sizeof sql,
				 "DELETE FROM %s WHERE rowid IN (SELECT rowid FROM %s"
				 " WHERE profile_id = ?1 LIMIT ?2)",
				 owned[i - 2], owned[i - 2]);
		for (int n = 1; n > 0;) {
			sqlite3_stmt *q;
			if (own && !store_begin(st, &err))
				return false;
			bool ok = store_prepare(st, sql, &q, &err);
			if (ok) {
				sqlite3_bind_int64(q, 1, hid);
				sqlite3_bind_int64(q, 2, IMPORT_BATCH);
				ok = store_step_done(st, q, &err, "removing an unfinished import");
			}
			n = ok ? sqlite3_changes(st->db) : 0;
			*gone += (size_t)n;
			if (own && !(ok ? store_commit(st, &err) : (store_rollback(st), false)))
				return false;
			if (!ok)
				return false;
		}
	}
	sqlite3_stmt *q;
	if (own && !store_begin(st, &err))
		return false;
	/* a new profile's row, while the import had not shown it */
	bool ok = store_prepare(st, "DELETE FROM profiles WHERE id = ?1 AND deleted_at = -1", &q,
				&err);
	if (ok) {
		sqlite3_bind_int64(q, 1, hid);
		ok = store_step_done(st, q, &err, "removing an unfinished import");
	}
	ok = ok && store_prepare(st, "DELETE FROM settings WHERE key = 'import:' || ?1", &q, &err);
	if (ok) {
		sqlite3_bind_int64(q, 1, hid);
		ok = store_step_done(st, q, &err, "removing an unfinished import");
	}
	if (own && !(ok ? store_commit(st, &err) : (store_rollback(st), false)))
		return false;
	return ok;
}

/* Private text under a stand-in may have been plain on the way to a
 * locked profile: gone rows are scrubbed as sealing scrubs. */
static void scrub_after(struct tw_store *st, size_t gone)
{
	struct tw_error err = { 0 };
	if (gone && store_exists(st, "SELECT 1 FROM profile_keys WHERE ?1 = ?2", 0, 0, "", &err)) {
		st->scrub = true;
		store_seal_scrub(st);
	}
}

void import_discard(struct ctx *c, bool own, bool all)
{
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, "SELECT hid FROM temp.import_pid WHERE ?1 OR NOT new", &q, &err))
		return;
	sqlite3_bind_int(q, 1, all);
	size_t n = 0, cap = 0, gone = 0;
	int64_t *hids = NULL;
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (!tw_grow((void **)&hids, &cap, n, sizeof *hids))
			break;
		hids[n++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < n; i++)
		if (!discard(c->st, hids[i], own, &gone))
			break; /* what is left, the next open removes */
	free(hids);
	if (own)
		scrub_after(c->st, gone);
}

void store_import_sweep(struct tw_store *st)
{
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!sqlite3_get_autocommit(st->db) ||
	    !store_prepare(st, "SELECT CAST(substr(key, 8) AS INTEGER), CAST(value AS INTEGER)"
			       " FROM settings WHERE key >= 'import:' AND key < 'import;'",
			   &q, &err))
		return;
	size_t n = 0, cap = 0, gone = 0;
	int64_t *hids = NULL;
	while (sqlite3_step(q) == SQLITE_ROW) {
		pid_t pid = (pid_t)sqlite3_column_int64(q, 1);
		/* (a new profile's note goes in the transaction that shows it,
		 * so a note names a hidden profile or a negative stand-in;
		 * discard removes only those rows) */
		/* the import is still running (the note is its process's) */
		if (pid > 0 && (kill(pid, 0) == 0 || errno == EPERM))
			continue;
		if (!tw_grow((void **)&hids, &cap, n, sizeof *hids))
			break;
		hids[n++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < n; i++)
		if (!discard(st, hids[i], true, &gone))
			break;
	free(hids);
	scrub_after(st, gone);
}
