/* One meeting, read-only: its status and date, the agenda (made live:
 * agenda_live.c), notes and outcome and its action items, as one scrolling
 * page (pager.h); p prepares a planned meeting, b debriefs it, r
 * regenerates the agenda (asks first; u undoes), x exports its brief or the
 * send-ahead agenda, i the calendar. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export_dialog.h"
#include "pager.h"
#include "records.h"
#include "twoway/agenda.h"
#include "twoway/util.h"

struct meeting_view {
	struct tui_screen base;
	int64_t id;
	bool held;
	tw_time when;
	bool asked;  /* d once on a future meeting: the next d debriefs it */
	bool regen_asked; /* r once over hand-written text: the next r does it */
	bool hand;   /* the agenda has a hand-written part */
	char *undo;  /* the hand part a regenerate replaced, until u or leaving */
	struct tui_pager page;
};

static void add(char **acc, const char *a, const char *b)
{
	if (!*acc)
		return;
	char *n = tw_strdup_printf("%s%s%s", *acc, a, b ? b : "");
	free(*acc);
	*acc = n;
}

static bool load(struct tui_app *app, struct meeting_view *v)
{
	struct tw_meeting m;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_get(app->store, v->id, &m, &err)) {
		tui_error(app, "%s", err.message);
		return false;
	}
	char when[32];
	tw_time_format(m.when, when, sizeof(when));
	v->held = m.held;
	v->when = m.when;
	bool past = !m.held && m.when < (tw_time)time(NULL);
	/* The title bar names the sponsor and the state; the page starts with
	 * the date. */
	char *t = tw_strdup_printf("When: %s%s\n", when,
				   past ? "\nThe date has passed and it is not marked held: b debriefs it."
					: "");
	char today[11];
	tw_today(today, sizeof(today));
	v->hand = tw_text_nonblank(m.agenda);
	char *agenda = tw_agenda_render(app->lib, app->store, v->id, today, &err);
	if (!agenda)
		tui_error(app, "%s", err.message);
	add(&t, "\n# Agenda\n", agenda && *agenda ? agenda
				: m.held ? "(none)" : "(none yet: p prepares it)");
	free(agenda);
	if (m.keep && *m.keep)
		add(&t, "\nIf time runs short, keep: ", m.keep);
	if (m.held || (m.notes && *m.notes))
		add(&t, "\n\n# Notes\n", m.notes && *m.notes ? m.notes : "(none)");
	if (m.held || (m.outcome && *m.outcome))
		add(&t, "\n\n# Outcome\n", m.outcome && *m.outcome ? m.outcome : "(none)");
	struct tw_action *acts = NULL;
	size_t n = 0;
	if (!tw_store_action_list(app->store, app->profile.id, v->id, TW_ACTIONS_ALL, today, &acts,
				  &n, &err))
		tui_error(app, "%s", err.message);
	add(&t, "\n\n# Action items\n", n ? NULL : "(none: b debriefs and adds them)");
	for (size_t i = 0; i < n && t; i++) {
		/* One line per item, so a wrapped one hangs under its text. */
		for (char *c = acts[i].text; c && *c; c++)
			if (*c == '\n' || *c == '\r')
				*c = ' ';
		char *line = tw_strdup_printf("[%c] %s (%s%s%s)\n", acts[i].done[0] ? 'x' : ' ',
					      acts[i].text ? acts[i].text : "",
					      acts[i].owner == TW_OWNER_SPONSOR ? "sponsor" : "me",
					      acts[i].due[0] ? ", due " : "", acts[i].due);
		add(&t, line ? line : "", NULL);
		free(line);
	}
	tw_actions_free(acts, n);
	tui_screen_set_title(&v->base, "Meeting with %s, %s", m.sponsor_name ? m.sponsor_name : "?",
			     m.held ? "held" : "planned");
	tw_meeting_finish(&m);
	if (!t) {
		tui_error(app, "out of memory");
		return false;
	}
	bool ok = tui_pager_set_text(&v->page, t);
	free(t);
	if (!ok)
		tui_error(app, "out of memory");
	return ok;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct meeting_view *)s);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	tui_pager_draw(&((struct meeting_view *)s)->page, app, r);
}

enum { A_SCROLL = 1, A_PREPARE, A_HELD, A_DEBRIEF, A_BRIEF, A_ICS, A_REGEN, A_UNDO };

/* r: the hand-written agenda goes, the answers show live again; over
 * hand-written text it asks first, and u then puts the text back. */
static void regenerate(struct tui_app *app, struct meeting_view *v, bool asked)
{
	struct tw_error err = { 0 };
	char *previous = NULL;
	if (!v->hand) {
		tui_msg(app, "the agenda is made from your answers already: nothing written by hand");
	} else if (!asked) {
		v->regen_asked = true;
		tui_msg(app, "replace your written agenda with a fresh one from your answers? "
			     "r again: yes (u then undoes it)");
	} else if (!tw_agenda_regenerate(app->store, v->id, &previous, &err)) {
		tui_error(app, "not regenerated: %s", err.message);
	} else {
		free(v->undo);
		v->undo = previous;
		load(app, v);
		tui_msg(app, "agenda made fresh from your answers; u undoes it");
	}
}

static void undo(struct tui_app *app, struct meeting_view *v)
{
	struct tw_error err = { 0 };
	if (!v->undo) {
		tui_msg(app, "nothing to undo here");
	} else if (!tw_agenda_undo(app->store, v->id, v->undo, &err)) {
		tui_error(app, "not undone: %s", err.message);
	} else {
		free(v->undo);
		v->undo = NULL;
		load(app, v);
		tui_msg(app, "your written agenda is back");
	}
}

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct meeting_view *v = (struct meeting_view *)s;
	bool asked = v->asked, regen_asked = v->regen_asked;
	v->asked = false;
	v->regen_asked = false;
	switch (action) {
	case A_REGEN:
		regenerate(app, v, regen_asked);
		return true;
	case A_UNDO:
		undo(app, v);
		return true;
	case A_SCROLL:
		return tui_pager_key(&v->page, k, code);
	case A_PREPARE:
		rec_push(app, meeting_prepare_open(app, v->id, 0));
		return true;
	case A_HELD:
		tui_msg(app, "that meeting is held: its agenda stays as it was; b edits the notes");
		return true;
	case A_DEBRIEF:
		if (!asked && rec_debrief_early(app, v->held, v->when))
			v->asked = true;
		else
			rec_push(app, meeting_debrief_open(app, v->id));
		return true;
	case A_BRIEF:
	case A_ICS:
		export_dialog_push(app, action == A_BRIEF ? TUI_EXPORT_BRIEF : TUI_EXPORT_ICS, v->id);
		return true;
	}
	return false;
}

static void destroy(struct tui_screen *s)
{
	struct meeting_view *v = (struct meeting_view *)s;
	tui_pager_finish(&v->page);
	free(v->undo);
	free(v);
}

/* A held meeting is not prepared again: its keys leave p out. */
static bool planned(const struct tui_screen *s)
{
	return !((const struct meeting_view *)s)->held;
}

static bool held(const struct tui_screen *s)
{
	return ((const struct meeting_view *)s)->held;
}

static bool can_undo(const struct tui_screen *s)
{
	return ((const struct meeting_view *)s)->undo != NULL;
}

static const struct tui_binding bindings[] = {
	{ A_SCROLL, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) }, "scroll",
	  NULL, NULL, TUI_VERB_NONE },
	{ A_SCROLL, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) }, "top, bottom",
	  NULL, NULL, TUI_VERB_NONE },
	{ A_SCROLL, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) },
	  "a page up, down", NULL, NULL, TUI_VERB_NONE },
	{ A_PREPARE, { TUI_K('p') }, "prepare: walk the before-meeting guide, edit the agenda",
	  "prepare", planned, TUI_VERB_NONE },
	{ A_HELD, { TUI_K('p') }, "(held: the agenda stays as it was; b edits the notes)", NULL,
	  held, TUI_VERB_NONE },
	{ A_DEBRIEF, { TUI_K('b') }, "debrief: notes, outcome, action items; marks it held",
	  "debrief", planned, TUI_VERB_NONE },
	{ A_DEBRIEF, { TUI_K('b') }, "debrief again: edit notes, outcome, action items", "debrief",
	  held, TUI_VERB_NONE },
	{ A_BRIEF, { TUI_K('x') },
	  "export your brief (in it, Tab: the agenda)", "brief", NULL,
	  TUI_VERB_EXPORT },
	{ A_ICS, { TUI_K('i') }, "export all meetings for a calendar (.ics)", ".ics", NULL,
	  TUI_VERB_NONE },
	{ A_REGEN, { TUI_K('r') },
	  "regenerate the agenda from your answers (asks first; u undoes)", "regenerate",
	  planned, TUI_VERB_NONE },
	{ A_UNDO, { TUI_K('u') }, "undo the regenerate: your written agenda back", "undo",
	  can_undo, TUI_VERB_UNDO },
	{ 0 },
};
const struct tui_keymap meeting_view_keys = { "meeting", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "meeting",
	.draw = draw,
	.keys = &meeting_view_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload */
};

struct tui_screen *meeting_view_open(struct tui_app *app, int64_t id)
{
	struct meeting_view *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->base.ops = &ops;
	v->id = id;
	if (!load(app, v)) {
		tui_pager_finish(&v->page);
		free(v);
		return NULL;
	}
	return &v->base;
}
