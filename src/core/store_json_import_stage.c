/* Holding the file until its records go in: the parsed JSON in an arena
 * (freed at once), and the staging tables (temp.stage_*) the insert
 * statements read, one per section, filled with bound values. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include "store_json_import.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* ---- the parsed file lives in an arena: jansson allocates a few small
 * blocks per value, and malloc's bookkeeping for a million of them costs
 * more than the parse; the arena hands out memory in order and frees it
 * all at once. jansson's allocator is process-wide: it is set for the
 * parse and the checks and put back before returning. ---- */
#define ARENA_CHUNK (1u << 20)
#define ARENA_FIRST (16u << 10)

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};
static struct chunk *arena;
/* Chunks start small and double up to ARENA_CHUNK: a small file (most
 * imports, every fuzz input) takes a few KiB, not a fresh MiB mapping. */
static size_t arena_next = ARENA_FIRST;

void *import_arena_alloc(size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!arena || arena->size - arena->used < n) {
		bool large = n > arena_next / 4;
		size_t size = large ? n : arena_next;
		struct chunk *c = malloc(sizeof *c + size);
		if (!c)
			return NULL;
		c->used = 0;
		c->size = size;
		if (arena && large) { /* a large block: keep filling the current one */
			c->next = arena->next;
			arena->next = c;
			c->used = n;
			return c->data;
		}
		c->next = arena;
		arena = c;
		if (!large && arena_next < ARENA_CHUNK)
			arena_next *= 2;
	}
	void *p = (char *)arena->data + arena->used;
	arena->used += n;
	return p;
}

void import_arena_free(void *p)
{
	(void)p; /* everything goes at once in import_arena_drop */
}

void import_arena_drop(void)
{
	while (arena) {
		struct chunk *next = arena->next;
		free(arena);
		arena = next;
	}
	arena_next = ARENA_FIRST;
	json_set_alloc_funcs(malloc, free);
}

/* ---- staging: the checked file goes row by row into temporary tables,
 * one per section (column k the record's place in the file, then its
 * fields; reflection versions in stage_versions, r the reflection's place).
 * They live in this connection's temporary database, so filling them
 * takes no lock on the store; the inserts below then read them in one
 * statement per section inside the write transaction (FTS5 indexes a
 * statement's rows at once, where a statement per row would flush its
 * index every row). ---- */


bool import_stage_exec(struct ctx *c, const char *sql)
{
	if (sqlite3_exec(c->st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return import_db_bad(c, "importing");
	return true;
}

void import_drop_stage(struct ctx *c)
{
	char sql[96];
	for (size_t i = 0; i < import_nspecs; i++) {
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.stage_%s", import_specs[i].section);
		sqlite3_exec(c->st->db, sql, NULL, NULL, NULL);
	}
	sqlite3_exec(c->st->db, "DROP TABLE IF EXISTS temp.stage_versions", NULL, NULL, NULL);
	sqlite3_exec(c->st->db, "DROP TABLE IF EXISTS temp.stage_locks", NULL, NULL, NULL);
}

/* v is NULL for an optional field the file leaves out: staged as NULL. */
static void bind_value(sqlite3_stmt *q, int i, const json_t *v)
{
	if (!v) {
		sqlite3_bind_null(q, i);
		return;
	}
	switch (json_typeof(v)) {
	case JSON_STRING:
		sqlite3_bind_text(q, i, json_string_value(v), (int)json_string_length(v),
				  SQLITE_STATIC);
		break;
	case JSON_INTEGER:
		sqlite3_bind_int64(q, i, (sqlite3_int64)json_integer_value(v));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		sqlite3_bind_int(q, i, json_is_true(v));
		break;
	default:
		sqlite3_bind_null(q, i);
		break;
	}
}

static bool stage_step(struct ctx *c, sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE || import_db_bad(c, "importing");
}

/* One staging table and its rows: the records of a, or with versions the
 * versions of each record of a (the reflections). */
static bool stage_section(struct ctx *c, const char *name, const struct field *fields,
			  json_t *a, bool versions)
{
	char cols[512], marks[256], sql[1024];
	size_t oc = 0, om = 0, nf = 0;
	for (; fields[nf].name; nf++) {
		if (fields[nf].kind == 'A')
			continue;
		oc += (size_t)snprintf(cols + oc, sizeof cols - oc, ", \"%s\"", fields[nf].name);
		om += (size_t)snprintf(marks + om, sizeof marks - om, ", ?");
	}
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE stage_%s(%s%s%s)", name,
		 versions ? "r INTEGER, k INTEGER" : "k INTEGER PRIMARY KEY", cols,
		 versions ? ", PRIMARY KEY (r, k)" : "");
	if (!import_stage_exec(c, sql))
		return false;
	snprintf(sql, sizeof sql, "INSERT INTO temp.stage_%s(%sk%s) VALUES (%s?%s)", name,
		 versions ? "r, " : "", cols, versions ? "?, " : "", marks);
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, sql, &q, &err))
		return import_bad(c, "%s", err.message);
	bool ok = true;
	size_t i, v;
	json_t *r, *ver;
	json_array_foreach(a, i, r) {
		json_array_foreach(versions ? json_object_get(r, "versions") : NULL, v, ver) {
			sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
			sqlite3_bind_int64(q, 2, (sqlite3_int64)v);
			for (size_t f = 0, col = 3; fields[f].name; f++)
				bind_value(q, (int)col++, json_object_get(ver, fields[f].name));
			if (!(ok = stage_step(c, q)))
				break;
		}
		if (!ok)
			break;
		if (versions)
			continue;
		sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
		for (size_t f = 0, col = 2; fields[f].name; f++)
			if (fields[f].kind != 'A')
				bind_value(q, (int)col++, json_object_get(r, fields[f].name));
		if (!(ok = stage_step(c, q)))
			break;
	}
	sqlite3_finalize(q);
	return ok;
}

/* The key material of the file's locked profiles, one row each (k the
 * profile's place in the file). */
static bool stage_locks(struct ctx *c)
{
	if (!import_stage_exec(c, "CREATE TEMP TABLE stage_locks(k INTEGER PRIMARY KEY, uid, public, key,"
			   " salt, opslimit, memlimit)"))
		return false;
	sqlite3_stmt *q;
	struct tw_error err = { 0 };
	if (!store_prepare(c->st, "INSERT INTO temp.stage_locks VALUES (?, ?, ?, ?, ?, ?, ?)", &q,
			   &err))
		return import_bad(c, "%s", err.message);
	static const char *const keys[] = { "public", "key", "salt", "opslimit", "memlimit" };
	bool ok = true;
	size_t i;
	json_t *r;
	json_array_foreach(import_section(c, "profiles"), i, r) {
		json_t *lock = json_object_get(r, "lock");
		if (!lock)
			continue;
		sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
		bind_value(q, 2, json_object_get(r, "uid"));
		for (int k = 0; k < 5; k++)
			bind_value(q, 3 + k, json_object_get(lock, keys[k]));
		if (!(ok = stage_step(c, q)))
			break;
	}
	sqlite3_finalize(q);
	return ok;
}

bool import_stage_all(struct ctx *c)
{
	import_drop_stage(c);
	for (size_t i = 0; i < import_nspecs; i++)
		if (!stage_section(c, import_specs[i].section, import_specs[i].fields, c->sec[i],
				   false))
			return false;
	return stage_section(c, "versions", import_version_fields,
			     import_section(c, "reflections"), true) &&
	       stage_locks(c) &&
	       import_stage_exec(c, "CREATE INDEX temp.stage_profiles_uid ON stage_profiles(uid)");
}

