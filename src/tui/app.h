/* The app framework shared by every screen and widget of the TUI: the app
 * struct, the screen interface and stack, the theme, safe text drawing and
 * the status line. Private to src/tui/; read this before writing a screen.
 *
 * HOW A SCREEN IS WRITTEN
 *
 *   One file per screen, src/tui/NAME.c, added to src/tui/meson.build.
 *   The screen embeds `struct tui_screen` as its FIRST member and keeps a
 *   `static const struct tui_screen_ops` table:
 *
 *     struct sponsors { struct tui_screen base; size_t cursor; ... };
 *
 *     static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r);
 *     static bool act(struct tui_app *app, struct tui_screen *s, int action,
 *                     wint_t k, bool code);   // switch (action): A_MOVE, A_ADD ...
 *     static void destroy(struct tui_screen *s);
 *     static const struct tui_binding bindings[] = {   // keymap.h
 *             TUI_MOVE_BINDINGS(A_MOVE),
 *             { A_ADD, { TUI_K('a') }, "add a sponsor", "add", NULL, TUI_VERB_ADD },
 *             { 0 } };
 *     const struct tui_keymap sponsors_keys = { "sponsors", bindings, NULL };
 *     static const struct tui_screen_ops ops = {
 *             .name = "sponsors", .draw = draw, .keys = &sponsors_keys, .act = act,
 *             .destroy = destroy };
 *
 *   The table is the screen's only list of keys: the app dispatches through
 *   it and draws the footer and the ? help from it (list the table in
 *   screens.h/screens.c so tests/unit/test_tui_keys.c checks it). Typing in
 *   a text field goes to key(), which gets the keys the table does not hold.
 *
 *     struct tui_screen *sponsors_open(struct tui_app *app, const struct tui_args *a)
 *     {
 *             struct sponsors *s = calloc(1, sizeof(*s));
 *             if (!s) return NULL;
 *             s->base.ops = &ops;
 *             tui_screen_set_title(&s->base, "Sponsors");
 *             return &s->base;       // tui_open pushes it and calls on_focus
 *     }
 *
 *   Then: add the prototype to screens.h and set `.open = sponsors_open` in
 *   the registry table of screens.c (one line each). Open another screen
 *   with tui_open(app, TUI_SCREEN_X, &args); go back with tui_pop(app).
 *
 * THE CONTRACT
 *
 *   - draw() paints only inside r on stdscr (the app has already cleared it
 *     and draws the title bar, status line and footer around it). It may be
 *     called at any size down to 40x12 (r.h >= 9, r.w >= 40) and must not
 *     assume a previous layout: compute scrolling from r every time.
 *     Draw text ONLY with tui_text/tui_wtext/tui_textf (never printw/addstr
 *     with data from content or the database): they strip control bytes and
 *     never split a wide character at the edge.
 *     To show the terminal cursor (an editor), call tui_cursor(app, y, x).
 *   - act() runs a binding of the table (false: as if the key were not
 *     there). key() gets the keys no binding took (typing; a question the
 *     screen asks gets every key first, see asking): code == true for KEY_*
 *     function keys (KEY_UP,
 *     KEY_RESIZE never arrives, KEY_MOUSE is decoded by the app), else a
 *     character (control characters included: 1 = Ctrl-A ... 27 = Esc).
 *     Return true when handled. Unhandled keys fall back to the app: `?`
 *     help, `q`/Esc back (Home: quit), `/` search, Ctrl-L redraw, Ctrl-C quit.
 *     A screen that takes text input (editor, a search field) handles q, ?
 *     and / itself so they are typed.
 *   - on_focus() runs when the screen becomes the top of the stack (pushed,
 *     or uncovered by a pop): reload records from the store here.
 *   - on_leave(app, s, forced) runs before the screen is popped. Save or
 *     keep a draft of typed text here. Return false to stay (not allowed
 *     when forced: a signal or Ctrl-C is ending the app).
 *   - on_tick() runs about twice a second while the user is idle and after
 *     keys (autosave). click(app, s, y, x) gets mouse clicks inside the
 *     screen rect (screen coordinates); the wheel arrives as KEY_UP/KEY_DOWN.
 *   - Errors: tui_error(app, ...) shows the message in the status line and
 *     writes it to the log ($XDG_STATE_HOME/twoway/twoway.log). Never write
 *     to stdout or stderr while curses is running.
 *   - Core records: app->store, app->lib and app->profile (the profile in
 *     use; app->profile.id for every store call). The TUI never runs SQL or
 *     parses YAML itself.
 */
#ifndef TWOWAY_TUI_APP_H
#define TWOWAY_TUI_APP_H

#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "keymap.h"
#include "tui.h"
#include "twoway/content.h"
#include "twoway/model.h"
#include "twoway/store.h"

#define TUI_MIN_W 40
#define TUI_MIN_H 12
#define TUI_STACK_MAX 16
#define TUI_TICK_MS 500
#define TUI_TYPING_MS 400 /* keys this close behind a stray letter are typing */

struct tui_app;
struct tui_screen;

/* A rectangle of stdscr: top row, left column, height, width. */
struct tui_rect {
	int y, x, h, w;
};

/* One line of the help overlay: the keys and what they do. */
struct tui_help {
	const char *keys;
	const char *what;
};

struct tui_screen_ops {
	const char *name; /* "home", "guide", ... (logs, tests) */
	void (*draw)(struct tui_app *app, struct tui_screen *s, struct tui_rect r);
	bool (*key)(struct tui_app *app, struct tui_screen *s, wint_t key, bool is_keycode);
	void (*destroy)(struct tui_screen *s);
	/* optional */
	void (*on_focus)(struct tui_app *app, struct tui_screen *s);
	bool (*on_leave)(struct tui_app *app, struct tui_screen *s, bool forced);
	void (*on_tick)(struct tui_app *app, struct tui_screen *s);
	/* Another window or the CLI changed the database: reload what the
	 * screen shows, keeping the cursor. Screens holding typed text leave
	 * it NULL. Called from the idle tick. */
	void (*on_refresh)(struct tui_app *app, struct tui_screen *s);
	void (*on_resize)(struct tui_app *app, struct tui_screen *s);
	bool (*click)(struct tui_app *app, struct tui_screen *s, int y, int x);
	/* The screen's keys (keymap.h): dispatch, the footer and the help
	 * come from this one table. A key of the table runs act(); false from
	 * act() lets the key go on as if it were not in the table. */
	const struct tui_keymap *keys;
	bool (*act)(struct tui_app *app, struct tui_screen *s, int action, wint_t key,
		    bool is_keycode);
	/* optional: true while the screen asks a question (y deletes, ...):
	 * every key goes to key() first, the table waits */
	bool (*asking)(const struct tui_screen *s);
};

struct tui_screen {
	const struct tui_screen_ops *ops;
	char title[128];             /* shown in the title bar */
};

/* What a screen is opened with; each screen documents which fields it reads. */
struct tui_args {
	int64_t id;            /* a record id (sponsor, meeting, reflection ...) */
	const char *item_id;   /* a guide item "guide/section/item", or a guide id */
	enum tw_record_kind kind;
	int mode;              /* screen specific (e.g. meetings: prepare/debrief) */
	int64_t meeting_id;    /* a guide walked for a meeting, and its reflections */
};

/* Colour/attribute roles; tui_attr maps them to the theme (or to plain
 * attributes when NO_COLOR is set or the terminal has no colours). */
enum tui_role {
	TUI_NORMAL,
	TUI_TITLE,     /* the title bar */
	TUI_FOOTER,    /* the key bar */
	TUI_STATUS,    /* status messages */
	TUI_ERROR,     /* status errors */
	TUI_SELECTED,  /* the focused row */
	TUI_HEADING,   /* section headings */
	TUI_DIM,       /* secondary text */
	TUI_DONE,      /* ticked / completed */
	TUI_BAR,       /* filled part of a progress bar */
	TUI_BAR_EMPTY, /* empty part of a progress bar */
	TUI_KEY,       /* key names in help and footer */
	TUI_WARN,      /* overdue, private, problems */
	TUI_ROLE_COUNT
};

struct tui_app {
	const struct tw_tui_options *opt;
	struct tw_library *lib;
	struct tw_store *store;
	struct tw_profile profile;   /* the profile in use */

	struct tui_screen *stack[TUI_STACK_MAX];
	size_t depth;

	attr_t attrs[TUI_ROLE_COUNT]; /* the theme, filled by tui_theme_init */
	bool color;                   /* false with NO_COLOR or a mono terminal */

	char status[512];
	bool status_error;
	long status_ms;               /* when the status was set (tui_now_ms) */
	unsigned long keys;           /* keys dispatched so far */
	unsigned long status_key;     /* the value of keys when the status was set */

	bool quit;                    /* leave the main loop */
	bool show_private;            /* Home and search show private text (Ctrl-P);
					 never in coach mode */
	bool help_open;               /* the ? overlay */
	int help_scroll;
	bool redraw_all;              /* clearok on the next frame */
	int cursor_y, cursor_x;       /* tui_cursor; -1: hidden */
	char *log_path;               /* owned; NULL until the first log line */
	const char *backup_warned;    /* the store's backup problem last shown */
	int bench;                    /* TWOWAY_BENCH: 1 = exit after first Home frame */
	const struct tui_screen *typing_screen; /* where a stray letter was typed */
	long typing_until;            /* ... and until when keys there count as typing */
};

/* ---- the screen stack (app.c) ---- */

/* Pushes s (taking ownership) and runs its on_focus. On a full stack the
 * screen is destroyed and false returned (with an error shown). */
bool tui_push(struct tui_app *app, struct tui_screen *s);
/* Pops the top screen after its on_leave agrees (forced: it must). The
 * uncovered screen gets on_focus. Popping the last screen quits. */
bool tui_pop(struct tui_app *app, bool forced);
struct tui_screen *tui_top(struct tui_app *app);
void tui_screen_set_title(struct tui_screen *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Shows the terminal cursor at (y, x) for this frame. */
void tui_cursor(struct tui_app *app, int y, int x);

/* ---- status line and log (status.c) ---- */

void tui_msg(struct tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends one line to the log file (created 0600 in a 0700 directory). */
void tui_log(struct tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_status_draw(struct tui_app *app, int y, int w);
/* Called as a key is dispatched and as screens change: a message set
 * before this key is dropped when the screen changes (it spoke of the
 * screen left), an error once the user acts 3 s after it showed. */
void tui_status_age(struct tui_app *app, bool screen_changed);
long tui_now_ms(void); /* a monotonic clock in milliseconds */

/* ---- theme (theme.c) ---- */

void tui_theme_init(struct tui_app *app); /* after initscr; honours NO_COLOR */
attr_t tui_attr(const struct tui_app *app, enum tui_role role);

/* ---- safe text drawing (text.c) ---- */

/* Decodes UTF-8 into a new wchar_t string (invalid bytes become U+FFFD);
 * *len gets the length. Exact otherwise: control characters are kept, the
 * drawing calls neutralise them. Returns NULL on no memory. */
wchar_t *tui_wcs_from_utf8(const char *s, size_t *len);
/* Encodes wchar_t text as a new UTF-8 string the caller frees. */
char *tui_utf8_from_wcs(const wchar_t *w, size_t len);
/* The display width the drawing calls give c: 0 for combining marks, 2
 * for wide characters, 1 for everything else (placeholders included). */
int tui_wcwidth(wchar_t c);
/* Grapheme clusters (utf8proc): the position after the cluster that
 * starts at pos, and the start of the cluster that ends at pos. An emoji
 * with skin tone, a ZWJ sequence or e + combining accent is one cluster. */
size_t tui_cluster_next(const wchar_t *w, size_t len, size_t pos);
size_t tui_cluster_prev(const wchar_t *w, size_t len, size_t pos);
/* Width of a string as drawn. */
int tui_wcswidth(const wchar_t *w, size_t len);
int tui_text_width(const char *utf8);

/* Draws text at (y, x) in at most width columns with attr and returns the
 * columns used. Control characters and unprintable code points become a
 * visible placeholder, a tab or newline a space; a wide character that
 * would cross the edge is left out. NULL draws nothing. */
int tui_text(int y, int x, int width, const char *utf8, attr_t attr);
int tui_wtext(int y, int x, int width, const wchar_t *w, size_t len, attr_t attr);
/* Like tui_text, but text that does not fit ends in an ellipsis (cut at a
 * word boundary near the edge when there is one), so a reader knows
 * there is more. Returns the columns used. */
int tui_text_clip(int y, int x, int width, const char *utf8, attr_t attr);
int tui_textf(int y, int x, int width, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Fills width columns at (y, x) with spaces in attr. */
void tui_fill(int y, int x, int width, attr_t attr);
/* Draws text left, padded to width with attr (a full-width bar). */
void tui_bar(int y, int x, int width, const char *utf8, attr_t attr);

/* One display line of wrapped text: w[start, end) (end excludes the
 * newline or the space the line broke at). */
struct tui_line {
	size_t start, end;
};
/* Wraps w[0, len) to width columns: breaks after spaces, hard-breaks a word
 * longer than the width, starts a new line at every '\n'. Fills up to max
 * lines into out (out may be NULL to count) and returns the number of
 * lines the whole text needs (at least 1). */
size_t tui_wrap(const wchar_t *w, size_t len, int width, struct tui_line *out, size_t max);
/* Wraps UTF-8 text into r from its first line; draws at most r.h lines
 * (the last ending in an ellipsis when the text needs more) and returns
 * the number of rows used. */
int tui_text_block(struct tui_rect r, const char *utf8, attr_t attr);

/* Lines and boxes in box-drawing characters (ASCII without UTF-8); not
 * the ACS charset, which some terminals and captures show as letters. */
void tui_hline(int y, int x, int n, attr_t attr);
void tui_vline(int y, int x, int n, attr_t attr);
void tui_box(int y, int x, int h, int w, attr_t attr);

/* A progress bar "[#####-----]" of width columns (ascii-safe, coloured). */
void tui_progress_bar(const struct tui_app *app, int y, int x, int width, size_t done,
		      size_t total);

/* ---- help overlay (help.c) ---- */

void tui_help_draw(struct tui_app *app, struct tui_screen *s);
/* Returns true while the overlay stays open. */
bool tui_help_key(struct tui_app *app, wint_t key, bool is_keycode);

/* ---- small shared helpers (app.c) ---- */

/* Enter in any of its forms (\r, \n, KEY_ENTER). */
bool tui_is_enter(wint_t key, bool is_keycode);
/* Backspace in any of its forms (KEY_BACKSPACE, DEL, ^H). */
bool tui_is_backspace(wint_t key, bool is_keycode);

/* List movement keys shared by every list: j/k and arrows, g/G and
 * Home/End, PgUp/PgDn (and Ctrl-B/Ctrl-F). */
enum tui_nav { TUI_NAV_NONE, TUI_NAV_UP, TUI_NAV_DOWN, TUI_NAV_TOP, TUI_NAV_BOTTOM,
	       TUI_NAV_PGUP, TUI_NAV_PGDN };
enum tui_nav tui_nav_key(wint_t key, bool is_keycode);
/* Applies nav to a cursor in [0, n) with a page of page rows; returns true
 * when the cursor moved. */
bool tui_nav_apply(enum tui_nav nav, size_t *cursor, size_t n, int page);
/* Keeps cursor visible in a window of rows rows starting at *top. */
void tui_scroll_to(size_t cursor, size_t *top, int rows, size_t n);

/* Draws the whole frame for the top screen (frame.c), or the "terminal
 * too small" notice; places the cursor where the screen asked. */
void tui_frame_draw(struct tui_app *app);

/* ---- the input layer (input.c) ---- */

/* Keys the input layer adds to curses' KEY_* codes (is_keycode true).
 * Shifted keys arrive as the plain key; ctrl'd (or alt'd) keys that mean
 * something as their own code. Every value fits curses' 16-bit key codes
 * and lies above the codes ncurses numbers at run time. */
enum {
	TUI_KEY_BASE = 0x7000,
	TUI_KEY_C_LEFT,      /* Ctrl-Left: a word left */
	TUI_KEY_C_RIGHT,
	TUI_KEY_C_HOME,      /* Ctrl-Home: the very start */
	TUI_KEY_C_END,
	TUI_KEY_C_DC,        /* Ctrl-Delete: a word forward */
	TUI_KEY_PASTE,       /* a bracketed paste: the text is tui_input_paste() */
	TUI_KEY_IGNORED,     /* a sequence read whole that means nothing here */
	TUI_KEY_PASTE_START, /* internal to input.c */
	TUI_KEY_PASTE_END,
	TUI_KEY_ALT0 = 0x7100, /* Alt + an ASCII character c: TUI_KEY_ALT(c) */
};
#define TUI_KEY_ALT(c) ((wint_t)(TUI_KEY_ALT0 + ((c) & 0x7f)))

/* After newterm and keypad: maps terminfo's extended keys and turns on
 * bracketed paste. finish turns it off again (before endwin); suspend and
 * resume do so around Ctrl-Z and an external editor. */
void tui_input_init(void);
void tui_input_finish(void);
void tui_input_suspend(void);
void tui_input_resume(void);
/* Reads one whole key, waiting up to wait_ms: OK with *k and *code set,
 * or ERR when none came. An escape sequence is read to its end and
 * decoded, or returned as TUI_KEY_IGNORED; never as Esc plus letters. */
int tui_input_read(wint_t *k, bool *code, int wait_ms);
/* The text of the last TUI_KEY_PASTE (owned by the input layer, valid until
 * the next read): CR and CR LF are LF; *cut when it was longer than kept. */
const wchar_t *tui_input_paste(size_t *len, bool *cut);

/* Ctrl-letter as get_wch reports it. */
#define TUI_CTRL(c) ((wint_t)((c) & 0x1f))
#define TUI_ESC ((wint_t)27)

#endif
