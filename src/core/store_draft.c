/* Drafts: the reflection editor's autosave, one per profile and item ("" for
 * a new free-standing reflection, "reflection:ID" for a saved one). A draft
 * never touches saved reflections; it carries the private flag, and a draft
 * of a private reflection is private. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

/* True (in SQL) when the draft key ?2 of profile ?1 names a live private
 * reflection: its item id, or "reflection:ID" for a free-standing one. */
#define OF_PRIVATE \
	"EXISTS (SELECT 1 FROM reflections r WHERE r.profile_id = ?1 AND r.is_private" \
	" AND r.deleted_at IS NULL AND (r.item_id = ?2 OR 'reflection:' || r.id = ?2))"

static bool refuse(struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_PRIVATE,
			    "this reflection is private: it cannot be changed in coach mode");
}

bool tw_store_draft_put(struct tw_store *st, int64_t profile_id, const char *item_id,
			const char *text, bool is_private, struct tw_error *err)
{
	if (!item_id)
		item_id = "";
	if (!store_check_text(item_id, "item id", err) ||
	    !store_check_text(text ? text : "", "draft", err))
		return false;
	if (store_coach(st) && is_private)
		return refuse(err);
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, profile_id, err);
	if (ok && store_coach(st)) {
		sqlite3_stmt *c;
		ok = store_prepare(st, "SELECT " OF_PRIVATE, &c, err);
		if (ok) {
			sqlite3_bind_int64(c, 1, profile_id);
			sqlite3_bind_text(c, 2, item_id, -1, SQLITE_STATIC);
			ok = sqlite3_step(c) == SQLITE_ROW || store_fail(st, err, "saving a draft");
			if (ok && sqlite3_column_int(c, 0))
				ok = refuse(err);
			sqlite3_finalize(c);
		}
	}
	/* A private draft of a locked profile is sealed before it is written. */
	bool priv = is_private;
	if (ok && !priv) {
		sqlite3_stmt *c;
		ok = store_prepare(st, "SELECT " OF_PRIVATE, &c, err);
		if (ok) {
			sqlite3_bind_int64(c, 1, profile_id);
			sqlite3_bind_text(c, 2, item_id, -1, SQLITE_STATIC);
			ok = sqlite3_step(c) == SQLITE_ROW || store_fail(st, err, "saving a draft");
			priv = ok && sqlite3_column_int(c, 0);
			sqlite3_finalize(c);
		}
	}
	struct store_sealed s = { "", NULL, 0 };
	ok = ok && store_seal_for(st, profile_id, priv, text ? text : "", &s, err) &&
	     store_prepare(st, "INSERT INTO drafts(profile_id, item_id, text, saved, "
			       "is_private, sealed) VALUES (?1, ?2, ?3, ?4, ?5 OR " OF_PRIVATE ", ?6) "
			       "ON CONFLICT(profile_id, item_id) DO UPDATE SET text = ?3, "
			       "saved = ?4, is_private = excluded.is_private, sealed = ?6", &q, err);
	if (ok) {
		sqlite3_bind_int64(q, 1, profile_id);
		sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		store_sealed_bind(q, 3, 6, &s);
		sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
		sqlite3_bind_int(q, 5, priv);
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
			char **text, bool *is_private, struct tw_error *err)
{
	*text = NULL;
	if (is_private)
		*is_private = false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT tw_open(profile_id, text, sealed), is_private OR " OF_PRIVATE
			       ", tw_locked(profile_id, sealed) FROM drafts "
			       "WHERE profile_id = ?1 AND item_id = ?2", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id ? item_id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW && sqlite3_column_int(q, 2) && !store_coach(st)) {
		ok = tw_error_set(err, TW_ERR_LOCKED,
				  "the draft is sealed: it needs the profile's passphrase");
	} else if (rc == SQLITE_ROW) {
		bool priv = sqlite3_column_int(q, 1) != 0;
		if (is_private)
			*is_private = priv;
		if (!(*text = store_col_dup(q, 0)) ||
		    (priv && store_coach(st) && !store_withhold(text)))
			ok = store_nomem(err);
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(st, err, "reading a draft");
	}
	sqlite3_finalize(q);
	if (!ok) {
		free(*text);
		*text = NULL;
	}
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
