/* The coach-mode session screen: the sponsee's checklist beside the coach
 * panel (stacked under 100 columns), an elapsed clock, notes autosaved, and
 * each item visited, ticked, rated or reflected on marked in the store at once. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist.h"
#include "coach.h"
#include "editor.h"
#include "screens.h"
#include "twoway/util.h"

/* The items this session has marked visited (any sitting): a move back to
 * one of them writes nothing. */
struct seen {
	const struct tw_item **v;
	size_t n, cap;
};

struct coach {
	struct tui_screen base;
	int64_t id;
	tw_time started;
	char *coach_name;
	char *profile_name;
	int64_t profile_id;
	const struct tw_guide *g;
	struct tui_checklist *cl;
	struct coach_panel *panel;
	bool right;          /* the notes have the keyboard */
	bool confirm_end;    /* "end the session?" is asked */
	bool swapped;        /* app->profile is the sponsee's; saved holds the app's */
	struct tw_profile saved;
	bool notes_failed;
	bool ended;          /* the session was ended: no "stays open" notice */
	struct tui_rect panel_rect; /* where the panel was last drawn (clicks) */
	struct seen visited;
	bool mark_failed;    /* a mark could not be stored: said once */
	const struct tw_item *writing; /* the editor was opened on this item */
	int writing_version;           /* its reflection's version then (0: none) */
};

/* Moves the keyboard to the notes (right) or the list. */
static void set_right(struct coach *cs, bool right)
{
	cs->right = right;
}

static bool seen_has(const struct seen *s, const struct tw_item *it)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == it)
			return true;
	return false;
}

static void seen_add(struct seen *s, const struct tw_item *it)
{
	if (!it || seen_has(s, it))
		return;
	if (!tw_grow((void **)&s->v, &s->cap, s->n, sizeof *s->v))
		return; /* the next visit writes the (idempotent) mark again */
	s->v[s->n++] = it;
}

/* Records in the store what the session did with item it, at once, so a
 * crash or a later sitting keeps it; on takes a tick or a rating back. */
static void mark(struct tui_app *app, struct coach *cs, const struct tw_item *it,
		 enum tw_coach_mark what, int value, bool on)
{
	if (!it)
		return;
	struct tw_error err = { 0 };
	bool ok = on ? tw_store_coaching_mark(app->store, cs->id, it->full_id, what, value, &err)
		     : tw_store_coaching_unmark(app->store, cs->id, it->full_id, what, &err);
	if (ok) {
		if (what == TW_MARK_VISITED)
			seen_add(&cs->visited, it);
		return;
	}
	tui_log(app, "coaching session %lld: marking %s %s: %s", (long long)cs->id,
		it->full_id, tw_coach_mark_name(what), err.message);
	if (!cs->mark_failed)
		tui_error(app, "could not record what the session covered: %s", err.message);
	cs->mark_failed = true;
}

/* The items earlier sittings of this session visited. */
static void load_seen(struct tui_app *app, struct coach *cs)
{
	struct tw_coaching_event *e = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_coaching_covered(app->store, cs->id, &e, &n, &err)) {
		tui_log(app, "coaching session %lld: %s", (long long)cs->id, err.message);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (e[i].what == TW_MARK_VISITED)
			seen_add(&cs->visited, tw_library_item(app->lib, e[i].item_id, NULL, NULL));
	tw_coaching_events_free(e, n);
}

static void set_title(struct coach *cs)
{
	char dur[32];
	tw_time now = (tw_time)time(NULL);
	coach_duration(now > cs->started ? now - cs->started : 0, dur, sizeof(dur));
	tui_screen_set_title(&cs->base, "Coach mode %s \xc2\xb7 %s with %s", dur,
			     cs->profile_name, cs->coach_name);
}

/* Saves the coach's notes when they changed; true when nothing is left unsaved. */
static bool save_notes(struct tui_app *app, struct coach *cs)
{
	struct tui_editor *ed = coach_panel_notes(cs->panel);
	if (!tui_editor_changed(ed))
		return true;
	char *text = tui_editor_text(ed);
	struct tw_error err = { 0 };
	bool ok = text && tw_store_coaching_notes(app->store, cs->id, text, &err);
	free(text);
	tui_editor_draft_done(ed, tui_now_ms());
	if (!ok) {
		tui_error(app, "could not save the coach's notes: %s",
			  err.message[0] ? err.message : "no memory");
		return false;
	}
	tui_editor_mark_saved(ed);
	return true;
}

static int reflection_version(struct tui_app *app, const struct coach *cs,
			      const struct tw_item *it)
{
	struct tw_reflection r;
	struct tw_error err = { 0 };
	int64_t run = tw_checkup_item(it->full_id) ? tui_checklist_meeting(cs->cl) : 0;
	if (!tw_store_reflection_get_item_in(app->store, app->profile.id, run, it->full_id, &r,
					     &err))
		return 0;
	int v = r.version;
	tw_reflection_finish(&r);
	return v;
}

static void note_visit(struct tui_app *app, struct coach *cs)
{
	const struct tw_item *it = tui_checklist_item(cs->cl, NULL, NULL);
	if (it && !seen_has(&cs->visited, it))
		mark(app, cs, it, TW_MARK_VISITED, 0, true);
	coach_panel_set_item(cs->panel, app, it);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct coach *cs = (struct coach *)s;
	if (!cs->swapped && app->profile.id != cs->profile_id) {
		struct tw_profile p;
		struct tw_error err = { 0 };
		if (tw_store_profile_get(app->store, cs->profile_id, &p, &err)) {
			cs->saved = app->profile;
			app->profile = p;
			tw_store_scope(app->store, p.id);
			cs->swapped = true;
		} else {
			tui_error(app, "%s", err.message);
		}
	}
	tui_checklist_reload(cs->cl, app);
	coach_panel_refresh(cs->panel);
	if (cs->writing) {
		int v = reflection_version(app, cs, cs->writing);
		if (v > cs->writing_version)
			mark(app, cs, cs->writing, TW_MARK_REFLECTED, 0, true);
		cs->writing = NULL;
	}
	note_visit(app, cs);
	set_title(cs);
}

static void put_back_profile(struct tui_app *app, struct coach *cs)
{
	if (!cs->swapped)
		return;
	tw_profile_finish(&app->profile);
	app->profile = cs->saved;
	tw_store_scope(app->store, app->profile.id);
	memset(&cs->saved, 0, sizeof(cs->saved));
	cs->swapped = false;
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct coach *cs = (struct coach *)s;
	if (!save_notes(app, cs) && !forced && !cs->notes_failed) {
		cs->notes_failed = true; /* a second q leaves anyway */
		return false;
	}
	if (!forced && !cs->ended)
		tui_msg(app, "coaching session %lld stays open: resume or end it from coach mode (c)",
			(long long)cs->id);
	put_back_profile(app, cs);
	return true;
}

static void on_tick(struct tui_app *app, struct tui_screen *s)
{
	struct coach *cs = (struct coach *)s;
	/* The notes autosave every few seconds while the coach types. */
	if (tui_editor_draft_due(coach_panel_notes(cs->panel), tui_now_ms()))
		save_notes(app, cs);
	set_title(cs);
}

static void end_session(struct tui_app *app, struct coach *cs)
{
	if (!save_notes(app, cs))
		return;
	struct tw_error err = { 0 };
	char *covered = coach_covered_text(app, cs->id, &err);
	if (!covered || !tw_store_coaching_end(app->store, cs->id, covered, &err)) {
		tui_error(app, "could not end the session: %s",
			  err.message[0] ? err.message : "no memory");
		free(covered);
		return;
	}
	free(covered);
	cs->ended = true;
	/* The summary is read while the session (and its sponsee's records)
	 * is still in front; leaving it puts the coach's profile back. */
	struct tui_screen *sum = coach_summary_open(app, cs->id);
	if (!tui_pop(app, false)) {
		if (sum)
			sum->ops->destroy(sum);
		return;
	}
	if (sum)
		tui_push(app, sum);
}

static void open_editor(struct tui_app *app, struct coach *cs)
{
	const struct tui_item_state *st = NULL;
	const struct tw_item *it = tui_checklist_item(cs->cl, &st, NULL);
	if (!it)
		return;
	if (st && st->is_private) {
		tui_msg(app, "private reflection: it stays closed in coach mode");
		return;
	}
	cs->writing = it;
	cs->writing_version = reflection_version(app, cs, it);
	int64_t occasion = tw_checkup_item(it->full_id) ? tui_checklist_meeting(cs->cl) : 0;
	tui_open(app, TUI_SCREEN_REFLECTION,
		 &(struct tui_args){ .item_id = it->full_id, .meeting_id = occasion });
}

static bool list_key(struct tui_app *app, struct coach *cs, wint_t k, bool code)
{
	const struct tui_item_state *st = NULL;
	const struct tw_item *it = tui_checklist_item(cs->cl, &st, NULL);
	enum tui_cl_result res = tui_checklist_key(cs->cl, app, k, code);
	switch (res) {
	case TUI_CL_OPEN_REFLECT:
		open_editor(app, cs);
		return true;
	case TUI_CL_TICKED:
		mark(app, cs, it, TW_MARK_TICKED, 0, st && st->ticked);
		break;
	case TUI_CL_RATED:
		mark(app, cs, it, TW_MARK_RATED, st ? st->rating : 0, st && st->rating);
		coach_panel_refresh(cs->panel);
		break;
	case TUI_CL_IGNORED:
		return false;
	default:
		break;
	}
	note_visit(app, cs);
	return true;
}

/* Where the keyboard is: the list, or the coach's notes (where q ? / and
 * letters are typed); and the question "end the session?". */
static bool on_list(const struct tui_screen *s)
{
	return !((const struct coach *)s)->right;
}

static bool in_notes(const struct tui_screen *s)
{
	return ((const struct coach *)s)->right;
}

static bool asking(const struct tui_screen *s)
{
	return ((const struct coach *)s)->confirm_end;
}

enum { A_TAB = 1, A_LIST, A_END, A_SAVE, A_TO_LIST, A_NO_SEARCH, A_NO_PRIVATE, A_LEAVE, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct coach *cs = (struct coach *)s;
	switch (action) {
	case A_TAB:
		set_right(cs, !cs->right);
		return true;
	case A_LIST:
		return list_key(app, cs, k, code);
	case A_END:
		cs->confirm_end = true;
		return true;
	case A_SAVE:
		if (save_notes(app, cs))
			tui_msg(app, "coach's notes saved");
		return true;
	case A_TO_LIST:
		set_right(cs, false);
		return true;
	case A_NO_SEARCH:
		tui_msg(app, "search is off in coach mode: it could show private reflections");
		return true;
	case A_NO_PRIVATE:
		tui_msg(app, "private or not is the sponsee's choice: not in coach mode");
		return true;
	}
	return false; /* q: the app's back; F1: its help */
}

/* The answer to "end the session?", and typing in the notes. */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct coach *cs = (struct coach *)s;
	if (cs->confirm_end) {
		cs->confirm_end = false;
		if (!code && (k == L'y' || k == L'Y'))
			end_session(app, cs);
		else
			tui_msg(app, "the session goes on");
		return true;
	}
	if (!cs->right)
		return false;
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return false;
	tui_editor_key(coach_panel_notes(cs->panel), k, code);
	return true;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct coach *cs = (struct coach *)s;
	tui_checklist_draw_title(cs->cl, app, r.y, r.x, r.w);
	const char *note = cs->confirm_end ? "End the session now? y ends it, any other key goes on"
					   : NULL;
	struct tui_rect body = { r.y + 1, r.x, r.h - 1, r.w };
	if (r.w >= 100) {
		int lw = r.w / 2;
		tui_checklist_draw(cs->cl, app, (struct tui_rect){ body.y, body.x, body.h, lw },
				   !cs->right);
		tui_vline(body.y, body.x + lw, body.h, tui_attr(app, TUI_DIM));
		cs->panel_rect = (struct tui_rect){ body.y, body.x + lw + 2, body.h, r.w - lw - 3 };
		coach_panel_draw(cs->panel, app, cs->panel_rect, cs->right, note);
	} else {
		int ph = body.h / 2 < 4 ? 4 : body.h / 2;
		int lh = body.h - ph - 1;
		if (lh < 2) {
			lh = 2;
			ph = body.h - lh - 1;
		}
		tui_checklist_draw(cs->cl, app, (struct tui_rect){ body.y, body.x, lh, body.w },
				   !cs->right);
		tui_hline(body.y + lh, body.x, body.w, tui_attr(app, TUI_DIM));
		cs->panel_rect = (struct tui_rect){ body.y + lh + 1, body.x + 1, ph, body.w - 2 };
		coach_panel_draw(cs->panel, app, cs->panel_rect, cs->right, note);
	}
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	struct coach *cs = (struct coach *)s;
	struct tui_rect p = cs->panel_rect;
	if (y >= p.y && y < p.y + p.h && x >= p.x && x < p.x + p.w) {
		set_right(cs, true); /* a click on the panel: write notes */
		return true;
	}
	if (!tui_checklist_click(cs->cl, y, x))
		return false;
	set_right(cs, false);
	note_visit(app, cs);
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct coach *cs = (struct coach *)s;
	tui_checklist_free(cs->cl);
	coach_panel_free(cs->panel);
	free(cs->visited.v);
	if (cs->swapped)
		tw_profile_finish(&cs->saved);
	free(cs->coach_name);
	free(cs->profile_name);
	free(cs);
}

static const struct tui_binding bindings[] = {
	{ A_TAB, { TUI_K('\t') }, "to the coach's notes", "notes", on_list, TUI_VERB_NONE },
	{ A_TAB, { TUI_K('\t') }, "back to the list", "list", in_notes, TUI_VERB_NONE },
	{ A_LIST, { TUI_K(' ') }, "tick a check item; open or close a section", "tick", on_list,
	  TUI_VERB_NONE },
	{ A_LIST, { TUI_KR('1', '5'), TUI_K('0') }, "rate a rate item (0 clears)", "rate", on_list,
	  TUI_VERB_NONE },
	{ A_LIST, { TUI_K('\n'), TUI_K('e') },
	  "the sponsee writes their reflection (enter also ticks a check item and opens or "
	  "closes a section)",
	  "write", on_list, TUI_VERB_EDIT },
	{ A_LIST, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) },
	  "move (the panel follows the focused item)", NULL, on_list, TUI_VERB_NONE },
	{ A_LIST, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) }, "first, last",
	  NULL, on_list, TUI_VERB_NONE },
	{ A_LIST, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) }, "a page up, down",
	  NULL, on_list, TUI_VERB_NONE },
	{ A_LIST, { TUI_K('h'), TUI_KC(KEY_LEFT), TUI_K('l'), TUI_KC(KEY_RIGHT) },
	  "collapse, expand the section", NULL, on_list, TUI_VERB_NONE },
	{ A_END, { TUI_K('E'), TUI_K(TUI_CTRL('x')) },
	  "end the session (asks first) and see the summary", "end", on_list, TUI_VERB_NONE },
	{ A_SAVE, { TUI_K(TUI_CTRL('s')) }, "save the coach's notes now (they autosave)", "save",
	  in_notes, TUI_VERB_NONE },
	{ A_SAVE, { TUI_K(TUI_CTRL('s')) }, "save the coach's notes now (they autosave)", NULL,
	  on_list, TUI_VERB_NONE },
	{ A_END, { TUI_K(TUI_CTRL('x')) }, "end the session (asks first) and see the summary",
	  "end", in_notes, TUI_VERB_NONE },
	{ A_TO_LIST, { TUI_K(TUI_ESC) }, "back to the list", "list", in_notes, TUI_VERB_BACK },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys (in the notes ? is text)", "keys", in_notes,
	  TUI_VERB_NONE },
	{ A_NO_SEARCH, { TUI_K('/') }, "(search is off in coach mode: it could show private text)",
	  NULL, on_list, TUI_VERB_SEARCH },
	{ A_NO_PRIVATE, { TUI_K(TUI_CTRL('p')) }, "(private or not is the sponsee's choice)", NULL,
	  on_list, TUI_VERB_NONE },
	{ A_LEAVE, { TUI_K('q') }, "leave; the session and what it covered stay for a resume",
	  NULL, on_list, TUI_VERB_BACK },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "privacy", "private reflections show only as \"private\"" },
	{ "[x] [3] [*]", "ticked, rated, reflected; [p] private" },
	{ NULL, NULL },
};
const struct tui_keymap coach_keys = { "coach", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "coach",
	.draw = draw,
	.keys = &coach_keys,
	.act = act,
	.asking = asking,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_leave = on_leave,
	.on_tick = on_tick,
	.click = click,
};

struct tui_screen *coach_session_open(struct tui_app *app, int64_t id, const char *guide_id)
{
	const struct tw_guide *g = tw_library_guide(app->lib, guide_id);
	if (!g) {
		tui_error(app, "no guide '%s' in the loaded content", guide_id);
		return NULL;
	}
	struct tw_coaching c;
	struct tw_profile p;
	struct tw_error err = { 0 };
	if (!tw_store_coaching_get(app->store, id, &c, &err)) {
		tui_error(app, "%s", err.message);
		return NULL;
	}
	if (!tw_store_profile_get(app->store, c.profile_id, &p, &err)) {
		tui_error(app, "%s", err.message);
		tw_coaching_finish(&c);
		return NULL;
	}
	struct coach *cs = calloc(1, sizeof(*cs));
	if (cs) {
		cs->base.ops = &ops;
		cs->id = id;
		cs->g = g;
		cs->started = c.started;
		cs->profile_id = c.profile_id;
		cs->coach_name = c.coach;
		cs->profile_name = p.name;
		c.coach = NULL;
		p.name = NULL;
		cs->cl = tui_checklist_new(g);
		cs->panel = coach_panel_new(c.notes);
		/* the check-up is walked in its latest run */
		int64_t run = 0;
		struct tw_error rerr = { 0 };
		if (cs->cl && cs->panel && strcmp(g->id, TW_CHECKUP_GUIDE) == 0 &&
		    tw_store_checkup_latest(app->store, c.profile_id, 0, &run, &rerr)) {
			tui_checklist_set_meeting(cs->cl, run);
			coach_panel_set_run(cs->panel, run);
		}
	}
	tw_coaching_finish(&c);
	tw_profile_finish(&p);
	if (cs && (!cs->cl || !cs->panel)) {
		destroy(&cs->base);
		cs = NULL;
	}
	if (!cs)
		return NULL;
	load_seen(app, cs);
	set_title(cs);
	return &cs->base;
}
