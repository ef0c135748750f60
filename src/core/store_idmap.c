/* A table of ids to texts read whole from one query (id, text; ascending
 * by id) and looked up by binary search: the sponsors' names a calendar
 * shows, the uids an export names its links by, where a join would look
 * the same few rows up again for every record. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

void store_idmap_free(struct store_idmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->text[i]);
	free(m->id);
	free(m->text);
	*m = (struct store_idmap){ 0 };
}

/* Room for one more row. */
static bool grow(struct store_idmap *m, size_t *cap)
{
	if (m->n < *cap)
		return true;
	size_t nc = *cap ? 2 * *cap : 64;
	int64_t *id = realloc(m->id, nc * sizeof *id);
	if (!id)
		return false;
	m->id = id;
	char **text = realloc(m->text, nc * sizeof *text);
	if (!text)
		return false;
	m->text = text;
	*cap = nc;
	return true;
}

bool store_idmap_read(struct tw_store *st, const char *sql, struct store_idmap *m,
		      struct tw_error *err)
{
	*m = (struct store_idmap){ 0 };
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	size_t cap = 0;
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		bool oom = false;
		if (!grow(m, &cap)) {
			ok = store_nomem(err);
			break;
		}
		m->id[m->n] = sqlite3_column_int64(q, 0);
		m->text[m->n] = store_col_dup0(q, 1, &oom);
		if (oom) {
			ok = store_nomem(err);
			break;
		}
		m->n++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading records");
	sqlite3_finalize(q);
	if (!ok)
		store_idmap_free(m);
	return ok;
}

bool store_idmap_find(const struct store_idmap *m, int64_t id, const char **text)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == m->n || m->id[lo] != id)
		return false;
	*text = m->text[lo];
	return true;
}
