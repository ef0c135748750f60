/* The form that adds an action item from the Actions screen: the text, who
 * owns it, a due date as people type it (tw_when) and, optionally, the
 * meeting it came from. Bad input is refused with a message; nothing saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "form.h"
#include "twoway/util.h"
#include "twoway/when.h"

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
	char day[11] = "", msg[256];
	if (!text || !due) {
		tui_error(app, "out of memory");
	} else if (!tw_text_nonblank(text)) {
		tui_error(app, "an action item needs some text; nothing added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (!tw_text_valid(text, strlen(text))) {
		tui_error(app, "the text has control characters; nothing added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (tw_text_nonblank(due) &&
		   !tw_when_parse_date(due, (tw_time)time(NULL), day, msg, sizeof msg)) {
		tui_error(app, "%s", msg);
		tui_form_focus(&f->fs.fm, F_DUE);
	} else {
		struct tw_action a = { 0 };
		struct tw_error err = { 0 };
		a.profile_id = app->profile.id;
		a.meeting_id = f->meeting_ids[tui_form_get_choice(&f->fs.fm, F_MEETING)];
		a.text = text;
		a.owner = tui_form_get_choice(&f->fs.fm, F_OWNER) ? TW_OWNER_SPONSOR : TW_OWNER_ME;
		snprintf(a.due, sizeof(a.due), "%s", day);
		ok = tw_store_action_add(app->store, &a, &err);
		if (ok) {
			char echo[32];
			tw_when_echo_date(day, echo, sizeof echo);
			if (f->saved_id)
				*f->saved_id = a.id;
			tui_form_mark_saved(&f->fs.fm);
			tui_msg(app, "action item %lld added%s%s", (long long)a.id,
				*day ? ", due " : "", *day ? echo : "");
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

static const struct tui_help help[] = {
	{ "Tab, Shift-Tab", "next/previous field (also up/down, enter)" },
	{ "typing", "edits the field (q, ? and / are text here)" },
	{ "left/right", "on Owner and Meeting: pick one" },
	{ "enter, ^S", "on the last field, or ^S anywhere: add it" },
	{ "Esc", "go back (adds it when valid; twice discards)" },
	{ "F1", "these keys" },
	{ NULL, NULL },
};

static const struct tui_screen_ops ops = {
	.name = "action-form",
	.draw = tui_form_screen_draw,
	.key = tui_form_screen_on_key,
	.destroy = destroy,
	.on_leave = tui_form_screen_on_leave,
	.help = help,
	.footer = "Tab next field  ^S add  Esc done  F1 keys",
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
		  tui_form_line(&f->fs.fm, F_DUE, "Due", "", 40);
	if (!ok) {
		destroy(&f->fs.base);
		return NULL;
	}
	tui_form_choice(&f->fs.fm, F_OWNER, "Owner", owners, owner_hints, 2, 0);
	tui_form_choice(&f->fs.fm, F_MEETING, "Meeting", (const char *const *)f->labels, NULL,
			f->n_labels, 0);
	tui_form_hint(&f->fs.fm, F_DUE, "fri, +3d, in 2 weeks, 2026-12-07, or empty for none");
	tui_form_date(&f->fs.fm, F_DUE, true);
	tui_form_hint(&f->fs.fm, F_MEETING, "left/right: the meeting it came from; ^S adds");
	tui_screen_set_title(&f->fs.base, "New action item");
	return &f->fs.base;
}
