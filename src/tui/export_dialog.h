/* The export dialog: "Export <what> to: [path]" over the current screen,
 * prefilled with a default file in $HOME; enter writes it through the core
 * (atomic, 0600), asking before it replaces a file; Esc cancels. */
#ifndef TWOWAY_TUI_EXPORT_DIALOG_H
#define TWOWAY_TUI_EXPORT_DIALOG_H

#include "app.h"

enum tui_export_kind {
	TUI_EXPORT_BRIEF,        /* id: a meeting; the Markdown brief (Tab: the agenda) */
	TUI_EXPORT_AGENDA,       /* id: a meeting; the send-ahead agenda (Tab: the brief) */
	TUI_EXPORT_COACHING,     /* id: a coaching session; the Markdown summary */
	TUI_EXPORT_ICS,          /* the profile's meetings as iCalendar */
	TUI_EXPORT_MEETINGS_CSV, /* the profile's meetings as CSV */
	TUI_EXPORT_ACTIONS_CSV,  /* the profile's action items as CSV */
};

/* Opens the dialog over the top screen and pushes it. The export is built
 * when the user presses enter, so it holds the records of that moment.
 * Returns false (with the reason in the status line) when it cannot open,
 * e.g. an unknown meeting. */
bool export_dialog_push(struct tui_app *app, enum tui_export_kind kind, int64_t id);

/* "maria-lopez" from "María López": lowercase ASCII letters and digits,
 * accented Latin letters without their accents, every other run of
 * characters one '-', none at the ends, at most size - 1 bytes. */
void export_slug(const char *utf8, char *out, size_t size);

/* ~ or ~/rest with $HOME put in; other paths as given. The caller frees
 * the result; NULL when ~ is used without HOME set, or on no memory. */
char *export_expand_path(const char *path);

#endif
