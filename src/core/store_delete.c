/* Soft delete, undo and purge: deleting stamps deleted_at (the record
 * leaves lists and search), undelete clears it, and purge removes every
 * stamped record for good in one transaction. All three act within one
 * profile: a record of another profile is not found. */
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

/* Runs sql with ?1 = a, ?2 = b and ?3 = c (when the statement has it);
 * *changed is the rows touched. */
static bool run3(struct tw_store *st, const char *sql, int64_t a, int64_t b, int64_t c,
		 int *changed, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, a);
	sqlite3_bind_int64(q, 2, b);
	if (sqlite3_bind_parameter_count(q) >= 3)
		sqlite3_bind_int64(q, 3, c);
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

/* "AND profile_id = ?3" for the records of a profile; profiles
 * themselves belong to no profile. */
static const char *scope_of(enum tw_record_kind kind)
{
	return kind == TW_REC_PROFILE ? "AND ?3 = ?3" : "AND profile_id = ?3";
}

bool tw_store_delete(struct tw_store *st, int64_t profile_id, enum tw_record_kind kind,
		     int64_t id, struct tw_error *err)
{
	const char *table = table_of(kind);
	if (!table)
		return tw_error_set(err, TW_ERR_INVALID, "unknown record kind %d", (int)kind);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "UPDATE %s SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL %s", table,
		 scope_of(kind));
	int64_t now = (int64_t)time(NULL);
	int changed = 0;
	if (!store_begin(st, err))
		return false;
	bool ok = run3(st, sql, id, now, profile_id, &changed, err);
	if (ok && changed == 0)
		ok = not_found(kind, id, false, err);
	/* a sponsor's meetings go with it, and come back with it */
	if (ok && kind == TW_REC_SPONSOR)
		ok = run3(st, "UPDATE meetings SET deleted_at = ?2 WHERE sponsor_id = ?1 "
			      "AND deleted_at IS NULL", id, now, 0, NULL, err);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_undelete(struct tw_store *st, int64_t profile_id, enum tw_record_kind kind,
		       int64_t id, struct tw_error *err)
{
	const char *table = table_of(kind);
	if (!table)
		return tw_error_set(err, TW_ERR_INVALID, "unknown record kind %d", (int)kind);
	if (!store_begin(st, err))
		return false;
	bool ok = true;
	int changed = 0;
	if (kind != TW_REC_PROFILE) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?1 AND profile_id = ?2",
			 table);
		char missing[96];
		snprintf(missing, sizeof missing, "there is no deleted %s with id %lld",
			 tw_record_kind_name(kind), (long long)id);
		ok = store_exists(st, sql, id, profile_id, missing, err);
	}
	if (ok && kind == TW_REC_MEETING) {
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
		ok = run3(st, "UPDATE meetings SET deleted_at = NULL WHERE sponsor_id = ?1 "
			      "AND deleted_at = (SELECT deleted_at FROM sponsors WHERE id = ?1) "
			      "AND ?2 = ?2", id, 0, 0, NULL, err);
	if (ok) {
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE %s SET deleted_at = NULL WHERE id = ?1 "
					  /* >= 0: not a profile an import is adding */
					  "AND deleted_at >= 0 AND ?2 = ?2", table);
		ok = run3(st, sql, id, 0, 0, &changed, err);
	}
	if (ok && changed == 0)
		ok = not_found(kind, id, true, err);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

/* What a purge takes, table by table: "gone" is the condition on a row
 * (?1 = the profile, 0 for the whole database), "label" what the list
 * shows, "parent" why a live row goes too (its profile, sponsor or
 * meeting was deleted) and "when" the deletion time shown. The array is
 * in the order purge deletes, children first: a meeting's answers before
 * the meeting, so the foreign keys take nothing the list did not name. */
/* An import under way keeps its rows out of every list: under a stand-in
 * profile with no row (a negative id) or under a new profile whose
 * deleted_at is negative until the import ends (store_json_import_batch.c). */
#define IN_PROFILE "(x.profile_id = ?1 OR (?1 = 0 AND x.profile_id IN (SELECT id FROM profiles " \
	"WHERE coalesce(deleted_at, 0) >= 0)))"
#define DEAD_PROFILE "(?1 = 0 AND x.profile_id IN (SELECT id FROM profiles WHERE deleted_at >= 0))"
#define PARENT_PROFILE "(SELECT ' (goes with deleted profile ' || name || ')' FROM profiles " \
	"WHERE id = x.profile_id AND deleted_at >= 0 AND x.deleted_at IS NULL)"
#define PROFILE_WHEN "(SELECT deleted_at FROM profiles WHERE id = x.profile_id)"
/* The ids of the meetings, sponsors and check-up runs a purge removes
 * (a run goes with its sponsor). */
#define GONE_MEETINGS "(SELECT m.id FROM meetings m WHERE ((m.deleted_at IS NOT NULL OR " \
	"m.sponsor_id IN (SELECT id FROM sponsors WHERE deleted_at IS NOT NULL)) AND " \
	"(m.profile_id = ?1 OR (?1 = 0 AND m.profile_id IN (SELECT id FROM profiles " \
	"WHERE coalesce(deleted_at, 0) >= 0)))) OR (?1 = 0 AND m.profile_id IN (SELECT id FROM " \
	"profiles WHERE deleted_at >= 0)))"
#define GONE_SPONSORS "(SELECT s.id FROM sponsors s WHERE (s.deleted_at IS NOT NULL AND " \
	"(s.profile_id = ?1 OR (?1 = 0 AND s.profile_id IN (SELECT id FROM profiles " \
	"WHERE coalesce(deleted_at, 0) >= 0)))) OR (?1 = 0 AND s.profile_id IN (SELECT id FROM " \
	"profiles WHERE deleted_at >= 0)))"
#define GONE_RUNS "(SELECT c.id FROM checkups c WHERE c.sponsor_id IN " GONE_SPONSORS ")"
/* The ticks, ratings and drafts of a meeting (run) id m, counted for its
 * label; drafts of its answers are keyed "ITEM@meeting:ID". */
#define MEETING_BITS(m) "(SELECT count(*) FROM progress WHERE meeting_id = " m ") + " \
	"(SELECT count(*) FROM drafts WHERE item_id GLOB '*@meeting:' || " m ")"
#define RUN_BITS(c) "(SELECT count(*) FROM progress WHERE checkup_id = " c ") + " \
	"(SELECT count(*) FROM drafts WHERE item_id GLOB '*@checkup:' || " c ")"
static const struct {
	enum tw_record_kind kind;
	const char *table, *gone, *label, *parent, *when;
} purged[] = {
	{ TW_REC_ACTION, "actions",
	  "(x.deleted_at IS NOT NULL AND " IN_PROFILE ") OR " DEAD_PROFILE,
	  "'Action item: ' || substr(replace(x.text, char(10), ' '), 1, 50)", PARENT_PROFILE,
	  PROFILE_WHEN },
	/* a reflection deleted itself, or the answer of a meeting or a
	 * check-up run that goes; a private one's text stays out */
	{ TW_REC_REFLECTION, "reflections",
	  "(x.deleted_at IS NOT NULL AND " IN_PROFILE ") OR " DEAD_PROFILE " OR x.meeting_id IN "
	  GONE_MEETINGS " OR x.checkup_id IN " GONE_RUNS,
	  "'Reflection ' || coalesce(x.item_id, '#' || x.id) || CASE WHEN x.is_private THEN "
	  "' (private)' ELSE ': ' || substr(replace(x.text, char(10), ' '), 1, 40) END",
	  "coalesce(" PARENT_PROFILE ", CASE WHEN x.deleted_at IS NULL AND x.meeting_id IS NOT "
	  "NULL THEN ' (goes with deleted meeting ' || x.meeting_id || ')' WHEN x.deleted_at IS "
	  "NULL AND x.checkup_id IS NOT NULL THEN ' (goes with check-up ' || x.checkup_id || "
	  "' of a deleted sponsor)' END)",
	  "coalesce(" PROFILE_WHEN ", (SELECT coalesce(m.deleted_at, s.deleted_at) FROM meetings "
	  "m JOIN sponsors s ON s.id = m.sponsor_id WHERE m.id = x.meeting_id), (SELECT "
	  "s.deleted_at FROM checkups c JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = "
	  "x.checkup_id))" },
	{ TW_REC_MEETING, "meetings",
	  "((x.deleted_at IS NOT NULL OR x.sponsor_id IN (SELECT id FROM sponsors "
	  "WHERE deleted_at IS NOT NULL)) AND " IN_PROFILE ") OR " DEAD_PROFILE,
	  "'Meeting with ' || (SELECT name FROM sponsors WHERE id = x.sponsor_id) || ', ' || "
	  "strftime('%Y-%m-%d %H:%M', x.at, 'unixepoch', 'localtime') || (SELECT CASE WHEN n "
	  "THEN ' (and its ' || n || CASE n WHEN 1 THEN ' tick, rating or draft)' ELSE "
	  "' ticks, ratings and drafts)' END ELSE '' END FROM (SELECT " MEETING_BITS("x.id")
	  " AS n))",
	  "coalesce(" PARENT_PROFILE ", (SELECT ' (goes with deleted sponsor ' || name || ')' "
	  "FROM sponsors WHERE id = x.sponsor_id AND deleted_at IS NOT NULL AND "
	  "x.deleted_at IS NULL))",
	  "coalesce(" PROFILE_WHEN ", (SELECT deleted_at FROM sponsors WHERE id = x.sponsor_id))" },
	{ TW_REC_COACHING, "coaching",
	  "(x.deleted_at IS NOT NULL AND " IN_PROFILE ") OR " DEAD_PROFILE,
	  "'Coaching session with ' || x.coach || ', ' || "
	  "strftime('%Y-%m-%d', x.started, 'unixepoch', 'localtime')", PARENT_PROFILE,
	  PROFILE_WHEN },
	/* a sponsor's check-up runs (and their ticks, ratings and drafts) go
	 * with it: the label names them */
	{ TW_REC_SPONSOR, "sponsors",
	  "(x.deleted_at IS NOT NULL AND " IN_PROFILE ") OR " DEAD_PROFILE,
	  "'Sponsor ' || x.name || (SELECT CASE WHEN count(*) THEN ' (and ' || count(*) || "
	  "CASE count(*) WHEN 1 THEN ' check-up' ELSE ' check-ups' END || CASE WHEN sum(n) "
	  "THEN ' with ' || sum(n) || CASE sum(n) WHEN 1 THEN ' tick, rating or draft' ELSE "
	  "' ticks, ratings and drafts' END ELSE '' END || ')' ELSE '' END FROM (SELECT "
	  RUN_BITS("c.id") " AS n FROM checkups c WHERE c.sponsor_id = x.id))",
	  PARENT_PROFILE, PROFILE_WHEN },
	{ TW_REC_PROFILE, "profiles", "?1 = 0 AND x.deleted_at >= 0",
	  "'Profile ' || x.name || (SELECT CASE WHEN count(*) THEN ' (and its ' || count(*) || "
	  "' ticks, ratings and drafts)' ELSE '' END FROM (SELECT 1 FROM progress WHERE "
	  "profile_id = x.id UNION ALL SELECT 1 FROM rating_history WHERE profile_id = x.id "
	  "UNION ALL SELECT 1 FROM drafts WHERE profile_id = x.id))", "NULL", "NULL" },
};
#define NPURGED (sizeof purged / sizeof purged[0])

/* The list order: profiles first, then sponsors, reflections, meetings,
 * actions, coaching sessions (the order of enum tw_record_kind). */
static int by_kind_id(const void *a, const void *b)
{
	const struct tw_deleted *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

bool tw_store_deleted_list(struct tw_store *st, int64_t profile_id, struct tw_deleted **out,
			   size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	struct tw_deleted *v = NULL;
	size_t cnt = 0, cap = 0;
	bool ok = true;
	for (size_t t = 0; ok && t < NPURGED; t++) {
		char sql[8192];
		snprintf(sql, sizeof sql,
			 "SELECT x.id, %s || coalesce(%s, ''), coalesce(x.deleted_at, %s), "
			 "x.deleted_at IS NULL FROM %s x WHERE %s ORDER BY x.id",
			 purged[t].label, purged[t].parent, purged[t].when, purged[t].table,
			 purged[t].gone);
		sqlite3_stmt *q;
		if (!store_prepare(st, sql, &q, err)) {
			ok = false;
			break;
		}
		sqlite3_bind_int64(q, 1, profile_id);
		int rc;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
			    !(v[cnt].label = store_col_dup(q, 1))) {
				ok = store_nomem(err);
				break;
			}
			v[cnt].kind = purged[t].kind;
			v[cnt].id = sqlite3_column_int64(q, 0);
			v[cnt].deleted = sqlite3_column_int64(q, 2);
			v[cnt].cascade = sqlite3_column_int(q, 3) != 0;
			cnt++;
		}
		if (ok && rc != SQLITE_DONE)
			ok = store_fail(st, err, "listing deleted records");
		sqlite3_finalize(q);
	}
	if (!ok) {
		tw_deleteds_free(v, cnt);
		return false;
	}
	if (cnt)
		qsort(v, cnt, sizeof *v, by_kind_id);
	*out = v;
	*n = cnt;
	return true;
}

/* One profile's trash, newest first. A meeting that went with its sponsor
 * (same deleted_at) is not its own row: it comes back with the sponsor,
 * and the sponsor's row says how many went along. A private reflection's
 * text stays out of the label. */
static const char trash_sql[] =
	"SELECT 1, s.id, 'Sponsor ' || s.name || coalesce((SELECT ' (and ' || count(*) || "
	"  CASE count(*) WHEN 1 THEN ' meeting)' ELSE ' meetings)' END FROM meetings m "
	"  WHERE m.sponsor_id = s.id AND m.deleted_at = s.deleted_at HAVING count(*) > 0), ''), "
	"  s.deleted_at FROM sponsors s WHERE s.profile_id = ?1 AND s.deleted_at IS NOT NULL "
	"UNION ALL SELECT 2, id, 'Reflection ' || coalesce(item_id, '#' || id) || "
	"  CASE WHEN is_private THEN ' (private)' ELSE ': ' || "
	"  substr(replace(text, char(10), ' '), 1, 40) END, deleted_at FROM reflections "
	"  WHERE profile_id = ?1 AND deleted_at IS NOT NULL "
	"UNION ALL SELECT 3, m.id, 'Meeting with ' || s.name || ', ' || "
	"  strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'), m.deleted_at "
	"  FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id "
	"  WHERE m.profile_id = ?1 AND m.deleted_at IS NOT NULL "
	"  AND (s.deleted_at IS NULL OR s.deleted_at <> m.deleted_at) "
	"UNION ALL SELECT 4, id, 'Action item: ' || substr(replace(text, char(10), ' '), 1, 50), "
	"  deleted_at FROM actions WHERE profile_id = ?1 AND deleted_at IS NOT NULL "
	"UNION ALL SELECT 5, id, 'Coaching session with ' || coach || ', ' || "
	"  strftime('%Y-%m-%d', started, 'unixepoch', 'localtime'), deleted_at FROM coaching "
	"  WHERE profile_id = ?1 AND deleted_at IS NOT NULL "
	"ORDER BY 4 DESC, 1, 2";

bool tw_store_trash_list(struct tw_store *st, int64_t profile_id, struct tw_deleted **out,
			 size_t *n, struct tw_error *err)
{
	static const enum tw_record_kind kinds[] = {
		TW_REC_PROFILE, TW_REC_SPONSOR, TW_REC_REFLECTION,
		TW_REC_MEETING, TW_REC_ACTION,  TW_REC_COACHING,
	};
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, trash_sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	struct tw_deleted *v = NULL;
	size_t cnt = 0, cap = 0;
	bool ok = true;
	int rc;
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
		ok = store_fail(st, err, "listing the trash");
	sqlite3_finalize(q);
	if (!ok) {
		tw_deleteds_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_sponsor_meeting_count(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
				    size_t *count, struct tw_error *err)
{
	*count = 0;
	sqlite3_stmt *q;
	/* the sponsor's own index: without it SQLite took meetings_calendar
	 * and went through every meeting of the profile */
	if (!store_prepare(st, "SELECT count(*) FROM meetings INDEXED BY meetings_sponsor"
				" WHERE profile_id = ? AND sponsor_id = ? AND deleted_at IS NULL",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, sponsor_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "counting meetings");
	return true;
}

/* What goes with a purged meeting or sponsor without being a record of
 * its own (the list names it in the record's label): a meeting's ticks,
 * ratings and drafts; a sponsor's check-up runs with theirs. Nothing
 * keys these to the meeting or the run by a foreign key, so they are
 * removed by hand, before the meetings and sponsors themselves. */
static const char *const purged_bits[] = {
	"DELETE FROM progress WHERE meeting_id IN " GONE_MEETINGS,
	"DELETE FROM drafts WHERE substr(item_id, instr(item_id, '@meeting:')) IN (SELECT "
	"'@meeting:' || id FROM " GONE_MEETINGS ")",
	"DELETE FROM progress WHERE checkup_id IN " GONE_RUNS,
	"DELETE FROM drafts WHERE substr(item_id, instr(item_id, '@checkup:')) IN (SELECT "
	"'@checkup:' || id FROM " GONE_RUNS ")",
	"DELETE FROM checkups WHERE id IN " GONE_RUNS,
};

static bool purge_run(struct tw_store *st, const char *sql, int64_t profile_id, size_t *changed,
		      struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	if (!store_step_done(st, q, err, "purging deleted records"))
		return false;
	if (changed)
		*changed += (size_t)store_changes(st);
	return true;
}

bool tw_store_purge(struct tw_store *st, int64_t profile_id, size_t *count,
		    struct tw_error *err)
{
	if (count)
		*count = 0;
	if (!store_begin(st, err))
		return false;
	/* Children first, each by the same condition the list uses, so that
	 * the count is the list's length (ticks, ratings and drafts of a
	 * purged profile go with it through the foreign keys; a meeting's
	 * and a run's, named in their labels, are removed before them). */
	size_t total = 0;
	bool ok = true;
	for (size_t t = 0; ok && t < NPURGED; t++) {
		if (purged[t].kind == TW_REC_MEETING)
			for (size_t b = 0; ok && b < sizeof purged_bits / sizeof *purged_bits; b++)
				ok = purge_run(st, purged_bits[b], profile_id, NULL, err);
		char sql[8192];
		snprintf(sql, sizeof sql, "DELETE FROM %s AS x WHERE %s", purged[t].table,
			 purged[t].gone);
		ok = ok && purge_run(st, sql, profile_id, &total, err);
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	if (count)
		*count = total;
	return true;
}
