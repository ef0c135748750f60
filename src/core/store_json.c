/* The JSON export of the whole database or one profile: every field of
 * every record (reflection versions, soft deletes, what coaching sessions
 * covered), one record per line in id order, written from plain queries
 * (a coach's copy reads "private" for private text); each record's uid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* A random UUID-shaped (version 4) uid, as an SQL expression. */
#define UUID_SQL                                                                   \
	"printf('%s-%s-4%s-%s%s-%s', lower(hex(randomblob(4))), lower(hex(randomblob(2))),"   \
	" substr(lower(hex(randomblob(2))), 2), substr('89ab', 1 + (abs(random()) % 4), 1),"  \
	" substr(lower(hex(randomblob(2))), 2), lower(hex(randomblob(6))))"

static const char *const uid_tables[] = { "profiles", "sponsors", "checkups", "reflections",
					  "meetings", "actions", "coaching" };

/* Gives every row of table that has no uid yet one (id 0: every row). */
static bool assign_uids(struct tw_store *st, const char *table, int64_t id,
			struct tw_error *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "UPDATE %s SET uid = %s WHERE uid IS NULL AND (?1 = 0 OR id = ?1)",
		 table, UUID_SQL);
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	return store_step_done(st, q, err, "giving records their uid");
}

/* Sets *missing when some row of table has no uid yet. */
static bool uids_missing(struct tw_store *st, const char *table, bool *missing,
			 struct tw_error *err)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE uid IS NULL LIMIT 1", table);
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading records' uids");
	*missing = *missing || rc == SQLITE_ROW;
	return true;
}

enum col_kind { COL_VALUE, COL_BOOL, COL_HEX, COL_LOCK, COL_VERSIONS, COL_SKIP, COL_PROFILE,
		COL_SPONSOR };

/* The uids "@profile" and "@sponsor" columns are written as: the profiles
 * an export shows, every sponsor. */
struct links {
	struct tw_uid *profiles, *sponsors;
	size_t n_profiles, n_sponsors;
};

/* How a statement's columns are written: kind and the key, as `"name":`. */
#define COLS_MAX 24 /* columns of one export query at the most */
struct cols {
	int n;
	enum col_kind kind[COLS_MAX];
	char key[COLS_MAX][24]; /* ,"name": (the comma is left out before the first) */
	size_t keylen[COLS_MAX];
};

static bool cols_read(sqlite3_stmt *q, int skip, struct cols *c, struct tw_error *err)
{
	c->n = sqlite3_column_count(q);
	if (c->n > COLS_MAX)
		return tw_error_set(err, TW_ERR_DB, "too many columns in an export query");
	for (int i = 0; i < c->n; i++) {
		const char *name = sqlite3_column_name(q, i);
		enum col_kind k = COL_VALUE;
		if (i < skip)
			k = COL_SKIP;
		else if (*name == '?')
			k = COL_BOOL, name++;
		else if (*name == '+')
			k = COL_HEX, name++;
		else if (*name == '*')
			k = COL_VERSIONS, name++;
		else if (!strncmp(name, "lock.", 5))
			k = COL_LOCK, name += 5;
		else if (!strcmp(name, "@profile"))
			k = COL_PROFILE, name++;
		else if (!strcmp(name, "@sponsor"))
			k = COL_SPONSOR, name++;
		c->kind[i] = k;
		int w = snprintf(c->key[i], sizeof c->key[i], ",\"%s\":", name);
		if (w < 0 || (size_t)w >= sizeof c->key[i])
			return tw_error_set(err, TW_ERR_DB, "an export column name is too long");
		c->keylen[i] = (size_t)w;
	}
	return true;
}

static void put_int(struct tw_buf *b, sqlite3_int64 v)
{
	char d[24];
	size_t i = sizeof d;
	sqlite3_uint64 u = v < 0 ? 0 - (sqlite3_uint64)v : (sqlite3_uint64)v;
	/* two digits a step: half the divisions of a timestamp */
	while (u >= 100) {
		i -= 2;
		tw_digits2(d + i, (unsigned)(u % 100));
		u /= 100;
	}
	if (u >= 10) {
		i -= 2;
		tw_digits2(d + i, (unsigned)u);
	} else {
		d[--i] = (char)('0' + u);
	}
	if (v < 0)
		d[--i] = '-';
	tw_buf_add(b, d + i, sizeof d - i);
}

static void put_hex(struct tw_buf *b, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	tw_buf_add(b, "\"", 1);
	char chunk[128];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		chunk[k++] = hex[p[i] >> 4];
		chunk[k++] = hex[p[i] & 15];
		if (k == sizeof chunk) {
			tw_buf_add(b, chunk, k);
			k = 0;
		}
	}
	tw_buf_add(b, chunk, k);
	tw_buf_add(b, "\"", 1);
}

/* Column i as a JSON value, the way SQLite's json_object wrote it: read
 * through the column's value, one statement lookup instead of three. */
static void put_value(struct tw_buf *b, sqlite3_stmt *q, int i)
{
	sqlite3_value *v = sqlite3_column_value(q, i);
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		tw_buf_add(b, "null", 4);
		break;
	case SQLITE_INTEGER:
		put_int(b, sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT: {
		char d[40];
		sqlite3_snprintf(sizeof d, d, "%!0.15g", sqlite3_value_double(v));
		tw_buf_puts(b, d);
		break;
	}
	case SQLITE_BLOB: {
		const unsigned char *p = sqlite3_value_blob(v);
		put_hex(b, p, (size_t)sqlite3_value_bytes(v));
		break;
	}
	default: {
		const char *t = (const char *)sqlite3_value_text(v);
		tw_export_json_string(b, t ? t : "", (size_t)sqlite3_value_bytes(v));
	}
	}
}

/* Walks the versions query along the reflections: its cursor state. */
struct versions {
	sqlite3_stmt *q;
	struct cols c;
	int rc; /* SQLITE_ROW while a row is current */
};

static void put_row(struct tw_buf *b, sqlite3_stmt *q, const struct cols *c,
		    struct versions *v, const char *const *linked);

/* The versions array of reflection id: the cursor's rows of that id. */
static void put_versions(struct tw_buf *b, struct versions *v, sqlite3_int64 id)
{
	while (v->rc == SQLITE_ROW && sqlite3_column_int64(v->q, 0) < id)
		v->rc = sqlite3_step(v->q); /* a version of no reflection read */
	tw_buf_add(b, "[", 1);
	bool first = true;
	while (v->rc == SQLITE_ROW && sqlite3_column_int64(v->q, 0) == id) {
		if (!first)
			tw_buf_add(b, ",", 1);
		first = false;
		put_row(b, v->q, &v->c, NULL, NULL);
		v->rc = sqlite3_step(v->q);
	}
	tw_buf_add(b, "]", 1);
}

/* Whether the row's links ("@profile", "@sponsor") all lead to rows the
 * export shows; linked[i] is then the uid column i is written as. */
static bool row_linked(sqlite3_stmt *q, const struct cols *c, const struct links *l,
		       const char **linked)
{
	for (int i = 0; i < c->n; i++) {
		if (c->kind[i] == COL_PROFILE)
			linked[i] = tw_uids_find(l->profiles, l->n_profiles,
						 sqlite3_column_int64(q, i));
		else if (c->kind[i] == COL_SPONSOR)
			linked[i] = tw_uids_find(l->sponsors, l->n_sponsors,
						 sqlite3_column_int64(q, i));
		else
			continue;
		if (!linked[i])
			return false;
	}
	return true;
}

static void put_row(struct tw_buf *b, sqlite3_stmt *q, const struct cols *c,
		    struct versions *v, const char *const *linked)
{
	tw_buf_add(b, "{", 1);
	size_t skip = 1; /* no comma before the first member */
	for (int i = 0; i < c->n; i++) {
		enum col_kind k = c->kind[i];
		if (k == COL_SKIP || (k == COL_HEX && sqlite3_column_type(q, i) == SQLITE_NULL))
			continue;
		if (k == COL_LOCK && sqlite3_column_type(q, i) == SQLITE_NULL) {
			while (i + 1 < c->n && c->kind[i + 1] == COL_LOCK)
				i++;
			continue;
		}
		if (k == COL_LOCK) {
			/* the lock's columns, one object */
			tw_buf_add(b, &",\"lock\":{"[skip], 9 - skip);
			int j = i;
			for (; j < c->n && c->kind[j] == COL_LOCK; j++) {
				size_t no = j == i;
				tw_buf_add(b, c->key[j] + no, c->keylen[j] - no);
				put_value(b, q, j);
			}
			tw_buf_add(b, "}", 1);
			i = j - 1;
			skip = 0;
			continue;
		}
		tw_buf_add(b, c->key[i] + skip, c->keylen[i] - skip);
		skip = 0;
		if (k == COL_BOOL) {
			bool t = sqlite3_column_int(q, i) != 0;
			tw_buf_add(b, t ? "true" : "false", t ? 4 : 5);
		} else if (k == COL_VERSIONS && v) {
			put_versions(b, v, sqlite3_column_int64(q, i));
		} else if ((k == COL_PROFILE || k == COL_SPONSOR) && linked) {
			tw_export_json_string(b, linked[i], strlen(linked[i]));
		} else {
			put_value(b, q, i);
		}
	}
	tw_buf_add(b, "}", 1);
}

static bool put_section(struct tw_store *st, const struct store_json_section *s,
			int64_t profile_id,
			bool coach, const struct links *l, struct tw_buf *b, struct tw_error *err)
{
	sqlite3_stmt *q;
	struct versions v = { .q = NULL, .rc = SQLITE_DONE };
	if (!store_prepare(st, s->sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int(q, 2, coach);
	struct cols c;
	bool ok = cols_read(q, 0, &c, err);
	for (int i = 0; ok && i < c.n; i++) {
		if (c.kind[i] != COL_VERSIONS)
			continue;
		ok = store_prepare(st, store_json_versions_sql, &v.q, err);
		if (ok) {
			sqlite3_bind_int64(v.q, 1, profile_id);
			sqlite3_bind_int(v.q, 2, coach);
			ok = cols_read(v.q, 1, &v.c, err);
			v.rc = sqlite3_step(v.q);
		}
	}
	tw_buf_printf(b, "\"%s\": [", s->name);
	size_t n = 0;
	int rc = SQLITE_DONE;
	const char *linked[COLS_MAX];
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!row_linked(q, &c, l, linked))
			continue;
		tw_buf_puts(b, n++ ? ",\n" : "\n");
		put_row(b, q, &c, v.q ? &v : NULL, linked);
		if (!tw_buf_spill(b)) {
			rc = SQLITE_DONE; /* the buffer stopped: tw_buf_ok says why */
			break;
		}
	}
	sqlite3_finalize(q);
	if (v.q) {
		if (v.rc != SQLITE_ROW && v.rc != SQLITE_DONE)
			rc = v.rc;
		sqlite3_finalize(v.q);
	}
	if (!ok)
		return false;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "exporting the database");
	tw_buf_puts(b, n ? "\n]" : "]");
	return true;
}

/* The export into b; on failure b may hold part of it. */
static bool export_json(struct tw_store *st, int64_t profile_id, bool coach, struct tw_buf *b,
			struct tw_error *err)
{
	if (profile_id && !store_profile_live(st, profile_id, err))
		return false;
	/* one transaction: uids for records exported the first time, and
	 * sections that agree with each other; a read transaction (no
	 * write, no sync) when every record has its uid already */
	bool write = false;
	for (size_t i = 0; !write && i < sizeof uid_tables / sizeof uid_tables[0]; i++)
		if (!uids_missing(st, uid_tables[i], &write, err))
			return false;
	bool read = false;
	if (write ? !store_begin(st, err) : !store_read_begin(st, &read, err))
		return false;
	tw_buf_printf(b, "{\"app\": \"twoway\", \"schema\": %d,%s\n", TW_STORE_SCHEMA_VERSION,
		      coach ? " \"coach\": true," : "");
	bool ok = true;
	for (size_t i = 0; write && ok && i < sizeof uid_tables / sizeof uid_tables[0]; i++)
		ok = assign_uids(st, uid_tables[i], 0, err);
	struct links l = { 0 };
	ok = ok &&
	     store_id_texts(st, "SELECT id, uid FROM profiles WHERE " STORE_SHOWN("profiles")
				" ORDER BY id", 0, &l.profiles, &l.n_profiles, err) &&
	     /* one profile's export links only to its own sponsors */
	     store_id_texts(st, "SELECT id, uid FROM sponsors WHERE ?1 = 0 OR profile_id = ?1"
				" ORDER BY id", profile_id, &l.sponsors, &l.n_sponsors, err);
	for (size_t i = 0; ok && i < store_json_sections_count; i++) {
		ok = put_section(st, &store_json_sections[i], profile_id, coach, &l, b, err);
		tw_buf_puts(b, i + 1 < store_json_sections_count ? ",\n" : "\n}\n");
	}
	tw_uids_free(l.profiles, l.n_profiles);
	tw_uids_free(l.sponsors, l.n_sponsors);
	if (!write)
		store_read_end(st, read, true); /* a read keeps nothing: it ends */
	else if (ok)
		ok = store_commit(st, err);
	else
		store_rollback(st);
	if (!ok)
		return false;
	tw_buf_drain(b);
	return tw_buf_ok(b, err); /* out of memory, or the sink failed */
}

static bool export_text(struct tw_store *st, int64_t profile_id, bool coach, char **out,
			size_t *len, struct tw_error *err)
{
	struct tw_buf b = { 0 };
	*out = NULL;
	if (!export_json(st, profile_id, coach, &b, err)) {
		tw_buf_free(&b);
		return false;
	}
	*out = tw_buf_take(&b, len);
	return true;
}

bool tw_store_export_json(struct tw_store *st, int64_t profile_id, char **out, size_t *len,
			  struct tw_error *err)
{
	return export_text(st, profile_id, store_coach(st), out, len, err);
}

bool tw_store_export_json_coach(struct tw_store *st, int64_t profile_id, char **out,
				size_t *len, struct tw_error *err)
{
	return export_text(st, profile_id, true, out, len, err);
}

bool tw_store_export_json_into(struct tw_store *st, int64_t profile_id, bool coach,
			       struct tw_buf *b, struct tw_error *err)
{
	/* a coach view only ever gives the coach's copy */
	return export_json(st, profile_id, coach || store_coach(st), b, err);
}

bool store_uids_give(struct tw_store *st, const char *table, struct tw_error *err)
{
	bool missing = false;
	if (!uids_missing(st, table, &missing, err))
		return false;
	if (!missing)
		return true;
	if (!store_begin(st, err))
		return false;
	return store_end(st, assign_uids(st, table, 0, err), NULL, err);
}

static const char *const uid_table[] = {
	[TW_REC_PROFILE] = "profiles",	     [TW_REC_SPONSOR] = "sponsors",
	[TW_REC_REFLECTION] = "reflections", [TW_REC_MEETING] = "meetings",
	[TW_REC_ACTION] = "actions",	     [TW_REC_COACHING] = "coaching",
};

void tw_uids_free(struct tw_uid *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].uid);
	free(v);
}

const char *tw_uids_find(const struct tw_uid *v, size_t n, int64_t id)
{
	if (!n)
		return NULL;
	/* ids without gaps (a profile's sponsors added in turn) put id at its
	 * distance from the first: one look, no search (an export looks up
	 * every row's sponsor); an id below the first wraps past n */
	uint64_t k = (uint64_t)id - (uint64_t)v[0].id;
	if (k < n && v[k].id == id)
		return v[k].uid;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].id == id)
			return v[mid].uid;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Reads (id, text) rows into a new array. */
static bool read_uids(struct tw_store *st, sqlite3_stmt *q, struct tw_uid **out, size_t *n,
		      struct tw_error *err)
{
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)out, &cap, *n, sizeof **out))
			return store_nomem(err);
		(*out)[*n].id = sqlite3_column_int64(q, 0);
		if (!((*out)[*n].uid = store_col_dup(q, 1)))
			return store_nomem(err);
		(*n)++;
	}
	return rc == SQLITE_DONE || store_fail(st, err, "reading records");
}

bool store_id_texts(struct tw_store *st, const char *sql, int64_t arg, struct tw_uid **out,
		    size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	if (sqlite3_bind_parameter_count(q) >= 1)
		sqlite3_bind_int64(q, 1, arg);
	bool ok = read_uids(st, q, out, n, err);
	sqlite3_finalize(q);
	if (!ok) {
		tw_uids_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return ok;
}

bool tw_store_uids(struct tw_store *st, enum tw_record_kind kind, int64_t profile_id,
		   struct tw_uid **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	if ((unsigned)kind >= sizeof uid_table / sizeof uid_table[0] || !uid_table[kind])
		return tw_error_set(err, TW_ERR_INVALID, "no such kind of record");
	const char *t = uid_table[kind];
	char sql[200];
	/* a write only when some record has no uid yet */
	bool write = false;
	if (!uids_missing(st, t, &write, err))
		return false;
	if (write && !store_begin(st, err))
		return false;
	snprintf(sql, sizeof sql, "SELECT id, uid FROM %s WHERE ?1 = 0 OR %s = ?1 ORDER BY id", t,
		 kind == TW_REC_PROFILE ? "id" : "profile_id");
	bool ok = (!write || assign_uids(st, t, 0, err)) &&
		  store_id_texts(st, sql, profile_id, out, n, err);
	if (write)
		ok = store_end(st, ok, NULL, err);
	if (!ok) {
		tw_uids_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return ok;
}

bool tw_store_uid(struct tw_store *st, enum tw_record_kind kind, int64_t id, char **uid,
		  struct tw_error *err)
{
	const char *const *table = uid_table;
	*uid = NULL;
	if ((unsigned)kind >= sizeof uid_table / sizeof uid_table[0])
		return tw_error_set(err, TW_ERR_INVALID, "no such kind of record");
	if (!store_begin(st, err))
		return false;
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT uid FROM %s WHERE id = ?", table[kind]);
	sqlite3_stmt *q = NULL;
	if (!assign_uids(st, table[kind], id, err) || !store_prepare(st, sql, &q, err)) {
		store_rollback(st);
		return false;
	}
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*uid = store_col_dup(q, 0);
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW && *uid && !store_commit(st, err)) {
		free(*uid);
		*uid = NULL;
		return false;
	}
	if (rc != SQLITE_ROW || !*uid)
		store_rollback(st);
	if (rc == SQLITE_DONE)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no %s with id %lld",
				    tw_record_kind_name(kind), (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "reading a record's uid");
	return *uid ? true : store_nomem(err);
}
