/* The forms over the Actions screen: one adds or edits an action item (the
 * text, who owns it, a due date as people type it and, optionally, the
 * meeting it came from), one postpones it (+3d from its due date). Bad input
 * is refused with a message; nothing saved. */
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
	struct tw_action old; /* the item edited or postponed; id 0 when adding */
	char **labels;        /* the Meeting choices: "none", then "date with name" */
	int64_t *meeting_ids; /* one per label; 0 for "none" */
	size_t n_labels;
	char *hint;           /* the postpone field's hint */
};

/* The due date typed in field i ("" when empty) into day; false after
 * showing why it cannot be read. */
static bool read_due(struct tui_app *app, struct tui_form *fm, size_t i, tw_time base,
		     char day[11])
{
	char *due = tui_form_text(fm, i), msg[256];
	bool ok = due != NULL;
	day[0] = '\0';
	if (!due)
		tui_error(app, "out of memory");
	else if (tw_text_nonblank(due) && !tw_when_parse_date(due, base, day, msg, sizeof msg))
		ok = false, tui_error(app, "%s", msg), tui_form_focus(fm, i);
	free(due);
	return ok;
}

/* Validates and adds or changes; on a problem shows it, focuses the field
 * and saves nothing. */
static bool save(struct tui_app *app, struct tui_form_screen *fs)
{
	struct action_form *f = (struct action_form *)fs;
	char *text = tui_form_text(&f->fs.fm, F_TEXT);
	bool ok = false;
	char day[11] = "";
	if (!text) {
		tui_error(app, "out of memory");
	} else if (!tw_text_nonblank(text)) {
		tui_error(app, "an action item needs some text; nothing %s",
			  f->old.id ? "changed" : "added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (!tw_text_valid(text, strlen(text))) {
		tui_error(app, "the text has control characters; nothing %s",
			  f->old.id ? "changed" : "added");
		tui_form_focus(&f->fs.fm, F_TEXT);
	} else if (read_due(app, &f->fs.fm, F_DUE, (tw_time)time(NULL), day)) {
		struct tw_action a = { 0 };
		struct tw_error err = { 0 };
		a.id = f->old.id;
		a.profile_id = app->profile.id;
		a.meeting_id = f->meeting_ids[tui_form_get_choice(&f->fs.fm, F_MEETING)];
		a.text = text;
		a.owner = tui_form_get_choice(&f->fs.fm, F_OWNER) ? TW_OWNER_SPONSOR : TW_OWNER_ME;
		snprintf(a.due, sizeof(a.due), "%s", day);
		ok = a.id ? tw_store_action_update(app->store, &a, &err)
			  : tw_store_action_add(app->store, &a, &err);
		if (ok) {
			char echo[32];
			tw_when_echo_date(day, echo, sizeof echo);
			if (f->saved_id)
				*f->saved_id = a.id;
			tui_form_mark_saved(&f->fs.fm);
			tui_msg(app, "action item %lld %s%s%s", (long long)a.id,
				f->old.id ? "changed" : "added", *day ? ", due " : "",
				*day ? echo : "");
		} else {
			tui_error(app, "not %s: %s", f->old.id ? "changed" : "added", err.message);
		}
	}
	free(text);
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
	tw_action_finish(&f->old);
	free(f->hint);
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
	{ A_FORM, { TUI_K(TUI_CTRL('s')) }, "save it (enter on the last field too)", "save", NULL,
	  TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_ESC) }, "go back (saves it when valid; twice discards)", "done", NULL,
	  TUI_VERB_BACK },
	{ A_FORM, { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT) },
	  "move in the field; on Owner and Meeting: pick one", NULL, NULL, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "edits the field (q, ? and / are text here)" },
	{ "Due", "fri, +3d, in 2 weeks, 2026-12-07; the day it means shows below" },
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

/* "none" and the profile's newest meetings, for the Meeting choice; the
 * edited item's own meeting is always among them. */
static bool meeting_choices(struct tui_app *app, struct action_form *f)
{
	struct tw_meeting *m = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_list(app->store, app->profile.id, 0, &m, &n, &err)) {
		tui_error(app, "%s", err.message);
		n = 0;
	}
	f->labels = calloc(n + 1, sizeof(*f->labels));
	f->meeting_ids = calloc(n + 1, sizeof(*f->meeting_ids));
	bool ok = f->labels && f->meeting_ids && (f->labels[0] = strdup("none")) != NULL;
	f->n_labels = ok ? 1 : 0;
	for (size_t i = 0; ok && i < n; i++) {
		const struct tw_meeting *mt = &m[n - 1 - i]; /* newest first */
		if (i >= MAX_MEETINGS && mt->id != f->old.meeting_id)
			continue;
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

struct tui_screen *action_form_open(struct tui_app *app, int64_t *saved_id, int64_t edit_id)
{
	struct action_form *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fs.base.ops = &ops;
	f->fs.save = save;
	f->saved_id = saved_id;
	struct tw_error err = { 0 };
	if (edit_id && !tw_store_action_get(app->store, edit_id, &f->old, &err)) {
		tui_error(app, "%s", err.message);
		free(f);
		return NULL;
	}
	bool ok = meeting_choices(app, f) && tui_form_init(&f->fs.fm, F_COUNT) &&
		  tui_form_line(&f->fs.fm, F_TEXT, "Action", edit_id ? f->old.text : "", 500) &&
		  tui_form_line(&f->fs.fm, F_DUE, "Due", f->old.due, 40);
	if (!ok) {
		destroy(&f->fs.base);
		return NULL;
	}
	size_t sel = 0;
	for (size_t i = 0; i < f->n_labels; i++)
		if (f->meeting_ids[i] == f->old.meeting_id)
			sel = i;
	tui_form_choice(&f->fs.fm, F_OWNER, "Owner", owners, owner_hints, 2,
			f->old.owner == TW_OWNER_SPONSOR ? 1 : 0);
	tui_form_choice(&f->fs.fm, F_MEETING, "Meeting", (const char *const *)f->labels, NULL,
			f->n_labels, sel);
	tui_form_hint(&f->fs.fm, F_DUE, "fri, +3d, in 2 weeks, 2026-12-07, or empty for none");
	tui_form_date(&f->fs.fm, F_DUE, true);
	tui_form_hint(&f->fs.fm, F_MEETING, "left/right: the meeting it came from; ^S saves");
	tui_form_mark_saved(&f->fs.fm);
	if (edit_id)
		tui_screen_set_title(&f->fs.base, "Edit action item %lld", (long long)edit_id);
	else
		tui_screen_set_title(&f->fs.base, "New action item");
	return &f->fs.base;
}

/* ---- postpone ---- */

enum { P_BY, P_COUNT };

/* The day a postponement counts from: the due date, or today when there is
 * none or it has passed (noon, so that day arithmetic never meets a DST
 * change at midnight). */
static tw_time postpone_base(const struct tw_action *a)
{
	tw_time now = (tw_time)time(NULL);
	int days = 0;
	if (!a->due[0] || !tw_when_days_until(a->due, now, &days) || days <= 0)
		return now;
	struct tw_when w;
	char msg[128], noon[24];
	snprintf(noon, sizeof noon, "%s 12:00", a->due);
	return tw_when_parse(noon, now, &w, msg, sizeof msg) ? w.t : now;
}

static bool save_postpone(struct tui_app *app, struct tui_form_screen *fs)
{
	struct action_form *f = (struct action_form *)fs;
	char day[11], was[32], echo[32];
	if (!read_due(app, &f->fs.fm, P_BY, postpone_base(&f->old), day))
		return false;
	if (!day[0]) {
		tui_error(app, "postpone by how much? +3d, +1w, or a day: fri, 2026-12-07");
		return false;
	}
	struct tw_action a = f->old;
	snprintf(a.due, sizeof a.due, "%s", day);
	struct tw_error err = { 0 };
	if (!tw_store_action_update(app->store, &a, &err)) {
		tui_error(app, "not postponed: %s", err.message);
		return false;
	}
	if (f->saved_id)
		*f->saved_id = a.id;
	tui_form_mark_saved(&f->fs.fm);
	tw_when_echo_date(day, echo, sizeof echo);
	tw_when_echo_date(f->old.due, was, sizeof was);
	tui_msg(app, "postponed to %s (was %s); u undoes", echo, f->old.due[0] ? was : "undated");
	return true;
}

static const struct tui_binding postpone_bindings[] = {
	{ A_FORM, { TUI_K(TUI_CTRL('s')) }, "postpone it (enter too)", "postpone", NULL,
	  TUI_VERB_NONE },
	{ A_FORM, { TUI_K(TUI_ESC) }, "go back (postpones when valid; twice discards)", "done",
	  NULL, TUI_VERB_BACK },
	{ A_FORM, { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT) }, "move in the field", NULL, NULL,
	  TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help postpone_notes[] = {
	{ "typing", "+3d, +1w, in 2 weeks (from the due date), or a day: fri" },
	{ NULL, NULL },
};
const struct tui_keymap action_postpone_keys = { "action-postpone", postpone_bindings,
						 postpone_notes };

static const struct tui_screen_ops postpone_ops = {
	.name = "action-postpone",
	.draw = tui_form_screen_draw,
	.keys = &action_postpone_keys,
	.act = act,
	.key = tui_form_screen_on_key,
	.destroy = destroy,
	.on_leave = tui_form_screen_on_leave,
};

struct tui_screen *action_postpone_open(struct tui_app *app, int64_t *saved_id, int64_t id)
{
	struct action_form *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fs.base.ops = &postpone_ops;
	f->fs.save = save_postpone;
	f->saved_id = saved_id;
	struct tw_error err = { 0 };
	if (!tw_store_action_get(app->store, id, &f->old, &err)) {
		tui_error(app, "%s", err.message);
		free(f);
		return NULL;
	}
	if (!tui_form_init(&f->fs.fm, P_COUNT) ||
	    !tui_form_line(&f->fs.fm, P_BY, "Postpone by", "", 40)) {
		destroy(&f->fs.base);
		return NULL;
	}
	char was[32];
	int days = 0;
	tw_when_echo_date(f->old.due, was, sizeof was);
	bool from_due = f->old.due[0] && tw_when_days_until(f->old.due, (tw_time)time(NULL), &days) &&
			days > 0;
	f->hint = tw_strdup_printf("+3d, +1w, in 2 weeks: from %s; or a day: fri",
				   from_due ? was : "today");
	tui_form_hint(&f->fs.fm, P_BY, f->hint);
	tui_form_date(&f->fs.fm, P_BY, true);
	tui_form_date_base(&f->fs.fm, P_BY, postpone_base(&f->old));
	tui_screen_set_title(&f->fs.base, "Postpone action item %lld", (long long)id);
	return &f->fs.base;
}
