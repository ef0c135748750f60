/* One meeting, read-only: sponsor, date, status, the agenda, notes and
 * outcome and its action items, as one scrolling wrapped text; p prepares
 * (planned meetings), d debriefs it, x exports its brief, i the calendar. */
#include <stdlib.h>
#include <string.h>

#include "export_dialog.h"
#include "records.h"
#include "twoway/util.h"

struct meeting_view {
	struct tui_screen base;
	int64_t id;
	bool held;
	wchar_t *text;
	size_t len;
	struct tui_line *lines;
	size_t n_lines, top;
	int rows;
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
	char *t = tw_strdup_printf("# Meeting with %s, %s\nWhen: %s\n", m.sponsor_name ? m.sponsor_name : "?",
				   m.held ? "held" : "planned", when);
	add(&t, "\n# Agenda\n", m.agenda && *m.agenda ? m.agenda : "(none yet: p prepares it)");
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
	add(&t, "\n\n# Action items\n", n ? NULL : "(none: d debriefs and adds them)");
	for (size_t i = 0; i < n; i++) {
		char line[600];
		snprintf(line, sizeof(line), "[%c] %.400s (%s%s%s)\n", acts[i].done[0] ? 'x' : ' ',
			 acts[i].text, acts[i].owner == TW_OWNER_SPONSOR ? "sponsor" : "me",
			 acts[i].due[0] ? ", due " : "", acts[i].due);
		add(&t, line, NULL);
	}
	tw_actions_free(acts, n);
	tui_screen_set_title(&v->base, "Meeting with %s", m.sponsor_name ? m.sponsor_name : "?");
	tw_meeting_finish(&m);
	if (!t) {
		tui_error(app, "out of memory");
		return false;
	}
	free(v->text);
	v->text = tui_wcs_from_utf8(t, &v->len);
	free(t);
	free(v->lines);
	v->lines = NULL;
	v->n_lines = 0;
	return v->text != NULL;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct meeting_view *)s);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct meeting_view *v = (struct meeting_view *)s;
	if (!v->text)
		return;
	int w = r.w - 2;
	size_t n = tui_wrap(v->text, v->len, w, NULL, 0);
	struct tui_line *lines = realloc(v->lines, n * sizeof(*lines));
	if (!lines)
		return;
	v->lines = lines;
	v->n_lines = tui_wrap(v->text, v->len, w, lines, n);
	v->rows = r.h;
	if (v->n_lines <= (size_t)r.h)
		v->top = 0;
	else if (v->top > v->n_lines - (size_t)r.h)
		v->top = v->n_lines - (size_t)r.h;
	for (int i = 0; i < r.h && v->top + (size_t)i < v->n_lines; i++) {
		const struct tui_line *l = &lines[v->top + (size_t)i];
		const wchar_t *p = v->text + l->start;
		size_t len = l->end - l->start;
		attr_t a = A_NORMAL;
		if (len && p[0] == L'#' && (l->start == 0 || v->text[l->start - 1] == L'\n')) {
			while (len && (p[0] == L'#' || p[0] == L' ')) {
				p++;
				len--;
			}
			a = tui_attr(app, TUI_HEADING);
		}
		tui_wtext(r.y + i, r.x + 1, w, p, len, a);
	}
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct meeting_view *v = (struct meeting_view *)s;
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav != TUI_NAV_NONE) {
		/* Scroll the text: the cursor is the top line. */
		size_t max = v->n_lines > (size_t)v->rows ? v->n_lines - (size_t)v->rows + 1 : 1;
		tui_nav_apply(nav, &v->top, max, v->rows);
		return true;
	}
	if (code)
		return false;
	if (k == L'p') {
		if (v->held)
			tui_msg(app, "that meeting is held already");
		else
			rec_push(app, meeting_prepare_open(app, v->id, 0));
		return true;
	}
	if (k == L'd') {
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
	free(v->text);
	free(v->lines);
	free(v);
}

static const struct tui_help help[] = {
	{ "j/k, arrows", "scroll" },
	{ "g/G, PgUp/PgDn", "top/bottom, a page up/down" },
	{ "p", "prepare: walk the before-meeting guide, edit the agenda" },
	{ "d", "debrief: notes, outcome, action items" },
	{ "x", "export this meeting's brief (Markdown)" },
	{ "i", "export all meetings for a calendar (.ics)" },
	{ "q, Esc", "back" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "meeting",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.help = help,
	.footer = "p prepare  d debrief  x brief  i .ics",
};

struct tui_screen *meeting_view_open(struct tui_app *app, int64_t id)
{
	struct meeting_view *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->base.ops = &ops;
	v->id = id;
	v->rows = 1;
	if (!load(app, v)) {
		free(v->text);
		free(v);
		return NULL;
	}
	return &v->base;
}
