/* The JSON export of the whole database or one profile: every field of
 * every record (reflection versions, soft deletes, what coaching sessions
 * covered), one record per line in id order through SQLite's JSON functions
 * (a coach's copy reads "private" for private text); each record's uid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/util.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* A random UUID-shaped (version 4) uid, as an SQL expression. */
#define UUID_SQL                                                                   \
	"printf('%s-%s-4%s-%s%s-%s', lower(hex(randomblob(4))), lower(hex(randomblob(2))),"   \
	" substr(lower(hex(randomblob(2))), 2), substr('89ab', 1 + (abs(random()) % 4), 1),"  \
	" substr(lower(hex(randomblob(2))), 2), lower(hex(randomblob(6))))"

static const char *const uid_tables[] = { "profiles", "sponsors", "checkups", "reflections",
					  "meetings", "actions", "coaching" };

/* Gives every row of table that has no uid yet one (id 0: every row). */
static bool assign_uids(struct tw_store *st, const char *table, int64_t id,
			struct tw_error *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "UPDATE %s SET uid = %s WHERE uid IS NULL AND (?1 = 0 OR id = ?1)",
		 table, UUID_SQL);
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	return store_step_done(st, q, err, "giving records their uid");
}

/* Sets *missing when some row of table has no uid yet. */
static bool uids_missing(struct tw_store *st, const char *table, bool *missing,
			 struct tw_error *err)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE uid IS NULL LIMIT 1", table);
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading records' uids");
	*missing = *missing || rc == SQLITE_ROW;
	return true;
}

#define JBOOL(x) "json(CASE WHEN " x " THEN 'true' ELSE 'false' END)"
/* A reflection's (or version's) text, "private" in a coach's copy: every
 * version of a private reflection is private, whatever its own flag. */
#define PRIVATE(t) \
	"CASE WHEN ?2 AND (" t ".is_private OR r.is_private) THEN 'private' ELSE " t ".text END"

/* A sealed text (hex) and a locked profile's key material ride along in
 * the sponsee's copy only: json_patch adds the member when it is not NULL
 * and leaves the record as it was otherwise. */
#define SEALED(t)                                                                  \
	"json_object('sealed', CASE WHEN ?2 OR " t ".sealed IS NULL THEN NULL"        \
	" ELSE lower(hex(" t ".sealed)) END)"

/* One section of the file: its name and the query giving one JSON object
 * per row; ?1 is the profile id, 0 for every profile; ?2 is 1 for a coach's
 * copy, where private text reads "private" and drafts stay out. */
struct section {
	const char *name;
	const char *sql;
};

static const struct section sections[] = {
	{ "profiles",
	  "SELECT json_patch(json_object('uid', uid, 'id', id, 'name', name, 'role', role,"
	  " 'goals', goals, 'created', created, 'deleted_at', deleted_at),"
	  " json_object('lock', (SELECT json_object('public', lower(hex(k.public_key)),"
	  "  'key', lower(hex(k.wrapped_key)), 'salt', lower(hex(k.salt)),"
	  "  'opslimit', k.opslimit, 'memlimit', k.memlimit)"
	  "  FROM profile_keys k WHERE k.profile_id = profiles.id AND NOT ?2)))"
	  " FROM profiles WHERE ?1 = 0 OR id = ?1 ORDER BY id" },
	{ "sponsors",
	  "SELECT json_object('uid', s.uid, 'id', s.id, 'profile', p.uid, 'name', s.name,"
	  " 'title', s.title, 'org', s.org, 'how_met', s.how_met, 'homework', s.homework,"
	  " 'stage', CASE s.stage WHEN 1 THEN 'mentor' WHEN 2 THEN 'strategizer'"
	  "  WHEN 3 THEN 'connector' WHEN 4 THEN 'opportunity-giver' WHEN 5 THEN 'sponsor'"
	  "  ELSE 'unknown' END,"
	  " 'created', s.created, 'updated', s.updated, 'deleted_at', s.deleted_at,"
	  " 'stage_set', s.stage_at)"
	  " FROM sponsors s JOIN profiles p ON p.id = s.profile_id"
	  " WHERE ?1 = 0 OR s.profile_id = ?1 ORDER BY s.id" },
	/* check-up runs; their answers name them ("checkup") */
	{ "checkups",
	  "SELECT json_object('uid', c.uid, 'id', c.id, 'profile', p.uid, 'sponsor', s.uid,"
	  " 'at', c.at, 'created', c.created)"
	  " FROM checkups c JOIN profiles p ON p.id = c.profile_id"
	  " LEFT JOIN sponsors s ON s.id = c.sponsor_id"
	  " WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY c.id" },
	{ "progress",
	  "SELECT json_object('profile', p.uid, 'item', g.item_id, 'ticked', " JBOOL("g.ticked") ","
	  " 'rating', g.rating, 'changed', g.changed,"
	  " 'meeting', (SELECT uid FROM meetings WHERE id = g.meeting_id),"
	  " 'checkup', (SELECT uid FROM checkups WHERE id = g.checkup_id))"
	  " FROM progress g JOIN profiles p ON p.id = g.profile_id"
	  " WHERE ?1 = 0 OR g.profile_id = ?1 ORDER BY g.profile_id, g.item_id" },
	{ "ratings",
	  "SELECT json_object('profile', p.uid, 'item', r.item_id, 'rating', r.rating, 'at', r.at)"
	  " FROM rating_history r JOIN profiles p ON p.id = r.profile_id"
	  " WHERE ?1 = 0 OR r.profile_id = ?1 ORDER BY r.id" },
	{ "reflections",
	  "SELECT json_patch(json_object('uid', r.uid, 'id', r.id, 'profile', p.uid,"
	  " 'item', r.item_id,"
	  " 'text', " PRIVATE("r") ", 'private', " JBOOL("r.is_private") ", 'version', r.version,"
	  " 'created', r.created, 'updated', r.updated, 'deleted_at', r.deleted_at,"
	  " 'meeting', (SELECT uid FROM meetings WHERE id = r.meeting_id),"
	  " 'checkup', (SELECT uid FROM checkups WHERE id = r.checkup_id),"
	  " 'versions', json((SELECT json_group_array(json_patch(json_object('version', v.version,"
	  "   'text', " PRIVATE("v") ", 'private', " JBOOL("v.is_private OR r.is_private") ","
	  "   'saved', v.saved), " SEALED("v") "))"
	  "   FROM (SELECT * FROM reflection_versions WHERE reflection_id = r.id"
	  "   ORDER BY version) v))), " SEALED("r") ")"
	  " FROM reflections r JOIN profiles p ON p.id = r.profile_id"
	  " WHERE ?1 = 0 OR r.profile_id = ?1 ORDER BY r.id" },
	{ "drafts",
	  "SELECT json_patch(json_object('profile', p.uid, 'item', d.item_id, 'text', d.text,"
	  " 'saved', d.saved, 'private', " JBOOL("d.is_private") "), " SEALED("d") ")"
	  " FROM drafts d JOIN profiles p ON p.id = d.profile_id"
	  " WHERE (?1 = 0 OR d.profile_id = ?1) AND NOT ?2 ORDER BY d.profile_id, d.item_id" },
	{ "meetings",
	  "SELECT json_object('uid', m.uid, 'id', m.id, 'profile', p.uid, 'sponsor', s.uid,"
	  " 'at', m.at, 'agenda', m.agenda, 'notes', m.notes, 'outcome', m.outcome,"
	  " 'keep', m.keep, 'held', " JBOOL("m.held") ", 'created', m.created, 'updated', m.updated,"
	  " 'deleted_at', m.deleted_at)"
	  " FROM meetings m JOIN profiles p ON p.id = m.profile_id"
	  " JOIN sponsors s ON s.id = m.sponsor_id"
	  " WHERE ?1 = 0 OR m.profile_id = ?1 ORDER BY m.id" },
	{ "actions",
	  "SELECT json_object('uid', a.uid, 'id', a.id, 'profile', p.uid, 'meeting', m.uid,"
	  " 'text', a.text, 'owner', CASE a.owner WHEN 1 THEN 'sponsor' ELSE 'me' END,"
	  " 'due', a.due, 'done', a.done, 'created', a.created, 'deleted_at', a.deleted_at)"
	  " FROM actions a JOIN profiles p ON p.id = a.profile_id"
	  " LEFT JOIN meetings m ON m.id = a.meeting_id"
	  " WHERE ?1 = 0 OR a.profile_id = ?1 ORDER BY a.id" },
	{ "coaching",
	  "SELECT json_object('uid', c.uid, 'id', c.id, 'profile', p.uid, 'coach', c.coach,"
	  " 'started', c.started, 'ended', c.ended, 'notes', c.notes, 'covered', c.covered,"
	  " 'deleted_at', c.deleted_at)"
	  " FROM coaching c JOIN profiles p ON p.id = c.profile_id"
	  " WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY c.id" },
	/* what each session covered: item ids and ratings, never any text */
	{ "coaching_events",
	  "SELECT json_object('coaching', c.uid, 'item', e.item_id, 'what', e.what,"
	  " 'value', e.value, 'at', e.at)"
	  " FROM coaching_events e JOIN coaching c ON c.id = e.coaching_id"
	  " WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY e.coaching_id, e.id" },
};

static bool put_section(struct tw_store *st, const struct section *s, int64_t profile_id,
			bool coach, struct tw_buf *b, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, s->sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int(q, 2, coach);
	tw_buf_printf(b, "\"%s\": [", s->name);
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(q, 0);
		tw_buf_puts(b, n++ ? ",\n" : "\n");
		tw_buf_puts(b, row);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "exporting the database");
	tw_buf_puts(b, n ? "\n]" : "]");
	return true;
}

static bool export_json(struct tw_store *st, int64_t profile_id, bool coach, char **out,
			size_t *len, struct tw_error *err)
{
	*out = NULL;
	if (profile_id && !store_profile_live(st, profile_id, err))
		return false;
	/* one transaction: uids for records exported the first time, and
	 * sections that agree with each other; a read transaction (no
	 * write, no sync) when every record has its uid already */
	bool write = false;
	for (size_t i = 0; !write && i < sizeof uid_tables / sizeof uid_tables[0]; i++)
		if (!uids_missing(st, uid_tables[i], &write, err))
			return false;
	bool read = !write && sqlite3_get_autocommit(st->db);
	if (write ? !store_begin(st, err) : read && !store_exec(st, "BEGIN", err))
		return false;
	struct tw_buf b = { 0 };
	tw_buf_printf(&b, "{\"app\": \"twoway\", \"schema\": %d,%s\n", TW_STORE_SCHEMA_VERSION,
		      coach ? " \"coach\": true," : "");
	bool ok = true;
	for (size_t i = 0; write && ok && i < sizeof uid_tables / sizeof uid_tables[0]; i++)
		ok = assign_uids(st, uid_tables[i], 0, err);
	for (size_t i = 0; ok && i < sizeof sections / sizeof sections[0]; i++) {
		ok = put_section(st, &sections[i], profile_id, coach, &b, err);
		tw_buf_puts(&b, i + 1 < sizeof sections / sizeof sections[0] ? ",\n" : "\n}\n");
	}
	if (read)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL); /* ends the read */
	else if (write && ok)
		ok = store_commit(st, err);
	else if (write)
		store_rollback(st);
	if (!ok || !tw_buf_ok(&b, err)) {
		tw_buf_free(&b);
		return false;
	}
	*out = tw_buf_take(&b, len);
	return true;
}

bool tw_store_export_json(struct tw_store *st, int64_t profile_id, char **out, size_t *len,
			  struct tw_error *err)
{
	return export_json(st, profile_id, store_coach(st), out, len, err);
}

bool tw_store_export_json_coach(struct tw_store *st, int64_t profile_id, char **out,
				size_t *len, struct tw_error *err)
{
	return export_json(st, profile_id, true, out, len, err);
}

static const char *const uid_table[] = {
	[TW_REC_PROFILE] = "profiles",	     [TW_REC_SPONSOR] = "sponsors",
	[TW_REC_REFLECTION] = "reflections", [TW_REC_MEETING] = "meetings",
	[TW_REC_ACTION] = "actions",	     [TW_REC_COACHING] = "coaching",
};

void tw_uids_free(struct tw_uid *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].uid);
	free(v);
}

const char *tw_uids_find(const struct tw_uid *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].id == id)
			return v[mid].uid;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Reads (id, uid) rows into a new array. */
static bool read_uids(struct tw_store *st, sqlite3_stmt *q, struct tw_uid **out, size_t *n,
		      struct tw_error *err)
{
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)out, &cap, *n, sizeof **out))
			return store_nomem(err);
		(*out)[*n].id = sqlite3_column_int64(q, 0);
		if (!((*out)[*n].uid = store_col_dup(q, 1)))
			return store_nomem(err);
		(*n)++;
	}
	return rc == SQLITE_DONE || store_fail(st, err, "reading records' uids");
}

bool tw_store_uids(struct tw_store *st, enum tw_record_kind kind, int64_t profile_id,
		   struct tw_uid **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	if ((unsigned)kind >= sizeof uid_table / sizeof uid_table[0] || !uid_table[kind])
		return tw_error_set(err, TW_ERR_INVALID, "no such kind of record");
	const char *t = uid_table[kind];
	char sql[200];
	/* a write only when some record has no uid yet */
	bool write = false;
	sqlite3_stmt *q;
	if (!uids_missing(st, t, &write, err))
		return false;
	if (write && !store_begin(st, err))
		return false;
	snprintf(sql, sizeof sql, "SELECT id, uid FROM %s WHERE ?1 = 0 OR %s = ?1 ORDER BY id", t,
		 kind == TW_REC_PROFILE ? "id" : "profile_id");
	bool ok = (!write || assign_uids(st, t, 0, err)) && store_prepare(st, sql, &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		ok = read_uids(st, q, out, n, err);
		sqlite3_finalize(q);
	}
	if (write)
		ok = store_end(st, ok, NULL, err);
	if (!ok) {
		tw_uids_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return ok;
}

bool tw_store_uid(struct tw_store *st, enum tw_record_kind kind, int64_t id, char **uid,
		  struct tw_error *err)
{
	const char *const *table = uid_table;
	*uid = NULL;
	if ((unsigned)kind >= sizeof uid_table / sizeof uid_table[0])
		return tw_error_set(err, TW_ERR_INVALID, "no such kind of record");
	if (!store_begin(st, err))
		return false;
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT uid FROM %s WHERE id = ?", table[kind]);
	sqlite3_stmt *q = NULL;
	if (!assign_uids(st, table[kind], id, err) || !store_prepare(st, sql, &q, err)) {
		store_rollback(st);
		return false;
	}
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*uid = store_col_dup(q, 0);
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW && *uid && !store_commit(st, err)) {
		free(*uid);
		*uid = NULL;
		return false;
	}
	if (rc != SQLITE_ROW || !*uid)
		store_rollback(st);
	if (rc == SQLITE_DONE)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no %s with id %lld",
				    tw_record_kind_name(kind), (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "reading a record's uid");
	return *uid ? true : store_nomem(err);
}
