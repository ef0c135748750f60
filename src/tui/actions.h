/* Private to the Actions screen (actions.c) and its add form
 * (action_form.c): the form is pushed over the list and reports the new
 * action item's id back to it. */
#ifndef TWOWAY_TUI_ACTIONS_H
#define TWOWAY_TUI_ACTIONS_H

#include "app.h"

/* The form adding (edit_id 0) or editing one action item: text, owner, due
 * date (as people type it, or empty) and optionally the meeting it belongs
 * to. When it saves, *saved_id (must outlive the form: a field of the list
 * below it) gets the item's id. NULL on no memory or a missing item (error
 * shown). */
struct tui_screen *action_form_open(struct tui_app *app, int64_t *saved_id, int64_t edit_id);

/* The form postponing action item id: "+3d" counts from its due date (from
 * today when it has none or it has passed), a day ("fri") is taken as is.
 * *saved_id gets the id when it saves. */
struct tui_screen *action_postpone_open(struct tui_app *app, int64_t *saved_id, int64_t id);

#endif
