/* `twoway import`, second checks, on the parsed file and the database
 * (read only): uids and ids repeated in a section, what the database keeps
 * once repeated in the file, references to records in neither the file nor
 * the database, links across profiles, and what coaching sessions covered.
 * Each check is one pass over its section with an index of strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/util.h"

/* ---- the index of strings ---- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static size_t find(const struct sindex *x, const char *key)
{
	size_t i = (size_t)hash(key) & (x->cap - 1);
	while (x->keys[i] && strcmp(x->keys[i], key) != 0)
		i = (i + 1) & (x->cap - 1);
	return i;
}

bool sindex_put(struct sindex *x, const char *key, int64_t **slot)
{
	if ((x->n + 1) * 2 > x->cap) {
		struct sindex y = { .cap = x->cap ? x->cap * 2 : 64 };
		y.keys = calloc(y.cap, sizeof *y.keys);
		y.vals = calloc(y.cap, sizeof *y.vals);
		if (!y.keys || !y.vals) {
			sindex_free(&y);
			return false;
		}
		for (size_t i = 0; i < x->cap; i++) {
			if (!x->keys[i])
				continue;
			size_t j = find(&y, x->keys[i]);
			y.keys[j] = x->keys[i];
			y.vals[j] = x->vals[i];
		}
		y.n = x->n;
		sindex_free(x);
		*x = y;
	}
	size_t i = find(x, key);
	if (!x->keys[i]) {
		x->keys[i] = key;
		x->vals[i] = 0;
		x->n++;
	}
	*slot = &x->vals[i];
	return true;
}

int64_t *sindex_get(const struct sindex *x, const char *key)
{
	if (!x->cap)
		return NULL;
	size_t i = find(x, key);
	return x->keys[i] ? &x->vals[i] : NULL;
}

void sindex_free(struct sindex *x)
{
	free(x->keys);
	free(x->vals);
	memset(x, 0, sizeof *x);
}

/* ---- repeats inside one section ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_int(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The smallest uid (or id) that appears twice in a section, as the
 * message shows it ("" when none). */
static bool least_repeat(struct ctx *c, json_t *a, const char *field, char *out, size_t size)
{
	size_t n = json_array_size(a);
	*out = '\0';
	if (n < 2)
		return true;
	bool text = strcmp(field, "uid") == 0;
	void *v = malloc(n * (text ? sizeof(const char *) : sizeof(int64_t)));
	if (!v)
		return import_bad(c, "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *f = json_object_get(json_array_get(a, i), field);
		if (text)
			((const char **)v)[i] = json_string_value(f);
		else
			((int64_t *)v)[i] = (int64_t)json_integer_value(f);
	}
	qsort(v, n, text ? sizeof(const char *) : sizeof(int64_t), text ? cmp_str : cmp_int);
	for (size_t i = 1; i < n && !*out; i++) {
		if (text && strcmp(((const char **)v)[i], ((const char **)v)[i - 1]) == 0)
			import_show(((const char **)v)[i], out, size);
		else if (!text && ((int64_t *)v)[i] == ((int64_t *)v)[i - 1])
			snprintf(out, size, "%lld", (long long)((int64_t *)v)[i]);
	}
	free(v);
	return true;
}

/* What one group of records shares: the first and last place, how many. */
struct group {
	size_t first, last, count;
};

/* Groups the records of a by key (one string per record, NULL to leave a
 * record out) and finds the group with a repeat that starts first: *at is
 * its index in groups, or SIZE_MAX when nothing repeats. */
static bool first_repeat(struct ctx *c, const char **keys, size_t n, struct group **groups,
			 size_t *at)
{
	struct sindex x = { 0 };
	struct group *g = calloc(n ? n : 1, sizeof *g);
	size_t ng = 0;
	*at = SIZE_MAX;
	*groups = g;
	if (!g)
		return import_bad(c, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (!keys[i])
			continue;
		int64_t *s;
		if (!sindex_put(&x, keys[i], &s)) {
			sindex_free(&x);
			return import_bad(c, "out of memory");
		}
		if (!*s) {
			*s = (int64_t)++ng;
			g[ng - 1].first = i;
		}
		struct group *gi = &g[*s - 1];
		gi->last = i;
		gi->count++;
	}
	sindex_free(&x);
	for (size_t i = 0; i < ng; i++)
		if (g[i].count > 1 && (*at == SIZE_MAX || g[i].first < g[*at].first))
			*at = i;
	return true;
}

/* The key of a record by one field, or by two joined with a separator
 * that checked text never holds. */
static void free_keys(char **keys, size_t n)
{
	for (size_t i = 0; keys && i < n; i++)
		free(keys[i]);
	free(keys);
}

static char *pair_key(const json_t *r, const char *a, const char *b)
{
	/* answers per meeting (or check-up run): one per meeting (or run) */
	const char *m = import_text(r, "meeting"), *u = import_text(r, "checkup");
	return tw_strdup_printf("%s\x1f%s\x1f%s\x1f%s", import_text(r, a), import_text(r, b),
				m ? m : "", u ? u : "");
}

/* What the database keeps only once, repeated in the file: the first two
 * places and the value they share. */
static bool check_once(struct ctx *c)
{
	static const struct {
		const char *section, *what;
		bool live; /* only live records (and, for reflections, on an item) */
	} once[] = {
		{ "profiles", "are two live profiles named", true },
		{ "reflections", "are two live reflections of one profile on item", true },
		{ "progress", "are two progress records of one profile for item", false },
		{ "drafts", "are two drafts of one profile for item", false },
	};
	for (size_t k = 0; k < sizeof once / sizeof once[0]; k++) {
		json_t *a = import_section(c, once[k].section);
		size_t n = json_array_size(a);
		bool by_name = strcmp(once[k].section, "profiles") == 0;
		const char **keys = calloc(n ? n : 1, sizeof *keys);
		if (!keys)
			return import_bad(c, "out of memory");
		bool ok = true;
		for (size_t i = 0; ok && i < n; i++) {
			json_t *r = json_array_get(a, i);
			if (once[k].live && !json_is_null(json_object_get(r, "deleted_at")))
				continue;
			if (by_name)
				keys[i] = import_text(r, "name");
			else if (!json_is_null(json_object_get(r, "item")))
				ok = (keys[i] = pair_key(r, "profile", "item")) != NULL ||
				     import_bad(c, "out of memory");
		}
		struct group *g = NULL;
		size_t at = SIZE_MAX;
		ok = ok && first_repeat(c, keys, n, &g, &at);
		if (ok && at != SIZE_MAX) {
			char shown[200];
			const json_t *r = json_array_get(a, g[at].first);
			import_bad(c, "%s[%zu] and %s[%zu] %s '%s'", once[k].section, g[at].first,
				   once[k].section, g[at].last, once[k].what,
				   import_show(import_text(r, by_name ? "name" : "item"), shown,
					       sizeof shown));
			ok = false;
		}
		free(g);
		if (!by_name)
			for (size_t i = 0; i < n; i++)
				free((char *)keys[i]);
		free(keys);
		if (!ok)
			return false;
	}
	return true;
}

/* Two versions of one reflection with the same number: the first
 * reflection with a repeat, and in it the repeat that starts first. */
static bool check_versions(struct ctx *c)
{
	size_t j;
	json_t *r;
	json_array_foreach(import_section(c, "reflections"), j, r) {
		json_t *vs = json_object_get(r, "versions");
		size_t n = json_array_size(vs);
		char **keys = calloc(n ? n : 1, sizeof *keys);
		bool ok = keys != NULL;
		for (size_t i = 0; ok && i < n; i++)
			ok = (keys[i] = tw_strdup_printf("%lld", (long long)json_integer_value(
				      json_object_get(json_array_get(vs, i), "version")))) != NULL;
		struct group *g = NULL;
		size_t at = SIZE_MAX;
		ok = ok ? first_repeat(c, (const char **)keys, n, &g, &at)
			: import_bad(c, "out of memory");
		if (ok && at != SIZE_MAX) {
			import_bad(c, "reflections[%zu].versions[%zu] and [%zu] are the same version '%s'",
				   j, g[at].first, g[at].last, keys[g[at].first]);
			ok = false;
		}
		free(g);
		free_keys(keys, n);
		if (!ok)
			return false;
	}
	return true;
}

/* ---- references ---- */

/* Says whether the database holds a record with this uid in table;
 * *profile_id, when not NULL, gets its profile (or its own id for a
 * profile). */
static bool db_uid(struct ctx *c, const char *table, const char *uid, bool *found,
		   int64_t *profile_id)
{
	static const char *const sql[][2] = {
		{ "profiles", "SELECT id FROM profiles WHERE uid = ?1" },
		{ "sponsors", "SELECT profile_id FROM sponsors WHERE uid = ?1" },
		{ "meetings", "SELECT profile_id FROM meetings WHERE uid = ?1" },
		{ "checkups", "SELECT profile_id FROM checkups WHERE uid = ?1" },
		{ "actions", "SELECT profile_id FROM actions WHERE uid = ?1" },
		{ "coaching", "SELECT id FROM coaching WHERE uid = ?1" },
	};
	size_t t = 0;
	while (t + 1 < sizeof sql / sizeof sql[0] && strcmp(sql[t][0], table) != 0)
		t++;
	sqlite3_stmt *q = import_stmt(c, sql[t][1]);
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, uid, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	if (*found && profile_id)
		*profile_id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return import_db_bad(c, "reading the database");
	return true;
}

/* The uids of a section, each to its place in the file. */
static bool index_uids(struct ctx *c, const char *section, struct sindex *x)
{
	size_t i;
	json_t *r;
	json_array_foreach(import_section(c, section), i, r) {
		int64_t *s;
		if (!sindex_put(x, import_text(r, "uid"), &s))
			return import_bad(c, "out of memory");
		*s = (int64_t)i + 1;
	}
	return true;
}

enum { P_PROFILES, P_SPONSORS, P_MEETINGS, P_COACHING, P_CHECKUPS, NPARENTS };
static const char *const parents[NPARENTS] = { "profiles", "sponsors", "meetings",
					       "coaching", "checkups" };

static bool check_links(struct ctx *c, struct sindex *uids)
{
	static const struct {
		const char *child, *field;
		int parent;
	} refs[] = {
		{ "sponsors", "profile", P_PROFILES },	 { "progress", "profile", P_PROFILES },
		{ "ratings", "profile", P_PROFILES },	 { "reflections", "profile", P_PROFILES },
		{ "drafts", "profile", P_PROFILES },	 { "meetings", "profile", P_PROFILES },
		{ "meetings", "sponsor", P_SPONSORS },	 { "actions", "profile", P_PROFILES },
		{ "actions", "meeting", P_MEETINGS },	 { "coaching", "profile", P_PROFILES },
		{ "reflections", "meeting", P_MEETINGS }, { "progress", "meeting", P_MEETINGS },
		{ "coaching_events", "coaching", P_COACHING },
		{ "checkups", "profile", P_PROFILES },	 { "checkups", "sponsor", P_SPONSORS },
		{ "reflections", "checkup", P_CHECKUPS }, { "progress", "checkup", P_CHECKUPS },
	};
	for (size_t k = 0; k < sizeof refs / sizeof refs[0]; k++) {
		size_t i;
		json_t *r;
		json_array_foreach(import_section(c, refs[k].child), i, r) {
			const char *u = import_text(r, refs[k].field);
			bool found = false;
			if (!u || sindex_get(&uids[refs[k].parent], u))
				continue;
			if (!db_uid(c, parents[refs[k].parent], u, &found, NULL))
				return false;
			char shown[200];
			if (!found)
				return import_bad(c, "%s[%zu]: %s '%s' is neither in the file nor in "
						  "the database", refs[k].child, i, refs[k].field,
						  import_show(u, shown, sizeof shown));
		}
	}
	return true;
}

/* ---- links across profiles ---- */

/* Where the records of a file's profile uid land: the database profile
 * with that uid, else the live one that the file's live profile of that
 * name merges into (a positive id), else a new profile (minus its place in
 * the file, less one). As the inserts resolve it. */
static bool land_profile(struct ctx *c, struct sindex *uids, struct sindex *cache,
			 const char *uid, int64_t *out)
{
	int64_t *s = sindex_get(cache, uid);
	if (s) {
		*out = *s;
		return true;
	}
	bool found = false;
	if (!db_uid(c, "profiles", uid, &found, out))
		return false;
	int64_t *at = sindex_get(&uids[P_PROFILES], uid);
	if (!found && at) {
		json_t *p = json_array_get(import_section(c, "profiles"), (size_t)*at - 1);
		*out = -*at;
		if (json_is_null(json_object_get(p, "deleted_at"))) {
			sqlite3_stmt *q = import_stmt(c, "SELECT id FROM profiles WHERE name = ?1"
						      " AND deleted_at IS NULL");
			if (!q)
				return false;
			sqlite3_bind_text(q, 1, import_text(p, "name"), -1, SQLITE_STATIC);
			int rc = sqlite3_step(q);
			if (rc == SQLITE_ROW)
				*out = sqlite3_column_int64(q, 0);
			sqlite3_reset(q);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return import_db_bad(c, "reading the database");
		}
	}
	if (!sindex_put(cache, uid, &s))
		return import_bad(c, "out of memory");
	*s = *out;
	return true;
}

/* The profile a parent (a sponsor or a meeting) belongs to once imported:
 * the database's record when it holds that uid (the file's copy is then
 * not imported), else the file's. */
static bool parent_profile(struct ctx *c, struct sindex *uids, struct sindex *cache, int which,
			   const char *uid, int64_t *out)
{
	bool found = false;
	if (!db_uid(c, parents[which], uid, &found, out))
		return false;
	if (found)
		return true;
	int64_t *at = sindex_get(&uids[which], uid);
	json_t *p = json_array_get(import_section(c, parents[which]), at ? (size_t)*at - 1 : 0);
	return land_profile(c, uids, cache, import_text(p, "profile"), out);
}

/* A meeting whose sponsor, or an action item whose meeting, belongs to
 * another profile: refused, as the store refuses it. Records already here
 * (their uid) are not imported, so they are not judged. */
static bool check_profiles(struct ctx *c, struct sindex *uids)
{
	static const struct {
		const char *child, *field, *what;
		int self, parent;
	} links[] = {
		{ "meetings", "sponsor", "meeting", P_MEETINGS, P_SPONSORS },
		{ "actions", "meeting", "action item", -1, P_MEETINGS },
		{ "reflections", "meeting", "reflection", -1, P_MEETINGS },
		{ "checkups", "sponsor", "check-up", P_CHECKUPS, P_SPONSORS },
		{ "reflections", "checkup", "reflection", -1, P_CHECKUPS },
	};
	struct sindex cache = { 0 };
	bool ok = true;
	for (size_t k = 0; ok && k < sizeof links / sizeof links[0]; k++) {
		size_t i;
		json_t *r;
		json_array_foreach(import_section(c, links[k].child), i, r) {
			const char *u = import_text(r, links[k].field);
			bool here = false;
			int64_t mine = 0, theirs = 0;
			if (!u)
				continue;
			if (!(ok = db_uid(c, links[k].child, import_text(r, "uid"), &here, NULL)))
				break;
			if (here)
				continue;
			if (!(ok = land_profile(c, uids, &cache, import_text(r, "profile"), &mine) &&
				   parent_profile(c, uids, &cache, links[k].parent, u, &theirs)))
				break;
			if (mine != theirs) {
				char shown[200];
				ok = import_bad(c, "%s[%zu]: %s '%s' belongs to another profile than the %s",
						links[k].child, i, links[k].field,
						import_show(u, shown, sizeof shown), links[k].what);
				break;
			}
		}
	}
	sindex_free(&cache);
	return ok;
}

/* What a coaching session covered: each mark once per session and item,
 * a rating (1-5) on "rated" marks only. */
static bool check_events(struct ctx *c)
{
	json_t *a = import_section(c, "coaching_events");
	size_t n = json_array_size(a);
	char **keys = calloc(n ? n : 1, sizeof *keys);
	bool ok = keys != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		json_t *r = json_array_get(a, i);
		ok = (keys[i] = tw_strdup_printf("%s\x1f%s\x1f%s", import_text(r, "coaching"),
						 import_text(r, "item"), import_text(r, "what"))) != NULL;
	}
	struct group *g = NULL;
	size_t at = SIZE_MAX;
	ok = ok ? first_repeat(c, (const char **)keys, n, &g, &at) : import_bad(c, "out of memory");
	if (ok && at != SIZE_MAX) {
		const json_t *r = json_array_get(a, g[at].first);
		const char *item = import_text(r, "item");
		size_t len = strlen(item), o = 0;
		for (size_t chars = 0; o < len && chars < 80; chars++) /* SQL substr(item, 1, 80) */
			do
				o++;
			while (o < len && ((unsigned char)item[o] & 0xC0) == 0x80);
		import_bad(c, "coaching_events[%zu] and coaching_events[%zu] are the same mark ('%s' in "
			   "one session) of item '%.*s'", g[at].first, g[at].last,
			   import_text(r, "what"), (int)o, item);
		ok = false;
	}
	free(g);
	free_keys(keys, n);
	if (!ok)
		return false;
	size_t i;
	json_t *r;
	json_array_foreach(a, i, r) {
		bool rated = strcmp(import_text(r, "what"), "rated") == 0;
		if (rated != (json_integer_value(json_object_get(r, "value")) > 0))
			return import_bad(c, "coaching_events[%zu]: 'value' should be %s", i,
					  rated ? "the rating, from 1 to 5"
						: "0 for a mark that is not \"rated\"");
	}
	return true;
}

bool import_check_refs(struct ctx *c)
{
	static const char *const dups[] = { "profiles", "sponsors", "checkups", "reflections",
					    "meetings", "actions", "coaching" };
	for (size_t i = 0; i < sizeof dups / sizeof dups[0]; i++) {
		for (int f = 0; f < 2; f++) {
			char shown[200];
			if (!least_repeat(c, import_section(c, dups[i]), f ? "id" : "uid", shown,
					  sizeof shown))
				return false;
			if (*shown)
				return import_bad(c, "%s: %s %s appears twice", dups[i],
						  f ? "id" : "uid", shown);
		}
	}
	if (!check_once(c) || !check_versions(c))
		return false;
	struct sindex uids[NPARENTS] = { 0 };
	bool ok = true;
	for (int p = 0; ok && p < NPARENTS; p++)
		ok = index_uids(c, parents[p], &uids[p]);
	ok = ok && check_links(c, uids) && check_profiles(c, uids) && check_events(c);
	for (int p = 0; p < NPARENTS; p++)
		sindex_free(&uids[p]);
	return ok;
}
