/* The list-view widget: one cursor and scroll position per list, moved by
 * the shared movement keys and by clicks, kept off heading rows, and the
 * loop that draws the visible rows through the host's row callback. */
#include <stdio.h>
#include <string.h>

#include "listview.h"

static bool is_heading(const struct tui_list *l, size_t k)
{
	return l->heading && k < l->n && l->heading(l->ctx, k);
}

/* Moves the cursor off a heading: in direction dir (+1/-1) first, then
 * the other way when there is no row that way. */
static void off_heading(struct tui_list *l, int dir)
{
	if (!l->n || !is_heading(l, l->cursor))
		return;
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		size_t k = l->cursor;
		while (is_heading(l, k)) {
			if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= l->n))
				break;
			k = dir < 0 ? k - 1 : k + 1;
		}
		if (!is_heading(l, k)) {
			l->cursor = k;
			return;
		}
	}
}

void tui_list_set_count(struct tui_list *l, size_t n)
{
	l->n = n;
	if (l->cursor >= n)
		l->cursor = n ? n - 1 : 0;
	if (l->top >= n)
		l->top = 0;
	off_heading(l, 1);
}

void tui_list_focus(struct tui_list *l, size_t k)
{
	if (k < l->n) {
		l->cursor = k;
		off_heading(l, 1);
	}
}

bool tui_list_key(struct tui_list *l, wint_t k, bool code)
{
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav == TUI_NAV_NONE)
		return false;
	size_t old = l->cursor;
	tui_nav_apply(nav, &l->cursor, l->n, l->rows);
	bool back = nav == TUI_NAV_UP || nav == TUI_NAV_PGUP || nav == TUI_NAV_BOTTOM;
	off_heading(l, back ? -1 : 1);
	/* Up onto the first row under a heading shows the heading too. */
	if (l->cursor < old && l->cursor > 0 && is_heading(l, l->cursor - 1) &&
	    l->top >= l->cursor)
		l->top = l->cursor - 1;
	return true;
}

bool tui_list_click(struct tui_list *l, int y)
{
	int i = y - l->y;
	if (i < 0 || i >= l->rows || l->top + (size_t)i >= l->n || is_heading(l, l->top + (size_t)i))
		return false;
	l->cursor = l->top + (size_t)i;
	return true;
}

void tui_list_draw(struct tui_list *l, struct tui_app *app, struct tui_rect r, bool focused,
		   tui_list_row_fn row, void *ctx)
{
	l->y = r.y;
	l->rows = r.h > 0 ? r.h : 1;
	size_t keep = l->top;
	tui_scroll_to(l->cursor, &l->top, l->rows, l->n);
	/* Keep a heading right above the cursor in view when it fits. */
	if (l->rows > 1 && l->top == l->cursor && l->top != keep && l->cursor > 0 &&
	    is_heading(l, l->cursor - 1))
		l->top--;
	attr_t sel_attr = tui_attr(app, TUI_SELECTED);
	for (int i = 0; i < r.h && l->top + (size_t)i < l->n; i++) {
		size_t k = l->top + (size_t)i;
		bool sel = focused && k == l->cursor && !is_heading(l, k);
		if (sel)
			tui_fill(r.y + i, r.x, r.w, sel_attr);
		row(app, ctx, k, r.y + i, r.x, r.w, sel, sel_attr);
	}
}

void tui_list_draw_position(const struct tui_list *l, struct tui_app *app, int y, int right)
{
	if (l->n <= (size_t)l->rows)
		return;
	size_t pos = 0, total = 0;
	for (size_t k = 0; k < l->n; k++) {
		if (is_heading(l, k))
			continue;
		total++;
		if (k <= l->cursor)
			pos = total;
	}
	char buf[48];
	snprintf(buf, sizeof(buf), "%zu/%zu", pos, total);
	int w = (int)strlen(buf);
	tui_text(y, right - w, w, buf, tui_attr(app, TUI_DIM));
}
