/* Home: progress per guide as bars, the next meeting (with how far off it
 * is), a prompt to debrief a planned meeting whose time has passed (d opens
 * it), open and overdue action items, recent reflections and a plain next
 * step; content skipped at load time is reported here once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist.h"
#include "checkup.h"
#include "twoway/agenda.h"
#include "screens.h"
#include "twoway/util.h"
#include "twoway/when.h"

#include "home.h"

static void unload(struct home *h)
{
	free(h->stats);
	h->stats = NULL;
	if (h->has_next)
		tw_meeting_finish(&h->next);
	h->has_next = false;
	if (h->has_due)
		tw_meeting_finish(&h->due);
	h->has_due = false;
	h->n_due = 0;
	tw_actions_free(h->actions, h->n_actions);
	h->actions = NULL;
	h->n_actions = h->n_overdue = 0;
	tw_reflections_free(h->recent, h->n_recent);
	h->recent = NULL;
	h->n_recent = 0;
}

/* Who and when the occasion a guide is counted for is: the sponsor and
 * the meeting's (run's) time. */
static void occasion_of(struct tui_app *app, struct gstat *gs)
{
	struct tw_error err = { 0 };
	if (!gs->occasion)
		return;
	if (gs->run) {
		struct tw_checkup c;
		if (!tw_store_checkup_get(app->store, app->profile.id, gs->occasion, &c, &err))
			return;
		snprintf(gs->who, sizeof gs->who, "%s", c.sponsor_name ? c.sponsor_name : "");
		gs->when = c.at;
		tw_checkup_finish(&c);
		return;
	}
	struct tw_meeting m;
	if (!tw_store_meeting_get(app->store, gs->occasion, &m, &err))
		return;
	snprintf(gs->who, sizeof gs->who, "%s", m.sponsor_name ? m.sponsor_name : "");
	gs->when = m.when;
	tw_meeting_finish(&m);
}

/* Each guide's progress, counted in the core for the occasion it is
 * walked for (the meeting being prepared, the one to debrief, the latest
 * check-up run), so the bar agrees with the guide enter opens. */
static void load_stats(struct tui_app *app, struct home *h)
{
	h->n_stats = app->lib->n_guides;
	h->stats = calloc(h->n_stats + 1, sizeof(*h->stats));
	tw_time now = (tw_time)time(NULL);
	for (size_t g = 0; h->stats && g < h->n_stats; g++) {
		struct gstat *gs = &h->stats[g];
		struct tw_guide_progress p;
		struct tw_error err = { 0 };
		if (!tw_agenda_guide_progress(app->store, app->profile.id, app->lib->guides[g], now,
					      &p, &err)) {
			tui_error(app, "%s", err.message);
			gs->next_sec = SIZE_MAX;
			continue;
		}
		gs->done = p.done;
		gs->total = p.total;
		gs->next_sec = p.next_sec;
		gs->next_left = p.next_left;
		gs->occasion = p.occasion;
		gs->run = p.run;
		occasion_of(app, gs);
	}
}

static void load(struct tui_app *app, struct home *h)
{
	unload(h);
	load_stats(app, h);
	struct tw_error err = { 0 };
	tw_time now = (tw_time)time(NULL);
	if (tw_store_meeting_next(app->store, app->profile.id, now, &h->next, &err))
		h->has_next = true;
	else if (err.code != TW_ERR_NOTFOUND)
		tui_error(app, "%s", err.message);
	/* Planned meetings whose time has passed wait for a debrief. */
	if (!tw_store_meeting_due(app->store, app->profile.id, now, &h->due, &h->n_due, &err))
		tui_error(app, "%s", err.message);
	h->has_due = h->n_due > 0;
	tw_today(h->today, sizeof(h->today));
	if (!tw_store_action_list(app->store, app->profile.id, 0, TW_ACTIONS_OPEN, h->today,
				  &h->actions, &h->n_actions, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = 0; i < h->n_actions; i++)
		if (h->actions[i].due[0] && strcmp(h->actions[i].due, h->today) < 0)
			h->n_overdue++;
	if (!tw_store_reflection_list(app->store, app->profile.id, RECENT, &h->recent, &h->n_recent,
				      &err))
		tui_error(app, "%s", err.message);
	if (h->cursor >= h->n_stats + h->n_recent)
		h->cursor = h->n_stats + h->n_recent ? h->n_stats + h->n_recent - 1 : 0;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct home *h = (struct home *)s;
	h->focus_count++;
	load(app, h);
}

/* Another window wrote: reload, without counting it as a visit. */
static void on_refresh(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct home *)s);
}

/* The check-up with no run yet starts one, as `twoway checkup start`
 * does: with the profile's only sponsor at once (the guide then walks the
 * run); with several, on Sponsors, where c on one starts it; with none,
 * a message says to add one. True when the caller opens nothing more. */
static bool checkup_start(struct tui_app *app, const struct tw_guide *g,
			  const struct gstat *gs)
{
	if (strcmp(g->id, TW_CHECKUP_GUIDE) != 0 || !gs || gs->occasion)
		return false;
	struct tw_sponsor *sp = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_sponsor_list(app->store, app->profile.id, &sp, &n, &err)) {
		tui_error(app, "%s", err.message);
		return true;
	}
	if (n == 1) {
		int64_t run = tui_checkup_begin(app, sp[0].id);
		if (run)
			tui_open(app, TUI_SCREEN_GUIDE,
				 &(struct tui_args){ .item_id = TW_CHECKUP_GUIDE, .meeting_id = run });
		if (run)
			tui_msg(app, "check-up with %s started", sp[0].name);
	} else if (n > 1) {
		tui_open(app, TUI_SCREEN_SPONSORS, NULL);
		tui_msg(app, "a check-up is taken with one sponsor: c on them starts it");
	} else {
		tui_msg(app, "a check-up is taken with a sponsor: add one first (s, then a)");
	}
	tw_sponsors_free(sp, n);
	return true;
}

static void open_guide(struct tui_app *app, struct home *h)
{
	if (h->cursor >= app->lib->n_guides)
		return;
	const struct tw_guide *g = app->lib->guides[h->cursor];
	const struct gstat *gs = h->stats ? &h->stats[h->cursor] : NULL;
	if (checkup_start(app, g, gs))
		return;
	char id[512];
	if (gs && gs->next_sec != SIZE_MAX)
		snprintf(id, sizeof(id), "%s/%s", g->id, g->sections[gs->next_sec].id);
	else
		snprintf(id, sizeof(id), "%s", g->id);
	/* the guide walks the occasion the bar counted */
	tui_open(app, TUI_SCREEN_GUIDE,
		 &(struct tui_args){ .item_id = id, .meeting_id = gs ? gs->occasion : 0 });
}

/* Opens the focused recent reflection where it was written: its item in
 * the guide, or the reflection itself when it is free-standing. */
static void open_recent(struct tui_app *app, struct home *h)
{
	const struct tw_reflection *r = &h->recent[h->cursor - h->n_stats];
	if (r->item_id && tw_library_item(app->lib, r->item_id, NULL, NULL))
		tui_open(app, TUI_SCREEN_GUIDE,
			 &(struct tui_args){ .item_id = r->item_id,
						     .meeting_id = r->meeting_id ? r->meeting_id
									   : r->checkup_id });
	else
		tui_open(app, TUI_SCREEN_REFLECTION, &(struct tui_args){ .id = r->id });
}

enum { A_MOVE = 1, A_OPEN, A_SPONSORS, A_MEETINGS, A_ACTIONS, A_SEARCH, A_PROFILES,
       A_REFLECT, A_COACH, A_PRIVATE, A_TRASH, A_QUIT, A_DEBRIEF };

static bool home_has_due(const struct tui_screen *s)
{
	return ((const struct home *)s)->has_due;
}

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct home *h = (struct home *)s;
	enum tui_nav nav;
	switch (action) {
	case A_MOVE:
		nav = tui_nav_key(k, code);
		if (nav == TUI_NAV_BOTTOM && h->n_stats && h->cursor < h->n_stats - 1) {
			/* G: the last guide first (the recent reflections lie
			 * below it: j, or G again) */
			h->cursor = h->n_stats - 1;
			return true;
		}
		tui_nav_apply(nav, &h->cursor, h->n_stats + h->recent_shown, h->last.h);
		return true;
	case A_OPEN:
		if (h->cursor >= h->n_stats && h->cursor - h->n_stats < h->n_recent)
			open_recent(app, h);
		else
			open_guide(app, h);
		return true;
	case A_PRIVATE:
		app->show_private = !app->show_private;
		tui_msg(app, app->show_private ? "private text shown (Ctrl-R hides it)"
					       : "private text hidden");
		return true;
	case A_SPONSORS: return tui_open(app, TUI_SCREEN_SPONSORS, NULL), true;
	case A_MEETINGS: return tui_open(app, TUI_SCREEN_MEETINGS, NULL), true;
	case A_ACTIONS: return tui_open(app, TUI_SCREEN_ACTIONS, NULL), true;
	case A_PROFILES: return tui_open(app, TUI_SCREEN_PROFILES, NULL), true;
	case A_COACH: return tui_open(app, TUI_SCREEN_COACH, NULL), true;
	case A_REFLECT: return tui_open(app, TUI_SCREEN_REFLECTION, NULL), true;
	case A_SEARCH: return tui_open(app, TUI_SCREEN_SEARCH, NULL), true;
	case A_TRASH: return tui_open(app, TUI_SCREEN_TRASH, NULL), true;
	case A_QUIT: return false; /* the app's q: quit (asks when a save is pending) */
	case A_DEBRIEF:
		if (!h->has_due)
			tui_msg(app, "no meeting waits for a debrief; m lists them all");
		else
			tui_open(app, TUI_SCREEN_MEETINGS,
				 &(struct tui_args){ .id = h->due.id, .mode = TUI_MEETINGS_DEBRIEF });
		return true;
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	struct home *h = (struct home *)s;
	int i = y - h->guide_row0;
	if (i < 0 || (size_t)i >= h->n_stats)
		return false;
	if (h->cursor == (size_t)i)
		open_guide(app, h);
	else
		h->cursor = (size_t)i;
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct home *h = (struct home *)s;
	unload(h);
	free(h);
}

static const struct tui_binding bindings[] = {
	{ A_MOVE, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) },
	  "choose a guide, or a recent reflection below them", NULL, NULL, TUI_VERB_NONE },
	{ A_MOVE, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) },
	  "the first, the last guide (G again: the last reflection)", NULL, NULL, TUI_VERB_NONE },
	{ A_MOVE, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) }, "a page up, down",
	  NULL, NULL, TUI_VERB_NONE },
	{ A_OPEN, { TUI_K('\n'), TUI_K('l'), TUI_KC(KEY_RIGHT) }, "open the guide, or the reflection where it was written",
	  "open", NULL,
	  TUI_VERB_NONE },
	{ A_DEBRIEF, { TUI_K('b') }, "debrief the meeting whose time has passed (when Home says so)",
	  "debrief", home_has_due, TUI_VERB_NONE },
	{ A_SPONSORS, { TUI_K('s') }, "sponsors", "sponsors", NULL, TUI_VERB_NONE },
	{ A_MEETINGS, { TUI_K('m') }, "meetings: prepare and debrief", "meetings", NULL,
	  TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('a') }, "action items: all of them, filter, tick, add", "actions", NULL,
	  TUI_VERB_NONE },
	{ A_SEARCH, { TUI_K('/') }, "search everything", "search", NULL, TUI_VERB_SEARCH },
	{ A_PROFILES, { TUI_K('p') }, "profiles", "profiles", NULL, TUI_VERB_NONE },
	{ A_REFLECT, { TUI_K('r') }, "write a free-standing reflection", NULL, NULL, TUI_VERB_NONE },
	{ A_COACH, { TUI_K('c') }, "coach mode", NULL, NULL, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('r')) }, "show or hide the text of private reflections", NULL,
	  NULL, TUI_VERB_NONE },
	{ A_TRASH, { TUI_K('t') }, "the Trash: deleted records, brought back with u", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_QUIT, { TUI_K('q') }, "quit", NULL, NULL, TUI_VERB_BACK },
	{ 0 },
};
const struct tui_keymap home_keys = { "home", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "home",
	.draw = home_draw,
	.keys = &home_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_refresh,
	.click = click,
};

struct tui_screen *home_open(struct tui_app *app, const struct tui_args *args)
{
	struct home *h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->base.ops = &ops;
	tui_screen_set_title(&h->base, "Home");
	return &h->base;
}
