/* Reflections with their full history: every save appends a version row,
 * restore appends an old version's text again, and the reflections row
 * mirrors the newest version for fast reads. Private is sticky (a flag of
 * the reflection, see store_privacy.c); a coach view reads it as a marker.
 * The answers given for meetings are read on their own, from their index,
 * for the agendas of an export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

/* Private text of a locked profile is read through tw_open (store_seal.c):
 * the text when the key is open, the marker otherwise (tw_locked says so). */
#define REFL_COLS "id, profile_id, item_id, tw_open(profile_id, text, sealed), is_private, " \
	"version, created, updated, meeting_id, tw_locked(profile_id, sealed), checkup_id"


static bool row_reflection(sqlite3_stmt *q, struct tw_reflection *r)
{
	bool oom = false;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->profile_id = sqlite3_column_int64(q, 1);
	r->item_id = store_col_dup0(q, 2, &oom);
	r->text = store_col_dup(q, 3);
	r->is_private = sqlite3_column_int(q, 4) != 0;
	r->version = sqlite3_column_int(q, 5);
	r->created = sqlite3_column_int64(q, 6);
	r->updated = sqlite3_column_int64(q, 7);
	r->meeting_id = sqlite3_column_int64(q, 8); /* NULL reads as 0 */
	r->locked = sqlite3_column_int(q, 9) != 0;
	r->checkup_id = sqlite3_column_int64(q, 10); /* NULL reads as 0 */
	if (oom || !r->text) {
		tw_reflection_finish(r);
		return false;
	}
	return true;
}

/* row_reflection as the handle's view may see it: a coach view gets the
 * marker instead of a private reflection's text. */
static bool read_reflection(const struct tw_store *st, sqlite3_stmt *q, struct tw_reflection *r)
{
	if (!row_reflection(q, r))
		return false;
	if (store_coach(st) && r->is_private) {
		r->hidden = true;
		if (!store_withhold(&r->text)) {
			tw_reflection_finish(r);
			return false;
		}
	}
	return true;
}

static bool refuse_private(const char *what, struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_PRIVATE, "%s", what);
}

/* text as written: sealed first when private in a locked profile.
 * change: 1 when this save makes the reflection private, -1 public. */
static bool add_version_as(struct tw_store *st, int64_t id, int version, bool is_private,
			   int change, int64_t now, struct tw_error *err)
{
	sqlite3_stmt *q;
	/* The version that stops being current takes its text from the
	 * reflection (before set_current_as replaces it); the new one keeps
	 * none: it is the reflection's text (STORE_VTEXT). */
	if (!store_prepare(st, "UPDATE reflection_versions SET (text, sealed) ="
			       " (SELECT r.text, r.sealed FROM reflections r WHERE r.id = ?1)"
			       " WHERE reflection_id = ?1 AND version ="
			       " (SELECT r.version FROM reflections r WHERE r.id = ?1)"
			       " AND version <> ?2",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, version);
	if (!store_step_done(st, q, err, "saving a reflection"))
		return false;
	if (!store_prepare(st, "INSERT INTO reflection_versions(reflection_id, version, text, "
			       "is_private, saved, flag_change, sealed) VALUES (?, ?, '', ?, ?, ?, NULL)",
			   &q, err))
		return false;
	sqlite3_bind_int(q, 5, change);
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, version);
	sqlite3_bind_int(q, 3, is_private);
	sqlite3_bind_int64(q, 4, now);
	return store_step_done(st, q, err, "saving a reflection");
}

static bool set_current_as(struct tw_store *st, int64_t id, int version,
			   const struct store_sealed *text, bool is_private, int64_t now,
			   struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "UPDATE reflections SET text = ?, is_private = ?, version = ?, "
			       "updated = ?, sealed = ? WHERE id = ?", &q, err))
		return false;
	store_sealed_bind(q, 1, 5, text);
	sqlite3_bind_int(q, 2, is_private);
	sqlite3_bind_int(q, 3, version);
	sqlite3_bind_int64(q, 4, now);
	sqlite3_bind_int64(q, 6, id);
	return store_step_done(st, q, err, "saving a reflection");
}

/* Appends text as version `version` of reflection id (of profile_id) and
 * makes it the current text. */
static bool append_version(struct tw_store *st, int64_t profile_id, int64_t id, int version,
			   const char *text, bool is_private, int change, int64_t now,
			   struct tw_error *err)
{
	struct store_sealed s;
	if (!store_seal_for(st, profile_id, is_private, text, &s, err))
		return false;
	bool ok = add_version_as(st, id, version, is_private, change, now, err) &&
		  set_current_as(st, id, version, &s, is_private, now, err);
	store_sealed_free(&s);
	return ok;
}

/* Finds the live reflection of the profile on item_id for the meeting, or
 * for a check-up item the run (0: none); *found false when there is none. */
static bool lookup_item(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			const char *item_id, struct tw_reflection *out, bool *found,
			struct tw_error *err)
{
	sqlite3_stmt *q;
	*found = false;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE profile_id = ? "
			       "AND item_id = ? AND coalesce(meeting_id, 0) = ? "
			       "AND coalesce(checkup_id, 0) = ? AND deleted_at IS NULL", &q, err))
		return false;
	bool run = tw_checkup_item(item_id);
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, run ? 0 : meeting_id);
	sqlite3_bind_int64(q, 4, run ? meeting_id : 0);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW) {
		ok = read_reflection(st, q, out) || store_nomem(err);
		*found = ok;
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(st, err, "reading a reflection");
	}
	sqlite3_finalize(q);
	return ok;
}

/* Makes text the newest version of cur with the private flag privacy asks
 * for; a change of the flag alone is a new version too (history shows it).
 * Runs inside the caller's transaction. */
static bool update_locked(struct tw_store *st, const struct tw_reflection *cur, const char *text,
			  enum tw_privacy privacy, int64_t now, struct tw_error *err)
{
	bool want = privacy == TW_PRIVACY_KEEP ? cur->is_private : privacy == TW_PRIVACY_PRIVATE;
	if (store_coach(st) && cur->is_private)
		return refuse_private("this reflection is private: it cannot be changed in "
				      "coach mode", err);
	if (store_coach(st) && want != cur->is_private)
		return refuse_private("whether a reflection is private is the sponsee's choice, "
				      "not coach mode's", err);
	/* Sealed text that cannot be opened now cannot be compared: the save
	 * becomes a new version. */
	if (!cur->locked && strcmp(cur->text, text) == 0 && want == cur->is_private)
		return true;
	int change = want == cur->is_private ? 0 : want ? 1 : -1;
	return append_version(st, cur->profile_id, cur->id, cur->version + 1, text, want, change,
			      now, err) &&
	       (!want || store_privacy_sticky(st, cur->id, err)) &&
	       store_seal_sync(st, cur->id, err);
}

static bool save_locked(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			const char *item_id, const char *text, enum tw_privacy privacy,
			int64_t *id, struct tw_error *err)
{
	if (!store_occasion_of(st, profile_id, item_id, meeting_id, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	struct tw_reflection cur;
	bool found = false;
	if (item_id && !lookup_item(st, profile_id, meeting_id, item_id, &cur, &found, err))
		return false;
	if (found) {
		*id = cur.id;
		bool ok = update_locked(st, &cur, text, privacy, now, err);
		tw_reflection_finish(&cur);
		return ok;
	}
	bool is_private = privacy == TW_PRIVACY_PRIVATE;
	if (store_coach(st) && is_private)
		return refuse_private("whether a reflection is private is the sponsee's choice, "
				      "not coach mode's", err);
	sqlite3_stmt *q;
	struct store_sealed s;
	if (!store_seal_for(st, profile_id, is_private, text, &s, err))
		return false;
	bool ok = store_prepare(st, "INSERT INTO reflections(profile_id, item_id, text, "
				    "is_private, version, created, updated, sealed, meeting_id, "
				    "checkup_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)", &q, err);
	if (ok) {
		if (meeting_id)
			sqlite3_bind_int64(q, tw_checkup_item(item_id) ? 9 : 8, meeting_id);
		sqlite3_bind_int64(q, 1, profile_id);
		if (item_id)
			sqlite3_bind_text(q, 2, item_id, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(q, 2);
		store_sealed_bind(q, 3, 7, &s);
		sqlite3_bind_int(q, 4, is_private);
		sqlite3_bind_int64(q, 5, now);
		sqlite3_bind_int64(q, 6, now);
		ok = store_step_done(st, q, err, "saving a reflection");
	}
	if (ok) {
		*id = sqlite3_last_insert_rowid(st->db);
		ok = add_version_as(st, *id, 1, is_private, 0, now, err);
	}
	store_sealed_free(&s);
	return ok;
}

bool tw_store_reflection_save(struct tw_store *st, int64_t profile_id, const char *item_id,
			      const char *text, enum tw_privacy privacy, int64_t *id,
			      struct tw_error *err)
{
	return tw_store_reflection_save_in(st, profile_id, 0, item_id, text, privacy, id, err);
}

bool tw_store_reflection_save_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				 const char *item_id, const char *text, enum tw_privacy privacy,
				 int64_t *id, struct tw_error *err)
{
	if (item_id && !*item_id)
		item_id = NULL;
	if (!store_check_required(text, "reflection", err) ||
	    (item_id && !store_check_required(item_id, "item id", err)) ||
	    !store_begin(st, err))
		return false;
	int64_t rid = 0;
	if (!save_locked(st, profile_id, meeting_id, item_id, text, privacy, &rid, err)) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	store_seal_scrub(st);
	if (id)
		*id = rid;
	return true;
}

bool tw_store_reflection_update(struct tw_store *st, int64_t id, const char *text,
				enum tw_privacy privacy, struct tw_error *err)
{
	if (!store_check_required(text, "reflection", err) || !store_begin(st, err))
		return false;
	struct tw_reflection cur;
	bool ok = tw_store_reflection_get(st, id, &cur, err);
	if (ok) {
		ok = update_locked(st, &cur, text, privacy, (int64_t)time(NULL), err);
		tw_reflection_finish(&cur);
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	store_seal_scrub(st);
	return true;
}

bool tw_store_reflection_get_item(struct tw_store *st, int64_t profile_id, const char *item_id,
				  struct tw_reflection *out, struct tw_error *err)
{
	return tw_store_reflection_get_item_in(st, profile_id, 0, item_id, out, err);
}

bool tw_store_reflection_last_time(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				   const char *item_id, struct tw_reflection *out,
				   struct tw_error *err)
{
	if (!store_check_required(item_id, "item id", err))
		return false;
	sqlite3_stmt *q;
#define LAST_COLS "SELECT r.id, r.profile_id, r.item_id, tw_open(r.profile_id, r.text, r.sealed), " \
	"r.is_private, r.version, r.created, r.updated, r.meeting_id, " \
	"tw_locked(r.profile_id, r.sealed), r.checkup_id FROM reflections r "
	bool run = tw_checkup_item(item_id);
	bool ok = run
	  /* the same sponsor's runs before this one (earlier, or the same
	   * day with a lower id), else the answer tied to no run */
	  ? store_prepare(st, LAST_COLS "LEFT JOIN checkups c ON c.id = r.checkup_id "
			      "JOIN checkups t ON t.id = ?2 "
			      "WHERE r.profile_id = ?1 AND r.item_id = ?3 AND r.deleted_at IS NULL "
			      "AND r.meeting_id IS NULL AND (r.checkup_id IS NULL OR "
			      "(c.sponsor_id IS t.sponsor_id AND c.id <> t.id "
			      "AND (c.at < t.at OR (c.at = t.at AND c.id < t.id)))) "
			      "ORDER BY r.checkup_id IS NULL, c.at DESC, c.id DESC LIMIT 1", &q, err)
	  /* meetings before this one (earlier, or at the same time with a
	   * lower id), else the answer tied to no meeting */
	  : store_prepare(st, LAST_COLS "LEFT JOIN meetings m ON m.id = r.meeting_id "
			      "JOIN meetings t ON t.id = ?2 "
			      "WHERE r.profile_id = ?1 AND r.item_id = ?3 AND r.deleted_at IS NULL "
			      "AND r.checkup_id IS NULL "
			      "AND (r.meeting_id IS NULL OR (m.deleted_at IS NULL AND m.id <> t.id "
			      "AND (m.at < t.at OR (m.at = t.at AND m.id < t.id)))) "
			      "ORDER BY r.meeting_id IS NULL, m.at DESC, m.id DESC LIMIT 1", &q, err);
#undef LAST_COLS
	if (!ok)
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, meeting_id);
	sqlite3_bind_text(q, 3, item_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		ok = read_reflection(st, q, out) || store_nomem(err);
	else if (rc == SQLITE_DONE)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "no earlier %s has an answer on '%.300s'",
				  run ? "check-up" : "meeting", item_id);
	else
		ok = store_fail(st, err, "reading a reflection");
	sqlite3_finalize(q);
	return ok;
}

bool tw_store_reflection_get_item_in(struct tw_store *st, int64_t profile_id,
				     int64_t meeting_id, const char *item_id,
				     struct tw_reflection *out, struct tw_error *err)
{
	if (!store_check_required(item_id, "item id", err))
		return false;
	bool found;
	if (!lookup_item(st, profile_id, meeting_id, item_id, out, &found, err))
		return false;
	if (!found)
		return tw_error_set(err, TW_ERR_NOTFOUND, "there is no reflection on '%.300s' yet",
				    item_id);
	return true;
}

bool tw_store_reflection_get(struct tw_store *st, int64_t id, struct tw_reflection *out,
			     struct tw_error *err)
{
	if (!store_in_scope(st, STORE_REFLECTION, id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE id = ? "
			       "AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	bool ok;
	if (rc == SQLITE_ROW)
		ok = read_reflection(st, q, out) || store_nomem(err);
	else if (rc == SQLITE_DONE)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "there is no reflection with id %lld",
				  (long long)id);
	else
		ok = store_fail(st, err, "reading a reflection");
	sqlite3_finalize(q);
	return ok;
}

/* Every row of q (REFL_COLS, its parameters bound) into a new array. */
static bool reflection_rows(struct tw_store *st, sqlite3_stmt *q, struct tw_reflection **out,
			    size_t *n, struct tw_error *err)
{
	struct tw_reflection *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !read_reflection(st, q, &v[cnt])) {
			ok = store_nomem(err);
			break;
		}
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "listing reflections");
	sqlite3_finalize(q);
	if (!ok) {
		tw_reflections_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_reflection_list(struct tw_store *st, int64_t profile_id, size_t limit,
			      struct tw_reflection **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE profile_id = ? "
			       "AND deleted_at IS NULL ORDER BY updated DESC, id DESC LIMIT ?",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	sqlite3_bind_int64(q, 2, limit ? (int64_t)limit : -1);
	return reflection_rows(st, q, out, n, err);
}

/* The terms match reflections_item's (its WHERE and its expressions), so
 * SQLite reads the profile's answers from that index and visits only the
 * rows of those given for a meeting. (The app gives a check-up run's
 * answer no meeting; an imported row might carry both: not an answer.) */
#define ANSWERS_WHERE                                                                  \
	"profile_id = ?1 AND item_id IS NOT NULL AND deleted_at IS NULL"                \
	" AND coalesce(meeting_id, 0) <> 0 AND coalesce(checkup_id, 0) = 0"

bool tw_store_reflection_answers(struct tw_store *st, int64_t profile_id,
				 struct tw_reflection **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " REFL_COLS " FROM reflections WHERE " ANSWERS_WHERE,
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	return reflection_rows(st, q, out, n, err);
}

bool tw_store_meetings_answered(struct tw_store *st, int64_t profile_id, bool *yes,
				struct tw_error *err)
{
	*yes = false;
	sqlite3_stmt *q;
	if (!store_prepare(st,
			   "SELECT 1 FROM reflections r WHERE " ANSWERS_WHERE
			   " AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = r.meeting_id"
			   " AND m.deleted_at IS NULL) LIMIT 1",
			   &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading reflections");
	*yes = rc == SQLITE_ROW;
	return true;
}

bool tw_store_reflection_history(struct tw_store *st, int64_t reflection_id,
				 struct tw_reflection_version **out, size_t *n,
				 struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	struct tw_reflection r;
	if (!tw_store_reflection_get(st, reflection_id, &r, err))
		return false;
	bool all_private = r.is_private;
	tw_reflection_finish(&r);
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT v.reflection_id, v.version, "
			       "tw_open(r.profile_id, " STORE_VTEXT("v", "r") ", "
			       STORE_VSEALED("v", "r") "), v.is_private, v.saved, "
			       "v.flag_change, tw_locked(r.profile_id, " STORE_VSEALED("v", "r") ") "
			       "FROM reflection_versions v JOIN reflections r ON r.id = v.reflection_id "
			       "WHERE v.reflection_id = ? ORDER BY v.version", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, reflection_id);
	struct tw_reflection_version *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) ||
		    !(v[cnt].text = store_col_dup(q, 2))) {
			ok = store_nomem(err);
			break;
		}
		v[cnt].reflection_id = sqlite3_column_int64(q, 0);
		v[cnt].version = sqlite3_column_int(q, 1);
		v[cnt].is_private = sqlite3_column_int(q, 3) != 0 || all_private;
		v[cnt].saved = sqlite3_column_int64(q, 4);
		v[cnt].flag_change = sqlite3_column_int(q, 5);
		v[cnt].locked = sqlite3_column_int(q, 6) != 0;
		cnt++;
		if (store_coach(st) && v[cnt - 1].is_private) {
			v[cnt - 1].hidden = true;
			if (!store_withhold(&v[cnt - 1].text)) {
				ok = store_nomem(err);
				break;
			}
		}
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading a reflection's history");
	sqlite3_finalize(q);
	if (!ok) {
		tw_reflection_versions_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}

bool tw_store_reflection_restore(struct tw_store *st, int64_t reflection_id, int version,
				 struct tw_error *err)
{
	if (!store_begin(st, err))
		return false;
	struct tw_reflection cur;
	if (!tw_store_reflection_get(st, reflection_id, &cur, err)) {
		store_rollback(st);
		return false;
	}
	sqlite3_stmt *q;
	bool ok = store_prepare(st, "SELECT tw_open(r.profile_id, " STORE_VTEXT("v", "r") ", "
				    STORE_VSEALED("v", "r") "), v.is_private, "
				    "tw_locked(r.profile_id, " STORE_VSEALED("v", "r") "), "
				    STORE_VSEALED("v", "r") " "
				    "FROM reflection_versions v JOIN reflections r "
				    "ON r.id = v.reflection_id "
				    "WHERE v.reflection_id = ? AND v.version = ?", &q, err);
	char *text = NULL;
	bool was_private = false, locked = false;
	struct store_sealed raw = { "", NULL, 0 };
	if (ok) {
		sqlite3_bind_int64(q, 1, reflection_id);
		sqlite3_bind_int(q, 2, version);
		int rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			was_private = sqlite3_column_int(q, 1) != 0;
			locked = sqlite3_column_int(q, 2) != 0;
			raw.len = (size_t)sqlite3_column_bytes(q, 3);
			if (!(text = store_col_dup(q, 0)) ||
			    (locked && !(raw.blob = malloc(raw.len))))
				ok = store_nomem(err);
			else if (locked)
				memcpy(raw.blob, sqlite3_column_blob(q, 3), raw.len);
		} else if (rc == SQLITE_DONE) {
			ok = tw_error_set(err, TW_ERR_NOTFOUND,
					  "reflection %lld has no version %d (it has 1 to %d)",
					  (long long)reflection_id, version, cur.version);
		} else {
			ok = store_fail(st, err, "reading a reflection's history");
		}
		sqlite3_finalize(q);
	}
	/* Text once private stays private: restoring it keeps (or makes) the
	 * reflection private; a coach view cannot restore private text. */
	bool priv = cur.is_private || was_private;
	if (ok && store_coach(st) && priv)
		ok = refuse_private("this reflection is private: it cannot be changed in "
				    "coach mode", err);
	int64_t now = (int64_t)time(NULL);
	int change = priv == cur.is_private ? 0 : 1;
	if (ok && locked) {
		/* Sealed to this profile's key and private (so the reflection is
		 * or becomes private): the sealed text is copied as it is. */
		ok = add_version_as(st, reflection_id, cur.version + 1, true, change, now, err) &&
		     set_current_as(st, reflection_id, cur.version + 1, &raw, true, now, err) &&
		     store_privacy_sticky(st, reflection_id, err);
	} else if (ok && (cur.locked || strcmp(text, cur.text) != 0 || priv != cur.is_private)) {
		ok = append_version(st, cur.profile_id, reflection_id, cur.version + 1, text, priv,
				    change, now, err) &&
		     (!priv || store_privacy_sticky(st, reflection_id, err));
	}
	ok = ok && store_seal_sync(st, reflection_id, err);
	store_sealed_free(&raw);
	free(text);
	tw_reflection_finish(&cur);
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	store_seal_scrub(st);
	return true;
}
