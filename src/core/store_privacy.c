/* The store's privacy rules in one place: which view a handle has, the
 * marker a coach view reads instead of private text, and "private is
 * sticky" (every version before a private one is private too). */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

enum tw_view tw_store_view(const struct tw_store *st)
{
	return st ? st->view : TW_VIEW_OWNER;
}

bool store_coach(const struct tw_store *st)
{
	return st && st->view == TW_VIEW_COACH;
}

bool store_withhold(char **text)
{
	char *m = strdup(TW_PRIVATE_MARKER);
	if (!m)
		return false;
	free(*text);
	*text = m;
	return true;
}

bool store_privacy_sticky(struct tw_store *st, int64_t id, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE reflection_versions SET is_private = 1 "
			       "WHERE NOT is_private AND (?1 = 0 OR reflection_id = ?1) AND ("
			       " EXISTS (SELECT 1 FROM reflections r WHERE r.id = reflection_id"
			       "  AND r.is_private)"
			       " OR EXISTS (SELECT 1 FROM reflection_versions w"
			       "  WHERE w.reflection_id = reflection_versions.reflection_id"
			       "  AND w.version > reflection_versions.version AND w.is_private))",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	if (!store_step_done(st, q, err, "keeping a reflection private"))
		return false;
	if (id)
		return true;
	return store_exec(st, "UPDATE drafts SET is_private = 1 WHERE NOT is_private AND EXISTS ("
			      " SELECT 1 FROM reflections r WHERE r.profile_id = drafts.profile_id"
			      " AND r.is_private AND r.deleted_at IS NULL AND (r.item_id = drafts.item_id"
			      " OR 'reflection:' || r.id = drafts.item_id))", err);
}
