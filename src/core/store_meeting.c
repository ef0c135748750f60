/* Sponsor meetings, planned or held: when, agenda, notes and outcome. Reads
 * carry the sponsor's name for display; the search index follows via
 * triggers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define MEETING_SELECT_FROM(meetings)                                               \
	"SELECT m.id, m.profile_id, m.sponsor_id, s.name, m.at, m.agenda, m.notes, " \
	"m.outcome, m.held, m.created, m.updated, m.keep FROM " meetings             \
	" JOIN sponsors s ON s.id = m.sponsor_id "
#define MEETING_SELECT MEETING_SELECT_FROM("meetings m")
/* The reads of planned meetings name their index (schema 15): SQLite has
 * no statistics to choose by, and once meetings_calendar (schema 16) came
 * it took that one, which walks every held meeting to find one that is
 * not (tests/e2e/query_plans.sh holds every such read to this index). */
#define PLANNED "meetings m INDEXED BY meetings_planned"

static bool row_meeting(sqlite3_stmt *q, void *rec)
{
	struct tw_meeting *m = rec;
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
	m->keep = store_col_dup(q, 11);
	if (!m->sponsor_name || !m->agenda || !m->notes || !m->outcome || !m->keep) {
		tw_meeting_finish(m);
		return false;
	}
	return true;
}

static void finish_meeting(void *rec)
{
	tw_meeting_finish(rec);
}

static const struct store_reader meeting_reader = { sizeof(struct tw_meeting), row_meeting,
						    finish_meeting, "meeting" };

static bool check_meeting(const struct tw_meeting *m, struct tw_error *err)
{
	if (m->when <= 0)
		return tw_error_set(err, TW_ERR_INVALID, "a meeting needs a date and time");
	return store_check_text(m->agenda, "agenda", err) &&
	       store_check_text(m->notes, "notes", err) &&
	       store_check_text(m->outcome, "outcome", err) &&
	       store_check_text(m->keep, "keep", err);
}

/* The sponsor must be live and belong to the meeting's profile. */
static bool sponsor_of(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
		       struct tw_error *err)
{
	char missing[80];
	snprintf(missing, sizeof missing, "this profile has no sponsor with id %lld",
		 (long long)sponsor_id);
	return store_exists(st, "SELECT 1 FROM sponsors WHERE id = ?1 AND profile_id = ?2 "
				"AND deleted_at IS NULL", sponsor_id, profile_id, missing, err);
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
				    "notes, outcome, held, created, updated, keep) "
				    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &q, err);
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
		bind_text0(q, 10, m->keep);
		ok = store_step_done(st, q, err, "adding a meeting");
	}
	int64_t id = 0;
	if (!store_end(st, ok, &id, err))
		return false;
	m->id = id;
	m->created = m->updated = now;
	return true;
}

bool tw_store_meeting_update(struct tw_store *st, const struct tw_meeting *m,
			     struct tw_error *err)
{
	if (!store_in_scope(st, STORE_MEETING, m->id, err))
		return false;
	if (!check_meeting(m, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = sponsor_of(st, m->profile_id, m->sponsor_id, err) &&
		  store_prepare(st, "UPDATE meetings SET sponsor_id = ?, at = ?, agenda = ?, "
				    "notes = ?, outcome = ?, held = ?, updated = ?, keep = ? "
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
		bind_text0(q, 8, m->keep);
		sqlite3_bind_int64(q, 9, m->id);
		sqlite3_bind_int64(q, 10, m->profile_id);
		ok = store_step_done(st, q, err, "updating a meeting");
	}
	if (ok && store_changes(st) == 0)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "there is no meeting with id %lld",
				  (long long)m->id);
	return store_end(st, ok, NULL, err);
}

bool tw_store_meeting_get(struct tw_store *st, int64_t id, struct tw_meeting *out,
			  struct tw_error *err)
{
	if (!store_in_scope(st, STORE_MEETING, id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT "WHERE m.id = ? AND m.deleted_at IS NULL", &q,
			   err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, "there is no meeting with id %lld", (long long)id);
	return store_row1(st, q, &meeting_reader, out, msg, err);
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
	return store_rows(st, q, &meeting_reader, (void **)out, n, err);
}

bool tw_store_meeting_next(struct tw_store *st, int64_t profile_id, tw_time now,
			   struct tw_meeting *out, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT_FROM(PLANNED) "WHERE m.profile_id = ? AND "
				"m.deleted_at IS NULL AND m.held = 0 AND m.at >= ? "
				"ORDER BY m.at, m.id LIMIT 1", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, now);
	return store_row1(st, q, &meeting_reader, out, "no meeting is planned", err);
}

/* Runs sql (?1 the profile, ?2 now where it names a second parameter) and
 * gives the first column of its first row in *out, 0 when it gives none. */
static bool profile_int(struct tw_store *st, const char *sql, int64_t profile_id, tw_time now,
			int64_t *out, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int64(q, 2, now);
	int rc = sqlite3_step(q);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE || store_fail(st, err, "reading meetings");
}

/* tw_store_meeting_due inside its read transaction. */
static bool read_due(struct tw_store *st, int64_t profile_id, tw_time now,
		     struct tw_meeting *latest, size_t *count, struct tw_error *err)
{
	/* both read the planned meetings' own index (schema 15), not every
	 * meeting of the profile to find the few not yet held */
	int64_t n;
	if (!profile_int(st, "SELECT count(*) FROM " PLANNED " CROSS JOIN sponsors s"
			     " ON s.id = m.sponsor_id WHERE m.profile_id = ?1"
			     " AND m.deleted_at IS NULL AND m.held = 0 AND m.at < ?2",
			 profile_id, now, &n, err))
		return false;
	if (n == 0)
		return true;
	sqlite3_stmt *q;
	if (!store_prepare(st, MEETING_SELECT_FROM(PLANNED) "WHERE m.profile_id = ?1 AND "
				"m.deleted_at IS NULL AND m.held = 0 AND m.at < ?2 "
				"ORDER BY m.at DESC, m.id DESC LIMIT 1",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, now);
	if (!store_row1(st, q, &meeting_reader, latest, "no meeting is due", err))
		return false;
	*count = (size_t)n;
	return true;
}

bool tw_store_meeting_due(struct tw_store *st, int64_t profile_id, tw_time now,
			  struct tw_meeting *latest, size_t *count, struct tw_error *err)
{
	*count = 0;
	memset(latest, 0, sizeof *latest);
	/* one read: the count and the latest agree while another window
	 * writes */
	bool own;
	if (!store_read_begin(st, &own, err))
		return false;
	bool ok = read_due(st, profile_id, now, latest, count, err);
	store_read_end(st, own, ok);
	return ok;
}

/* Each pick read through the (profile_id, at) index in its order, the
 * first row that qualifies ending the read: a handful of rows, where the
 * walk used to read every meeting of the profile with its texts. The
 * sponsor join keeps the same meetings tw_store_meeting_list shows. */
#define PICK_FROM_IN(meetings)                                                       \
	"SELECT m.id FROM " meetings " CROSS JOIN sponsors s ON s.id = m.sponsor_id " \
	"WHERE m.profile_id = ?1 AND m.deleted_at IS NULL "
#define PICK_FROM PICK_FROM_IN("meetings m")
#define PICK_PLANNED PICK_FROM_IN(PLANNED) "AND m.held = 0 "
#define PICK_LATEST PICK_FROM "ORDER BY m.at DESC, m.id DESC LIMIT 1"

bool tw_store_meeting_pick(struct tw_store *st, int64_t profile_id, bool before, tw_time now,
			   int64_t *id, struct tw_error *err)
{
	/* before a meeting: the next planned one, else the latest planned,
	 * else the latest; after one: the latest that has begun, else the
	 * latest */
	static const char *const before_sql[] = {
		PICK_PLANNED "AND m.at >= ?2 ORDER BY m.at, m.id LIMIT 1",
		PICK_PLANNED "ORDER BY m.at DESC, m.id DESC LIMIT 1",
		PICK_LATEST,
		NULL,
	};
	static const char *const after_sql[] = {
		PICK_FROM "AND m.at <= ?2 ORDER BY m.at DESC, m.id DESC LIMIT 1",
		PICK_LATEST,
		NULL,
	};
	*id = 0;
	for (const char *const *sql = before ? before_sql : after_sql; *sql && !*id; sql++)
		if (!profile_int(st, *sql, profile_id, now, id, err))
			return false;
	return true;
}

bool tw_store_meeting_mark_held(struct tw_store *st, int64_t id, const char *notes,
				const char *outcome, struct tw_error *err)
{
	if (!store_in_scope(st, STORE_MEETING, id, err))
		return false;
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

bool tw_store_meeting_clash(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			    tw_time when, int64_t except, int64_t *clash, struct tw_error *err)
{
	*clash = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT id FROM meetings WHERE profile_id = ? AND sponsor_id = ? "
			       "AND at = ? AND id <> ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, sponsor_id);
	sqlite3_bind_int64(q, 3, when);
	sqlite3_bind_int64(q, 4, except);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*clash = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "looking for a double booking");
	return true;
}
