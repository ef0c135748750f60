/* The multi-line text editor widget: wide-character text with word wrap,
 * movement and deletion by character, scrolling, and the bookkeeping a host
 * needs for saving and autosaving drafts. Used by the reflection screen and
 * reusable for coach notes and meeting notes. */
#ifndef TWOWAY_TUI_EDITOR_H
#define TWOWAY_TUI_EDITOR_H

#include "app.h"

#define TUI_DRAFT_MS 3000 /* autosave a draft at most this often while typing */
#define TUI_EDITOR_UNDO 100 /* edits that can be undone */
#define TUI_EDITOR_UNDO_KEY TUI_CTRL('_') /* Ctrl-_ (Ctrl-/ and Ctrl-7 send it too) */

struct tui_editor;

/* A new editor holding utf8 (NULL: empty), the cursor at the end. */
struct tui_editor *tui_editor_new(const char *utf8);
void tui_editor_free(struct tui_editor *e);
/* Replaces the text (counts as a change); false on no memory. */
bool tui_editor_set_text(struct tui_editor *e, const char *utf8);
/* The text as UTF-8; the caller frees it. NULL on no memory. */
char *tui_editor_text(const struct tui_editor *e);
bool tui_editor_blank(const struct tui_editor *e);
/* The paragraph (the text between two newlines) holding the cursor, as
 * UTF-8; the caller frees it. NULL on no memory. */
char *tui_editor_paragraph(const struct tui_editor *e);
size_t tui_editor_length(const struct tui_editor *e); /* in characters */

/* Changed since the last tui_editor_mark_saved (or since creation). */
bool tui_editor_changed(const struct tui_editor *e);
void tui_editor_mark_saved(struct tui_editor *e);
/* The autosave interval: TUI_DRAFT_MS, or $TWOWAY_DRAFT_INTERVAL_MS (1 to
 * 3600000 ms; read once) so that tests need not wait three seconds. */
long tui_editor_draft_interval(void);
/* True when the text changed since the last draft and the draft interval
 * passed since then; the host then stores a draft and calls draft_done. */
bool tui_editor_draft_due(const struct tui_editor *e, long now_ms);
void tui_editor_draft_done(struct tui_editor *e, long now_ms);

/* Draws the text into r (wrapped to r.w - 1) and, when focused, puts the
 * terminal cursor on the insertion point. */
void tui_editor_draw(struct tui_editor *e, struct tui_app *app, struct tui_rect r, bool focused);
/* Handles text and movement keys: printable characters, Enter, Tab,
 * Backspace and Delete (a grapheme cluster: an emoji with skin tone or an
 * accented letter in one press), arrows, Home/End and Ctrl-A/Ctrl-E (the
 * display line), Ctrl-Home/Ctrl-End, PgUp/PgDn, words (Ctrl-Left/Right,
 * Alt-b/Alt-f; Ctrl-W erases one back, Ctrl-Delete/Alt-d one forward),
 * Ctrl-U/Ctrl-K (erase to the start / end of the paragraph), undo
 * (TUI_EDITOR_UNDO_KEY, the last edit, then the one before) and a
 * bracketed paste (TUI_KEY_PASTE: inserted as text). Returns false for any
 * other key (Esc, Ctrl-S ...), which the host handles. */
bool tui_editor_key(struct tui_editor *e, wint_t key, bool is_keycode);
bool tui_editor_can_undo(const struct tui_editor *e);

/* The editor's keys as table bindings (keymap.h) running action act, for
 * the table of a screen that holds an editor: act hands the key to
 * tui_editor_key. Typing, Enter, Tab and a paste are not keys: they reach
 * the host's key(), which hands them on too. */
#define TUI_EDITOR_BINDINGS(act)                                                              \
	{ (act), { TUI_KC(KEY_LEFT), TUI_KC(KEY_RIGHT), TUI_KC(KEY_UP), TUI_KC(KEY_DOWN) },      \
	  "move by character (a whole emoji or accented letter) and line", NULL, NULL,           \
	  TUI_VERB_NONE },                                                                        \
	{ (act), { TUI_KC(KEY_HOME), TUI_KC(KEY_END), TUI_K(TUI_CTRL('a')), TUI_K(TUI_CTRL('e')) }, \
	  "start, end of the line", NULL, NULL, TUI_VERB_NONE },                                 \
	{ (act), { TUI_KC(TUI_KEY_C_HOME), TUI_KC(TUI_KEY_C_END) }, "start, end of the text",   \
	  NULL, NULL, TUI_VERB_NONE },                                                            \
	{ (act), { TUI_KC(KEY_PPAGE), TUI_KC(KEY_NPAGE) }, "a page up, down", NULL, NULL,        \
	  TUI_VERB_NONE },                                                                        \
	{ (act),                                                                                  \
	  { TUI_KC(TUI_KEY_C_LEFT), TUI_KC(TUI_KEY_C_RIGHT), TUI_KC(TUI_KEY_ALT('b')),            \
	    TUI_KC(TUI_KEY_ALT('f')) },                                                           \
	  "a word left, right", NULL, NULL, TUI_VERB_NONE },                                      \
	{ (act), { TUI_KC(KEY_BACKSPACE), TUI_KC(KEY_DC), TUI_K(TUI_CTRL('d')) },                \
	  "delete a character (a whole emoji or accented letter) back, forward", NULL, NULL,     \
	  TUI_VERB_NONE },                                                                        \
	{ (act), { TUI_K(TUI_CTRL('w')) }, "delete the word before the cursor", NULL, NULL,     \
	  TUI_VERB_NONE },                                                                        \
	{ (act), { TUI_KC(TUI_KEY_C_DC), TUI_KC(TUI_KEY_ALT('d')) },                             \
	  "delete the word after the cursor", NULL, NULL, TUI_VERB_NONE },                       \
	{ (act), { TUI_K(TUI_CTRL('u')), TUI_K(TUI_CTRL('k')) },                                 \
	  "delete to the start, end of the paragraph", NULL, NULL, TUI_VERB_NONE },              \
	{ (act), { TUI_K(TUI_EDITOR_UNDO_KEY) },                                                  \
	  "undo the last edit (again: the one before; Ctrl-/ sends it too)", NULL, NULL,        \
	  TUI_VERB_NONE }

/* The help's notes for an editor: typing and pasting. */
#define TUI_EDITOR_NOTES                                                                      \
	{ "typing", "writes text (q, ? and / are text here)" },                                  \
	{ "paste", "pasted text goes in as text, never as keys" }

#endif
