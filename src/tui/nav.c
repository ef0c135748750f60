/* Helpers every screen shares for keys and moving: what counts as Enter
 * or Backspace, the navigation keys of lists (j/k, arrows, pages, g/G)
 * and keeping a cursor in view. */
#include "app.h"

bool tui_is_enter(wint_t key, bool is_keycode)
{
	return is_keycode ? key == KEY_ENTER : (key == L'\r' || key == L'\n');
}

bool tui_is_backspace(wint_t key, bool is_keycode)
{
	return is_keycode ? key == KEY_BACKSPACE : (key == 127 || key == 8);
}

enum tui_nav tui_nav_key(wint_t key, bool is_keycode)
{
	if (is_keycode) {
		switch (key) {
		case KEY_UP: return TUI_NAV_UP;
		case KEY_DOWN: return TUI_NAV_DOWN;
		case KEY_HOME: return TUI_NAV_TOP;
		case KEY_END: return TUI_NAV_BOTTOM;
		case KEY_PPAGE: return TUI_NAV_PGUP;
		case KEY_NPAGE: return TUI_NAV_PGDN;
		default: return TUI_NAV_NONE;
		}
	}
	switch (key) {
	case L'k': return TUI_NAV_UP;
	case L'j': return TUI_NAV_DOWN;
	case L'g': return TUI_NAV_TOP;
	case L'G': return TUI_NAV_BOTTOM;
	case 2: return TUI_NAV_PGUP;   /* Ctrl-B */
	case 6: return TUI_NAV_PGDN;   /* Ctrl-F */
	default: return TUI_NAV_NONE;
	}
}

bool tui_nav_apply(enum tui_nav nav, size_t *cursor, size_t n, int page)
{
	if (!n)
		return false;
	size_t old = *cursor, p = page > 1 ? (size_t)page - 1 : 1;
	switch (nav) {
	case TUI_NAV_UP: if (*cursor > 0) (*cursor)--; break;
	case TUI_NAV_DOWN: if (*cursor + 1 < n) (*cursor)++; break;
	case TUI_NAV_TOP: *cursor = 0; break;
	case TUI_NAV_BOTTOM: *cursor = n - 1; break;
	case TUI_NAV_PGUP: *cursor = *cursor > p ? *cursor - p : 0; break;
	case TUI_NAV_PGDN: *cursor = *cursor + p < n ? *cursor + p : n - 1; break;
	case TUI_NAV_NONE: break;
	}
	if (*cursor >= n)
		*cursor = n - 1;
	return *cursor != old;
}

void tui_scroll_to(size_t cursor, size_t *top, int rows, size_t n)
{
	if (rows < 1)
		rows = 1;
	if (cursor < *top)
		*top = cursor;
	else if (cursor >= *top + (size_t)rows)
		*top = cursor - (size_t)rows + 1;
	if (n > (size_t)rows && *top > n - (size_t)rows)
		*top = n - (size_t)rows;
	if (n <= (size_t)rows)
		*top = 0;
}

/* ---- the stack ---- */
