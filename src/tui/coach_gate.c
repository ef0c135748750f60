/* The frame of coach mode: it lies under every coach screen, swaps the app
 * onto a coach view of the store (no private text can be read through it),
 * and when coach mode ends shows a hand-back screen with nothing private on
 * it until the sponsee confirms; from `twoway --coach` it leaves for the shell. */
#include <stdlib.h>
#include <string.h>

#include "screens.h"

struct gate {
	struct tui_screen base;
	struct tw_store *owner; /* the sponsee's own store, while coach mode runs */
	bool started;           /* coach mode was opened above this screen */
};

/* Puts the sponsee's store back (closing the coach view). */
static void hand_back(struct tui_app *app, struct gate *g)
{
	if (!g->owner)
		return;
	tw_store_close(app->store);
	app->store = g->owner;
	g->owner = NULL;
	app->show_private = false;
	tw_store_changed(app->store); /* the coach's writes are ours to show */
}

static void start(struct tui_app *app, struct gate *g)
{
	g->started = true;
	struct tui_screen *s = coach_start_open(app, &(struct tui_args){ 0 });
	if (s)
		tui_push(app, s);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct gate *g = (struct gate *)s;
	if (!g->started)
		start(app, g);
}

/* Runs after each key while this screen is on top (not while a coach
 * screen hands over to the next one): coach mode is over. Opened with
 * --coach, that means back to the shell. */
static void on_tick(struct tui_app *app, struct tui_screen *s)
{
	struct gate *g = (struct gate *)s;
	if (g->started && app->opt->coach && !g->owner)
		app->quit = true;
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	hand_back(app, (struct gate *)s);
	return true;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	int y = r.y + 1;
	tui_text(y, r.x + 2, r.w - 4, "Coach mode is over.", tui_attr(app, TUI_HEADING));
	y += 2;
	tui_textf(y++, r.x + 2, r.w - 4, A_NORMAL, "Hand the keyboard back to %s.",
		  app->profile.name ? app->profile.name : "the sponsee");
	tui_text(y++, r.x + 2, r.w - 4,
		 "Their own screens (with their private reflections) open only after Enter.",
		 A_NORMAL);
	y++;
	tui_text(y++, r.x + 2, r.w - 4, "Enter  hand back: open their Home", tui_attr(app, TUI_DIM));
	tui_text(y++, r.x + 2, r.w - 4, "c      another coaching session", tui_attr(app, TUI_DIM));
	tui_text(y, r.x + 2, r.w - 4, "q      quit twoway", tui_attr(app, TUI_DIM));
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct gate *g = (struct gate *)s;
	if (tui_is_enter(k, code)) {
		hand_back(app, g);
		tui_pop(app, false);
		return true;
	}
	if (code)
		return (k == KEY_F(1)) ? false : true;
	if (k == L'c') {
		start(app, g);
		return true;
	}
	if (k == L'q' || k == TUI_CTRL('c')) {
		app->quit = true; /* leaving twoway shows nothing private either */
		return true;
	}
	if (k == L'?')
		return false;
	tui_msg(app, "Enter hands back to the sponsee; q quits");
	return true;
}

static void destroy(struct tui_screen *s)
{
	free(s);
}

static const struct tui_help help[] = {
	{ "enter", "hand back to the sponsee (their Home)" },
	{ "c", "another coaching session" },
	{ "q", "quit twoway" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "coach-gate",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_leave = on_leave,
	.on_tick = on_tick,
	.help = help,
	.footer = "enter hand back  c coach again  q quit",
};

struct tui_screen *coach_gate_open(struct tui_app *app, const struct tui_args *args)
{
	(void)args;
	struct gate *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->base.ops = &ops;
	tui_screen_set_title(&g->base, "Coach mode");
	if (tw_store_view(app->store) != TW_VIEW_COACH) {
		struct tw_error err = { 0 };
		struct tw_store *c = tw_store_open_view(tw_store_path(app->store), TW_VIEW_COACH,
							&err);
		if (!c) {
			tui_error(app, "cannot open coach mode: %s", err.message);
			free(g);
			return NULL;
		}
		g->owner = app->store;
		app->store = c;
		app->show_private = false;
	}
	return &g->base;
}
