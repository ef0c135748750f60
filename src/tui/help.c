/* The `?` overlay: the keys of the current screen, then the keys that work
 * everywhere, in a box over the screen. j/k scroll it, any other key
 * closes it. */
#include "app.h"

static const struct tui_help everywhere[] = {
	{ "?", "show these keys" },
	{ "q / Esc", "back (on Home: quit)" },
	{ "/", "search" },
	{ "Ctrl-L", "redraw the screen" },
	{ "Ctrl-C", "quit (typed text is saved)" },
	{ NULL, NULL },
};

static size_t count(const struct tui_help *h)
{
	size_t n = 0;
	while (h && h[n].keys)
		n++;
	return n;
}

void tui_help_draw(struct tui_app *app, struct tui_screen *s)
{
	const struct tui_help *own = s->ops->help;
	size_t n_own = count(own), n_all = count(everywhere);
	int total = (int)(n_own + n_all) + 3; /* title line, blank, heading */
	int w = COLS - 2 < 70 ? COLS - 2 : 70;
	int h = total + 2 > LINES - 2 ? LINES - 2 : total + 2;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	int body = h - 2;
	if (app->help_scroll > total - body)
		app->help_scroll = total - body > 0 ? total - body : 0;
	for (int y = 0; y < h; y++)
		tui_fill(y0 + y, x0, w, A_NORMAL);
	tui_box(y0, x0, h, w, tui_attr(app, TUI_HEADING) & ~A_UNDERLINE);
	tui_textf(y0, x0 + 2, w - 4, tui_attr(app, TUI_HEADING), " Keys: %s ", s->title);
	int kw = 14;
	for (int row = 0; row < body; row++) {
		int i = row + app->help_scroll, y = y0 + 1 + row, x = x0 + 2;
		const struct tui_help *e = NULL;
		if (i < (int)n_own)
			e = &own[i];
		else if (i == (int)n_own + 1)
			tui_text(y, x, w - 4, "Everywhere", tui_attr(app, TUI_HEADING));
		else if (i >= (int)n_own + 2 && i < (int)(n_own + 2 + n_all))
			e = &everywhere[i - (int)n_own - 2];
		else if (i == total - 1)
			tui_text(y, x, w - 4, "any other key closes this help", tui_attr(app, TUI_DIM));
		if (!e)
			continue;
		tui_text(y, x, kw, e->keys, tui_attr(app, TUI_KEY));
		tui_text(y, x + kw + 1, w - kw - 5, e->what, A_NORMAL);
	}
}

bool tui_help_key(struct tui_app *app, wint_t key, bool is_keycode)
{
	if ((is_keycode && key == KEY_DOWN) || (!is_keycode && key == L'j')) {
		app->help_scroll++;
		return true;
	}
	if ((is_keycode && key == KEY_UP) || (!is_keycode && key == L'k')) {
		if (app->help_scroll > 0)
			app->help_scroll--;
		return true;
	}
	return false;
}
