/* The checklist widget: one guide's sections and items with their ticks,
 * ratings and reflections, drawable into any rectangle (the guide screen,
 * and coach mode beside its coach panel); long item texts wrap under
 * themselves. It writes ticks and ratings through the store itself;
 * opening the editor is left to the host. */
#ifndef TWOWAY_TUI_CHECKLIST_H
#define TWOWAY_TUI_CHECKLIST_H

#include "app.h"

/* What the profile has done on one item. */
struct tui_item_state {
	bool ticked;
	int rating;      /* 0: not rated */
	bool reflected;  /* a live reflection exists */
	bool is_private;
};

/* True when the item counts as done for progress: a ticked check, a rated
 * rate item, a reflect item with a reflection. */
bool tui_item_done(const struct tw_item *it, const struct tui_item_state *st);
size_t tui_guide_item_count(const struct tw_guide *g);
/* Fills out[] (one per item of g, sections in order) from prog (the
 * profile's progress rows, sorted by item id as the store returns them) and
 * the store's reflections (of meeting meeting_id for the items answered per
 * meeting, see tw_agenda_per_meeting). Returns false (and shows the error) on failure. */
bool tui_guide_states(struct tui_app *app, const struct tw_guide *g, int64_t meeting_id,
		      const struct tw_progress *prog, size_t n_prog, struct tui_item_state *out);

enum tui_cl_result {
	TUI_CL_IGNORED,      /* not a checklist key */
	TUI_CL_MOVED,        /* the focus moved (or nothing changed) */
	TUI_CL_SECTION,      /* a section collapsed or expanded */
	TUI_CL_TICKED,
	TUI_CL_RATED,
	TUI_CL_OPEN_REFLECT, /* the host should open the editor on the focused item */
	TUI_CL_ERROR,        /* a store write failed (already shown) */
};

struct tui_checklist;

struct tui_checklist *tui_checklist_new(const struct tw_guide *g);
void tui_checklist_free(struct tui_checklist *cl);
/* The meeting whose answers the checklist shows and writes (0: none; only
 * the guides answered per meeting use it). Reload after setting it. */
void tui_checklist_set_meeting(struct tui_checklist *cl, int64_t meeting_id);
/* The meeting (or check-up run) set above, 0 for none. */
int64_t tui_checklist_meeting(const struct tui_checklist *cl);
/* Reloads every item's state from the store. */
bool tui_checklist_reload(struct tui_checklist *cl, struct tui_app *app);
/* Draws into r, scrolled so that the focused row is whole on screen; the
 * last column holds the ^ and v marks when rows are hidden. */
void tui_checklist_draw(struct tui_checklist *cl, struct tui_app *app, struct tui_rect r,
			bool focused);
/* The guide's title line: its title, a progress bar and "done/total" in
 * w columns at (y, x). */
void tui_checklist_draw_title(struct tui_checklist *cl, struct tui_app *app, int y, int x, int w);
enum tui_cl_result tui_checklist_key(struct tui_checklist *cl, struct tui_app *app, wint_t key,
				     bool is_keycode);
/* A click at screen (y, x) inside the rect last drawn: focuses the row
 * drawn there (any of a wrapped item's lines). */
bool tui_checklist_click(struct tui_checklist *cl, int y, int x);
/* The focused item (NULL on a section header); st and sec may be NULL. */
const struct tw_item *tui_checklist_item(const struct tui_checklist *cl,
					 const struct tui_item_state **st,
					 const struct tw_section **sec);
/* Focuses an item by full id or a section by "guide/section" (expanding
 * it). Returns false when there is no such row. */
bool tui_checklist_focus(struct tui_checklist *cl, const char *id);
/* Items done and all items of the guide. */
void tui_checklist_progress(const struct tui_checklist *cl, size_t *done, size_t *total);
/* Marks the focused reflect item as reflected (after an editor save). */
void tui_checklist_set_reflected(struct tui_checklist *cl, const char *full_id, bool reflected,
				 bool is_private);

#endif
