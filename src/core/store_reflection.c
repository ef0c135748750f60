/* Reflections with their full history: every save appends a version row
 * (rows are never rewritten), restore appends an old version's text again,
 * and the reflections row mirrors the newest version for fast reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define REFL_COLS "id, profile_id, item_id, text, is_private, version, created, updated"

static bool row_reflection(sqlite3_stmt *q, struct tw_reflection *r)
{
	bool oom = false;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->profile_id = sqlite3_column_int64(q, 1);
	r->item_id = store_col_dup0(q, 2, &oom);
	r->text = store_col_dup(q, 3);
	r->is_private = sqlite3_column_int(q, 4) != 0;
	r->version = sqlite3_column_int(q, 5);
	r->created = sqlite3_column_int64(q, 6);
	r->updated = sqlite3_column_int64(q, 7);
	if (oom || !r->text) {
		tw_reflection_finish(r);
		return false;
	}
	return true;
}

static bool add_version(struct tw_store *st, int64_t id, int version, const char *text,
			bool is_private, int64_t now, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "INSERT INTO reflection_versions(reflection_id, version, text, "
			       "is_private, saved) VALUES (?, ?, ?, ?, ?)", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, version);
	sqlite3_bind_text(q, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 4, is_private);
	sqlite3_bind_int64(q, 5, now);
	return store_step_done(st, q, err, "saving a reflection");
}

static bool set_current(struct tw_store *st, int64_t id, int version, const char *text,
			bool is_private, int64_t now, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE reflections SET text = ?, is_private = ?, version = ?, "
			       "updated = ? WHERE id = ?", &q, err))
		return false;
	sqlite3_bind_text(q, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, is_private);
	sqlite3_bind_int(q, 3, version);
	sqlite3_bind_int64(q, 4, now);
	sqlite3_bind_int64(q, 5, id);
	return store_step_done(st, q, err, "saving a reflection");
}

/* Finds the live reflection of the profile on item_id; *found false when
 * there is none. */
static bool lookup_item(struct tw_store *st, int64_t profile_id, const char *item_id,
			struct tw_reflection *out, bool *found, struct tw_error *err)
{
	sqlite3_stmt *q;
	*found = false;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE profile_id = ? "
			       "AND item_id = ? AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW) {
		ok = row_reflection(q, out) || store_nomem(err);
		*found = ok;
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(st, err, "reading a reflection");
	}
	sqlite3_finalize(q);
	return ok;
}

/* Makes text the newest version of cur (or only flips the private flag
 * when the text is unchanged). Runs inside the caller's transaction. */
static bool update_locked(struct tw_store *st, const struct tw_reflection *cur, const char *text,
			  bool is_private, int64_t now, struct tw_error *err)
{
	if (strcmp(cur->text, text) != 0)
		return add_version(st, cur->id, cur->version + 1, text, is_private, now, err) &&
		       set_current(st, cur->id, cur->version + 1, text, is_private, now, err);
	if (cur->is_private == is_private)
		return true;
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE reflections SET is_private = ? WHERE id = ?", &q, err))
		return false;
	sqlite3_bind_int(q, 1, is_private);
	sqlite3_bind_int64(q, 2, cur->id);
	return store_step_done(st, q, err, "saving a reflection");
}

static bool save_locked(struct tw_store *st, int64_t profile_id, const char *item_id,
			const char *text, bool is_private, int64_t *id, struct tw_error *err)
{
	if (!store_profile_live(st, profile_id, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	struct tw_reflection cur;
	bool found = false;
	if (item_id && !lookup_item(st, profile_id, item_id, &cur, &found, err))
		return false;
	if (found) {
		*id = cur.id;
		bool ok = update_locked(st, &cur, text, is_private, now, err);
		tw_reflection_finish(&cur);
		return ok;
	}
	sqlite3_stmt *q;
	if (!store_prepare(st, "INSERT INTO reflections(profile_id, item_id, text, is_private, "
			       "version, created, updated) VALUES (?, ?, ?, ?, 1, ?, ?)", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	if (item_id)
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, 2);
	sqlite3_bind_text(q, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 4, is_private);
	sqlite3_bind_int64(q, 5, now);
	sqlite3_bind_int64(q, 6, now);
	if (!store_step_done(st, q, err, "saving a reflection"))
		return false;
	*id = sqlite3_last_insert_rowid(st->db);
	return add_version(st, *id, 1, text, is_private, now, err);
}

bool tw_store_reflection_save(struct tw_store *st, int64_t profile_id, const char *item_id,
			      const char *text, bool is_private, int64_t *id,
			      struct tw_error *err)
{
	if (item_id && !*item_id)
		item_id = NULL;
	if (!store_check_required(text, "reflection", err) ||
	    (item_id && !store_check_required(item_id, "item id", err)) ||
	    !store_begin(st, err))
		return false;
	int64_t rid = 0;
	if (!save_locked(st, profile_id, item_id, text, is_private, &rid, err)) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	if (id)
		*id = rid;
	return true;
}

bool tw_store_reflection_update(struct tw_store *st, int64_t id, const char *text,
				bool is_private, struct tw_error *err)
{
	if (!store_check_required(text, "reflection", err) || !store_begin(st, err))
		return false;
	struct tw_reflection cur;
	bool ok = tw_store_reflection_get(st, id, &cur, err);
	if (ok) {
		ok = update_locked(st, &cur, text, is_private, (int64_t)time(NULL), err);
		tw_reflection_finish(&cur);
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_reflection_get_item(struct tw_store *st, int64_t profile_id, const char *item_id,
				  struct tw_reflection *out, struct tw_error *err)
{
	if (!store_check_required(item_id, "item id", err))
		return false;
	bool found;
	if (!lookup_item(st, profile_id, item_id, out, &found, err))
		return false;
	if (!found)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no reflection on '%.300s' yet",
				    item_id);
	return true;
}

bool tw_store_reflection_get(struct tw_store *st, int64_t id, struct tw_reflection *out,
			     struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE id = ? "
			       "AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	bool ok;
	if (rc == SQLITE_ROW)
		ok = row_reflection(q, out) || store_nomem(err);
	else if (rc == SQLITE_DONE)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "there is no reflection with id %lld",
				  (long long)id);
	else
		ok = store_fail(st, err, "reading a reflection");
	sqlite3_finalize(q);
	return ok;
}

bool tw_store_reflection_list(struct tw_store *st, int64_t profile_id, size_t limit,
			      struct tw_reflection **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE profile_id = ? "
			       "AND deleted_at IS NULL ORDER BY updated DESC, id DESC LIMIT ?",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, limit ? (int64_t)limit : -1);
	struct tw_reflection *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !row_reflection(q, &v[cnt])) {
			ok = store_nomem(err);
			break;
		}
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "listing reflections");
	sqlite3_finalize(q);
	if (!ok) {
		tw_reflections_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_reflection_history(struct tw_store *st, int64_t reflection_id,
				 struct tw_reflection_version **out, size_t *n,
				 struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	struct tw_reflection r;
	if (!tw_store_reflection_get(st, reflection_id, &r, err))
		return false;
	tw_reflection_finish(&r);
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT reflection_id, version, text, is_private, saved "
			       "FROM reflection_versions WHERE reflection_id = ? "
			       "ORDER BY version", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, reflection_id);
	struct tw_reflection_version *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !(v[cnt].text = store_col_dup(q, 2))) {
			ok = store_nomem(err);
			break;
		}
		v[cnt].reflection_id = sqlite3_column_int64(q, 0);
		v[cnt].version = sqlite3_column_int(q, 1);
		v[cnt].is_private = sqlite3_column_int(q, 3) != 0;
		v[cnt].saved = sqlite3_column_int64(q, 4);
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading a reflection's history");
	sqlite3_finalize(q);
	if (!ok) {
		tw_reflection_versions_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_reflection_restore(struct tw_store *st, int64_t reflection_id, int version,
				 struct tw_error *err)
{
	if (!store_begin(st, err))
		return false;
	struct tw_reflection cur;
	if (!tw_store_reflection_get(st, reflection_id, &cur, err)) {
		store_rollback(st);
		return false;
	}
	sqlite3_stmt *q;
	bool ok = store_prepare(st, "SELECT text FROM reflection_versions "
				    "WHERE reflection_id = ? AND version = ?", &q, err);
	char *text = NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, reflection_id);
		sqlite3_bind_int(q, 2, version);
		int rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			if (!(text = store_col_dup(q, 0)))
				ok = store_nomem(err);
		} else if (rc == SQLITE_DONE) {
			ok = tw_error_set(err, TW_ERR_NOTFOUND,
					  "reflection %lld has no version %d (it has 1 to %d)",
					  (long long)reflection_id, version, cur.version);
		} else {
			ok = store_fail(st, err, "reading a reflection's history");
		}
		sqlite3_finalize(q);
	}
	if (ok && strcmp(text, cur.text) != 0) {
		int64_t now = (int64_t)time(NULL);
		ok = add_version(st, reflection_id, cur.version + 1, text, cur.is_private, now,
				 err) &&
		     set_current(st, reflection_id, cur.version + 1, text, cur.is_private, now,
				 err);
	}
	free(text);
	tw_reflection_finish(&cur);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}
