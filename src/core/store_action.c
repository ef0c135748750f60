/* Action items, from a meeting or free-standing: text, owner, due date and
 * done date ("" while open), listed open, overdue or all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

/* A date column into a buffer of len bytes ("" for NULL), cut to fit. */
static void copy_date(char *buf, size_t len, const unsigned char *d)
{
	size_t n = d ? strnlen((const char *)d, len - 1) : 0;
	memcpy(buf, d ? (const char *)d : "", n);
	buf[n] = '\0';
}

static bool row_action(sqlite3_stmt *q, void *rec)
{
	struct tw_action *a = rec;
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(q, 0);
	a->profile_id = sqlite3_column_int64(q, 1);
	a->meeting_id = sqlite3_column_int64(q, 2); /* NULL reads as 0 */
	a->text = store_col_dup(q, 3);
	a->owner = sqlite3_column_int(q, 4) == TW_OWNER_SPONSOR ? TW_OWNER_SPONSOR : TW_OWNER_ME;
	const unsigned char *due = sqlite3_column_text(q, 5);
	const unsigned char *done = sqlite3_column_text(q, 6);
	copy_date(a->due, sizeof a->due, due);
	copy_date(a->done, sizeof a->done, done);
	a->created = sqlite3_column_int64(q, 7);
	if (sqlite3_column_type(q, 8) != SQLITE_NULL)
		a->sponsor_name = store_col_dup(q, 8);
	a->sponsor_id = sqlite3_column_int64(q, 9); /* NULL reads as 0 */
	return a->text != NULL;
}

static void finish_action(void *rec)
{
	tw_action_finish(rec);
}

static const struct store_reader action_reader = { sizeof(struct tw_action), row_action,
						   finish_action, "action item" };

/* The columns row_action reads, from the action items (table: "actions
 * a", with or without an INDEXED BY), with the sponsor of the item's
 * meeting (its id only while the meeting is live). */
#define ACTION_COLS_FROM(table) \
	"SELECT a.id, a.profile_id, a.meeting_id, a.text, a.owner, a.due, a.done, a.created, " \
	"s.name, CASE WHEN m.deleted_at IS NULL THEN m.sponsor_id END FROM " table \
	" LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN sponsors s ON s.id = m.sponsor_id "
#define ACTION_COLS ACTION_COLS_FROM("actions a")

static bool check_date(const char *d, const char *what, struct tw_error *err)
{
	if (d && *d && !tw_date_valid(d))
		return tw_error_set(err, TW_ERR_INVALID,
				    "the %s '%.40s' is not a date; write it as YYYY-MM-DD", what, d);
	return true;
}

static bool meeting_of(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
		       struct tw_error *err)
{
	char missing[80];
	snprintf(missing, sizeof missing, "this profile has no meeting with id %lld",
		 (long long)meeting_id);
	return store_exists(st, "SELECT 1 FROM meetings WHERE id = ?1 AND profile_id = ?2 "
				"AND deleted_at IS NULL", meeting_id, profile_id, missing, err);
}

bool tw_store_action_add(struct tw_store *st, struct tw_action *a, struct tw_error *err)
{
	if (a->owner != TW_OWNER_ME && a->owner != TW_OWNER_SPONSOR)
		return tw_error_set(err, TW_ERR_INVALID, "unknown owner %d", (int)a->owner);
	if (!store_check_required(a->text, "action item", err) ||
	    !check_date(a->due, "due date", err) || !check_date(a->done, "done date", err) ||
	    !store_begin(st, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, a->profile_id, err) &&
		  (a->meeting_id == 0 || meeting_of(st, a->profile_id, a->meeting_id, err)) &&
		  store_prepare(st, "INSERT INTO actions(profile_id, meeting_id, text, owner, "
				    "due, done, created) VALUES (?, ?, ?, ?, ?, ?, ?)", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, a->profile_id);
		if (a->meeting_id)
			sqlite3_bind_int64(q, 2, a->meeting_id);
		else
			sqlite3_bind_null(q, 2);
		sqlite3_bind_text(q, 3, a->text, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 4, (int)a->owner);
		sqlite3_bind_text(q, 5, a->due, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 6, a->done, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 7, now);
		ok = store_step_done(st, q, err, "adding an action item");
	}
	int64_t id = 0;
	if (!store_end(st, ok, &id, err))
		return false;
	a->id = id;
	a->created = now;
	return true;
}

bool tw_store_action_get(struct tw_store *st, int64_t id, struct tw_action *out,
			 struct tw_error *err)
{
	if (!store_in_scope(st, STORE_ACTION, id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, ACTION_COLS "WHERE a.id = ? AND a.deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char missing[64];
	snprintf(missing, sizeof missing, "there is no action item with id %lld", (long long)id);
	return store_row1(st, q, &action_reader, out, missing, err);
}

bool tw_store_action_update(struct tw_store *st, const struct tw_action *a,
			    struct tw_error *err)
{
	if (!store_in_scope(st, STORE_ACTION, a->id, err))
		return false;
	if (a->owner != TW_OWNER_ME && a->owner != TW_OWNER_SPONSOR)
		return tw_error_set(err, TW_ERR_INVALID, "unknown owner %d", (int)a->owner);
	if (!store_check_required(a->text, "action item", err) ||
	    !check_date(a->due, "due date", err) || !store_begin(st, err))
		return false;
	struct tw_action old = { 0 };
	sqlite3_stmt *q = NULL;
	bool ok = tw_store_action_get(st, a->id, &old, err) &&
		  (a->meeting_id == 0 || meeting_of(st, old.profile_id, a->meeting_id, err)) &&
		  store_prepare(st, "UPDATE actions SET text = ?, owner = ?, due = ?, "
				    "meeting_id = ? WHERE id = ? AND deleted_at IS NULL", &q, err);
	if (ok) {
		sqlite3_bind_text(q, 1, a->text, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, (int)a->owner);
		sqlite3_bind_text(q, 3, a->due, -1, SQLITE_STATIC);
		if (a->meeting_id)
			sqlite3_bind_int64(q, 4, a->meeting_id);
		else
			sqlite3_bind_null(q, 4);
		sqlite3_bind_int64(q, 5, a->id);
		ok = store_step_done(st, q, err, "changing an action item");
	}
	tw_action_finish(&old);
	return store_end(st, ok, NULL, err);
}

bool tw_store_action_done(struct tw_store *st, int64_t id, const char *done,
			  struct tw_error *err)
{
	if (!store_in_scope(st, STORE_ACTION, id, err))
		return false;
	char today[11];
	if (!done) {
		tw_today(today, sizeof today);
		done = today;
	}
	if (!check_date(done, "done date", err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE actions SET done = ? WHERE id = ? AND deleted_at IS NULL",
			   &q, err))
		return false;
	sqlite3_bind_text(q, 1, done, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, id);
	if (!store_step_done(st, q, err, "updating an action item"))
		return false;
	if (store_changes(st) == 0)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no action item with id %lld",
				    (long long)id);
	return true;
}

bool tw_store_action_list(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			  enum tw_action_filter filter, const char *today,
			  struct tw_action **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	char now[11];
	if (!today) {
		tw_today(now, sizeof now);
		today = now;
	}
	if (filter == TW_ACTIONS_OVERDUE && !tw_date_valid(today))
		return tw_error_set(err, TW_ERR_INVALID, "'%.40s' is not a date", today);
	/* Dated items first by date, then undated ones; each statement reads
	 * actions_profile (profile_id, done, due, id) in the order it lists,
	 * so nothing is sorted when only open items are asked for. The open
	 * items of meetings read the partial index of just those rows
	 * (actions_open_meeting, schema 13), in the same order; INDEXED BY
	 * says so, as the planner would otherwise take actions_profile for
	 * its two equalities and read every open item of the profile. */
#define WHERE_LIST "WHERE a.profile_id = ?1 AND a.deleted_at IS NULL " \
		   "AND (?2 = 0 OR a.meeting_id = ?2) "
#define LIST_COLS ACTION_COLS WHERE_LIST
#define MEETING_COLS ACTION_COLS_FROM("actions a INDEXED BY actions_open_meeting") WHERE_LIST
	const char *sql[2] = { NULL, NULL };
	switch (filter) {
	case TW_ACTIONS_OPEN:
		sql[0] = LIST_COLS "AND a.done = '' AND a.due > '' ORDER BY a.due, a.id";
		sql[1] = LIST_COLS "AND a.done = '' AND a.due = '' ORDER BY a.id";
		break;
	case TW_ACTIONS_OPEN_MEETINGS:
#define IN_MEETING "AND a.done = '' AND a.meeting_id IS NOT NULL " \
		   "AND m.id IS NOT NULL AND m.deleted_at IS NULL "
		sql[0] = MEETING_COLS IN_MEETING "AND a.due > '' ORDER BY a.due, a.id";
		sql[1] = MEETING_COLS IN_MEETING "AND a.due = '' ORDER BY a.id";
#undef IN_MEETING
		break;
	case TW_ACTIONS_OVERDUE:
		sql[0] = LIST_COLS "AND a.done = '' AND a.due > '' AND a.due < ?3 ORDER BY a.due, a.id";
		break;
	case TW_ACTIONS_ALL:
		sql[0] = LIST_COLS "ORDER BY a.due = '', a.due, a.id";
		break;
	default:
		return tw_error_set(err, TW_ERR_INVALID, "unknown action filter %d", (int)filter);
	}
#undef LIST_COLS
#undef MEETING_COLS
#undef WHERE_LIST
	for (size_t k = 0; k < 2 && sql[k]; k++) {
		sqlite3_stmt *q;
		struct tw_action *v = NULL;
		size_t nv = 0;
		if (!store_prepare(st, sql[k], &q, err)) {
			tw_actions_free(*out, *n);
			*out = NULL;
			*n = 0;
			return false;
		}
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_int64(q, 2, meeting_id);
		if (filter == TW_ACTIONS_OVERDUE)
			sqlite3_bind_text(q, 3, today, -1, SQLITE_STATIC);
		struct tw_action *all = NULL;
		bool ok = store_rows(st, q, &action_reader, (void **)&v, &nv, err) &&
			  (!nv || (all = realloc(*out, (*n + nv) * sizeof *all)) != NULL);
		if (!ok) {
			if (nv)
				store_nomem(err);
			tw_actions_free(v, nv);
			tw_actions_free(*out, *n);
			*out = NULL;
			*n = 0;
			return false;
		}
		if (nv) {
			memcpy(all + *n, v, nv * sizeof *v);
			*out = all;
			*n += nv;
		}
		free(v);
	}
	return true;
}
