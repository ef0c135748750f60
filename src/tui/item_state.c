/* What a profile has done on a guide's items (ticks, ratings, whether a
 * reflection exists and is private), read from its progress rows and the
 * store's reflections: the checklist draws it, Home and coach mode count it. */
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "twoway/agenda.h"

bool tui_item_done(const struct tw_item *it, const struct tui_item_state *st)
{
	switch (it->kind) {
	case TW_ITEM_CHECK: return st->ticked;
	case TW_ITEM_RATE: return st->rating > 0;
	case TW_ITEM_REFLECT: return st->reflected;
	}
	return false;
}

size_t tui_guide_item_count(const struct tw_guide *g)
{
	size_t n = 0;
	for (size_t s = 0; s < g->n_sections; s++)
		n += g->sections[s].n_items;
	return n;
}

static int cmp_progress(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct tw_progress *)elem)->item_id);
}

bool tui_guide_states(struct tui_app *app, const struct tw_guide *g, int64_t meeting_id,
		      const struct tw_progress *prog, size_t n_prog, struct tui_item_state *out)
{
	size_t k = 0;
	for (size_t s = 0; s < g->n_sections; s++) {
		for (size_t i = 0; i < g->sections[s].n_items; i++, k++) {
			const struct tw_item *it = &g->sections[s].items[i];
			struct tui_item_state *st = &out[k];
			memset(st, 0, sizeof(*st));
			const struct tw_progress *p =
				n_prog ? bsearch(it->full_id, prog, n_prog, sizeof(*prog), cmp_progress)
				       : NULL;
			if (p) {
				st->ticked = p->ticked;
				st->rating = p->rating;
			}
			if (it->kind != TW_ITEM_REFLECT)
				continue;
			struct tw_reflection r;
			struct tw_error err = { 0 };
			int64_t mid = tw_agenda_per_occasion(it->full_id) ? meeting_id : 0;
			if (tw_store_reflection_get_item_in(app->store, app->profile.id, mid,
							    it->full_id, &r, &err)) {
				st->reflected = true;
				st->is_private = r.is_private;
				tw_reflection_finish(&r);
			} else if (err.code != TW_ERR_NOTFOUND) {
				tui_error(app, "%s", err.message);
				return false;
			}
		}
	}
	return true;
}
