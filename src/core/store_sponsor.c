/* Sponsors: the people a profile is building a relationship with, their
 * notes and where they sit on the mentor-to-sponsor continuum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/util.h"

#define SPONSOR_COLS \
	"id, profile_id, name, title, org, how_met, homework, stage, created, updated, stage_at"

static bool row_sponsor(sqlite3_stmt *q, void *rec)
{
	struct tw_sponsor *s = rec;
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(q, 0);
	s->profile_id = sqlite3_column_int64(q, 1);
	s->name = store_col_dup(q, 2);
	s->title = store_col_dup(q, 3);
	s->org = store_col_dup(q, 4);
	s->how_met = store_col_dup(q, 5);
	s->homework = store_col_dup(q, 6);
	int stage = sqlite3_column_int(q, 7);
	s->stage = stage >= 0 && stage <= TW_STAGE_SPONSOR ? (enum tw_stage)stage
							   : TW_STAGE_UNKNOWN;
	s->created = sqlite3_column_int64(q, 8);
	s->updated = sqlite3_column_int64(q, 9);
	s->stage_at = sqlite3_column_int64(q, 10);
	if (!s->name || !s->title || !s->org || !s->how_met || !s->homework) {
		tw_sponsor_finish(s);
		return false;
	}
	return true;
}

static void finish_sponsor(void *rec)
{
	tw_sponsor_finish(rec);
}

static const struct store_reader sponsor_reader = { sizeof(struct tw_sponsor), row_sponsor,
						    finish_sponsor, "sponsor" };

static bool check_sponsor(const struct tw_sponsor *s, struct tw_error *err)
{
	if ((unsigned)s->stage > TW_STAGE_SPONSOR)
		return tw_error_set(err, TW_ERR_INVALID, "unknown continuum stage %d",
				    (int)s->stage);
	return store_check_required(s->name, "sponsor's name", err) &&
	       store_check_text(s->title, "title", err) &&
	       store_check_text(s->org, "organisation", err) &&
	       store_check_text(s->how_met, "how you met", err) &&
	       store_check_text(s->homework, "homework notes", err);
}

static void bind_fields(sqlite3_stmt *q, const struct tw_sponsor *s)
{
	sqlite3_bind_text(q, 1, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, s->title ? s->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, s->org ? s->org : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, s->how_met ? s->how_met : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, s->homework ? s->homework : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 6, (int)s->stage);
}

bool tw_store_sponsor_add(struct tw_store *st, struct tw_sponsor *s, struct tw_error *err)
{
	if (!check_sponsor(s, err) || !store_begin(st, err))
		return false;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *q = NULL;
	bool ok = store_profile_live(st, s->profile_id, err) &&
		  store_prepare(st, "INSERT INTO sponsors(name, title, org, how_met, homework, "
				    "stage, profile_id, created, updated, stage_at) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
				    "CASE WHEN ?6 > 0 THEN ?8 ELSE 0 END)", &q, err);
	if (ok) {
		bind_fields(q, s);
		sqlite3_bind_int64(q, 7, s->profile_id);
		sqlite3_bind_int64(q, 8, now);
		sqlite3_bind_int64(q, 9, now);
		ok = store_step_done(st, q, err, "adding a sponsor");
	}
	int64_t id = 0;
	if (!store_end(st, ok, &id, err))
		return false;
	s->id = id;
	s->created = s->updated = now;
	s->stage_at = s->stage ? now : 0;
	return true;
}

bool tw_store_sponsor_update(struct tw_store *st, const struct tw_sponsor *s,
			     struct tw_error *err)
{
	if (!store_in_scope(st, STORE_SPONSOR, s->id, err))
		return false;
	if (!check_sponsor(s, err) || !store_begin(st, err))
		return false;
	sqlite3_stmt *q;
	/* a changed stage is dated (its one home: see tw_sponsor) */
	bool ok = store_prepare(st, "UPDATE sponsors SET name = ?1, title = ?2, org = ?3, "
				    "how_met = ?4, homework = ?5, stage_at = CASE WHEN stage <> ?6 "
				    "THEN ?7 ELSE stage_at END, stage = ?6, updated = ?7 "
				    "WHERE id = ?8 AND deleted_at IS NULL", &q, err);
	if (ok) {
		bind_fields(q, s);
		sqlite3_bind_int64(q, 7, (int64_t)time(NULL));
		sqlite3_bind_int64(q, 8, s->id);
		ok = store_step_done(st, q, err, "updating a sponsor");
	}
	if (ok && store_changes(st) == 0)
		ok = tw_error_set(err, TW_ERR_NOTFOUND, "there is no sponsor with id %lld",
				  (long long)s->id);
	return store_end(st, ok, NULL, err);
}

bool tw_store_sponsor_list(struct tw_store *st, int64_t profile_id, struct tw_sponsor **out,
			   size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " SPONSOR_COLS " FROM sponsors WHERE profile_id = ? "
			       "AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	return store_rows(st, q, &sponsor_reader, (void **)out, n, err);
}

bool tw_store_sponsor_get(struct tw_store *st, int64_t id, struct tw_sponsor *out,
			  struct tw_error *err)
{
	if (!store_in_scope(st, STORE_SPONSOR, id, err))
		return false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT " SPONSOR_COLS " FROM sponsors "
			       "WHERE id = ? AND deleted_at IS NULL", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, "there is no sponsor with id %lld", (long long)id);
	return store_row1(st, q, &sponsor_reader, out, msg, err);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

bool tw_store_sponsor_find(struct tw_store *st, int64_t profile_id, const char *name,
			   struct tw_sponsor *out, struct tw_error *err)
{
	if (!store_check_required(name, "sponsor's name", err))
		return false;
	/* Names match case-insensitively (Unicode case folding); every live
	 * sponsor of a profile is a short list, so the folding runs here. The
	 * whole name first; when no whole name matches, the leading words
	 * ("dana" for Dana Lee). A name made of digits that names no sponsor
	 * is an id of the profile's live sponsors. */
	struct tw_sponsor *v = NULL;
	size_t n = 0, hits = 0, hit = 0;
	char *want = tw_casefold(name);
	if (!want)
		return store_nomem(err);
	if (!tw_store_sponsor_list(st, profile_id, &v, &n, err)) {
		free(want);
		return false;
	}
	size_t wl = strlen(want);
	char ids[240] = "";
	for (int pass = 0; pass < 2 && !hits; pass++) {
		size_t used = 0;
		for (size_t i = 0; i < n; i++) {
			char *have = tw_casefold(v[i].name);
			bool match = have && (pass == 0 ? strcmp(have, want) == 0
							: strncmp(have, want, wl) == 0 &&
								  have[wl] == ' ');
			free(have);
			if (!match)
				continue;
			hit = i;
			hits++;
			int w = snprintf(ids + used, sizeof ids - used, "%s%lld %.40s",
					 hits > 1 ? ", " : "", (long long)v[i].id, v[i].name);
			used = w > 0 && used + (size_t)w < sizeof ids ? used + (size_t)w : used;
		}
	}
	free(want);
	if (!hits && all_digits(name) && strlen(name) < 19) {
		int64_t id = strtoll(name, NULL, 10);
		for (size_t i = 0; i < n && !hits; i++)
			if (v[i].id == id)
				hit = i, hits = 1;
	}
	bool ok = hits == 1;
	if (ok) {
		*out = v[hit];
		memset(&v[hit], 0, sizeof v[hit]);
	} else if (hits > 1) {
		tw_error_set(err, TW_ERR_INVALID,
			     "'%.100s' names %zu sponsors: %s; use the id", name, hits, ids);
	} else {
		tw_error_set(err, TW_ERR_NOTFOUND, "there is no sponsor named '%.300s'", name);
	}
	tw_sponsors_free(v, n);
	return ok;
}
