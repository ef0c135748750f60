/* The pager widget: lays a text out as display rows (each logical line
 * wrapped on its own, list items hanging under their text, headings
 * marked), keeps the scroll position inside the text and draws a page. */
#include <stdlib.h>
#include <string.h>

#include "pager.h"
#include "twoway/util.h"

bool tui_pager_set_text(struct tui_pager *p, const char *utf8)
{
	size_t len;
	wchar_t *w = tui_wcs_from_utf8(utf8 ? utf8 : "", &len);
	if (!w)
		return false;
	free(p->text);
	p->text = w;
	p->len = len;
	p->width = 0;
	return true;
}

void tui_pager_finish(struct tui_pager *p)
{
	free(p->text);
	free(p->rows);
	memset(p, 0, sizeof(*p));
}

/* How far a wrapped list item's later rows are indented: its leading
 * blanks plus the marker ("- ", "* ", "[ ] ", "[x] ", "1. "). */
static int hang(const wchar_t *w, size_t n)
{
	size_t i = 0;
	while (i < n && w[i] == L' ')
		i++;
	if (i + 1 < n && (w[i] == L'-' || w[i] == L'*') && w[i + 1] == L' ')
		return (int)i + 2;
	if (i + 3 < n && w[i] == L'[' && w[i + 2] == L']' && w[i + 3] == L' ')
		return (int)i + 4;
	size_t d = i;
	while (d < n && d - i < 3 && w[d] >= L'0' && w[d] <= L'9')
		d++;
	if (d > i && d + 1 < n && w[d] == L'.' && w[d + 1] == L' ')
		return (int)d + 2;
	return (int)i;
}

static bool push(struct tui_pager *p, size_t *cap, struct tui_pager_row r)
{
	if (!tw_grow((void **)&p->rows, cap, p->n_rows, sizeof *p->rows))
		return false;
	p->rows[p->n_rows++] = r;
	return true;
}

static void layout(struct tui_pager *p, int width)
{
	if (p->width == width && p->rows)
		return;
	free(p->rows);
	p->rows = NULL;
	p->n_rows = 0;
	size_t cap = 0;
	for (size_t s = 0; s < p->len;) {
		size_t e = s;
		while (e < p->len && p->text[e] != L'\n')
			e++;
		const wchar_t *l = p->text + s;
		size_t n = e - s, skip = 0;
		enum tui_role role = TUI_NORMAL;
		int in = 0;
		if (n && l[0] == L'#') {
			while (skip < n && (l[skip] == L'#' || l[skip] == L' '))
				skip++;
			role = TUI_HEADING;
		} else if (n > 1 && l[0] == L'$' && l[1] == L' ') {
			role = TUI_KEY;
		} else {
			in = hang(l, n);
			if (p->colon_headings && n && l[n - 1] == L':' && in == 0)
				role = TUI_HEADING;
		}
		if (in > width / 2)
			in = 0;
		/* Wrapped at the narrower width, so every row fits when indented. */
		size_t total = tui_wrap(l + skip, n - skip, width - in, NULL, 0);
		struct tui_line *lines = malloc(total * sizeof(*lines));
		if (!lines)
			return;
		total = tui_wrap(l + skip, n - skip, width - in, lines, total);
		for (size_t i = 0; i < total; i++) {
			struct tui_pager_row r = { s + skip + lines[i].start, s + skip + lines[i].end,
						   i ? in : 0, role };
			if (!push(p, &cap, r)) {
				free(lines);
				return;
			}
		}
		free(lines);
		s = e + 1;
	}
	p->width = width;
}

void tui_pager_draw(struct tui_pager *p, struct tui_app *app, struct tui_rect r)
{
	if (!p->text || r.h <= 0 || r.w < 4)
		return;
	int w = r.w - 2;
	layout(p, w);
	p->page = r.h;
	if (p->n_rows <= (size_t)r.h)
		p->top = 0;
	else if (p->top > p->n_rows - (size_t)r.h)
		p->top = p->n_rows - (size_t)r.h;
	for (int i = 0; i < r.h && p->top + (size_t)i < p->n_rows; i++) {
		const struct tui_pager_row *row = &p->rows[p->top + (size_t)i];
		tui_wtext(r.y + i, r.x + 1 + row->indent, w - row->indent, p->text + row->start,
			  row->end - row->start, tui_attr(app, row->role));
	}
	if (p->top + (size_t)r.h < p->n_rows)
		tui_text(r.y + r.h - 1, r.x + r.w - 1, 1, "v", tui_attr(app, TUI_KEY));
}

bool tui_pager_key(struct tui_pager *p, wint_t k, bool code)
{
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav == TUI_NAV_NONE)
		return false;
	size_t rows = p->page > 0 ? (size_t)p->page : 1;
	size_t max = p->n_rows > rows ? p->n_rows - rows : 0;
	size_t step = rows > 1 ? rows - 1 : 1;
	switch (nav) {
	case TUI_NAV_UP: if (p->top) p->top--; break;
	case TUI_NAV_DOWN: if (p->top < max) p->top++; break;
	case TUI_NAV_TOP: p->top = 0; break;
	case TUI_NAV_BOTTOM: p->top = max; break;
	case TUI_NAV_PGUP: p->top = p->top > step ? p->top - step : 0; break;
	case TUI_NAV_PGDN: p->top = p->top + step < max ? p->top + step : max; break;
	case TUI_NAV_NONE: break;
	}
	return true;
}
