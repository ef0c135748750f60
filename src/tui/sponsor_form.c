/* The sponsor form: name, title, organisation, how you met, the continuum
 * stage (with what each stage means) and multi-line homework notes. Saves
 * on Ctrl-S or on leaving; invalid input is refused with a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "records.h"
#include "twoway/util.h"

enum { F_NAME, F_TITLE, F_ORG, F_MET, F_STAGE, F_HOMEWORK, F_COUNT };

static const char *const stages[] = { "Not set", "Mentor", "Strategizer", "Connector",
				      "Opportunity giver", "Sponsor" };
struct sponsor_form {
	struct tui_form_screen fs; /* first: the shared form screen */
	int64_t id;           /* 0: a new sponsor */
	int64_t *saved_id;
	const char *stage_hints[6]; /* what each stage means (records.h) */
};

static char *field(struct sponsor_form *f, size_t i)
{
	return tui_form_text(&f->fs.fm, i);
}

/* Validates and saves; on a problem shows it, focuses the field and
 * saves nothing. */
static bool save(struct tui_app *app, struct tui_form_screen *fs)
{
	struct sponsor_form *f = (struct sponsor_form *)fs;
	static const char *const names[] = { "name", "title", "organisation", "how you met" };
	char *v[F_COUNT] = { 0 };
	bool ok = true;
	for (size_t i = 0; i < F_COUNT; i++) {
		if (i == F_STAGE)
			continue;
		v[i] = field(f, i);
		if (!v[i]) {
			tui_error(app, "out of memory");
			ok = false;
		} else if (!tw_text_valid(v[i], strlen(v[i]))) {
			tui_error(app, "the %s has control characters; not saved",
				  i == F_HOMEWORK ? "homework" : names[i]);
			tui_form_focus(&f->fs.fm, i);
			ok = false;
		}
		if (!ok)
			break;
	}
	if (ok && !tw_text_nonblank(v[F_NAME])) {
		tui_error(app, "a sponsor needs a name; nothing saved");
		tui_form_focus(&f->fs.fm, F_NAME);
		ok = false;
	}
	struct tw_error err = { 0 };
	if (ok) {
		struct tw_sponsor s = { 0 };
		s.id = f->id;
		s.profile_id = app->profile.id;
		s.name = v[F_NAME];
		s.title = v[F_TITLE];
		s.org = v[F_ORG];
		s.how_met = v[F_MET];
		s.homework = v[F_HOMEWORK];
		s.stage = (enum tw_stage)tui_form_get_choice(&f->fs.fm, F_STAGE);
		ok = f->id ? tw_store_sponsor_update(app->store, &s, &err)
			   : tw_store_sponsor_add(app->store, &s, &err);
		if (!ok) {
			tui_error(app, "not saved: %s", err.message);
		} else {
			f->id = s.id;
			if (f->saved_id)
				*f->saved_id = s.id;
			tui_form_mark_saved(&f->fs.fm);
			tui_msg(app, "saved %s", v[F_NAME]);
		}
	}
	for (size_t i = 0; i < F_COUNT; i++)
		free(v[i]);
	return ok;
}




static void destroy(struct tui_screen *s)
{
	struct sponsor_form *f = (struct sponsor_form *)s;
	tui_form_free(&f->fs.fm);
	free(f);
}

enum { A_FORM = 1, A_KEYS };

/* The table's keys go to the form like typing does; F1 to the app's help. */
static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	return action == A_FORM && tui_form_screen_on_key(app, s, k, code);
}

static const struct tui_binding bindings[] = {
	{ A_FORM, { TUI_K('\t'), TUI_KC(KEY_BTAB) },
	  "next, previous field (also Down, Up and enter outside the homework notes)",
	  "next field", NULL, TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_CTRL('s')) }, "save and go back", "save", NULL, TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_ESC) }, "go back (saves when valid)", "done", NULL, TUI_VERB_BACK },
	{ A_FORM, { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT) },
	  "move in the field; on Stage: pick the stage", NULL, NULL, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "edits the field (q, ? and / are text here)" },
	{ NULL, NULL },
};
const struct tui_keymap sponsor_form_keys = { "sponsor-form", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "sponsor-form",
	.draw = tui_form_screen_draw,
	.keys = &sponsor_form_keys,
	.act = act,
	.key = tui_form_screen_on_key,
	.destroy = destroy,
	.on_leave = tui_form_screen_on_leave,
};

struct tui_screen *sponsor_form_open(struct tui_app *app, int64_t id, int64_t *saved_id)
{
	struct sponsor_form *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fs.base.ops = &ops;
	f->fs.save = save;
	f->id = id;
	f->saved_id = saved_id;
	struct tw_sponsor s = { 0 };
	struct tw_error err = { 0 };
	if (id && !tw_store_sponsor_get(app->store, id, &s, &err)) {
		tui_error(app, "%s", err.message);
		free(f);
		return NULL;
	}
	bool ok = tui_form_init(&f->fs.fm, F_COUNT) &&
		  tui_form_line(&f->fs.fm, F_NAME, "Name", s.name, 200) &&
		  tui_form_line(&f->fs.fm, F_TITLE, "Title", s.title, 200) &&
		  tui_form_line(&f->fs.fm, F_ORG, "Organisation", s.org, 200) &&
		  tui_form_line(&f->fs.fm, F_MET, "How you met", s.how_met, 500) &&
		  tui_form_notes(&f->fs.fm, F_HOMEWORK,
				 "Homework: what they publish, what they care about", s.homework, 6);
	f->stage_hints[0] = "left/right picks where they are on the continuum";
	for (int i = 1; i < 6; i++)
		f->stage_hints[i] = rec_stage_meaning((enum tw_stage)i);
	if (ok)
		tui_form_choice(&f->fs.fm, F_STAGE, "Stage", stages, f->stage_hints, 6,
				(size_t)s.stage);
	if (id)
		tw_sponsor_finish(&s);
	if (!ok) {
		tui_form_free(&f->fs.fm);
		free(f);
		return NULL;
	}
	tui_screen_set_title(&f->fs.base, id ? "Edit sponsor" : "New sponsor");
	return &f->fs.base;
}
