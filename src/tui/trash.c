/* The Trash screen: the current profile's deleted records, newest first,
 * and u (or enter) to bring one back; undo that works after leaving the
 * screen where the record was deleted. A sponsor comes back with the
 * meetings that went with it. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "listview.h"
#include "screens.h"

struct trash {
	struct tui_screen base;
	struct tw_deleted *v;
	size_t n;
	struct tui_list list;
};

static void load(struct tui_app *app, struct trash *t)
{
	tw_deleteds_free(t->v, t->n);
	t->v = NULL;
	t->n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_trash_list(app->store, app->profile.id, &t->v, &t->n, &err))
		tui_error(app, "%s", err.message);
	tui_list_set_count(&t->list, t->n);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	load(app, (struct trash *)s);
}

static void row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		attr_t sel_attr)
{
	struct trash *t = ctx;
	char when[32] = "";
	time_t at = (time_t)t->v[k].deleted;
	struct tm tm;
	if (localtime_r(&at, &tm))
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	int ww = 17;
	tui_text_clip(y, x + 1, w - ww - 3, t->v[k].label, sel ? sel_attr : A_NORMAL);
	tui_text(y, x + w - ww, ww, when, sel ? sel_attr : tui_attr(app, TUI_DIM));
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct trash *t = (struct trash *)s;
	tui_textf(r.y, r.x + 1, r.w - 2, tui_attr(app, TUI_HEADING), "Deleted records of %s",
		  app->profile.name);
	if (!t->n) {
		tui_text(r.y + 2, r.x + 1, r.w - 2, "The Trash is empty.", tui_attr(app, TUI_DIM));
		return;
	}
	tui_list_draw_position(&t->list, app, r.y, r.x + r.w - 1);
	tui_list_draw(&t->list, app, (struct tui_rect){ r.y + 2, r.x, r.h - 2, r.w }, true, row, t);
}

static void restore(struct tui_app *app, struct trash *t)
{
	if (!t->n) {
		tui_msg(app, "the Trash is empty");
		return;
	}
	const struct tw_deleted *d = &t->v[t->list.cursor];
	struct tw_error err = { 0 };
	if (!tw_store_undelete(app->store, app->profile.id, d->kind, d->id, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	tui_msg(app, "brought back: %s", d->label);
	load(app, t);
}

enum { A_MOVE = 1, A_RESTORE };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct trash *t = (struct trash *)s;
	if (action == A_MOVE)
		return tui_list_key(&t->list, k, code);
	restore(app, t);
	return true;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	(void)app;
	(void)x;
	return tui_list_click(&((struct trash *)s)->list, y);
}

static void destroy(struct tui_screen *s)
{
	struct trash *t = (struct trash *)s;
	tw_deleteds_free(t->v, t->n);
	free(t);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_MOVE),
	{ A_RESTORE, { TUI_K('u'), TUI_K('\n') },
	  "bring the record back (a sponsor with its meetings)", "bring back", NULL, TUI_VERB_UNDO },
	{ 0 },
};
const struct tui_keymap trash_keys = { "trash", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "trash",
	.draw = draw,
	.keys = &trash_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus,
	.click = click,
};

struct tui_screen *trash_open(struct tui_app *app, const struct tui_args *args)
{
	(void)app;
	(void)args;
	struct trash *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->base.ops = &ops;
	tui_screen_set_title(&t->base, "Trash");
	return &t->base;
}
