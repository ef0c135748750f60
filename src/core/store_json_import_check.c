/* `twoway import`, first checks: the layout of an export and the checks of
 * the parsed file before anything is written: the top level, sections,
 * fields and their kinds and values, record by record in file order. */
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
	{ "created", 'I' }, { "updated", 'I' }, { "deleted_at", 'i' },
	{ "stage_set", 'o' }, /* optional: files of schema 7 and before have none */
	{ NULL, 0 },
};
static const struct field f_checkups[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "sponsor", 'n' }, { "at", 'P' },
	{ "created", 'I' }, { NULL, 0 },
};
static const struct field f_progress[] = {
	{ "profile", 'N' }, { "item", 'N' }, { "ticked", 'B' }, { "rating", 'R' },
	{ "changed", 'I' },
	{ "meeting", 'm' }, /* optional: files of schema 5 and before have none */
	{ "checkup", 'm' }, /* optional: files of schema 7 and before have none */
	{ NULL, 0 },
};
static const struct field f_ratings[] = {
	{ "profile", 'N' }, { "item", 'N' }, { "rating", 'R' }, { "at", 'I' }, { NULL, 0 },
};
static const struct field f_reflections[] = {
	{ "uid", 'N' }, { "id", 'P' }, { "profile", 'N' }, { "item", 'n' }, { "text", 'T' },
	{ "private", 'B' }, { "version", 'P' }, { "created", 'I' }, { "updated", 'I' },
	{ "deleted_at", 'i' }, { "versions", 'A' }, { "sealed", 'X' },
	{ "meeting", 'm' }, /* optional: files of schema 5 and before have none */
	{ "checkup", 'm' }, /* optional: files of schema 7 and before have none */
	{ NULL, 0 },
};
static const struct field f_versions[] = {
	{ "version", 'P' }, { "text", 'T' }, { "private", 'B' }, { "saved", 'I' },
	{ "sealed", 'X' }, { NULL, 0 },
};
const struct field *const import_version_fields = f_versions;
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
	{ "created", 'I' }, { "updated", 'I' }, { "deleted_at", 'i' },
	{ "keep", 't' }, /* optional: files of schema 7 and before have none */
	{ NULL, 0 },
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
	{ "profiles", f_profiles },	  { "sponsors", f_sponsors }, { "checkups", f_checkups },
	{ "progress", f_progress },
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

/* Checks one field value. */
static bool check_value(struct ctx *c, const char *where, const struct field *f,
			const json_t *val)
{
	const char *t = json_is_string(val) ? json_string_value(val) : NULL;
	size_t tl = t ? json_string_length(val) : 0;
	int64_t v = json_is_integer(val) ? (int64_t)json_integer_value(val) : 0;
	bool is_int = json_is_integer(val), is_text = t != NULL, is_null = json_is_null(val);
	switch (f->kind) {
	case 'm':
	case 'n':
		if (is_null)
			return true;
		/* fall through */
	case 'N':
	case 't': /* optional text, may be empty */
	case 'T':
		if (!is_text)
			return import_bad(c, "%s: '%s' should be text", where, f->name);
		if (tl > TW_TEXT_MAX_BYTES) /* the limit every write keeps */
			return import_bad(c, "%s: '%s' is longer than 1 MiB (%zu bytes)", where,
					  f->name, tl);
		if (!tw_text_valid(t, tl))
			return import_bad(c, "%s: '%s' is not valid UTF-8 text without control characters",
				   where, f->name);
		if (f->kind != 'T' && f->kind != 't' && !tw_text_nonblank(t))
			return import_bad(c, "%s: '%s' is empty", where, f->name);
		return true;
	case 'o':
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
		if (!json_is_boolean(val))
			return import_bad(c, "%s: '%s' should be true or false", where, f->name);
		return true;
	case 'A':
		if (!json_is_array(val))
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
		if (!is_text || !t || tl == 0 || tl % 2 || strspn(t, "0123456789abcdef") != tl ||
		    tl > 2 * ((size_t)TW_TEXT_MAX_BYTES + 64))
			return import_bad(c, "%s: '%s' should be sealed text in lower-case hex", where,
					  f->name);
		return true;
	case 'K':
		if (!json_is_object(val))
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

/* Checks one record (label names its place): an object holding every
 * field of its kind, and nothing else; fields in the order of the file. */
static bool check_record(struct ctx *c, const char *label, const json_t *rec,
			 const struct field *fields)
{
	if (!json_is_object(rec))
		return import_bad(c, "%s should be an object {...}", label);
	unsigned seen = 0;
	size_t nf = 0;
	while (fields[nf].name)
		nf++;
	const char *key;
	json_t *val;
	json_object_foreach((json_t *)rec, key, val) {
		size_t k = 0;
		while (k < nf && strcmp(fields[k].name, key) != 0)
			k++;
		if (k == nf) {
			char shown[200];
			return import_bad(c, "%s: unknown field '%s'", label,
					  import_show(key, shown, sizeof shown));
		}
		seen |= 1u << k;
		if (!check_value(c, label, &fields[k], val))
			return false;
	}
	for (size_t k = 0; k < nf; k++) /* b, m, o, t, X and K fields are optional */
		if (!strchr("bmotXK", fields[k].kind) && !(seen & (1u << k)))
			return import_bad(c, "%s: field '%s' is missing", label, fields[k].name);
	return true;
}

/* The top level: an object from twoway with a schema this program reads,
 * an optional "coach" flag, and only known sections, each a list. */
static bool check_top(struct ctx *c)
{
	json_t *root = c->root;
	if (!json_is_object(root))
		return import_bad(c, "not a twoway export: the file is not a JSON object");
	const char *app = import_text(root, "app");
	json_t *schema = json_object_get(root, "schema");
	if (!app || strcmp(app, "twoway") != 0)
		return import_bad(c, "not a twoway export: \"app\" is not \"twoway\"");
	if (!json_is_integer(schema))
		return import_bad(c, "not a twoway export: \"schema\" is missing");
	long long v = (long long)json_integer_value(schema);
	if (v > TW_STORE_SCHEMA_VERSION)
		return import_bad(c, "written by a newer twoway (schema %lld, this one reads up to %d); "
			    "update twoway to import it", v, TW_STORE_SCHEMA_VERSION);
	if (v < 3)
		return import_bad(c, "schema %lld is older than the first export format (3)", v);
	const char *key;
	json_t *val;
	json_object_foreach(root, key, val) {
		if (strcmp(key, "app") == 0 || strcmp(key, "schema") == 0)
			continue;
		if (strcmp(key, "coach") == 0) { /* a coach's copy */
			if (!json_is_boolean(val))
				return import_bad(c, "\"coach\" should be true or false");
			continue;
		}
		size_t i = 0;
		while (i < import_nspecs && strcmp(import_specs[i].section, key) != 0)
			i++;
		char shown[200];
		if (i == import_nspecs)
			return import_bad(c, "unknown section \"%s\"", import_show(key, shown, sizeof shown));
		if (!json_is_array(val))
			return import_bad(c, "section \"%s\" should be a list [...]", key);
	}
	return true;
}

json_t *import_section(const struct ctx *c, const char *name)
{
	for (size_t i = 0; i < import_nspecs; i++)
		if (strcmp(import_specs[i].section, name) == 0)
			return c->sec[i];
	return NULL;
}

const char *import_text(const json_t *r, const char *key)
{
	return json_string_value(json_object_get(r, key));
}

bool import_check_fields(struct ctx *c)
{
	if (!check_top(c))
		return false;
	char label[128];
	for (size_t i = 0; i < import_nspecs; i++) {
		json_t *a = json_object_get(c->root, import_specs[i].section);
		c->sec[i] = a; /* NULL when absent: jansson reads it as empty */
		size_t k;
		json_t *rec;
		json_array_foreach(a, k, rec) {
			snprintf(label, sizeof label, "%s[%zu]", import_specs[i].section, k);
			if (!check_record(c, label, rec, import_specs[i].fields))
				return false;
		}
	}
	size_t k, v;
	json_t *rec, *ver;
	json_array_foreach(import_section(c, "reflections"), k, rec) {
		json_array_foreach(json_object_get(rec, "versions"), v, ver) {
			snprintf(label, sizeof label, "reflections[%zu].versions[%zu]", k, v);
			if (!check_record(c, label, ver, f_versions))
				return false;
		}
	}
	json_array_foreach(import_section(c, "profiles"), k, rec) {
		json_t *lock = json_object_get(rec, "lock");
		snprintf(label, sizeof label, "profiles[%zu].lock", k);
		if (lock && !check_record(c, label, lock, f_lock))
			return false;
	}
	return true;
}
