/* The search screen: a query field on top and the hits below, updated as
 * you type (tw_store_search, capped in length and count); [ ] markers show
 * highlighted; enter opens the reflection's item, the meeting or the
 * action item's meeting. */
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "records.h"
#include "twoway/util.h"

#define MAX_HITS 50
#define MAX_QUERY 100

struct search {
	struct tui_screen base;
	struct tui_form fm;     /* one field: the query */
	char *last;             /* the query the hits are for */
	struct tw_hit *hits;
	char **titles;          /* one per hit: what a reader calls the record */
	size_t n, cursor, top;
	size_t sealed;          /* private reflections sealed by the profile lock */
	int rows, row0;
};

static void drop_titles(struct search *s)
{
	for (size_t i = 0; s->titles && i < s->n; i++)
		free(s->titles[i]);
	free(s->titles);
	s->titles = NULL;
}

/* A reflection by its guide item's text (or as free-standing, with its
 * date); a meeting by its sponsor and date. The store's label is the item
 * id, "Reflection N", "Sponsor, date" or "Action item due DATE". */
static char *hit_title(struct tui_app *app, const struct tw_hit *h)
{
	if (h->kind == TW_REC_MEETING)
		return tw_strdup_printf("Meeting with %s", h->title);
	if (h->kind != TW_REC_REFLECTION)
		return tw_strdup0(h->title);
	const struct tw_item *it = tw_library_item(app->lib, h->title, NULL, NULL);
	if (it)
		return tw_strdup0(it->text);
	struct tw_reflection r;
	struct tw_error err = { 0 };
	if (!tw_store_reflection_get(app->store, h->id, &r, &err))
		return tw_strdup0(h->title);
	char when[32];
	tw_time_format(r.created, when, sizeof(when));
	char *t = r.item_id ? tw_strdup_printf("Reflection on %s (no longer in the guides)", r.item_id)
			    : tw_strdup_printf("Free-standing reflection, %.10s", when);
	tw_reflection_finish(&r);
	return t;
}

static void run(struct tui_app *app, struct search *s)
{
	char *q = tui_form_text(&s->fm, 0);
	if (!q || (s->last && strcmp(q, s->last) == 0)) {
		free(q);
		return;
	}
	free(s->last);
	s->last = q;
	drop_titles(s);
	tw_hits_free(s->hits, s->n);
	s->hits = NULL;
	s->n = s->cursor = s->top = 0;
	if (!tw_text_nonblank(q))
		return;
	struct tw_error err = { 0 };
	if (!tw_store_search(app->store, app->profile.id, q, MAX_HITS, &s->hits, &s->n, &err) ||
	    !tw_store_sealed_count(app->store, app->profile.id, &s->sealed, &err))
		tui_error(app, "%s", err.message);
	s->titles = s->n ? calloc(s->n, sizeof(*s->titles)) : NULL;
	for (size_t i = 0; s->titles && i < s->n; i++)
		s->titles[i] = hit_title(app, &s->hits[i]);
}

/* Draws a snippet with the text between [ and ] highlighted. */
static void snippet(struct tui_app *app, int y, int x, int w, const char *text, attr_t base)
{
	attr_t hl = tui_attr(app, TUI_KEY) | A_BOLD | A_UNDERLINE;
	bool in = false;
	const char *p = text ? text : "";
	if (tui_text_width(p) > w && w > 1) {
		/* Cut at the edge: an ellipsis says the snippet goes on. */
		w--;
		tui_text(y, x + w, 1, "\xe2\x80\xa6", base);
	}
	while (*p && w > 0) {
		size_t n = strcspn(p, in ? "]" : "[");
		char *part = strndup(p, n + (p[n] && in ? 1 : 0));
		if (!part)
			return;
		int used = tui_text(y, x, w, part, in ? hl : base);
		free(part);
		x += used;
		w -= used;
		p += n + (p[n] && in ? 1 : 0);
		if (!in && *p == '[') {
			in = true;
		} else {
			in = false;
		}
		if (!n && !*p)
			break;
	}
}

static void draw(struct tui_app *app, struct tui_screen *sc, struct tui_rect r)
{
	struct search *s = (struct search *)sc;
	tui_form_draw(&s->fm, app, (struct tui_rect){ r.y, r.x, 1, r.w });
	attr_t dim = tui_attr(app, TUI_DIM);
	s->row0 = r.y + 2;
	s->rows = (r.h - 2) / 2;
	if (s->rows < 1)
		s->rows = 1;
	if (!s->last || !*s->last) {
		tui_text(r.y + 2, r.x + 1, r.w - 2, "Type to search reflections, meetings, action items and sponsors.", dim);
		return;
	}
	if (s->sealed) /* the profile lock keeps them out of the index */
		tui_textf(r.y + 1, r.x + 1, r.w - 14, dim, "%zu sealed private reflection%s not searched",
			  s->sealed, s->sealed == 1 ? "" : "s");
	if (!s->n) {
		tui_textf(r.y + 2, r.x + 1, r.w - 2, dim, "No match for \"%s\".", s->last);
		return;
	}
	/* The count ends where the query field ends, right under it. */
	char count[48];
	snprintf(count, sizeof(count), "%zu hit%s%s", s->n, s->n == 1 ? "" : "s",
		 s->n == MAX_HITS ? " (the first)" : "");
	int cw = tui_text_width(count);
	tui_text(r.y + 1, r.x + r.w - 1 - cw, cw, count, dim);
	tui_scroll_to(s->cursor, &s->top, s->rows, s->n);
	for (int i = 0; i < s->rows && s->top + (size_t)i < s->n; i++) {
		size_t k = s->top + (size_t)i;
		const struct tw_hit *h = &s->hits[k];
		int y = s->row0 + 2 * i;
		bool sel = k == s->cursor;
		attr_t a = sel ? tui_attr(app, TUI_SELECTED) : A_NORMAL;
		if (sel)
			tui_fill(y, r.x, r.w, a);
		int used = tui_textf(y, r.x + 1, 12, sel ? a : dim, "%-11s", tw_record_kind_name(h->kind));
		if (h->is_private)
			used += tui_text(y, r.x + 1 + used, 10, "(private) ", sel ? a : tui_attr(app, TUI_WARN));
		const char *title = s->titles && s->titles[k] ? s->titles[k] : h->title;
		const char *date = h->kind == TW_REC_MEETING ? strrchr(title, ',') : NULL;
		int room = r.w - 2 - used, dw = date ? tui_text_width(date) : 0;
		char *name = NULL;
		if (date && tui_text_width(title) > room && room > dw + 16 &&
		    (name = strndup(title, (size_t)(date - title))) != NULL) {
			/* Too long: the sponsor's name gives way, never the date. */
			int nw = tui_text_clip(y, r.x + 1 + used, room - dw, name, a | A_BOLD);
			tui_text(y, r.x + 1 + used + nw, dw, date, a | A_BOLD);
			free(name);
		} else {
			tui_text_clip(y, r.x + 1 + used, room, title, a | A_BOLD);
		}
		if (h->is_private && !app->show_private)
			tui_text(y + 1, r.x + 3, r.w - 4, "(private: Ctrl-R shows it)", dim);
		else
			snippet(app, y + 1, r.x + 3, r.w - 4, h->snippet, A_NORMAL);
	}
}

static void open_hit(struct tui_app *app, struct search *s)
{
	if (!s->n)
		return;
	const struct tw_hit *h = &s->hits[s->cursor];
	struct tw_error err = { 0 };
	if (h->kind == TW_REC_MEETING) {
		rec_push(app, meeting_view_open(app, h->id));
	} else if (h->kind == TW_REC_REFLECTION) {
		struct tw_reflection r;
		if (!tw_store_reflection_get(app->store, h->id, &r, &err)) {
			tui_error(app, "%s", err.message);
			return;
		}
		if (r.item_id && tw_library_item(app->lib, r.item_id, NULL, NULL))
			tui_open(app, TUI_SCREEN_GUIDE,
				 &(struct tui_args){ .item_id = r.item_id,
						     .meeting_id = r.meeting_id ? r.meeting_id
									   : r.checkup_id });
		else
			tui_open(app, TUI_SCREEN_REFLECTION, &(struct tui_args){ .id = r.id });
		tw_reflection_finish(&r);
	} else if (h->kind == TW_REC_SPONSOR) {
		tui_open(app, TUI_SCREEN_SPONSORS, &(struct tui_args){ .id = h->id });
	} else if (h->kind == TW_REC_ACTION) {
		struct tw_action *acts = NULL;
		size_t n = 0;
		int64_t meeting = -1;
		if (tw_store_action_list(app->store, app->profile.id, 0, TW_ACTIONS_ALL, "", &acts, &n, &err))
			for (size_t i = 0; i < n; i++)
				if (acts[i].id == h->id)
					meeting = acts[i].meeting_id;
		tw_actions_free(acts, n);
		if (meeting > 0)
			rec_push(app, meeting_view_open(app, meeting));
		else
			tui_open(app, TUI_SCREEN_ACTIONS, &(struct tui_args){ .id = h->id });
	}
}

enum { A_BACK = 1, A_OPEN, A_MOVE, A_PAGE, A_ENDS, A_CLEAR, A_PRIVATE, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *sc, int action, wint_t k, bool code)
{
	struct search *s = (struct search *)sc;
	switch (action) {
	case A_BACK:
		return tui_pop(app, false), true;
	case A_OPEN:
		open_hit(app, s);
		return true;
	case A_MOVE:
		tui_nav_apply(k == KEY_UP || k == TUI_CTRL('p') ? TUI_NAV_UP : TUI_NAV_DOWN, &s->cursor,
			      s->n, s->rows);
		return true;
	case A_PAGE:
		tui_nav_apply(k == KEY_PPAGE ? TUI_NAV_PGUP : TUI_NAV_PGDN, &s->cursor, s->n, s->rows);
		return true;
	case A_ENDS:
		tui_nav_apply(k == KEY_HOME ? TUI_NAV_TOP : TUI_NAV_BOTTOM, &s->cursor, s->n, s->rows);
		return true;
	case A_PRIVATE:
		app->show_private = !app->show_private;
		tui_msg(app, app->show_private ? "private text shown (Ctrl-R hides it)"
					       : "private text hidden");
		return true;
	case A_CLEAR:
		break; /* the query field clears itself: as typing */
	case A_KEYS:
		return false;
	}
	(void)code;
	return false;
}

/* Typing: the query (q and / too), searched as it changes. */
static bool key(struct tui_app *app, struct tui_screen *sc, wint_t k, bool code)
{
	struct search *s = (struct search *)sc;
	/* ? is never a search word: it shows the keys, as everywhere. */
	if ((code && k == KEY_F(1)) || (!code && (k == TUI_CTRL('c') || k == L'?')))
		return false;
	if (!code && k == L'\t')
		return true;
	enum tui_form_result r = tui_form_key(&s->fm, k, code);
	if (r == TUI_FORM_IGNORED)
		return !(code || k < 0x20);
	run(app, s);
	return true;
}

static void destroy(struct tui_screen *sc)
{
	struct search *s = (struct search *)sc;
	tui_form_free(&s->fm);
	free(s->last);
	drop_titles(s);
	tw_hits_free(s->hits, s->n);
	free(s);
}

static const struct tui_binding bindings[] = {
	{ A_MOVE, { TUI_KC(KEY_DOWN), TUI_KC(KEY_UP), TUI_K(TUI_CTRL('n')), TUI_K(TUI_CTRL('p')) },
	  "choose a hit", "choose", NULL, TUI_VERB_NONE },
	{ A_OPEN, { TUI_K('\n') }, "open: reflection's guide item, meeting, action's meeting or list",
	  "open", NULL, TUI_VERB_NONE },
	{ A_BACK, { TUI_K(TUI_ESC) }, "back", "back", NULL, TUI_VERB_BACK },
	{ A_PAGE, { TUI_KC(KEY_PPAGE), TUI_KC(KEY_NPAGE) }, "a page of hits up, down", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_ENDS, { TUI_KC(KEY_HOME), TUI_KC(KEY_END) }, "the first, the last hit", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_CLEAR, { TUI_K(TUI_CTRL('u')) }, "clear the query", NULL, NULL, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('r')) }, "show or hide the text of private reflections", NULL,
	  NULL, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys (? too: it is never a search word)", NULL, NULL,
	  TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "the query: every word must match, the last as a prefix (q and / too)" },
	{ NULL, NULL },
};
const struct tui_keymap search_keys = { "search", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "search",
	.draw = draw,
	.keys = &search_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
};

struct tui_screen *search_open(struct tui_app *app, const struct tui_args *args)
{
	struct search *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->base.ops = &ops;
	if (!tui_form_init(&s->fm, 1) || !tui_form_line(&s->fm, 0, "Search", "", MAX_QUERY)) {
		tui_form_free(&s->fm);
		free(s);
		return NULL;
	}
	tui_screen_set_title(&s->base, "Search");
	return &s->base;
}
