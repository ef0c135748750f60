/* Meetings by id for the exports that name an action item's meeting
 * (CSV, the brief): one sorted index and binary search, so that a list of
 * action items costs n log n rather than a scan of the meetings per item. */
#include <stdlib.h>

#include "twoway/export.h"

static int by_id(const void *a, const void *b)
{
	int64_t x = (*(const struct tw_meeting *const *)a)->id;
	int64_t y = (*(const struct tw_meeting *const *)b)->id;
	return x < y ? -1 : x > y;
}

const struct tw_meeting **tw_meetings_by_id(const struct tw_meeting *m, size_t n)
{
	const struct tw_meeting **idx = malloc((n ? n : 1) * sizeof *idx);
	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = &m[i];
	qsort(idx, n, sizeof *idx, by_id);
	return idx;
}

const struct tw_meeting *tw_meeting_find(const struct tw_meeting *const *idx, size_t n,
					 int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (idx[mid]->id == id)
			return idx[mid];
		if (idx[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
