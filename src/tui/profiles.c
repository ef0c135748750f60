/* The profiles screen: every profile (the sponsees) with its role and
 * goals, the one in use marked and the focused one's goals in full below;
 * enter switches to one and goes Home, a adds one with name, role and goals
 * in a small form below the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "listview.h"
#include "records.h"
#include "twoway/util.h"

enum { F_NAME, F_ROLE, F_GOALS, F_COUNT };

struct profiles {
	struct tui_screen base;
	struct tw_profile *v;
	size_t n;
	struct tui_list list;
	int name_w, role_w;   /* columns as last drawn */
	bool adding;
	struct tui_form fm;
};

static void load(struct tui_app *app, struct profiles *p, int64_t focus)
{
	tw_profiles_free(p->v, p->n);
	p->v = NULL;
	p->n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_profile_list(app->store, &p->v, &p->n, &err))
		tui_error(app, "%s", err.message);
	tui_list_set_count(&p->list, p->n);
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].id == focus)
			tui_list_focus(&p->list, i);
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct profiles *p = (struct profiles *)s;
	load(app, p, p->n ? p->v[p->list.cursor].id : app->profile.id);
}

static void row(struct tui_app *app, void *ctx, size_t k, int y, int x, int w, bool sel,
		attr_t sel_attr)
{
	struct profiles *p = ctx;
	const struct tw_profile *pr = &p->v[k];
	attr_t a = sel ? sel_attr : A_NORMAL, dim = sel ? sel_attr : tui_attr(app, TUI_DIM);
	bool cur = pr->id == app->profile.id;
	tui_text(y, x + 1, 2, cur ? "*" : " ", sel ? a : tui_attr(app, TUI_KEY));
	tui_text_clip(y, x + 3, p->name_w - 1, pr->name, cur ? a | A_BOLD : a);
	int gx = x + 3 + p->name_w + p->role_w, gw = x + w - 1 - gx;
	tui_text_clip(y, x + 3 + p->name_w, p->role_w - 1, *pr->role ? pr->role : "-",
		      *pr->role ? a : dim);
	if (gw > 4)
		tui_text_clip(y, gx, gw, *pr->goals ? pr->goals : "-", dim);
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct profiles *p = (struct profiles *)s;
	int fh = p->adding ? (r.h - 1 < 7 ? r.h - 1 : 7) : 0;
	/* The focused profile's goals in full under the list, when there is room. */
	int gh = !p->adding && p->n && r.h >= 8 ? (r.h >= 14 ? 5 : 2) : 0;
	attr_t h = tui_attr(app, TUI_HEADING);
	p->name_w = r.w >= 70 ? r.w / 4 : r.w / 3;
	p->role_w = r.w >= 70 ? r.w / 4 : r.w - p->name_w - 4;
	tui_text(r.y, r.x + 3, p->name_w - 1, "Name", h);
	tui_text(r.y, r.x + 3 + p->name_w, p->role_w - 1, "Role", h);
	if (r.w >= 70)
		tui_text(r.y, r.x + 3 + p->name_w + p->role_w, r.w - 4 - p->name_w - p->role_w,
			 "Goals", h);
	int lh = r.h - 1 - fh - (gh ? gh + 1 : 0);
	tui_list_draw(&p->list, app, (struct tui_rect){ r.y + 1, r.x, lh > 1 ? lh : 1, r.w },
		      !p->adding, row, p);
	tui_list_draw_position(&p->list, app, r.y, r.x + r.w - 1);
	if (gh) {
		const struct tw_profile *pr = &p->v[p->list.cursor];
		int y = r.y + r.h - gh;
		if (gh > 2) {
			int used = tui_text(y, r.x + 1, r.w - 2, "Role: ", h);
			tui_text_clip(y++, r.x + 1 + used, r.w - 2 - used, *pr->role ? pr->role : "-",
				      A_NORMAL);
		}
		tui_text(y, r.x + 1, r.w - 2, "Goals", h);
		tui_text_block((struct tui_rect){ y + 1, r.x + 3, r.y + r.h - y - 1, r.w - 4 },
			       *pr->goals ? pr->goals : "none written (a adds a profile with goals)",
			       *pr->goals ? A_NORMAL : tui_attr(app, TUI_DIM));
	}
	if (p->adding)
		tui_form_draw(&p->fm, app, (struct tui_rect){ r.y + r.h - fh, r.x, fh, r.w });
}

static void switch_to(struct tui_app *app, struct profiles *p)
{
	if (!p->n)
		return;
	struct tw_profile np;
	struct tw_error err = { 0 };
	int64_t id = p->v[p->list.cursor].id;
	if (!tw_store_profile_use(app->store, id, &err) ||
	    !tw_store_profile_get(app->store, id, &np, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	tw_profile_finish(&app->profile);
	app->profile = np;
	tw_store_scope(app->store, np.id);
	tui_msg(app, "now working as %s", np.name);
	/* Everything above Home showed the old profile's records. */
	while (app->depth > 1)
		if (!tui_pop(app, false))
			break;
}

static bool add(struct tui_app *app, struct profiles *p)
{
	char *v[F_COUNT];
	for (size_t i = 0; i < F_COUNT; i++)
		v[i] = tui_form_text(&p->fm, i);
	bool ok = false;
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!v[F_NAME] || !v[F_ROLE] || !v[F_GOALS])
		tui_error(app, "out of memory");
	else if (!tw_text_nonblank(v[F_NAME]))
		tui_error(app, "a profile needs a name; nothing added"), tui_form_focus(&p->fm, F_NAME);
	else if (!tw_text_valid(v[F_NAME], strlen(v[F_NAME])) ||
		 !tw_text_valid(v[F_ROLE], strlen(v[F_ROLE])) ||
		 !tw_text_valid(v[F_GOALS], strlen(v[F_GOALS])))
		tui_error(app, "control characters are not allowed; nothing added");
	else if (!(ok = tw_store_profile_add(app->store, v[F_NAME], v[F_ROLE], v[F_GOALS], &id, &err)))
		tui_error(app, "not added: %s", err.message);
	if (ok) {
		tui_msg(app, "profile %s added; enter switches to it", v[F_NAME]);
		load(app, p, id);
	}
	for (size_t i = 0; i < F_COUNT; i++)
		free(v[i]);
	return ok;
}

static bool open_form(struct profiles *p)
{
	tui_form_free(&p->fm);
	p->adding = tui_form_init(&p->fm, F_COUNT) && tui_form_line(&p->fm, F_NAME, "Name", "", 100) &&
		    tui_form_line(&p->fm, F_ROLE, "Role", "", 200) &&
		    tui_form_line(&p->fm, F_GOALS, "Goals", "", 500);
	if (p->adding)
		tui_form_hint(&p->fm, F_GOALS, "enter adds, Esc cancels");
	return p->adding;
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct profiles *p = (struct profiles *)s;
	if (p->adding && tui_form_changed(&p->fm) && !add(app, p) && !forced) {
		p->adding = false; /* the message says why; a second Esc leaves */
		return false;
	}
	return true;
}

/* While a profile is being added, the form takes the keys. */
static bool asking(const struct tui_screen *s)
{
	return ((const struct profiles *)s)->adding;
}

static bool form_key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct profiles *p = (struct profiles *)s;
	if (!p->adding)
		return false;
	if (!code && k == TUI_ESC) {
		p->adding = false;
		tui_msg(app, "no profile added");
		return true;
	}
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return false;
	enum tui_form_result r = tui_form_key(&p->fm, k, code);
	if (r == TUI_FORM_SUBMIT && add(app, p))
		p->adding = false;
	return r != TUI_FORM_IGNORED || !(code || k < 0x20);
}

enum { A_MOVE = 1, A_SWITCH, A_ADD };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct profiles *p = (struct profiles *)s;
	switch (action) {
	case A_MOVE:
		return tui_list_key(&p->list, k, code);
	case A_SWITCH:
		switch_to(app, p);
		return true;
	case A_ADD:
		if (!open_form(p))
			tui_error(app, "out of memory");
		return true;
	}
	return false;
}

static bool click(struct tui_app *app, struct tui_screen *s, int y, int x)
{
	(void)app;
	(void)x;
	struct profiles *p = (struct profiles *)s;
	return !p->adding && tui_list_click(&p->list, y);
}

static void destroy(struct tui_screen *s)
{
	struct profiles *p = (struct profiles *)s;
	tw_profiles_free(p->v, p->n);
	tui_form_free(&p->fm);
	free(p);
}

static const struct tui_binding bindings[] = {
	TUI_MOVE_BINDINGS(A_MOVE),
	{ A_SWITCH, { TUI_K('\n') }, "switch to the profile and go Home (* marks the one in use)",
	  "switch", NULL, TUI_VERB_NONE },
	{ A_ADD, { TUI_K('a') }, "add a profile (name, role, goals)", "add", NULL, TUI_VERB_ADD },
	{ 0 },
};
const struct tui_keymap profiles_keys = { "profiles", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "profiles",
	.draw = draw,
	.key = form_key,
	.asking = asking,
	.keys = &profiles_keys,
	.act = act,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_refresh = on_focus, /* a pure reload, cursor kept */
	.on_leave = on_leave,
	.click = click,
};

struct tui_screen *profiles_open(struct tui_app *app, const struct tui_args *args)
{
	struct profiles *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->base.ops = &ops;
	tui_screen_set_title(&p->base, "Profiles");
	return &p->base;
}
