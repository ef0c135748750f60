/* Home: progress per guide as bars, the next meeting (with how far off it
 * is), a prompt to debrief a planned meeting whose time has passed (d opens
 * it), open and overdue action items, recent reflections and a plain next
 * step; content skipped at load time is reported here once. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist.h"
#include "screens.h"
#include "twoway/util.h"
#include "twoway/when.h"

#define RECENT 10       /* reflections loaded; 3 shown, more on a tall terminal */
#define SHOWN 3         /* action items and reflections shown at the least */

struct gstat {
	size_t done, total;
	size_t next_sec;  /* first section with items left */
	size_t next_left; /* items left in it */
};

struct home {
	struct tui_screen base;
	struct gstat *stats;
	size_t n_stats;
	bool has_next;
	struct tw_meeting next;
	bool has_due;           /* a planned meeting whose time has passed */
	struct tw_meeting due;  /* the latest such one */
	size_t n_due;           /* how many there are */
	struct tw_action *actions;
	size_t n_actions, n_overdue;
	char today[11];
	struct tw_reflection *recent;
	size_t n_recent;
	size_t cursor, top;
	int focus_count;     /* problems show on the first visit only */
	struct tui_rect last;
	int guide_row0;      /* screen row of the first guide row last drawn */
	size_t more_actions, more_recent; /* rows to spare on a tall terminal */
	size_t recent_shown;  /* reflections drawn: the cursor runs on past the
				 guides onto them */
};

static void unload(struct home *h)
{
	free(h->stats);
	h->stats = NULL;
	if (h->has_next)
		tw_meeting_finish(&h->next);
	h->has_next = false;
	if (h->has_due)
		tw_meeting_finish(&h->due);
	h->has_due = false;
	h->n_due = 0;
	tw_actions_free(h->actions, h->n_actions);
	h->actions = NULL;
	h->n_actions = h->n_overdue = 0;
	tw_reflections_free(h->recent, h->n_recent);
	h->recent = NULL;
	h->n_recent = 0;
}

static void load_stats(struct tui_app *app, struct home *h)
{
	struct tw_progress *prog = NULL;
	size_t n_prog = 0;
	struct tw_error err = { 0 };
	if (!tw_store_progress_list(app->store, app->profile.id, &prog, &n_prog, &err))
		tui_error(app, "%s", err.message);
	h->n_stats = app->lib->n_guides;
	h->stats = calloc(h->n_stats + 1, sizeof(*h->stats));
	for (size_t g = 0; h->stats && g < h->n_stats; g++) {
		const struct tw_guide *gd = app->lib->guides[g];
		size_t n = tui_guide_item_count(gd);
		struct tui_item_state *st = calloc(n + 1, sizeof(*st));
		struct gstat *gs = &h->stats[g];
		gs->total = n;
		gs->next_sec = SIZE_MAX;
		/* the check-up counts its latest run */
		struct tw_progress *rp = NULL;
		size_t n_rp = 0;
		int64_t run = 0;
		bool is_run = strcmp(gd->id, TW_CHECKUP_GUIDE) == 0 &&
			      tw_store_checkup_latest(app->store, app->profile.id, 0, &run, &err) &&
			      run &&
			      tw_store_progress_list_checkup(app->store, app->profile.id, run, &rp,
							     &n_rp, &err);
		bool ok = st && tui_guide_states(app, gd, is_run ? run : 0, is_run ? rp : prog,
						 is_run ? n_rp : n_prog, st);
		tw_progresses_free(rp, n_rp);
		if (!ok) {
			free(st);
			continue;
		}
		size_t k = 0;
		for (size_t s = 0; s < gd->n_sections; s++) {
			size_t left = 0;
			for (size_t i = 0; i < gd->sections[s].n_items; i++, k++) {
				if (tui_item_done(&gd->sections[s].items[i], &st[k]))
					gs->done++;
				else
					left++;
			}
			if (left && gs->next_sec == SIZE_MAX) {
				gs->next_sec = s;
				gs->next_left = left;
			}
		}
		free(st);
	}
	tw_progresses_free(prog, n_prog);
}

static void load(struct tui_app *app, struct home *h)
{
	unload(h);
	load_stats(app, h);
	struct tw_error err = { 0 };
	tw_time now = (tw_time)time(NULL);
	if (tw_store_meeting_next(app->store, app->profile.id, now, &h->next, &err))
		h->has_next = true;
	else if (err.code != TW_ERR_NOTFOUND)
		tui_error(app, "%s", err.message);
	/* Planned meetings whose time has passed wait for a debrief. */
	struct tw_meeting *planned = NULL;
	size_t n_planned = 0;
	if (!tw_store_meeting_list(app->store, app->profile.id, 1, &planned, &n_planned, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = n_planned; i-- > 0;) {
		if (planned[i].when >= now)
			continue;
		if (!h->n_due++) {
			h->due = planned[i];
			memset(&planned[i], 0, sizeof planned[i]);
			h->has_due = true;
		}
	}
	tw_meetings_free(planned, n_planned);
	tw_today(h->today, sizeof(h->today));
	if (!tw_store_action_list(app->store, app->profile.id, 0, TW_ACTIONS_OPEN, h->today,
				  &h->actions, &h->n_actions, &err))
		tui_error(app, "%s", err.message);
	for (size_t i = 0; i < h->n_actions; i++)
		if (h->actions[i].due[0] && strcmp(h->actions[i].due, h->today) < 0)
			h->n_overdue++;
	if (!tw_store_reflection_list(app->store, app->profile.id, RECENT, &h->recent, &h->n_recent,
				      &err))
		tui_error(app, "%s", err.message);
	if (h->cursor >= h->n_stats + h->n_recent)
		h->cursor = h->n_stats + h->n_recent ? h->n_stats + h->n_recent - 1 : 0;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct home *h = (struct home *)s;
	h->focus_count++;
	load(app, h);
}

/* Another window wrote: reload, without counting it as a visit. */
static void on_refresh(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct home *)s);
}

/* The first line of text, for one-line previews. */
static void first_line(const char *text, char *buf, size_t size)
{
	size_t n = 0;
	while (text && text[n] && text[n] != '\n' && n + 1 < size)
		n++;
	/* Never cut a UTF-8 sequence in two. */
	while (n > 0 && text[n] && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	if (text)
		memcpy(buf, text, n);
	buf[n] = '\0';
}

/* Rows of Home are drawn in order; row() skips rows above the scroll
 * offset and below the rect. */
struct cursor {
	struct tui_rect r;
	int row;  /* logical row */
	int skip; /* logical rows scrolled away */
};

static int row(struct cursor *c)
{
	int y = c->row++ - c->skip;
	return y >= 0 && y < c->r.h ? c->r.y + y : -1;
}

static void heading(struct tui_app *app, struct cursor *c, const char *text)
{
	int y = row(c);
	if (y >= 0)
		tui_text(y, c->r.x + 1, c->r.w - 2, text, tui_attr(app, TUI_HEADING));
}

static void line(struct cursor *c, int indent, const char *text, attr_t a)
{
	int y = row(c);
	if (y >= 0)
		tui_text_clip(y, c->r.x + indent, c->r.w - indent - 1, text, a);
}

/* A label, then text wrapped under itself over at most max rows (the
 * last one ends in an ellipsis when the text needs more). Returns the
 * rows the whole text would need. */
static size_t labelled(struct cursor *c, int indent, const char *label, const char *text,
		       size_t max, attr_t a, bool draw)
{
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(text, &n);
	if (!w)
		return 0;
	int lw = tui_text_width(label), x = c->r.x + indent + lw;
	int width = c->r.w - indent - lw - 1;
	struct tui_line ln[16];
	size_t total = tui_wrap(w, n, width, ln, 16);
	for (size_t i = 0; draw && i < total && i < max && i < 16; i++) {
		int y = row(c);
		if (y < 0)
			continue;
		if (!i)
			tui_text(y, c->r.x + indent, lw, label, a);
		if (i + 1 == max && total > max) {
			char *rest = tui_utf8_from_wcs(w + ln[i].start, n - ln[i].start);
			tui_text_clip(y, x, width, rest, a);
			free(rest);
		} else {
			tui_wtext(y, x, width, w + ln[i].start, ln[i].end - ln[i].start, a);
		}
	}
	free(w);
	return total;
}

static void draw_guides(struct tui_app *app, struct home *h, struct cursor *c)
{
	heading(app, c, "Guides");
	if (!app->lib->n_guides)
		line(c, 3, "No guides loaded.", tui_attr(app, TUI_WARN));
	int barw = c->r.w / 3 > 24 ? 24 : c->r.w / 3;
	/* The bars start after the longest title, not at the far right. */
	int longest = 0;
	for (size_t g = 0; g < h->n_stats; g++) {
		int tw = tui_text_width(app->lib->guides[g]->title);
		longest = tw > longest ? tw : longest;
	}
	h->guide_row0 = c->r.y + c->row - c->skip;
	for (size_t g = 0; g < h->n_stats; g++) {
		int y = row(c);
		if (y < 0)
			continue;
		const struct gstat *gs = &h->stats[g];
		bool sel = g == h->cursor;
		char count[48];
		snprintf(count, sizeof(count), " %zu/%zu", gs->done, gs->total);
		int cw = (int)strlen(count);
		int tw = c->r.w - 4 - barw - cw;
		if (tw > longest + 2)
			tw = longest + 2;
		if (sel)
			tui_fill(y, c->r.x + 1, tw + barw + cw + 2, tui_attr(app, TUI_SELECTED));
		tui_text_clip(y, c->r.x + 3, tw - 1, app->lib->guides[g]->title,
			      sel ? tui_attr(app, TUI_SELECTED) : A_NORMAL);
		tui_progress_bar(app, y, c->r.x + 3 + tw, barw, gs->done, gs->total);
		tui_text(y, c->r.x + 3 + tw + barw, cw, count,
			 tui_attr(app, gs->done == gs->total ? TUI_DONE : TUI_DIM));
	}
}

static void draw_next_step(struct tui_app *app, struct home *h, struct cursor *c)
{
	char buf[512];
	buf[0] = '\0';
	for (size_t g = 0; g < h->n_stats; g++) {
		const struct gstat *gs = &h->stats[g];
		if (gs->next_sec == SIZE_MAX)
			continue;
		const struct tw_section *sec = &app->lib->guides[g]->sections[gs->next_sec];
		snprintf(buf, sizeof(buf), "%zu item%s left in %s, in %s", gs->next_left,
			 gs->next_left == 1 ? "" : "s", sec->title, app->lib->guides[g]->title);
		/* On a narrow screen the section alone says enough. */
		if (labelled(c, 1, "Next step: ", buf, 0, 0, false) > 2)
			snprintf(buf, sizeof(buf), "%zu item%s left in %s", gs->next_left,
				 gs->next_left == 1 ? "" : "s", sec->title);
		break;
	}
	if (!buf[0] && h->n_stats)
		snprintf(buf, sizeof(buf), "every guide is done; press m to plan a meeting");
	if (buf[0])
		labelled(c, 1, "Next step: ", buf, 2, tui_attr(app, TUI_KEY), true);
}

static void draw_meeting(struct tui_app *app, struct home *h, struct cursor *c)
{
	heading(app, c, "Next meeting");
	if (!h->has_next) {
		line(c, 3, "None planned (press m to plan one)", tui_attr(app, TUI_DIM));
		return;
	}
	char when[64], buf[512];
	tw_when_label(h->next.when, (tw_time)time(NULL), when, sizeof(when));
	snprintf(buf, sizeof(buf), "%s with %s", when,
		 h->next.sponsor_name ? h->next.sponsor_name : "?");
	line(c, 3, buf, A_NORMAL);
}

/* "Debrief your meeting with Dana (this morning): press b" once a planned
 * meeting's time has passed; nothing otherwise. */
static void draw_debrief(struct tui_app *app, struct home *h, struct cursor *c)
{
	if (!h->has_due)
		return;
	char rel[32], buf[512], more[64] = "";
	tw_when_relative(h->due.when, (tw_time)time(NULL), rel, sizeof rel);
	if (h->n_due > 1)
		snprintf(more, sizeof more, " (%zu more in m)", h->n_due - 1);
	snprintf(buf, sizeof(buf), "Debrief your meeting with %s (%s): press b%s",
		 h->due.sponsor_name ? h->due.sponsor_name : "?", rel, more);
	labelled(c, 1, "", buf, 2, tui_attr(app, TUI_KEY) | A_BOLD, true);
}

static void draw_actions(struct tui_app *app, struct home *h, struct cursor *c)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "Action items: %zu open, %zu overdue", h->n_actions, h->n_overdue);
	heading(app, c, buf);
	size_t shown = SHOWN + h->more_actions;
	/* "... and 1 more" would take the row the last one needs. */
	if (h->n_actions == shown + 1)
		shown++;
	for (size_t i = 0; i < h->n_actions && i < shown; i++) {
		const struct tw_action *a = &h->actions[i];
		bool late = a->due[0] && strcmp(a->due, h->today) < 0;
		char text[256];
		first_line(a->text, text, sizeof(text));
		/* What matters most comes first, so that a cut never hides it. */
		snprintf(buf, sizeof(buf), "%s %-10s  %s%s%s", late ? "!" : "-",
			 a->due[0] ? a->due : "no date", late ? "overdue: " : "",
			 a->owner == TW_OWNER_SPONSOR ? "(sponsor) " : "", text);
		line(c, 3, buf, late ? tui_attr(app, TUI_WARN) : A_NORMAL);
	}
	if (h->n_actions > shown) {
		snprintf(buf, sizeof(buf), "... and %zu more", h->n_actions - shown);
		line(c, 3, buf, tui_attr(app, TUI_DIM));
	}
}

/* One reflection: its date, its first line and, dim after it, the item it
 * answers; the item gives way first when the row is short. */
static void recent_row(struct tui_app *app, struct cursor *c, const struct tw_reflection *r,
		       bool sel)
{
	int y = row(c);
	if (y < 0)
		return;
	if (sel)
		tui_fill(y, c->r.x + 1, c->r.w - 2, tui_attr(app, TUI_SELECTED));
	char when[32], text[256], head[300];
	tw_time_format(r->updated, when, sizeof(when));
	first_line(r->text, text, sizeof(text));
	/* private text stays hidden until the sponsee asks (Ctrl-R) */
	if (r->is_private && !app->show_private)
		snprintf(head, sizeof(head), "(private)");
	else
		snprintf(head, sizeof(head), "%s%s", r->is_private ? "(private) " : "", text);
	const struct tw_item *it =
		r->item_id ? tw_library_item(app->lib, r->item_id, NULL, NULL) : NULL;
	const char *about = it ? it->text : r->item_id;
	attr_t a = sel ? tui_attr(app, TUI_SELECTED) : A_NORMAL;
	attr_t dim = sel ? tui_attr(app, TUI_SELECTED) : tui_attr(app, TUI_DIM);
	int x = c->r.x + 3, room = c->r.w - 4;
	x += tui_textf(y, x, room, a, "%.10s  ", when);
	room = c->r.x + c->r.w - 1 - x;
	/* The item follows when it fits, or when a good part of it does. */
	int tw = tui_text_width(head), aw = about ? tui_text_width(about) + 3 : 0;
	if (tw + aw > room)
		aw = room - tw >= 24 ? room - tw : 0;
	x += tui_text_clip(y, x, room - aw, head, a);
	if (aw > 3) {
		x += tui_text(y, x, 3, " \xc2\xb7 ", dim);
		tui_text_clip(y, x, aw - 3, about, dim);
	}
}

static void draw_recent(struct tui_app *app, struct home *h, struct cursor *c)
{
	heading(app, c, "Recent reflections");
	if (!h->n_recent)
		line(c, 3, "None yet: open a guide and press enter on a reflect item",
		     tui_attr(app, TUI_DIM));
	h->recent_shown = 0;
	for (size_t i = 0; i < h->n_recent && i < SHOWN + h->more_recent; i++) {
		recent_row(app, c, &h->recent[i], h->cursor == h->n_stats + i);
		h->recent_shown++;
	}
	/* The focused one says which question it answers, in full. */
	if (h->cursor >= h->n_stats && h->cursor - h->n_stats < h->n_recent) {
		const struct tw_reflection *r = &h->recent[h->cursor - h->n_stats];
		const struct tw_item *it =
			r->item_id ? tw_library_item(app->lib, r->item_id, NULL, NULL) : NULL;
		char buf[600];
		snprintf(buf, sizeof buf, "%s%s (enter opens it)",
			 it ? "Answers: " : r->item_id ? "On " : "A free-standing reflection",
			 it ? it->text : r->item_id ? r->item_id : "");
		labelled(c, 3, "", buf, 2, tui_attr(app, TUI_DIM), true);
	}
}

static void draw_problems(struct tui_app *app, struct home *h, struct cursor *c)
{
	if (h->focus_count > 1 || (!app->lib->problems.n && !app->lib->n_notices))
		return;
	char buf[256];
	if (app->lib->n_skipped) {
		snprintf(buf, sizeof(buf), "Skipped content: %zu file%s with problems",
			 app->lib->n_skipped, app->lib->n_skipped == 1 ? "" : "s");
		heading(app, c, buf);
	} else {
		heading(app, c, "Content notices");
	}
	for (size_t i = 0; i < app->lib->problems.n && i < 5; i++) {
		char *s = tw_diag_format(&app->lib->problems.v[i]);
		line(c, 3, s, tui_attr(app, TUI_WARN));
		free(s);
	}
	for (size_t i = 0; i < app->lib->n_notices && i < 3; i++)
		line(c, 3, app->lib->notices[i], tui_attr(app, TUI_DIM));
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct home *h = (struct home *)s;
	h->last = r;
	/* Scroll so that the focused guide stays visible. */
	int want = 1 + (int)(h->cursor < h->n_stats ? h->cursor : 0); /* its logical row */
	int skip = want >= r.h ? want - r.h + 1 : 0;
	/* A first pass draws nothing and counts the rows; spare rows then
	 * show more action items, then more reflections. */
	h->more_actions = h->more_recent = 0;
	for (int pass = 0; pass < 2; pass++) {
		struct cursor c = { r, 0, skip };
		if (!pass)
			c.r.h = 0;
		draw_guides(app, h, &c);
		draw_next_step(app, h, &c);
		c.row++;
		draw_problems(app, h, &c);
		draw_debrief(app, h, &c);
		draw_meeting(app, h, &c);
		draw_actions(app, h, &c);
		draw_recent(app, h, &c);
		if (pass)
			break;
		size_t spare = c.row < r.h ? (size_t)(r.h - c.row) : 0;
		size_t hidden = h->n_actions > SHOWN ? h->n_actions - SHOWN : 0;
		h->more_actions = hidden < spare ? hidden : spare;
		spare -= h->more_actions;
		hidden = h->n_recent > SHOWN ? h->n_recent - SHOWN : 0;
		h->more_recent = hidden < spare ? hidden : spare;
	}
}

static void open_guide(struct tui_app *app, struct home *h)
{
	if (h->cursor >= app->lib->n_guides)
		return;
	const struct tw_guide *g = app->lib->guides[h->cursor];
	const struct gstat *gs = h->stats ? &h->stats[h->cursor] : NULL;
	char id[512];
	if (gs && gs->next_sec != SIZE_MAX)
		snprintf(id, sizeof(id), "%s/%s", g->id, g->sections[gs->next_sec].id);
	else
		snprintf(id, sizeof(id), "%s", g->id);
	tui_open(app, TUI_SCREEN_GUIDE, &(struct tui_args){ .item_id = id });
}

/* Opens the focused recent reflection where it was written: its item in
 * the guide, or the reflection itself when it is free-standing. */
static void open_recent(struct tui_app *app, struct home *h)
{
	const struct tw_reflection *r = &h->recent[h->cursor - h->n_stats];
	if (r->item_id && tw_library_item(app->lib, r->item_id, NULL, NULL))
		tui_open(app, TUI_SCREEN_GUIDE,
			 &(struct tui_args){ .item_id = r->item_id,
						     .meeting_id = r->meeting_id ? r->meeting_id
									   : r->checkup_id });
	else
		tui_open(app, TUI_SCREEN_REFLECTION, &(struct tui_args){ .id = r->id });
}

enum { A_MOVE = 1, A_OPEN, A_SPONSORS, A_MEETINGS, A_ACTIONS, A_SEARCH, A_PROFILES,
       A_REFLECT, A_COACH, A_PRIVATE, A_TRASH, A_QUIT, A_DEBRIEF };

static bool home_has_due(const struct tui_screen *s)
{
	return ((const struct home *)s)->has_due;
}

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct home *h = (struct home *)s;
	enum tui_nav nav;
	switch (action) {
	case A_MOVE:
		nav = tui_nav_key(k, code);
		if (nav == TUI_NAV_BOTTOM && h->n_stats && h->cursor < h->n_stats - 1) {
			/* G: the last guide first (the recent reflections lie
			 * below it: j, or G again) */
			h->cursor = h->n_stats - 1;
			return true;
		}
		tui_nav_apply(nav, &h->cursor, h->n_stats + h->recent_shown, h->last.h);
		return true;
	case A_OPEN:
		if (h->cursor >= h->n_stats && h->cursor - h->n_stats < h->n_recent)
			open_recent(app, h);
		else
			open_guide(app, h);
		return true;
	case A_PRIVATE:
		app->show_private = !app->show_private;
		tui_msg(app, app->show_private ? "private text shown (Ctrl-R hides it)"
					       : "private text hidden");
		return true;
	case A_SPONSORS: return tui_open(app, TUI_SCREEN_SPONSORS, NULL), true;
	case A_MEETINGS: return tui_open(app, TUI_SCREEN_MEETINGS, NULL), true;
	case A_ACTIONS: return tui_open(app, TUI_SCREEN_ACTIONS, NULL), true;
	case A_PROFILES: return tui_open(app, TUI_SCREEN_PROFILES, NULL), true;
	case A_COACH: return tui_open(app, TUI_SCREEN_COACH, NULL), true;
	case A_REFLECT: return tui_open(app, TUI_SCREEN_REFLECTION, NULL), true;
	case A_SEARCH: return tui_open(app, TUI_SCREEN_SEARCH, NULL), true;
	case A_TRASH: return tui_open(app, TUI_SCREEN_TRASH, NULL), true;
	case A_QUIT: return false; /* the app's q: quit (asks when a save is pending) */
	case A_DEBRIEF:
		if (!h->has_due)
			tui_msg(app, "no meeting waits for a debrief; m lists them all");
		else
			tui_open(app, TUI_SCREEN_MEETINGS,
				 &(struct tui_args){ .id = h->due.id, .mode = TUI_MEETINGS_DEBRIEF });
		return true;
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	struct home *h = (struct home *)s;
	int i = y - h->guide_row0;
	if (i < 0 || (size_t)i >= h->n_stats)
		return false;
	if (h->cursor == (size_t)i)
		open_guide(app, h);
	else
		h->cursor = (size_t)i;
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct home *h = (struct home *)s;
	unload(h);
	free(h);
}

static const struct tui_binding bindings[] = {
	{ A_MOVE, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) },
	  "choose a guide, or a recent reflection below them", NULL, NULL, TUI_VERB_NONE },
	{ A_MOVE, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) },
	  "the first, the last guide (G again: the last reflection)", NULL, NULL, TUI_VERB_NONE },
	{ A_MOVE, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) }, "a page up, down",
	  NULL, NULL, TUI_VERB_NONE },
	{ A_OPEN, { TUI_K('\n'), TUI_K('l'), TUI_KC(KEY_RIGHT) }, "open the guide, or the reflection where it was written",
	  "open", NULL,
	  TUI_VERB_NONE },
	{ A_DEBRIEF, { TUI_K('b') }, "debrief the meeting whose time has passed (when Home says so)",
	  "debrief", home_has_due, TUI_VERB_NONE },
	{ A_SPONSORS, { TUI_K('s') }, "sponsors", "sponsors", NULL, TUI_VERB_NONE },
	{ A_MEETINGS, { TUI_K('m') }, "meetings: prepare and debrief", "meetings", NULL,
	  TUI_VERB_NONE },
	{ A_ACTIONS, { TUI_K('a') }, "action items: all of them, filter, tick, add", "actions", NULL,
	  TUI_VERB_NONE },
	{ A_SEARCH, { TUI_K('/') }, "search everything", "search", NULL, TUI_VERB_SEARCH },
	{ A_PROFILES, { TUI_K('p') }, "profiles", "profiles", NULL, TUI_VERB_NONE },
	{ A_REFLECT, { TUI_K('r') }, "write a free-standing reflection", NULL, NULL, TUI_VERB_NONE },
	{ A_COACH, { TUI_K('c') }, "coach mode", NULL, NULL, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('r')) }, "show or hide the text of private reflections", NULL,
	  NULL, TUI_VERB_NONE },
	{ A_TRASH, { TUI_K('t') }, "the Trash: deleted records, brought back with u", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_QUIT, { TUI_K('q') }, "quit", NULL, NULL, TUI_VERB_BACK },
	{ 0 },
};
const struct tui_keymap home_keys = { "home", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "home",
	.draw = draw,
	.keys = &home_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_refresh,
	.click = click,
};

struct tui_screen *home_open(struct tui_app *app, const struct tui_args *args)
{
	struct home *h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->base.ops = &ops;
	tui_screen_set_title(&h->base, "Home");
	return &h->base;
}
