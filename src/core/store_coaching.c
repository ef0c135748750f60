/* Coaching sessions: a coach's session with one profile, its running notes
 * (the coach's own, never mixed into reflections) and what was covered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define COACHING_COLS "id, profile_id, coach, started, ended, notes, covered"

static bool row_coaching(sqlite3_stmt *q, void *rec)
{
	struct tw_coaching *c = rec;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(q, 0);
	c->profile_id = sqlite3_column_int64(q, 1);
	c->coach = store_col_dup(q, 2);
	c->started = sqlite3_column_int64(q, 3);
	c->ended = sqlite3_column_int64(q, 4);
	c->notes = store_col_dup(q, 5);
	c->covered = store_col_dup(q, 6);
	if (!c->coach || !c->notes || !c->covered) {
		tw_coaching_finish(c);
		return false;
	}
	return true;
}

static void finish_coaching(void *rec)
{
	tw_coaching_finish(rec);
}

static const struct store_reader coaching_reader = { sizeof(struct tw_coaching), row_coaching,
						     finish_coaching, "coaching session" };

bool tw_store_coaching_start(struct tw_store *st, int64_t profile_id, const char *coach,
			     int64_t *id, struct tw_error *err)
{
	if (!store_check_required(coach, "coach's name", err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_prepare(st, "INSERT INTO coaching(profile_id, coach, started) "
				    "VALUES (?, ?, ?)", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, coach, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 3, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "starting a coaching session");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	int64_t rid = sqlite3_last_insert_rowid(st->db);
	if (!store_commit(st, err))
		return false;
	if (id)
		*id = rid;
	return true;
}

static bool set_field(struct tw_store *st, const char *sql, int64_t id, const char *text,
		      bool stamp, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_text(q, 1, text ? text : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, id);
	if (stamp)
		sqlite3_bind_int64(q, 3, (int64_t)time(NULL));
	if (!store_step_done(st, q, err, "saving a coaching session"))
		return false;
	if (store_changes(st) == 0)
		return tw_error_set(err, TW_ERR_NOTFOUND,
				    "there is no coaching session with id %lld", (long long)id);
	return true;
}

bool tw_store_coaching_notes(struct tw_store *st, int64_t id, const char *notes,
			     struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	return store_check_text(notes, "coach's notes", err) &&
	       set_field(st, "UPDATE coaching SET notes = ? WHERE id = ? AND deleted_at IS NULL",
			 id, notes, false, err);
}

bool tw_store_coaching_end(struct tw_store *st, int64_t id, const char *covered,
			   struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	return store_check_text(covered, "summary", err) &&
	       set_field(st, "UPDATE coaching SET covered = ?, ended = ?3 "
			     "WHERE id = ?2 AND deleted_at IS NULL", id, covered, true, err);
}

bool tw_store_coaching_get(struct tw_store *st, int64_t id, struct tw_coaching *out,
			   struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " COACHING_COLS " FROM coaching "
			       "WHERE id = ? AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char missing[64];
	snprintf(missing, sizeof missing, "there is no coaching session with id %lld",
		 (long long)id);
	return store_row1(st, q, &coaching_reader, out, missing, err);
}

bool tw_store_coaching_list(struct tw_store *st, int64_t profile_id,
			    struct tw_coaching **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " COACHING_COLS " FROM coaching WHERE profile_id = ? "
			       "AND deleted_at IS NULL ORDER BY started, id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	return store_rows(st, q, &coaching_reader, (void **)out, n, err);
}
