/* The coach panel of coach mode: the content's coach prompt for the focused
 * item, the sponsee's earlier answers on it (ratings and reflection versions
 * with dates, private ones only as "private") and the coach's own notes. */
#include <stdlib.h>
#include <string.h>

#include "coach.h"
#include "editor.h"
#include "twoway/util.h"

struct hline {
	char *text;
	enum tui_role role;
};

struct coach_panel {
	struct tui_editor *notes;
	const struct tw_item *item;
	int64_t run; /* the check-up run its check-up items are read in */
	bool fetched;
	struct hline *lines; /* the earlier answers, newest first */
	size_t n, cap;
};

static void drop_lines(struct coach_panel *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->lines[i].text);
	p->n = 0;
}

static void add_line(struct coach_panel *p, enum tui_role role, char *text)
{
	if (!text)
		return;
	if (!tw_grow((void **)&p->lines, &p->cap, p->n, sizeof *p->lines)) {
		free(text);
		return;
	}
	p->lines[p->n++] = (struct hline){ text, role };
}

struct coach_panel *coach_panel_new(const char *notes)
{
	struct coach_panel *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->notes = tui_editor_new(notes);
	if (!p->notes) {
		free(p);
		return NULL;
	}
	return p;
}

void coach_panel_set_run(struct coach_panel *p, int64_t run)
{
	p->run = run;
	p->fetched = false;
}

void coach_panel_free(struct coach_panel *p)
{
	if (!p)
		return;
	drop_lines(p);
	free(p->lines);
	tui_editor_free(p->notes);
	free(p);
}

struct tui_editor *coach_panel_notes(struct coach_panel *p)
{
	return p->notes;
}

void coach_panel_refresh(struct coach_panel *p)
{
	p->fetched = false;
}

static void fetch_ratings(struct coach_panel *p, struct tui_app *app, const struct tw_item *it)
{
	int *ratings = NULL;
	tw_time *when = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_rating_history(app->store, app->profile.id, it->full_id, &ratings, &when, &n,
				     &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	for (size_t i = n; i-- > 0;) {
		char date[32];
		tw_time_format(when[i], date, sizeof(date));
		if (ratings[i] > 0)
			add_line(p, TUI_NORMAL,
				 tw_strdup_printf("%s  rated %d of 5", date, ratings[i]));
		else
			add_line(p, TUI_DIM, tw_strdup_printf("%s  rating cleared", date));
	}
	free(ratings);
	free(when);
}

/* Every version of the item's reflection, newest first. When the sponsee
 * marks the reflection private, every version of it is private: the text
 * of a private one is never copied here. */
static void fetch_reflections(struct coach_panel *p, struct tui_app *app,
			      const struct tw_item *it)
{
	struct tw_reflection r;
	struct tw_error err = { 0 };
	int64_t run = tw_checkup_item(it->full_id) ? p->run : 0;
	if (!tw_store_reflection_get_item_in(app->store, app->profile.id, run, it->full_id, &r,
					     &err)) {
		if (err.code != TW_ERR_NOTFOUND)
			tui_error(app, "%s", err.message);
		return;
	}
	bool all_private = r.is_private;
	int64_t rid = r.id;
	tw_reflection_finish(&r);
	struct tw_reflection_version *v = NULL;
	size_t n = 0;
	if (!tw_store_reflection_history(app->store, rid, &v, &n, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	for (size_t i = n; i-- > 0;) {
		char date[32];
		tw_time_format(v[i].saved, date, sizeof(date));
		if (all_private || v[i].is_private) {
			add_line(p, TUI_WARN,
				 tw_strdup_printf("%s  reflection v%d: private", date, v[i].version));
			continue;
		}
		add_line(p, TUI_DIM, tw_strdup_printf("%s  reflection v%d:", date, v[i].version));
		add_line(p, TUI_NORMAL, tw_strdup0(v[i].text));
	}
	tw_reflection_versions_free(v, n);
}

void coach_panel_set_item(struct coach_panel *p, struct tui_app *app, const struct tw_item *it)
{
	if (p->fetched && p->item == it)
		return;
	drop_lines(p);
	p->item = it;
	p->fetched = true;
	if (!it)
		return;
	if (it->kind == TW_ITEM_RATE)
		fetch_ratings(p, app, it);
	fetch_reflections(p, app, it);
}

/* Draws a wrapped block at the top of *r (at most max rows) and moves r. */
static void block(struct tui_rect *r, const char *text, attr_t a, int max)
{
	if (r->h <= 0 || max <= 0)
		return;
	struct tui_rect b = { r->y, r->x, max < r->h ? max : r->h, r->w };
	int n = tui_text_block(b, text, a);
	r->y += n;
	r->h -= n;
}

void coach_panel_draw(struct coach_panel *p, struct tui_app *app, struct tui_rect r,
		      bool focused, const char *note)
{
	if (r.h <= 0 || r.w <= 2)
		return;
	bool roomy = r.h >= 8;
	int nh = r.h / 3 > 3 ? r.h / 3 : (r.h >= 5 ? 3 : 2);
	if (nh > r.h)
		nh = r.h;
	struct tui_rect top = { r.y, r.x, r.h - nh, r.w };
	const struct tw_item *it = p->item;
	if (!it) {
		block(&top, "Move to an item to see its coach prompt.", tui_attr(app, TUI_DIM), 2);
	} else {
		if (roomy)
			block(&top, "Coach prompt", tui_attr(app, TUI_HEADING), 1);
		int pmax = roomy ? (top.h - 2 > 2 ? top.h - 2 : 2) : top.h;
		if (it->coach)
			block(&top, it->coach, A_BOLD, pmax);
		else
			block(&top, "(no coach prompt for this item)", tui_attr(app, TUI_DIM), 1);
		if (roomy && top.h > 1) {
			top.y++;
			top.h--;
			block(&top, "Earlier answers", tui_attr(app, TUI_HEADING), 1);
			if (!p->n)
				block(&top, "none yet", tui_attr(app, TUI_DIM), 1);
			for (size_t i = 0; i < p->n && top.h > 0; i++)
				block(&top, p->lines[i].text, tui_attr(app, p->lines[i].role), top.h);
		}
	}
	int y = r.y + r.h - nh;
	attr_t ha = tui_attr(app, focused ? TUI_SELECTED : TUI_HEADING);
	if (note) {
		tui_bar(y, r.x, r.w, note, tui_attr(app, TUI_WARN) | A_REVERSE);
	} else {
		char head[96];
		snprintf(head, sizeof(head), "Coach notes%s%s",
			 tui_editor_changed(p->notes) ? " (modified)" : "",
			 focused ? "  Tab: back to the list" : "  Tab: write");
		tui_bar(y, r.x, r.w, head, ha);
	}
	struct tui_rect er = { y + 1, r.x, nh - 1, r.w };
	if (er.h > 0)
		tui_editor_draw(p->notes, app, er, focused);
}
