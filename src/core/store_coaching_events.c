/* What a coaching session covered, recorded as it happens: one row per
 * session, item and kind of mark (visited, ticked, rated, reflected), so
 * every sitting of a session and a session cut short keep their record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

static const char *const mark_names[TW_MARK_COUNT] = {
	[TW_MARK_VISITED] = "visited",
	[TW_MARK_TICKED] = "ticked",
	[TW_MARK_RATED] = "rated",
	[TW_MARK_REFLECTED] = "reflected",
};

const char *tw_coach_mark_name(enum tw_coach_mark what)
{
	return (unsigned)what < TW_MARK_COUNT ? mark_names[what] : "unknown";
}

void tw_coaching_events_free(struct tw_coaching_event *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i].item_id);
	free(v);
}

static bool row_event(sqlite3_stmt *q, void *rec)
{
	struct tw_coaching_event *e = rec;
	memset(e, 0, sizeof *e);
	const char *what = (const char *)sqlite3_column_text(q, 1);
	for (int i = 0; what && i < TW_MARK_COUNT; i++)
		if (strcmp(what, mark_names[i]) == 0)
			e->what = (enum tw_coach_mark)i;
	e->value = sqlite3_column_int(q, 2);
	e->at = sqlite3_column_int64(q, 3);
	e->item_id = store_col_dup(q, 0);
	return e->item_id != NULL;
}

static void finish_event(void *rec)
{
	struct tw_coaching_event *e = rec;
	free(e->item_id);
	e->item_id = NULL;
}

static const struct store_reader event_reader = { sizeof(struct tw_coaching_event), row_event,
						  finish_event, "coaching event" };

/* The session must be live; running when running is set. */
static bool session_ok(struct tw_store *st, int64_t id, bool running, struct tw_error *err)
{
	char missing[64];
	snprintf(missing, sizeof missing, "there is no coaching session with id %lld",
		 (long long)id);
	if (!store_exists(st, "SELECT 1 FROM coaching WHERE id = ?1 AND deleted_at IS NULL", id,
			  0, missing, err))
		return false;
	if (!running)
		return true;
	struct tw_error ended = { 0 };
	if (store_exists(st, "SELECT 1 FROM coaching WHERE id = ?1 AND ended <> 0", id, 0, "",
			 &ended))
		return tw_error_set(err, TW_ERR_INVALID,
				    "coaching session %lld has ended; what it covered is kept as it was",
				    (long long)id);
	if (ended.code != TW_ERR_NOTFOUND) {
		*err = ended;
		return false;
	}
	return true;
}

static bool check_mark(const char *item_id, enum tw_coach_mark what, struct tw_error *err)
{
	if ((unsigned)what >= TW_MARK_COUNT)
		return tw_error_set(err, TW_ERR_INVALID, "no such kind of coaching mark (%d)",
				    (int)what);
	return store_check_required(item_id, "item id", err);
}

bool tw_store_coaching_mark(struct tw_store *st, int64_t id, const char *item_id,
			    enum tw_coach_mark what, int value, struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	if (!check_mark(item_id, what, err))
		return false;
	if (what == TW_MARK_RATED && (value < 1 || value > 5))
		return tw_error_set(err, TW_ERR_INVALID,
				    "a rating is a number from 1 to 5, not %d", value);
	if (what != TW_MARK_RATED && value != 0)
		return tw_error_set(err, TW_ERR_INVALID, "a %s mark carries no value",
				    mark_names[what]);
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	/* A rating keeps the row's place (its id) and takes the new value and
	 * time; every other mark stays as first made. */
	bool ok = session_ok(st, id, true, err) &&
		  store_prepare(st, what == TW_MARK_RATED
					    ? "INSERT INTO coaching_events(coaching_id, item_id, what,"
					      " value, at) VALUES (?1, ?2, ?3, ?4, ?5)"
					      " ON CONFLICT(coaching_id, item_id, what)"
					      " DO UPDATE SET value = ?4, at = ?5"
					    : "INSERT INTO coaching_events(coaching_id, item_id, what,"
					      " value, at) VALUES (?1, ?2, ?3, ?4, ?5)"
					      " ON CONFLICT(coaching_id, item_id, what) DO NOTHING",
				&q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, mark_names[what], -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 4, value);
		sqlite3_bind_int64(q, 5, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "recording what the session covered");
	}
	return store_end(st, ok, NULL, err);
}

bool tw_store_coaching_unmark(struct tw_store *st, int64_t id, const char *item_id,
			      enum tw_coach_mark what, struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	if (!check_mark(item_id, what, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = session_ok(st, id, true, err) &&
		  store_prepare(st, "DELETE FROM coaching_events WHERE coaching_id = ?1"
				    " AND item_id = ?2 AND what = ?3", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, mark_names[what], -1, SQLITE_STATIC);
		ok = store_step_done(st, q, err, "recording what the session covered");
	}
	return store_end(st, ok, NULL, err);
}

bool tw_store_coaching_covered(struct tw_store *st, int64_t id,
			       struct tw_coaching_event **out, size_t *n,
			       struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	if (!store_in_scope(st, STORE_COACHING, id, err))
		return false;
	if (!session_ok(st, id, false, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT item_id, what, value, at FROM coaching_events"
			       " WHERE coaching_id = ? ORDER BY id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	return store_rows(st, q, &event_reader, (void **)out, n, err);
}

bool tw_store_coaching_reflection(struct tw_store *st, int64_t id, const char *item_id,
				  struct tw_reflection *out, struct tw_error *err)
{
	if (!store_in_scope(st, STORE_COACHING, id, err) ||
	    !store_check_required(item_id, "item id", err) || !session_ok(st, id, false, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT r.id FROM reflections r JOIN coaching c ON c.id = ?1"
			       " WHERE r.profile_id = c.profile_id AND r.item_id = ?2"
			       " AND r.deleted_at IS NULL ORDER BY"
			       " r.updated BETWEEN c.started AND CASE c.ended WHEN 0"
			       " THEN 9223372036854775807 ELSE c.ended END DESC,"
			       " (r.meeting_id IS NULL AND r.checkup_id IS NULL) DESC,"
			       " (SELECT at FROM checkups WHERE id = r.checkup_id) DESC,"
			       " r.checkup_id DESC, r.updated DESC LIMIT 1",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	int64_t rid = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no reflection on '%.300s' yet",
				    item_id);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "reading what a coaching session covered");
	return tw_store_reflection_get(st, rid, out, err);
}
