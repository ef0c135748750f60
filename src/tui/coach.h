/* Coach mode's inside: the session screen (coach.c), the coach panel widget
 * (coach_panel.c) and the end-of-session summary (coach_summary.c). The
 * start screen (coach_start.c) is TUI_SCREEN_COACH in the registry. */
#ifndef TWOWAY_TUI_COACH_H
#define TWOWAY_TUI_COACH_H

#include "app.h"

/* The side-by-side session screen for coaching session id (running) on
 * guide_id; it uses the session's profile while it is open and puts the
 * app's profile back when it is left. NULL on failure (error shown). */
struct tui_screen *coach_session_open(struct tui_app *app, int64_t id, const char *guide_id);
/* The summary of coaching session id (duration, coach, profile, what was
 * covered, the notes, how to export it). */
struct tui_screen *coach_summary_open(struct tui_app *app, int64_t id);

/* What session id covered in every sitting, from the marks in the store,
 * as the plain text kept with the session and shown in its summary: the
 * guides, counts, then the items by what was done (never a reflection's
 * text; "(private)" when the sponsee keeps it private). "" when nothing is
 * marked. The caller frees it; NULL with err filled on failure. */
char *coach_covered_text(struct tui_app *app, int64_t id, struct tw_error *err);

/* "1h 05m 09s" or "05m 09s" into buf. */
void coach_duration(tw_time secs, char *buf, size_t len);

/* ---- the coach panel: prompt, earlier answers, the coach's notes ----
 * Privacy: a reflection the sponsee marked private (now or in any
 * version) is never copied into the panel; only "private" and its date. */
struct coach_panel;

struct coach_panel *coach_panel_new(const char *notes);
void coach_panel_free(struct coach_panel *p);
/* Shows item (NULL: a section row); fetches its history when it changed. */
void coach_panel_set_item(struct coach_panel *p, struct tui_app *app, const struct tw_item *it);
/* The check-up run whose answers the panel reads for check-up items (0:
 * none). */
void coach_panel_set_run(struct coach_panel *p, int64_t run);
/* Forgets the fetched history (after a rating or a reflection changed). */
void coach_panel_refresh(struct coach_panel *p);
/* Draws into r; focused: the notes editor has the keyboard. note (may be
 * NULL) is a line shown above the notes, e.g. a confirmation question. */
void coach_panel_draw(struct coach_panel *p, struct tui_app *app, struct tui_rect r,
		      bool focused, const char *note);
struct tui_editor *coach_panel_notes(struct coach_panel *p);

#endif
