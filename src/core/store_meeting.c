/* Sponsor meetings, planned or held: when, agenda, notes and outcome. Reads
 * carry the sponsor's name for display; the search index follows via
 * triggers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define MEETING_SELECT                                                              \
	"SELECT m.id, m.profile_id, m.sponsor_id, s.name, m.at, m.agenda, m.notes, " \
	"m.outcome, m.held, m.created, m.updated FROM meetings m "                   \
	"JOIN sponsors s ON s.id = m.sponsor_id "

static bool row_meeting(sqlite3_stmt *q, struct tw_meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(q, 0);
	m->profile_id = sqlite3_column_int64(q, 1);
	m->sponsor_id = sqlite3_column_int64(q, 2);
	m->sponsor_name = store_col_dup(q, 3);
	m->when = sqlite3_column_int64(q, 4);
	m->agenda = store_col_dup(q, 5);
	m->notes = store_col_dup(q, 6);
	m->outcome = store_col_dup(q, 7);
	m->held = sqlite3_column_int(q, 8) != 0;
	m->created = sqlite3_column_int64(q, 9);
	m->updated = sqlite3_column_int64(q, 10);
	if (!m->sponsor_name || !m->agenda || !m->notes || !m->outcome) {
		tw_meeting_finish(m);
		return false;
	}
	return true;
}

static bool check_meeting(const struct tw_meeting *m, struct tw_error *err)
{
	if (m->when <= 0)
		return tw_error_set(err, TW_ERR_INVALID, "a meeting needs a date and time");
	return store_check_text(m->agenda, "agenda", err) &&
	       store_check_text(m->notes, "notes", err) &&
	       store_check_text(m->outcome, "outcome", err);
}

/* The sponsor must be live and belong to the meeting's profile. */
static bool sponsor_of(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
		       struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT 1 FROM sponsors WHERE id = ? AND profile_id = ? "
			       "AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, sponsor_id);
	sqlite3_bind_int64(q, 2, profile_id);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "looking up a sponsor");
	return tw_error_set(err, TW_ERR_NOTFOUND, "this profile has no sponsor with id %lld",
			    (long long)sponsor_id);
}

static void bind_text0(sqlite3_stmt *q, int i, const char *s)
{
	sqlite3_bind_text(q, i, s ? s : "", -1, SQLITE_STATIC);
}

bool tw_store_meeting_add(struct tw_store *st, struct tw_meeting *m, struct tw_error *err)
{
	if (!check_meeting(m, err) || !store_begin(st, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, m->profile_id, err) &&
		  sponsor_of(st, m->profile_id, m->sponsor_id, err) &&
		  store_prepare(st, "INSERT INTO meetings(profile_id, sponsor_id, at, agenda, "
				    "notes, outcome, held, created, updated) "
				    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, m->profile_id);
		sqlite3_bind_int64(q, 2, m->sponsor_id);
		sqlite3_bind_int64(q, 3, m->when);
		bind_text0(q, 4, m->agenda);
		bind_text0(q, 5, m->notes);
		bind_text0(q, 6, m->outcome);
		sqlite3_bind_int(q, 7, m->held);
		sqlite3_bind_int64(q, 8, now);
		sqlite3_bind_int64(q, 9, now);
		ok = store_step_done(st, q, err, "adding a meeting");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	int64_t id = sqlite3_last_insert_rowid(st->db);
	if (!store_commit(st, err))
		return false;
	m->id = id;
	m->created = m->updated = now;
	return true;
}

bool tw_store_meeting_update(struct tw_store *st, const struct tw_meeting *m,
			     struct tw_error *err)
{
	if (!check_meeting(m, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = sponsor_of(st, m->profile_id, m->sponsor_id, err) &&
		  store_prepare(st, "UPDATE meetings SET sponsor_id = ?, at = ?, agenda = ?, "
				    "notes = ?, outcome = ?, held = ?, updated = ? "
				    "WHERE id = ? AND profile_id = ? AND deleted_at IS NULL",
				&q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, m->sponsor_id);
		sqlite3_bind_int64(q, 2, m->when);
		bind_text0(q, 3, m->agenda);
		bind_text0(q, 4, m->notes);
		bind_text0(q, 5, m->outcome);
		sqlite3_bind_int(q, 6, m->held);
		sqlite3_bind_int64(q, 7, (int64_t)time(NULL));
		sqlite3_bind_int64(q, 8, m->id);
		sqlite3_bind_int64(q, 9, m->profile_id);
		ok = store_step_done(st, q, err, "updating a meeting");
	}
	if (ok && store_changes(st) == 0)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "there is no meeting with id %lld",
				  (long long)m->id);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

static bool one_meeting(struct tw_store *st, sqlite3_stmt *q, struct tw_meeting *out,
			const char *missing, struct tw_error *err)
{
	int rc = sqlite3_step(q);
	bool ok;
	if (rc == SQLITE_ROW)
		ok = row_meeting(q, out) || store_nomem(err);
	else if (rc == SQLITE_DONE)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "%s", missing);
	else
		ok = store_fail(st, err, "reading a meeting");
	sqlite3_finalize(q);
	return ok;
}

bool tw_store_meeting_get(struct tw_store *st, int64_t id, struct tw_meeting *out,
			  struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT "WHERE m.id = ? AND m.deleted_at IS NULL", &q,
			   err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, "there is no meeting with id %lld", (long long)id);
	return one_meeting(st, q, out, msg, err);
}

bool tw_store_meeting_list(struct tw_store *st, int64_t profile_id, int which,
			   struct tw_meeting **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	if (which < 0 || which > 2)
		return tw_error_set(err, TW_ERR_INVALID, "unknown meeting filter %d", which);
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT "WHERE m.profile_id = ? AND m.deleted_at IS NULL "
				"AND (?2 = 0 OR m.held = (?2 = 2)) ORDER BY m.at, m.id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int(q, 2, which);
	struct tw_meeting *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!store_grow((void **)&v, &cap, cnt, sizeof *v) || !row_meeting(q, &v[cnt])) {
			ok = store_nomem(err);
			break;
		}
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "listing meetings");
	sqlite3_finalize(q);
	if (!ok) {
		tw_meetings_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_meeting_next(struct tw_store *st, int64_t profile_id, tw_time now,
			   struct tw_meeting *out, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT "WHERE m.profile_id = ? AND m.deleted_at IS NULL "
				"AND m.held = 0 AND m.at >= ? ORDER BY m.at, m.id LIMIT 1", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, now);
	return one_meeting(st, q, out, "no meeting is planned", err);
}

bool tw_store_meeting_mark_held(struct tw_store *st, int64_t id, const char *notes,
				const char *outcome, struct tw_error *err)
{
	if (!store_check_text(notes, "notes", err) || !store_check_text(outcome, "outcome", err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE meetings SET held = 1, notes = coalesce(?, notes), "
			       "outcome = coalesce(?, outcome), updated = ? "
			       "WHERE id = ? AND deleted_at IS NULL", &q, err))
		return false;
	if (notes)
		sqlite3_bind_text(q, 1, notes, -1, SQLITE_STATIC);
	if (outcome)
		sqlite3_bind_text(q, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, (int64_t)time(NULL));
	sqlite3_bind_int64(q, 4, id);
	if (!store_step_done(st, q, err, "marking a meeting held"))
		return false;
	if (store_changes(st) == 0)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no meeting with id %lld",
				    (long long)id);
	return true;
}
