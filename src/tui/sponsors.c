/* The sponsors screen: every sponsor of the profile with title, organisation
 * and continuum stage, and the focused one's details (how you met, what the
 * stage means, homework notes, next meeting, open action items) beside or
 * below the list, with its check-ups over time (the trend); add and edit in
 * the sponsor form, delete (u undoes right after), plan a meeting with one,
 * and start a check-up with one (c). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checkup.h"
#include "listview.h"
#include "records.h"
#include "twoway/util.h"

/* What the detail pane says about one sponsor beyond its own record. */
struct sponsor_facts {
	tw_time next;         /* the next planned meeting (0: none) */
	size_t open, overdue; /* open action items from meetings with them */
};

struct sponsors {
	struct tui_screen base;
	struct tw_sponsor *v;
	struct sponsor_facts *facts; /* one per sponsor */
	size_t n;
	struct tui_list list;
	int64_t want;         /* focus this id on the next load */
	int64_t saved;        /* filled by the sponsor form */
	int64_t deleted;      /* undo with u right after a delete */
	int64_t confirm;      /* asked to delete this sponsor and their meetings */
	int name_w, title_w, org_w; /* the list's columns as last drawn */
};

static int by_meeting_id(const void *a, const void *b)
{
	const struct tw_meeting *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* Next planned meeting and open action items per sponsor, from one list of
 * meetings and one of open action items. */
static void load_facts(struct tui_app *app, struct sponsors *s)
{
	free(s->facts);
	s->facts = s->n ? calloc(s->n, sizeof(*s->facts)) : NULL;
	if (!s->facts)
		return;
	struct tw_meeting *ms = NULL;
	struct tw_action *acts = NULL;
	size_t n_ms = 0, n_acts = 0;
	struct tw_error err = { 0 };
	char today[11];
	tw_today(today, sizeof(today));
	tw_time now = (tw_time)time(NULL);
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &ms, &n_ms, &err) ||
	    !tw_store_action_list(app->store, app->profile.id, 0, TW_ACTIONS_OPEN, today, &acts,
				  &n_acts, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < n_ms; k++) /* by time: the first is the soonest */
			if (ms[k].sponsor_id == s->v[i].id && !ms[k].held && ms[k].when >= now) {
				s->facts[i].next = ms[k].when;
				break;
			}
	if (n_ms)
		qsort(ms, n_ms, sizeof(*ms), by_meeting_id);
	for (size_t a = 0; n_ms && a < n_acts; a++) {
		struct tw_meeting key = { .id = acts[a].meeting_id };
		const struct tw_meeting *m =
			key.id ? bsearch(&key, ms, n_ms, sizeof(*ms), by_meeting_id) : NULL;
		for (size_t i = 0; m && i < s->n; i++)
			if (s->v[i].id == m->sponsor_id) {
				s->facts[i].open++;
				if (acts[a].due[0] && strcmp(acts[a].due, today) < 0)
					s->facts[i].overdue++;
			}
	}
	tw_meetings_free(ms, n_ms);
	tw_actions_free(acts, n_acts);
}

static void load(struct tui_app *app, struct sponsors *s)
{
	tw_sponsors_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_sponsor_list(app->store, app->profile.id, &s->v, &s->n, &err))
		tui_error(app, "%s", err.message);
	int64_t want = s->saved ? s->saved : s->want;
	s->saved = s->want = 0;
	tui_list_set_count(&s->list, s->n);
	for (size_t i = 0; want && i < s->n; i++)
		if (s->v[i].id == want)
			tui_list_focus(&s->list, i);
	load_facts(app, s);
}

static void on_focus(struct tui_app *app, struct tui_screen *sc)
{
	load(app, (struct sponsors *)sc);
}

static void row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		attr_t sel_attr)
{
	(void)w;
	struct sponsors *s = ctx;
	const struct tw_sponsor *sp = &s->v[k];
	attr_t a = sel ? sel_attr : A_NORMAL;
	x++;
	tui_text_clip(y, x, s->name_w - 1, sp->name, a | (sel ? 0 : A_BOLD));
	if (s->title_w) {
		tui_text_clip(y, x + s->name_w, s->title_w - 1, sp->title, a);
		tui_text_clip(y, x + s->name_w + s->title_w, s->org_w - 1, sp->org, a);
	}
	tui_text(y, x + s->name_w + s->title_w + s->org_w, 18,
		 sp->stage ? tw_stage_label(sp->stage) : "-", sel ? a : tui_attr(app, TUI_DIM));
}

static void draw_list(struct tui_app *app, struct sponsors *s, struct tui_rect r)
{
	int stage_w = 18, rest = r.w - stage_w - 2;
	if (r.w >= 80) {
		s->name_w = rest / 3;
		s->title_w = rest / 3;
		s->org_w = rest - s->name_w - s->title_w;
	} else {
		s->name_w = rest;
		s->title_w = s->org_w = 0;
	}
	attr_t h = tui_attr(app, TUI_HEADING);
	int x = r.x + 1;
	tui_text(r.y, x, s->name_w - 1, "Name", h);
	if (s->title_w) {
		tui_text(r.y, x + s->name_w, s->title_w - 1, "Title", h);
		tui_text(r.y, x + s->name_w + s->title_w, s->org_w - 1, "Organisation", h);
	}
	tui_text(r.y, x + s->name_w + s->title_w + s->org_w, stage_w, "Stage", h);
	tui_list_draw(&s->list, app, (struct tui_rect){ r.y + 1, r.x, r.h - 1, r.w }, true, row,
		      s);
	tui_list_draw_position(&s->list, app, r.y, r.x + r.w - 1);
}

/* One "Label: text" line clipped to the width; returns the rows used. */
static int fact(struct tui_app *app, struct tui_rect *r, const char *label, const char *text,
		attr_t a)
{
	if (r->h <= 0)
		return 0;
	int used = tui_text(r->y, r->x, r->w, label, tui_attr(app, TUI_HEADING));
	tui_text_clip(r->y, r->x + used, r->w - used, text, a);
	r->y++;
	r->h--;
	return 1;
}

/* "Connector, since 1 Dec 2026": the stage's one home is the record, set
 * by hand or by a check-up's rating. */
static void stage_since(const struct tw_sponsor *sp, char *buf, size_t len)
{
	time_t t = (time_t)sp->stage_at;
	struct tm tm;
	char mon[16];
	if (sp->stage_at && localtime_r(&t, &tm) && strftime(mon, sizeof mon, "%b %Y", &tm))
		snprintf(buf, len, "%s, since %d %s", tw_stage_label(sp->stage), tm.tm_mday, mon);
	else
		snprintf(buf, len, "%s", tw_stage_label(sp->stage));
}

static void draw_detail(struct tui_app *app, struct sponsors *s, struct tui_rect r)
{
	const struct tw_sponsor *sp = &s->v[s->list.cursor];
	const struct sponsor_facts *f = s->facts ? &s->facts[s->list.cursor] : NULL;
	attr_t dim = tui_attr(app, TUI_DIM);
	char buf[512];
	tui_text_clip(r.y, r.x, r.w, sp->name, A_BOLD);
	r.y++;
	r.h--;
	bool t = sp->title && *sp->title, o = sp->org && *sp->org;
	if (r.h >= 10 && t && o && tui_text_width(sp->title) + tui_text_width(sp->org) + 2 > r.w) {
		/* Too long for one line: title and organisation on their own. */
		tui_text_clip(r.y++, r.x, r.w, sp->title, A_NORMAL);
		tui_text_clip(r.y++, r.x, r.w, sp->org, A_NORMAL);
		r.h -= 2;
	} else if (r.h > 0 && (t || o)) {
		snprintf(buf, sizeof(buf), "%s%s%s", t ? sp->title : "", t && o ? ", " : "",
			 o ? sp->org : "");
		tui_text_clip(r.y++, r.x, r.w, buf, A_NORMAL);
		r.h--;
	}
	if (sp->how_met && *sp->how_met)
		fact(app, &r, "Met: ", sp->how_met, A_NORMAL);
	char stage[96];
	stage_since(sp, stage, sizeof stage);
	if (sp->stage && r.h >= 8) {
		/* Roomy: the stage, then what it means on its own (wrapped) rows. */
		fact(app, &r, "Stage: ", stage, A_NORMAL);
		int n = tui_text_block((struct tui_rect){ r.y, r.x + 2, 2, r.w - 2 },
				       rec_stage_meaning(sp->stage), dim);
		r.y += n;
		r.h -= n;
	} else if (sp->stage) {
		snprintf(buf, sizeof(buf), "%s: %s", stage, rec_stage_meaning(sp->stage));
		fact(app, &r, "Stage: ", buf, A_NORMAL);
	} else {
		fact(app, &r, "Stage: ", "not set (enter, then Stage)", dim);
	}
	if (f && f->next) {
		char when[32];
		tw_time_format(f->next, when, sizeof(when));
		fact(app, &r, "Next meeting: ", when, A_NORMAL);
	} else {
		fact(app, &r, "Next meeting: ", "none planned (m plans one)", dim);
	}
	if (f && f->open) {
		if (f->overdue)
			snprintf(buf, sizeof(buf), "%zu open, %zu overdue", f->open, f->overdue);
		else
			snprintf(buf, sizeof(buf), "%zu open", f->open);
		fact(app, &r, "Action items: ", buf, tui_attr(app, f->overdue ? TUI_WARN : TUI_NORMAL));
	} else {
		fact(app, &r, "Action items: ", "none open", dim);
	}
	/* the check-ups, oldest first: the trend reads down */
	char **lines = NULL;
	size_t n = r.h >= 4 ? tui_checkup_trend(app, sp->id, 3, &lines) : 0;
	if (n) {
		tui_text(r.y++, r.x, r.w, "Check-ups (c starts one)", tui_attr(app, TUI_HEADING));
		r.h--;
		for (size_t i = 0; i < n && r.h > 0; i++, r.y++, r.h--)
			tui_text_clip(r.y, r.x + 1, r.w - 1, lines[i], A_NORMAL);
	} else if (r.h >= 4) {
		fact(app, &r, "Check-ups: ", "none yet (c starts one)", dim);
	}
	tui_checkup_lines_free(lines, n);
	if (r.h < 2)
		return;
	tui_text(r.y, r.x, r.w, "Homework", tui_attr(app, TUI_HEADING));
	struct tui_rect hr = { r.y + 1, r.x, r.h - 1, r.w };
	if (sp->homework && tw_text_nonblank(sp->homework))
		tui_text_block(hr, sp->homework, A_NORMAL);
	else
		tui_text_block(hr, "none yet: what they publish and care about (enter edits)", dim);
}

static void draw(struct tui_app *app, struct tui_screen *sc, struct tui_rect r)
{
	struct sponsors *s = (struct sponsors *)sc;
	if (!s->n) {
		draw_list(app, s, r);
		tui_text(r.y + 2, r.x + 1, r.w - 2, "No sponsors yet. Press a to add one.",
			 tui_attr(app, TUI_DIM));
		return;
	}
	attr_t dim = tui_attr(app, TUI_DIM);
	if (r.w >= 100) {
		int lw = r.w * 11 / 20;
		draw_list(app, s, (struct tui_rect){ r.y, r.x, r.h, lw });
		tui_vline(r.y, r.x + lw, r.h, dim);
		draw_detail(app, s, (struct tui_rect){ r.y, r.x + lw + 2, r.h, r.w - lw - 3 });
		return;
	}
	/* Narrow: the list on top, the details (about nine rows) below a rule;
	 * a short list leaves them the rest. */
	int rows = r.h - 2 - 9;
	if (rows < 2)
		rows = 2;
	if ((int)s->n < rows)
		rows = (int)s->n;
	draw_list(app, s, (struct tui_rect){ r.y, r.x, rows + 1, r.w });
	tui_hline(r.y + rows + 1, r.x, r.w, dim);
	draw_detail(app, s, (struct tui_rect){ r.y + rows + 2, r.x + 1, r.h - rows - 2, r.w - 2 });
}

static void delete_one(struct tui_app *app, struct sponsors *s, bool confirmed)
{
	if (!s->n)
		return;
	struct tw_error err = { 0 };
	const struct tw_sponsor *sp = &s->v[s->list.cursor];
	size_t meetings = 0;
	if (!confirmed && !tw_store_sponsor_meeting_count(app->store, app->profile.id, sp->id,
							  &meetings, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	if (meetings) {
		/* it takes records with it: say so and ask */
		s->confirm = sp->id;
		tui_msg(app, "delete %s and their %zu meeting%s? y deletes (the Trash brings "
			     "them back), any other key keeps them", sp->name, meetings,
			meetings == 1 ? "" : "s");
		return;
	}
	if (!tw_store_delete(app->store, app->profile.id, TW_REC_SPONSOR, sp->id, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	tui_msg(app, "deleted %s; press u to undo", sp->name);
	int64_t id = sp->id;
	load(app, s);
	s->deleted = id;
}

static void undo(struct tui_app *app, struct sponsors *s)
{
	struct tw_error err = { 0 };
	if (!tw_store_undelete(app->store, app->profile.id, TW_REC_SPONSOR, s->deleted, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	s->want = s->deleted;
	s->deleted = 0;
	load(app, s);
	tui_msg(app, "sponsor back");
}

/* A delete that takes meetings along asks: y deletes, any other key keeps. */
static bool asking(const struct tui_screen *sc)
{
	return ((const struct sponsors *)sc)->confirm != 0;
}

static bool answer(struct tui_app *app, struct tui_screen *sc, wint_t k, bool code)
{
	struct sponsors *s = (struct sponsors *)sc;
	int64_t id = s->confirm;
	if (!id)
		return false;
	s->confirm = 0;
	if (!code && (k == L'y' || k == L'Y') && s->n && s->v[s->list.cursor].id == id)
		delete_one(app, s, true);
	else
		tui_msg(app, "nothing deleted");
	return true;
}

enum { A_MOVE = 1, A_ADD, A_EDIT, A_DELETE, A_UNDO, A_MEETING, A_CHECKUP };

static bool act(struct tui_app *app, struct tui_screen *sc, int action, wint_t k, bool code)
{
	struct sponsors *s = (struct sponsors *)sc;
	int64_t deleted = s->deleted;
	s->deleted = 0; /* u works right after a delete only */
	const struct tw_sponsor *cur = s->n ? &s->v[s->list.cursor] : NULL;
	switch (action) {
	case A_MOVE:
		return tui_list_key(&s->list, k, code);
	case A_ADD:
		rec_push(app, sponsor_form_open(app, 0, &s->saved));
		return true;
	case A_EDIT:
		if (cur)
			rec_push(app, sponsor_form_open(app, cur->id, &s->saved));
		return true;
	case A_DELETE:
		delete_one(app, s, false);
		return true;
	case A_UNDO:
		s->deleted = deleted;
		if (deleted)
			undo(app, s);
		else
			tui_msg(app, "nothing to undo (u works right after a delete)");
		return true;
	case A_MEETING:
		if (cur)
			rec_push(app, meeting_prepare_open(app, 0, cur->id));
		return true;
	case A_CHECKUP: {
		/* a new run (today's goes on), walked in the check-up guide */
		int64_t run = cur ? tui_checkup_begin(app, cur->id) : 0;
		if (run)
			tui_open(app, TUI_SCREEN_GUIDE,
				 &(struct tui_args){ .item_id = TW_CHECKUP_GUIDE, .meeting_id = run });
		return true;
	}
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *sc, int y, int x)
{
	(void)app;
	(void)x;
	return tui_list_click(&((struct sponsors *)sc)->list, y);
}

static void destroy(struct tui_screen *sc)
{
	struct sponsors *s = (struct sponsors *)sc;
	tw_sponsors_free(s->v, s->n);
	free(s->facts);
	free(s);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_MOVE),
	{ A_ADD, { TUI_K('a') }, "add a sponsor", "add", NULL, TUI_VERB_ADD },
	{ A_EDIT, { TUI_K('e'), TUI_K('\n') }, "edit the sponsor (homework notes, stage)", "edit",
	  NULL, TUI_VERB_EDIT },
	{ A_DELETE, { TUI_K('d'), TUI_KC(KEY_DC) },
	  "delete the sponsor (asks first when their meetings go too)", "delete", NULL,
	  TUI_VERB_DELETE },
	{ A_UNDO, { TUI_K('u') }, "undo the delete (right after it; later: t on Home, the Trash)",
	  "undo", NULL, TUI_VERB_UNDO },
	{ A_MEETING, { TUI_K('m'), TUI_K('p') }, "prepare a meeting with the sponsor", "meeting",
	  NULL, TUI_VERB_NONE },
	{ A_CHECKUP, { TUI_K('c') },
	  "take the relationship check-up with the sponsor (a new dated run; today's goes on)",
	  "check-up", NULL, TUI_VERB_NONE },
	{ 0 },
};
const struct tui_keymap sponsors_keys = { "sponsors", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "sponsors",
	.draw = draw,
	.key = answer,
	.asking = asking,
	.keys = &sponsors_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload, cursor kept */
	.click = click,
};

struct tui_screen *sponsors_open(struct tui_app *app, const struct tui_args *args)
{
	(void)app;
	struct sponsors *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->want = args->id;
	tui_screen_set_title(&s->base, "Sponsors");
	return &s->base;
}
