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
	struct tui_pager page;
};

static const struct tui_screen_ops *m_ops(bool held);

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
	v->base.ops = m_ops(v->held);
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

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct meeting_view *v = (struct meeting_view *)s;
	if (tui_pager_key(&v->page, k, code))
		return true;
	if (code)
		return false;
	if (k == L'p') {
		if (v->held)
			tui_msg(app, "that meeting is held: its agenda stays as it was; d edits the notes");
		else
			rec_push(app, meeting_prepare_open(app, v->id, 0));
		return true;
	}
	if (k == L'b') {
		rec_push(app, meeting_debrief_open(app, v->id));
		return true;
	}
	if (k == L'x' || k == L'i') {
		export_dialog_push(app, k == L'x' ? TUI_EXPORT_BRIEF : TUI_EXPORT_ICS, v->id);
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

static const struct tui_help help_planned[] = {
	{ "j/k, arrows", "scroll" },
	{ "g/G, PgUp/PgDn", "top/bottom, a page up/down" },
	{ "p", "prepare: walk the before-meeting guide, edit the agenda" },
	{ "b", "debrief: notes, outcome, action items; marks it held" },
	{ "x", "export this meeting's brief (Markdown)" },
	{ "i", "export all meetings for a calendar (.ics)" },
	{ "q, Esc", "back" },
	{ NULL, NULL },
};

static const struct tui_help help_held[] = {
	{ "j/k, arrows", "scroll" },
	{ "g/G, PgUp/PgDn", "top/bottom, a page up/down" },
	{ "b", "debrief again: edit notes, outcome, action items" },
	{ "x", "export this meeting's brief (Markdown)" },
	{ "i", "export all meetings for a calendar (.ics)" },
	{ "q, Esc", "back" },
	{ NULL, NULL },
};

/* A held meeting is not prepared again: its keys leave p out. */
static const struct tui_screen_ops ops_planned = {
	.name = "meeting",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload */
	.help = help_planned,
	.footer = "p prepare  b debrief  x brief  i .ics",
};

static const struct tui_screen_ops ops_held = {
	.name = "meeting",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload */
	.help = help_held,
	.footer = "b debrief  x brief  i .ics",
};

static const struct tui_screen_ops *m_ops(bool held)
{
	return held ? &ops_held : &ops_planned;
}

struct tui_screen *meeting_view_open(struct tui_app *app, int64_t id)
{
	struct meeting_view *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->base.ops = &ops_planned;
	v->id = id;
	if (!load(app, v)) {
		tui_pager_finish(&v->page);
		free(v);
		return NULL;
	}
	return &v->base;
}
