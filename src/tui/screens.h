/* The screen registry: one id per screen and the open function of each.
 * To add a screen: write src/tui/NAME.c, add its open prototype below and
 * set .open in the table of screens.c (see app.h for how a screen is written). */
#ifndef TWOWAY_TUI_SCREENS_H
#define TWOWAY_TUI_SCREENS_H

#include "app.h"

enum tui_screen_id {
	TUI_SCREEN_HOME,
	TUI_SCREEN_GUIDE,      /* args.item_id: a guide id, or a full item id to focus */
	TUI_SCREEN_REFLECTION, /* args.item_id: the item (NULL: a free-standing reflection) */
	TUI_SCREEN_SPONSORS,   /* args.id: a sponsor to focus (0: none) */
	TUI_SCREEN_MEETINGS,   /* args.id: a meeting; args.mode: enum tui_meeting_mode */
	TUI_SCREEN_SEARCH,
	TUI_SCREEN_PROFILES,
	TUI_SCREEN_COACH,
	TUI_SCREEN_ACTIONS,    /* args.id: an action item to focus (0: none) */
	TUI_SCREEN_TRASH,      /* the profile's deleted records */
	TUI_SCREEN_COUNT
};

/* For TUI_SCREEN_MEETINGS' args.mode. */
enum tui_meeting_mode {
	TUI_MEETINGS_LIST = 0,
	TUI_MEETINGS_PREPARE,
	TUI_MEETINGS_DEBRIEF,
};

typedef struct tui_screen *(*tui_open_fn)(struct tui_app *app, const struct tui_args *args);

struct tui_screen_entry {
	const char *name;  /* "sponsors" */
	const char *title; /* "Sponsors" */
	tui_open_fn open;
};

/* Opens screen id with args (NULL: all zero) and pushes it. Shows the error
 * in the status line and returns false when it cannot. */
bool tui_open(struct tui_app *app, enum tui_screen_id id, const struct tui_args *args);
const struct tui_screen_entry *tui_screen_entry(enum tui_screen_id id);

/* The open functions, one per screen file. */
struct tui_screen *home_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *guide_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *reflection_open(struct tui_app *app, const struct tui_args *args);
/* Records (sponsors.c, meetings.c, search.c, profiles.c). */
struct tui_screen *sponsors_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *meetings_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *search_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *profiles_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *coach_start_open(struct tui_app *app, const struct tui_args *args);
/* The frame under coach mode (coach_gate.c): TUI_SCREEN_COACH opens it. */
struct tui_screen *coach_gate_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *actions_open(struct tui_app *app, const struct tui_args *args);
struct tui_screen *trash_open(struct tui_app *app, const struct tui_args *args);

/* Every screen's key table (keymap.h), one per screen file; tui_keymaps()
 * lists them. */
extern const struct tui_keymap sponsors_keys, meetings_keys, actions_keys, profiles_keys,
	trash_keys, home_keys, meeting_view_keys, coach_gate_keys, coach_summary_keys,
	guide_keys, reflection_keys, sponsor_form_keys, action_form_keys,
	search_keys, export_dialog_keys, coach_start_keys, coach_keys,
	meeting_prepare_keys, meeting_debrief_keys, action_postpone_keys, passphrase_keys;

/* passphrase.c: the prompt of a locked profile, standing in for the
 * reflection args names until the passphrase opens the profile's key. */
struct tui_screen *passphrase_open(struct tui_app *app, const struct tui_args *args);
/* True when r is sealed and its profile's key is not open yet. */
bool tui_needs_passphrase(struct tui_app *app, const struct tw_reflection *r);

#endif
