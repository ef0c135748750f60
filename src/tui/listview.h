/* The list-view widget shared by the record screens (sponsors, meetings,
 * action items, profiles): cursor and scrolling, the movement keys, clicks,
 * the "N/M" position and the row loop, with rows the cursor passes over
 * (group headings). The host draws each row's text through a callback. */
#ifndef TWOWAY_TUI_LISTVIEW_H
#define TWOWAY_TUI_LISTVIEW_H

#include "app.h"

struct tui_list {
	size_t n;          /* rows, headings included */
	size_t cursor;     /* the focused row (never a heading when there is another row) */
	size_t top;        /* the first row shown */
	int y, rows;       /* where the rows were last drawn (clicks, paging) */
	/* Optional: true for a row the cursor skips (a heading); ctx is the host's. */
	bool (*heading)(const void *ctx, size_t k);
	const void *ctx;
};

/* Draws one row k at (y, x) in w columns; sel: it is the focused row and
 * the widget has already filled it with the selection colour (attr sel_attr). */
typedef void (*tui_list_row_fn)(struct tui_app *app, void *ctx, size_t k, int y, int x, int w,
				bool sel, attr_t sel_attr);

/* Sets the number of rows and keeps the cursor inside them (and off a
 * heading). Call after every reload. */
void tui_list_set_count(struct tui_list *l, size_t n);
/* Puts the cursor on row k (when it exists). */
void tui_list_focus(struct tui_list *l, size_t k);
/* Draws the rows that fit into r, scrolled so the cursor shows, and
 * remembers r for keys and clicks. focused false: no row is highlighted. */
void tui_list_draw(struct tui_list *l, struct tui_app *app, struct tui_rect r, bool focused,
		   tui_list_row_fn row, void *ctx);
/* "N/M" (M rows that are not headings) right-aligned so it ends before
 * column right, when the list does not fit; nothing otherwise. */
void tui_list_draw_position(const struct tui_list *l, struct tui_app *app, int y, int right);
/* The movement keys (tui_nav_key); true when the key was one of them. */
bool tui_list_key(struct tui_list *l, wint_t k, bool is_keycode);
/* A click at screen row y: focuses that row; false when it is no row. */
bool tui_list_click(struct tui_list *l, int y);

#endif
