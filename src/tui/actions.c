/* The Actions screen: every action item of the profile with its owner, due
 * date and the meeting it came from, overdue ones highlighted; f filters
 * open / overdue / all, space ticks, a adds, e edits, p postpones, d deletes
 * (u undoes), enter opens the item's meeting and x exports them all as CSV. */
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "export_dialog.h"
#include "listview.h"
#include "records.h"
#include "twoway/util.h"

enum undo { UNDO_NONE, UNDO_DELETE, UNDO_DONE, UNDO_EDIT };

struct actions {
	struct tui_screen base;
	struct tw_action *v;
	size_t n;
	struct tui_list list;
	int due_x, own_x, text_x, text_w, from_x, from_w; /* columns as last drawn */
	enum tw_action_filter filter;
	char today[11];
	struct tw_meeting *meetings; /* live meetings, for "from" labels */
	size_t n_meetings;
	int64_t want;                /* focus this id on the next load */
	int64_t added;               /* set by the add form */
	int64_t edited;              /* set by the edit and postpone forms */
	struct tw_action before;     /* the item as it was before that edit */
	enum undo undo;
	int64_t undo_id;
	char undo_done[11];          /* the done date before a tick */
};

static const char *filter_name(enum tw_action_filter f)
{
	return f == TW_ACTIONS_OPEN ? "open" : f == TW_ACTIONS_OVERDUE ? "overdue" : "all";
}

static bool overdue(const struct actions *m, const struct tw_action *a)
{
	return !a->done[0] && a->due[0] && strcmp(a->due, m->today) < 0;
}

static const struct tw_meeting *meeting_of(const struct actions *m, int64_t id)
{
	for (size_t i = 0; id && i < m->n_meetings; i++)
		if (m->meetings[i].id == id)
			return &m->meetings[i];
	return NULL;
}

static void load(struct tui_app *app, struct actions *m)
{
	int64_t keep = m->want ? m->want : (m->n ? m->v[m->list.cursor].id : 0);
	m->want = 0;
	tw_actions_free(m->v, m->n);
	tw_meetings_free(m->meetings, m->n_meetings);
	m->v = NULL;
	m->meetings = NULL;
	m->n = m->n_meetings = 0;
	tw_today(m->today, sizeof(m->today));
	struct tw_error err = { 0 };
	if (!tw_store_action_list(app->store, app->profile.id, 0, m->filter, m->today, &m->v, &m->n,
				  &err))
		tui_error(app, "%s", err.message);
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &m->meetings, &m->n_meetings,
				   &err))
		tui_error(app, "%s", err.message);
	/* Keep the focused item; when it left the list, keep the row. */
	tui_list_set_count(&m->list, m->n);
	for (size_t i = 0; keep && i < m->n; i++)
		if (m->v[i].id == keep)
			tui_list_focus(&m->list, i);
}

static bool has(const struct actions *m, int64_t id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return true;
	return false;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct actions *m = (struct actions *)s;
	int64_t added = m->added;
	m->added = 0;
	if (added)
		m->want = added;
	if (m->edited) {
		m->want = m->edited;
		m->undo = UNDO_EDIT;
		m->undo_id = m->edited;
		m->edited = 0;
	}
	load(app, m);
	if (added && !has(m, added) && m->filter != TW_ACTIONS_ALL) {
		/* The new item is not in this filter: show everything. */
		m->filter = TW_ACTIONS_ALL;
		m->want = added;
		load(app, m);
	}
}

/* Where the item came from: "2030-12-03 María López" in the list, a
 * sentence in the detail line. */
static void from_label(const struct actions *m, const struct tw_action *a, char *buf,
		       size_t size, bool long_form)
{
	const struct tw_meeting *mt = meeting_of(m, a->meeting_id);
	char when[32];
	if (!a->meeting_id) {
		snprintf(buf, size, long_form ? "free-standing, no meeting" : "-");
	} else if (!mt) {
		snprintf(buf, size, long_form ? "its meeting was deleted" : "(deleted meeting)");
	} else {
		tw_time_format(mt->when, when, sizeof(when));
		if (long_form)
			snprintf(buf, size, "from the meeting with %s on %s (enter opens it)",
				 mt->sponsor_name ? mt->sponsor_name : "?", when);
		else
			snprintf(buf, size, "%.10s %s", when, mt->sponsor_name ? mt->sponsor_name : "?");
	}
}

/* The focused item in one line: its state first, then where it came from. */
static void draw_detail(struct tui_app *app, struct actions *m, int y, int x, int w)
{
	const struct tw_action *a = &m->v[m->list.cursor];
	char from[400], buf[512];
	from_label(m, a, from, sizeof(from), true);
	bool late = overdue(m, a);
	if (a->done[0])
		snprintf(buf, sizeof(buf), "Done %s \xc2\xb7 %s", a->done, from);
	else if (late)
		snprintf(buf, sizeof(buf), "Overdue since %s \xc2\xb7 %s", a->due, from);
	else if (a->due[0])
		snprintf(buf, sizeof(buf), "Due %s \xc2\xb7 %s", a->due, from);
	else
		snprintf(buf, sizeof(buf), "No due date \xc2\xb7 %s", from);
	tui_text(y, x, w, buf, tui_attr(app, late ? TUI_WARN : TUI_DIM));
}

static void row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		attr_t sel_attr)
{
	(void)w;
	struct actions *m = ctx;
	const struct tw_action *a = &m->v[k];
	bool late = overdue(m, a);
	attr_t base = late ? tui_attr(app, TUI_WARN) : a->done[0] ? tui_attr(app, TUI_DONE)
								  : A_NORMAL;
	attr_t at = sel ? sel_attr : base;
	if (late)
		tui_text(y, x, 1, "!", at | A_BOLD);
	tui_text(y, x + 1, 3, a->done[0] ? "[x]" : "[ ]", at);
	tui_text(y, m->due_x, 10, a->due[0] ? a->due : "-", at);
	tui_text(y, m->own_x, 7, a->owner == TW_OWNER_SPONSOR ? "sponsor" : "me", at);
	char first[256];
	rec_first_line(a->text, first, sizeof(first));
	tui_text_clip(y, m->text_x, m->text_w, first, at);
	if (m->from_w) {
		char from[128];
		from_label(m, a, from, sizeof(from), false);
		tui_text_clip(y, m->from_x, m->from_w, from, sel ? at : tui_attr(app, TUI_DIM));
	}
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct actions *m = (struct actions *)s;
	attr_t h = tui_attr(app, TUI_HEADING), dim = tui_attr(app, TUI_DIM);
	int x = r.x + 1;
	int used = tui_textf(r.y, x, r.w - 2, tui_attr(app, TUI_KEY) | A_BOLD, "%s: %zu",
			     filter_name(m->filter), m->n);
	tui_text(r.y, x + used, r.w - 2 - used - 10, "  f: open/overdue/all", dim);
	/* Columns: mark, due, owner, the text, and where it came from. */
	m->due_x = x + 4;
	m->own_x = m->due_x + 11;
	m->text_x = m->own_x + 8;
	m->from_w = r.w >= 80 ? 26 : 0;
	m->from_x = r.x + r.w - 1 - m->from_w;
	m->text_w = (m->from_w ? m->from_x - 1 : r.x + r.w - 1) - m->text_x;
	tui_text(r.y + 1, m->due_x, 10, "Due", h);
	tui_text(r.y + 1, m->own_x, 7, "Owner", h);
	tui_text(r.y + 1, m->text_x, m->text_w, "Action", h);
	if (m->from_w)
		tui_text(r.y + 1, m->from_x, m->from_w, "From", h);
	if (!m->n) {
		tui_text(r.y + 3, x, r.w - 2,
			 m->filter == TW_ACTIONS_OVERDUE ? "Nothing overdue. f shows the others."
			 : m->filter == TW_ACTIONS_OPEN ? "No open action items. a adds one, f shows all."
							: "No action items yet. Press a to add one.",
			 dim);
		return;
	}
	tui_list_draw(&m->list, app, (struct tui_rect){ r.y + 2, r.x, r.h - 3 > 1 ? r.h - 3 : 1, r.w },
		      true, row, m);
	tui_list_draw_position(&m->list, app, r.y, r.x + r.w - 1);
	draw_detail(app, m, r.y + r.h - 1, x, r.w - 2);
}

static void toggle(struct tui_app *app, struct actions *m)
{
	struct tw_action *a = &m->v[m->list.cursor];
	char was[11], today[11];
	snprintf(was, sizeof(was), "%s", a->done);
	tw_today(today, sizeof(today));
	struct tw_error err = { 0 };
	if (!tw_store_action_done(app->store, a->id, was[0] ? "" : today, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	m->undo = UNDO_DONE;
	m->undo_id = a->id;
	snprintf(m->undo_done, sizeof(m->undo_done), "%s", was);
	if (was[0])
		tui_msg(app, "open again; u undoes");
	else
		tui_msg(app, "done %s%s; u undoes", today,
			m->filter == TW_ACTIONS_ALL ? "" : " (f all shows done items)");
	load(app, m);
}

static void delete_one(struct tui_app *app, struct actions *m)
{
	int64_t id = m->v[m->list.cursor].id;
	struct tw_error err = { 0 };
	if (!tw_store_delete(app->store, app->profile.id, TW_REC_ACTION, id, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	m->undo = UNDO_DELETE;
	m->undo_id = id;
	load(app, m);
	tui_msg(app, "action item deleted; press u to undo");
}

static void undo(struct tui_app *app, struct actions *m, enum undo what, int64_t id)
{
	struct tw_error err = { 0 };
	bool ok = false;
	if (what == UNDO_DELETE)
		ok = tw_store_undelete(app->store, app->profile.id, TW_REC_ACTION, id, &err);
	else if (what == UNDO_DONE)
		ok = tw_store_action_done(app->store, id, m->undo_done, &err);
	else if (what == UNDO_EDIT)
		ok = tw_store_action_update(app->store, &m->before, &err);
	else
		tui_msg(app, "nothing to undo (u works right after a delete, a tick or an edit)");
	if (what == UNDO_NONE)
		return;
	if (!ok) {
		tui_error(app, "%s", err.message);
		return;
	}
	m->want = id;
	load(app, m);
	if (!has(m, id) && m->filter != TW_ACTIONS_ALL) {
		m->filter = TW_ACTIONS_ALL;
		m->want = id;
		load(app, m);
	}
	tui_msg(app, what == UNDO_DELETE ? "action item back"
		     : what == UNDO_EDIT ? "change undone" : "tick undone");
}

static void open_meeting(struct tui_app *app, struct actions *m)
{
	const struct tw_action *a = &m->v[m->list.cursor];
	if (!a->meeting_id)
		tui_msg(app, "a free-standing action item: it belongs to no meeting");
	else if (!meeting_of(m, a->meeting_id))
		tui_msg(app, "the meeting of this action item was deleted");
	else
		rec_push(app, meeting_view_open(app, a->meeting_id));
}

/* Opens the edit (or postpone) form on the focused item, keeping a copy of
 * it for u. */
static void edit(struct tui_app *app, struct actions *m, bool postpone)
{
	const struct tw_action *a = &m->v[m->list.cursor];
	char *text = strdup(a->text);
	if (!text) {
		tui_error(app, "out of memory");
		return;
	}
	tw_action_finish(&m->before);
	m->before = *a;
	m->before.text = text;
	m->before.sponsor_name = NULL;
	rec_push(app, postpone ? action_postpone_open(app, &m->edited, a->id)
			       : action_form_open(app, &m->edited, a->id));
}

enum { A_MOVE = 1, A_FILTER, A_DONE, A_ADD, A_EDIT, A_POSTPONE, A_DELETE, A_UNDO, A_MEETING,
       A_EXPORT };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct actions *m = (struct actions *)s;
	enum undo last = m->undo;
	m->undo = UNDO_NONE; /* u works right after a delete or a tick only */
	switch (action) {
	case A_MOVE:
		return tui_list_key(&m->list, k, code);
	case A_MEETING:
		if (m->n)
			open_meeting(app, m);
		return true;
	case A_FILTER:
		m->filter = m->filter == TW_ACTIONS_OPEN      ? TW_ACTIONS_OVERDUE
			    : m->filter == TW_ACTIONS_OVERDUE ? TW_ACTIONS_ALL
							      : TW_ACTIONS_OPEN;
		m->list.cursor = m->list.top = 0;
		load(app, m);
		tui_msg(app, "showing %s action items", filter_name(m->filter));
		return true;
	case A_DONE:
		if (m->n)
			toggle(app, m);
		return true;
	case A_ADD:
		rec_push(app, action_form_open(app, &m->added, 0));
		return true;
	case A_EDIT:
		if (m->n)
			edit(app, m, false);
		return true;
	case A_POSTPONE:
		if (m->n)
			edit(app, m, true);
		return true;
	case A_DELETE:
		if (m->n)
			delete_one(app, m);
		return true;
	case A_UNDO:
		undo(app, m, last, m->undo_id);
		return true;
	case A_EXPORT:
		export_dialog_push(app, TUI_EXPORT_ACTIONS_CSV, 0);
		return true;
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	(void)app;
	(void)x;
	return tui_list_click(&((struct actions *)s)->list, y);
}

static void destroy(struct tui_screen *s)
{
	struct actions *m = (struct actions *)s;
	tw_actions_free(m->v, m->n);
	tw_meetings_free(m->meetings, m->n_meetings);
	tw_action_finish(&m->before);
	free(m);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_MOVE),
	{ A_ADD, { TUI_K('a') }, "add an action item (text, owner, due date, meeting)", "add", NULL,
	  TUI_VERB_ADD },
	{ A_EDIT, { TUI_K('e') }, "edit it: text, owner, due date, meeting", "edit", NULL,
	  TUI_VERB_EDIT },
	{ A_POSTPONE, { TUI_K('p') }, "postpone it: +3d, +1w from its due date, or a day", "postpone",
	  NULL, TUI_VERB_NONE },
	{ A_DELETE, { TUI_K('d'), TUI_KC(KEY_DC) }, "delete the action item", "delete", NULL,
	  TUI_VERB_DELETE },
	{ A_UNDO, { TUI_K('u') }, "undo the delete, tick or edit (right after it)", "undo", NULL,
	  TUI_VERB_UNDO },
	{ A_EXPORT, { TUI_K('x') }, "export all action items as CSV", "export", NULL,
	  TUI_VERB_EXPORT },
	{ A_FILTER, { TUI_K('f') }, "filter: open, overdue, all", "filter", NULL, TUI_VERB_NONE },
	{ A_DONE, { TUI_K(' ') }, "tick done today / open again", "done", NULL, TUI_VERB_NONE },
	{ A_MEETING, { TUI_K('\n') }, "open the meeting it came from", NULL, NULL, TUI_VERB_NONE },
	{ 0 },
};
const struct tui_keymap actions_keys = { "actions", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "actions",
	.draw = draw,
	.keys = &actions_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload, cursor kept */
	.click = click,
};

/* args.id: an action item to focus (the filter then shows all). */
struct tui_screen *actions_open(struct tui_app *app, const struct tui_args *args)
{
	(void)app;
	struct actions *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->base.ops = &ops;
	m->filter = args->id ? TW_ACTIONS_ALL : TW_ACTIONS_OPEN;
	m->want = args->id;
	tui_screen_set_title(&m->base, "Action items");
	return &m->base;
}
