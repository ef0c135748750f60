/* What the halves of `twoway import` share: the record layout of an export
 * (sections and their fields), the import's context over the file parsed
 * once (jansson), a small index of strings, and the helpers that report a
 * problem at a place in the file. Private to src/core/store_json_import*.c. */
#ifndef TWOWAY_STORE_JSON_IMPORT_H
#define TWOWAY_STORE_JSON_IMPORT_H

#include <jansson.h>

#include "store_internal.h"

/* Field kinds: N non-blank text, T text, n non-blank text or null, P
 * positive integer, I integer >= 0, i integer >= 0 or null, B boolean,
 * A array, D "" or a date, S stage name, O owner, R rating 0-5, W what a
 * coaching session did with an item (visited, ticked, rated, reflected);
 * optional: X sealed text (lower-case hex), K an object (a profile's lock),
 * t text (may be empty; a meeting's keep item, files of schema 7 lack it);
 * o integer >= 0 or null, m non-blank text or null;
 * H required lower-case hex. */
struct field {
	const char *name;
	char kind;
};

struct spec {
	const char *section;
	const struct field *fields;
};

/* The file's tree as jansson's json_loadb (JSON_REJECT_DUPLICATES) would
 * give it, read faster; NULL when it cannot be sure (then ask json_loadb).
 * store_json_import_parse.c. */
json_t *import_parse(const char *buf, size_t len);

extern const struct spec import_specs[];
extern const size_t import_nspecs;
/* The fields of a reflection's version. */
extern const struct field *const import_version_fields;

/* An index of strings (keys point into the parsed file or stay owned by
 * the caller) to a number; open addressing, grows as it fills. */
struct sindex {
	const char **keys;
	int64_t *vals;
	size_t cap, n;
};
/* Adds key (or finds it): *slot points at its value, 0 for a new key.
 * False only when memory ran out. */
bool sindex_put(struct sindex *x, const char *key, int64_t **slot);
/* The value of key, or NULL when the index does not hold it. */
int64_t *sindex_get(const struct sindex *x, const char *key);
void sindex_free(struct sindex *x);

struct ctx {
	struct tw_store *st;
	const char *path;
	struct tw_diags *diags;
	json_t *root;
	json_t *sec[16]; /* each section's array by spec (NULL when absent: empty) */
	bool failed;
	struct {
		const char *sql;
		sqlite3_stmt *q;
	} stmts[32]; /* prepared once, by the address of their SQL */
	size_t nstmts;
	int64_t gap_ms; /* when the batches last left the lock free (store_busy_gap) */
};

/* The statement for sql (a string constant: it is known by its address),
 * prepared the first time and reset with no bindings after; NULL (the
 * problem recorded) on failure. import_finish finalizes them all. */
sqlite3_stmt *import_stmt(struct ctx *c, const char *sql);
void import_finish(struct ctx *c);

/* The array of a section by name (NULL when absent, which jansson's
 * array calls read as empty). */
json_t *import_section(const struct ctx *c, const char *name);
/* Text of field key of record r, or NULL when it is not text. */
const char *import_text(const json_t *r, const char *key);

/* Records a problem at a place in the file (no line: the JSON functions do
 * not keep positions); always returns false. */
bool import_bad(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A value from the file fit to quote in a message (into buf). */
const char *import_show(const char *s, char *buf, size_t size);
/* A database failure as a problem; always returns false. */
bool import_db_bad(struct ctx *c, const char *what);

/* The checks of the file before anything is written, every problem to
 * c->diags: the top level, sections, fields and their kinds
 * (store_json_import_check.c) ... */
bool import_check_fields(struct ctx *c);
/* ... then repeats the database keeps once, references to records in
 * neither the file nor the database, links across profiles and what
 * coaching sessions covered (store_json_import_refs.c). Reads the
 * database; the caller holds a read transaction. */
bool import_check_refs(struct ctx *c);

/* The parse's arena and the staging tables (store_json_import_stage.c):
 * jansson allocates from the arena while it is set (import_arena_drop
 * frees it all); import_stage_all fills temp.stage_* from the checked
 * file, import_drop_stage removes them; import_stage_exec runs SQL,
 * recording a failure as a problem. */
void *import_arena_alloc(size_t n);
void import_arena_free(void *p);
void import_arena_drop(void);
bool import_stage_exec(struct ctx *c, const char *sql);
bool import_stage_all(struct ctx *c);
void import_drop_stage(struct ctx *c);

/* Sealed text in the file (store_json_import_seal.c), read from the
 * staged file: sealed records are private and belong to a profile whose
 * key comes with the file; a locked profile merges only into one locked
 * with that key. */
bool import_check_seal(struct ctx *c);
/* After the inserts: the key material of the file's locked profiles, and
 * any private plain text brought into a locked profile sealed. */
bool import_seal(struct ctx *c, struct tw_import_stats *s);

/* The profile a uid names here: the same uid, or else the live profile
 * with the name the file gives that (live) profile (read from the staged
 * file, temp.stage_profiles). */
#define PID(u)                                                                    \
	"coalesce((SELECT id FROM profiles WHERE uid = " u "),"                     \
	" (SELECT p.id FROM temp.stage_profiles f JOIN profiles p"                  \
	"  ON p.name = f.name AND p.deleted_at IS NULL"                             \
	"  WHERE f.uid = " u " AND f.deleted_at IS NULL))"
/* V(k): field k of the staged record j. */
#define V(k) "j.\"" k "\""

/* The batches (store_json_import_batch.c): records per statement, and
 * each statement its own transaction when own (the import took no
 * caller's transaction). */
#define IMPORT_BATCH 2048
bool import_batch_begin(struct ctx *c, bool own);
bool import_batch_end(struct ctx *c, bool own, bool ok);
/* Stand-ins, in three steps: every profile the file names into
 * temp.import_pid (uid; real: the profile here it merges into, whose
 * stand-in hid is a random negative id no row has), then, after the
 * file's new profiles went in hidden (deleted_at -1), those rows as their
 * own stand-ins (new, fdel the file's deleted_at) and, when own, a note of
 * each with this process in settings ('import:HID'); last, foreign keys
 * off for the batches (own; import_batches_done turns them back on) or
 * deferred to the caller's commit. */
bool import_stand_ins_begin(struct ctx *c);
bool import_stand_ins_note(struct ctx *c, bool own);
bool import_stand_ins_end(struct ctx *c, bool own);
void import_batches_done(struct ctx *c);
/* In the last transaction: every row under a stand-in to its real
 * profile. */
bool import_unhide(struct ctx *c);
/* Removes what the stand-ins still hold and their notes (own: in short
 * transactions of its own); all: the new profiles' too (a failed import),
 * else the negative stand-ins only (rows that stayed behind). */
void import_discard(struct ctx *c, bool own, bool all);

#endif
