/* The end-of-session summary of coach mode: duration, coach, profile, what
 * every sitting covered (counts and items, from the marks in the store), the
 * coach's notes and how to export it, shown as a scrolling page (pager.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach.h"
#include "export_dialog.h"
#include "pager.h"
#include "twoway/export.h"
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

enum { A_SCROLL = 1, A_EXPORT };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct summary *su = (struct summary *)s;
	if (action == A_EXPORT)
		return export_dialog_push(app, TUI_EXPORT_COACHING, su->id), true;
	return tui_pager_key(&su->page, k, code);
}

static void destroy(struct tui_screen *s)
{
	struct summary *su = (struct summary *)s;
	tui_pager_finish(&su->page);
	free(su);
}

static const struct tui_binding bindings[] = {
	{ A_EXPORT, { TUI_K('x') },
	  "export this summary (Markdown, no private reflection text; the command line: twoway "
	  "export --format md --coaching ID, shown on the page)",
	  "export", NULL, TUI_VERB_EXPORT },
	{ A_SCROLL, { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) }, "scroll",
	  "scroll", NULL, TUI_VERB_NONE },
	{ A_SCROLL, { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) }, "top, bottom",
	  NULL, NULL, TUI_VERB_NONE },
	{ A_SCROLL, { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) },
	  "a page up, down", NULL, NULL, TUI_VERB_NONE },
	{ 0 },
};
const struct tui_keymap coach_summary_keys = { "coach-summary", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "coach-summary",
	.draw = draw,
	.keys = &coach_summary_keys,
	.act = act,
	.destroy = destroy,
};

/* "Guide: X" or "Guides: X, Y": the guides of the marked items, in the
 * order first met (nothing when the content has none of them). */
static void guides_line(struct tui_app *app, const struct tw_coaching_event *e, size_t n,
			struct tw_buf *b)
{
	struct tw_buf names = { 0 };
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		const struct tw_guide *g = NULL;
		if (!tw_library_item(app->lib, e[i].item_id, &g, NULL) || !g)
			continue;
		bool before = false;
		for (size_t k = 0; k < i && !before; k++) {
			const struct tw_guide *h = NULL;
			before = tw_library_item(app->lib, e[k].item_id, &h, NULL) && h == g;
		}
		if (!before)
			tw_buf_printf(&names, "%s%s", shown++ ? ", " : "", g->title);
	}
	if (shown)
		tw_buf_printf(b, "Guide%s: %s\n", shown > 1 ? "s" : "", names.data);
	if (names.oom)
		b->oom = true;
	tw_buf_free(&names);
}

/* One "- item" row: its text (the id when the content no longer has it),
 * the rating, "(private)" for a private reflection, then the id. */
static void item_row(struct tui_app *app, int64_t coaching_id, const struct tw_coaching_event *e,
		     struct tw_buf *b)
{
	const struct tw_item *it = tw_library_item(app->lib, e->item_id, NULL, NULL);
	tw_buf_printf(b, "- %s", it ? it->text : e->item_id);
	if (e->what == TW_MARK_RATED)
		tw_buf_printf(b, ": %d of 5", e->value);
	if (e->what == TW_MARK_REFLECTED) {
		struct tw_reflection r;
		struct tw_error ignored = { 0 };
		/* the answer the session wrote, in its meeting or check-up run */
		if (tw_store_coaching_reflection(app->store, coaching_id, e->item_id, &r, &ignored)) {
			if (r.is_private)
				tw_buf_puts(b, " (private)");
			tw_reflection_finish(&r);
		}
	}
	tw_buf_printf(b, " [%s]\n", e->item_id);
}

char *coach_covered_text(struct tui_app *app, int64_t id, struct tw_error *err)
{
	struct tw_coaching c;
	if (!tw_store_coaching_get(app->store, id, &c, err))
		return NULL;
	tw_coaching_finish(&c);
	struct tw_coaching_event *e = NULL;
	size_t n = 0;
	if (!tw_store_coaching_covered(app->store, id, &e, &n, err))
		return NULL;
	struct tw_buf b = { 0 };
	size_t count[TW_MARK_COUNT] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[e[i].what]++;
	static const struct {
		enum tw_coach_mark what;
		const char *label;
	} groups[] = {
		{ TW_MARK_VISITED, "Visited" },
		{ TW_MARK_TICKED, "Ticked" },
		{ TW_MARK_RATED, "Rated" },
		{ TW_MARK_REFLECTED, "Reflected on" },
	};
	if (n) {
		guides_line(app, e, n, &b);
		tw_buf_printf(&b, "Visited %zu, ticked %zu, rated %zu, reflected on %zu.\n",
			      count[TW_MARK_VISITED], count[TW_MARK_TICKED], count[TW_MARK_RATED],
			      count[TW_MARK_REFLECTED]);
	}
	for (size_t g = 0; n && g < sizeof groups / sizeof groups[0]; g++) {
		size_t k = count[groups[g].what];
		tw_buf_printf(&b, "%s (%zu)%s\n", groups[g].label, k, k ? ":" : ": none");
		for (size_t i = 0; i < n; i++)
			if (e[i].what == groups[g].what)
				item_row(app, id, &e[i], &b);
	}
	tw_coaching_events_free(e, n);
	if (!tw_buf_ok(&b, err)) {
		tw_buf_free(&b);
		return NULL;
	}
	char *text = tw_buf_take(&b, NULL);
	return text ? text : tw_strdup0("");
}

static char *compose(const struct tw_coaching *c, const char *profile, const char *covered)
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
		covered && *covered ? covered
		: c->covered[0]     ? c->covered
				    : "Nothing recorded as covered.\n",
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
	/* What every sitting covered, from the marks; a session from before
	 * them shows the text stored when it ended. */
	char *covered = coach_covered_text(app, id, &err);
	if (!covered)
		tui_log(app, "coaching session %lld: %s", (long long)id, err.message);
	char *text = compose(&c, have_p ? p.name : "(deleted)", covered);
	free(covered);
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
