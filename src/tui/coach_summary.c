/* The end-of-session summary of coach mode: duration, coach, profile, what
 * was covered (counts and items), the coach's notes and how to export it,
 * read back from the coaching record and shown as a scrolling page (pager.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach.h"
#include "export_dialog.h"
#include "pager.h"
#include "twoway/util.h"

struct summary {
	struct tui_screen base;
	int64_t id;
	struct tui_pager page;
};

void coach_duration(tw_time secs, char *buf, size_t len)
{
	long long s = secs < 0 ? 0 : (long long)secs;
	if (s >= 3600)
		snprintf(buf, len, "%lldh %02lldm %02llds", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, len, "%02lldm %02llds", s / 60, s % 60);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	tui_pager_draw(&((struct summary *)s)->page, app, r);
}

static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct summary *su = (struct summary *)s;
	if (!code && k == L'x')
		return export_dialog_push(app, TUI_EXPORT_COACHING, su->id), true;
	return tui_pager_key(&su->page, k, code);
}

static void destroy(struct tui_screen *s)
{
	struct summary *su = (struct summary *)s;
	tui_pager_finish(&su->page);
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
		"Profile: %s\nCoach: %s\nStarted: %s\nEnded: %s\nDuration: %s\n"
		"$ twoway export --format md --coaching %lld  # or x here\n\n"
		"%s\n"
		"Coach's notes:\n%s\n",
		(long long)c->id, profile, c->coach, start, end, dur, (long long)c->id,
		c->covered[0] ? c->covered : "Nothing recorded as covered.\n",
		c->notes[0] ? c->notes : "(none)");
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
	if (su) {
		/* "Visited (3):" heads its list; "- item" rows hang under their text. */
		su->page.colon_headings = true;
		if (!tui_pager_set_text(&su->page, text)) {
			free(su);
			su = NULL;
		}
	}
	free(text);
	if (!su)
		return NULL;
	su->base.ops = &ops;
	su->id = id;
	tui_screen_set_title(&su->base, "Coaching session %lld: summary", (long long)id);
	return &su->base;
}
