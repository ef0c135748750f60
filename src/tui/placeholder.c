/* A stand-in for a screen that is registered but not written yet: it says
 * so and lets the user go back. */
#include <stdlib.h>

#include "screens.h"

struct placeholder {
	struct tui_screen base;
};

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	tui_textf(r.y + 1, r.x + 2, r.w - 4, tui_attr(app, TUI_HEADING), "%s", s->title);
	tui_text(r.y + 3, r.x + 2, r.w - 4, "This screen is not built yet.", A_NORMAL);
	tui_text(r.y + 4, r.x + 2, r.w - 4, "Press q to go back.", tui_attr(app, TUI_DIM));
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	return false;
}

static void destroy(struct tui_screen *s)
{
	free(s);
}

static const struct tui_help help[] = {
	{ "q", "back" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "placeholder",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.help = help,
	.footer = "q back",
};

struct tui_screen *placeholder_open(struct tui_app *app, const struct tui_screen_entry *e)
{
	struct placeholder *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->base.ops = &ops;
	tui_screen_set_title(&p->base, "%s", e->title);
	return &p->base;
}
