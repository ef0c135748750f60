/* How far a guide is walked, counted for the occasion it is walked for:
 * a per-meeting guide for the meeting tw_agenda_walk_meeting picks, the
 * check-up for its latest run, any other guide for the profile's own
 * answers. Home's bars and next step read it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/util.h"

static int cmp_progress(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct tw_progress *)elem)->item_id);
}

/* Whether item it is done for the occasion: ticked, rated, or answered. */
static bool item_done(struct tw_store *st, int64_t profile_id, int64_t occasion,
		      const struct tw_item *it, const struct tw_progress *prog, size_t n_prog,
		      bool *done, struct tw_error *err)
{
	const struct tw_progress *p =
		n_prog ? bsearch(it->full_id, prog, n_prog, sizeof *prog, cmp_progress) : NULL;
	switch (it->kind) {
	case TW_ITEM_CHECK:
		*done = p && p->ticked;
		return true;
	case TW_ITEM_RATE:
		*done = p && p->rating > 0;
		return true;
	case TW_ITEM_REFLECT:
		break;
	}
	struct tw_reflection r;
	int64_t mid = tw_agenda_per_occasion(it->full_id) ? occasion : 0;
	*done = false;
	if (tw_store_reflection_get_item_in(st, profile_id, mid, it->full_id, &r, err)) {
		*done = true;
		tw_reflection_finish(&r);
		return true;
	}
	if (err && err->code == TW_ERR_NOTFOUND) {
		tw_error_clear(err);
		return true;
	}
	return false;
}

bool tw_agenda_guide_progress(struct tw_store *st, int64_t profile_id, const struct tw_guide *g,
			      tw_time now, struct tw_guide_progress *out, struct tw_error *err)
{
	memset(out, 0, sizeof *out);
	out->next_sec = SIZE_MAX;
	int64_t occasion = 0;
	bool run = false;
	if (tw_agenda_guide_per_meeting(g->id)) {
		if (!tw_agenda_walk_meeting(st, profile_id, g->id, now, &occasion, err))
			return false;
	} else if (tw_agenda_guide_per_occasion(g->id)) {
		if (!tw_store_checkup_latest(st, profile_id, 0, &occasion, err))
			return false;
		run = occasion != 0;
	}
	struct tw_progress *prog = NULL;
	size_t n_prog = 0;
	if (!(run ? tw_store_progress_list_checkup(st, profile_id, occasion, &prog, &n_prog, err)
		  : tw_store_progress_list_in(st, profile_id, occasion, &prog, &n_prog, err)))
		return false;
	out->occasion = occasion;
	out->run = run;
	bool ok = true;
	for (size_t s = 0; ok && s < g->n_sections; s++) {
		size_t left = 0;
		for (size_t i = 0; ok && i < g->sections[s].n_items; i++) {
			bool done = false;
			ok = item_done(st, profile_id, occasion, &g->sections[s].items[i], prog,
				       n_prog, &done, err);
			out->total++;
			if (done)
				out->done++;
			else
				left++;
		}
		if (left && out->next_sec == SIZE_MAX) {
			out->next_sec = s;
			out->next_left = left;
		}
	}
	tw_progresses_free(prog, n_prog);
	return ok;
}
