/* Drafts: the reflection editor's autosave, one per profile and item ("" for
 * a new free-standing reflection). A draft never touches saved reflections. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

bool tw_store_draft_put(struct tw_store *st, int64_t profile_id, const char *item_id,
			const char *text, struct tw_error *err)
{
	if (!item_id)
		item_id = "";
	if (!store_check_text(item_id, "item id", err) ||
	    !store_check_text(text ? text : "", "draft", err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_prepare(st, "INSERT INTO drafts(profile_id, item_id, text, saved) "
				    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(profile_id, item_id) "
				    "DO UPDATE SET text = ?3, saved = ?4", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, text ? text : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		ok = store_step_done(st, q, err, "saving a draft");
	}
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
	if (!store_prepare(st, "SELECT text FROM drafts WHERE profile_id = ? AND item_id = ?",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id ? item_id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW) {
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
