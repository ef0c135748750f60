/* Handing text to $VISUAL/$EDITOR: the app steps out of curses, writes the
 * text to a 0600 file in a private 0700 directory, runs the editor through
 * /bin/sh (so arguments and quoted paths work), waits, and reads it back. */
#ifndef TWOWAY_TUI_EXTEDIT_H
#define TWOWAY_TUI_EXTEDIT_H

#include "app.h"

/* Runs the editor on text. On success *out is the edited text (the caller
 * frees it; one trailing newline is dropped). On failure (no temp dir, the
 * editor failed, the result is not valid UTF-8 text) shows why, leaves *out
 * NULL and returns false: the caller keeps its text. The temp file and its
 * directory are removed either way. */
bool tui_external_edit(struct tui_app *app, const char *text, char **out);

#endif
