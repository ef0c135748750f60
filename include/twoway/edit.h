/* Private text outside the store: the one $VISUAL/$EDITOR launcher of
 * twoway (the CLI and the app), and the sweep at start of what a killed
 * twoway left behind (editor directories, export temp files). */
#ifndef TWOWAY_EDIT_H
#define TWOWAY_EDIT_H

#include <stdbool.h>

#include "twoway/diag.h"

/* The editor command: $VISUAL, else $EDITOR, else "vi". Borrowed. */
const char *tw_edit_command(void);

/* Writes text and a final newline to reflection.txt, 0600, in a fresh 0700
 * directory of twoway's own ($XDG_STATE_HOME/twoway/tmp/edit-PID-XXXXXX),
 * runs `sh -c '$EDITOR "$1"' sh FILE` and waits (SIGINT and SIGQUIT go to
 * the editor only), reads the file back (one trailing newline dropped),
 * then removes the directory whole, editor backups and swap files too; a
 * kill meanwhile leaves it for tw_tmp_sweep. On success *out is the text
 * (the caller frees it). On failure *out is NULL and err says why:
 * TW_ERR_IO (no directory, the editor could not run or exited non-zero:
 * *status gets its exit status, 128+N for signal N, -1 not started) or
 * TW_ERR_INVALID (the result is not valid UTF-8 text). The caller steps
 * out of its screen around the call. */
bool tw_edit_run(const char *text, char **out, int *status, struct tw_error *err);

/* Export temp files: tw_tmp_note records path (a temp file about to be
 * created) so that a kill before tw_tmp_forget still gets it removed by
 * the next start. Returns a ticket for tw_tmp_forget (NULL when the record
 * could not be made: the export goes on). tw_tmp_forget(NULL) is a no-op. */
char *tw_tmp_note(const char *path);
void tw_tmp_forget(char *ticket);

/* Removes editor directories and noted temp files of twoway processes that
 * are gone. Run once at start; quiet and cheap (one small directory). */
void tw_tmp_sweep(void);

/* Core dumps off for this process (RLIMIT_CORE 0): a dump could hold
 * private text. Run once at start. */
void tw_no_core_dumps(void);

#endif
