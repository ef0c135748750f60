/* Starting coach mode: pick the sponsee's profile (or create one), resume
 * that profile's open coaching session or enter the coach's name (the last
 * one used is offered), choose a guide, then open the session screen. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach.h"
#include "editor.h"
#include "screens.h"
#include "twoway/util.h"

enum step { PICK_PROFILE, NEW_PROFILE, RESUME, COACH_NAME, PICK_GUIDE };

struct start {
	struct tui_screen base;
	enum step step;
	struct tw_profile *profiles;
	size_t n_profiles;
	size_t cursor, top;
	size_t was[PICK_GUIDE + 1]; /* each step's cursor when it was left: Esc returns there */
	int64_t profile_id;
	char *profile_name;
	int64_t open_id;      /* the profile's open session (0: none) */
	char *open_label;
	bool resume;          /* resume open_id rather than start a new one */
	char *last_coach;     /* the coach's name used last (any profile) */
	struct tui_editor *field;
	bool offered;         /* the field holds last_coach, selected: typing replaces it */
};


static bool load_profiles(struct tui_app *app, struct start *st)
{
	tw_profiles_free(st->profiles, st->n_profiles);
	st->profiles = NULL;
	st->n_profiles = 0;
	struct tw_error err = { 0 };
	if (!tw_store_profile_list(app->store, &st->profiles, &st->n_profiles, &err)) {
		tui_error(app, "%s", err.message);
		return false;
	}
	/* The coach's name used last, across every profile's sessions. */
	tw_time latest = -1;
	for (size_t i = 0; i < st->n_profiles; i++) {
		struct tw_coaching *c = NULL;
		size_t n = 0;
		if (!tw_store_coaching_list(app->store, st->profiles[i].id, &c, &n, &err))
			continue;
		for (size_t k = 0; k < n; k++)
			if (c[k].started >= latest) {
				latest = c[k].started;
				free(st->last_coach);
				st->last_coach = tw_strdup0(c[k].coach);
			}
		tw_coachings_free(c, n);
	}
	return true;
}

/* Fills the text field; a name offered from an earlier session is shown
 * selected: Enter keeps it, typing replaces it, an arrow key edits it. */
static void set_field(struct start *st, const char *text)
{
	tui_editor_set_text(st->field, text ? text : "");
	st->offered = text && *text;
}

static void go(struct start *st, enum step step)
{
	st->was[st->step] = st->cursor;
	st->step = step;
	st->cursor = 0;
	st->top = 0;
}

/* Back a step: the list is where it was when the user went on from it. */
static void go_back(struct start *st, enum step step)
{
	go(st, step);
	st->cursor = st->was[step];
}

/* A key on an offered name: a character or Backspace replaces the whole
 * name, Ctrl-U clears it, movement keys keep it for editing. */
static void offered_key(struct start *st, wint_t k, bool code)
{
	st->offered = false;
	bool movement = code && (k == KEY_LEFT || k == KEY_RIGHT || k == KEY_HOME || k == KEY_END);
	if (movement || (!code && (k == TUI_CTRL('a') || k == TUI_CTRL('e'))))
		return;
	if (tui_is_backspace(k, code) || (!code && (k >= 0x20 || k == TUI_CTRL('u'))))
		tui_editor_set_text(st->field, "");
}

static void choose_profile(struct tui_app *app, struct start *st, const struct tw_profile *p)
{
	st->profile_id = p->id;
	free(st->profile_name);
	st->profile_name = tw_strdup0(p->name);
	st->open_id = 0;
	free(st->open_label);
	st->open_label = NULL;
	st->resume = false;
	struct tw_coaching *c = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_coaching_list(app->store, p->id, &c, &n, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = n; i-- > 0;)
		if (!c[i].ended) {
			char when[32];
			tw_time_format(c[i].started, when, sizeof(when));
			st->open_id = c[i].id;
			st->open_label = tw_strdup_printf("Resume session %lld with %s, started %s",
							  (long long)c[i].id, c[i].coach, when);
			break;
		}
	tw_coachings_free(c, n);
	if (st->open_id) {
		go(st, RESUME);
	} else {
		set_field(st, st->last_coach);
		go(st, COACH_NAME);
	}
}

static void start_session(struct tui_app *app, struct start *st)
{
	const struct tw_guide *g = app->lib->guides[st->cursor];
	int64_t id = st->open_id;
	struct tw_error err = { 0 };
	if (!st->resume) {
		char *name = tui_editor_text(st->field);
		bool ok = name && tw_store_coaching_start(app->store, st->profile_id, name, &id, &err);
		free(name);
		if (!ok) {
			tui_error(app, "could not start the session: %s",
				  err.message[0] ? err.message : "no memory");
			return;
		}
	}
	char *gid = tw_strdup0(g->id);
	if (!gid)
		return;
	int64_t sponsee = st->profile_id;
	/* This screen makes way for the session (st is gone after the pop). */
	tui_pop(app, false);
	/* The session is the sponsee's: records by id are theirs from here
	 * (the session screen follows them while it is on top). */
	tw_store_scope(app->store, sponsee);
	struct tui_screen *s = coach_session_open(app, id, gid);
	if (!s)
		tw_store_scope(app->store, app->profile.id);
	free(gid);
	if (s && tui_push(app, s))
		tui_msg(app, "coaching session %lld: Tab switches to the coach's notes, E ends it",
			(long long)id);
}

/* Enter on a text step. */
static void field_done(struct tui_app *app, struct start *st)
{
	if (tui_editor_blank(st->field)) {
		tui_msg(app, "type a name first (Esc goes back)");
		return;
	}
	char *text = tui_editor_text(st->field);
	if (!text)
		return;
	if (st->step == COACH_NAME) {
		free(text);
		go(st, PICK_GUIDE);
		return;
	}
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!tw_store_profile_add(app->store, text, "", "", &id, &err)) {
		tui_error(app, "%s", err.message);
		free(text);
		return;
	}
	free(text);
	if (!load_profiles(app, st))
		return;
	for (size_t i = 0; i < st->n_profiles; i++)
		if (st->profiles[i].id == id) {
			choose_profile(app, st, &st->profiles[i]);
			return;
		}
}

static size_t rows_of(const struct tui_app *app, const struct start *st)
{
	switch (st->step) {
	case PICK_PROFILE: return st->n_profiles + 1;
	case RESUME: return 2;
	case PICK_GUIDE: return app->lib->n_guides;
	default: return 0;
	}
}

static void back(struct tui_app *app, struct start *st)
{
	switch (st->step) {
	case PICK_PROFILE: tui_pop(app, false); break;
	case NEW_PROFILE: go_back(st, PICK_PROFILE); break;
	case RESUME: go_back(st, PICK_PROFILE); break;
	case COACH_NAME: go_back(st, st->open_id ? RESUME : PICK_PROFILE); break;
	case PICK_GUIDE: go_back(st, st->resume ? RESUME : COACH_NAME); break;
	}
}

static void pick(struct tui_app *app, struct start *st)
{
	switch (st->step) {
	case PICK_PROFILE:
		if (st->cursor < st->n_profiles) {
			choose_profile(app, st, &st->profiles[st->cursor]);
		} else {
			set_field(st, "");
			go(st, NEW_PROFILE);
		}
		break;
	case RESUME:
		st->resume = st->cursor == 0;
		if (!st->resume)
			set_field(st, st->last_coach);
		go(st, st->resume ? PICK_GUIDE : COACH_NAME);
		break;
	case PICK_GUIDE:
		if (st->cursor < app->lib->n_guides)
			start_session(app, st);
		break;
	default:
		break;
	}
}

/* The steps that take a typed name, and the ones that are a list. */
static bool typing(const struct tui_screen *s)
{
	enum step step = ((const struct start *)s)->step;
	return step == NEW_PROFILE || step == COACH_NAME;
}

static bool listing(const struct tui_screen *s)
{
	return !typing(s);
}

enum { A_BACK = 1, A_GO, A_CHOOSE, A_MOVE, A_CLEAR, A_NO_SEARCH, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct start *st = (struct start *)s;
	switch (action) {
	case A_BACK:
		back(app, st);
		return true;
	case A_GO:
		field_done(app, st);
		return true;
	case A_CHOOSE:
		pick(app, st);
		return true;
	case A_MOVE:
		tui_nav_apply(tui_nav_key(k, code), &st->cursor, rows_of(app, st), 10);
		return true;
	case A_CLEAR:
		st->offered = false;
		tui_editor_set_text(st->field, "");
		return true;
	case A_NO_SEARCH:
		tui_msg(app, "search is off in coach mode: it could show private reflections");
		return true;
	}
	return false; /* F1: the app's help */
}

/* Typing a name: an offered name is replaced by typing, kept by moving. */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	(void)app;
	struct start *st = (struct start *)s;
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')) || !typing(s))
		return false;
	if (!code && k == L'\t')
		return true;
	bool replaced = st->offered && tui_is_backspace(k, code);
	if (st->offered)
		offered_key(st, k, code);
	if (!replaced)
		tui_editor_key(st->field, k, code);
	return true;
}

static void draw_list(struct tui_app *app, struct start *st, struct tui_rect r)
{
	size_t n = rows_of(app, st);
	tui_scroll_to(st->cursor, &st->top, r.h, n);
	for (int y = 0; y < r.h && st->top + (size_t)y < n; y++) {
		size_t i = st->top + (size_t)y;
		const char *label = "";
		char buf[300];
		if (st->step == PICK_PROFILE)
			label = i < st->n_profiles ? st->profiles[i].name : "+ New profile";
		else if (st->step == RESUME)
			label = i == 0 ? (st->open_label ? st->open_label : "Resume") : "Start a new session";
		else if (st->step == PICK_GUIDE) {
			snprintf(buf, sizeof(buf), "%s", app->lib->guides[i]->title);
			label = buf;
		}
		attr_t a = i == st->cursor ? tui_attr(app, TUI_SELECTED) : A_NORMAL;
		if (i == st->cursor)
			tui_fill(r.y + y, r.x, r.w, a);
		tui_text(r.y + y, r.x + 2, r.w - 2, label, a);
	}
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct start *st = (struct start *)s;
	static const char *const ask[] = {
		[PICK_PROFILE] = "Whose session is it? Pick the sponsee's profile:",
		[NEW_PROFILE] = "The new sponsee's name (Enter creates the profile):",
		[RESUME] = "This profile has an open coaching session:",
		[COACH_NAME] = "The coach's name (Enter goes on):",
		[PICK_GUIDE] = "Which guide will you walk together?",
	};
	int y = r.y;
	tui_text(y++, r.x + 1, r.w - 2, "Coach mode", tui_attr(app, TUI_HEADING));
	if (st->profile_name && st->step != PICK_PROFILE && st->step != NEW_PROFILE)
		tui_textf(y, r.x + 1, r.w - 2, tui_attr(app, TUI_DIM), "Sponsee: %s",
			  st->profile_name);
	y++;
	y += tui_text_block((struct tui_rect){ y, r.x + 1, 2, r.w - 2 }, ask[st->step], A_BOLD);
	y++;
	struct tui_rect rest = { y, r.x, r.y + r.h - y, r.w };
	if (rest.h <= 0)
		return;
	if (st->step == NEW_PROFILE || st->step == COACH_NAME) {
		tui_text(rest.y, rest.x + 1, 2, ">", tui_attr(app, TUI_KEY));
		const char *hint = "Esc goes back";
		if (st->offered) {
			/* The offered name, selected: what typing would replace. */
			int w = tui_text(rest.y, rest.x + 3, rest.w - 4, st->last_coach,
					 tui_attr(app, TUI_SELECTED));
			tui_cursor(app, rest.y, rest.x + 3 + w);
			hint = "the last coach's name: Enter keeps it, typing replaces it";
		} else {
			tui_editor_draw(st->field, app,
					(struct tui_rect){ rest.y, rest.x + 3, 1, rest.w - 4 }, true);
		}
		if (rest.h > 2)
			tui_text_block((struct tui_rect){ rest.y + 2, rest.x + 1, rest.h - 2, rest.w - 2 },
				       hint, tui_attr(app, TUI_DIM));
		return;
	}
	draw_list(app, st, rest);
}

static void destroy(struct tui_screen *s)
{
	struct start *st = (struct start *)s;
	tw_profiles_free(st->profiles, st->n_profiles);
	free(st->profile_name);
	free(st->open_label);
	free(st->last_coach);
	tui_editor_free(st->field);
	free(st);
}

static const struct tui_binding bindings[] = {
	{ A_GO, { TUI_K('\n') }, "go on with the name typed", "go on", typing, TUI_VERB_NONE },
	{ A_CHOOSE, { TUI_K('\n'), TUI_K('l'), TUI_KC(KEY_RIGHT) }, "choose", "choose", listing,
	  TUI_VERB_NONE },
	{ A_MOVE, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) }, "move down, up",
	  "move", listing, TUI_VERB_NONE },
	{ A_MOVE, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) }, "first, last",
	  NULL, listing, TUI_VERB_NONE },
	{ A_MOVE, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) }, "a page up, down",
	  NULL, listing, TUI_VERB_NONE },
	{ A_CLEAR, { TUI_K(TUI_CTRL('u')) }, "clear the name", "clear", typing, TUI_VERB_NONE },
	{ A_BACK, { TUI_K(TUI_ESC) }, "back a step", "back", NULL, TUI_VERB_BACK },
	{ A_BACK, { TUI_K('q') }, "back a step", NULL, listing, TUI_VERB_BACK },
	{ A_NO_SEARCH, { TUI_K('/') }, "(no search in coach mode: it could show private text)",
	  NULL, listing, TUI_VERB_SEARCH },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", typing, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "a name; the last coach's name is offered: typing replaces it" },
	{ "steps", "profile, then resume or the coach's name, then the guide" },
	{ "in a session", "Tab notes, E end; private reflections show as \"private\"" },
	{ NULL, NULL },
};
const struct tui_keymap coach_start_keys = { "coach-start", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "coach-start",
	.draw = draw,
	.keys = &coach_start_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
};

struct tui_screen *coach_start_open(struct tui_app *app, const struct tui_args *args)
{
	(void)args;
	if (!app->lib->n_guides) {
		tui_error(app, "no guides are loaded: coach mode needs one");
		return NULL;
	}
	struct start *st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->base.ops = &ops;
	st->field = tui_editor_new(NULL);
	if (!st->field || !load_profiles(app, st)) {
		destroy(&st->base);
		return NULL;
	}
	for (size_t i = 0; i < st->n_profiles; i++)
		if (st->profiles[i].id == app->profile.id)
			st->cursor = i;
	tui_screen_set_title(&st->base, "Coach mode");
	return &st->base;
}
