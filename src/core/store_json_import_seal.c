/* `twoway import` of sealed text: the checks (sealed records are private
 * and come with their profile's key material; a locked profile merges only
 * into a profile locked with the same key) and, after the inserts, the key
 * material itself and the sealing of private text brought into a locked
 * profile. Sealed text is copied as it is: nobody reads it on the way. */
#include <stdio.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/seal.h"

/* Runs sql (over the staged file); a row is a problem: its first column
 * says where, what says what is wrong. */
static bool refuse_rows(struct ctx *c, const char *sql, const char *what)
{
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, sql, &q, &err))
		return import_bad(c, "%s", err.message);
	int rc = sqlite3_step(q);
	bool ok = rc == SQLITE_DONE;
	if (rc == SQLITE_ROW)
		import_bad(c, "%s: %s", (const char *)sqlite3_column_text(q, 0), what);
	else if (!ok)
		import_db_bad(c, "reading the file");
	sqlite3_finalize(q);
	return ok;
}

/* The file's profile uid u has a lock in the file. */
#define FILE_LOCKED(u) "EXISTS (SELECT 1 FROM temp.stage_locks l WHERE l.uid = " u ")"

#define SEALED_MIN "98" /* hex digits of the shortest sealed text */

bool import_check_seal(struct ctx *c)
{
	static const struct {
		const char *sql, *what;
	} checks[] = {
		{ "SELECT 'profiles[' || k || '].lock' FROM temp.stage_locks"
		  " WHERE length(public) <> 64 OR length(key) <> 144 OR length(salt) <> 32"
		  " OR memlimit > 4294967296 ORDER BY k LIMIT 1",
		  "the key material is not the size twoway writes" },
		{ "SELECT 'reflections[' || j.k || ']' FROM temp.stage_reflections j"
		  " WHERE " V("sealed") " IS NOT NULL AND (NOT " V("private") " OR " V("text")
		  " <> '' OR length(" V("sealed") ") < " SEALED_MIN ") ORDER BY j.k LIMIT 1",
		  "sealed text must be private, with \"text\": \"\"" },
		{ "SELECT 'reflections[' || v.r || '].versions[' || v.k || ']'"
		  " FROM temp.stage_versions v"
		  " WHERE v.sealed IS NOT NULL AND (NOT v.private"
		  " OR v.text <> '' OR length(v.sealed) < " SEALED_MIN ")"
		  " ORDER BY v.r, v.k LIMIT 1",
		  "sealed text must be private, with \"text\": \"\"" },
		{ "SELECT 'drafts[' || j.k || ']' FROM temp.stage_drafts j"
		  " WHERE " V("sealed") " IS NOT NULL AND (" V("text") " <> ''"
		  " OR length(" V("sealed") ") < " SEALED_MIN ") ORDER BY j.k LIMIT 1",
		  "a sealed draft must have \"text\": \"\"" },
		{ "SELECT 'reflections[' || j.k || ']' FROM temp.stage_reflections j"
		  " WHERE (" V("sealed") " IS NOT NULL OR EXISTS (SELECT 1 FROM"
		  "  temp.stage_versions v WHERE v.r = j.k AND v.sealed IS NOT NULL))"
		  " AND NOT " FILE_LOCKED(V("profile")) " ORDER BY j.k LIMIT 1",
		  "sealed text, but the file has no key material for its profile" },
		{ "SELECT 'drafts[' || j.k || ']' FROM temp.stage_drafts j"
		  " WHERE " V("sealed") " IS NOT NULL AND NOT " FILE_LOCKED(V("profile"))
		  " ORDER BY j.k LIMIT 1",
		  "sealed text, but the file has no key material for its profile" },
		{ "SELECT 'profiles[' || j.k || '] (' || substr(" V("name") ", 1, 60) || ')'"
		  " FROM temp.stage_profiles j JOIN temp.stage_locks l ON l.k = j.k"
		  " WHERE " PID(V("uid")) " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM profile_keys k"
		  "  WHERE k.profile_id = " PID(V("uid"))
		  "  AND lower(hex(k.public_key)) = l.public)"
		  " ORDER BY j.k LIMIT 1",
		  "is locked in the file and would merge into a profile here that is not "
		  "locked with the same key; import it into another database" },
	};
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (!refuse_rows(c, checks[i].sql, checks[i].what))
			return false;
	return true;
}

bool import_seal(struct ctx *c, struct tw_import_stats *s)
{
	(void)s;
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, "INSERT OR IGNORE INTO profile_keys(profile_id, public_key,"
			       " wrapped_key, salt, opslimit, memlimit, created)"
			       " SELECT " PID("j.uid") ", tw_unhex(j.public), tw_unhex(j.key),"
			       " tw_unhex(j.salt), j.opslimit, j.memlimit,"
			       " CAST(strftime('%s', 'now') AS INTEGER)"
			       " FROM temp.stage_locks j WHERE " PID("j.uid") " IS NOT NULL"
			       " ORDER BY j.k", &q, &err))
		return import_bad(c, "%s", err.message);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return import_db_bad(c, "importing");
	if (!store_seal_locked_all(c->st, &err))
		return import_bad(c, "%s", err.message);
	return true;
}
