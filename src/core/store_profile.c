/* Profiles: the sponsees a database holds, and which one is in use (kept in
 * the settings table so every window and command agrees). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define PROFILE_COLS "id, name, role, goals, created"

static bool row_profile(sqlite3_stmt *q, void *rec)
{
	struct tw_profile *p = rec;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(q, 0);
	p->name = store_col_dup(q, 1);
	p->role = store_col_dup(q, 2);
	p->goals = store_col_dup(q, 3);
	p->created = sqlite3_column_int64(q, 4);
	if (!p->name || !p->role || !p->goals) {
		tw_profile_finish(p);
		return false;
	}
	return true;
}

static void finish_profile(void *rec)
{
	tw_profile_finish(rec);
}

static const struct store_reader profile_reader = { sizeof(struct tw_profile), row_profile,
						    finish_profile, "profile" };

static bool check_profile_fields(const char *name, const char *role, const char *goals,
				 struct tw_error *err)
{
	return store_check_required(name, "profile name", err) &&
	       store_check_text(role, "role", err) && store_check_text(goals, "goals", err);
}

/* TW_ERR_EXISTS when another live profile has the name. */
static bool name_free(struct tw_store *st, const char *name, int64_t except,
		      struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT 1 FROM profiles WHERE name = ? AND id <> ? "
			       "AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, except);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW)
		return tw_error_set(err, TW_ERR_EXISTS, "a profile named '%s' already exists",
				    name);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "looking up a profile");
	return true;
}

static bool insert_profile(struct tw_store *st, const char *name, const char *role,
			   const char *goals, int64_t *id, struct tw_error *err)
{
	if (!name_free(st, name, 0, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "INSERT INTO profiles(name, role, goals, created) "
			       "VALUES (?, ?, ?, ?)", &q, err))
		return false;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, role ? role : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, goals ? goals : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
	if (!store_step_done(st, q, err, "adding a profile"))
		return false;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return true;
}

bool tw_store_profile_add(struct tw_store *st, const char *name, const char *role,
			  const char *goals, int64_t *id, struct tw_error *err)
{
	if (!check_profile_fields(name, role, goals, err) || !store_begin(st, err))
		return false;
	if (!insert_profile(st, name, role, goals, id, err)) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_profile_list(struct tw_store *st, struct tw_profile **out, size_t *n,
			   struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " PROFILE_COLS " FROM profiles "
			       "WHERE deleted_at IS NULL ORDER BY id", &q, err))
		return false;
	return store_rows(st, q, &profile_reader, (void **)out, n, err);
}

bool tw_store_profile_get(struct tw_store *st, int64_t id, struct tw_profile *out,
			  struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " PROFILE_COLS " FROM profiles "
			       "WHERE id = ? AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, "there is no profile with id %lld", (long long)id);
	return store_row1(st, q, &profile_reader, out, msg, err);
}

bool tw_store_profile_find(struct tw_store *st, const char *name, struct tw_profile *out,
			   struct tw_error *err)
{
	if (!store_check_required(name, "profile name", err))
		return false;
	sqlite3_stmt *q;
	/* by name first; all digits and no such name: by id */
	if (!store_prepare(st, "SELECT " PROFILE_COLS " FROM profiles "
			       "WHERE (name = ?1 OR (?2 AND id = ?3)) AND deleted_at IS NULL "
			       "ORDER BY name <> ?1, id LIMIT 1", &q, err))
		return false;
	bool digits = strspn(name, "0123456789") == strlen(name) && strlen(name) < 19;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, digits);
	sqlite3_bind_int64(q, 3, digits ? strtoll(name, NULL, 10) : 0);
	char msg[400];
	snprintf(msg, sizeof msg, "there is no profile named '%.300s'", name);
	return store_row1(st, q, &profile_reader, out, msg, err);
}

bool tw_store_profile_update(struct tw_store *st, const struct tw_profile *p,
			     struct tw_error *err)
{
	if (!check_profile_fields(p->name, p->role, p->goals, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, p->id, err) && name_free(st, p->name, p->id, err) &&
		  store_prepare(st, "UPDATE profiles SET name = ?, role = ?, goals = ? "
				    "WHERE id = ?", &q, err);
	if (ok) {
		sqlite3_bind_text(q, 1, p->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, p->role ? p->role : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, p->goals ? p->goals : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, p->id);
		ok = store_step_done(st, q, err, "updating a profile");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

static bool set_current(struct tw_store *st, int64_t id, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "INSERT INTO settings(key, value) VALUES ('profile', ?) "
			       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	return store_step_done(st, q, err, "remembering the profile");
}

bool tw_store_profile_use(struct tw_store *st, int64_t id, struct tw_error *err)
{
	if (!store_begin(st, err))
		return false;
	if (!store_profile_live(st, id, err) || !set_current(st, id, err)) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

/* The remembered profile if it is live, else the first live one; 0 if none. */
static bool pick_current(struct tw_store *st, int64_t *id, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st,
			   "SELECT id FROM profiles WHERE deleted_at IS NULL ORDER BY "
			   "id = (SELECT CAST(value AS INTEGER) FROM settings "
			   "WHERE key = 'profile') DESC, id LIMIT 1", &q, err))
		return false;
	int rc = sqlite3_step(q);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "finding the profile in use");
	return true;
}

bool tw_store_profile_current(struct tw_store *st, struct tw_profile *out,
			      struct tw_error *err)
{
	int64_t id = 0;
	if (!pick_current(st, &id, err))
		return false;
	if (id == 0) {
		/* Nobody yet: make the default profile, checking again under the
		 * write lock so that two windows do not both make one. */
		if (!store_begin(st, err))
			return false;
		bool ok = pick_current(st, &id, err);
		if (ok && id == 0) {
			const char *user = getenv("USER");
			const char *name = "me";
			if (user && tw_text_nonblank(user) && tw_text_valid(user, strlen(user)))
				name = user;
			ok = insert_profile(st, name, "", "", &id, err) &&
			     set_current(st, id, err);
		}
		if (!ok) {
			store_rollback(st);
			return false;
		}
		if (!store_commit(st, err))
			return false;
	}
	return tw_store_profile_get(st, id, out, err);
}
