/* `twoway import`, second half: after the checks of store_json_import_check.c
 * pass, adds the records that are not here yet, matched by uid (or by their
 * natural key), all in one transaction. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/export.h"
#include "twoway/util.h"


/* Records a problem at a place in the file (no line: the JSON functions do
 * not keep positions); always returns false. */
bool import_bad(struct ctx *c, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	tw_diags_add(c->diags, c->path, 0, 0, "%s", msg);
	c->failed = true;
	return false;
}

/* A value from the file fit to quote in a message: at most 40 characters,
 * control characters and bytes that are not UTF-8 as '?', so that a file
 * can never send escape sequences or line breaks to the terminal. */
const char *import_show(const char *s, char *buf, size_t size)
{
	size_t o = 0, chars = 0, len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len && o + 8 < size;) {
		unsigned cp = 0;
		size_t n = tw_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (++chars > 40) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (!n || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			buf[o++] = '?';
			i += n ? n : 1;
			continue;
		}
		memcpy(buf + o, s + i, n);
		o += n;
		i += n;
	}
	buf[o] = '\0';
	return buf;
}

bool import_db_bad(struct ctx *c, const char *what)
{
	struct tw_error err = { 0 };
	store_fail(c->st, &err, what);
	return import_bad(c, "%s", err.message);
}

bool import_prepare(struct ctx *c, const char *sql, sqlite3_stmt **q)
{
	if (sqlite3_prepare_v2(c->st->db, sql, -1, q, NULL) != SQLITE_OK)
		return import_db_bad(c, "reading the file");
	sqlite3_bind_text(*q, 1, c->buf, (int)c->len, SQLITE_STATIC);
	return true;
}

/* ---- the inserts: ?1 is the file, ?2 is 1 for the pass that keeps each
 * record's id (when free here) and 0 for the pass that numbers the rest.
 * Two profiles of the file can land in one profile here (one by uid, one
 * by name); where that profile keeps one row per item, the first wins
 * (OR IGNORE), as records already here do. ---- */
#define KEEPID "CASE WHEN ?2 THEN j.value->>'id' END"
#define FRESH(t)                                                                 \
	" WHERE NOT EXISTS (SELECT 1 FROM " t " x WHERE x.uid = j.value->>'uid')"  \
	" AND (NOT ?2 OR NOT EXISTS (SELECT 1 FROM " t " x WHERE x.id = j.value->>'id'))"

struct insert {
	bool ids; /* run twice: keeping ids, then numbering the rest */
	const char *sql;
};

static const struct insert inserts[] = {
	{ true,
	  "INSERT INTO profiles(id, uid, name, role, goals, created, deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " V("name") ", " V("role") ", " V("goals") ","
	  " " V("created") ", " V("deleted_at") " FROM json_each(?1, '$.profiles') j"
	  FRESH("profiles")
	  " AND NOT (" V("deleted_at") " IS NULL AND EXISTS (SELECT 1 FROM profiles x"
	  "  WHERE x.name = " V("name") " AND x.deleted_at IS NULL)) ORDER BY j.key" },
	{ true,
	  "INSERT INTO sponsors(id, uid, profile_id, name, title, org, how_met, homework, stage,"
	  " created, updated, deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ", " V("name") ", " V("title") ","
	  " " V("org") ", " V("how_met") ", " V("homework") ","
	  " CASE " V("stage") " WHEN 'mentor' THEN 1 WHEN 'strategizer' THEN 2"
	  "  WHEN 'connector' THEN 3 WHEN 'opportunity-giver' THEN 4 WHEN 'sponsor' THEN 5"
	  "  ELSE 0 END, " V("created") ", " V("updated") ", " V("deleted_at")
	  " FROM json_each(?1, '$.sponsors') j" FRESH("sponsors") " ORDER BY j.key" },
	{ true,
	  "INSERT INTO meetings(id, uid, profile_id, sponsor_id, at, agenda, notes, outcome, held,"
	  " created, updated, deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ","
	  " (SELECT id FROM sponsors WHERE uid = " V("sponsor") "), " V("at") ", " V("agenda") ","
	  " " V("notes") ", " V("outcome") ", " V("held") ", " V("created") ", " V("updated") ","
	  " " V("deleted_at") " FROM json_each(?1, '$.meetings') j" FRESH("meetings")
	  " ORDER BY j.key" },
	{ true,
	  "INSERT INTO actions(id, uid, profile_id, meeting_id, text, owner, due, done, created,"
	  " deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ","
	  " (SELECT id FROM meetings WHERE uid = " V("meeting") "), " V("text") ","
	  " CASE " V("owner") " WHEN 'sponsor' THEN 1 ELSE 0 END, " V("due") ", " V("done") ","
	  " " V("created") ", " V("deleted_at") " FROM json_each(?1, '$.actions') j"
	  FRESH("actions") " ORDER BY j.key" },
	{ true,
	  "INSERT OR IGNORE INTO reflections(id, uid, profile_id, item_id, text, is_private, version,"
	  " created, updated, deleted_at, sealed)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ", " V("item") ", " V("text") ","
	  " " V("private") ", " V("version") ", " V("created") ", " V("updated") ","
	  " " V("deleted_at") ", tw_unhex(" V("sealed") ") FROM json_each(?1, '$.reflections') j" FRESH("reflections")
	  /* an item holds one live reflection: never push another in */
	  " AND NOT (" V("deleted_at") " IS NULL AND " V("item") " IS NOT NULL"
	  "  AND EXISTS (SELECT 1 FROM reflections x WHERE x.profile_id = " PID(V("profile"))
	  "  AND x.item_id = " V("item") " AND x.deleted_at IS NULL)) ORDER BY j.key" },
	{ false,
	  "INSERT INTO reflection_versions(reflection_id, version, text, is_private, saved, sealed)"
	  " SELECT r.id, v.value->>'version', v.value->>'text', v.value->>'private',"
	  " v.value->>'saved', tw_unhex(v.value->>'sealed') FROM json_each(?1, '$.reflections') j"
	  " JOIN reflections r ON r.uid = " V("uid") ", json_each(j.value, '$.versions') v"
	  " WHERE NOT EXISTS (SELECT 1 FROM reflection_versions x"
	  "  WHERE x.reflection_id = r.id AND x.version = v.value->>'version')"
	  " ORDER BY j.key, v.key" },
	{ false,
	  "INSERT OR IGNORE INTO progress(profile_id, item_id, ticked, rating, changed)"
	  " SELECT " PID(V("profile")) ", " V("item") ", " V("ticked") ", " V("rating") ","
	  " " V("changed") " FROM json_each(?1, '$.progress') j"
	  " WHERE NOT EXISTS (SELECT 1 FROM progress x WHERE x.profile_id = " PID(V("profile"))
	  "  AND x.item_id = " V("item") ") ORDER BY j.key" },
	{ false,
	  "INSERT INTO rating_history(profile_id, item_id, rating, at)"
	  " SELECT " PID(V("profile")) ", " V("item") ", " V("rating") ", " V("at")
	  " FROM json_each(?1, '$.ratings') j"
	  " WHERE NOT EXISTS (SELECT 1 FROM rating_history x WHERE x.profile_id = "
	  PID(V("profile")) " AND x.item_id = " V("item") " AND x.rating = " V("rating")
	  "  AND x.at = " V("at") ") ORDER BY j.key" },
	{ false,
	  "INSERT OR IGNORE INTO drafts(profile_id, item_id, text, saved, is_private, sealed)"
	  " SELECT " PID(V("profile")) ", " V("item") ", " V("text") ", " V("saved") ","
	  " coalesce(" V("private") ", 0), tw_unhex(" V("sealed") ")"
	  " FROM json_each(?1, '$.drafts') j"
	  " WHERE NOT EXISTS (SELECT 1 FROM drafts x WHERE x.profile_id = " PID(V("profile"))
	  "  AND x.item_id = " V("item") ") ORDER BY j.key" },
	{ true,
	  "INSERT INTO coaching(id, uid, profile_id, coach, started, ended, notes, covered,"
	  " deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ", " V("coach") ", " V("started") ","
	  " " V("ended") ", " V("notes") ", " V("covered") ", " V("deleted_at")
	  " FROM json_each(?1, '$.coaching') j" FRESH("coaching") " ORDER BY j.key" },
	{ false,
	  "INSERT INTO coaching_events(coaching_id, item_id, what, value, at)"
	  " SELECT (SELECT id FROM coaching WHERE uid = " V("coaching") "), " V("item") ","
	  " " V("what") ", " V("value") ", " V("at") " FROM json_each(?1, '$.coaching_events') j"
	  " WHERE NOT EXISTS (SELECT 1 FROM coaching_events x JOIN coaching s"
	  "  ON s.id = x.coaching_id WHERE s.uid = " V("coaching") " AND x.item_id = " V("item")
	  "  AND x.what = " V("what") ") ORDER BY j.key" },
};

static bool count(struct ctx *c, const char *sql, size_t *n)
{
	sqlite3_stmt *q;
	if (!import_prepare(c, sql, &q))
		return false;
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	if (ok)
		*n += (size_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return ok ? true : import_db_bad(c, "reading the file");
}

static bool insert_all(struct ctx *c, struct tw_import_stats *s)
{
	for (size_t i = 0; i < sizeof inserts / sizeof inserts[0]; i++) {
		for (int pass = inserts[i].ids ? 1 : 0; pass >= 0; pass--) {
			sqlite3_stmt *q;
			if (!import_prepare(c, inserts[i].sql, &q))
				return false;
			sqlite3_bind_int(q, 2, pass);
			int rc = sqlite3_step(q);
			sqlite3_finalize(q);
			if (rc != SQLITE_DONE)
				return import_db_bad(c, "importing");
			s->added += (size_t)sqlite3_changes(c->st->db);
		}
	}
	char sql[160];
	for (size_t i = 0; i < import_nspecs; i++) {
		snprintf(sql, sizeof sql, "SELECT coalesce(json_array_length(?1, '$.%s'), 0)",
			 import_specs[i].section);
		if (!count(c, sql, &s->records))
			return false;
	}
	return count(c, "SELECT count(*) FROM json_each(?1, '$.reflections') j,"
			" json_each(j.value, '$.versions')", &s->records) &&
	       count(c, "SELECT count(*) FROM json_each(?1, '$.reflections') j"
			" WHERE NOT EXISTS (SELECT 1 FROM reflections x WHERE x.uid = " V("uid") ")",
		     &s->conflicts);
}

bool tw_store_import_json(struct tw_store *st, const char *buf, size_t len, const char *path,
			  struct tw_import_stats *stats, struct tw_diags *diags)
{
	struct ctx c = { .st = st, .buf = buf, .len = len, .path = path, .diags = diags };
	struct tw_import_stats s = { 0 };
	if (len > (size_t)0x7fffffff)
		return import_bad(&c, "the file is too large to import");
	if (!tw_export_json_check(buf, len, path, diags))
		return false;
	struct tw_error err = { 0 };
	if (!store_begin(st, &err))
		return import_bad(&c, "%s", err.message);
	/* files from before private was sticky: their private text stays
	 * private; then private text brought into a locked profile is sealed */
	bool ok = import_check_all(&c) && insert_all(&c, &s) &&
		  (store_privacy_sticky(st, 0, &err) || import_bad(&c, "%s", err.message)) &&
		  import_seal(&c, &s);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, &err))
		return import_bad(&c, "%s", err.message);
	store_seal_scrub(st);
	if (stats)
		*stats = s;
	return true;
}
