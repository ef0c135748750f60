/* `twoway import`: checks a JSON export (syntax with line and column, then
 * every field of every record and every reference), then adds the records
 * that are not here yet, matched by uid, all in one transaction. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* Field kinds: N non-blank text, T text, n non-blank text or null, P
 * positive integer, I integer >= 0, i integer >= 0 or null, B boolean,
 * A array, D "" or a date, S stage name, O owner, R rating 0-5, W what a
 * coaching session did with an item (visited, ticked, rated, reflected). */
struct field {
	const char *name;
	char kind;
};

struct spec {
	const char *section;
	const struct field *fields;
};

static const struct field f_profiles[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "name", 'N' }, { "role", 'T' }, { "goals", 'T' },
	{ "created", 'I' }, { "deleted_at", 'i' }, { NULL, 0 },
};
static const struct field f_sponsors[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "name", 'N' }, { "title", 'T' },
	{ "org", 'T' }, { "how_met", 'T' }, { "homework", 'T' }, { "stage", 'S' },
	{ "created", 'I' }, { "updated", 'I' }, { "deleted_at", 'i' }, { NULL, 0 },
};
static const struct field f_progress[] = {
	{ "profile", 'N' }, { "item", 'N' }, { "ticked", 'B' }, { "rating", 'R' },
	{ "changed", 'I' }, { NULL, 0 },
};
static const struct field f_ratings[] = {
	{ "profile", 'N' }, { "item", 'N' }, { "rating", 'R' }, { "at", 'I' }, { NULL, 0 },
};
static const struct field f_reflections[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "item", 'n' }, { "text", 'T' },
	{ "private", 'B' }, { "version", 'P' }, { "created", 'I' }, { "updated", 'I' },
	{ "deleted_at", 'i' }, { "versions", 'A' }, { NULL, 0 },
};
static const struct field f_versions[] = {
	{ "version", 'P' }, { "text", 'T' }, { "private", 'B' }, { "saved", 'I' }, { NULL, 0 },
};
static const struct field f_drafts[] = {
	{ "profile", 'N' }, { "item", 'T' }, { "text", 'T' }, { "saved", 'I' }, { NULL, 0 },
};
static const struct field f_meetings[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "sponsor", 'N' }, { "at", 'P' },
	{ "agenda", 'T' }, { "notes", 'T' }, { "outcome", 'T' }, { "held", 'B' },
	{ "created", 'I' }, { "updated", 'I' }, { "deleted_at", 'i' }, { NULL, 0 },
};
static const struct field f_actions[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "meeting", 'n' }, { "text", 'N' },
	{ "owner", 'O' }, { "due", 'D' }, { "done", 'D' }, { "created", 'I' },
	{ "deleted_at", 'i' }, { NULL, 0 },
};
static const struct field f_coaching[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "coach", 'N' }, { "started", 'I' },
	{ "ended", 'I' }, { "notes", 'T' }, { "covered", 'T' }, { "deleted_at", 'i' },
	{ NULL, 0 },
};
static const struct field f_coaching_events[] = {
	{ "coaching", 'N' }, { "item", 'N' }, { "what", 'W' }, { "value", 'R' }, { "at", 'I' },
	{ NULL, 0 },
};

static const struct spec specs[] = {
	{ "profiles", f_profiles },	  { "sponsors", f_sponsors }, { "progress", f_progress },
	{ "ratings", f_ratings },	  { "reflections", f_reflections },
	{ "drafts", f_drafts },		  { "meetings", f_meetings }, { "actions", f_actions },
	{ "coaching", f_coaching },	  { "coaching_events", f_coaching_events },
};
#define NSPECS (sizeof specs / sizeof specs[0])

struct ctx {
	struct tw_store *st;
	const char *buf;
	size_t len;
	const char *path;
	struct tw_diags *diags;
	bool failed;
};

/* Records a problem at a place in the file (no line: the JSON functions do
 * not keep positions); always returns false. */
static bool bad(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool bad(struct ctx *c, const char *fmt, ...)
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
static const char *show(const char *s, char *buf, size_t size)
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

static bool db_bad(struct ctx *c, const char *what)
{
	struct tw_error err = { 0 };
	store_fail(c->st, &err, what);
	return bad(c, "%s", err.message);
}

static bool prepare(struct ctx *c, const char *sql, sqlite3_stmt **q)
{
	if (sqlite3_prepare_v2(c->st->db, sql, -1, q, NULL) != SQLITE_OK)
		return db_bad(c, "reading the file");
	sqlite3_bind_text(*q, 1, c->buf, (int)c->len, SQLITE_STATIC);
	return true;
}

static const char *const marks[] = { "visited", "ticked", "rated", "reflected", NULL };
static const char *const stages[] = { "unknown", "mentor", "strategizer", "connector",
				      "opportunity-giver", "sponsor", NULL };

static bool one_of(const char *s, const char *const *v)
{
	for (; *v; v++)
		if (strcmp(s, *v) == 0)
			return true;
	return false;
}

/* Checks one field value; type is json_each's type name. */
static bool check_value(struct ctx *c, const char *where, const struct field *f,
			const char *type, sqlite3_stmt *q, int col)
{
	const char *t = (const char *)sqlite3_column_text(q, col);
	size_t tl = (size_t)sqlite3_column_bytes(q, col);
	int64_t v = sqlite3_column_int64(q, col);
	bool is_int = strcmp(type, "integer") == 0, is_text = strcmp(type, "text") == 0;
	bool is_null = strcmp(type, "null") == 0;
	switch (f->kind) {
	case 'n':
		if (is_null)
			return true;
		/* fall through */
	case 'N':
	case 'T':
		if (!is_text)
			return bad(c, "%s: '%s' should be text", where, f->name);
		if (!t || !tw_text_valid(t, tl))
			return bad(c, "%s: '%s' is not valid UTF-8 text without control characters",
				   where, f->name);
		if (f->kind != 'T' && !tw_text_nonblank(t))
			return bad(c, "%s: '%s' is empty", where, f->name);
		return true;
	case 'i':
		if (is_null)
			return true;
		/* fall through */
	case 'I':
	case 'P':
	case 'R':
		if (!is_int || v < (f->kind == 'P' ? 1 : 0) || (f->kind == 'R' && v > 5))
			return bad(c, "%s: '%s' should be %s", where, f->name,
				   f->kind == 'R' ? "a rating from 0 to 5"
				   : f->kind == 'P' ? "a positive whole number"
						    : "a whole number");
		return true;
	case 'B':
		if (strcmp(type, "true") != 0 && strcmp(type, "false") != 0)
			return bad(c, "%s: '%s' should be true or false", where, f->name);
		return true;
	case 'A':
		if (strcmp(type, "array") != 0)
			return bad(c, "%s: '%s' should be a list", where, f->name);
		return true;
	case 'D':
		if (!is_text || (*t && !tw_date_valid(t)))
			return bad(c, "%s: '%s' should be a date YYYY-MM-DD or \"\"", where, f->name);
		return true;
	case 'S':
		if (!is_text || !one_of(t, stages))
			return bad(c, "%s: '%s' should be one of unknown, mentor, strategizer, "
				      "connector, opportunity-giver, sponsor", where, f->name);
		return true;
	case 'O':
		if (!is_text || (strcmp(t, "me") != 0 && strcmp(t, "sponsor") != 0))
			return bad(c, "%s: '%s' should be \"me\" or \"sponsor\"", where, f->name);
		return true;
	case 'W':
		if (!is_text || !one_of(t, marks))
			return bad(c, "%s: '%s' should be one of visited, ticked, rated, reflected",
				   where, f->name);
		return true;
	}
	return bad(c, "%s: internal error checking '%s'", where, f->name);
}

/* Checks the records a query yields as (label, record type, field key,
 * field type, field value), ordered by record. */
static bool check_records(struct ctx *c, const char *sql, const struct field *fields)
{
	sqlite3_stmt *q;
	if (!prepare(c, sql, &q))
		return false;
	char cur[128] = "";
	unsigned seen = 0, all = 0;
	size_t nf = 0;
	while (fields[nf].name)
		all |= 1u << nf++;
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(q, 0);
		if (strcmp(label, cur) != 0) {
			if (*cur && seen != all)
				break;
			snprintf(cur, sizeof cur, "%s", label);
			seen = 0;
			if (strcmp((const char *)sqlite3_column_text(q, 1), "object") != 0) {
				ok = bad(c, "%s should be an object {...}", cur);
				break;
			}
		}
		const char *key = (const char *)sqlite3_column_text(q, 2);
		if (!key)
			continue; /* an empty object */
		size_t k = 0;
		while (k < nf && strcmp(fields[k].name, key) != 0)
			k++;
		if (k == nf) {
			char shown[200];
			ok = bad(c, "%s: unknown field '%s'", cur, show(key, shown, sizeof shown));
			break;
		}
		seen |= 1u << k;
		ok = check_value(c, cur, &fields[k], (const char *)sqlite3_column_text(q, 3), q, 4);
	}
	if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE)
		ok = db_bad(c, "reading the file");
	if (ok && *cur && seen != all) {
		for (size_t k = 0; k < nf; k++)
			if (!(seen & (1u << k))) {
				ok = bad(c, "%s: field '%s' is missing", cur, fields[k].name);
				break;
			}
	}
	sqlite3_finalize(q);
	return ok;
}

/* The top level: an object from twoway with a schema this program reads,
 * an optional "coach" flag, and only known sections, each a list. */
static bool check_top(struct ctx *c)
{
	sqlite3_stmt *q;
	if (!prepare(c, "SELECT json_type(?1), json_extract(?1, '$.app'),"
			" json_type(?1, '$.schema'), json_extract(?1, '$.schema')", &q))
		return false;
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	const char *type = ok ? (const char *)sqlite3_column_text(q, 0) : NULL;
	const char *app = ok ? (const char *)sqlite3_column_text(q, 1) : NULL;
	const char *stype = ok ? (const char *)sqlite3_column_text(q, 2) : NULL;
	int64_t schema = sqlite3_column_int64(q, 3);
	if (!ok)
		ok = db_bad(c, "reading the file");
	else if (!type || strcmp(type, "object") != 0)
		ok = bad(c, "not a twoway export: the file is not a JSON object");
	else if (!app || strcmp(app, "twoway") != 0)
		ok = bad(c, "not a twoway export: \"app\" is not \"twoway\"");
	else if (!stype || strcmp(stype, "integer") != 0)
		ok = bad(c, "not a twoway export: \"schema\" is missing");
	else if (schema > TW_STORE_SCHEMA_VERSION)
		ok = bad(c, "written by a newer twoway (schema %lld, this one reads up to %d); "
			    "update twoway to import it", (long long)schema, TW_STORE_SCHEMA_VERSION);
	else if (schema < 3)
		ok = bad(c, "schema %lld is older than the first export format (3)",
			 (long long)schema);
	sqlite3_finalize(q);
	if (!ok || !prepare(c, "SELECT key, type FROM json_each(?1)", &q))
		return false;
	int rc;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q, 0);
		const char *t = (const char *)sqlite3_column_text(q, 1);
		if (strcmp(key, "app") == 0 || strcmp(key, "schema") == 0)
			continue;
		if (strcmp(key, "coach") == 0) { /* a coach's copy */
			if (strcmp(t, "true") != 0 && strcmp(t, "false") != 0)
				ok = bad(c, "\"coach\" should be true or false");
			continue;
		}
		size_t i = 0;
		while (i < NSPECS && strcmp(specs[i].section, key) != 0)
			i++;
		char shown[200];
		if (i == NSPECS)
			ok = bad(c, "unknown section \"%s\"", show(key, shown, sizeof shown));
		else if (strcmp(t, "array") != 0)
			ok = bad(c, "section \"%s\" should be a list [...]", key);
	}
	sqlite3_finalize(q);
	return ok;
}

/* One field of the record j in a query over json_each. */
#define V(k) "j.value->>'" k "'"

/* Duplicate uids or ids inside one section, and references to records in
 * neither the file nor the database. */
static bool check_refs(struct ctx *c)
{
	static const char *const dups[] = { "profiles", "sponsors", "reflections", "meetings",
					    "actions", "coaching" };
	char sql[1024];
	for (size_t i = 0; i < sizeof dups / sizeof dups[0]; i++) {
		for (int f = 0; f < 2; f++) {
			snprintf(sql, sizeof sql,
				 "SELECT value->>'%s' FROM json_each(?1, '$.%s')"
				 " GROUP BY 1 HAVING count(*) > 1 LIMIT 1", f ? "id" : "uid",
				 dups[i]);
			sqlite3_stmt *q;
			if (!prepare(c, sql, &q))
				return false;
			bool dup = sqlite3_step(q) == SQLITE_ROW;
			char shown[200];
			if (dup)
				bad(c, "%s: %s %s appears twice", dups[i], f ? "id" : "uid",
				    show((const char *)sqlite3_column_text(q, 0), shown, sizeof shown));
			sqlite3_finalize(q);
			if (dup)
				return false;
		}
	}
	/* what the database keeps only once, repeated in the file: the first
	 * two places and the value they share */
	static const struct {
		const char *section, *what, *where, *group;
	} once[] = {
		{ "profiles", "are two live profiles named", V("deleted_at") " IS NULL", V("name") },
		{ "reflections", "are two live reflections of one profile on item",
		  V("deleted_at") " IS NULL AND " V("item") " IS NOT NULL",
		  V("profile") ", " V("item") },
		{ "progress", "are two progress records of one profile for item", "1",
		  V("profile") ", " V("item") },
		{ "drafts", "are two drafts of one profile for item", "1",
		  V("profile") ", " V("item") },
	};
	for (size_t i = 0; i < sizeof once / sizeof once[0] + 1; i++) {
		if (i < sizeof once / sizeof once[0])
			snprintf(sql, sizeof sql,
				 "SELECT '%s[' || min(j.key) || '] and %s[' || max(j.key) || ']',"
				 " %s FROM json_each(?1, '$.%s') j WHERE %s GROUP BY %s"
				 " HAVING count(*) > 1 ORDER BY min(j.key) LIMIT 1",
				 once[i].section, once[i].section,
				 strchr(once[i].group, ',') ? V("item") : once[i].group,
				 once[i].section, once[i].where, once[i].group);
		else /* the versions of one reflection */
			snprintf(sql, sizeof sql,
				 "SELECT 'reflections[' || j.key || '].versions[' || min(v.key) || '] and"
				 " [' || max(v.key) || ']', v.value->>'version'"
				 " FROM json_each(?1, '$.reflections') j, json_each(j.value, '$.versions') v"
				 " GROUP BY j.key, v.value->>'version' HAVING count(*) > 1"
				 " ORDER BY j.key, min(v.key) LIMIT 1");
		sqlite3_stmt *q;
		if (!prepare(c, sql, &q))
			return false;
		bool dup = sqlite3_step(q) == SQLITE_ROW;
		char shown[200];
		if (dup)
			bad(c, "%s %s '%s'", (const char *)sqlite3_column_text(q, 0),
			    i < sizeof once / sizeof once[0] ? once[i].what : "are the same version",
			    show((const char *)sqlite3_column_text(q, 1), shown, sizeof shown));
		sqlite3_finalize(q);
		if (dup)
			return false;
	}
	static const struct {
		const char *child, *field, *parent, *table;
	} refs[] = {
		{ "sponsors", "profile", "profiles", "profiles" },
		{ "progress", "profile", "profiles", "profiles" },
		{ "ratings", "profile", "profiles", "profiles" },
		{ "reflections", "profile", "profiles", "profiles" },
		{ "drafts", "profile", "profiles", "profiles" },
		{ "meetings", "profile", "profiles", "profiles" },
		{ "meetings", "sponsor", "sponsors", "sponsors" },
		{ "actions", "profile", "profiles", "profiles" },
		{ "actions", "meeting", "meetings", "meetings" },
		{ "coaching", "profile", "profiles", "profiles" },
		{ "coaching_events", "coaching", "coaching", "coaching" },
	};
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		snprintf(sql, sizeof sql,
			 "SELECT j.key, j.value->>'%s' FROM json_each(?1, '$.%s') j"
			 " WHERE j.value->>'%s' IS NOT NULL"
			 " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.%s') p"
			 "   WHERE p.value->>'uid' = j.value->>'%s')"
			 " AND NOT EXISTS (SELECT 1 FROM %s t WHERE t.uid = j.value->>'%s')"
			 " ORDER BY j.key LIMIT 1",
			 refs[i].field, refs[i].child, refs[i].field, refs[i].parent, refs[i].field,
			 refs[i].table, refs[i].field);
		sqlite3_stmt *q;
		if (!prepare(c, sql, &q))
			return false;
		bool missing = sqlite3_step(q) == SQLITE_ROW;
		char shown[200];
		if (missing)
			bad(c, "%s[%lld]: %s '%s' is neither in the file nor in the database",
			    refs[i].child, (long long)sqlite3_column_int64(q, 0), refs[i].field,
			    show((const char *)sqlite3_column_text(q, 1), shown, sizeof shown));
		sqlite3_finalize(q);
		if (missing)
			return false;
	}
	return true;
}

/* What a coaching session covered: each mark once per session and item,
 * a rating (1-5) on "rated" marks only. Runs after the fields are checked,
 * so what and item are clean text. */
static bool check_events(struct ctx *c)
{
	sqlite3_stmt *q;
	if (!prepare(c, "SELECT 'coaching_events[' || min(j.key) || '] and coaching_events['"
			" || max(j.key) || ']', j.value->>'what', substr(j.value->>'item', 1, 80)"
			" FROM json_each(?1, '$.coaching_events') j"
			" GROUP BY j.value->>'coaching', j.value->>'item', j.value->>'what'"
			" HAVING count(*) > 1 ORDER BY min(j.key) LIMIT 1", &q))
		return false;
	bool ok = sqlite3_step(q) != SQLITE_ROW;
	if (!ok)
		bad(c, "%s are the same mark ('%s' in one session) of item '%s'",
		    (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
		    (const char *)sqlite3_column_text(q, 2));
	sqlite3_finalize(q);
	if (!ok || !prepare(c, "SELECT j.key, j.value->>'what' FROM json_each(?1, '$.coaching_events') j"
			       " WHERE (j.value->>'what' = 'rated') <> (j.value->>'value' > 0)"
			       " ORDER BY j.key LIMIT 1", &q))
		return false;
	ok = sqlite3_step(q) != SQLITE_ROW;
	if (!ok)
		bad(c, "coaching_events[%lld]: 'value' should be %s",
		    (long long)sqlite3_column_int64(q, 0),
		    strcmp((const char *)sqlite3_column_text(q, 1), "rated") == 0
			    ? "the rating, from 1 to 5" : "0 for a mark that is not \"rated\"");
	sqlite3_finalize(q);
	return ok;
}

static bool check_all(struct ctx *c)
{
	if (!check_top(c))
		return false;
	char sql[512];
	for (size_t i = 0; i < NSPECS; i++) {
		snprintf(sql, sizeof sql,
			 "SELECT '%s[' || j.key || ']', j.type, f.key, f.type, f.atom"
			 " FROM json_each(?1, '$.%s') j LEFT JOIN json_each(j.value) f"
			 " ON j.type = 'object' ORDER BY j.key, f.id",
			 specs[i].section, specs[i].section);
		if (!check_records(c, sql, specs[i].fields))
			return false;
	}
	return check_records(c,
			     "SELECT 'reflections[' || j.key || '].versions[' || v.key || ']',"
			     " v.type, f.key, f.type, f.atom"
			     " FROM json_each(?1, '$.reflections') j, json_each(j.value, '$.versions') v"
			     " LEFT JOIN json_each(v.value) f ON v.type = 'object'"
			     " ORDER BY j.key, v.key, f.id",
			     f_versions) &&
	       check_refs(c) && check_events(c);
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
/* The profile a uid names here: the same uid, or else the live profile
 * with the name the file gives that (live) profile. */
#define PID(u)                                                                    \
	"coalesce((SELECT id FROM profiles WHERE uid = " u "),"                     \
	" (SELECT p.id FROM json_each(?1, '$.profiles') f JOIN profiles p"          \
	"  ON p.name = f.value->>'name' AND p.deleted_at IS NULL"                   \
	"  WHERE f.value->>'uid' = " u " AND f.value->>'deleted_at' IS NULL))"

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
	  " created, updated, deleted_at)"
	  " SELECT " KEEPID ", " V("uid") ", " PID(V("profile")) ", " V("item") ", " V("text") ","
	  " " V("private") ", " V("version") ", " V("created") ", " V("updated") ","
	  " " V("deleted_at") " FROM json_each(?1, '$.reflections') j" FRESH("reflections")
	  /* an item holds one live reflection: never push another in */
	  " AND NOT (" V("deleted_at") " IS NULL AND " V("item") " IS NOT NULL"
	  "  AND EXISTS (SELECT 1 FROM reflections x WHERE x.profile_id = " PID(V("profile"))
	  "  AND x.item_id = " V("item") " AND x.deleted_at IS NULL)) ORDER BY j.key" },
	{ false,
	  "INSERT INTO reflection_versions(reflection_id, version, text, is_private, saved)"
	  " SELECT r.id, v.value->>'version', v.value->>'text', v.value->>'private',"
	  " v.value->>'saved' FROM json_each(?1, '$.reflections') j"
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
	  "INSERT OR IGNORE INTO drafts(profile_id, item_id, text, saved)"
	  " SELECT " PID(V("profile")) ", " V("item") ", " V("text") ", " V("saved")
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
	if (!prepare(c, sql, &q))
		return false;
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	if (ok)
		*n += (size_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return ok ? true : db_bad(c, "reading the file");
}

static bool insert_all(struct ctx *c, struct tw_import_stats *s)
{
	for (size_t i = 0; i < sizeof inserts / sizeof inserts[0]; i++) {
		for (int pass = inserts[i].ids ? 1 : 0; pass >= 0; pass--) {
			sqlite3_stmt *q;
			if (!prepare(c, inserts[i].sql, &q))
				return false;
			sqlite3_bind_int(q, 2, pass);
			int rc = sqlite3_step(q);
			sqlite3_finalize(q);
			if (rc != SQLITE_DONE)
				return db_bad(c, "importing");
			s->added += (size_t)sqlite3_changes(c->st->db);
		}
	}
	char sql[160];
	for (size_t i = 0; i < NSPECS; i++) {
		snprintf(sql, sizeof sql, "SELECT coalesce(json_array_length(?1, '$.%s'), 0)",
			 specs[i].section);
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
		return bad(&c, "the file is too large to import");
	if (!tw_export_json_check(buf, len, path, diags))
		return false;
	struct tw_error err = { 0 };
	if (!store_begin(st, &err))
		return bad(&c, "%s", err.message);
	bool ok = check_all(&c) && insert_all(&c, &s);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, &err))
		return bad(&c, "%s", err.message);
	if (stats)
		*stats = s;
	return true;
}
