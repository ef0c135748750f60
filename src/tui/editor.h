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

#endif
