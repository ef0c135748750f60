/* The end-of-session summary of coach mode: duration, coach, profile, what
 * was covered (counts and items), the coach's notes and how to export it,
 * read back from the coaching record and shown as a scrolling page. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach.h"
#include "export_dialog.h"
#include "twoway/util.h"

struct summary {
	struct tui_screen base;
	int64_t id;
	wchar_t *text;
	size_t len;
	struct tui_line *lines;
	size_t n_lines;
	int width; /* the wrap width of lines */
	size_t top;
	int page;
};

void coach_duration(tw_time secs, char *buf, size_t len)
{
	long long s = secs < 0 ? 0 : (long long)secs;
	if (s >= 3600)
		snprintf(buf, len, "%lldh %02lldm %02llds", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, len, "%02lldm %02llds", s / 60, s % 60);
}

static void relayout(struct summary *su, int width)
{
	if (su->lines && su->width == width)
		return;
	free(su->lines);
	su->n_lines = tui_wrap(su->text, su->len, width, NULL, 0);
	su->lines = calloc(su->n_lines, sizeof(*su->lines));
	if (!su->lines) {
		su->n_lines = 0;
		return;
	}
	tui_wrap(su->text, su->len, width, su->lines, su->n_lines);
	su->width = width;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct summary *su = (struct summary *)s;
	relayout(su, r.w - 2);
	su->page = r.h;
	if (su->n_lines > (size_t)r.h && su->top > su->n_lines - (size_t)r.h)
		su->top = su->n_lines - (size_t)r.h;
	if (su->n_lines <= (size_t)r.h)
		su->top = 0;
	for (int y = 0; y < r.h && su->top + (size_t)y < su->n_lines; y++) {
		const struct tui_line *l = &su->lines[su->top + (size_t)y];
		const wchar_t *w = su->text + l->start;
		size_t n = l->end - l->start;
		/* Lines ending in ':' head a list; the export hint stands out. */
		attr_t a = A_NORMAL;
		if (n && w[n - 1] == L':' && w[0] != L'-')
			a = tui_attr(app, TUI_HEADING);
		else if (n > 6 && wcsncmp(w, L"twoway", 6) == 0)
			a = tui_attr(app, TUI_KEY);
		tui_wtext(r.y + y, r.x + 1, r.w - 2, w, n, a);
	}
	if (su->top + (size_t)r.h < su->n_lines)
		tui_text(r.y + r.h - 1, r.x + r.w - 1, 1, "v", tui_attr(app, TUI_KEY));
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct summary *su = (struct summary *)s;
	if (!code && k == L'x')
		return export_dialog_push(app, TUI_EXPORT_COACHING, su->id), true;
	enum tui_nav nav = tui_nav_key(k, code);
	if (nav == TUI_NAV_NONE)
		return false;
	/* Scroll by rows: move a virtual cursor at the page's edge. */
	size_t rows = su->page > 0 ? (size_t)su->page : 1;
	size_t max = su->n_lines > rows ? su->n_lines - rows : 0;
	switch (nav) {
	case TUI_NAV_UP: if (su->top) su->top--; break;
	case TUI_NAV_DOWN: if (su->top < max) su->top++; break;
	case TUI_NAV_TOP: su->top = 0; break;
	case TUI_NAV_BOTTOM: su->top = max; break;
	case TUI_NAV_PGUP: su->top = su->top > rows ? su->top - rows : 0; break;
	case TUI_NAV_PGDN: su->top = su->top + rows < max ? su->top + rows : max; break;
	case TUI_NAV_NONE: break;
	}
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct summary *su = (struct summary *)s;
	free(su->text);
	free(su->lines);
	free(su);
}

static const struct tui_help help[] = {
	{ "j/k, arrows", "scroll" },
	{ "g/G, PgUp/PgDn", "top, bottom, a page" },
	{ "q, Esc", "back" },
	{ "x", "export this summary (Markdown, no private reflection text)" },
	{ "export", "twoway export --format md --coaching ID (shown on the page)" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "coach-summary",
	.draw = draw,
	.key = key,
	.destroy = destroy,
	.help = help,
	.footer = "x export  j/k scroll",
};

static char *compose(const struct tw_coaching *c, const char *profile)
{
	char start[32], end[32], dur[32];
	tw_time_format(c->started, start, sizeof(start));
	if (c->ended) {
		tw_time_format(c->ended, end, sizeof(end));
		coach_duration(c->ended - c->started, dur, sizeof(dur));
	} else {
		snprintf(end, sizeof(end), "still open");
		coach_duration((tw_time)time(NULL) - c->started, dur, sizeof(dur));
	}
	return tw_strdup_printf(
		"Coaching session %lld\n"
		"Profile: %s\nCoach: %s\nStarted: %s\nEnded: %s\nDuration: %s\n\n"
		"%s\n"
		"Coach's notes:\n%s\n\n"
		"Export this summary (x here) or run:\n"
		"twoway export --format md --coaching %lld\n",
		(long long)c->id, profile, c->coach, start, end, dur,
		c->covered[0] ? c->covered : "Nothing recorded as covered.\n",
		c->notes[0] ? c->notes : "(none)", (long long)c->id);
}

struct tui_screen *coach_summary_open(struct tui_app *app, int64_t id)
{
	struct tw_coaching c;
	struct tw_profile p;
	struct tw_error err = { 0 };
	if (!tw_store_coaching_get(app->store, id, &c, &err)) {
		tui_error(app, "%s", err.message);
		return NULL;
	}
	bool have_p = tw_store_profile_get(app->store, c.profile_id, &p, &err);
	char *text = compose(&c, have_p ? p.name : "(deleted)");
	tw_coaching_finish(&c);
	if (have_p)
		tw_profile_finish(&p);
	struct summary *su = text ? calloc(1, sizeof(*su)) : NULL;
	if (su)
		su->text = tui_wcs_from_utf8(text, &su->len);
	free(text);
	if (su && !su->text) {
		free(su);
		su = NULL;
	}
	if (!su)
		return NULL;
	su->base.ops = &ops;
	su->id = id;
	tui_screen_set_title(&su->base, "Coaching session %lld: summary", (long long)id);
	return &su->base;
}
