/* The guide screen: one guide's checklist with the focused item's detail,
 * rate labels and current reflection beside it (wide terminals) or below
 * it. Ticks and ratings are written at once; reflect items open the editor. */
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "screens.h"

struct guide {
	struct tui_screen base;
	const struct tw_guide *g;
	struct tui_checklist *cl;
	/* the focused item's reflection, fetched when the focus changes */
	const struct tw_item *cached;
	char *refl_text;
	bool refl_private;
};

static void drop_cache(struct guide *gs)
{
	free(gs->refl_text);
	gs->refl_text = NULL;
	gs->cached = NULL;
}

static void fetch_reflection(struct tui_app *app, struct guide *gs, const struct tw_item *it)
{
	if (gs->cached == it)
		return;
	drop_cache(gs);
	gs->cached = it;
	if (!it || it->kind != TW_ITEM_REFLECT)
		return;
	struct tw_reflection r;
	struct tw_error err = { 0 };
	if (tw_store_reflection_get_item(app->store, app->profile.id, it->full_id, &r, &err)) {
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

enum { A_LIST = 1 };

/* Every key of the table goes to the checklist, which knows the item. */
static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	(void)action;
	struct guide *gs = (struct guide *)s;
	enum tui_cl_result res = tui_checklist_key(gs->cl, app, k, code);
	if (res == TUI_CL_OPEN_REFLECT) {
		const struct tw_item *it = tui_checklist_item(gs->cl, NULL, NULL);
		if (it)
			tui_open(app, TUI_SCREEN_REFLECTION,
				 &(struct tui_args){ .item_id = it->full_id });
		return true;
	}
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
	tui_screen_set_title(&gs->base, "%s", g->title);
	return &gs->base;
}
