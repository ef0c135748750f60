/* The form that adds an action item from the Actions screen: the text, who
 * owns it, a due date checked with tw_date_valid and, optionally, the
 * meeting it came from. Bad input is refused with a message; nothing saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "form.h"
#include "twoway/util.h"

#define MAX_MEETINGS 200 /* the newest ones offered in the Meeting choice */

enum { F_TEXT, F_OWNER, F_DUE, F_MEETING, F_COUNT };

static const char *const owners[] = { "me", "sponsor" };
static const char *const owner_hints[] = { "you do it", "your sponsor does it" };

struct action_form {
	struct tui_form_screen fs; /* first: the shared form screen */
	int64_t *saved_id;
	char **labels;        /* the Meeting choices: "none", then "date with name" */
	int64_t *meeting_ids; /* one per label; 0 for "none" */
	size_t n_labels;
};

/* Validates and adds; on a problem shows it, focuses the field and adds
 * nothing. */
static bool save(struct tui_app *app, struct tui_form_screen *fs)
{
	struct action_form *f = (struct action_form *)fs;
	char *text = tui_form_text(&f->fs.fm, F_TEXT), *due = tui_form_text(&f->fs.fm, F_DUE);
	bool ok = false;
	if (!text || !due) {
		tui_error(app, "out of memory");
	} else if (!tw_text_nonblank(text)) {
		tui_error(app, "an action item needs some text; nothing added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (!tw_text_valid(text, strlen(text))) {
		tui_error(app, "the text has control characters; nothing added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (*due && !tw_date_valid(due)) {
		tui_error(app, "not a date: '%.40s' (YYYY-MM-DD or empty)", due);
		tui_form_focus(&f->fs.fm, F_DUE);
	} else {
		struct tw_action a = { 0 };
		struct tw_error err = { 0 };
		a.profile_id = app->profile.id;
		a.meeting_id = f->meeting_ids[tui_form_get_choice(&f->fs.fm, F_MEETING)];
		a.text = text;
		a.owner = tui_form_get_choice(&f->fs.fm, F_OWNER) ? TW_OWNER_SPONSOR : TW_OWNER_ME;
		snprintf(a.due, sizeof(a.due), "%s", due);
		ok = tw_store_action_add(app->store, &a, &err);
		if (ok) {
			if (f->saved_id)
				*f->saved_id = a.id;
			tui_form_mark_saved(&f->fs.fm);
			tui_msg(app, "action item %lld added", (long long)a.id);
		} else {
			tui_error(app, "not added: %s", err.message);
		}
	}
	free(text);
	free(due);
	return ok;
}




static void destroy(struct tui_screen *s)
{
	struct action_form *f = (struct action_form *)s;
	tui_form_free(&f->fs.fm);
	for (size_t i = 0; i < f->n_labels; i++)
		free(f->labels[i]);
	free(f->labels);
	free(f->meeting_ids);
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
	  "next, previous field (also Down, Up and enter)", "next field", NULL, TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_CTRL('s')) }, "add it (enter on the last field too)", "add", NULL,
	  TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_ESC) }, "go back (adds it when valid; twice discards)", "done", NULL,
	  TUI_VERB_BACK },
	{ A_FORM, { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT) },
	  "move in the field; on Owner and Meeting: pick one", NULL, NULL, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "edits the field (q, ? and / are text here)" },
	{ NULL, NULL },
};
const struct tui_keymap action_form_keys = { "action-form", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "action-form",
	.draw = tui_form_screen_draw,
	.keys = &action_form_keys,
	.act = act,
	.key = tui_form_screen_on_key,
	.destroy = destroy,
	.on_leave = tui_form_screen_on_leave,
};

/* "none" and the profile's newest meetings, for the Meeting choice. */
static bool meeting_choices(struct tui_app *app, struct action_form *f)
{
	struct tw_meeting *m = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &m, &n, &err)) {
		tui_error(app, "%s", err.message);
		n = 0;
	}
	size_t shown = n < MAX_MEETINGS ? n : MAX_MEETINGS;
	f->labels = calloc(shown + 1, sizeof(*f->labels));
	f->meeting_ids = calloc(shown + 1, sizeof(*f->meeting_ids));
	bool ok = f->labels && f->meeting_ids && (f->labels[0] = strdup("none")) != NULL;
	f->n_labels = ok ? 1 : 0;
	for (size_t i = 0; ok && i < shown; i++) {
		const struct tw_meeting *mt = &m[n - 1 - i]; /* newest first */
		char when[32];
		tw_time_format(mt->when, when, sizeof(when));
		f->labels[f->n_labels] = tw_strdup_printf("%.10s with %.60s", when,
							  mt->sponsor_name ? mt->sponsor_name : "?");
		ok = f->labels[f->n_labels] != NULL;
		f->meeting_ids[f->n_labels] = mt->id;
		if (ok)
			f->n_labels++;
	}
	tw_meetings_free(m, n);
	return ok;
}

struct tui_screen *action_form_open(struct tui_app *app, int64_t *saved_id)
{
	struct action_form *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fs.base.ops = &ops;
	f->fs.save = save;
	f->saved_id = saved_id;
	bool ok = meeting_choices(app, f) && tui_form_init(&f->fs.fm, F_COUNT) &&
		  tui_form_line(&f->fs.fm, F_TEXT, "Action", "", 500) &&
		  tui_form_line(&f->fs.fm, F_DUE, "Due", "", 10);
	if (!ok) {
		destroy(&f->fs.base);
		return NULL;
	}
	tui_form_choice(&f->fs.fm, F_OWNER, "Owner", owners, owner_hints, 2, 0);
	tui_form_choice(&f->fs.fm, F_MEETING, "Meeting", (const char *const *)f->labels, NULL,
			f->n_labels, 0);
	tui_form_hint(&f->fs.fm, F_DUE, "YYYY-MM-DD, or empty for no due date");
	tui_form_hint(&f->fs.fm, F_MEETING, "left/right: the meeting it came from; ^S adds");
	tui_screen_set_title(&f->fs.base, "New action item");
	return &f->fs.base;
}
