/* The profile a store handle is limited to: once the front end names the
 * profile it works in (tw_store_scope), every call that reaches a record
 * by its bare id (get, update, done, held, restore, coaching marks)
 * refuses a record of another profile, whatever screen or command asks. */
#include "store_internal.h"

void tw_store_scope(struct tw_store *st, int64_t profile_id)
{
	if (st)
		st->scope = profile_id > 0 ? profile_id : 0;
}

int64_t tw_store_scope_of(const struct tw_store *st)
{
	return st ? st->scope : 0;
}

static const struct {
	const char *sql, *noun;
} owner_of[] = {
	[STORE_SPONSOR] = { "SELECT profile_id FROM sponsors WHERE id = ?1", "sponsor" },
	[STORE_REFLECTION] = { "SELECT profile_id FROM reflections WHERE id = ?1", "reflection" },
	[STORE_MEETING] = { "SELECT profile_id FROM meetings WHERE id = ?1", "meeting" },
	[STORE_ACTION] = { "SELECT profile_id FROM actions WHERE id = ?1", "action item" },
	[STORE_COACHING] = { "SELECT profile_id FROM coaching WHERE id = ?1", "coaching session" },
};

bool store_in_scope(struct tw_store *st, enum store_table t, int64_t id, struct tw_error *err)
{
	if (!st->scope)
		return true;
	sqlite3_stmt *q;
	if (!store_prepare(st, owner_of[t].sql, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	int64_t owner = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading whose record it is");
	/* A missing record is left to the caller, which names it as usual. */
	if (rc == SQLITE_DONE || owner == st->scope)
		return true;
	return tw_error_set(err, TW_ERR_NOTFOUND, "there is no %s with id %lld in this profile",
			    owner_of[t].noun, (long long)id);
}
