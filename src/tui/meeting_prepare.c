/* Preparing a meeting: pick the sponsor (or add one) and the date (a new
 * meeting is booked then, so that its preparation has a home), walk the
 * "before-meeting" guide for this meeting (the usual guide screen: answers
 * are this meeting's reflections, last time's shown beside them), then edit
 * the agenda's hand-written part: the answers' text while nothing is written
 * by hand (saved unchanged it stays live); the sponsor's open action items
 * show below it, made live (agenda_live.c), never stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meeting_prepare.h"
#include "twoway/agenda.h"
#include "twoway/util.h"
#include "twoway/when.h"



/* How much of the before-meeting checklist is ticked: the ticks are the
 * person's own preparation and stay out of the agenda, so the agenda step
 * says how far it got instead. */
void prepare_count_checks(struct tui_app *app, struct prepare *p)
{
	p->checks = p->ticked = 0;
	const struct tw_guide *g = tw_library_guide(app->lib, TW_AGENDA_BEFORE_GUIDE);
	struct tw_progress *pr = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!g || !tw_store_progress_list_in(app->store, app->profile.id, p->meeting_id, &pr, &n,
					     &err))
		return;
	for (size_t s = 0; s < g->n_sections; s++)
		for (size_t i = 0; i < g->sections[s].n_items; i++) {
			const struct tw_item *it = &g->sections[s].items[i];
			if (it->kind != TW_ITEM_CHECK)
				continue;
			p->checks++;
			for (size_t k = 0; k < n; k++)
				if (pr[k].ticked && strcmp(pr[k].item_id, it->full_id) == 0)
					p->ticked++;
		}
	tw_progresses_free(pr, n);
}

static const struct tw_sponsor *chosen(struct prepare *p)
{
	return p->n_sp ? &p->sp[tui_form_get_choice(&p->fm, F_SPONSOR)] : NULL;
}

static void load_sponsors(struct tui_app *app, struct prepare *p, int64_t select)
{
	if (!select && p->n_sp)
		select = chosen(p)->id;
	tw_sponsors_free(p->sp, p->n_sp);
	free(p->names);
	p->sp = NULL;
	p->names = NULL;
	p->n_sp = 0;
	struct tw_error err = { 0 };
	if (!tw_store_sponsor_list(app->store, app->profile.id, &p->sp, &p->n_sp, &err))
		tui_error(app, "%s", err.message);
	p->names = calloc(p->n_sp + 1, sizeof(*p->names));
	if (!p->names)
		p->n_sp = 0;
	size_t sel = 0;
	for (size_t i = 0; i < p->n_sp; i++) {
		p->names[i] = p->sp[i].name;
		if (p->sp[i].id == select)
			sel = i;
	}
	tui_form_choice(&p->fm, F_SPONSOR, "Sponsor", p->names, NULL, p->n_sp, sel);
	tui_form_hint(&p->fm, F_SPONSOR,
		      p->n_sp ? "left/right picks, a adds a sponsor" : "press a to add a sponsor");
}

static void walk(struct tui_app *app, struct prepare *p)
{
	if (!tw_library_guide(app->lib, TW_AGENDA_BEFORE_GUIDE)) {
		tui_error(app, "the '%s' guide is not loaded; write the agenda yourself",
			  TW_AGENDA_BEFORE_GUIDE);
		prepare_to_agenda(app, p, false);
		return;
	}
	p->stage = WALK;
	if (!tui_open(app, TUI_SCREEN_GUIDE,
		      &(struct tui_args){ .item_id = TW_AGENDA_BEFORE_GUIDE,
					  .meeting_id = p->meeting_id }))
		prepare_to_agenda(app, p, false);
	else
		tui_msg(app, "walk the guide; q comes back to the agenda");
}

/* A new meeting is booked once its sponsor and time are known, so that the
 * walk's answers belong to it; a meeting prepared again takes the sponsor
 * and time now too. */
static bool book(struct tui_app *app, struct prepare *p)
{
	struct tw_error err = { 0 };
	struct tw_meeting m = { 0 };
	bool ok;
	if (p->meeting_id) {
		ok = tw_store_meeting_get(app->store, p->meeting_id, &m, &err);
		if (ok && (m.sponsor_id != chosen(p)->id || m.when != p->when)) {
			m.sponsor_id = chosen(p)->id;
			m.when = p->when;
			ok = tw_store_meeting_update(app->store, &m, &err);
		}
		tw_meeting_finish(&m);
	} else {
		m.profile_id = app->profile.id;
		m.sponsor_id = chosen(p)->id;
		m.when = p->when;
		m.agenda = m.notes = m.outcome = "";
		ok = tw_store_meeting_add(app->store, &m, &err);
		p->meeting_id = ok ? m.id : 0;
		if (ok) {
			app->redraw_all = true;
			tui_screen_set_title(&p->base, "Prepare meeting %lld", (long long)m.id);
		}
	}
	if (!ok)
		tui_error(app, "meeting not saved: %s", err.message);
	tui_form_mark_saved(&p->fm);
	return ok;
}

/* Checks the sponsor and the date; on a problem shows it and stays. */
static bool pick_done(struct tui_app *app, struct prepare *p)
{
	if (!p->n_sp) {
		tui_error(app, "pick a sponsor first: press a to add one");
		tui_form_focus(&p->fm, F_SPONSOR);
		return false;
	}
	char *when = tui_form_text(&p->fm, F_WHEN), msg[256] = "out of memory";
	struct tw_when w;
	bool ok = when && tw_when_parse(when, (tw_time)time(NULL), &w, msg, sizeof msg);
	if (ok) {
		p->when = w.t;
	} else {
		tui_error(app, "%s", msg);
		tui_form_focus(&p->fm, F_WHEN);
	}
	free(when);
	/* The same sponsor at the same time again asks first. */
	int64_t clash = 0;
	struct tw_error err = { 0 };
	const struct tw_sponsor *sp = chosen(p);
	if (ok && !(p->clash_sponsor == sp->id && p->clash_when == p->when) &&
	    tw_store_meeting_clash(app->store, app->profile.id, sp->id, p->when, p->meeting_id,
				   &clash, &err) && clash) {
		char echo[32];
		tw_when_echo(p->when, echo, sizeof echo);
		tui_error(app, "%.40s already has meeting %lld on %s; enter again books both",
			  sp->name, (long long)clash, echo);
		p->clash_sponsor = sp->id;
		p->clash_when = p->when;
		tui_form_focus(&p->fm, F_WHEN);
		return false;
	}
	return ok && book(app, p);
}

static bool save(struct tui_app *app, struct prepare *p)
{
	char *agenda = tui_editor_text(p->ed);
	if (!agenda)
		return tui_error(app, "out of memory"), false;
	if (!tw_text_valid(agenda, strlen(agenda))) {
		free(agenda);
		tui_error(app, "the agenda has control characters; not saved");
		return false;
	}
	struct tw_error err = { 0 };
	struct tw_meeting m = { 0 };
	bool ok = p->meeting_id && tw_store_meeting_get(app->store, p->meeting_id, &m, &err);
	if (ok) {
		m.sponsor_id = chosen(p)->id;
		m.when = p->when;
		if (p->keep) {
			free(m.keep);
			m.keep = strdup(p->keep);
		}
		ok = m.keep && tw_store_meeting_update(app->store, &m, &err) &&
		     tw_agenda_save_hand(app->lib, app->store, p->meeting_id, agenda, &err);
	}
	tw_meeting_finish(&m);
	free(agenda);
	if (!ok) {
		tui_error(app, "meeting not saved: %s", err.message[0] ? err.message : "no meeting");
		return false;
	}
	tui_editor_mark_saved(p->ed);
	p->saved_once = true;
	p->keep_changed = false;
	char w[32];
	tw_when_echo(p->when, w, sizeof(w));
	tui_msg(app, "meeting %lld with %s on %s saved", (long long)p->meeting_id, chosen(p)->name, w);
	return true;
}

static void on_focus(struct tui_app *app, struct tui_screen *s)
{
	struct prepare *p = (struct prepare *)s;
	if (p->stage == WALK) {
		prepare_to_agenda(app, p, false);
	} else if (p->stage == PICK) {
		load_sponsors(app, p, p->added);
		if (p->added)
			tui_form_focus(&p->fm, F_WHEN);
		p->added = 0;
	}
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct prepare *p = (struct prepare *)s;
	if (p->stage == AGENDA) {
		if ((p->saved_once && !tui_editor_changed(p->ed) && !p->keep_changed) ||
		    save(app, p) || forced)
			return true;
	} else if (!tui_form_changed(&p->fm) || forced) {
		return true;
	} else if (!p->discard_asked) {
		tui_msg(app, "no meeting saved yet: Esc again leaves without one");
	}
	if (p->discard_asked)
		return true;
	p->discard_asked = true;
	return false;
}

static bool key_pick(struct tui_app *app, struct prepare *p, wint_t k, bool code)
{
	if (!code && k == L'a' && p->fm.focus == F_SPONSOR) {
		rec_push(app, sponsor_form_open(app, 0, &p->added));
		return true;
	}
	enum tui_form_result res = tui_form_key(&p->fm, k, code);
	if (res == TUI_FORM_SUBMIT) {
		if (pick_done(app, p))
			walk(app, p);
		return true;
	}
	return res == TUI_FORM_HANDLED || !(code || k < 0x20);
}

/* Step 1 is a form (who and when); step 3 an editor (the agenda). */
static bool picking(const struct tui_screen *s)
{
	return ((const struct prepare *)s)->stage == PICK;
}

static bool on_agenda(const struct tui_screen *s)
{
	return ((const struct prepare *)s)->stage == AGENDA;
}

static bool on_sponsor(const struct tui_screen *s)
{
	const struct prepare *p = (const struct prepare *)s;
	return p->stage == PICK && p->fm.focus == F_SPONSOR;
}

enum { A_PICK = 1, A_ADD_SPONSOR, A_SAVE, A_REGEN, A_WALK, A_PRIVATE, A_KEEP, A_BACK, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct prepare *p = (struct prepare *)s;
	if (action == A_BACK)
		return tui_pop(app, false), true;
	if (action == A_KEYS)
		return false; /* the app's help */
	p->discard_asked = false;
	if (action != A_REGEN)
		p->regen_asked = false;
	switch (action) {
	case A_PICK:
	case A_ADD_SPONSOR:
		return key_pick(app, p, k, code);
	case A_SAVE:
		if (save(app, p))
			tui_pop(app, false);
		return true;
	case A_REGEN:
		prepare_regenerate(app, p);
		return true;
	case A_KEEP:
		prepare_mark_keep(app, p);
		return true;
	case A_WALK:
		walk(app, p);
		return true;
	case A_PRIVATE:
		prepare_insert_private(app, p);
		return true;
	}
	return false;
}

/* Typing: the date in step 1, the agenda in step 3 (q ? / are text). */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct prepare *p = (struct prepare *)s;
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return false;
	p->discard_asked = false;
	if (p->stage == PICK)
		return key_pick(app, p, k, code);
	p->private_asked = false;
	p->regen_asked = false;
	tui_editor_key(p->ed, k, code);
	return true;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct prepare *p = (struct prepare *)s;
	if (p->stage != AGENDA) {
		tui_text(r.y, r.x + 1, r.w - 2, "Step 1 of 3: who and when, then enter",
			 tui_attr(app, TUI_DIM));
		tui_form_draw(&p->fm, app, (struct tui_rect){ r.y + 2, r.x, r.h - 2, r.w });
		return;
	}
	char w[32];
	tw_time_format(p->when, w, sizeof(w));
	char head[300];
	snprintf(head, sizeof(head), "Agenda for %s, %s%s", chosen(p) ? chosen(p)->name : "?", w,
		 tui_editor_changed(p->ed) || p->keep_changed ? "  (modified)" : "");
	tui_text_clip(r.y, r.x + 1, r.w - 2, head, tui_attr(app, TUI_HEADING));
	int y = r.y + 1;
	if (p->checks && r.h >= 8) {
		/* The ticks are not in the agenda: say where the preparation stands. */
		char buf[160];
		snprintf(buf, sizeof(buf), "Preparation: %zu of %zu checks ticked%s", p->ticked,
			 p->checks, p->ticked < p->checks ? " (^W walks the guide)" : "");
		tui_text_clip(y++, r.x + 1, r.w - 2, buf, tui_attr(app, TUI_DIM));
	}
	if (p->keep && *p->keep && r.h >= 8) {
		char buf[300];
		snprintf(buf, sizeof(buf), "If time runs short, keep: %s", p->keep);
		tui_text_clip(y++, r.x + 1, r.w - 2, buf, tui_attr(app, TUI_DIM));
	}
	tui_hline(y, r.x, r.w, tui_attr(app, TUI_DIM));
	/* The live part: below the editor, a third of the screen at most. */
	int lines = 0, bottom = r.y + r.h;
	for (const char *c = p->derived; c && *c; c++)
		lines += *c == '\n';
	int room = (r.y + r.h - y - 2) / 3;
	if (lines && room >= 2) {
		int shown = lines + 1 > room ? room : lines + 1;
		bottom -= shown;
		tui_hline(bottom, r.x, r.w, tui_attr(app, TUI_DIM));
		tui_text_clip(bottom, r.x + 2, r.w - 4, " live, from your action items ",
			      tui_attr(app, TUI_DIM));
		const char *c = p->derived;
		for (int i = 1; i < shown && *c; i++) {
			const char *e = strchr(c, '\n');
			size_t n = e ? (size_t)(e - c) : strlen(c);
			char line[400];
			snprintf(line, sizeof line, "%.*s", (int)(n < 399 ? n : 399), c);
			tui_text_clip(bottom + i, r.x + 1, r.w - 2, line, tui_attr(app, TUI_DIM));
			c += n + (e ? 1 : 0);
		}
	}
	tui_editor_draw(p->ed, app, (struct tui_rect){ y + 1, r.x + 1, bottom - y - 1, r.w - 1 },
			true);
}

static void destroy(struct tui_screen *s)
{
	struct prepare *p = (struct prepare *)s;
	tui_form_free(&p->fm);
	tw_sponsors_free(p->sp, p->n_sp);
	free(p->names);
	free(p->derived);
	free(p->keep);
	tui_editor_free(p->ed);
	free(p);
}

static const struct tui_binding bindings[] = {
	{ A_PICK, { TUI_K('\t'), TUI_KC(KEY_BTAB), TUI_KC(KEY_DOWN), TUI_KC(KEY_UP) },
	  "step 1: next, previous field", "next field", picking, TUI_VERB_NONE },
	{ A_PICK, { TUI_K('\n'), TUI_K(TUI_CTRL('s')) }, "step 1: on to the before-meeting guide",
	  "walk the guide", picking, TUI_VERB_NONE },
	{ A_PICK, { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT) },
	  "step 1: move in the field; on Sponsor: pick the sponsor", NULL, picking, TUI_VERB_NONE },
	{ A_ADD_SPONSOR, { TUI_K('a') }, "step 1, on Sponsor: add a sponsor", NULL, on_sponsor,
	  TUI_VERB_ADD },
	{ A_SAVE, { TUI_K(TUI_CTRL('s')) }, "save the meeting and go back", "save", on_agenda,
	  TUI_VERB_NONE },
	{ A_REGEN, { TUI_K(TUI_CTRL('g')) },
	  "a fresh agenda from your answers (asks first over your own text; Ctrl-_ undoes)",
	  "regenerate", on_agenda, TUI_VERB_NONE },
	{ A_KEEP, { TUI_K(TUI_CTRL('t')) },
	  "keep the line under the cursor if time runs short (again: none)", "keep", on_agenda,
	  TUI_VERB_NONE },
	{ A_WALK, { TUI_K(TUI_CTRL('w')) }, "walk the before-meeting guide again", "walk guide",
	  on_agenda, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('p')) },
	  "put your private answers in (asks first; they are left out)", NULL, on_agenda,
	  TUI_VERB_NONE },
	{ A_BACK, { TUI_K(TUI_ESC) }, "go back", "back", picking, TUI_VERB_BACK },
	{ A_BACK, { TUI_K(TUI_ESC) }, "go back (the agenda is saved)", "save+back", on_agenda,
	  TUI_VERB_BACK },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "step 1: the date; step 3: the agenda (q ? / are text)" },
	{ "q (in the guide)", "step 2: back here with the agenda" },
	{ NULL, NULL },
};
const struct tui_keymap meeting_prepare_keys = { "prepare", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "prepare",
	.draw = draw,
	.keys = &meeting_prepare_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
	.on_focus = on_focus,
	.on_leave = on_leave,
};

struct tui_screen *meeting_prepare_open(struct tui_app *app, int64_t meeting_id,
					int64_t sponsor_id)
{
	struct prepare *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->base.ops = &ops;
	p->meeting_id = meeting_id;
	char when[32] = "";
	if (meeting_id) {
		struct tw_meeting m;
		struct tw_error err = { 0 };
		if (!tw_store_meeting_get(app->store, meeting_id, &m, &err)) {
			tui_error(app, "%s", err.message);
			free(p);
			return NULL;
		}
		sponsor_id = m.sponsor_id;
		tw_time_format(m.when, when, sizeof(when));
		p->saved_once = true;
		tw_meeting_finish(&m);
	}
	if (!tui_form_init(&p->fm, F_COUNT) ||
	    !tui_form_line(&p->fm, F_WHEN, "When", when, 40)) {
		tui_form_free(&p->fm);
		free(p);
		return NULL;
	}
	tui_form_hint(&p->fm, F_WHEN, "thu 10:30, tomorrow 9:00, +1w, 2026-12-07 14:00");
	tui_form_date(&p->fm, F_WHEN, false);
	load_sponsors(app, p, sponsor_id);
	if (sponsor_id)
		tui_form_focus(&p->fm, F_WHEN);
	tui_form_mark_saved(&p->fm);
	if (meeting_id)
		tui_screen_set_title(&p->base, "Prepare meeting %lld", (long long)meeting_id);
	else
		tui_screen_set_title(&p->base, "Prepare a meeting");
	return &p->base;
}
