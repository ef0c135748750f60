/* Drawing one frame: the title bar, the top screen, the status line and
 * the key bar made from the screen's key table, or the "terminal too
 * small" notice. The main loop in app.c calls tui_frame_draw. */
#include <string.h>

#include "screens.h"

static void draw_too_small(void)
{
	const char *l1 = "terminal too small", *l2 = "(need 40x12)";
	int y = LINES / 2 - 1;
	int x1 = (COLS - (int)strlen(l1)) / 2, x2 = (COLS - (int)strlen(l2)) / 2;
	tui_text(y < 0 ? 0 : y, x1 < 0 ? 0 : x1, COLS, l1, A_BOLD);
	if (y + 1 < LINES)
		tui_text(y + 1, x2 < 0 ? 0 : x2, COLS, l2, A_NORMAL);
}

/* The key bar, made from the screen's key table: pairs "key what" split by two spaces.
 * The help and back keys always show, at the right: the screen's own
 * ("F1 keys", "Esc done" where typing takes q and ?), else "? help" and
 * "q back". The other pairs fill the left, dropped whole from the end
 * when the bar is too narrow, never cut in the middle of a word. */
static void draw_footer(struct tui_app *app, struct tui_screen *s, int y)
{
	attr_t a = tui_attr(app, TUI_FOOTER);
	tui_fill(y, 0, COLS, a);
	char made[256];
	const char *f = tui_keymap_footer(s->ops->keys, s, made, sizeof made);
	if (!f)
		f = "";
	char left[256] = "", help[64] = "", back[64] = "", tail[160];
	for (const char *p = f; *p;) {
		const char *e = strstr(p, "  ");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *to = left;
		size_t cap = sizeof(left);
		if (n >= 3 && strncmp(p, "F1 ", 3) == 0) {
			to = help;
			cap = sizeof(help);
		} else if (n >= 4 && strncmp(p, "Esc ", 4) == 0) {
			to = back;
			cap = sizeof(back);
		}
		size_t used = strlen(to);
		if (n && used + n + 3 < cap)
			snprintf(to + used, cap - used, "%s%.*s", used ? "  " : "", (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
	snprintf(tail, sizeof(tail), "%s  %s", help[0] ? help : "? help",
		 back[0] ? back : (app->depth > 1 ? "q back" : "q quit"));
	int tw = tui_text_width(tail);
	tui_text(y, COLS - tw - 1, tw, tail, a | A_BOLD);
	int room = COLS - tw - 4;
	size_t n = strlen(left);
	while (n && tui_text_width(left) > room) {
		char *cut = NULL;
		for (char *q = strstr(left, "  "); q; q = strstr(q + 2, "  "))
			cut = q;
		if (!cut)
			break;
		*cut = '\0';
		n = strlen(left);
	}
	tui_text(y, 1, room, left, a);
}

/* The title bar: "twoway · TITLE" and the profile in use at the right
 * when there is room for both (and the title does not name it already);
 * a title that does not fit ends in an ellipsis. */
static void draw_title(struct tui_app *app, struct tui_screen *s)
{
	attr_t ta = tui_attr(app, TUI_TITLE);
	tui_fill(0, 0, COLS, ta);
	int used = tui_text(0, 1, COLS - 2, "twoway \xc2\xb7 ", ta);
	int room = COLS - 2 - used;
	int pw = tui_text_width(app->profile.name) + 2;
	int tw = tui_text_width(s->title);
	bool named = app->profile.name && app->profile.name[0] && strstr(s->title, app->profile.name);
	bool show = !named && pw + 1 < COLS / 3 && (tw + pw + 1 <= room || room - pw - 1 >= COLS / 2);
	if (show)
		room -= pw + 1;
	tui_text_clip(0, 1 + used, room, s->title, ta);
	if (show)
		tui_text(0, COLS - pw, pw - 1, app->profile.name, ta);
}

void tui_frame_draw(struct tui_app *app)
{
	struct tui_screen *s = tui_top(app);
	if (app->redraw_all) {
		clearok(curscr, TRUE);
		app->redraw_all = false;
	}
	erase();
	app->cursor_y = -1;
	if (LINES < TUI_MIN_H || COLS < TUI_MIN_W) {
		draw_too_small();
	} else if (s) {
		draw_title(app, s);
		struct tui_rect r = { 1, 0, LINES - 3, COLS };
		s->ops->draw(app, s, r);
		tui_status_draw(app, LINES - 2, COLS);
		draw_footer(app, s, LINES - 1);
		if (app->help_open)
			tui_help_draw(app, s);
	}
	if (app->cursor_y >= 0 && !app->help_open && LINES >= TUI_MIN_H && COLS >= TUI_MIN_W) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}
