/* Soft delete, undo and purge: deleting stamps deleted_at (the record
 * leaves lists and search), undelete clears it, and purge removes every
 * stamped record for good in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

static const char *table_of(enum tw_record_kind kind)
{
	switch (kind) {
	case TW_REC_PROFILE:
		return "profiles";
	case TW_REC_SPONSOR:
		return "sponsors";
	case TW_REC_REFLECTION:
		return "reflections";
	case TW_REC_MEETING:
		return "meetings";
	case TW_REC_ACTION:
		return "actions";
	case TW_REC_COACHING:
		return "coaching";
	}
	return NULL;
}

/* Runs sql with ?1 = a and ?2 = b; *changed is the rows touched. */
static bool run2(struct tw_store *st, const char *sql, int64_t a, int64_t b, int *changed,
		 struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, a);
	sqlite3_bind_int64(q, 2, b);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_CONSTRAINT)
			return tw_error_set(err, TW_ERR_EXISTS,
					    "a live record already takes its place (same "
					    "name or item); rename or delete that one first");
		return store_fail(st, err, "updating the database");
	}
	if (changed)
		*changed = store_changes(st);
	return true;
}

static bool not_found(enum tw_record_kind kind, int64_t id, bool deleted,
		      struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_NOTFOUND, "there is no %s%s with id %lld",
			    deleted ? "deleted " : "", tw_record_kind_name(kind), (long long)id);
}

bool tw_store_delete(struct tw_store *st, enum tw_record_kind kind, int64_t id,
		     struct tw_error *err)
{
	const char *table = table_of(kind);
	if (!table)
		return tw_error_set(err, TW_ERR_INVALID, "unknown record kind %d", (int)kind);
	char sql[128];
	snprintf(sql, sizeof sql,
		 "UPDATE %s SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL", table);
	int64_t now = (int64_t)time(NULL);
	int changed = 0;
	if (!store_begin(st, err))
		return false;
	bool ok = run2(st, sql, id, now, &changed, err);
	if (ok && changed == 0)
		ok = not_found(kind, id, false, err);
	/* a sponsor's meetings go with it, and come back with it */
	if (ok && kind == TW_REC_SPONSOR)
		ok = run2(st, "UPDATE meetings SET deleted_at = ?2 WHERE sponsor_id = ?1 "
			      "AND deleted_at IS NULL", id, now, NULL, err);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_undelete(struct tw_store *st, enum tw_record_kind kind, int64_t id,
		       struct tw_error *err)
{
	const char *table = table_of(kind);
	if (!table)
		return tw_error_set(err, TW_ERR_INVALID, "unknown record kind %d", (int)kind);
	if (!store_begin(st, err))
		return false;
	bool ok = true;
	int changed = 0;
	if (kind == TW_REC_MEETING) {
		sqlite3_stmt *q;
		if (store_prepare(st, "SELECT 1 FROM meetings m JOIN sponsors s "
					    "ON s.id = m.sponsor_id WHERE m.id = ? "
					    "AND s.deleted_at IS NOT NULL", &q, err)) {
			sqlite3_bind_int64(q, 1, id);
			if (sqlite3_step(q) == SQLITE_ROW)
				ok = tw_error_set(err, TW_ERR_INVALID,
						  "meeting %lld is with a deleted sponsor; "
						  "undelete the sponsor instead", (long long)id);
			sqlite3_finalize(q);
		} else {
			ok = false;
		}
	}
	if (ok && kind == TW_REC_SPONSOR)
		ok = run2(st, "UPDATE meetings SET deleted_at = NULL WHERE sponsor_id = ?1 "
			      "AND deleted_at = (SELECT deleted_at FROM sponsors WHERE id = ?1) "
			      "AND ?2 = ?2", id, 0, NULL, err);
	if (ok) {
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE %s SET deleted_at = NULL WHERE id = ?1 "
					  "AND deleted_at IS NOT NULL AND ?2 = ?2", table);
		ok = run2(st, sql, id, 0, &changed, err);
	}
	if (ok && changed == 0)
		ok = not_found(kind, id, true, err);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

static const char deleted_sql[] =
	"SELECT 0, id, 'Profile ' || name, deleted_at FROM profiles "
	"  WHERE deleted_at IS NOT NULL "
	"UNION ALL SELECT 1, id, 'Sponsor ' || name, deleted_at FROM sponsors "
	"  WHERE deleted_at IS NOT NULL "
	"UNION ALL SELECT 2, id, 'Reflection ' || coalesce(item_id, '#' || id) || ': ' || "
	"  substr(replace(text, char(10), ' '), 1, 40), deleted_at FROM reflections "
	"  WHERE deleted_at IS NOT NULL "
	"UNION ALL SELECT 3, m.id, 'Meeting with ' || s.name || ', ' || "
	"  strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'), m.deleted_at "
	"  FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id "
	"  WHERE m.deleted_at IS NOT NULL "
	"UNION ALL SELECT 4, id, 'Action item: ' || substr(replace(text, char(10), ' '), 1, 50), "
	"  deleted_at FROM actions WHERE deleted_at IS NOT NULL "
	"UNION ALL SELECT 5, id, 'Coaching session with ' || coach || ', ' || "
	"  strftime('%Y-%m-%d', started, 'unixepoch', 'localtime'), deleted_at FROM coaching "
	"  WHERE deleted_at IS NOT NULL "
	"ORDER BY 1, 2"; /* by kind, then id: the same list however the seconds fell */

bool tw_store_deleted_list(struct tw_store *st, struct tw_deleted **out, size_t *n,
			   struct tw_error *err)
{
	static const enum tw_record_kind kinds[] = {
		TW_REC_PROFILE, TW_REC_SPONSOR, TW_REC_REFLECTION,
		TW_REC_MEETING, TW_REC_ACTION,  TW_REC_COACHING,
	};
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, deleted_sql, &q, err))
		return false;
	struct tw_deleted *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !(v[cnt].label = store_col_dup(q, 2))) {
			ok = store_nomem(err);
			break;
		}
		int k = sqlite3_column_int(q, 0);
		v[cnt].kind = kinds[k >= 0 && k < 6 ? k : 0];
		v[cnt].id = sqlite3_column_int64(q, 1);
		v[cnt].deleted = sqlite3_column_int64(q, 3);
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "listing deleted records");
	sqlite3_finalize(q);
	if (!ok) {
		tw_deleteds_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_purge(struct tw_store *st, size_t *count, struct tw_error *err)
{
	static const char *const order[] = {
		"actions", "meetings", "reflections", "coaching", "sponsors", "profiles",
	};
	if (count)
		*count = 0;
	if (!store_begin(st, err))
		return false;
	size_t total = 0;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE deleted_at IS NOT NULL", order[i]);
		sqlite3_stmt *q;
		if (!store_prepare(st, sql, &q, err) ||
		    !store_step_done(st, q, err, "purging deleted records")) {
			store_rollback(st);
			return false;
		}
		total += (size_t)store_changes(st);
	}
	if (!store_commit(st, err))
		return false;
	if (count)
		*count = total;
	return true;
}
