/* The guide screen: one guide's checklist with the focused item's detail,
 * rate labels and current reflection beside it (wide terminals) or below
 * it. Ticks and ratings are written at once; reflect items open the editor.
 * A guide answered per meeting shows one meeting's answers, with the
 * previous meeting's beside each item ("last time", c copies it over); the
 * check-up the same for one run, with the rated items' trend across runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist.h"
#include "checkup.h"
#include "screens.h"
#include "twoway/agenda.h"
#include "twoway/when.h"

struct guide {
	struct tui_screen base;
	const struct tw_guide *g;
	struct tui_checklist *cl;
	/* the focused item's reflection, fetched when the focus changes */
	const struct tw_item *cached;
	char *refl_text;
	bool refl_private;
	int64_t meeting_id;  /* whose answers: the meeting (a per-meeting guide) or
				the check-up run (the check-up), 0: none */
	bool run;            /* the check-up: meeting_id is a run */
	char trend[240];     /* the focused rated item across runs, "" for none */
	int trend_rating;    /* this run's rating when trend was made */
	/* the focused item's answer last time (the meeting before) */
	char *last_text;     /* a reflection's text, NULL when none */
	bool last_private, last_hidden;
	struct tw_progress last_prog; /* item_id NULL when none */
	char last_label[96]; /* "Dana Reyes, Thu 1 Oct" */
	bool copy_asked;     /* c over an answer asked once */
};

static void drop_cache(struct guide *gs)
{
	free(gs->refl_text);
	gs->refl_text = NULL;
	free(gs->last_text);
	gs->last_text = NULL;
	tw_progress_finish(&gs->last_prog);
	memset(&gs->last_prog, 0, sizeof gs->last_prog);
	gs->last_label[0] = '\0';
	gs->trend[0] = '\0';
	gs->cached = NULL;
	gs->copy_asked = false;
}

/* "Dana Reyes, Thu 1 Oct 10:00" for meeting id. */
static void meeting_label(struct tui_app *app, int64_t id, char *buf, size_t len)
{
	struct tw_meeting m;
	struct tw_error err = { 0 };
	buf[0] = '\0';
	if (!tw_store_meeting_get(app->store, id, &m, &err))
		return;
	char when[64];
	tw_when_label(m.when, (tw_time)time(NULL), when, sizeof when);
	snprintf(buf, len, "%.40s, %.50s", m.sponsor_name ? m.sponsor_name : "?", when);
	tw_meeting_finish(&m);
}

/* The meeting or run id answered ("" on error). */
static void occasion_label(struct tui_app *app, const struct guide *gs, int64_t id, char *buf,
			   size_t len)
{
	if (gs->run)
		tui_checkup_label(app, id, buf, len);
	else
		meeting_label(app, id, buf, len);
}

/* What the meeting (or check-up run) before this one answered on it. */
static void fetch_last_time(struct tui_app *app, struct guide *gs, const struct tw_item *it)
{
	struct tw_error err = { 0 };
	int64_t from = 0;
	if (it->kind == TW_ITEM_REFLECT) {
		struct tw_reflection r;
		if (tw_store_reflection_last_time(app->store, app->profile.id, gs->meeting_id,
						  it->full_id, &r, &err)) {
			gs->last_text = r.text;
			gs->last_private = r.is_private;
			gs->last_hidden = r.hidden;
			from = r.meeting_id ? r.meeting_id : r.checkup_id;
			r.text = NULL;
			tw_reflection_finish(&r);
		}
	} else if (tw_store_progress_last_time(app->store, app->profile.id, gs->meeting_id,
					       it->full_id, &gs->last_prog, &err)) {
		from = gs->last_prog.meeting_id ? gs->last_prog.meeting_id
						 : gs->last_prog.checkup_id;
	}
	if (err.code && err.code != TW_ERR_NOTFOUND)
		tui_error(app, "%s", err.message);
	if (from)
		occasion_label(app, gs, from, gs->last_label, sizeof gs->last_label);
	else
		snprintf(gs->last_label, sizeof gs->last_label, "before any %s",
			 gs->run ? "check-up run" : "meeting");
}

static void fetch_reflection(struct tui_app *app, struct guide *gs, const struct tw_item *it)
{
	if (gs->cached == it)
		return;
	drop_cache(gs);
	gs->cached = it;
	if (it && gs->meeting_id && tw_agenda_per_occasion(it->full_id))
		fetch_last_time(app, gs, it);
	gs->trend_rating = -1; /* made when drawn */
	if (!it || it->kind != TW_ITEM_REFLECT)
		return;
	struct tw_reflection r;
	struct tw_error err = { 0 };
	int64_t mid = tw_agenda_per_occasion(it->full_id) ? gs->meeting_id : 0;
	if (tw_store_reflection_get_item_in(app->store, app->profile.id, mid, it->full_id, &r,
					    &err)) {
		gs->refl_text = r.text;
		gs->refl_private = r.is_private;
		r.text = NULL;
		tw_reflection_finish(&r);
	} else if (err.code != TW_ERR_NOTFOUND) {
		tui_error(app, "%s", err.message);
	}
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct guide *gs = (struct guide *)s;
	tui_checklist_reload(gs->cl, app);
	drop_cache(gs);
}

static int block(struct tui_rect *r, const char *text, attr_t a)
{
	if (!text || r->h <= 0)
		return 0;
	int n = tui_text_block(*r, text, a);
	r->y += n;
	r->h -= n;
	return n;
}

static void skip(struct tui_rect *r)
{
	r->y++;
	r->h--;
}

/* The detail pane: the item (or section intro), what its keys do, its
 * detail text, rate labels and the first lines of its reflection. Below
 * the list (repeat false) the item's text takes one line: the list just
 * above already shows it whole. */
static void draw_detail(struct tui_app *app, struct guide *gs, struct tui_rect r, bool repeat)
{
	const struct tui_item_state *st = NULL;
	const struct tw_section *sec = NULL;
	const struct tw_item *it = tui_checklist_item(gs->cl, &st, &sec);
	fetch_reflection(app, gs, it);
	if (!it) {
		if (!sec)
			return;
		block(&r, sec->title, tui_attr(app, TUI_HEADING));
		if (sec->basis == TW_BASIS_ADAPTED)
			block(&r, "(adapted, not the authors' words)", tui_attr(app, TUI_DIM));
		skip(&r);
		block(&r, sec->intro, A_NORMAL);
		return;
	}
	if (repeat) {
		block(&r, it->text, A_BOLD);
	} else {
		tui_text_clip(r.y, r.x, r.w, it->text, A_BOLD);
		skip(&r);
	}
	char hint[256];
	switch (it->kind) {
	case TW_ITEM_CHECK:
		snprintf(hint, sizeof(hint), "%s  (space ticks)", st->ticked ? "Done" : "To do");
		break;
	case TW_ITEM_RATE:
		if (st->rating)
			snprintf(hint, sizeof(hint), "Rated %d of 5  (1-5 rate, 0 clears)", st->rating);
		else
			snprintf(hint, sizeof(hint), "Not rated  (1-5 rate, 0 clears)");
		break;
	case TW_ITEM_REFLECT:
		snprintf(hint, sizeof(hint), "%s  (enter writes)",
			 st->reflected ? "Reflected" : "Not written yet");
		break;
	}
	block(&r, hint, tui_attr(app, TUI_KEY));
	if (it->kind == TW_ITEM_RATE && (it->low || it->high)) {
		char labels[600];
		snprintf(labels, sizeof(labels), "1 = %s   5 = %s", it->low ? it->low : "",
			 it->high ? it->high : "");
		block(&r, labels, tui_attr(app, TUI_DIM));
	}
	if (gs->run && gs->meeting_id && it->kind == TW_ITEM_RATE && st->rating != gs->trend_rating) {
		tui_checkup_item_trend(app, gs->meeting_id, it->full_id, gs->trend, sizeof gs->trend);
		gs->trend_rating = st->rating;
	}
	if (gs->trend[0])
		block(&r, gs->trend, tui_attr(app, TUI_HEADING));
	if (it->detail) {
		skip(&r);
		block(&r, it->detail, A_NORMAL);
	}
	if (gs->refl_text && r.h > 1) {
		skip(&r);
		block(&r, gs->refl_private ? "Your reflection (private):" : "Your reflection:",
		      tui_attr(app, TUI_HEADING));
		block(&r, gs->refl_text, tui_attr(app, TUI_DIM));
	}
	char last[240];
	const char *copy = gs->last_hidden ? "" : "  (c copies it)";
	if (gs->last_text) {
		snprintf(last, sizeof last, "Last time%s (%s):%s",
			 gs->last_private ? ", private" : "", gs->last_label, copy);
	} else if (gs->last_prog.item_id && it->kind == TW_ITEM_CHECK) {
		snprintf(last, sizeof last, "Last time (%s): ticked%s", gs->last_label, copy);
	} else if (gs->last_prog.item_id && it->kind == TW_ITEM_RATE && gs->last_prog.rating) {
		snprintf(last, sizeof last, "Last time (%s): rated %d of 5%s", gs->last_label,
			 gs->last_prog.rating, copy);
	} else {
		return;
	}
	if (r.h > 1) {
		skip(&r);
		block(&r, last, tui_attr(app, TUI_HEADING));
		if (gs->last_text)
			block(&r, gs->last_text, tui_attr(app, TUI_DIM));
	}
}

/* c: the focused item takes last time's answer: the reflection's text
 * (private stays private), the tick or the rating. Over an answer of its
 * own it asks first. */
static void copy_last(struct tui_app *app, struct guide *gs)
{
	const struct tui_item_state *st = NULL;
	const struct tw_item *it = tui_checklist_item(gs->cl, &st, NULL);
	fetch_reflection(app, gs, it);
	const char *what = gs->run ? "check-up" : "meeting";
	if (!it || !gs->meeting_id || !tw_agenda_per_occasion(it->full_id)) {
		tui_msg(app, "c copies last time's answer in a guide walked for a meeting or "
			     "check-up");
		return;
	}
	bool have = gs->last_text || (gs->last_prog.item_id && (it->kind == TW_ITEM_CHECK ||
								 gs->last_prog.rating));
	if (!have) {
		tui_msg(app, "no earlier %s has an answer here", what);
		return;
	}
	if (gs->last_hidden) {
		tui_msg(app, "last time's answer is private: it does not copy in coach mode");
		return;
	}
	bool answered = it->kind == TW_ITEM_REFLECT ? st->reflected
			: it->kind == TW_ITEM_CHECK	    ? st->ticked
							    : st->rating > 0;
	if (answered && !gs->copy_asked) {
		gs->copy_asked = true;
		tui_msg(app, "this %s has its own answer here: c again replaces it with last "
			     "time's", what);
		return;
	}
	struct tw_error err = { 0 };
	bool ok;
	if (it->kind == TW_ITEM_REFLECT)
		ok = tw_store_reflection_save_in(app->store, app->profile.id, gs->meeting_id,
						 it->full_id, gs->last_text,
						 gs->last_private ? TW_PRIVACY_PRIVATE : TW_PRIVACY_KEEP,
						 NULL, &err);
	else if (it->kind == TW_ITEM_CHECK)
		ok = tw_store_progress_tick_in(app->store, app->profile.id, gs->meeting_id,
					       it->full_id, true, &err);
	else
		ok = tw_store_progress_rate_in(app->store, app->profile.id, gs->meeting_id,
					       it->full_id, gs->last_prog.rating, &err);
	if (!ok) {
		tui_error(app, "not copied: %s", err.message);
		return;
	}
	tui_checklist_reload(gs->cl, app);
	drop_cache(gs);
	tui_msg(app, "copied last time's answer to this %s", what);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct guide *gs = (struct guide *)s;
	tui_checklist_draw_title(gs->cl, app, r.y, r.x, r.w);
	struct tui_rect body = { r.y + 1, r.x, r.h - 1, r.w };
	if (r.w >= 100) {
		int lw = r.w * 11 / 20;
		tui_checklist_draw(gs->cl, app, (struct tui_rect){ body.y, body.x, body.h, lw }, true);
		tui_vline(body.y, body.x + lw, body.h, tui_attr(app, TUI_DIM));
		draw_detail(app, gs,
			    (struct tui_rect){ body.y, body.x + lw + 2, body.h, r.w - lw - 3 }, true);
	} else {
		/* The list gets two thirds; the pane below at least two rows. */
		int dh = body.h / 3 < 2 ? 2 : body.h / 3;
		int lh = body.h - dh - 1;
		tui_checklist_draw(gs->cl, app, (struct tui_rect){ body.y, body.x, lh, body.w }, true);
		tui_hline(body.y + lh, body.x, body.w, tui_attr(app, TUI_DIM));
		draw_detail(app, gs,
			    (struct tui_rect){ body.y + lh + 1, body.x + 1, dh, body.w - 2 }, false);
	}
}

enum { A_LIST = 1, A_COPY };

/* Every key of the table but c goes to the checklist, which knows the
 * item. */
static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct guide *gs = (struct guide *)s;
	if (action == A_COPY) {
		copy_last(app, gs);
		return true;
	}
	enum tui_cl_result res = tui_checklist_key(gs->cl, app, k, code);
	if (res == TUI_CL_OPEN_REFLECT) {
		const struct tw_item *it = tui_checklist_item(gs->cl, NULL, NULL);
		if (it)
			tui_open(app, TUI_SCREEN_REFLECTION,
				 &(struct tui_args){ .item_id = it->full_id,
						     .meeting_id = gs->meeting_id });
		return true;
	}
	if (res != TUI_CL_IGNORED)
		gs->copy_asked = false;
	if (res == TUI_CL_IGNORED && !code && k == L'e') {
		tui_msg(app, "e writes on reflect items; space ticks, 1-5 rates");
		return true;
	}
	if (res == TUI_CL_IGNORED && !code && k >= L'0' && k <= L'5') {
		tui_msg(app, "digits rate a rate item; this one is not");
		return true;
	}
	return res != TUI_CL_IGNORED;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	struct guide *gs = (struct guide *)s;
	return tui_checklist_click(gs->cl, y, x);
}

static void destroy(struct tui_screen *s)
{
	struct guide *gs = (struct guide *)s;
	drop_cache(gs);
	tui_checklist_free(gs->cl);
	free(gs);
}

static bool walked_for_meeting(const struct tui_screen *s)
{
	const struct guide *gs = (const struct guide *)s;
	return gs->meeting_id && tw_agenda_guide_per_occasion(gs->g->id);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_LIST),
	{ A_LIST, { TUI_K(' ') }, "tick a check item; open or close a section", "tick", NULL,
	  TUI_VERB_NONE },
	{ A_LIST, { TUI_KR('1', '5'), TUI_K('0') }, "rate a rate item (0 clears)", "rate", NULL,
	  TUI_VERB_NONE },
	{ A_LIST, { TUI_K('\n'), TUI_K('e') },
	  "write the reflection of a reflect item (enter also ticks a check item and opens or "
	  "closes a section)",
	  "write", NULL, TUI_VERB_EDIT },
	{ A_LIST, { TUI_K('h'), TUI_KC(KEY_LEFT), TUI_K('l'), TUI_KC(KEY_RIGHT) },
	  "collapse, expand the section", "fold", NULL, TUI_VERB_NONE },
	{ A_COPY, { TUI_K('c') }, "copy last time's answer (the meeting or check-up before) to this one",
	  "copy last time", walked_for_meeting, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "[x] [3] [*]", "ticked, rated, reflected" },
	{ "[p] [~]", "a private reflection, one to write" },
	{ NULL, NULL },
};
const struct tui_keymap guide_keys = { "guide", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "guide",
	.draw = draw,
	.keys = &guide_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload, cursor kept */
	.click = click,
};

struct tui_screen *guide_open(struct tui_app *app, const struct tui_args *args)
{
	const char *id = args->item_id ? args->item_id : "";
	char gid[256];
	size_t n = strcspn(id, "/");
	snprintf(gid, sizeof(gid), "%.*s", (int)(n < sizeof(gid) ? n : sizeof(gid) - 1), id);
	const struct tw_guide *g = tw_library_guide(app->lib, gid);
	if (!g) {
		tui_error(app, "no guide '%s' in the loaded content", gid);
		return NULL;
	}
	struct guide *gs = calloc(1, sizeof(*gs));
	if (!gs)
		return NULL;
	gs->base.ops = &ops;
	gs->g = g;
	gs->cl = tui_checklist_new(g);
	if (!gs->cl) {
		free(gs);
		return NULL;
	}
	/* A section id focuses that section's first item. */
	if (id[n] == '/' && tui_checklist_focus(gs->cl, id) &&
	    !tui_checklist_item(gs->cl, NULL, NULL))
		tui_checklist_key(gs->cl, app, KEY_DOWN, true);
	gs->meeting_id = args->meeting_id;
	gs->run = !tw_agenda_guide_per_meeting(g->id) && tw_agenda_guide_per_occasion(g->id);
	struct tw_error err = { 0 };
	if (tw_agenda_guide_per_meeting(g->id) && !gs->meeting_id &&
	    !tw_agenda_walk_meeting(app->store, app->profile.id, g->id, (tw_time)time(NULL),
				    &gs->meeting_id, &err))
		tui_error(app, "%s", err.message);
	/* the check-up walks the latest run; with none, c on a sponsor starts one */
	if (gs->run && !gs->meeting_id &&
	    !tw_store_checkup_latest(app->store, app->profile.id, 0, &gs->meeting_id, &err))
		tui_error(app, "%s", err.message);
	if (gs->run && !gs->meeting_id)
		tui_msg(app, "no check-up started yet: on Sponsors (s), c starts one with a sponsor");
	tui_checklist_set_meeting(gs->cl, gs->meeting_id);
	char label[96] = "";
	if (gs->meeting_id && tw_agenda_guide_per_occasion(g->id))
		occasion_label(app, gs, gs->meeting_id, label, sizeof label);
	if (*label)
		tui_screen_set_title(&gs->base, "%s: %s", g->title, label);
	else
		tui_screen_set_title(&gs->base, "%s", g->title);
	return &gs->base;
}
