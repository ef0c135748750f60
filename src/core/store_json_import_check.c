/* `twoway import`, first half: the layout of an export and the checks of
 * a file before anything is written: sections, fields and their kinds,
 * values, references between records, and repeats the database keeps once. */
#include <stdio.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/util.h"

static const struct field f_profiles[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "name", 'N' }, { "role", 'T' }, { "goals", 'T' },
	{ "created", 'I' }, { "deleted_at", 'i' }, { "lock", 'K' }, { NULL, 0 },
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
	{ "deleted_at", 'i' }, { "versions", 'A' }, { "sealed", 'X' }, { NULL, 0 },
};
static const struct field f_versions[] = {
	{ "version", 'P' }, { "text", 'T' }, { "private", 'B' }, { "saved", 'I' },
	{ "sealed", 'X' }, { NULL, 0 },
};
static const struct field f_drafts[] = {
	{ "profile", 'N' }, { "item", 'T' }, { "text", 'T' }, { "saved", 'I' },
	{ "private", 'b' }, /* optional: files of schema 4 and before have none */
	{ "sealed", 'X' }, { NULL, 0 },
};
/* a locked profile's key material (store_json_import_seal.c checks sizes) */
static const struct field f_lock[] = {
	{ "public", 'H' }, { "key", 'H' }, { "salt", 'H' }, { "opslimit", 'P' },
	{ "memlimit", 'P' }, { NULL, 0 },
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

const struct spec import_specs[] = {
	{ "profiles", f_profiles },	  { "sponsors", f_sponsors }, { "progress", f_progress },
	{ "ratings", f_ratings },	  { "reflections", f_reflections },
	{ "drafts", f_drafts },		  { "meetings", f_meetings }, { "actions", f_actions },
	{ "coaching", f_coaching },	  { "coaching_events", f_coaching_events },
};
const size_t import_nspecs = sizeof import_specs / sizeof import_specs[0];

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
			return import_bad(c, "%s: '%s' should be text", where, f->name);
		if (!t || !tw_text_valid(t, tl))
			return import_bad(c, "%s: '%s' is not valid UTF-8 text without control characters",
				   where, f->name);
		if (f->kind != 'T' && !tw_text_nonblank(t))
			return import_bad(c, "%s: '%s' is empty", where, f->name);
		return true;
	case 'i':
		if (is_null)
			return true;
		/* fall through */
	case 'I':
	case 'P':
	case 'R':
		if (!is_int || v < (f->kind == 'P' ? 1 : 0) || (f->kind == 'R' && v > 5))
			return import_bad(c, "%s: '%s' should be %s", where, f->name,
				   f->kind == 'R' ? "a rating from 0 to 5"
				   : f->kind == 'P' ? "a positive whole number"
						    : "a whole number");
		return true;
	case 'b':
	case 'B':
		if (strcmp(type, "true") != 0 && strcmp(type, "false") != 0)
			return import_bad(c, "%s: '%s' should be true or false", where, f->name);
		return true;
	case 'A':
		if (strcmp(type, "array") != 0)
			return import_bad(c, "%s: '%s' should be a list", where, f->name);
		return true;
	case 'D':
		if (!is_text || (*t && !tw_date_valid(t)))
			return import_bad(c, "%s: '%s' should be a date YYYY-MM-DD or \"\"", where, f->name);
		return true;
	case 'S':
		if (!is_text || !one_of(t, stages))
			return import_bad(c, "%s: '%s' should be one of unknown, mentor, strategizer, "
				      "connector, opportunity-giver, sponsor", where, f->name);
		return true;
	case 'O':
		if (!is_text || (strcmp(t, "me") != 0 && strcmp(t, "sponsor") != 0))
			return import_bad(c, "%s: '%s' should be \"me\" or \"sponsor\"", where, f->name);
		return true;
	case 'X':
	case 'H':
		if (!is_text || !t || tl == 0 || tl % 2 || strspn(t, "0123456789abcdef") != tl)
			return import_bad(c, "%s: '%s' should be sealed text in lower-case hex", where,
					  f->name);
		return true;
	case 'K':
		if (strcmp(type, "object") != 0)
			return import_bad(c, "%s: '%s' should be an object {...}", where, f->name);
		return true;
	case 'W':
		if (!is_text || !one_of(t, marks))
			return import_bad(c, "%s: '%s' should be one of visited, ticked, rated, reflected",
				   where, f->name);
		return true;
	}
	return import_bad(c, "%s: internal error checking '%s'", where, f->name);
}

/* Checks the records a query yields as (label, record type, field key,
 * field type, field value), ordered by record. */
static bool check_records(struct ctx *c, const char *sql, const struct field *fields)
{
	sqlite3_stmt *q;
	if (!import_prepare(c, sql, &q))
		return false;
	char cur[128] = "";
	unsigned seen = 0, all = 0;
	size_t nf = 0;
	for (; fields[nf].name; nf++) /* b, X and K fields are optional */
		if (fields[nf].kind != 'b' && fields[nf].kind != 'X' && fields[nf].kind != 'K')
			all |= 1u << nf;
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(q, 0);
		if (strcmp(label, cur) != 0) {
			if (*cur && (seen & all) != all)
				break;
			snprintf(cur, sizeof cur, "%s", label);
			seen = 0;
			if (strcmp((const char *)sqlite3_column_text(q, 1), "object") != 0) {
				ok = import_bad(c, "%s should be an object {...}", cur);
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
			ok = import_bad(c, "%s: unknown field '%s'", cur, import_show(key, shown, sizeof shown));
			break;
		}
		seen |= 1u << k;
		ok = check_value(c, cur, &fields[k], (const char *)sqlite3_column_text(q, 3), q, 4);
	}
	if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE)
		ok = import_db_bad(c, "reading the file");
	if (ok && *cur && (seen & all) != all) {
		for (size_t k = 0; k < nf; k++)
			if ((all & (1u << k)) && !(seen & (1u << k))) {
				ok = import_bad(c, "%s: field '%s' is missing", cur, fields[k].name);
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
	if (!import_prepare(c, "SELECT json_type(?1), json_extract(?1, '$.app'),"
			" json_type(?1, '$.schema'), json_extract(?1, '$.schema')", &q))
		return false;
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	const char *type = ok ? (const char *)sqlite3_column_text(q, 0) : NULL;
	const char *app = ok ? (const char *)sqlite3_column_text(q, 1) : NULL;
	const char *stype = ok ? (const char *)sqlite3_column_text(q, 2) : NULL;
	int64_t schema = sqlite3_column_int64(q, 3);
	if (!ok)
		ok = import_db_bad(c, "reading the file");
	else if (!type || strcmp(type, "object") != 0)
		ok = import_bad(c, "not a twoway export: the file is not a JSON object");
	else if (!app || strcmp(app, "twoway") != 0)
		ok = import_bad(c, "not a twoway export: \"app\" is not \"twoway\"");
	else if (!stype || strcmp(stype, "integer") != 0)
		ok = import_bad(c, "not a twoway export: \"schema\" is missing");
	else if (schema > TW_STORE_SCHEMA_VERSION)
		ok = import_bad(c, "written by a newer twoway (schema %lld, this one reads up to %d); "
			    "update twoway to import it", (long long)schema, TW_STORE_SCHEMA_VERSION);
	else if (schema < 3)
		ok = import_bad(c, "schema %lld is older than the first export format (3)",
			 (long long)schema);
	sqlite3_finalize(q);
	if (!ok || !import_prepare(c, "SELECT key, type FROM json_each(?1)", &q))
		return false;
	int rc;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q, 0);
		const char *t = (const char *)sqlite3_column_text(q, 1);
		if (strcmp(key, "app") == 0 || strcmp(key, "schema") == 0)
			continue;
		if (strcmp(key, "coach") == 0) { /* a coach's copy */
			if (strcmp(t, "true") != 0 && strcmp(t, "false") != 0)
				ok = import_bad(c, "\"coach\" should be true or false");
			continue;
		}
		size_t i = 0;
		while (i < import_nspecs && strcmp(import_specs[i].section, key) != 0)
			i++;
		char shown[200];
		if (i == import_nspecs)
			ok = import_bad(c, "unknown section \"%s\"", import_show(key, shown, sizeof shown));
		else if (strcmp(t, "array") != 0)
			ok = import_bad(c, "section \"%s\" should be a list [...]", key);
	}
	sqlite3_finalize(q);
	return ok;
}

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
			if (!import_prepare(c, sql, &q))
				return false;
			bool dup = sqlite3_step(q) == SQLITE_ROW;
			char shown[200];
			if (dup)
				import_bad(c, "%s: %s %s appears twice", dups[i], f ? "id" : "uid",
				    import_show((const char *)sqlite3_column_text(q, 0), shown, sizeof shown));
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
		if (!import_prepare(c, sql, &q))
			return false;
		bool dup = sqlite3_step(q) == SQLITE_ROW;
		char shown[200];
		if (dup)
			import_bad(c, "%s %s '%s'", (const char *)sqlite3_column_text(q, 0),
			    i < sizeof once / sizeof once[0] ? once[i].what : "are the same version",
			    import_show((const char *)sqlite3_column_text(q, 1), shown, sizeof shown));
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
		if (!import_prepare(c, sql, &q))
			return false;
		bool missing = sqlite3_step(q) == SQLITE_ROW;
		char shown[200];
		if (missing)
			import_bad(c, "%s[%lld]: %s '%s' is neither in the file nor in the database",
			    refs[i].child, (long long)sqlite3_column_int64(q, 0), refs[i].field,
			    import_show((const char *)sqlite3_column_text(q, 1), shown, sizeof shown));
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
	if (!import_prepare(c, "SELECT 'coaching_events[' || min(j.key) || '] and coaching_events['"
			" || max(j.key) || ']', j.value->>'what', substr(j.value->>'item', 1, 80)"
			" FROM json_each(?1, '$.coaching_events') j"
			" GROUP BY j.value->>'coaching', j.value->>'item', j.value->>'what'"
			" HAVING count(*) > 1 ORDER BY min(j.key) LIMIT 1", &q))
		return false;
	bool ok = sqlite3_step(q) != SQLITE_ROW;
	if (!ok)
		import_bad(c, "%s are the same mark ('%s' in one session) of item '%s'",
		    (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
		    (const char *)sqlite3_column_text(q, 2));
	sqlite3_finalize(q);
	if (!ok || !import_prepare(c, "SELECT j.key, j.value->>'what' FROM json_each(?1, '$.coaching_events') j"
			       " WHERE (j.value->>'what' = 'rated') <> (j.value->>'value' > 0)"
			       " ORDER BY j.key LIMIT 1", &q))
		return false;
	ok = sqlite3_step(q) != SQLITE_ROW;
	if (!ok)
		import_bad(c, "coaching_events[%lld]: 'value' should be %s",
		    (long long)sqlite3_column_int64(q, 0),
		    strcmp((const char *)sqlite3_column_text(q, 1), "rated") == 0
			    ? "the rating, from 1 to 5" : "0 for a mark that is not \"rated\"");
	sqlite3_finalize(q);
	return ok;
}

bool import_check_all(struct ctx *c)
{
	if (!check_top(c))
		return false;
	char sql[512];
	for (size_t i = 0; i < import_nspecs; i++) {
		snprintf(sql, sizeof sql,
			 "SELECT '%s[' || j.key || ']', j.type, f.key, f.type, f.atom"
			 " FROM json_each(?1, '$.%s') j LEFT JOIN json_each(j.value) f"
			 " ON j.type = 'object' ORDER BY j.key, f.id",
			 import_specs[i].section, import_specs[i].section);
		if (!check_records(c, sql, import_specs[i].fields))
			return false;
	}
	return check_records(c,
			     "SELECT 'reflections[' || j.key || '].versions[' || v.key || ']',"
			     " v.type, f.key, f.type, f.atom"
			     " FROM json_each(?1, '$.reflections') j, json_each(j.value, '$.versions') v"
			     " LEFT JOIN json_each(v.value) f ON v.type = 'object'"
			     " ORDER BY j.key, v.key, f.id",
			     f_versions) &&
	       check_records(c,
			     "SELECT 'profiles[' || j.key || '].lock', f.type, k.key, k.type, k.atom"
			     " FROM json_each(?1, '$.profiles') j, json_each(j.value) f"
			     " LEFT JOIN json_each(f.value) k ON f.type = 'object'"
			     " WHERE f.key = 'lock' ORDER BY j.key, k.id",
			     f_lock) &&
	       check_refs(c) && check_events(c) && import_check_seal(c);
}
