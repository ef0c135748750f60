/* Located problems and plain errors, the way the core reports failure.
 * The core never prints: it fills a tw_error (one problem) or appends to a
 * tw_diags list (many problems, each with file, line and column). */
#ifndef TWOWAY_DIAG_H
#define TWOWAY_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/* One problem in a file. line and column are 1-based; 0 means "unknown"
 * (for example a file that cannot be opened). */
struct tw_diag {
	char *path;    /* owned by the list */
	int line;
	int column;
	char *message; /* owned by the list; no trailing newline */
};

struct tw_diags {
	struct tw_diag *v;
	size_t n;
	size_t cap;
};

/* Appends a problem; message is printf-style. Returns false only when
 * memory runs out (the list is left as it was). */
bool tw_diags_add(struct tw_diags *d, const char *path, int line, int column,
		  const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Formats diag i as "path:line:column: message" (":line:column" left out
 * when unknown). Returns a string the caller frees, or NULL on no memory. */
char *tw_diag_format(const struct tw_diag *diag);

/* Frees every entry and resets the list to empty; the list itself may be
 * reused afterwards. NULL is a no-op. */
void tw_diags_clear(struct tw_diags *d);

/* Error kinds for tw_error.code. */
enum tw_errcode {
	TW_OK = 0,
	TW_ERR_NOMEM,
	TW_ERR_IO,        /* a file or directory could not be read or written */
	TW_ERR_INVALID,   /* the caller's input is not acceptable (bad date, empty text ...) */
	TW_ERR_NOTFOUND,  /* no such profile, sponsor, item, record */
	TW_ERR_EXISTS,    /* a record or file with that name already exists */
	TW_ERR_FOREIGN,   /* the database file is not a twoway database */
	TW_ERR_CORRUPT,   /* the database file is damaged */
	TW_ERR_TOO_NEW,   /* the database was written by a newer twoway */
	TW_ERR_BUSY,      /* another process held a lock for longer than the timeout */
	TW_ERR_DB,        /* any other database failure */
	TW_ERR_PRIVATE,   /* private text a coach view may not read or change */
	TW_ERR_LOCKED,    /* sealed private text needs the profile's passphrase */
	TW_ERR_PASSPHRASE, /* the passphrase given is wrong */
};

/* One error with a human message, filled by core calls that can fail. */
struct tw_error {
	enum tw_errcode code;
	char message[512];
};

/* Sets code and a printf-style message; err may be NULL. Returns false so
 * that callers can write `return tw_error_set(err, ...);`. */
bool tw_error_set(struct tw_error *err, enum tw_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Resets err to TW_OK with an empty message; err may be NULL. */
void tw_error_clear(struct tw_error *err);

#endif
