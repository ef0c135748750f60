/* What the two halves of `twoway import` share: the record layout of an
 * export (sections and their fields), the import's context, and the
 * helpers that report a problem at a place in the file. Private to
 * src/core/store_json_import*.c. */
#ifndef TWOWAY_STORE_JSON_IMPORT_H
#define TWOWAY_STORE_JSON_IMPORT_H

#include "store_internal.h"

/* Field kinds: N non-blank text, T text, n non-blank text or null, P
 * positive integer, I integer >= 0, i integer >= 0 or null, B boolean,
 * A array, D "" or a date, S stage name, O owner, R rating 0-5, W what a
 * coaching session did with an item (visited, ticked, rated, reflected). */
struct field {
	const char *name;
	char kind;
};

struct spec {
	const char *section;
	const struct field *fields;
};

/* One field of the record j in a query over json_each. */
#define V(k) "j.value->>'" k "'"

extern const struct spec import_specs[];
extern const size_t import_nspecs;

struct ctx {
	struct tw_store *st;
	const char *buf;
	size_t len;
	const char *path;
	struct tw_diags *diags;
	bool failed;
};

/* Records a problem at a place in the file (no line: the JSON functions do
 * not keep positions); always returns false. */
bool import_bad(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A value from the file fit to quote in a message (into buf). */
const char *import_show(const char *s, char *buf, size_t size);
/* A database failure as a problem; always returns false. */
bool import_db_bad(struct ctx *c, const char *what);
/* Prepares sql with the file bound as ?1. */
bool import_prepare(struct ctx *c, const char *sql, sqlite3_stmt **q);

/* Checks every section, field, value and reference of the file before
 * anything is written; every problem goes to c->diags. */
bool import_check_all(struct ctx *c);

#endif
