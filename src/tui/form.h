/* Labelled form fields for the record screens: single-line text edited by
 * character (UTF-8, wide characters, scrolled sideways), a choice picked
 * with left/right, and multi-line notes (the editor widget). */
#ifndef TWOWAY_TUI_FORM_H
#define TWOWAY_TUI_FORM_H

#include "app.h"
#include "editor.h"

enum tui_field_kind { TUI_FIELD_LINE, TUI_FIELD_CHOICE, TUI_FIELD_NOTES };

struct tui_field {
	enum tui_field_kind kind;
	const char *label;
	const char *hint;                /* dim text on the field's last row, may be NULL */
	/* line */
	wchar_t *buf;
	size_t len, cap, cur, scroll, max;
	/* choice */
	const char *const *choices;
	const char *const *choice_hints; /* one per choice, shown under it; may be NULL */
	size_t n_choices, choice;
	/* notes */
	struct tui_editor *ed;
	int rows;
	bool changed;
	/* a line that takes a date (tui_form_date): its echo replaces the hint */
	enum { TUI_DATE_NONE, TUI_DATE_MOMENT, TUI_DATE_DAY } date;
	tw_time date_base; /* "now" for reading it; 0: the real now */
	char echo[256];
};

struct tui_form {
	struct tui_field *f;
	size_t n, focus;
};

enum tui_form_result {
	TUI_FORM_IGNORED, /* not a form key: the host's */
	TUI_FORM_HANDLED,
	TUI_FORM_SUBMIT,  /* Enter on the last line/choice field, or Ctrl-S */
	TUI_FORM_LEFT,    /* tui_form_screen_key: Esc popped the screen (it may be gone) */
};

/* n empty fields; false on no memory. Then set each field with a call below. */
bool tui_form_init(struct tui_form *fm, size_t n);
void tui_form_free(struct tui_form *fm);
bool tui_form_line(struct tui_form *fm, size_t i, const char *label, const char *text,
		   size_t max_chars);
void tui_form_choice(struct tui_form *fm, size_t i, const char *label,
		     const char *const *choices, const char *const *hints, size_t n, size_t sel);
bool tui_form_notes(struct tui_form *fm, size_t i, const char *label, const char *text,
		    int rows);
void tui_form_hint(struct tui_form *fm, size_t i, const char *hint);
/* Makes line i a date field (day_only for a due date): while it holds text,
 * its hint row echoes what the text resolves to ("= Thu 2026-12-03 10:30,
 * in 3 days") or why it cannot be read; the hint shows while it is empty. */
void tui_form_date(struct tui_form *fm, size_t i, bool day_only);
/* Reads date field i against base instead of now (+3d from a due date). */
void tui_form_date_base(struct tui_form *fm, size_t i, tw_time base);

/* The text of a line or notes field as UTF-8 (the caller frees it). */
char *tui_form_text(const struct tui_form *fm, size_t i);
bool tui_form_set_text(struct tui_form *fm, size_t i, const char *utf8);
size_t tui_form_get_choice(const struct tui_form *fm, size_t i);
void tui_form_set_choice(struct tui_form *fm, size_t i, size_t sel);
bool tui_form_changed(const struct tui_form *fm);
void tui_form_mark_saved(struct tui_form *fm);
void tui_form_focus(struct tui_form *fm, size_t i);

/* Draws the fields into r, scrolled so the focused one shows; puts the
 * terminal cursor in the focused text field. */
void tui_form_draw(struct tui_form *fm, struct tui_app *app, struct tui_rect r);
/* Tab/Shift-Tab (and up/down outside notes) move between fields; Enter
 * moves on (submits on the last field); text keys edit the focused field. */
enum tui_form_result tui_form_key(struct tui_form *fm, wint_t k, bool is_keycode);

/* The keys of a screen that is one form (sponsor form, action form): Esc
 * pops the screen (its on_leave saves or asks) and returns TUI_FORM_LEFT;
 * F1 and Ctrl-C are the app's (TUI_FORM_IGNORED, so the screen's key()
 * returns false); every other key goes to the form, and typed text it does
 * not take (q ? / among them) is still HANDLED so it never leaves. */
enum tui_form_result tui_form_screen_key(struct tui_form *fm, struct tui_app *app, wint_t k,
					 bool is_keycode);

/* A screen that is one form embeds this as its FIRST member and points its
 * ops at the tui_form_screen_* functions below; it only writes save(),
 * which stores valid input (true) or shows the problem (false). Enter on
 * the last field saves and leaves; leaving saves valid typed input, and
 * invalid input is discarded only on a second Esc. */
struct tui_form_screen {
	struct tui_screen base;
	struct tui_form fm;
	bool discard_asked;
	bool (*save)(struct tui_app *app, struct tui_form_screen *fs);
};

bool tui_form_screen_on_leave(struct tui_app *app, struct tui_screen *s, bool forced);
bool tui_form_screen_on_key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code);
void tui_form_screen_draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r);

#endif
