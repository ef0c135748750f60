/* The meetings screen: upcoming planned meetings first (soonest first),
 * then held and past ones (newest first), under a heading each; a planned
 * meeting whose date has passed is flagged and offers its debrief. Enter
 * views one, a adds (prepares) one, e/p prepare it again, b debriefs, d deletes
 * (u undoes right after), x exports CSV, i iCalendar.
 * Also opens the prepare/debrief modes. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export_dialog.h"
#include "listview.h"
#include "records.h"
#include "twoway/util.h"
#include "twoway/when.h"

#define HEAD_UPCOMING ((size_t)-1)
#define HEAD_PAST ((size_t)-2)

struct meetings {
	struct tui_screen base;
	struct tw_meeting *v;   /* by time, as the store lists them */
	size_t n;
	size_t *rows;           /* display order: an index into v, or a HEAD_* */
	size_t n_upcoming;
	tw_time now;            /* when the list was grouped */
	struct tui_list list;
	int sponsor_w, agenda_x, agenda_w; /* columns as last drawn */
	int64_t want, deleted;
	int64_t asked;          /* a future meeting d was pressed on once */
	int64_t newest;         /* the newest id when n was pressed: focus a newer one */
};

static bool is_head(const void *ctx, size_t k)
{
	const struct meetings *m = ctx;
	return m->rows[k] == HEAD_UPCOMING || m->rows[k] == HEAD_PAST;
}

static const struct tw_meeting *focused(const struct meetings *m)
{
	if (!m->list.n || is_head(m, m->list.cursor))
		return NULL;
	return &m->v[m->rows[m->list.cursor]];
}

static bool past_planned(const struct meetings *m, const struct tw_meeting *mt)
{
	return !mt->held && mt->when < m->now;
}

/* Upcoming (planned, not yet due) soonest first; the rest newest first. */
static void group(struct meetings *m)
{
	free(m->rows);
	m->rows = malloc((m->n + 2) * sizeof(*m->rows));
	if (!m->rows) {
		tui_list_set_count(&m->list, 0);
		return;
	}
	m->now = (tw_time)time(NULL);
	size_t k = 0;
	m->rows[k++] = HEAD_UPCOMING;
	for (size_t i = 0; i < m->n; i++)
		if (!m->v[i].held && m->v[i].when >= m->now)
			m->rows[k++] = i;
	m->n_upcoming = k - 1;
	if (m->n_upcoming < m->n) {
		m->rows[k++] = HEAD_PAST;
		for (size_t i = m->n; i-- > 0;)
			if (m->v[i].held || m->v[i].when < m->now)
				m->rows[k++] = i;
	}
	tui_list_set_count(&m->list, m->n ? k : 0);
}

static void load(struct tui_app *app, struct meetings *m)
{
	const struct tw_meeting *cur = focused(m);
	int64_t keep = m->want ? m->want : (cur ? cur->id : 0);
	m->want = 0;
	tw_meetings_free(m->v, m->n);
	m->v = NULL;
	m->n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &m->v, &m->n, &err))
		tui_error(app, "%s", err.message);
	group(m);
	/* Back from preparing a new meeting: it is the one to show. */
	if (m->newest) {
		int64_t seen = m->newest > 0 ? m->newest : 0, made = 0;
		for (size_t i = 0; i < m->n; i++)
			made = m->v[i].id > seen && m->v[i].id > made ? m->v[i].id : made;
		keep = made ? made : keep;
		m->newest = 0;
	}
	for (size_t k = 0; keep && k < m->list.n; k++)
		if (!is_head(m, k) && m->v[m->rows[k]].id == keep)
			tui_list_focus(&m->list, k);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct meetings *)s);
}

static void row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		attr_t sel_attr)
{
	struct meetings *m = ctx;
	x++;
	if (m->rows[k] == HEAD_UPCOMING || m->rows[k] == HEAD_PAST) {
		bool up = m->rows[k] == HEAD_UPCOMING;
		size_t n = up ? m->n_upcoming : m->n - m->n_upcoming;
		char buf[96];
		if (up && !n)
			snprintf(buf, sizeof(buf), "Upcoming: none planned (a prepares one)");
		else
			snprintf(buf, sizeof(buf), "%s (%zu)", up ? "Upcoming" : "Held and past", n);
		int used = tui_text(y, x, w - 2, buf, tui_attr(app, TUI_HEADING));
		if (used + 2 < w - 2)
			tui_hline(y, x + used + 1, w - 2 - used - 1, tui_attr(app, TUI_DIM));
		return;
	}
	const struct tw_meeting *mt = &m->v[m->rows[k]];
	attr_t a = sel ? sel_attr : A_NORMAL;
	bool past = past_planned(m, mt);
	char when[32], first[256];
	tw_time_format(mt->when, when, sizeof(when));
	rec_first_line(mt->agenda, first, sizeof(first));
	tui_text(y, x, 16, when, a);
	tui_text(y, x + 17, 7, mt->held ? "held" : past ? "past" : "planned",
		 sel ? a | (past ? A_BOLD : 0)
		     : tui_attr(app, mt->held ? TUI_DONE : past ? TUI_WARN : TUI_KEY));
	tui_text_clip(y, x + 25, m->sponsor_w - 1, mt->sponsor_name, a);
	tui_text_clip(y, m->agenda_x, m->agenda_w, first[0] ? first : "-",
		      sel ? a : tui_attr(app, TUI_DIM));
}

/* The focused meeting in one line: what it waits for. */
static void draw_detail(struct tui_app *app, struct meetings *m, int y, int x, int w)
{
	const struct tw_meeting *mt = focused(m);
	if (!mt)
		return;
	const char *say;
	attr_t a = tui_attr(app, TUI_DIM);
	if (past_planned(m, mt)) {
		say = "The date has passed and it is not marked held: b debriefs it.";
		a = tui_attr(app, TUI_WARN);
	} else if (mt->held) {
		say = "Held. enter views it; b edits the debrief.";
	} else if (!mt->agenda || !tw_text_nonblank(mt->agenda)) {
		say = "Planned, no agenda yet: p prepares it.";
	} else {
		say = "Planned. enter views it; p edits the agenda.";
	}
	tui_text_clip(y, x, w, say, a);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct meetings *m = (struct meetings *)s;
	attr_t h = tui_attr(app, TUI_HEADING);
	int x = r.x + 1;
	m->sponsor_w = r.w >= 70 ? 22 : 14;
	m->agenda_x = x + 25 + m->sponsor_w;
	m->agenda_w = r.x + r.w - 1 - m->agenda_x;
	tui_text(r.y, x, 16, "When", h);
	tui_text(r.y, x + 17, 7, "Status", h);
	tui_text(r.y, x + 25, m->sponsor_w - 1, "Sponsor", h);
	tui_text(r.y, m->agenda_x, m->agenda_w, "Agenda", h);
	if (!m->n) {
		tui_text(r.y + 2, x, r.w - 2, "No meetings yet. Press a to prepare one.",
			 tui_attr(app, TUI_DIM));
		return;
	}
	tui_list_draw(&m->list, app, (struct tui_rect){ r.y + 1, r.x, r.h - 2, r.w }, true, row, m);
	tui_list_draw_position(&m->list, app, r.y, r.x + r.w - 1);
	draw_detail(app, m, r.y + r.h - 1, x, r.w - 2);
}

static void delete_one(struct tui_app *app, struct meetings *m, int64_t id)
{
	struct tw_error err = { 0 };
	if (!tw_store_delete(app->store, app->profile.id, TW_REC_MEETING, id, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	load(app, m);
	m->deleted = id;
	tui_msg(app, "meeting deleted; press u to undo");
}

static void undo(struct tui_app *app, struct meetings *m, int64_t deleted)
{
	if (!deleted) {
		tui_msg(app, "nothing to undo (u works right after a delete)");
		return;
	}
	struct tw_error err = { 0 };
	if (tw_store_undelete(app->store, app->profile.id, TW_REC_MEETING, deleted, &err)) {
		m->want = deleted;
		load(app, m);
		tui_msg(app, "meeting back");
	} else {
		tui_error(app, "%s", err.message);
	}
}

enum { A_MOVE = 1, A_VIEW, A_ADD, A_PREPARE, A_DEBRIEF, A_DELETE, A_UNDO, A_CSV, A_ICS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct meetings *m = (struct meetings *)s;
	int64_t deleted = m->deleted, asked = m->asked;
	m->deleted = 0; /* u works right after a delete only */
	m->asked = 0;
	const struct tw_meeting *cur = focused(m);
	switch (action) {
	case A_MOVE:
		return tui_list_key(&m->list, k, code);
	case A_VIEW:
		if (cur)
			rec_push(app, meeting_view_open(app, cur->id));
		return true;
	case A_ADD:
		/* remember the newest meeting: the one made now is selected */
		m->newest = 0;
		for (size_t i = 0; i < m->n; i++)
			m->newest = m->v[i].id > m->newest ? m->v[i].id : m->newest;
		m->newest = m->newest ? m->newest : -1;
		rec_push(app, meeting_prepare_open(app, 0, 0));
		return true;
	case A_PREPARE:
		if (cur && cur->held)
			tui_msg(app, "that meeting is held already; a prepares a new one");
		else
			rec_push(app, meeting_prepare_open(app, cur ? cur->id : 0, 0));
		return true;
	case A_DEBRIEF:
		if (cur && asked != cur->id && rec_debrief_early(app, cur->held, cur->when))
			m->asked = cur->id;
		else if (cur)
			rec_push(app, meeting_debrief_open(app, cur->id));
		else
			tui_msg(app, "no meeting to debrief; a prepares one");
		return true;
	case A_DELETE:
		if (cur)
			delete_one(app, m, cur->id);
		return true;
	case A_UNDO:
		undo(app, m, deleted);
		return true;
	case A_CSV:
	case A_ICS:
		export_dialog_push(app, action == A_ICS ? TUI_EXPORT_ICS : TUI_EXPORT_MEETINGS_CSV, 0);
		return true;
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	(void)app;
	(void)x;
	return tui_list_click(&((struct meetings *)s)->list, y);
}

static void destroy(struct tui_screen *s)
{
	struct meetings *m = (struct meetings *)s;
	tw_meetings_free(m->v, m->n);
	free(m->rows);
	free(m);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_MOVE),
	{ A_VIEW, { TUI_K('\n') }, "view the meeting with its action items", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_ADD, { TUI_K('a') }, "add: prepare a new meeting (sponsor, date, guide, agenda)", "add",
	  NULL, TUI_VERB_ADD },
	{ A_PREPARE, { TUI_K('e'), TUI_K('p') }, "prepare the planned meeting again (agenda)",
	  "prepare", NULL, TUI_VERB_EDIT },
	{ A_DEBRIEF, { TUI_K('b') },
	  "debrief: after-meeting guide, notes, outcome, action items (a planned meeting whose "
	  "date passed shows as past: b debriefs it)",
	  "debrief", NULL, TUI_VERB_NONE },
	{ A_DELETE, { TUI_K('d'), TUI_KC(KEY_DC) }, "delete the meeting", "delete", NULL,
	  TUI_VERB_DELETE },
	{ A_UNDO, { TUI_K('u') }, "undo the delete (right after it; later: t on Home, the Trash)",
	  NULL, NULL, TUI_VERB_UNDO },
	{ A_CSV, { TUI_K('x') }, "export all meetings as CSV", "csv", NULL, TUI_VERB_EXPORT },
	{ A_ICS, { TUI_K('i') }, "export all meetings for a calendar (.ics)", ".ics", NULL,
	  TUI_VERB_NONE },
	{ 0 },
};
const struct tui_keymap meetings_keys = { "meetings", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "meetings",
	.draw = draw,
	.keys = &meetings_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload, cursor kept */
	.click = click,
};

bool rec_debrief_early(struct tui_app *app, bool held, tw_time when)
{
	tw_time now = (tw_time)time(NULL);
	if (held || when <= now)
		return false;
	char label[64];
	tw_when_label(when, now, label, sizeof label);
	tui_msg(app, "still ahead: %s; b again debriefs it", label);
	return true;
}

/* args.mode: list (args.id set: open that meeting), prepare (args.id: the
 * meeting, 0 for a new one) or debrief (args.id: the meeting). */
struct tui_screen *meetings_open(struct tui_app *app, const struct tui_args *args)
{
	if (args->mode == TUI_MEETINGS_PREPARE)
		return meeting_prepare_open(app, args->id, 0);
	if (args->mode == TUI_MEETINGS_DEBRIEF)
		return meeting_debrief_open(app, args->id);
	if (args->id)
		return meeting_view_open(app, args->id);
	struct meetings *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->base.ops = &ops;
	m->list.heading = is_head;
	m->list.ctx = m;
	tui_screen_set_title(&m->base, "Meetings");
	return &m->base;
}
