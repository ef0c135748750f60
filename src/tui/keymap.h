/* Keys declared once per screen: a screen's table of bindings (the keys,
 * the action they run, what help says, the footer's word, when it applies)
 * is the only place its keys live. The app dispatches a key through the
 * table to the screen's act(), and draws the footer and the `?` help from
 * the same table, so the three cannot disagree. Key names ("enter",
 * "Ctrl-S", "PgDn", "1-5") are made from the key codes, never written by
 * hand. */
#ifndef TWOWAY_TUI_KEYMAP_H
#define TWOWAY_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct tui_screen;

/* One key, or a range of characters (lo..hi, e.g. '1'..'5'); code: a
 * curses KEY_* code or one of the input layer's TUI_KEY_* codes. Enter is
 * written '\n' and matches \r and KEY_ENTER too. */
struct tui_keyspec {
	wint_t lo, hi;
	bool code;
};
#define TUI_K(c) { (wint_t)(c), (wint_t)(c), false }
#define TUI_KC(c) { (wint_t)(c), (wint_t)(c), true }
#define TUI_KR(a, b) { (wint_t)(a), (wint_t)(b), false }

/* The verbs that use one key on every screen (a test holds every table to
 * it): add a, edit e (and enter), delete d and Delete, undo u, export x,
 * search /, back q and Esc. */
enum tui_verb {
	TUI_VERB_NONE,
	TUI_VERB_ADD,
	TUI_VERB_EDIT,
	TUI_VERB_DELETE,
	TUI_VERB_UNDO,
	TUI_VERB_EXPORT,
	TUI_VERB_SEARCH,
	TUI_VERB_BACK,
};

#define TUI_BINDING_KEYS 8
struct tui_binding {
	int action;                                /* the screen's action, > 0 */
	struct tui_keyspec keys[TUI_BINDING_KEYS]; /* the keys; lo == 0 ends */
	const char *what;                          /* help: what it does */
	const char *foot;                          /* the footer's word; NULL: help only */
	/* NULL: always applies; else only while it returns true (a key that
	 * does not apply now is not in the footer and falls through). */
	bool (*when)(const struct tui_screen *s);
	enum tui_verb verb;
};

/* A screen's table: bindings up to one with action 0; notes: lines the
 * help shows after the keys (a legend of marks), NULL or ending with
 * { NULL, NULL }. */
struct tui_help;
struct tui_keymap {
	const char *screen; /* the screen's ops name */
	const struct tui_binding *b;
	const struct tui_help *notes;
};

/* The list movement keys every list shares, as bindings running action
 * act (which hands the key to tui_list_key or the like). */
#define TUI_MOVE_BINDINGS(act)                                                              \
	{ (act), { TUI_K('j'), TUI_KC(KEY_DOWN), TUI_K('k'), TUI_KC(KEY_UP) },                  \
	  "move down, up", NULL, NULL, TUI_VERB_NONE },                                         \
	{ (act), { TUI_K('g'), TUI_KC(KEY_HOME), TUI_K('G'), TUI_KC(KEY_END) },                 \
	  "first, last", NULL, NULL, TUI_VERB_NONE },                                           \
	{ (act), { TUI_KC(KEY_PPAGE), TUI_K(2), TUI_KC(KEY_NPAGE), TUI_K(6) },                  \
	  "a page up, down", NULL, NULL, TUI_VERB_NONE }

/* The binding key k (code: a KEY_* code) runs on screen s now: the first
 * whose keys hold k and whose when() holds for s (s NULL: every when()
 * holds). NULL when none does. */
const struct tui_binding *tui_keymap_find(const struct tui_keymap *m, const struct tui_screen *s,
					  wint_t k, bool code);
/* The name of one key spec ("a", "enter", "Ctrl-S", "PgDn", "1-5") into
 * buf; returns buf. */
char *tui_key_name(struct tui_keyspec k, char *buf, size_t len);
/* The key named name (the inverse of tui_key_name for a single key; "^S"
 * is Ctrl-S as the footer writes it); false when no key has that name. */
bool tui_key_parse(const char *name, wint_t *k, bool *code);
/* Help's key column for b: its keys' names joined by ", "; returns buf. */
char *tui_binding_label(const struct tui_binding *b, char *buf, size_t len);
/* The footer for s: "KEY word" for each binding with a footer word that
 * applies now, two spaces apart, KEY the name of its first key (Ctrl-S
 * written ^S); returns buf. */
char *tui_keymap_footer(const struct tui_keymap *m, const struct tui_screen *s, char *buf,
			size_t len);
/* How many bindings m holds. */
size_t tui_keymap_count(const struct tui_keymap *m);

/* The keys that work on every screen (app.c), and every screen's table
 * (screens.c), for the help overlay and the tests; *n gets the count. */
const struct tui_keymap *tui_keymap_global(void);
const struct tui_keymap *const *tui_keymaps(size_t *n);

#endif
