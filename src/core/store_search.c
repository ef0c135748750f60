/* Full-text search over reflections, meetings, action items and sponsors
 * (FTS5, bm25 ranking, snippets marked with [ and ]). The user's words are
 * quoted here, so no input is ever FTS syntax. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/util.h"

/* Snippet markers inside SQL: control characters cannot be stored, so they
 * only ever come from FTS5 and are turned into [ and ] afterwards. */
#define MARK_OPEN "\x01"
#define MARK_CLOSE "\x02"

static bool word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c >= 0x80;
}

/* Turns plain words into an FTS5 expression: each white-space separated
 * word a quoted string, the last one a prefix; with owner (not 0) only the
 * rows of that profile (the owner column, schema 14). NULL on no memory;
 * *terms is the number of words kept. */
static char *build_match(const char *query, int64_t owner, size_t *terms)
{
	size_t len = strlen(query);
	char *out = malloc(len * 3 + 96);
	if (!out)
		return NULL;
	char *o = out + sprintf(out, "{head body} : (");
	*terms = 0;
	const char *p = query;
	char *last_end = NULL;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		bool keep = false;
		for (const char *c = w; c < p; c++)
			keep = keep || word_char((unsigned char)*c);
		if (!keep)
			continue;
		if (*terms)
			*o++ = ' ';
		*o++ = '"';
		for (const char *c = w; c < p; c++) {
			if (*c == '"')
				*o++ = '"';
			*o++ = *c;
		}
		*o++ = '"';
		last_end = o;
		(*terms)++;
	}
	if (last_end)
		*o++ = '*';
	*o++ = ')';
	*o = '\0';
	if (owner)
		sprintf(o, " AND owner : \"p%lld\"", (long long)owner);
	return out;
}

/* Replaces the markers with [ and ] in place. */
static void unmark(char *s)
{
	for (; *s; s++) {
		if (*s == MARK_OPEN[0])
			*s = '[';
		else if (*s == MARK_CLOSE[0])
			*s = ']';
	}
}

static bool row_hit(sqlite3_stmt *q, struct tw_hit *h)
{
	memset(h, 0, sizeof *h);
	int64_t rowid = sqlite3_column_int64(q, 0);
	switch (rowid % 4) {
	case 0:
		h->kind = TW_REC_SPONSOR;
		break;
	case 1:
		h->kind = TW_REC_REFLECTION;
		break;
	case 2:
		h->kind = TW_REC_MEETING;
		break;
	default:
		h->kind = TW_REC_ACTION;
		break;
	}
	h->id = rowid / 4;
	h->profile_id = sqlite3_column_int64(q, 1);
	h->rank = sqlite3_column_double(q, 2);
	h->title = store_col_dup(q, 3);
	h->is_private = sqlite3_column_int(q, 4) != 0;
	const char *body = (const char *)sqlite3_column_text(q, 5);
	const char *head = (const char *)sqlite3_column_text(q, 6);
	if (!body)
		body = "";
	if (!strchr(body, MARK_OPEN[0]) && head && strchr(head, MARK_OPEN[0]))
		body = head;
	h->snippet = strdup(body);
	if (!h->title || !h->snippet) {
		tw_hit_finish(h);
		return false;
	}
	unmark(h->snippet);
	return true;
}

bool tw_store_search(struct tw_store *st, int64_t profile_id, const char *query,
		     size_t limit, struct tw_hit **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	if (!query)
		return true;
	if (!store_check_text(query, "search text", err))
		return false;
	/* One profile's matches are its owner's, when other profiles have
	 * rows: bm25 then ranks (and the view is read for) only those. With
	 * one profile the owner's list is every row, and reading it is work
	 * the profile_id test below does for nothing: that test stays, so
	 * the boundary never rests on the index alone. */
	int64_t owner = 0;
	if (profile_id) {
		struct tw_error e = { 0 };
		bool other = store_exists(st, "SELECT 1 FROM profiles WHERE id <> ?1",
					  profile_id, 0, "", &e);
		if (!other && e.code != TW_ERR_NOTFOUND) {
			if (err)
				*err = e;
			return false;
		}
		owner = other ? profile_id : 0;
	}
	size_t terms;
	char *match = build_match(query, owner, &terms);
	if (!match)
		return store_nomem(err);
	if (terms == 0) {
		free(match);
		return true;
	}
	sqlite3_stmt *q;
	if (!store_prepare(st,
			   /* the index reads label, private and the text for the
			    * snippets from search_src, where a meeting's label is
			    * made in the reader's time zone; only shown rows (and,
			    * for a coach or every profile, the matches) pay */
			   "SELECT rowid, profile_id, rank, label, private, "
			   "snippet(search_fts, 1, '" MARK_OPEN "', '" MARK_CLOSE "', '…', 16), "
			   "snippet(search_fts, 0, '" MARK_OPEN "', '" MARK_CLOSE "', '…', 16) "
			   "FROM search_fts WHERE search_fts MATCH ?1 "
			   "AND (?2 = 0 OR profile_id = ?2) "
			   /* every profile: the live ones (not rows of an
			    * import still under way, whose stand-in profile
			    * has no row) */
			   "AND (?2 <> 0 OR profile_id IN "
			   "(SELECT id FROM profiles WHERE deleted_at IS NULL)) "
			   "AND (?4 = 0 OR NOT private) "
			   "ORDER BY rank LIMIT ?3", &q, err)) {
		free(match);
		return false;
	}
	sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, profile_id);
	sqlite3_bind_int64(q, 3, limit ? (int64_t)limit : 50);
	sqlite3_bind_int(q, 4, store_coach(st)); /* a coach never looks in private text */
	struct tw_hit *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v) || !row_hit(q, &v[cnt])) {
			ok = store_nomem(err);
			break;
		}
		cnt++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "searching");
	sqlite3_finalize(q);
	free(match);
	if (!ok) {
		tw_hits_free(v, cnt);
		return false;
	}
	*out = v;
	*n = cnt;
	return true;
}
