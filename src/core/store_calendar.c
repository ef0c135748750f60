/* The meetings a calendar export writes: one query with each meeting's
 * uid, handed over row by row with strings borrowed from SQLite (an export
 * of many meetings copies no field), the profile's sponsors' names read
 * once beforehand. */
#include "store_internal.h"

static const char *text_or_empty(sqlite3_stmt *q, int i)
{
	const char *t = (const char *)sqlite3_column_text(q, i);
	return t ? t : "";
}

bool tw_store_meeting_rows(struct tw_store *st, int64_t profile_id, bool with_ids,
			   bool (*fn)(const struct tw_meeting_row *m, void *ctx, struct tw_error *err),
			   void *ctx, struct tw_error *err)
{
	if (!store_uids_give(st, "meetings", err))
		return false;
	/* one read: the names and the meetings agree */
	bool read;
	if (!store_read_begin(st, &read, err))
		return false;
	struct tw_uid *names = NULL; /* each sponsor's name by id (in .uid) */
	size_t n_names = 0;
	sqlite3_stmt *q = NULL;
	/* the profile's own sponsors: a meeting that names another
	 * profile's sponsor (no command makes one) shows nobody's name */
	bool ok = store_id_texts(st, "SELECT id, name FROM sponsors WHERE profile_id = ?1"
				 " ORDER BY id", profile_id, &names, &n_names, err);
	/* meetings_calendar (schema 16) holds every column read here: one
	 * pass over that index in order, no visit to the table's rows. The
	 * id is the index entry's rowid, which SQLite finds at the end of
	 * the entry: 0 instead when not asked for (a twentieth of the read) */
	if (ok)
		ok = store_prepare(st,
				   with_ids ? "SELECT m.id, m.uid, m.agenda, m.at, m.created, m.updated,"
					      " m.sponsor_id FROM meetings m INDEXED BY meetings_calendar"
					      " WHERE m.profile_id = ?1 AND m.deleted_at IS NULL"
					      " ORDER BY m.at, m.id"
					    : "SELECT 0, m.uid, m.agenda, m.at, m.created, m.updated,"
					      " m.sponsor_id FROM meetings m INDEXED BY meetings_calendar"
					      " WHERE m.profile_id = ?1 AND m.deleted_at IS NULL"
					      " ORDER BY m.at, m.id",
				   &q, err);
	int rc = SQLITE_DONE;
	if (q)
		sqlite3_bind_int64(q, 1, profile_id);
	while (ok && q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct tw_meeting_row m = {
			.id = with_ids ? sqlite3_column_int64(q, 0) : 0,
			.uid = (const char *)sqlite3_column_text(q, 1),
			.agenda = text_or_empty(q, 2),
			.when = sqlite3_column_int64(q, 3),
			.created = sqlite3_column_int64(q, 4),
			.updated = sqlite3_column_int64(q, 5),
			.sponsor_id = sqlite3_column_int64(q, 6),
		};
		/* a meeting of no sponsor row is none a calendar shows */
		if ((m.sponsor_name = tw_uids_find(names, n_names, m.sponsor_id)) != NULL)
			ok = fn(&m, ctx, err);
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading meetings");
	sqlite3_finalize(q);
	tw_uids_free(names, n_names);
	store_read_end(st, read, ok);
	return ok;
}
