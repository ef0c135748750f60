/* One meeting, read-only: its status and date, the agenda, notes and
 * outcome and its action items, as one scrolling page (pager.h); p prepares
 * a planned meeting, b debriefs it, x exports its brief, i the calendar. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export_dialog.h"
#include "pager.h"
#include "records.h"
#include "twoway/util.h"

struct meeting_view {
	struct tui_screen base;
	int64_t id;
	bool held;
	tw_time when;
	bool asked;  /* d once on a future meeting: the next d debriefs it */
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
	add(&t, "\n# Agenda\n", m.agenda && *m.agenda ? m.agenda
				  : m.held ? "(none)" : "(none yet: p prepares it)");
	if (m.held || (m.notes && *m.notes))
		add(&t, "\n\n# Notes\n", m.notes && *m.notes ? m.notes : "(none)");
	if (m.held || (m.outcome && *m.outcome))
		add(&t, "\n\n# Outcome\n", m.outcome && *m.outcome ? m.outcome : "(none)");
	struct tw_action *acts = NULL;
	size_t n = 0;
	char today[11];
	tw_today(today, sizeof(today));
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

enum { A_SCROLL = 1, A_PREPARE, A_HELD, A_DEBRIEF, A_BRIEF, A_ICS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct meeting_view *v = (struct meeting_view *)s;
	bool asked = v->asked;
	v->asked = false;
	switch (action) {
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
	{ A_BRIEF, { TUI_K('x') }, "export this meeting's brief (Markdown)", "brief", NULL,
	  TUI_VERB_EXPORT },
	{ A_ICS, { TUI_K('i') }, "export all meetings for a calendar (.ics)", ".ics", NULL,
	  TUI_VERB_NONE },
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
