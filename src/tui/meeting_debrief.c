/* Debriefing a meeting: walk the "after-meeting" guide, then notes and
 * outcome (prefilled from its answers by tw_debrief_prefill) are saved and
 * the meeting marked held; action items with owner and due date are added
 * and ticked off below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form.h"
#include "listview.h"
#include "records.h"
#include "twoway/agenda.h"
#include "twoway/util.h"
#include "twoway/when.h"

enum { F_NOTES, F_OUTCOME, F_COUNT };
enum { A_TEXT, A_OWNER, A_DUE, A_COUNT };
static const char *const owners[] = { "me", "sponsor" };

struct debrief {
	struct tui_screen base;
	int64_t id;
	char title[200];
	bool walked, walking, saved_once, discard_asked;
	bool private_asked;       /* Ctrl-P asked once: again puts private answers in */
	struct tui_form fm;
	bool in_actions;          /* focus on the action list */
	struct tw_action *acts;
	size_t n_acts;
	struct tui_list list;
	bool adding;              /* the add-action form is open */
	struct tui_form add;
};

static void load_actions(struct tui_app *app, struct debrief *d)
{
	tw_actions_free(d->acts, d->n_acts);
	d->acts = NULL;
	d->n_acts = 0;
	char today[11];
	tw_today(today, sizeof(today));
	struct tw_error err = { 0 };
	if (!tw_store_action_list(app->store, app->profile.id, d->id, TW_ACTIONS_ALL, today, &d->acts,
				  &d->n_acts, &err))
		tui_error(app, "%s", err.message);
	tui_list_set_count(&d->list, d->n_acts);
}

static void prefill(struct tui_app *app, struct debrief *d)
{
	char *notes = NULL, *outcome = NULL;
	struct tw_error err = { 0 };
	if (!tw_debrief_prefill(app->lib, app->store, app->profile.id, d->id, &notes, &outcome,
				&err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	char *cur_n = tui_form_text(&d->fm, F_NOTES), *cur_o = tui_form_text(&d->fm, F_OUTCOME);
	if (cur_n && !tw_text_nonblank(cur_n) && *notes)
		tui_form_set_text(&d->fm, F_NOTES, notes);
	if (cur_o && !tw_text_nonblank(cur_o) && *outcome)
		tui_form_set_text(&d->fm, F_OUTCOME, outcome);
	free(cur_n);
	free(cur_o);
	free(notes);
	free(outcome);
	tui_msg(app, "notes and outcome from your answers: edit them, Ctrl-S saves");
}

/* Private answers stay out of the notes unless the sponsee puts them in
 * on purpose: Ctrl-P asks, Ctrl-P again does it. */
static void insert_private(struct tui_app *app, struct debrief *d)
{
	char *answers[TW_SLOT_COUNT];
	if (!meeting_private_confirm(app, d->id, TW_AGENDA_AFTER_GUIDE, &d->private_asked,
				     "put your private answers in the notes, where a coach may read them?",
				     answers))
		return;
	char *n = tui_form_text(&d->fm, F_NOTES), *o = tui_form_text(&d->fm, F_OUTCOME);
	char *n2 = NULL, *o2 = NULL;
	if (n && o && tw_debrief_insert_private(n, o, answers, &n2, &o2)) {
		tui_form_set_text(&d->fm, F_NOTES, n2);
		tui_form_set_text(&d->fm, F_OUTCOME, o2);
		tui_msg(app, "your private answers are in the notes now");
	} else {
		tui_error(app, "out of memory");
	}
	free(n);
	free(o);
	free(n2);
	free(o2);
	tw_agenda_answers_free(answers);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct debrief *d = (struct debrief *)s;
	if (!d->walked) {
		d->walked = true;
		if (tw_library_guide(app->lib, TW_AGENDA_AFTER_GUIDE) &&
		    tui_open(app, TUI_SCREEN_GUIDE,
			     &(struct tui_args){ .item_id = TW_AGENDA_AFTER_GUIDE,
						 .meeting_id = d->id })) {
			d->walking = true;
			tui_msg(app, "walk the after-meeting guide; q comes back to the debrief");
			return;
		}
	}
	if (d->walking) {
		d->walking = false;
		prefill(app, d);
	}
	load_actions(app, d);
}

static bool save(struct tui_app *app, struct debrief *d)
{
	char *notes = tui_form_text(&d->fm, F_NOTES), *outcome = tui_form_text(&d->fm, F_OUTCOME);
	bool ok = notes && outcome;
	struct tw_error err = { 0 };
	if (!ok)
		tui_error(app, "out of memory");
	else if (!tw_text_valid(notes, strlen(notes)) || !tw_text_valid(outcome, strlen(outcome)))
		ok = false, tui_error(app, "the notes have control characters; not saved");
	else if (!(ok = tw_store_meeting_mark_held(app->store, d->id, notes, outcome, &err)))
		tui_error(app, "not saved: %s", err.message);
	free(notes);
	free(outcome);
	if (ok) {
		tui_form_mark_saved(&d->fm);
		d->saved_once = true;
		tui_msg(app, "meeting marked held; notes and outcome saved");
	}
	return ok;
}

static bool add_action(struct tui_app *app, struct debrief *d)
{
	char *text = tui_form_text(&d->add, A_TEXT), *due = tui_form_text(&d->add, A_DUE);
	bool ok = false;
	char day[11] = "", msg[256];
	if (!text || !due) {
		tui_error(app, "out of memory");
	} else if (!tw_text_nonblank(text) || !tw_text_valid(text, strlen(text))) {
		tui_error(app, "an action item needs some text; nothing added");
		tui_form_focus(&d->add, A_TEXT);
	} else if (tw_text_nonblank(due) &&
		   !tw_when_parse_date(due, (tw_time)time(NULL), day, msg, sizeof msg)) {
		tui_error(app, "%s", msg);
		tui_form_focus(&d->add, A_DUE);
	} else {
		struct tw_action a = { 0 };
		struct tw_error err = { 0 };
		a.profile_id = app->profile.id;
		a.meeting_id = d->id;
		a.text = text;
		a.owner = tui_form_get_choice(&d->add, A_OWNER) ? TW_OWNER_SPONSOR : TW_OWNER_ME;
		snprintf(a.due, sizeof(a.due), "%s", day);
		ok = tw_store_action_add(app->store, &a, &err);
		if (ok) {
			char echo[32];
			tw_when_echo_date(day, echo, sizeof echo);
			tui_msg(app, "action item %lld added%s%s", (long long)a.id,
				*day ? ", due " : "", *day ? echo : "");
			load_actions(app, d);
			for (size_t i = 0; i < d->n_acts; i++)
				if (d->acts[i].id == a.id)
					tui_list_focus(&d->list, i);
		} else {
			tui_error(app, "not added: %s", err.message);
		}
	}
	free(text);
	free(due);
	return ok;
}

static bool open_add(struct debrief *d)
{
	tui_form_free(&d->add);
	if (!tui_form_init(&d->add, A_COUNT) || !tui_form_line(&d->add, A_TEXT, "Action", "", 500) ||
	    !tui_form_line(&d->add, A_DUE, "Due", "", 40))
		return false;
	tui_form_choice(&d->add, A_OWNER, "Owner", owners, NULL, 2, 0);
	tui_form_hint(&d->add, A_DUE, "fri, +3d, 2026-12-07 or empty; enter adds");
	tui_form_date(&d->add, A_DUE, true);
	d->adding = true;
	return true;
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct debrief *d = (struct debrief *)s;
	if (d->adding && tui_form_changed(&d->add) && !add_action(app, d) && !forced &&
	    !d->discard_asked) {
		d->discard_asked = true;
		return false;
	}
	d->adding = false;
	if (!tui_form_changed(&d->fm) || save(app, d) || forced || d->discard_asked)
		return true;
	d->discard_asked = true;
	return false;
}

static bool key_actions(struct tui_app *app, struct debrief *d, wint_t k, bool code)
{
	if (d->adding) {
		enum tui_form_result r = tui_form_key(&d->add, k, code);
		if (r == TUI_FORM_SUBMIT && add_action(app, d))
			d->adding = false;
		return r != TUI_FORM_IGNORED || !(code || k < 0x20);
	}
	if (tui_list_key(&d->list, k, code))
		return true;
	if (code)
		return false;
	if (k == L'a') {
		if (!open_add(d))
			tui_error(app, "out of memory");
		return true;
	}
	if (k == L' ' && d->n_acts) {
		struct tw_action *a = &d->acts[d->list.cursor];
		struct tw_error err = { 0 };
		if (!tw_store_action_done(app->store, a->id, a->done[0] ? "" : NULL, &err))
			tui_error(app, "%s", err.message);
		load_actions(app, d);
		return true;
	}
	return false;
}

/* Where the focus is: the notes and outcome, the action list, or the
 * line that adds an action item. */
static bool adding(const struct tui_screen *s)
{
	return ((const struct debrief *)s)->adding;
}

static bool not_adding(const struct tui_screen *s)
{
	return !adding(s);
}

static bool in_list(const struct tui_screen *s)
{
	const struct debrief *d = (const struct debrief *)s;
	return d->in_actions && !d->adding;
}

static bool in_notes(const struct tui_screen *s)
{
	const struct debrief *d = (const struct debrief *)s;
	return !d->in_actions && !d->adding;
}

static bool not_in_notes(const struct tui_screen *s)
{
	return !in_notes(s);
}

enum { A_ACTIONS = 1, A_TAB, A_SAVE, A_WALK, A_PRIVATE, A_ESC, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct debrief *d = (struct debrief *)s;
	switch (action) {
	case A_ESC:
		if (d->adding && !tui_form_changed(&d->add))
			d->adding = false;
		else
			tui_pop(app, false);
		return true;
	case A_KEYS:
		return false; /* the app's help */
	default:
		break;
	}
	d->discard_asked = false;
	if (action != A_PRIVATE)
		d->private_asked = false;
	switch (action) {
	case A_PRIVATE:
		insert_private(app, d);
		return true;
	case A_SAVE:
		if (save(app, d))
			tui_pop(app, false);
		return true;
	case A_WALK:
		d->walked = false;
		on_focus(app, s);
		return true;
	case A_TAB: {
		bool tab = !code && k == L'\t';
		if (d->in_actions) {
			d->in_actions = false;
			tui_form_focus(&d->fm, tab ? F_NOTES : F_OUTCOME);
		} else if ((tab && d->fm.focus == F_OUTCOME) || (!tab && d->fm.focus == F_NOTES)) {
			d->in_actions = true;
		} else {
			tui_form_focus(&d->fm, tab ? F_OUTCOME : F_NOTES);
		}
		return true;
	}
	case A_ACTIONS:
		return key_actions(app, d, k, code);
	}
	return false;
}

/* Typing: notes and outcome, or the new action item's fields. */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct debrief *d = (struct debrief *)s;
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return false;
	d->discard_asked = false;
	d->private_asked = false;
	if (d->in_actions)
		return key_actions(app, d, k, code);
	tui_form_key(&d->fm, k, code);
	return true;
}

static void action_row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		       attr_t sel_attr)
{
	const struct tw_action *a = &((struct debrief *)ctx)->acts[k];
	attr_t at = sel ? sel_attr : (a->done[0] ? tui_attr(app, TUI_DONE) : A_NORMAL);
	char *line = tw_strdup_printf("[%c] %s (%s%s%s)", a->done[0] ? 'x' : ' ', a->text,
				      a->owner == TW_OWNER_SPONSOR ? "sponsor" : "me",
				      a->due[0] ? ", due " : "", a->due);
	tui_text_clip(y, x + 1, w - 2, line, at);
	free(line);
}

static void draw_actions(struct tui_app *app, struct debrief *d, struct tui_rect r)
{
	tui_text(r.y, r.x + 1, r.w - 2,
		 d->in_actions ? "Action items  (a adds, space ticks)" : "Action items  (Tab here)",
		 d->in_actions ? tui_attr(app, TUI_KEY) | A_BOLD : tui_attr(app, TUI_HEADING));
	struct tui_rect lr = { r.y + 1, r.x, r.h - 1, r.w };
	if (d->adding) {
		int fh = lr.h < 4 ? lr.h : 4;
		tui_form_draw(&d->add, app, (struct tui_rect){ lr.y + lr.h - fh, lr.x, fh, lr.w });
		lr.h -= fh;
	}
	if (!d->n_acts && lr.h > 0)
		tui_text(lr.y, lr.x + 3, lr.w - 4, "none yet", tui_attr(app, TUI_DIM));
	if (lr.h > 0)
		tui_list_draw(&d->list, app, lr, d->in_actions && !d->adding, action_row, d);
	tui_list_draw_position(&d->list, app, r.y, r.x + r.w - 1);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct debrief *d = (struct debrief *)s;
	tui_text(r.y, r.x + 1, r.w - 2, d->title, tui_attr(app, TUI_HEADING));
	int body = r.h - 1;
	int ah = body * 2 / 5 < 3 ? 3 : body * 2 / 5;
	int fh = body - ah;
	int each = fh / 2 - 1;
	d->fm.f[F_NOTES].rows = d->fm.f[F_OUTCOME].rows = each < 2 ? 2 : each;
	struct tui_rect fr = { r.y + 1, r.x, fh, r.w };
	if (d->in_actions) {
		/* Draw the form unfocused: no field gets the cursor. */
		size_t keep = d->fm.focus;
		d->fm.focus = F_COUNT;
		tui_form_draw(&d->fm, app, fr);
		d->fm.focus = keep;
	} else {
		tui_form_draw(&d->fm, app, fr);
	}
	draw_actions(app, d, (struct tui_rect){ r.y + 1 + fh, r.x, ah, r.w });
}

static void destroy(struct tui_screen *s)
{
	struct debrief *d = (struct debrief *)s;
	tui_form_free(&d->fm);
	tui_form_free(&d->add);
	tw_actions_free(d->acts, d->n_acts);
	free(d);
}

static const struct tui_binding bindings[] = {
	{ A_ACTIONS, { TUI_K('a') }, "add an action item (Tab: owner, due date)", "add action",
	  in_list, TUI_VERB_ADD },
	{ A_ACTIONS, { TUI_K(' ') }, "tick the action item done / open again", "tick", in_list,
	  TUI_VERB_NONE },
	{ A_TAB, { TUI_K('\t'), TUI_KC(KEY_BTAB) }, "next, previous: notes, outcome, action items",
	  "next", in_notes, TUI_VERB_NONE },
	{ A_TAB, { TUI_K('\t'), TUI_KC(KEY_BTAB) }, "back to the notes, the outcome", "notes",
	  in_list, TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('\t'), TUI_KC(KEY_BTAB) }, "next, previous field", "next field",
	  adding, TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('\n') }, "add it", "add", adding, TUI_VERB_NONE },
	{ A_SAVE, { TUI_K(TUI_CTRL('s')) }, "save, mark the meeting held and go back", "save",
	  not_adding, TUI_VERB_NONE },
	{ A_WALK, { TUI_K(TUI_CTRL('w')) }, "walk the after-meeting guide again", "walk guide",
	  in_notes, TUI_VERB_NONE },
	{ A_WALK, { TUI_K(TUI_CTRL('w')) }, "walk the after-meeting guide again", NULL,
	  not_in_notes, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('p')) },
	  "put your private answers in (asks first; they are left out)", "private",
	  in_notes, TUI_VERB_NONE },
	{ A_ESC, { TUI_K(TUI_ESC) }, "go back (saves when changed)", "done", not_adding,
	  TUI_VERB_BACK },
	{ A_ESC, { TUI_K(TUI_ESC) }, "cancel the new action item (go back once it has text)",
	  "cancel", adding, TUI_VERB_BACK },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) },
	  "move in the action items", NULL, in_list, TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) }, "first, last",
	  NULL, in_list, TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) },
	  "a page up, down", NULL, in_list, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "edits the notes, the outcome, a new action item (q ? / are text)" },
	{ NULL, NULL },
};
const struct tui_keymap meeting_debrief_keys = { "debrief", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "debrief",
	.draw = draw,
	.keys = &meeting_debrief_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_leave = on_leave,
};

struct tui_screen *meeting_debrief_open(struct tui_app *app, int64_t id)
{
	struct tw_meeting m;
	struct tw_error err = { 0 };
	if (!id || !tw_store_meeting_get(app->store, id, &m, &err)) {
		tui_error(app, "%s", id ? err.message : "no meeting to debrief");
		return NULL;
	}
	struct debrief *d = calloc(1, sizeof(*d));
	bool ok = d && tui_form_init(&d->fm, F_COUNT) &&
		  tui_form_notes(&d->fm, F_NOTES, "Notes: what was said", m.notes, 4) &&
		  tui_form_notes(&d->fm, F_OUTCOME, "Outcome: what came of it", m.outcome, 4);
	if (ok) {
		d->base.ops = &ops;
		d->id = id;
		char w[32];
		tw_time_format(m.when, w, sizeof(w));
		snprintf(d->title, sizeof(d->title), "Debrief: %s, %s%s",
			 m.sponsor_name ? m.sponsor_name : "?", w, m.held ? " (held)" : "");
		tui_screen_set_title(&d->base, "Debrief meeting %lld", (long long)id);
		d->saved_once = m.held;
	} else if (d) {
		tui_form_free(&d->fm);
		free(d);
		d = NULL;
	}
	tw_meeting_finish(&m);
	return d ? &d->base : NULL;
}
