/* Recovery files: where an editor puts text that could be neither saved
 * nor kept as a draft, so that it is never lost. */
#ifndef TWOWAY_RECOVERY_H
#define TWOWAY_RECOVERY_H

#include <stdbool.h>

#include "twoway/diag.h"

/* Writes text to a new file $XDG_STATE_HOME/twoway/recovered/WHAT-STAMP-
 * XXXXXX.txt (the file 0600, the directory 0700, so a private reflection
 * stays as private as in the database) and returns its path, which the
 * caller frees and shows. NULL with err filled when even that fails. */
char *tw_recovery_write(const char *what, const char *text, struct tw_error *err);

#endif
