/* Recovery files: where an editor puts text that could be neither saved
 * nor kept as a draft, so that it is never lost. */
#ifndef TWOWAY_RECOVERY_H
#define TWOWAY_RECOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/diag.h"

/* Writes text to a new file $XDG_STATE_HOME/twoway/recovered/WHAT-STAMP-
 * XXXXXX.txt (the file 0600, the directory 0700, so a private reflection
 * stays as private as in the database) and returns its path, which the
 * caller frees and shows. NULL with err filled when even that fails. */
char *tw_recovery_write(const char *what, const char *text, struct tw_error *err);

/* The first line of a sealed recovery file; the sealed bytes follow. */
#define TW_RECOVERY_SEALED_HEAD "twoway sealed recovery file 1\n"
/* The most a recovery file may hold (the text limit, sealed, and room). */
#define TW_RECOVERY_MAX ((size_t)2 << 20)

/* The same for the private text of a locked profile: len bytes sealed to
 * its key (tw_store_profile_seal_text) go to WHAT-STAMP-XXXXXX.sealed, so
 * the file is no easier to read than the database. */
char *tw_recovery_write_sealed(const char *what, const unsigned char *blob, size_t len,
			       struct tw_error *err);

/* Reads a recovery file: a plain one into *text (the caller frees), a
 * sealed one into *blob (the caller frees, *len bytes, for
 * tw_store_profile_open_text). TW_ERR_IO when unreadable. */
bool tw_recovery_read(const char *path, char **text, unsigned char **blob, size_t *len,
		      struct tw_error *err);

#endif
