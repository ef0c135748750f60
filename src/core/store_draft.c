/* Drafts: the reflection editor's autosave, one per profile and item ("" for
 * a new free-standing reflection). A draft never touches saved reflections. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

/* Until drafts carry their own flag: a draft is private when the item's
 * live reflection is. */
static bool draft_private(struct tw_store *st, int64_t profile_id, const char *item_id,
			  bool *is_private, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT 1 FROM reflections WHERE profile_id = ? AND item_id = ? "
			       "AND deleted_at IS NULL AND is_private", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading a reflection");
	*is_private = rc == SQLITE_ROW;
	return true;
}

bool tw_store_draft_put(struct tw_store *st, int64_t profile_id, const char *item_id,
			const char *text, struct tw_error *err)
{
	if (!item_id)
		item_id = "";
	bool is_private = false;
	if (!store_check_text(item_id, "item id", err) ||
	    !store_check_text(text ? text : "", "draft", err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	struct store_sealed s = { "", NULL, 0 };
	bool ok = store_profile_live(st, profile_id, err) &&
		  draft_private(st, profile_id, item_id, &is_private, err) &&
		  store_seal_for(st, profile_id, is_private, text ? text : "", &s, err) &&
		  store_prepare(st, "INSERT INTO drafts(profile_id, item_id, text, saved, sealed) "
				    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(profile_id, item_id) "
				    "DO UPDATE SET text = ?3, saved = ?4, sealed = ?5", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		store_sealed_bind(q, 3, 5, &s);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "saving a draft");
	}
	store_sealed_free(&s);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

bool tw_store_draft_get(struct tw_store *st, int64_t profile_id, const char *item_id,
			char **text, struct tw_error *err)
{
	*text = NULL;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT tw_open(profile_id, text, sealed), tw_locked(profile_id, sealed) FROM drafts "
			       "WHERE profile_id = ? AND item_id = ?",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id ? item_id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW && sqlite3_column_int(q, 1)) {
		ok = tw_error_set(err, TW_ERR_LOCKED,
				  "the draft is sealed: it needs the profile's passphrase");
	} else if (rc == SQLITE_ROW) {
		if (!(*text = store_col_dup(q, 0)))
			ok = store_nomem(err);
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(st, err, "reading a draft");
	}
	sqlite3_finalize(q);
	return ok;
}

bool tw_store_draft_drop(struct tw_store *st, int64_t profile_id, const char *item_id,
			 struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "DELETE FROM drafts WHERE profile_id = ? AND item_id = ?", &q,
			   err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id ? item_id : "", -1, SQLITE_STATIC);
	return store_step_done(st, q, err, "dropping a draft");
}
