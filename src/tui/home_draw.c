/* Drawing Home: the guides' progress bars, the next step, skipped
 * content, the debrief prompt, the next meeting, open action items and
 * recent reflections, in rows that scroll with the focused guide. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checklist.h"
#include "home.h"
#include "twoway/util.h"
#include "twoway/when.h"

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

/* A guide's row title: for a guide walked per meeting or check-up, who
 * and when its bar counts ("Before a sponsor meeting (Dana Reyes,
 * tomorrow)"), the sponsor left out when the row has no room for it. */
static void guide_title(struct tui_app *app, const struct gstat *gs, size_t g, int room,
			char *buf, size_t len)
{
	const char *title = app->lib->guides[g]->title;
	if (!gs->occasion) {
		snprintf(buf, len, "%s", title);
		return;
	}
	/* a meeting by how far off it is, a check-up run by its day */
	char rel[32] = "";
	if (gs->run) {
		time_t t = (time_t)gs->when;
		struct tm tm;
		char my[16];
		if (localtime_r(&t, &tm) && strftime(my, sizeof my, "%b %Y", &tm))
			snprintf(rel, sizeof rel, "%d %s", tm.tm_mday, my);
	} else {
		tw_when_relative(gs->when, (tw_time)time(NULL), rel, sizeof rel);
	}
	snprintf(buf, len, "%s (%s%s%s)", title, gs->who, gs->who[0] ? ", " : "", rel);
	if (tui_text_width(buf) > room)
		snprintf(buf, len, "%s (%s)", title, rel);
}

static void draw_guides(struct tui_app *app, struct home *h, struct cursor *c)
{
	heading(app, c, "Guides");
	if (!app->lib->n_guides)
		line(c, 3, "No guides loaded.", tui_attr(app, TUI_WARN));
	int barw = c->r.w / 3 > 24 ? 24 : c->r.w / 3;
	/* The bars start after the longest title, not at the far right. */
	int longest = 0;
	char title[256];
	for (size_t g = 0; g < h->n_stats; g++) {
		guide_title(app, &h->stats[g], g, c->r.w - 4 - barw - 8, title, sizeof title);
		int tw = tui_text_width(title);
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
		guide_title(app, gs, g, tw - 1, title, sizeof title);
		tui_text_clip(y, c->r.x + 3, tw - 1, title,
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

void home_draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
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
