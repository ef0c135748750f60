/* The pager widget: a read-only page of text wrapped to the screen and
 * scrolled with the movement keys, used by the meeting view and the coaching
 * summary. "#" lines are headings, "$ " lines commands; a wrapped list item
 * ("- ", "[ ] ", "[x] ", indented lines) continues under its own text. */
#ifndef TWOWAY_TUI_PAGER_H
#define TWOWAY_TUI_PAGER_H

#include "app.h"

/* One display row: text[start, end) drawn indent columns in. */
struct tui_pager_row {
	size_t start, end;
	int indent;
	enum tui_role role;
};

struct tui_pager {
	wchar_t *text;            /* owned */
	size_t len;
	struct tui_pager_row *rows; /* owned; laid out for width */
	size_t n_rows;
	int width;                /* 0: not laid out */
	size_t top;               /* the first row shown */
	int page;                 /* rows shown last time */
	bool colon_headings;      /* also a line ending in ':' (not a list item) heads */
};

/* Replaces the text (UTF-8); keeps the scroll position. False on no memory. */
bool tui_pager_set_text(struct tui_pager *p, const char *utf8);
/* Frees what the pager holds (not p itself). */
void tui_pager_finish(struct tui_pager *p);
/* Draws the rows that fit in r from p->top; a "v" at the bottom right says
 * there is more below. */
void tui_pager_draw(struct tui_pager *p, struct tui_app *app, struct tui_rect r);
/* j/k, arrows, g/G, PgUp/PgDn scroll; true when the key was one of them. */
bool tui_pager_key(struct tui_pager *p, wint_t k, bool is_keycode);

#endif
