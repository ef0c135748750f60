/* The meetings a calendar export writes: one query with each meeting's
 * uid, handed over row by row with strings borrowed from SQLite (an export
 * of many meetings copies no field), the profile's sponsors' names read
 * once beforehand. */
#include <stdlib.h>

#include "store_internal.h"

/* The sponsors' names by id: a table indexed by id less the lowest when
 * the ids are close together (a profile's sponsors usually are), else a
 * binary search of the sorted list. The lookup runs once per meeting. */
struct names_by_id {
	const struct tw_uid *sorted; /* by id; .uid holds the name */
	size_t n;
	const char **at; /* NULL: search sorted */
	int64_t low, span;
};

static void names_index(struct names_by_id *x, const struct tw_uid *sorted, size_t n)
{
	*x = (struct names_by_id){ .sorted = sorted, .n = n };
	if (!n)
		return;
	int64_t low = sorted[0].id, high = sorted[n - 1].id;
	/* at most four slots a name: beyond that, searching costs no more
	 * (ids are 1 and up: high - low cannot overflow) */
	if (low < 1 || high - low >= 4 * (int64_t)n + 64 || !(x->at = calloc((size_t)(high - low + 1),
								    sizeof *x->at)))
		return; /* and without memory for the table, search */
	x->low = low;
	x->span = high - low + 1;
	for (size_t i = 0; i < n; i++)
		x->at[sorted[i].id - low] = sorted[i].uid;
}

static const char *names_find(const struct names_by_id *x, int64_t id)
{
	if (!x->at)
		return tw_uids_find(x->sorted, x->n, id);
	return id >= x->low && id - x->low < x->span ? x->at[id - x->low] : NULL;
}

static const char *text_or_empty(sqlite3_stmt *q, int i)
{
	const char *t = (const char *)sqlite3_column_text(q, i);
	return t ? t : "";
}

bool tw_store_meeting_rows(struct tw_store *st, int64_t profile_id,
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
	 * pass over that index in order, no visit to the table's rows */
	if (ok)
		ok = store_prepare(st,
				   "SELECT m.id, m.uid, m.agenda, m.at, m.created, m.updated, m.sponsor_id"
				   " FROM meetings m INDEXED BY meetings_calendar"
				   " WHERE m.profile_id = ?1 AND m.deleted_at IS NULL ORDER BY m.at, m.id",
				   &q, err);
	struct names_by_id by_id;
	names_index(&by_id, names, n_names);
	int rc = SQLITE_DONE;
	if (q)
		sqlite3_bind_int64(q, 1, profile_id);
	while (ok && q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct tw_meeting_row m = {
			.id = sqlite3_column_int64(q, 0),
			.uid = (const char *)sqlite3_column_text(q, 1),
			.agenda = text_or_empty(q, 2),
			.when = sqlite3_column_int64(q, 3),
			.created = sqlite3_column_int64(q, 4),
			.updated = sqlite3_column_int64(q, 5),
			.sponsor_id = sqlite3_column_int64(q, 6),
		};
		/* a meeting of no sponsor row is none a calendar shows */
		if ((m.sponsor_name = names_find(&by_id, m.sponsor_id)) != NULL)
			ok = fn(&m, ctx, err);
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading meetings");
	sqlite3_finalize(q);
	free(by_id.at);
	tw_uids_free(names, n_names);
	store_read_end(st, read, ok);
	return ok;
}
