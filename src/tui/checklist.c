/* The checklist widget: a guide's sections (collapsible) and items as one
 * scrolling list with tick, rating and reflection marks. Keys tick and rate
 * through the store at once; the host opens the editor for reflect items. */
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "twoway/agenda.h"

struct row {
	size_t sec;
	size_t item; /* SIZE_MAX: the section header */
};

struct tui_checklist {
	const struct tw_guide *guide;
	int64_t meeting_id;           /* whose answers, for a per-meeting guide */
	size_t n_items;
	struct tui_item_state *state; /* per item, sections in order */
	size_t *first;                /* flat index of each section's first item */
	bool *collapsed;
	struct row *rows;             /* the visible rows */
	size_t n_rows;
	size_t cursor, top;
	struct tui_rect last;         /* the rect last drawn (clicks, paging) */
	/* Wrapped text: each item's text (index k) and each section's title
	 * (index n_items + s) decoded once; lines[] is its line count at the
	 * width lay_w, recomputed when the width changes. */
	wchar_t **wtext;
	size_t *wlen;
	int *lines;
	int lay_w;
};

/* An item row: "  [x] " then the text, wrapped under itself; the last
 * two columns stay free: a gap, then the scroll marks. */
#define ITEM_X 6
#define HEAD_X 2

#define HEADER SIZE_MAX

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
	size_t n_text = cl->n_items + g->n_sections;
	cl->wtext = calloc(n_text + 1, sizeof(*cl->wtext));
	cl->wlen = calloc(n_text + 1, sizeof(*cl->wlen));
	cl->lines = calloc(n_text + 1, sizeof(*cl->lines));
	if (!cl->state || !cl->first || !cl->collapsed || !cl->rows || !cl->wtext || !cl->wlen ||
	    !cl->lines) {
		tui_checklist_free(cl);
		return NULL;
	}
	size_t k = 0;
	for (size_t s = 0; s < g->n_sections; s++) {
		cl->first[s] = k;
		cl->wtext[cl->n_items + s] =
			tui_wcs_from_utf8(g->sections[s].title, &cl->wlen[cl->n_items + s]);
		if (!cl->wtext[cl->n_items + s]) {
			tui_checklist_free(cl);
			return NULL;
		}
		for (size_t i = 0; i < g->sections[s].n_items; i++, k++) {
			cl->wtext[k] = tui_wcs_from_utf8(g->sections[s].items[i].text, &cl->wlen[k]);
			if (!cl->wtext[k]) {
				tui_checklist_free(cl);
				return NULL;
			}
		}
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
	if (cl->wtext)
		for (size_t i = 0; i < cl->n_items + cl->guide->n_sections; i++)
			free(cl->wtext[i]);
	free(cl->wtext);
	free(cl->wlen);
	free(cl->lines);
	free(cl);
}

int64_t tui_checklist_meeting(const struct tui_checklist *cl)
{
	return cl->meeting_id;
}

void tui_checklist_set_meeting(struct tui_checklist *cl, int64_t meeting_id)
{
	cl->meeting_id = meeting_id;
}

/* The meeting an item's answers belong to. */
static int64_t item_meeting(const struct tui_checklist *cl, const struct tw_item *it)
{
	return tw_agenda_per_occasion(it->full_id) ? cl->meeting_id : 0;
}

bool tui_checklist_reload(struct tui_checklist *cl, struct tui_app *app)
{
	struct tw_progress *prog = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	bool per = tw_agenda_guide_per_meeting(cl->guide->id);
	bool run = !per && tw_agenda_guide_per_occasion(cl->guide->id) && cl->meeting_id;
	bool ok = run ? tw_store_progress_list_checkup(app->store, app->profile.id,
						       cl->meeting_id, &prog, &n, &err)
		      : tw_store_progress_list_in(app->store, app->profile.id,
						  per ? cl->meeting_id : 0, &prog, &n, &err);
	if (!ok) {
		tui_error(app, "%s", err.message);
		return false;
	}
	ok = tui_guide_states(app, cl->guide, cl->meeting_id, prog, n, cl->state);
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

/* The room a section header leaves its count: " done/total" at its widest. */
static int count_width(const struct tui_checklist *cl, size_t s)
{
	char buf[48];
	size_t t = cl->guide->sections[s].n_items;
	return snprintf(buf, sizeof(buf), " %zu/%zu", t, t);
}

/* Where a row's text goes: its index into wtext[], its left offset and the
 * width it wraps to inside a rect w columns wide. */
static size_t row_text(const struct tui_checklist *cl, const struct row *rw, int w, int *x,
		       int *tw)
{
	if (rw->item == HEADER) {
		*x = HEAD_X;
		*tw = w - HEAD_X - count_width(cl, rw->sec) - 1;
		return cl->n_items + rw->sec;
	}
	*x = ITEM_X;
	*tw = w - ITEM_X - 2;
	return cl->first[rw->sec] + rw->item;
}

/* Counts every text's lines for a rect w columns wide (once per width). */
static void layout(struct tui_checklist *cl, int w)
{
	if (cl->lay_w == w)
		return;
	cl->lay_w = w;
	for (size_t s = 0; s < cl->guide->n_sections; s++) {
		struct row head = { s, HEADER };
		int x, tw;
		size_t k = row_text(cl, &head, w, &x, &tw);
		cl->lines[k] = (int)tui_wrap(cl->wtext[k], cl->wlen[k], tw, NULL, 0);
		for (size_t i = 0; i < cl->guide->sections[s].n_items; i++) {
			struct row it = { s, i };
			k = row_text(cl, &it, w, &x, &tw);
			cl->lines[k] = (int)tui_wrap(cl->wtext[k], cl->wlen[k], tw, NULL, 0);
		}
	}
}

/* The screen lines row idx takes at the width last laid out. */
static int height(const struct tui_checklist *cl, size_t idx)
{
	int x, tw;
	return cl->lines[row_text(cl, &cl->rows[idx], cl->lay_w, &x, &tw)];
}

/* Scrolls so that the focused row is whole on screen (its first lines when
 * it alone is taller than the rect) and no rows are left blank at the
 * bottom while some are hidden above. */
static void scroll_into_view(struct tui_checklist *cl, int rows)
{
	if (cl->top >= cl->n_rows)
		cl->top = cl->n_rows ? cl->n_rows - 1 : 0;
	if (cl->cursor < cl->top)
		cl->top = cl->cursor;
	int used = 0;
	for (size_t i = cl->top; i <= cl->cursor && i < cl->n_rows; i++)
		used += height(cl, i);
	while (cl->top < cl->cursor && used > rows)
		used -= height(cl, cl->top++);
	int below = 0;
	for (size_t i = cl->top; i < cl->n_rows && below <= rows; i++)
		below += height(cl, i);
	while (cl->top > 0 && below + height(cl, cl->top - 1) <= rows)
		below += height(cl, --cl->top);
}

/* The row under screen row y of the rect last drawn; SIZE_MAX for none. */
static size_t row_at(const struct tui_checklist *cl, int y)
{
	int line = cl->last.y;
	for (size_t i = cl->top; i < cl->n_rows && line < cl->last.y + cl->last.h; i++) {
		int h = height(cl, i);
		if (y >= line && y < line + h)
			return i;
		line += h;
	}
	return SIZE_MAX;
}

/* Draws up to max lines of text k wrapped to tw columns at (y, x). */
static void draw_lines(const struct tui_checklist *cl, size_t k, int y, int x, int tw, int max,
		       attr_t a)
{
	struct tui_line ln[64];
	size_t n = tui_wrap(cl->wtext[k], cl->wlen[k], tw, ln, 64);
	for (int i = 0; i < max && (size_t)i < n && i < 64; i++)
		tui_wtext(y + i, x, tw, cl->wtext[k] + ln[i].start, ln[i].end - ln[i].start, a);
}

void tui_checklist_draw(struct tui_checklist *cl, struct tui_app *app, struct tui_rect r,
			bool focused)
{
	cl->last = r;
	if (r.h <= 0 || r.w <= ITEM_X + 4 || !cl->n_rows)
		return;
	layout(cl, r.w);
	scroll_into_view(cl, r.h);
	bool uni = wcwidth(0x25B8) == 1;
	int y = 0;
	size_t idx = cl->top;
	for (; y < r.h && idx < cl->n_rows; idx++) {
		const struct row *rw = &cl->rows[idx];
		const struct tw_section *sec = &cl->guide->sections[rw->sec];
		bool sel = idx == cl->cursor;
		attr_t base = sel ? tui_attr(app, focused ? TUI_SELECTED : TUI_DIM) | (focused ? 0 : A_REVERSE)
				  : A_NORMAL;
		int sy = r.y + y, h = height(cl, idx), tx, tw;
		size_t k = row_text(cl, rw, r.w, &tx, &tw);
		if (h > r.h - y)
			h = r.h - y;
		if (sel)
			for (int i = 0; i < h; i++)
				tui_fill(sy + i, r.x, r.w - 1, base);
		if (rw->item == HEADER) {
			size_t d, t;
			section_progress(cl, rw->sec, &d, &t);
			char count[48];
			int cw = snprintf(count, sizeof(count), " %zu/%zu", d, t);
			const char *tri = cl->collapsed[rw->sec] ? (uni ? "\xe2\x96\xb8 " : "+ ")
								 : (uni ? "\xe2\x96\xbe " : "- ");
			attr_t ha = sel ? base : tui_attr(app, TUI_HEADING);
			tui_text(sy, r.x, HEAD_X, tri, ha);
			draw_lines(cl, k, sy, r.x + tx, tw, h, ha);
			tui_text(sy, r.x + r.w - 1 - cw, cw, count,
				 sel ? base : tui_attr(app, d == t && t ? TUI_DONE : TUI_DIM));
		} else {
			const struct tw_item *it = &sec->items[rw->item];
			const struct tui_item_state *st = row_state(cl, rw);
			char m[8];
			mark(it, st, m);
			bool done = tui_item_done(it, st);
			attr_t ma = sel ? base : tui_attr(app, done ? TUI_DONE : TUI_DIM);
			attr_t ta = sel ? base : (done ? tui_attr(app, TUI_DONE) : A_NORMAL);
			tui_text(sy, r.x + 2, 3, m, ma);
			draw_lines(cl, k, sy, r.x + tx, tw, h, ta);
		}
		y += height(cl, idx);
	}
	/* Scroll marks in the free last column when rows are hidden. */
	if (cl->top > 0)
		tui_text(r.y, r.x + r.w - 1, 1, "^", tui_attr(app, TUI_KEY));
	if (idx < cl->n_rows || y > r.h)
		tui_text(r.y + r.h - 1, r.x + r.w - 1, 1, "v", tui_attr(app, TUI_KEY));
}

void tui_checklist_draw_title(struct tui_checklist *cl, struct tui_app *app, int y, int x, int w)
{
	size_t done, total;
	tui_checklist_progress(cl, &done, &total);
	char count[64];
	int cw = snprintf(count, sizeof(count), " %zu/%zu", done, total);
	int barw = w / 4 > 20 ? 20 : w / 4;
	tui_text_clip(y, x + 1, w - barw - cw - 3, cl->guide->title, tui_attr(app, TUI_HEADING));
	tui_progress_bar(app, y, x + w - barw - cw - 1, barw, done, total);
	tui_text(y, x + w - cw - 1, cw, count, tui_attr(app, TUI_DIM));
}

/* Moves the cursor a page of about rows screen lines, landing on a row
 * that is whole on screen once drawn. */
static void page(struct tui_checklist *cl, bool down, int rows)
{
	size_t i = cl->cursor;
	int used = height(cl, i);
	if (down) {
		while (i + 1 < cl->n_rows && used + height(cl, i + 1) <= rows)
			used += height(cl, ++i);
		if (i == cl->cursor && i + 1 < cl->n_rows)
			i++;
	} else {
		while (i > 0 && used + height(cl, i - 1) <= rows)
			used += height(cl, --i);
		if (i == cl->cursor && i > 0)
			i--;
	}
	cl->cursor = i;
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
	if (!tw_store_progress_tick_in(app->store, app->profile.id, item_meeting(cl, it), it->full_id,
				       !st->ticked, &err)) {
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
	if (!tw_store_progress_rate_in(app->store, app->profile.id, item_meeting(cl, it), it->full_id,
				       v, &err)) {
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
	if (nav == TUI_NAV_PGUP || nav == TUI_NAV_PGDN) {
		layout(cl, cl->last.w > ITEM_X + 4 ? cl->last.w : 80);
		page(cl, nav == TUI_NAV_PGDN, cl->last.h > 0 ? cl->last.h : 10);
		return TUI_CL_MOVED;
	}
	if (nav != TUI_NAV_NONE) {
		tui_nav_apply(nav, &cl->cursor, cl->n_rows, cl->last.h > 0 ? cl->last.h : 10);
		/* j/k step over the header of an open section onto its items (a
		 * folded section stops there: its header is its only row; the
		 * first header is still reached by k at the top or g). */
		while ((nav == TUI_NAV_UP || nav == TUI_NAV_DOWN) &&
		       cl->rows[cl->cursor].item == HEADER && !cl->collapsed[cl->rows[cl->cursor].sec] &&
		       tui_nav_apply(nav, &cl->cursor, cl->n_rows, 1))
			;
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
		if (!code && k == L'0')
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
	if (y < r.y || y >= r.y + r.h || x < r.x || x >= r.x + r.w || !cl->lay_w)
		return false;
	size_t idx = row_at(cl, y);
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
