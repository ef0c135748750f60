/* Private to the Actions screen (actions.c) and its add form
 * (action_form.c): the form is pushed over the list and reports the new
 * action item's id back to it. */
#ifndef TWOWAY_TUI_ACTIONS_H
#define TWOWAY_TUI_ACTIONS_H

#include "app.h"

/* The form adding one action item: text, owner, due date (YYYY-MM-DD or
 * empty) and optionally the meeting it belongs to. When it saves,
 * *saved_id (must outlive the form: a field of the list below it) gets the
 * new id. NULL on no memory (error shown). */
struct tui_screen *action_form_open(struct tui_app *app, int64_t *saved_id);

#endif
