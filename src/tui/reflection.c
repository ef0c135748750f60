/* The reflection screen: the editor widget on one guide item's reflection
 * (or a new free-standing one). Ctrl-S or leaving saves, a draft is kept
 * every few seconds while typing, F2 hands the text to $VISUAL/$EDITOR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "editor.h"
#include "extedit.h"
#include "screens.h"
#include "twoway/agenda.h"
#include "twoway/recovery.h"
#include "twoway/util.h"

struct reflection {
	struct tui_screen base;
	char *item_id;              /* NULL: a free-standing reflection */
	int64_t refl_id;            /* a stored free-standing one, 0 otherwise */
	int64_t meeting_id;         /* the meeting a per-meeting answer is for (the
				       check-up run for a check-up item), or 0 */
	char key[300];              /* draft key of a stored free-standing one, or of
				       an item's answer for a meeting (ITEM@meeting:ID)
				       or a check-up run (ITEM@checkup:ID) */
	const struct tw_item *item; /* NULL when the content no longer has it */
	struct tui_editor *ed;
	bool is_private, saved_private;
	bool has_saved;             /* a reflection is stored already */
	bool leave_blank;           /* Esc on empty text asked once already */
	bool save_failed;
	bool kept;                  /* the unsaved text is in a draft or a recovery file */
};

static const char *draft_key(const struct reflection *r)
{
	if (r->item_id && r->meeting_id)
		return r->key;
	if (r->item_id)
		return r->item_id;
	return r->refl_id ? r->key : "";
}

static bool dirty(const struct reflection *r)
{
	return tui_editor_changed(r->ed) || r->is_private != r->saved_private;
}

static void put_draft(struct tui_app *app, struct reflection *r)
{
	struct tw_error err = { 0 };
	char *text = tui_editor_text(r->ed);
	bool ok = text && (tui_editor_blank(r->ed)
				   ? tw_store_draft_drop(app->store, app->profile.id, draft_key(r), &err)
				   : tw_store_draft_put(app->store, app->profile.id, draft_key(r), text,
							r->is_private, &err));
	free(text);
	if (!ok)
		tui_error(app, "could not keep a draft: %s", err.message[0] ? err.message : "no memory");
	tui_editor_draft_done(r->ed, tui_now_ms());
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The recovery file for text: sealed for the private text of a locked
 * profile, plain (0600 in a 0700 directory) otherwise. Private text whose
 * profile's lock cannot be read is never written in plain. */
static char *keep_in_file(struct tui_app *app, const struct reflection *r, const char *text,
			  struct tw_error *err)
{
	if (!r->is_private)
		return tw_recovery_write("reflection", text, err);
	unsigned char *blob;
	size_t len;
	if (!tw_store_profile_seal_text(app->store, app->profile.id, text, &blob, &len, err))
		return NULL;
	char *path = blob ? tw_recovery_write_sealed("private-reflection", blob, len, err)
			  : tw_recovery_write("private-reflection", text, err);
	free(blob);
	return path;
}

static bool save(struct tui_app *app, struct reflection *r)
{
	if (tui_editor_blank(r->ed)) {
		tui_msg(app, "nothing to save: the text is empty");
		return false;
	}
	char *text = tui_editor_text(r->ed);
	if (!text) {
		tui_error(app, "out of memory");
		return false;
	}
	struct tw_error err = { 0 };
	int64_t id = 0;
	/* Private is sticky: only Ctrl-P changes it. */
	enum tw_privacy privacy = r->is_private == r->saved_private ? TW_PRIVACY_KEEP
				  : r->is_private		     ? TW_PRIVACY_PRIVATE
								     : TW_PRIVACY_PUBLIC;
	bool ok = r->refl_id
			  ? tw_store_reflection_update(app->store, r->refl_id, text, privacy, &err)
			  : tw_store_reflection_save_in(app->store, app->profile.id, r->meeting_id,
							r->item_id, text, privacy, &id, &err);
	if (!ok) {
		/* Never leave the text nowhere: a draft, else a recovery file,
		 * and say which; with neither the editor stays open. */
		struct tw_error derr = { 0 }, ferr = { 0 };
		if (tw_store_draft_put(app->store, app->profile.id, draft_key(r), text,
				       r->is_private, &derr)) {
			r->kept = true;
			tui_error(app, "could not save: %s (a draft is kept; Ctrl-S tries again)",
				  err.message);
		} else {
			char *path = keep_in_file(app, r, text, &ferr);
			r->kept = path != NULL;
			if (path)
				tui_error(app, "could not save nor keep a draft; the text is %s "
					       "%s ('twoway recover' reads it; %s)",
					  has_suffix(path, ".sealed") ? "sealed in" : "in", path,
					  err.message);
			else
				tui_error(app, "could not save (%s), keep a draft nor write a "
					       "recovery file (%s): the editor stays open",
					  err.message, ferr.message);
			free(path);
		}
		free(text);
		return false;
	}
	free(text);
	tui_editor_mark_saved(r->ed);
	r->saved_private = r->is_private;
	r->has_saved = true;
	if (!tw_store_draft_drop(app->store, app->profile.id, draft_key(r), &err))
		tui_error(app, "saved, but the old draft stays: %s", err.message);
	else
		tui_msg(app, "saved%s", r->is_private ? " (private)" : "");
	return true;
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct reflection *r = (struct reflection *)s;
	if (!dirty(r))
		return true;
	if (tui_editor_blank(r->ed)) {
		struct tw_error err = { 0 };
		if (!forced && r->has_saved && !r->leave_blank) {
			r->leave_blank = true;
			tui_msg(app, "empty text is not saved; Esc again leaves and keeps the saved "
				     "reflection");
			return false;
		}
		tw_store_draft_drop(app->store, app->profile.id, draft_key(r), &err);
		return true;
	}
	if (save(app, r))
		return true;
	/* save() kept the text in a draft or a recovery file and said where;
	 * a second Esc leaves then. Text kept nowhere never leaves (unless
	 * the app is being ended). */
	if (forced || (r->save_failed && r->kept))
		return true;
	r->save_failed = true;
	return false;
}

static void on_tick(struct tui_app *app, struct tui_screen *s)
{
	struct reflection *r = (struct reflection *)s;
	if (tui_editor_draft_due(r->ed, tui_now_ms()))
		put_draft(app, r);
}

static void external(struct tui_app *app, struct reflection *r)
{
	char *text = tui_editor_text(r->ed);
	char *out = NULL;
	if (text && tui_external_edit(app, text, &out)) {
		if (strcmp(out, text) != 0) {
			tui_editor_set_text(r->ed, out);
			put_draft(app, r);
			tui_msg(app, "text from the editor taken; Ctrl-S or Esc saves it");
		}
	}
	free(out);
	free(text);
	app->redraw_all = true;
}

static void revert(struct tui_app *app, struct reflection *r)
{
	struct tw_reflection saved;
	struct tw_error err = { 0 };
	const char *text = "";
	bool got = r->item_id &&
		   tw_store_reflection_get_item_in(app->store, app->profile.id, r->meeting_id,
						   r->item_id, &saved, &err);
	if (got)
		text = saved.text;
	tui_editor_set_text(r->ed, text);
	tui_editor_mark_saved(r->ed);
	r->is_private = r->saved_private;
	tw_store_draft_drop(app->store, app->profile.id, draft_key(r), &err);
	if (got)
		tw_reflection_finish(&saved);
	tui_msg(app, "back to the saved text");
}

enum { A_EDIT = 1, A_SAVE, A_LEAVE, A_PRIVATE, A_EXTERNAL, A_REVERT, A_KEYS };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct reflection *r = (struct reflection *)s;
	if (action != A_LEAVE)
		r->leave_blank = false;
	switch (action) {
	case A_EDIT:
		return tui_editor_key(r->ed, k, code);
	case A_LEAVE:
		tui_pop(app, false);
		return true;
	case A_SAVE:
		if (save(app, r) && !r->item_id && !r->refl_id)
			tui_pop(app, false); /* a free-standing reflection is saved once */
		return true;
	case A_PRIVATE:
		if (tw_store_view(app->store) == TW_VIEW_COACH) {
			tui_msg(app, "private or not is the sponsee's choice: not in coach mode");
			return true;
		}
		r->is_private = !r->is_private;
		tui_msg(app, r->is_private ? "marked private: never shown to a coach"
					   : "no longer private (once saved)");
		if (!tui_editor_blank(r->ed))
			put_draft(app, r); /* the draft carries the flag at once */
		return true;
	case A_EXTERNAL:
		external(app, r);
		return true;
	case A_REVERT:
		revert(app, r);
		return true;
	case A_KEYS:
		return false; /* the app's help */
	}
	return false;
}

/* Typing: text, Enter, Tab and a paste go into the editor. */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	(void)app;
	struct reflection *r = (struct reflection *)s;
	r->leave_blank = false;
	if (!code && k == TUI_CTRL('c'))
		return false; /* quit: on_leave saves */
	/* keys the editor has no use for (an Alt+letter, F5) go on to the app */
	return tui_editor_key(r->ed, k, code) || !code;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect rc)
{
	struct reflection *r = (struct reflection *)s;
	int y = rc.y;
	const char *prompt = r->item ? r->item->text
				     : (r->item_id ? r->item_id : "A free-standing reflection");
	/* The whole question when it fits in 3 rows (2 on a small screen). */
	int prompt_rows = rc.h >= 14 ? 3 : 2;
	y += tui_text_block((struct tui_rect){ y, rc.x + 1, prompt_rows, rc.w - 2 }, prompt,
			    tui_attr(app, TUI_HEADING));
	char state[160];
	snprintf(state, sizeof(state), "%s%s  %zu characters%s", r->is_private ? "[private] " : "",
		 dirty(r) ? "modified" : (r->has_saved ? "saved" : "new"), tui_editor_length(r->ed),
		 tui_editor_blank(r->ed) && !r->has_saved ? "  (type below; Esc saves and goes back)"
							  : "");
	tui_text_clip(y, rc.x + 1, rc.w - 2, state,
		      tui_attr(app, r->is_private ? TUI_WARN : TUI_DIM));
	y++;
	tui_hline(y, rc.x, rc.w, tui_attr(app, TUI_DIM));
	y++;
	struct tui_rect er = { y, rc.x + 1, rc.y + rc.h - y, rc.w - 1 };
	tui_editor_draw(r->ed, app, er, true);
}

static void destroy(struct tui_screen *s)
{
	struct reflection *r = (struct reflection *)s;
	tui_editor_free(r->ed);
	free(r->item_id);
	free(r);
}

static const struct tui_binding bindings[] = {
	{ A_SAVE, { TUI_K(TUI_CTRL('s')) }, "save now", "save", NULL, TUI_VERB_NONE },
	{ A_LEAVE, { TUI_K(TUI_ESC), TUI_K(TUI_CTRL('q')), TUI_KC(KEY_F(10)) },
	  "leave (saves when changed)", "done", NULL, TUI_VERB_BACK },
	{ A_EXTERNAL, { TUI_KC(KEY_F(2)), TUI_K(TUI_CTRL('x')) }, "edit in $VISUAL/$EDITOR",
	  "$EDITOR", NULL, TUI_VERB_NONE },
	{ A_PRIVATE, { TUI_K(TUI_CTRL('p')) }, "toggle private (never shown to a coach)",
	  "private", NULL, TUI_VERB_NONE },
	{ A_REVERT, { TUI_K(TUI_CTRL('r')) }, "back to the saved text", NULL, NULL, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	TUI_EDITOR_BINDINGS(A_EDIT),
	{ 0 },
};
static const struct tui_help notes[] = { TUI_EDITOR_NOTES, { NULL, NULL } };
const struct tui_keymap reflection_keys = { "reflection", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "reflection",
	.draw = draw,
	.keys = &reflection_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
	.on_leave = on_leave,
	.on_tick = on_tick,
};

struct tui_screen *reflection_open(struct tui_app *app, const struct tui_args *args)
{
	struct reflection *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->base.ops = &ops;
	if (args->item_id && !(r->item_id = strdup(args->item_id))) {
		free(r);
		return NULL;
	}
	struct tw_error err = { 0 };
	struct tw_reflection saved;
	memset(&saved, 0, sizeof(saved));
	if (!r->item_id && args->id > 0) {
		/* A stored reflection opened by id (search, Home): edit it in
		 * place, whether or not its guide item is still loaded. */
		if (!tw_store_reflection_get(app->store, args->id, &saved, &err)) {
			tui_error(app, "%s", err.message);
			free(r);
			return NULL;
		}
		if (tui_needs_passphrase(app, &saved)) {
			tw_reflection_finish(&saved);
			free(r);
			return passphrase_open(app, args);
		}
		r->has_saved = true;
		r->is_private = r->saved_private = saved.is_private;
		r->refl_id = saved.id;
		snprintf(r->key, sizeof(r->key), "reflection:%lld", (long long)saved.id);
		r->meeting_id = saved.meeting_id ? saved.meeting_id : saved.checkup_id;
		if (saved.item_id && !(r->item_id = strdup(saved.item_id))) {
			tw_reflection_finish(&saved);
			free(r);
			return NULL;
		}
		if (r->item_id && r->meeting_id)
			snprintf(r->key, sizeof(r->key), "%.250s@%s:%lld", r->item_id,
				 tw_checkup_item(r->item_id) ? "checkup" : "meeting",
				 (long long)r->meeting_id);
	}
	if (r->item_id)
		r->item = tw_library_item(app->lib, r->item_id, NULL, NULL);
	if (r->item_id && !r->refl_id) {
		if (tw_agenda_per_occasion(r->item_id) && args->meeting_id > 0) {
			r->meeting_id = args->meeting_id;
			snprintf(r->key, sizeof(r->key), "%.250s@%s:%lld", r->item_id,
				 tw_checkup_item(r->item_id) ? "checkup" : "meeting",
				 (long long)r->meeting_id);
		}
		if (tw_store_reflection_get_item_in(app->store, app->profile.id, r->meeting_id,
						    r->item_id, &saved, &err)) {
			if (tui_needs_passphrase(app, &saved)) {
				tw_reflection_finish(&saved);
				free(r->item_id);
				free(r);
				return passphrase_open(app, args);
			}
			r->has_saved = true;
			r->is_private = r->saved_private = saved.is_private;
		} else if (err.code != TW_ERR_NOTFOUND) {
			tui_error(app, "%s", err.message);
			free(r->item_id);
			free(r);
			return NULL;
		}
	}
	if (saved.hidden) {
		/* a coach view: the text is not there to edit */
		tui_msg(app, "this reflection is private: it does not open in coach mode");
		tw_reflection_finish(&saved);
		free(r->item_id);
		free(r);
		return NULL;
	}
	r->ed = tui_editor_new(saved.text);
	char *draft = NULL;
	bool draft_private = false;
	if (r->ed && !tw_store_draft_get(app->store, app->profile.id, draft_key(r), &draft,
					 &draft_private, &err))
		tui_error(app, "%s", err.message);
	if (r->ed && draft && draft_private && tw_store_view(app->store) == TW_VIEW_COACH) {
		free(draft); /* the marker, not the sponsee's words */
		draft = NULL;
	}
	if (r->ed && draft) {
		if ((strcmp(draft, saved.text ? saved.text : "") != 0 ||
		     draft_private != r->is_private) &&
		    tw_text_nonblank(draft)) {
			tui_editor_set_text(r->ed, draft);
			tui_editor_draft_done(r->ed, tui_now_ms());
			r->is_private = draft_private;
			tui_msg(app, "restored your unsaved draft%s (Ctrl-R: back to the saved text)",
				draft_private ? " (private)" : "");
		} else {
			tw_store_draft_drop(app->store, app->profile.id, draft_key(r), &err);
		}
	}
	free(draft);
	if (r->has_saved)
		tw_reflection_finish(&saved);
	if (!r->ed) {
		free(r->item_id);
		free(r);
		return NULL;
	}
	tui_screen_set_title(&r->base, "Reflection%s%s", r->item ? ": " : "",
			     r->item ? r->item->text : "");
	return &r->base;
}
