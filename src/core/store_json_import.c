/* `twoway import`: parses the file once (jansson), checks it
 * (store_json_import_check.c, store_json_import_refs.c) and stages it in
 * temporary tables under a read transaction only, then adds the records
 * that are not here yet, matched by uid (or by their natural key), in
 * batches of short write transactions under stand-in profiles no reader
 * sees, shown by one short last transaction (store_json_import_batch.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
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

sqlite3_stmt *import_stmt(struct ctx *c, const char *sql)
{
	for (size_t i = 0; i < c->nstmts; i++) {
		if (c->stmts[i].sql == sql) {
			sqlite3_reset(c->stmts[i].q);
			sqlite3_clear_bindings(c->stmts[i].q);
			return c->stmts[i].q;
		}
	}
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (c->nstmts == sizeof c->stmts / sizeof c->stmts[0]) {
		import_bad(c, "internal error: too many statements");
		return NULL;
	}
	if (!store_prepare(c->st, sql, &q, &err)) {
		import_bad(c, "%s", err.message);
		return NULL;
	}
	c->stmts[c->nstmts].sql = sql;
	c->stmts[c->nstmts++].q = q;
	return q;
}

void import_finish(struct ctx *c)
{
	for (size_t i = 0; i < c->nstmts; i++)
		sqlite3_finalize(c->stmts[i].q);
	c->nstmts = 0;
	c->root = NULL; /* freed with its arena */
}

#define KEEPID "CASE WHEN ?2 THEN j.id END"
/* The meeting an answer belongs to (NULL: none, or a file of schema 5). */
#define MID "(SELECT id FROM meetings WHERE uid = " V("meeting") ")"
/* The check-up run an answer belongs to (NULL: none, or a file of schema 7). */
#define CID "(SELECT id FROM checkups WHERE uid = " V("checkup") ")"
/* Every statement reads one batch of the staged records, ?3 <= k <= ?4. */
#define RANGE " AND j.k BETWEEN ?3 AND ?4"
#define FRESH(t)                                                                 \
	" WHERE NOT EXISTS (SELECT 1 FROM " t " x WHERE x.uid = j.uid)"             \
	" AND (NOT ?2 OR NOT EXISTS (SELECT 1 FROM " t " x WHERE x.id = j.id))" RANGE
/* A record goes in under its profile's stand-in (store_json_import_batch.c):
 * hidden from every reader until the import's last transaction. */
#define HID(u) "(SELECT hid FROM temp.import_pid WHERE uid = " u ")"
/* Row x is in the profile u names: already here, or added by this import. */
#define MINE(x, u) x ".profile_id IN (" HID(u) ", " PID(u) ")"

/* When a statement runs: with the stand-ins, in the batches, or in the
 * last transaction before or after the stand-ins become the real
 * profiles. */
enum when { STAND, BATCH, LAST, AFTER };

struct insert {
	enum when when;
	bool ids; /* run twice: keeping ids, then numbering the rest */
	const char *stage; /* the staged section it reads (its k) */
	const char *sql;
};

static const struct insert inserts[] = {
	/* the file's new profiles, hidden (deleted_at -1) until the end */
	{ STAND, true, "profiles",
	  "INSERT INTO profiles(id, uid, name, role, goals, created, deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " V("name") ", " V("role") ", " V("goals") ","
	  " " V("created") ", -1 FROM temp.stage_profiles j"
	  FRESH("profiles")
	  " AND NOT (" V("deleted_at") " IS NULL AND EXISTS (SELECT 1 FROM profiles x"
	  "  WHERE x.name = " V("name") " AND x.deleted_at IS NULL)) ORDER BY j.k" },
	{ BATCH, true, "sponsors",
	  "INSERT INTO sponsors(id, uid, profile_id, name, title, org, how_met, homework, stage,"
	  " created, updated, deleted_at, stage_at)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ", " V("name") ", " V("title") ","
	  " " V("org") ", " V("how_met") ", " V("homework") ","
	  " CASE " V("stage") " WHEN 'mentor' THEN 1 WHEN 'strategizer' THEN 2"
	  "  WHEN 'connector' THEN 3 WHEN 'opportunity-giver' THEN 4 WHEN 'sponsor' THEN 5"
	  "  ELSE 0 END, " V("created") ", " V("updated") ", " V("deleted_at") ","
	  /* the day the stage was set: the file's, else its last change */
	  " CASE WHEN " V("stage") " IN ('unknown', '') THEN 0"
	  "  ELSE coalesce(" V("stage_set") ", " V("updated") ") END"
	  " FROM temp.stage_sponsors j" FRESH("sponsors") " ORDER BY j.k" },
	{ BATCH, true, "checkups",
	  "INSERT INTO checkups(id, uid, profile_id, sponsor_id, at, created)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ","
	  " (SELECT id FROM sponsors WHERE uid = " V("sponsor") "), " V("at") ", " V("created")
	  " FROM temp.stage_checkups j" FRESH("checkups") " ORDER BY j.k" },
	{ BATCH, true, "meetings",
	  "INSERT INTO meetings(id, uid, profile_id, sponsor_id, at, agenda, notes, outcome, held,"
	  " created, updated, deleted_at, keep)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ","
	  " (SELECT id FROM sponsors WHERE uid = " V("sponsor") "), " V("at") ", " V("agenda") ","
	  " " V("notes") ", " V("outcome") ", " V("held") ", " V("created") ", " V("updated") ","
	  " " V("deleted_at") ", coalesce(" V("keep") ", '') FROM temp.stage_meetings j"
	  FRESH("meetings")
	  " ORDER BY j.k" },
	{ BATCH, true, "actions",
	  "INSERT INTO actions(id, uid, profile_id, meeting_id, text, owner, due, done, created,"
	  " deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ","
	  " (SELECT id FROM meetings WHERE uid = " V("meeting") "), " V("text") ","
	  " CASE " V("owner") " WHEN 'sponsor' THEN 1 ELSE 0 END, " V("due") ", " V("done") ","
	  " " V("created") ", " V("deleted_at") " FROM temp.stage_actions j"
	  FRESH("actions") " ORDER BY j.k" },
	{ BATCH, true, "reflections",
	  "INSERT OR IGNORE INTO reflections(id, uid, profile_id, item_id, text, is_private, version,"
	  " created, updated, deleted_at, meeting_id, sealed, checkup_id)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ", " V("item") ", " V("text") ","
	  " " V("private") ", " V("version") ", " V("created") ", " V("updated") ","
	  " " V("deleted_at") ", " MID ", tw_unhex(" V("sealed") "), " CID
	  " FROM temp.stage_reflections j" FRESH("reflections")
	  /* an item holds one live reflection (per meeting or run): never push
	   * another in */
	  " AND NOT (" V("deleted_at") " IS NULL AND " V("item") " IS NOT NULL"
	  "  AND EXISTS (SELECT 1 FROM reflections x WHERE " MINE("x", V("profile"))
	  "  AND x.item_id = " V("item") " AND coalesce(x.meeting_id, 0) = coalesce(" MID ", 0)"
	  "  AND coalesce(x.checkup_id, 0) = coalesce(" CID ", 0)"
	  "  AND x.deleted_at IS NULL)) ORDER BY j.k" },
	/* the versions of this import's own reflections in the batches (?5 =
	 * 1), those of reflections already here in the last transaction */
	{ BATCH, false, "reflections",
	  "INSERT INTO reflection_versions(reflection_id, version, text, is_private, saved, sealed)"
	  /* the reflection's own version keeps no text (STORE_VTEXT) */
	  " SELECT r.id, v.version, CASE WHEN v.version = r.version THEN '' ELSE v.text END,"
	  " v.private, v.saved,"
	  " CASE WHEN v.version <> r.version THEN tw_unhex(v.sealed) END"
	  " FROM temp.stage_reflections j"
	  " JOIN reflections r ON r.uid = j.uid JOIN temp.stage_versions v ON v.r = j.k"
	  " WHERE NOT EXISTS (SELECT 1 FROM reflection_versions x"
	  "  WHERE x.reflection_id = r.id AND x.version = v.version)"
	  " AND (r.profile_id IN (SELECT hid FROM temp.import_pid)) = ?5" RANGE
	  " ORDER BY j.k, v.k" },
	{ BATCH, false, "progress",
	  "INSERT OR IGNORE INTO progress(profile_id, item_id, ticked, rating, changed, meeting_id,"
	  " checkup_id)"
	  " SELECT " HID(V("profile")) ", " V("item") ", " V("ticked") ", " V("rating") ","
	  " " V("changed") ", coalesce(" MID ", 0), coalesce(" CID ", 0) FROM temp.stage_progress j"
	  " WHERE NOT EXISTS (SELECT 1 FROM progress x WHERE " MINE("x", V("profile"))
	  "  AND x.item_id = " V("item") " AND x.meeting_id = coalesce(" MID ", 0)"
	  "  AND x.checkup_id = coalesce(" CID ", 0))" RANGE " ORDER BY j.k" },
	{ BATCH, false, "ratings",
	  "INSERT INTO rating_history(profile_id, item_id, rating, at)"
	  " SELECT " HID(V("profile")) ", " V("item") ", " V("rating") ", " V("at")
	  " FROM temp.stage_ratings j"
	  " WHERE NOT EXISTS (SELECT 1 FROM rating_history x WHERE " MINE("x", V("profile"))
	  "  AND x.item_id = " V("item") " AND x.rating = " V("rating")
	  "  AND x.at = " V("at") ")" RANGE " ORDER BY j.k" },
	{ BATCH, false, "drafts",
	  "INSERT OR IGNORE INTO drafts(profile_id, item_id, text, saved, is_private, sealed)"
	  " SELECT " HID(V("profile")) ", " V("item") ", " V("text") ", " V("saved") ","
	  " coalesce(" V("private") ", 0), tw_unhex(" V("sealed") ")"
	  " FROM temp.stage_drafts j"
	  " WHERE NOT EXISTS (SELECT 1 FROM drafts x WHERE " MINE("x", V("profile"))
	  "  AND x.item_id = " V("item") ")" RANGE " ORDER BY j.k" },
	{ BATCH, true, "coaching",
	  "INSERT INTO coaching(id, uid, profile_id, coach, started, ended, notes, covered,"
	  " deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " HID(V("profile")) ", " V("coach") ", " V("started") ","
	  " " V("ended") ", " V("notes") ", " V("covered") ", " V("deleted_at")
	  " FROM temp.stage_coaching j" FRESH("coaching") " ORDER BY j.k" },
	/* coaching marks: few; after the stand-ins are gone their sessions,
	 * new or old, are where they stay */
	{ AFTER, false, "coaching_events",
	  "INSERT INTO coaching_events(coaching_id, item_id, what, value, at)"
	  " SELECT (SELECT id FROM coaching WHERE uid = " V("coaching") "), " V("item") ","
	  " " V("what") ", " V("value") ", " V("at") " FROM temp.stage_coaching_events j"
	  " WHERE NOT EXISTS (SELECT 1 FROM coaching_events x JOIN coaching s"
	  "  ON s.id = x.coaching_id WHERE s.uid = " V("coaching") " AND x.item_id = " V("item")
	  "  AND x.what = " V("what") ")" RANGE " ORDER BY j.k" },
};
#define NINSERTS (sizeof inserts / sizeof inserts[0])

static bool count(struct ctx *c, const char *sql, size_t *n)
{
	sqlite3_stmt *q = import_stmt(c, sql);
	bool ok = q && sqlite3_step(q) == SQLITE_ROW;
	if (ok)
		*n += (size_t)sqlite3_column_int64(q, 0);
	else if (q)
		import_db_bad(c, "importing");
	if (q)
		sqlite3_reset(q);
	return ok;
}

/* Runs insert i over the staged records lo..hi (pass: keeping ids or
 * not; hidden: the versions of this import's reflections or of those
 * already here). */
static bool run_insert(struct ctx *c, size_t i, int pass, int64_t lo, int64_t hi, bool hidden,
		       struct tw_import_stats *s)
{
	sqlite3_stmt *q = import_stmt(c, inserts[i].sql);
	if (!q)
		return false;
	sqlite3_bind_int(q, 2, pass);
	sqlite3_bind_int64(q, 3, lo);
	sqlite3_bind_int64(q, 4, hi);
	if (sqlite3_bind_parameter_count(q) >= 5)
		sqlite3_bind_int(q, 5, hidden);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return import_db_bad(c, "importing");
	s->added += (size_t)sqlite3_changes(c->st->db);
	return true;
}

/* The records of the stage that statement i reads: k runs 0..n-1. */
static bool staged(struct ctx *c, size_t i, int64_t *n)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM temp.stage_%s", inserts[i].stage);
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, sql, &q, &err))
		return import_bad(c, "%s", err.message);
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	*n = ok ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	return ok || import_db_bad(c, "importing");
}

/* The batches: every record under its profile's stand-in, IMPORT_BATCH
 * records per statement, each statement its own transaction when own
 * (store_json_import_batch.c takes and gives back the write lock). */
static bool insert_batches(struct ctx *c, struct tw_import_stats *s, bool own)
{
	for (size_t i = 0; i < NINSERTS; i++) {
		if (inserts[i].when != BATCH)
			continue;
		int64_t n = 0;
		if (!staged(c, i, &n))
			return false;
		for (int pass = inserts[i].ids ? 1 : 0; pass >= 0; pass--)
			for (int64_t lo = 0; lo < n; lo += IMPORT_BATCH)
				if (!import_batch_begin(c, own) ||
				    !import_batch_end(c, own, run_insert(c, i, pass, lo,
									 lo + IMPORT_BATCH - 1,
									 true, s)))
					return false;
	}
	return true;
}

/* Statements of one kind (STAND, LAST or AFTER) over every record. */
static bool insert_last(struct ctx *c, struct tw_import_stats *s, enum when when)
{
	for (size_t i = 0; i < NINSERTS; i++) {
		bool versions = inserts[i].when == BATCH && !inserts[i].ids &&
				strcmp(inserts[i].stage, "reflections") == 0;
		if (inserts[i].when != when && !(when == LAST && versions))
			continue;
		for (int pass = inserts[i].ids ? 1 : 0; pass >= 0; pass--)
			if (!run_insert(c, i, pass, 0, INT64_MAX, false, s))
				return false;
	}
	return true;
}

/* The stand-ins (store_json_import_batch.c), one short transaction when
 * own: new profiles go in hidden. */
static bool stand_ins(struct ctx *c, struct tw_import_stats *s, bool own)
{
	if (!import_stand_ins_begin(c) || !import_batch_begin(c, own))
		return false;
	bool ok = insert_last(c, s, STAND) && import_stand_ins_note(c, own);
	return import_batch_end(c, own, ok) && import_stand_ins_end(c, own);
}

/* What the import says it did, outside any write transaction. */
static bool tally(struct ctx *c, struct tw_import_stats *s)
{
	for (size_t i = 0; i < import_nspecs; i++)
		s->records += json_array_size(c->sec[i]);
	return count(c, "SELECT count(*) FROM temp.stage_versions", &s->records) &&
	       count(c, "SELECT count(*) FROM temp.stage_reflections j"
			" WHERE NOT EXISTS (SELECT 1 FROM reflections x WHERE x.uid = j.uid)",
		     &s->conflicts);
}

/* The last, short transaction: versions of reflections that were here,
 * the file's new profiles shown (a row each), the rows of stand-ins of
 * profiles that were here moved to them, coaching marks, then the
 * privacy rules and the lock over what came in. */
static bool finish_import(struct ctx *c, struct tw_import_stats *s)
{
	struct tw_error err = { 0 };
	return insert_last(c, s, LAST) && import_unhide(c) && insert_last(c, s, AFTER) &&
	       /* files from before private was sticky: their private text
		* stays private */
	       (store_privacy_sticky(c->st, 0, &err) || import_bad(c, "%s", err.message)) &&
	       /* then private text brought into a locked profile is sealed */
	       import_seal(c, s);
}

bool tw_store_import_json(struct tw_store *st, const char *buf, size_t len, const char *path,
			  struct tw_import_stats *stats, struct tw_diags *diags)
{
	struct ctx c = { .st = st, .path = path, .diags = diags };
	struct tw_import_stats s = { 0 };
	if (len > (size_t)0x7fffffff)
		return import_bad(&c, "the file is too large to import");
	json_error_t e;
	json_set_alloc_funcs(import_arena_alloc, import_arena_free);
	c.root = import_parse(buf, len);
	if (!c.root)
		c.root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (!c.root) {
		import_arena_drop();
		/* says where, as a located message */
		if (tw_export_json_check(buf, len, path, diags))
			import_bad(&c, "the file could not be read: %s", e.text);
		return false;
	}
	/* The checks read the store and the staging fills temporary tables
	 * under a read transaction only: other windows keep writing while a
	 * large file is checked. The inserts then go in batches, each a short
	 * write transaction, under stand-in profiles no reader sees; the last
	 * transaction makes them the real ones (store_json_import_batch.c). */
	bool own = sqlite3_get_autocommit(st->db) && !st->batch;
	bool ok = import_check_fields(&c);
	if (ok && own)
		ok = import_stage_exec(&c, "BEGIN");
	ok = ok && import_check_refs(&c) && import_stage_all(&c) && import_check_seal(&c);
	if (own && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	struct tw_error err = { 0 };
	bool began = false; /* the one transaction (not own) or the last one */
	bool hidden = ok;    /* rows under stand-ins may be in the database */
	if (ok && !own && !(began = store_begin(st, &err)))
		ok = import_bad(&c, "%s", err.message);
	ok = ok && stand_ins(&c, &s, own) && insert_batches(&c, &s, own);
	if (hidden && own)
		import_batches_done(&c);
	if (ok && own && !(began = store_begin(st, &err)))
		ok = import_bad(&c, "%s", err.message);
	ok = ok && finish_import(&c, &s);
	if (ok && !own)
		import_discard(&c, false, false); /* what stayed behind, in the same transaction */
	if (began && !ok)
		store_rollback(st);
	else if (began && !store_commit(st, &err))
		ok = import_bad(&c, "%s", err.message);
	ok = ok && tally(&c, &s);
	/* what stayed behind under the stand-ins of profiles that were here
	 * and their notes, or all a failure left (a kill leaves it to the
	 * next open) */
	if (hidden && own)
		import_discard(&c, true, !ok);
	if (ok && own)
		store_seal_scrub(st);
	import_finish(&c);
	import_drop_stage(&c);
	import_arena_drop();
	if (ok && stats)
		*stats = s;
	return ok;
}
