/* Check-up runs: the relationship check-up taken on a day with one sponsor,
 * repeated every few months. A run's ticks, ratings and reflections are the
 * check-up items' answers tied to it (store_progress.c, store_reflection.c
 * read the run from the item id); reads carry the sponsor's name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"

#define CHECKUP_SELECT                                                          \
	"SELECT c.id, c.profile_id, coalesce(c.sponsor_id, 0), coalesce(s.name, ''), " \
	"c.at, c.created FROM checkups c LEFT JOIN sponsors s ON s.id = c.sponsor_id "

static bool row_checkup(sqlite3_stmt *q, void *rec)
{
	struct tw_checkup *c = rec;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(q, 0);
	c->profile_id = sqlite3_column_int64(q, 1);
	c->sponsor_id = sqlite3_column_int64(q, 2);
	c->sponsor_name = store_col_dup(q, 3);
	c->at = sqlite3_column_int64(q, 4);
	c->created = sqlite3_column_int64(q, 5);
	return c->sponsor_name != NULL;
}

static void finish_checkup(void *rec)
{
	tw_checkup_finish(rec);
}

static const struct store_reader checkup_reader = { sizeof(struct tw_checkup), row_checkup,
						    finish_checkup, "check-up" };

bool tw_store_checkup_start(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			    tw_time at, int64_t *id, struct tw_error *err)
{
	if (at <= 0)
		return tw_error_set(err, TW_ERR_INVALID, "a check-up needs a date");
	if (!store_begin(st, err))
		return false;
	char missing[80];
	snprintf(missing, sizeof missing, "this profile has no sponsor with id %lld",
		 (long long)sponsor_id);
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_exists(st, "SELECT 1 FROM sponsors WHERE id = ?1 AND profile_id = ?2 "
				   "AND deleted_at IS NULL", sponsor_id, profile_id, missing, err) &&
		  store_prepare(st, "INSERT INTO checkups(profile_id, sponsor_id, at, created) "
				    "VALUES (?, ?, ?, ?)", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_int64(q, 2, sponsor_id);
		sqlite3_bind_int64(q, 3, at);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "starting a check-up");
	}
	return store_end(st, ok, id, err);
}

bool tw_store_checkup_list(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			   struct tw_checkup **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	/* a run of a deleted sponsor goes with it */
	if (!store_prepare(st, CHECKUP_SELECT "WHERE c.profile_id = ?1 AND (?2 = 0 OR "
					      "c.sponsor_id = ?2) AND (s.id IS NULL OR "
					      "s.deleted_at IS NULL) AND (c.sponsor_id IS NULL "
					      "OR s.id IS NOT NULL) ORDER BY c.at, c.id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, sponsor_id);
	return store_rows(st, q, &checkup_reader, (void **)out, n, err);
}

bool tw_store_checkup_get(struct tw_store *st, int64_t profile_id, int64_t id,
			  struct tw_checkup *out, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, CHECKUP_SELECT "WHERE c.id = ?1 AND c.profile_id = ?2 "
					      "AND (s.id IS NULL OR s.deleted_at IS NULL)", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, profile_id);
	char msg[80];
	snprintf(msg, sizeof msg, "this profile has no check-up with id %lld", (long long)id);
	return store_row1(st, q, &checkup_reader, out, msg, err);
}

bool tw_store_checkup_latest(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			     int64_t *id, struct tw_error *err)
{
	*id = 0;
	struct tw_checkup *v = NULL;
	size_t n = 0;
	if (!tw_store_checkup_list(st, profile_id, sponsor_id, &v, &n, err))
		return false;
	if (n)
		*id = v[n - 1].id;
	tw_checkups_free(v, n);
	return true;
}
