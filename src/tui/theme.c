/* The colour theme: a few colour pairs on the terminal's own background,
 * or plain attributes (bold, reverse, underline) when NO_COLOR is set or
 * the terminal has no colours. Screens ask for roles, never for colours. */
#include <stdlib.h>

#include "app.h"

struct role_style {
	short fg, bg;      /* -1: the terminal default */
	attr_t color_attr; /* added to the pair in colour mode */
	attr_t mono_attr;  /* used alone without colour */
};

static const struct role_style styles[TUI_ROLE_COUNT] = {
	[TUI_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[TUI_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[TUI_FOOTER] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[TUI_STATUS] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TUI_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[TUI_SELECTED] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[TUI_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[TUI_DIM] = { -1, -1, A_DIM, A_NORMAL },
	[TUI_DONE] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[TUI_BAR] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TUI_BAR_EMPTY] = { -1, -1, A_DIM, A_NORMAL },
	[TUI_KEY] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[TUI_WARN] = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
};

void tui_theme_init(struct tui_app *app)
{
	const char *nc = getenv("NO_COLOR");
	app->color = !(nc && *nc) && has_colors();
	if (app->color && start_color() == ERR)
		app->color = false;
	if (app->color)
		use_default_colors();
	for (int r = 0; r < TUI_ROLE_COUNT; r++) {
		const struct role_style *st = &styles[r];
		if (!app->color) {
			app->attrs[r] = st->mono_attr;
			continue;
		}
		if (st->fg == -1 && st->bg == -1) {
			app->attrs[r] = st->color_attr;
			continue;
		}
		init_pair((short)r, st->fg, st->bg);
		app->attrs[r] = COLOR_PAIR(r) | st->color_attr;
	}
}

attr_t tui_attr(const struct tui_app *app, enum tui_role role)
{
	return (unsigned)role < TUI_ROLE_COUNT ? app->attrs[role] : A_NORMAL;
}
