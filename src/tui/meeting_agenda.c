/* The agenda step of preparing a meeting: the hand-written part in the
 * editor (the answers' text while nothing is written by hand), the live part
 * below it, and its keys: a fresh agenda, the item to keep, private answers. */
#include <stdlib.h>
#include <string.h>

#include "meeting_prepare.h"
#include "twoway/agenda.h"
#include "twoway/util.h"
#include "twoway/when.h"

/* The live part of the agenda (the sponsor's open action items), shown
 * below the editor. */
static void load_derived(struct tui_app *app, struct prepare *p, const struct tw_meeting *m)
{
	free(p->derived);
	p->derived = NULL;
	struct tw_agenda_live l;
	struct tw_error err = { 0 };
	char today[11];
	tw_today(today, sizeof today);
	if (!tw_agenda_derive(app->store, m, today, &l, &err)) {
		tui_error(app, "%s", err.message);
		return;
	}
	char *t = strdup("");
	const struct { const char *head; const struct tw_action *a; size_t n; } parts[] = {
		{ TW_AGENDA_DUE_HEADING, l.due, l.n_due },
		{ TW_AGENDA_ACTIONS_HEADING, l.open, l.n_open },
	};
	for (size_t k = 0; k < 2 && t; k++)
		for (size_t i = 0; i < parts[k].n && t; i++) {
			char *line = tw_agenda_item_line(&parts[k].a[i], m->sponsor_name, today);
			char *n = line ? tw_strdup_printf("%s%s%s- %s\n", t, i ? "" : parts[k].head,
							  i ? "" : ":\n", line)
				       : NULL;
			free(line);
			free(t);
			t = n;
		}
	tw_agenda_live_free(&l);
	p->derived = t;
}

void prepare_to_agenda(struct tui_app *app, struct prepare *p, bool fresh)
{
	struct tw_error err = { 0 };
	struct tw_meeting m = { 0 };
	char *text = NULL;
	bool live = true, keep_typed = !fresh && p->ed && tui_editor_changed(p->ed);
	if (!p->meeting_id || !tw_store_meeting_get(app->store, p->meeting_id, &m, &err)) {
		tui_error(app, "%s", err.message[0] ? err.message : "no meeting to prepare");
	} else {
		if (!keep_typed)
			text = fresh ? tw_agenda_fresh(app->lib, app->store, &m, &err)
				     : tw_agenda_hand_or_fresh(app->lib, app->store, &m, &live, &err);
		if (!keep_typed && !text)
			tui_error(app, "%s", err.message[0] ? err.message : "out of memory");
		else if (keep_typed)
			tui_msg(app, "your agenda as you left it (Ctrl-S saves)");
		else if (!live)
			tui_msg(app, "your saved agenda; Ctrl-G makes a fresh one from your answers");
		else if (!*text)
			tui_msg(app, "no answers yet: write the agenda here, or Ctrl-W walks the guide");
		else
			tui_msg(app, "agenda made from your written answers: edit it, Ctrl-S saves");
		if (!p->keep) {
			p->keep = m.keep;
			m.keep = NULL;
		}
		load_derived(app, p, &m);
	}
	tw_meeting_finish(&m);
	prepare_count_checks(app, p);
	if (!p->ed)
		p->ed = tui_editor_new(text ? text : "");
	else if (!keep_typed)
		tui_editor_set_text(p->ed, text ? text : "");
	if (!keep_typed && !fresh && p->saved_once)
		tui_editor_mark_saved(p->ed);
	free(text);
	p->stage = AGENDA;
}

/* Ctrl-G: the answers' text again in place of what was written by hand;
 * over hand-written text it asks first, and Ctrl-_ (the editor's undo)
 * takes the earlier text back. */
void prepare_regenerate(struct tui_app *app, struct prepare *p)
{
	struct tw_error err = { 0 };
	struct tw_meeting m = { 0 };
	if (!p->meeting_id || !tw_store_meeting_get(app->store, p->meeting_id, &m, &err)) {
		tui_error(app, "%s", err.message[0] ? err.message : "no meeting to prepare");
		return;
	}
	char *fresh = tw_agenda_fresh(app->lib, app->store, &m, &err);
	load_derived(app, p, &m);
	tw_meeting_finish(&m);
	char *cur = tui_editor_text(p->ed);
	if (!fresh || !cur) {
		tui_error(app, "%s", err.message[0] ? err.message : "out of memory");
	} else if (strcmp(cur, fresh) == 0) {
		tui_msg(app, "the agenda is your answers already; the action items below are live");
	} else if (tw_text_nonblank(cur) && !p->regen_asked) {
		p->regen_asked = true;
		tui_msg(app, "replace your agenda text with a fresh one from your answers? "
			     "Ctrl-G again: yes (Ctrl-_ then undoes it)");
	} else {
		p->regen_asked = false;
		tui_editor_set_text(p->ed, fresh);
		tui_msg(app, "a fresh agenda from your answers; Ctrl-_ undoes it, Ctrl-S saves");
	}
	free(cur);
	free(fresh);
}

/* Ctrl-T: the line under the cursor is the one item to keep if time runs
 * short (again on the same line: no such item). */
void prepare_mark_keep(struct tui_app *app, struct prepare *p)
{
	char *line = tui_editor_paragraph(p->ed);
	if (!line) {
		tui_error(app, "out of memory");
		return;
	}
	char *t = line;
	while (*t == ' ' || *t == '\t' || *t == '-' || *t == '#' || *t == '*')
		t++;
	size_t n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		t[--n] = '\0';
	if (!*t) {
		tui_error(app, "put the cursor on the line to keep if time runs short");
	} else if (p->keep && strcmp(p->keep, t) == 0) {
		free(p->keep);
		p->keep = strdup("");
		tui_msg(app, "no item marked to keep (Ctrl-S saves)");
	} else {
		free(p->keep);
		p->keep = strdup(t);
		tui_msg(app, "if time runs short, keep: %.60s (Ctrl-S saves)", t);
	}
	p->keep_changed = true;
	free(line);
}

/* Private answers stay out of the agenda unless the sponsee puts them in
 * on purpose: Ctrl-P asks, Ctrl-P again does it. */
void prepare_insert_private(struct tui_app *app, struct prepare *p)
{
	char *answers[TW_SLOT_COUNT];
	if (!meeting_private_confirm(app, p->meeting_id, TW_AGENDA_BEFORE_GUIDE, &p->private_asked,
				     "put your private answers into this agenda, where the sponsor may "
				     "read them?",
				     answers))
		return;
	char *text = tui_editor_text(p->ed);
	char *with = text ? tw_agenda_insert_private(text, answers) : NULL;
	if (with) {
		tui_editor_set_text(p->ed, with);
		tui_msg(app, "your private answers are in the agenda now (Ctrl-G: a fresh one)");
	} else {
		tui_error(app, "out of memory");
	}
	free(with);
	free(text);
	tw_agenda_answers_free(answers);
}

