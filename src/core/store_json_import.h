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
 * coaching session did with an item (visited, ticked, rated, reflected);
 * optional: X sealed text (lower-case hex), K an object (a profile's lock);
 * H required lower-case hex. */
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

/* Sealed text in the file (store_json_import_seal.c): sealed records are
 * private and belong to a profile whose key comes with the file or is the
 * one here; a locked profile merges only into one locked with that key. */
bool import_check_seal(struct ctx *c);
/* After the inserts: the key material of the file's locked profiles, and
 * any private plain text brought into a locked profile sealed. */
bool import_seal(struct ctx *c, struct tw_import_stats *s);

/* The profile a uid names here: the same uid, or else the live profile
 * with the name the file gives that (live) profile. */
#define PID(u)                                                                    \
	"coalesce((SELECT id FROM profiles WHERE uid = " u "),"                     \
	" (SELECT p.id FROM json_each(?1, '$.profiles') f JOIN profiles p"          \
	"  ON p.name = f.value->>'name' AND p.deleted_at IS NULL"                   \
	"  WHERE f.value->>'uid' = " u " AND f.value->>'deleted_at' IS NULL))"

#endif
