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

/* Leaves twoway: every screen closes (this one last), nothing is shown. */
static void quit_all(struct tui_app *app)
{
	while (app->depth)
		tui_pop(app, true);
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
		quit_all(app);
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

enum { A_HAND_BACK = 1, A_AGAIN, A_QUIT };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct gate *g = (struct gate *)s;
	switch (action) {
	case A_HAND_BACK:
		hand_back(app, g);
		tui_pop(app, false);
		return true;
	case A_AGAIN:
		start(app, g);
		return true;
	case A_QUIT:
		quit_all(app); /* leaving twoway shows nothing private either */
		return true;
	}
	return false;
}

/* Every other key stays here (no search, no back): only the help opens. */
static bool other_key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	(void)s;
	if ((code && k == KEY_F(1)) || (!code && k == L'?'))
		return false;
	if (!code)
		tui_msg(app, "Enter hands back to the sponsee; q quits");
	return true;
}

static void destroy(struct tui_screen *s)
{
	free(s);
}

static const struct tui_binding bindings[] = {
	{ A_HAND_BACK, { TUI_K('\n') }, "hand back to the sponsee (their Home)", "hand back", NULL,
	  TUI_VERB_NONE },
	{ A_AGAIN, { TUI_K('c') }, "another coaching session", "coach again", NULL, TUI_VERB_NONE },
	{ A_QUIT, { TUI_K('q'), TUI_K(TUI_CTRL('c')) }, "quit twoway", "quit", NULL, TUI_VERB_NONE },
	{ 0 },
};
const struct tui_keymap coach_gate_keys = { "coach-gate", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "coach-gate",
	.draw = draw,
	.keys = &coach_gate_keys,
	.act = act,
	.key = other_key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_leave = on_leave,
	.on_tick = on_tick,
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
