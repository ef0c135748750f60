/* The `?` overlay: the keys of the current screen, then the keys that work
 * everywhere, in a box over the screen; long descriptions wrap under
 * themselves. j/k and PgUp/PgDn scroll it, any other key closes it. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"

/* Help lines made from a key table: the keys' names, what they do. */
#define MADE_MAX 64
struct made {
	struct tui_help h[MADE_MAX + 1];
	char keys[MADE_MAX][96];
};

static const struct tui_help *from_keymap(const struct tui_keymap *m, const struct tui_screen *s,
					  struct made *out)
{
	size_t n = 0;
	for (const struct tui_binding *b = m->b; b->action && n < MADE_MAX; b++) {
		if (s && b->when && !b->when(s))
			continue; /* not now: the help lists the keys that work here */
		out->h[n].keys = tui_binding_label(b, out->keys[n], sizeof out->keys[n]);
		out->h[n].what = b->what;
		n++;
	}
	for (const struct tui_help *x = m->notes; x && x->keys && n < MADE_MAX; x++, n++) {
		snprintf(out->keys[n], sizeof out->keys[n], "%s", x->keys);
		out->h[n] = (struct tui_help){ out->keys[n], x->what };
	}
	out->h[n] = (struct tui_help){ NULL, NULL };
	return out->h;
}

static size_t count(const struct tui_help *h)
{
	size_t n = 0;
	while (h && h[n].keys)
		n++;
	return n;
}

/* The overlay as lines: a keys column, descriptions wrapped in the rest. */
struct layout {
	const struct tui_help *own, *everywhere;
	size_t n_own, n_all;
	int kw, dw; /* keys column and description widths */
};

static const struct tui_help *entry(const struct layout *l, size_t i)
{
	if (i < l->n_own)
		return &l->own[i];
	if (i >= l->n_own + 1 && i < l->n_own + 1 + l->n_all)
		return &l->everywhere[i - l->n_own - 1];
	return NULL; /* the "Everywhere" heading */
}

/* The lines entry i takes (the heading and its blank line: 2). */
static int entry_lines(const struct layout *l, size_t i)
{
	const struct tui_help *e = entry(l, i);
	if (!e)
		return 2;
	int n = tui_text_width(e->keys) > l->kw ? 2 : 1; /* keys on a line of their own */
	size_t len;
	wchar_t *w = tui_wcs_from_utf8(e->what, &len);
	if (!w)
		return n;
	int wl = (int)tui_wrap(w, len, l->dw, NULL, 0);
	free(w);
	return n - 1 + wl;
}

static void draw_entry(const struct tui_app *app, const struct layout *l, size_t i, int line,
		       int y0, int rows, int x)
{
	const struct tui_help *e = entry(l, i);
	if (!e) {
		if (line + 1 >= 0 && line + 1 < rows)
			tui_text(y0 + line + 1, x, l->kw + l->dw + 1, "Everywhere",
				 tui_attr(app, TUI_HEADING));
		return;
	}
	/* Keys wider than their column get a line of their own. */
	int off = tui_text_width(e->keys) > l->kw ? 1 : 0;
	if (line >= 0 && line < rows)
		tui_text(y0 + line, x, l->kw + l->dw + 1, e->keys, tui_attr(app, TUI_KEY));
	size_t len;
	wchar_t *w = tui_wcs_from_utf8(e->what, &len);
	if (!w)
		return;
	struct tui_line ln[16];
	size_t n = tui_wrap(w, len, l->dw, ln, 16);
	for (size_t k = 0; k < n && k < 16; k++) {
		int r = line + off + (int)k;
		if (r >= 0 && r < rows)
			tui_wtext(y0 + r, x + l->kw + 1, l->dw, w + ln[k].start, ln[k].end - ln[k].start,
				  A_NORMAL);
	}
	free(w);
}

void tui_help_draw(struct tui_app *app, struct tui_screen *s)
{
	static struct made own, all;
	static const struct tui_help none[] = { { NULL, NULL } };
	const struct tui_help *oh = s->ops->keys ? from_keymap(s->ops->keys, s, &own) : none;
	const struct tui_help *ah = from_keymap(tui_keymap_global(), NULL, &all);
	struct layout l = { oh, ah, count(oh), count(ah), 0, 0 };
	int w = COLS - 2 < 72 ? COLS - 2 : 72;
	/* The keys column fits the longest keys, up to a third of the box. */
	for (size_t i = 0; i < l.n_own + 1 + l.n_all; i++) {
		const struct tui_help *e = entry(&l, i);
		int kw = e ? tui_text_width(e->keys) : 0;
		if (kw > l.kw)
			l.kw = kw;
	}
	if (l.kw > (w - 4) / 3)
		l.kw = (w - 4) / 3;
	l.dw = w - 4 - l.kw - 1;
	int total = 1; /* the closing hint */
	for (size_t i = 0; i < l.n_own + 1 + l.n_all; i++)
		total += entry_lines(&l, i);
	int h = total + 2 > LINES - 2 ? LINES - 2 : total + 2;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	int body = h - 2;
	if (app->help_scroll > total - body)
		app->help_scroll = total - body > 0 ? total - body : 0;
	for (int y = 0; y < h; y++)
		tui_fill(y0 + y, x0, w, A_NORMAL);
	attr_t frame = tui_attr(app, TUI_HEADING) & ~A_UNDERLINE;
	tui_box(y0, x0, h, w, frame);
	char title[160];
	snprintf(title, sizeof(title), " Keys: %s ", s->title);
	tui_text_clip(y0, x0 + 2, w - 4, title, tui_attr(app, TUI_HEADING));
	int line = -app->help_scroll;
	for (size_t i = 0; i < l.n_own + 1 + l.n_all && line < body; i++) {
		int n = entry_lines(&l, i);
		if (line + n > 0)
			draw_entry(app, &l, i, line, y0 + 1, body, x0 + 2);
		line += n;
	}
	if (line >= 0 && line < body)
		tui_text(y0 + 1 + line, x0 + 2, w - 4, "any other key closes this help",
			 tui_attr(app, TUI_DIM));
	/* More below or above: say how to scroll, in the frame. */
	if (total > body) {
		const char *more = app->help_scroll + body < total ? " j/k, PgDn: more " : " k, PgUp: back ";
		int mw = tui_text_width(more);
		tui_text(y0 + h - 1, x0 + w - mw - 2, mw, more, tui_attr(app, TUI_KEY));
	}
}

bool tui_help_key(struct tui_app *app, wint_t key, bool is_keycode)
{
	enum tui_nav nav = tui_nav_key(key, is_keycode);
	int page = LINES - 5 > 1 ? LINES - 5 : 1;
	switch (nav) {
	case TUI_NAV_DOWN: app->help_scroll++; return true;
	case TUI_NAV_UP: app->help_scroll -= app->help_scroll > 0; return true;
	case TUI_NAV_PGDN: app->help_scroll += page; return true;
	case TUI_NAV_PGUP: app->help_scroll = app->help_scroll > page ? app->help_scroll - page : 0;
		return true;
	case TUI_NAV_TOP: app->help_scroll = 0; return true;
	case TUI_NAV_BOTTOM: app->help_scroll = 1 << 20; return true;
	default: return false;
	}
}
