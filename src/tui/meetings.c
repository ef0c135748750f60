/* The meetings screen: planned and held meetings with date, sponsor and
 * the first agenda line; enter views one, n/p prepare, d debriefs, x
 * deletes (u undoes right after). Also opens the prepare/debrief modes. */
#include <stdlib.h>
#include <string.h>

#include "export_dialog.h"
#include "records.h"
#include "twoway/util.h"

struct meetings {
	struct tui_screen base;
	struct tw_meeting *v;
	size_t n, cursor, top;
	int rows, row0;
	int64_t want, deleted;
};

static void load(struct tui_app *app, struct meetings *m)
{
	int64_t keep = m->want ? m->want : (m->n ? m->v[m->cursor].id : 0);
	m->want = 0;
	tw_meetings_free(m->v, m->n);
	m->v = NULL;
	m->n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &m->v, &m->n, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = 0; keep && i < m->n; i++)
		if (m->v[i].id == keep)
			m->cursor = i;
	if (m->cursor >= m->n)
		m->cursor = m->n ? m->n - 1 : 0;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct meetings *)s);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct meetings *m = (struct meetings *)s;
	attr_t h = tui_attr(app, TUI_HEADING);
	int x = r.x + 1, sw = r.w >= 70 ? 22 : 14, agenda_x = x + 17 + 8 + sw;
	tui_text(r.y, x, 16, "When", h);
	tui_text(r.y, x + 17, 7, "Status", h);
	tui_text(r.y, x + 25, sw - 1, "Sponsor", h);
	tui_text(r.y, agenda_x, r.w - agenda_x - 1, "Agenda", h);
	m->rows = r.h - 1;
	m->row0 = r.y + 1;
	if (!m->n) {
		tui_text(r.y + 2, x, r.w - 2, "No meetings yet. Press n to prepare one.",
			 tui_attr(app, TUI_DIM));
		return;
	}
	tui_scroll_to(m->cursor, &m->top, m->rows, m->n);
	for (int i = 0; i < m->rows && m->top + (size_t)i < m->n; i++) {
		size_t k = m->top + (size_t)i;
		const struct tw_meeting *mt = &m->v[k];
		int y = m->row0 + i;
		bool sel = k == m->cursor;
		attr_t a = sel ? tui_attr(app, TUI_SELECTED) : A_NORMAL;
		if (sel)
			tui_fill(y, r.x, r.w, a);
		char when[32], first[256];
		tw_time_format(mt->when, when, sizeof(when));
		rec_first_line(mt->agenda, first, sizeof(first));
		tui_text(y, x, 16, when, a);
		tui_text(y, x + 17, 7, mt->held ? "held" : "planned",
			 sel ? a : tui_attr(app, mt->held ? TUI_DONE : TUI_KEY));
		tui_text(y, x + 25, sw - 1, mt->sponsor_name, a);
		tui_text(y, agenda_x, r.w - agenda_x - 1, first, sel ? a : tui_attr(app, TUI_DIM));
	}
	if (m->n > (size_t)m->rows)
		tui_textf(r.y, r.x + r.w - 12, 11, tui_attr(app, TUI_DIM), "%zu/%zu",
			  m->cursor + 1, m->n);
}

static void delete_one(struct tui_app *app, struct meetings *m)
{
	struct tw_error err = { 0 };
	int64_t id = m->v[m->cursor].id;
	if (!tw_store_delete(app->store, TW_REC_MEETING, id, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	load(app, m);
	m->deleted = id;
	tui_msg(app, "meeting deleted; press u to undo");
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct meetings *m = (struct meetings *)s;
	int64_t deleted = m->deleted;
	m->deleted = 0;
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav != TUI_NAV_NONE) {
		tui_nav_apply(nav, &m->cursor, m->n, m->rows);
		return true;
	}
	const struct tw_meeting *cur = m->n ? &m->v[m->cursor] : NULL;
	if (tui_is_enter(k, code)) {
		if (cur)
			rec_push(app, meeting_view_open(app, cur->id));
		return true;
	}
	if (code)
		return false;
	switch (k) {
	case L'n':
	case L'a':
		rec_push(app, meeting_prepare_open(app, 0, 0));
		return true;
	case L'p':
		if (cur && cur->held)
			tui_msg(app, "that meeting is held already; n prepares a new one");
		else
			rec_push(app, meeting_prepare_open(app, cur ? cur->id : 0, 0));
		return true;
	case L'd':
		if (cur)
			rec_push(app, meeting_debrief_open(app, cur->id));
		else
			tui_msg(app, "no meeting to debrief; n prepares one");
		return true;
	case L'x':
		if (cur)
			delete_one(app, m);
		return true;
	case L'i':
	case L'c':
		export_dialog_push(app, k == L'i' ? TUI_EXPORT_ICS : TUI_EXPORT_MEETINGS_CSV, 0);
		return true;
	case L'u':
		if (!deleted) {
			tui_msg(app, "nothing to undo (u works right after a delete)");
			return true;
		}
		struct tw_error err = { 0 };
		if (tw_store_undelete(app->store, TW_REC_MEETING, deleted, &err)) {
			m->want = deleted;
			load(app, m);
			tui_msg(app, "meeting back");
		} else {
			tui_error(app, "%s", err.message);
		}
		return true;
	default:
		return false;
	}
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	struct meetings *m = (struct meetings *)s;
	int i = y - m->row0;
	if (i < 0 || i >= m->rows || m->top + (size_t)i >= m->n)
		return false;
	m->cursor = m->top + (size_t)i;
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct meetings *m = (struct meetings *)s;
	tw_meetings_free(m->v, m->n);
	free(m);
}

static const struct tui_help help[] = {
	{ "j/k, arrows", "move" },
	{ "g/G, PgUp/PgDn", "first/last, a page up/down" },
	{ "enter", "view the meeting with its action items" },
	{ "n", "prepare a new meeting (sponsor, date, guide, agenda)" },
	{ "p", "prepare the planned meeting again (agenda)" },
	{ "d", "debrief: after-meeting guide, notes, outcome, action items" },
	{ "x", "delete the meeting" },
	{ "u", "undo the delete (right after it)" },
	{ "i", "export all meetings for a calendar (.ics)" },
	{ "c", "export all meetings as CSV" },
	{ "q, Esc", "back" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "meetings",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.click = click,
	.help = help,
	.footer = "n prepare  d debrief  enter view  i .ics  c csv",
};

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
	tui_screen_set_title(&m->base, "Meetings");
	return &m->base;
}
