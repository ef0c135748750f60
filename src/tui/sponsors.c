/* The sponsors screen: every sponsor of the profile with title,
 * organisation and continuum stage; add and edit in the sponsor form,
 * delete (undone with u right after), and plan a meeting with one. */
#include <stdlib.h>
#include <string.h>

#include "records.h"

struct sponsors {
	struct tui_screen base;
	struct tw_sponsor *v;
	size_t n, cursor, top;
	int rows;             /* list rows last drawn */
	int row0;             /* screen row of the first list row */
	int64_t want;         /* focus this id on the next load */
	int64_t saved;        /* filled by the sponsor form */
	int64_t deleted;      /* undo with u right after a delete */
};

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
	for (size_t i = 0; want && i < s->n; i++)
		if (s->v[i].id == want)
			s->cursor = i;
	if (s->cursor >= s->n)
		s->cursor = s->n ? s->n - 1 : 0;
}

static void on_focus(struct tui_app *app, struct tui_screen *sc)
{
	load(app, (struct sponsors *)sc);
}

static void draw(struct tui_app *app, struct tui_screen *sc, struct tui_rect r)
{
	struct sponsors *s = (struct sponsors *)sc;
	int stage_w = 18, name_w, title_w = 0, org_w = 0;
	bool wide = r.w >= 80;
	if (wide) {
		name_w = (r.w - stage_w - 2) * 3 / 9;
		title_w = (r.w - stage_w - 2) * 3 / 9;
		org_w = r.w - stage_w - 2 - name_w - title_w;
	} else {
		name_w = r.w - stage_w - 2;
	}
	attr_t h = tui_attr(app, TUI_HEADING);
	int x = r.x + 1;
	tui_text(r.y, x, name_w - 1, "Name", h);
	if (wide) {
		tui_text(r.y, x + name_w, title_w - 1, "Title", h);
		tui_text(r.y, x + name_w + title_w, org_w - 1, "Organisation", h);
	}
	tui_text(r.y, x + name_w + title_w + org_w, stage_w, "Stage", h);
	s->rows = r.h - 1;
	s->row0 = r.y + 1;
	if (!s->n) {
		tui_text(r.y + 2, x, r.w - 2, "No sponsors yet. Press a to add one.",
			 tui_attr(app, TUI_DIM));
		return;
	}
	tui_scroll_to(s->cursor, &s->top, s->rows, s->n);
	for (int i = 0; i < s->rows && s->top + (size_t)i < s->n; i++) {
		size_t k = s->top + (size_t)i;
		const struct tw_sponsor *sp = &s->v[k];
		int y = s->row0 + i;
		attr_t a = k == s->cursor ? tui_attr(app, TUI_SELECTED) : A_NORMAL;
		if (k == s->cursor)
			tui_fill(y, r.x, r.w, a);
		tui_text(y, x, name_w - 1, sp->name, a);
		if (wide) {
			tui_text(y, x + name_w, title_w - 1, sp->title, a);
			tui_text(y, x + name_w + title_w, org_w - 1, sp->org, a);
		}
		tui_text(y, x + name_w + title_w + org_w, stage_w,
			 sp->stage ? tw_stage_label(sp->stage) : "-", a);
	}
	if (s->n > (size_t)s->rows)
		tui_textf(r.y, r.x + r.w - 12, 11, tui_attr(app, TUI_DIM), "%zu/%zu",
			  s->cursor + 1, s->n);
}

static void delete_one(struct tui_app *app, struct sponsors *s)
{
	if (!s->n)
		return;
	struct tw_error err = { 0 };
	const struct tw_sponsor *sp = &s->v[s->cursor];
	if (!tw_store_delete(app->store, TW_REC_SPONSOR, sp->id, &err)) {
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
	if (!tw_store_undelete(app->store, TW_REC_SPONSOR, s->deleted, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	s->want = s->deleted;
	s->deleted = 0;
	load(app, s);
	tui_msg(app, "sponsor back");
}

static bool key(struct tui_app *app, struct tui_screen *sc, wint_t k, bool code)
{
	struct sponsors *s = (struct sponsors *)sc;
	int64_t deleted = s->deleted;
	s->deleted = 0;
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav != TUI_NAV_NONE) {
		tui_nav_apply(nav, &s->cursor, s->n, s->rows);
		return true;
	}
	bool enter = tui_is_enter(k, code);
	if (code && !enter)
		return false;
	if (enter || k == L'e') {
		if (s->n)
			rec_push(app, sponsor_form_open(app, s->v[s->cursor].id, &s->saved));
		return true;
	}
	switch (k) {
	case L'a':
	case L'n':
		rec_push(app, sponsor_form_open(app, 0, &s->saved));
		return true;
	case L'x':
	case L'd':
		delete_one(app, s);
		return true;
	case L'u':
		s->deleted = deleted;
		if (deleted)
			undo(app, s);
		else
			tui_msg(app, "nothing to undo (u works right after a delete)");
		return true;
	case L'm':
	case L'p':
		if (s->n)
			rec_push(app, meeting_prepare_open(app, 0, s->v[s->cursor].id));
		return true;
	default:
		return false;
	}
}

static bool click(struct tui_app *app, struct tui_screen *sc, int y, int x)
{
	struct sponsors *s = (struct sponsors *)sc;
	int i = y - s->row0;
	if (i < 0 || i >= s->rows || s->top + (size_t)i >= s->n)
		return false;
	s->cursor = s->top + (size_t)i;
	return true;
}

static void destroy(struct tui_screen *sc)
{
	struct sponsors *s = (struct sponsors *)sc;
	tw_sponsors_free(s->v, s->n);
	free(s);
}

static const struct tui_help help[] = {
	{ "j/k, arrows", "move" },
	{ "g/G, PgUp/PgDn", "first/last, a page up/down" },
	{ "a", "add a sponsor" },
	{ "enter, e", "edit the sponsor (homework notes, stage)" },
	{ "x, d", "delete the sponsor" },
	{ "u", "undo the delete (right after it)" },
	{ "m, p", "prepare a meeting with the sponsor" },
	{ "q, Esc", "back" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "sponsors",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.click = click,
	.help = help,
	.footer = "a add  enter edit  x delete  m meeting",
};

struct tui_screen *sponsors_open(struct tui_app *app, const struct tui_args *args)
{
	struct sponsors *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->want = args->id;
	tui_screen_set_title(&s->base, "Sponsors");
	return &s->base;
}
