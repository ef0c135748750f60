/* Progress on guide items: ticks and ratings per profile and item id, and
 * the history of every rating given. The store knows nothing of content, so
 * progress on an item that left the content is kept. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

static bool check_item(const char *item_id, struct tw_error *err)
{
	return store_check_required(item_id, "item id", err);
}

bool tw_store_progress_tick(struct tw_store *st, int64_t profile_id, const char *item_id,
			    bool ticked, struct tw_error *err)
{
	if (!check_item(item_id, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_prepare(st, "INSERT INTO progress(profile_id, item_id, ticked, changed) "
				    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(profile_id, item_id) "
				    "DO UPDATE SET ticked = ?3, changed = ?4", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 3, ticked ? 1 : 0);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "saving progress");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_progress_rate(struct tw_store *st, int64_t profile_id, const char *item_id,
			    int rating, struct tw_error *err)
{
	if (rating < 0 || rating > 5)
		return tw_error_set(err, TW_ERR_INVALID,
				    "a rating is a number from 1 to 5 (0 clears it), not %d",
				    rating);
	if (!check_item(item_id, err) || !store_begin(st, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *q = NULL, *h = NULL;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_prepare(st, "INSERT INTO progress(profile_id, item_id, rating, changed) "
				    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(profile_id, item_id) "
				    "DO UPDATE SET rating = ?3, changed = ?4", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 3, rating);
		sqlite3_bind_int64(q, 4, now);
		ok = store_step_done(st, q, err, "saving a rating");
	}
	ok = ok && store_prepare(st, "INSERT INTO rating_history(profile_id, item_id, rating, at) "
				     "VALUES (?, ?, ?, ?)", &h, err);
	if (ok) {
		sqlite3_bind_int64(h, 1, profile_id);
		sqlite3_bind_text(h, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(h, 3, rating);
		sqlite3_bind_int64(h, 4, now);
		ok = store_step_done(st, h, err, "saving a rating");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_progress_list(struct tw_store *st, int64_t profile_id, struct tw_progress **out,
			    size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT profile_id, item_id, ticked, rating, changed "
			       "FROM progress WHERE profile_id = ? ORDER BY item_id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	struct tw_progress *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !(v[cnt].item_id = store_col_dup(q, 1))) {
			ok = store_nomem(err);
			break;
		}
		v[cnt].profile_id = sqlite3_column_int64(q, 0);
		v[cnt].ticked = sqlite3_column_int(q, 2) != 0;
		v[cnt].rating = sqlite3_column_int(q, 3);
		v[cnt].changed = sqlite3_column_int64(q, 4);
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "listing progress");
	sqlite3_finalize(q);
	if (!ok) {
		tw_progresses_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_rating_history(struct tw_store *st, int64_t profile_id, const char *item_id,
			     int **ratings, tw_time **when, size_t *n, struct tw_error *err)
{
	*ratings = NULL;
	*when = NULL;
	*n = 0;
	if (!check_item(item_id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT rating, at FROM rating_history WHERE profile_id = ? "
			       "AND item_id = ? ORDER BY at, id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	int *r = NULL;
	tw_time *w = NULL;
	size_t cnt = 0, rcap = 0, wcap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&r, &rcap, cnt, sizeof *r) ||
		    !tw_grow((void **)&w, &wcap, cnt, sizeof *w)) {
			ok = store_nomem(err);
			break;
		}
		r[cnt] = sqlite3_column_int(q, 0);
		w[cnt] = sqlite3_column_int64(q, 1);
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading the rating history");
	sqlite3_finalize(q);
	if (!ok) {
		free(r);
		free(w);
		return false;
	}
	*ratings = r;
	*when = w;
	*n = cnt;
	return true;
}
