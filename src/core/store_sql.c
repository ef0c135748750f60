/* The store's shared helpers: SQLite error mapping, statements and
 * transactions, column copies, and checks of the caller's input that every
 * store file uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/util.h"

enum tw_errcode store_code(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOMEM:
		return TW_ERR_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return TW_ERR_BUSY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return TW_ERR_CORRUPT;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return TW_ERR_IO;
	default:
		return TW_ERR_DB;
	}
}

bool store_fail(struct tw_store *st, struct tw_error *err, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db);
	enum tw_errcode code = store_code(rc);
	const char *msg = sqlite3_errmsg(st->db);
	switch (code) {
	case TW_ERR_BUSY:
		return tw_error_set(err, code,
				    "%s: the database '%s' stayed locked by another twoway; "
				    "try again when it has finished", what, st->path);
	case TW_ERR_CORRUPT:
		return tw_error_set(err, code,
				    "%s: the database '%s' is damaged (%s); restore it from "
				    "a backup", what, st->path, msg);
	case TW_ERR_IO:
		return tw_error_set(err, code, "%s: cannot write '%s': %s", what, st->path,
				    msg);
	default:
		return tw_error_set(err, code, "%s: %s", what, msg);
	}
}

bool store_nomem(struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
}

bool store_prepare(struct tw_store *st, const char *sql, sqlite3_stmt **out,
		   struct tw_error *err)
{
	*out = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return store_fail(st, err, "preparing a query");
	return true;
}

bool store_exec(struct tw_store *st, const char *sql, struct tw_error *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "updating the database");
	return true;
}

bool store_begin(struct tw_store *st, struct tw_error *err)
{
	if (st->batch) {
		if (sqlite3_exec(st->db, "SAVEPOINT tw_op", NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, err, "starting a write");
		st->nest++;
		return true;
	}
	store_backup_daily(st); /* before the day's first write, once */
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "starting a write");
	return true;
}

bool store_commit(struct tw_store *st, struct tw_error *err)
{
	if (st->nest > 0) {
		if (sqlite3_exec(st->db, "RELEASE tw_op", NULL, NULL, NULL) != SQLITE_OK) {
			store_fail(st, err, "saving");
			store_rollback(st);
			return false;
		}
		st->nest--;
		return true;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(st, err, "saving");
		store_rollback(st);
		return false;
	}
	return true;
}

void store_rollback(struct tw_store *st)
{
	if (st->nest > 0) {
		sqlite3_exec(st->db, "ROLLBACK TO tw_op; RELEASE tw_op", NULL, NULL, NULL);
		st->nest--;
		return;
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_end(struct tw_store *st, bool ok, int64_t *id, struct tw_error *err)
{
	if (!ok) {
		store_rollback(st);
		return false;
	}
	int64_t rowid = sqlite3_last_insert_rowid(st->db);
	if (!store_commit(st, err))
		return false;
	if (id)
		*id = rowid;
	return true;
}

bool store_read_begin(struct tw_store *st, bool *own, struct tw_error *err)
{
	*own = sqlite3_get_autocommit(st->db);
	return !*own || store_exec(st, "BEGIN", err);
}

void store_read_end(struct tw_store *st, bool own, bool ok)
{
	if (own)
		sqlite3_exec(st->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
}

bool store_step_done(struct tw_store *st, sqlite3_stmt *stmt, struct tw_error *err,
		     const char *what)
{
	/* A write outside a transaction may be the day's first. */
	if (sqlite3_get_autocommit(st->db) && !sqlite3_stmt_readonly(stmt))
		store_backup_daily(st);
	int rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, err, what);
	return true;
}

char *store_col_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);
	return strdup(t ? (const char *)t : "");
}

char *store_col_dup0(sqlite3_stmt *stmt, int i, bool *oom)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return NULL;
	char *s = store_col_dup(stmt, i);
	if (!s)
		*oom = true;
	return s;
}

bool store_check_text(const char *s, const char *what, struct tw_error *err)
{
	size_t len = s ? strnlen(s, TW_TEXT_MAX_BYTES + 1) : 0;
	if (len > TW_TEXT_MAX_BYTES)
		return tw_error_set(err, TW_ERR_INVALID,
				    "the %s is longer than 1 MiB (%zu bytes); split it or "
				    "shorten it; nothing was saved", what, strlen(s));
	if (s && !tw_text_valid(s, len))
		return tw_error_set(err, TW_ERR_INVALID,
				    "the %s is not valid UTF-8 text or holds control "
				    "characters; nothing was saved", what);
	return true;
}

bool store_check_required(const char *s, const char *what, struct tw_error *err)
{
	if (!store_check_text(s, what, err))
		return false;
	if (!s || !tw_text_nonblank(s))
		return tw_error_set(err, TW_ERR_INVALID, "the %s must not be empty", what);
	return true;
}

bool store_profile_live(struct tw_store *st, int64_t id, struct tw_error *err)
{
	char missing[64];
	snprintf(missing, sizeof missing, "there is no profile with id %lld", (long long)id);
	return store_exists(st, "SELECT 1 FROM profiles WHERE id = ?1 AND deleted_at IS NULL",
			    id, 0, missing, err);
}

bool store_rows(struct tw_store *st, sqlite3_stmt *q, const struct store_reader *r,
		void **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	char *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, r->size) || !r->row(q, v + cnt * r->size)) {
			ok = store_nomem(err);
			break;
		}
		cnt++;
	}
	if (ok && rc != SQLITE_DONE) {
		char what[64];
		snprintf(what, sizeof what, "listing %ss", r->what);
		ok = store_fail(st, err, what);
	}
	sqlite3_finalize(q);
	if (!ok) {
		for (size_t i = 0; i < cnt; i++)
			r->finish(v + i * r->size);
		free(v);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool store_row1(struct tw_store *st, sqlite3_stmt *q, const struct store_reader *r,
		void *out, const char *missing, struct tw_error *err)
{
	int rc = sqlite3_step(q);
	bool ok;
	if (rc == SQLITE_ROW) {
		ok = r->row(q, out) || store_nomem(err);
	} else if (rc == SQLITE_DONE) {
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "%s", missing);
	} else {
		char what[64];
		snprintf(what, sizeof what, "reading a %s", r->what);
		ok = store_fail(st, err, what);
	}
	sqlite3_finalize(q);
	return ok;
}

bool store_exists(struct tw_store *st, const char *sql, int64_t a, int64_t b,
		  const char *missing, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, a);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int64(q, 2, b);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "looking up a record");
	return tw_error_set(err, TW_ERR_NOTFOUND, "%s", missing);
}

int store_changes(struct tw_store *st)
{
	return sqlite3_changes(st->db);
}

bool tw_store_batch_begin(struct tw_store *st, struct tw_error *err)
{
	if (st->batch)
		return tw_error_set(err, TW_ERR_INVALID, "a batch is already open");
	if (!store_begin(st, err))
		return false;
	st->batch = true;
	st->nest = 0;
	return true;
}

bool tw_store_batch_commit(struct tw_store *st, struct tw_error *err)
{
	if (!st->batch)
		return tw_error_set(err, TW_ERR_INVALID, "no batch is open");
	st->batch = false;
	st->nest = 0;
	return store_commit(st, err);
}

void tw_store_batch_rollback(struct tw_store *st)
{
	if (!st || !st->batch)
		return;
	st->batch = false;
	st->nest = 0;
	store_rollback(st);
}
