/* `twoway import` of sealed text: the checks (sealed records are private
 * and come with their profile's key material; a locked profile merges only
 * into a profile locked with the same key) and, after the inserts, the key
 * material itself and the sealing of private text brought into a locked
 * profile. Sealed text is copied as it is: nobody reads it on the way. */
#include <stdio.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/seal.h"

/* Runs sql (over the file as ?1); a row is a problem: its first column
 * says where, what says what is wrong. */
static bool refuse_rows(struct ctx *c, const char *sql, const char *what)
{
	sqlite3_stmt *q;
	if (!import_prepare(c, sql, &q))
		return false;
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
#define FILE_LOCKED(u)                                                          \
	"EXISTS (SELECT 1 FROM json_each(?1, '$.profiles') f"                      \
	" WHERE f.value->>'uid' = " u " AND f.value->'lock' IS NOT NULL)"

#define SEALED_MIN "98" /* hex digits of the shortest sealed text */

bool import_check_seal(struct ctx *c)
{
	static const struct {
		const char *sql, *what;
	} checks[] = {
		{ "SELECT 'profiles[' || j.key || '].lock' FROM json_each(?1, '$.profiles') j"
		  " WHERE j.value->'lock' IS NOT NULL AND (length(j.value->'lock'->>'public') <> 64"
		  " OR length(j.value->'lock'->>'key') <> 144"
		  " OR length(j.value->'lock'->>'salt') <> 32"
		  " OR j.value->'lock'->>'memlimit' > 4294967296) ORDER BY j.key LIMIT 1",
		  "the key material is not the size twoway writes" },
		{ "SELECT 'reflections[' || j.key || ']' FROM json_each(?1, '$.reflections') j"
		  " WHERE " V("sealed") " IS NOT NULL AND (NOT " V("private") " OR " V("text")
		  " <> '' OR length(" V("sealed") ") < " SEALED_MIN ") ORDER BY j.key LIMIT 1",
		  "sealed text must be private, with \"text\": \"\"" },
		{ "SELECT 'reflections[' || j.key || '].versions[' || v.key || ']'"
		  " FROM json_each(?1, '$.reflections') j, json_each(j.value, '$.versions') v"
		  " WHERE v.value->>'sealed' IS NOT NULL AND (NOT v.value->>'private'"
		  " OR v.value->>'text' <> '' OR length(v.value->>'sealed') < " SEALED_MIN ")"
		  " ORDER BY j.key, v.key LIMIT 1",
		  "sealed text must be private, with \"text\": \"\"" },
		{ "SELECT 'drafts[' || j.key || ']' FROM json_each(?1, '$.drafts') j"
		  " WHERE " V("sealed") " IS NOT NULL AND (" V("text") " <> ''"
		  " OR length(" V("sealed") ") < " SEALED_MIN ") ORDER BY j.key LIMIT 1",
		  "a sealed draft must have \"text\": \"\"" },
		{ "SELECT 'reflections[' || j.key || ']' FROM json_each(?1, '$.reflections') j"
		  " WHERE (" V("sealed") " IS NOT NULL OR EXISTS (SELECT 1 FROM"
		  "  json_each(j.value, '$.versions') v WHERE v.value->>'sealed' IS NOT NULL))"
		  " AND NOT " FILE_LOCKED(V("profile")) " ORDER BY j.key LIMIT 1",
		  "sealed text, but the file has no key material for its profile" },
		{ "SELECT 'drafts[' || j.key || ']' FROM json_each(?1, '$.drafts') j"
		  " WHERE " V("sealed") " IS NOT NULL AND NOT " FILE_LOCKED(V("profile"))
		  " ORDER BY j.key LIMIT 1",
		  "sealed text, but the file has no key material for its profile" },
		{ "SELECT 'profiles[' || j.key || '] (' || substr(" V("name") ", 1, 60) || ')'"
		  " FROM json_each(?1, '$.profiles') j WHERE j.value->'lock' IS NOT NULL"
		  " AND " PID(V("uid")) " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM profile_keys k"
		  "  WHERE k.profile_id = " PID(V("uid"))
		  "  AND lower(hex(k.public_key)) = j.value->'lock'->>'public')"
		  " ORDER BY j.key LIMIT 1",
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
	if (!import_prepare(c, "INSERT OR IGNORE INTO profile_keys(profile_id, public_key,"
			       " wrapped_key, salt, opslimit, memlimit, created)"
			       " SELECT " PID(V("uid")) ", tw_unhex(j.value->'lock'->>'public'),"
			       " tw_unhex(j.value->'lock'->>'key'), tw_unhex(j.value->'lock'->>'salt'),"
			       " j.value->'lock'->>'opslimit', j.value->'lock'->>'memlimit',"
			       " CAST(strftime('%s', 'now') AS INTEGER)"
			       " FROM json_each(?1, '$.profiles') j WHERE j.value->'lock' IS NOT NULL"
			       " AND " PID(V("uid")) " IS NOT NULL ORDER BY j.key", &q))
		return false;
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return import_db_bad(c, "importing");
	struct tw_error err = { 0 };
	if (!store_seal_locked_all(c->st, &err))
		return import_bad(c, "%s", err.message);
	return true;
}
