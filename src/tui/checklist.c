/* The checklist widget: a guide's sections (collapsible) and items as one
 * scrolling list with tick, rating and reflection marks. Keys tick and rate
 * through the store at once; the host opens the editor for reflect items. */
#include <stdlib.h>
#include <string.h>

#include "checklist.h"

struct row {
	size_t sec;
	size_t item; /* SIZE_MAX: the section header */
};

struct tui_checklist {
	const struct tw_guide *guide;
	size_t n_items;
	struct tui_item_state *state; /* per item, sections in order */
	size_t *first;                /* flat index of each section's first item */
	bool *collapsed;
	struct row *rows;             /* the visible rows */
	size_t n_rows;
	size_t cursor, top;
	struct tui_rect last;         /* the rect last drawn (clicks, paging) */
};

#define HEADER SIZE_MAX

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

bool tui_guide_states(struct tui_app *app, const struct tw_guide *g,
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
			if (tw_store_reflection_get_item(app->store, app->profile.id, it->full_id, &r,
							 &err)) {
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

static void rebuild_rows(struct tui_checklist *cl)
{
	const struct tw_guide *g = cl->guide;
	size_t n = 0;
	for (size_t s = 0; s < g->n_sections; s++) {
		cl->rows[n++] = (struct row){ s, HEADER };
		if (cl->collapsed[s])
			continue;
		for (size_t i = 0; i < g->sections[s].n_items; i++)
			cl->rows[n++] = (struct row){ s, i };
	}
	cl->n_rows = n;
	if (cl->cursor >= n)
		cl->cursor = n ? n - 1 : 0;
}

struct tui_checklist *tui_checklist_new(const struct tw_guide *g)
{
	struct tui_checklist *cl = calloc(1, sizeof(*cl));
	if (!cl)
		return NULL;
	cl->guide = g;
	cl->n_items = tui_guide_item_count(g);
	cl->state = calloc(cl->n_items + 1, sizeof(*cl->state));
	cl->first = calloc(g->n_sections + 1, sizeof(*cl->first));
	cl->collapsed = calloc(g->n_sections + 1, sizeof(*cl->collapsed));
	cl->rows = calloc(cl->n_items + g->n_sections + 1, sizeof(*cl->rows));
	if (!cl->state || !cl->first || !cl->collapsed || !cl->rows) {
		tui_checklist_free(cl);
		return NULL;
	}
	size_t k = 0;
	for (size_t s = 0; s < g->n_sections; s++) {
		cl->first[s] = k;
		k += g->sections[s].n_items;
	}
	rebuild_rows(cl);
	/* Start on the first item rather than the first header. */
	if (cl->n_rows > 1 && g->sections[0].n_items)
		cl->cursor = 1;
	return cl;
}

void tui_checklist_free(struct tui_checklist *cl)
{
	if (!cl)
		return;
	free(cl->state);
	free(cl->first);
	free(cl->collapsed);
	free(cl->rows);
	free(cl);
}

bool tui_checklist_reload(struct tui_checklist *cl, struct tui_app *app)
{
	struct tw_progress *prog = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_progress_list(app->store, app->profile.id, &prog, &n, &err)) {
		tui_error(app, "%s", err.message);
		return false;
	}
	bool ok = tui_guide_states(app, cl->guide, prog, n, cl->state);
	tw_progresses_free(prog, n);
	return ok;
}

static struct tui_item_state *row_state(struct tui_checklist *cl, const struct row *rw)
{
	return &cl->state[cl->first[rw->sec] + rw->item];
}

static void section_progress(const struct tui_checklist *cl, size_t s, size_t *done,
			     size_t *total)
{
	const struct tw_section *sec = &cl->guide->sections[s];
	*done = 0;
	*total = sec->n_items;
	for (size_t i = 0; i < sec->n_items; i++)
		if (tui_item_done(&sec->items[i], &cl->state[cl->first[s] + i]))
			(*done)++;
}

void tui_checklist_progress(const struct tui_checklist *cl, size_t *done, size_t *total)
{
	*done = 0;
	*total = 0;
	for (size_t s = 0; s < cl->guide->n_sections; s++) {
		size_t d, t;
		section_progress(cl, s, &d, &t);
		*done += d;
		*total += t;
	}
}

static void mark(const struct tw_item *it, const struct tui_item_state *st, char *buf)
{
	switch (it->kind) {
	case TW_ITEM_CHECK:
		strcpy(buf, st->ticked ? "[x]" : "[ ]");
		break;
	case TW_ITEM_RATE:
		if (st->rating > 0 && st->rating <= 5)
			snprintf(buf, 8, "[%d]", st->rating);
		else
			strcpy(buf, "[-]");
		break;
	case TW_ITEM_REFLECT:
		strcpy(buf, st->reflected ? (st->is_private ? "[p]" : "[*]") : "[~]");
		break;
	}
}

void tui_checklist_draw(struct tui_checklist *cl, struct tui_app *app, struct tui_rect r,
			bool focused)
{
	cl->last = r;
	if (r.h <= 0 || r.w <= 4)
		return;
	tui_scroll_to(cl->cursor, &cl->top, r.h, cl->n_rows);
	bool uni = wcwidth(0x25B8) == 1;
	for (int y = 0; y < r.h && cl->top + (size_t)y < cl->n_rows; y++) {
		size_t idx = cl->top + (size_t)y;
		const struct row *rw = &cl->rows[idx];
		const struct tw_section *sec = &cl->guide->sections[rw->sec];
		bool sel = idx == cl->cursor;
		attr_t base = sel ? tui_attr(app, focused ? TUI_SELECTED : TUI_DIM) | (focused ? 0 : A_REVERSE)
				  : A_NORMAL;
		int sy = r.y + y;
		if (sel)
			tui_fill(sy, r.x, r.w, base);
		if (rw->item == HEADER) {
			size_t d, t;
			section_progress(cl, rw->sec, &d, &t);
			char count[48];
			snprintf(count, sizeof(count), " %zu/%zu", d, t);
			int cw = (int)strlen(count);
			const char *tw = cl->collapsed[rw->sec] ? (uni ? "\xe2\x96\xb8 " : "+ ")
								: (uni ? "\xe2\x96\xbe " : "- ");
			attr_t ha = sel ? base : tui_attr(app, TUI_HEADING);
			int x = r.x + tui_text(sy, r.x, r.w, tw, ha);
			tui_text(sy, x, r.w - (x - r.x) - cw, sec->title, ha);
			tui_text(sy, r.x + r.w - cw, cw, count,
				 sel ? base : tui_attr(app, d == t && t ? TUI_DONE : TUI_DIM));
			continue;
		}
		const struct tw_item *it = &sec->items[rw->item];
		const struct tui_item_state *st = row_state(cl, rw);
		char m[8];
		mark(it, st, m);
		bool done = tui_item_done(it, st);
		attr_t ma = sel ? base : tui_attr(app, done ? TUI_DONE : TUI_DIM);
		attr_t ta = sel ? base : (done ? tui_attr(app, TUI_DONE) : A_NORMAL);
		int x = r.x + 2;
		x += tui_text(sy, x, r.w - 2, m, ma);
		x += 1;
		tui_text(sy, x, r.w - (x - r.x), it->text, ta);
	}
	/* A scroll hint when rows are hidden above or below. */
	if (cl->top > 0)
		tui_text(r.y, r.x + r.w - 1, 1, "^", tui_attr(app, TUI_KEY));
	if (cl->top + (size_t)r.h < cl->n_rows)
		tui_text(r.y + r.h - 1, r.x + r.w - 1, 1, "v", tui_attr(app, TUI_KEY));
}

static void set_collapsed(struct tui_checklist *cl, size_t sec, bool c)
{
	if (cl->collapsed[sec] == c)
		return;
	cl->collapsed[sec] = c;
	rebuild_rows(cl);
	for (size_t i = 0; i < cl->n_rows; i++)
		if (cl->rows[i].sec == sec && cl->rows[i].item == HEADER)
			cl->cursor = i;
}

static enum tui_cl_result tick(struct tui_checklist *cl, struct tui_app *app,
			       const struct tw_item *it, struct tui_item_state *st)
{
	struct tw_error err = { 0 };
	if (!tw_store_progress_tick(app->store, app->profile.id, it->full_id, !st->ticked, &err)) {
		tui_error(app, "could not save: %s", err.message);
		return TUI_CL_ERROR;
	}
	st->ticked = !st->ticked;
	return TUI_CL_TICKED;
}

static enum tui_cl_result rate(struct tui_checklist *cl, struct tui_app *app,
			       const struct tw_item *it, struct tui_item_state *st, int v)
{
	struct tw_error err = { 0 };
	if (!tw_store_progress_rate(app->store, app->profile.id, it->full_id, v, &err)) {
		tui_error(app, "could not save: %s", err.message);
		return TUI_CL_ERROR;
	}
	st->rating = v;
	if (v)
		tui_msg(app, "rated %d of 5", v);
	else
		tui_msg(app, "rating cleared");
	return TUI_CL_RATED;
}

enum tui_cl_result tui_checklist_key(struct tui_checklist *cl, struct tui_app *app, wint_t k,
				     bool code)
{
	if (!cl->n_rows)
		return TUI_CL_IGNORED;
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav != TUI_NAV_NONE) {
		tui_nav_apply(nav, &cl->cursor, cl->n_rows, cl->last.h > 0 ? cl->last.h : 10);
		return TUI_CL_MOVED;
	}
	struct row *rw = &cl->rows[cl->cursor];
	bool left = code ? k == KEY_LEFT : k == L'h';
	bool right = code ? k == KEY_RIGHT : k == L'l';
	bool enter = tui_is_enter(k, code);
	bool space = !code && k == L' ';
	if (left) {
		set_collapsed(cl, rw->sec, true);
		return TUI_CL_SECTION;
	}
	if (rw->item == HEADER) {
		if (right || enter || space) {
			set_collapsed(cl, rw->sec, right ? false : !cl->collapsed[rw->sec]);
			return TUI_CL_SECTION;
		}
		return TUI_CL_IGNORED;
	}
	if (right)
		return TUI_CL_MOVED;
	const struct tw_item *it = &cl->guide->sections[rw->sec].items[rw->item];
	struct tui_item_state *st = row_state(cl, rw);
	switch (it->kind) {
	case TW_ITEM_CHECK:
		if (enter || space)
			return tick(cl, app, it, st);
		break;
	case TW_ITEM_RATE:
		if (!code && k >= L'1' && k <= L'5')
			return rate(cl, app, it, st, (int)(k - L'0'));
		if (!code && (k == L'0' || k == L'x'))
			return rate(cl, app, it, st, 0);
		if (enter || space) {
			tui_msg(app, "press 1 to 5 to rate, 0 to clear");
			return TUI_CL_MOVED;
		}
		break;
	case TW_ITEM_REFLECT:
		if (enter || space || (!code && k == L'e'))
			return TUI_CL_OPEN_REFLECT;
		break;
	}
	return TUI_CL_IGNORED;
}

bool tui_checklist_click(struct tui_checklist *cl, int y, int x)
{
	struct tui_rect r = cl->last;
	if (y < r.y || y >= r.y + r.h || x < r.x || x >= r.x + r.w)
		return false;
	size_t idx = cl->top + (size_t)(y - r.y);
	if (idx >= cl->n_rows)
		return false;
	cl->cursor = idx;
	return true;
}

const struct tw_item *tui_checklist_item(const struct tui_checklist *cl,
					 const struct tui_item_state **st,
					 const struct tw_section **sec)
{
	if (!cl->n_rows)
		return NULL;
	const struct row *rw = &cl->rows[cl->cursor];
	if (sec)
		*sec = &cl->guide->sections[rw->sec];
	if (rw->item == HEADER)
		return NULL;
	if (st)
		*st = &cl->state[cl->first[rw->sec] + rw->item];
	return &cl->guide->sections[rw->sec].items[rw->item];
}

bool tui_checklist_focus(struct tui_checklist *cl, const char *id)
{
	const struct tw_guide *g = cl->guide;
	size_t gl = strlen(g->id);
	if (strncmp(id, g->id, gl) != 0 || id[gl] != '/')
		return false;
	const char *rest = id + gl + 1;
	for (size_t s = 0; s < g->n_sections; s++) {
		const struct tw_section *sec = &g->sections[s];
		size_t sl = strlen(sec->id);
		if (strncmp(rest, sec->id, sl) != 0 || (rest[sl] != '/' && rest[sl] != '\0'))
			continue;
		set_collapsed(cl, s, false);
		size_t want = HEADER;
		if (rest[sl] == '/') {
			for (size_t i = 0; i < sec->n_items; i++)
				if (strcmp(sec->items[i].full_id, id) == 0)
					want = i;
			if (want == HEADER)
				return false;
		}
		for (size_t i = 0; i < cl->n_rows; i++)
			if (cl->rows[i].sec == s && cl->rows[i].item == want)
				cl->cursor = i;
		return true;
	}
	return false;
}

void tui_checklist_set_reflected(struct tui_checklist *cl, const char *full_id, bool reflected,
				 bool is_private)
{
	const struct tw_guide *g = cl->guide;
	for (size_t s = 0; s < g->n_sections; s++)
		for (size_t i = 0; i < g->sections[s].n_items; i++)
			if (strcmp(g->sections[s].items[i].full_id, full_id) == 0) {
				cl->state[cl->first[s] + i].reflected = reflected;
				cl->state[cl->first[s] + i].is_private = is_private;
			}
}
