/* Progress on guide items: ticks and ratings per profile, meeting or
 * check-up run (0: none) and item id, and the history of every rating given. The store knows
 * nothing of content, so progress on an item that left the content is
 * kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

static bool check_item(const char *item_id, struct tw_error *err)
{
	return store_check_required(item_id, "item id", err);
}

/* The profile is live and meeting_id (when not 0) is one of its live
 * meetings. Inside the caller's transaction. */
bool store_meeting_of(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
		      struct tw_error *err)
{
	if (!store_profile_live(st, profile_id, err))
		return false;
	if (meeting_id == 0)
		return true;
	char missing[80];
	snprintf(missing, sizeof missing, "this profile has no meeting with id %lld",
		 (long long)meeting_id);
	return store_exists(st, "SELECT 1 FROM meetings WHERE id = ?1 AND profile_id = ?2 "
				"AND deleted_at IS NULL", meeting_id, profile_id, missing, err);
}

/* The profile is live and occasion (when not 0) is one of its live
 * meetings, or for a check-up item one of its check-up runs. */
bool store_occasion_of(struct tw_store *st, int64_t profile_id, const char *item_id,
		       int64_t occasion, struct tw_error *err)
{
	if (!tw_checkup_item(item_id) || occasion == 0)
		return store_meeting_of(st, profile_id, occasion, err);
	if (!store_profile_live(st, profile_id, err))
		return false;
	char missing[80];
	snprintf(missing, sizeof missing, "this profile has no check-up with id %lld",
		 (long long)occasion);
	return store_exists(st, "SELECT 1 FROM checkups WHERE id = ?1 AND profile_id = ?2",
			    occasion, profile_id, missing, err);
}

/* Binds the meeting (?m) and run (?c) columns for item_id's occasion. */
static void bind_occasion(sqlite3_stmt *q, int m, int c, const char *item_id, int64_t occasion)
{
	bool run = tw_checkup_item(item_id);
	sqlite3_bind_int64(q, m, run ? 0 : occasion);
	sqlite3_bind_int64(q, c, run ? occasion : 0);
}

bool tw_store_progress_tick_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       const char *item_id, bool ticked, struct tw_error *err)
{
	if (!check_item(item_id, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_occasion_of(st, profile_id, item_id, meeting_id, err) &&
		  store_prepare(st, "INSERT INTO progress(profile_id, item_id, meeting_id, "
				    "checkup_id, ticked, changed) VALUES (?1, ?2, ?5, ?6, ?3, ?4) "
				    "ON CONFLICT(profile_id, item_id, meeting_id, checkup_id) "
				    "DO UPDATE SET ticked = ?3, changed = ?4", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 3, ticked ? 1 : 0);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		bind_occasion(q, 5, 6, item_id, meeting_id);
		ok = store_step_done(st, q, err, "saving progress");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_progress_tick(struct tw_store *st, int64_t profile_id, const char *item_id,
			    bool ticked, struct tw_error *err)
{
	return tw_store_progress_tick_in(st, profile_id, 0, item_id, ticked, err);
}

bool tw_store_progress_rate_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       const char *item_id, int rating, struct tw_error *err)
{
	if (rating < 0 || rating > 5)
		return tw_error_set(err, TW_ERR_INVALID,
				    "a rating is a number from 1 to 5 (0 clears it), not %d",
				    rating);
	if (!check_item(item_id, err) || !store_begin(st, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *q = NULL, *h = NULL, *sp = NULL;
	bool ok = store_occasion_of(st, profile_id, item_id, meeting_id, err) &&
		  store_prepare(st, "INSERT INTO progress(profile_id, item_id, meeting_id, "
				    "checkup_id, rating, changed) VALUES (?1, ?2, ?5, ?6, ?3, ?4) "
				    "ON CONFLICT(profile_id, item_id, meeting_id, checkup_id) "
				    "DO UPDATE SET rating = ?3, changed = ?4", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 3, rating);
		sqlite3_bind_int64(q, 4, now);
		bind_occasion(q, 5, 6, item_id, meeting_id);
		ok = store_step_done(st, q, err, "saving a rating");
	}
	/* The stage has one home, the sponsor record: a check-up run's stage
	 * rating sets it (dated), unless a later run of that sponsor exists. */
	if (ok && rating > 0 && meeting_id && strcmp(item_id, TW_CHECKUP_STAGE_ITEM) == 0) {
		ok = store_prepare(st, "UPDATE sponsors SET stage = ?1, stage_at = ?2 "
				       "WHERE deleted_at IS NULL AND id = (SELECT c.sponsor_id "
				       "FROM checkups c WHERE c.id = ?3 AND NOT EXISTS (SELECT 1 "
				       "FROM checkups l WHERE l.sponsor_id = c.sponsor_id AND "
				       "(l.at > c.at OR (l.at = c.at AND l.id > c.id))))", &sp, err);
		if (ok) {
			sqlite3_bind_int(sp, 1, rating);
			sqlite3_bind_int64(sp, 2, now);
			sqlite3_bind_int64(sp, 3, meeting_id);
			ok = store_step_done(st, sp, err, "setting the sponsor's stage");
		}
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

bool tw_store_progress_rate(struct tw_store *st, int64_t profile_id, const char *item_id,
			    int rating, struct tw_error *err)
{
	return tw_store_progress_rate_in(st, profile_id, 0, item_id, rating, err);
}

#define PROG_COLS "profile_id, item_id, ticked, rating, changed, meeting_id, checkup_id"

static bool row_progress(sqlite3_stmt *q, void *rec)
{
	struct tw_progress *p = rec;
	memset(p, 0, sizeof *p);
	p->profile_id = sqlite3_column_int64(q, 0);
	p->item_id = store_col_dup(q, 1);
	p->ticked = sqlite3_column_int(q, 2) != 0;
	p->rating = sqlite3_column_int(q, 3);
	p->changed = sqlite3_column_int64(q, 4);
	p->meeting_id = sqlite3_column_int64(q, 5);
	p->checkup_id = sqlite3_column_int64(q, 6);
	return p->item_id != NULL;
}

static void finish_progress(void *rec)
{
	tw_progress_finish(rec);
}

static const struct store_reader progress_reader = { sizeof(struct tw_progress), row_progress,
						     finish_progress, "progress" };

bool tw_store_progress_list_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       struct tw_progress **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " PROG_COLS " FROM progress WHERE profile_id = ? "
			       "AND meeting_id = ? AND checkup_id = 0 ORDER BY item_id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, meeting_id);
	return store_rows(st, q, &progress_reader, (void **)out, n, err);
}

bool tw_store_progress_list_checkup(struct tw_store *st, int64_t profile_id, int64_t checkup_id,
				    struct tw_progress **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " PROG_COLS " FROM progress WHERE profile_id = ? "
			       "AND checkup_id = ? AND meeting_id = 0 ORDER BY item_id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, checkup_id);
	return store_rows(st, q, &progress_reader, (void **)out, n, err);
}

bool tw_store_progress_list(struct tw_store *st, int64_t profile_id, struct tw_progress **out,
			    size_t *n, struct tw_error *err)
{
	return tw_store_progress_list_in(st, profile_id, 0, out, n, err);
}

bool tw_store_progress_last_time(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				 const char *item_id, struct tw_progress *out,
				 struct tw_error *err)
{
	if (!check_item(item_id, err))
		return false;
	sqlite3_stmt *q;
	bool ok = tw_checkup_item(item_id)
	  /* the same sponsor's runs before this one (earlier, or the same
	   * day with a lower id), else the row tied to no run */
	  ? store_prepare(st, "SELECT g.profile_id, g.item_id, g.ticked, g.rating, g.changed, "
			      "g.meeting_id, g.checkup_id FROM progress g "
			      "LEFT JOIN checkups c ON c.id = g.checkup_id JOIN checkups t ON t.id = ?2 "
			      "WHERE g.profile_id = ?1 AND g.item_id = ?3 AND g.meeting_id = 0 AND "
			      "(g.checkup_id = 0 OR (c.sponsor_id IS t.sponsor_id AND c.id <> t.id "
			      "AND (c.at < t.at OR (c.at = t.at AND c.id < t.id)))) "
			      "AND (g.ticked OR g.rating > 0) "
			      "ORDER BY g.checkup_id = 0, c.at DESC, c.id DESC LIMIT 1", &q, err)
	  /* meetings before this one (earlier, or at the same time with a
	   * lower id), else the row tied to no meeting */
	  : store_prepare(st, "SELECT g.profile_id, g.item_id, g.ticked, g.rating, g.changed, "
			      "g.meeting_id, g.checkup_id FROM progress g "
			      "LEFT JOIN meetings m ON m.id = g.meeting_id "
			      "JOIN meetings t ON t.id = ?2 "
			      "WHERE g.profile_id = ?1 AND g.item_id = ?3 AND g.checkup_id = 0 AND "
			      "(g.meeting_id = 0 OR "
			      "(m.deleted_at IS NULL AND m.id <> t.id "
			      "AND (m.at < t.at OR (m.at = t.at AND m.id < t.id)))) "
			      "AND (g.ticked OR g.rating > 0) "
			      "ORDER BY g.meeting_id = 0, m.at DESC, m.id DESC LIMIT 1", &q, err);
	if (!ok)
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, meeting_id);
	sqlite3_bind_text(q, 3, item_id, -1, SQLITE_STATIC);
	return store_row1(st, q, &progress_reader, out,
			  tw_checkup_item(item_id) ? "no earlier check-up has this answer"
						   : "no earlier meeting has this answer", err);
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
