/* Private to src/core/store*.c: the store handle and the small helpers the
 * store files share (statements, transactions, error mapping, checks of the
 * caller's input). Nothing outside the store includes this header. */
#ifndef TWOWAY_STORE_INTERNAL_H
#define TWOWAY_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "twoway/diag.h"
#include "twoway/store.h"

/* PRAGMA application_id of every twoway database ("TwWy"). */
#define TW_STORE_APP_ID 0x54775779

/* One connection's wait for a lock (its busy handler's state). */
struct store_busy {
	int timeout_ms;
	int64_t since_ms; /* when the current wait began */
};

struct tw_store {
	sqlite3 *db;
	char *path;
	enum tw_view view; /* TW_VIEW_COACH: private text never leaves the store */
	int found_version;
	bool batch; /* inside tw_store_batch_begin: operations nest as savepoints */
	int nest;   /* open savepoints of operations inside the batch */
	int64_t data_version; /* last PRAGMA data_version seen by tw_store_changed */
	bool no_backup;       /* a scratch copy (store_backup.c): never backed up */
	bool opening;         /* inside store_open: migrations are not the day's write */
	char backup_day[11];  /* the day the daily backup was last seen to */
	char *backup_problem; /* why it failed; tw_store_backup_problem */
	char *notice;         /* what opening changed on disk (modes), or NULL */
	bool no_stamp;        /* a failed open: closing writes nothing */
	int64_t checked_at;   /* when the file last passed a check; 0 unknown */
	bool record_stale;    /* its check record did not vouch for it */
	bool wrote;           /* this connection committed a change */
	struct store_key_slot *keys; /* profile keys opened this session (store_seal.c) */
	bool scrub; /* plaintext was sealed in place: scrub the index and WAL after commit */
	int64_t scope; /* tw_store_scope: the only profile bare ids reach; 0 any */
	struct store_busy busy; /* how db waits for another writer */
};

/* tw_store_open, with backups false for a scratch copy that must never
 * be backed up itself (a restore's). */
struct tw_store *store_open(const char *path, enum tw_view view, bool backups,
			     struct tw_error *err);

/* Runs sql (a pragma or a one-value SELECT) and puts its integer in *out;
 * false when it cannot be read. */
bool store_int_pragma(sqlite3 *db, const char *sql, int64_t *out);

/* file: URI for path with query ("immutable=1"); the caller frees. */
char *store_file_uri(const char *path, const char *query);

/* Backups (store_backup.c). store_backup_daily runs before a write begins:
 * the first time each day (per process) it takes the day's backup unless
 * one exists; a failure is only noted (tw_store_backup_problem). The
 * other runs before migrations of a file at schema found. */
void store_backup_daily(struct tw_store *st);
void store_backup_before_migrate(struct tw_store *st, int64_t found);

/* The check record (store_stamp.c): an open skips PRAGMA quick_check
 * when the file passed one within a day and has not changed since but by
 * twoway. store_stamp_vouches is true when the record beside path matches
 * sb, with *checked_at the time of that check; store_stamp_hook notes
 * this connection's commits (and checkpoints as SQLite's default would);
 * store_stamp_close, after the connection closed, records the file as
 * twoway leaves it when it wrote or checked. */
struct stat;
bool store_stamp_vouches(const char *path, const struct stat *sb, int64_t *checked_at);
/* Removes what an import that was killed left under its stand-in
 * profiles (store_json_import_batch.c); called by every open. */
void store_import_sweep(struct tw_store *st);
void store_stamp_hook(struct tw_store *st);
void store_stamp_close(struct tw_store *st);

/* One schema step: the SQL that takes version (to - 1) to version to. */
struct store_migration {
	int to;
	const char *const *sql; /* NULL-terminated */
};
extern const struct store_migration store_migrations[];
extern const size_t store_migrations_count;
/* ---- waiting for another writer (store_busy.c) ---- */
/* How long a write waits for another window, in ms:
 * TWOWAY_BUSY_TIMEOUT_MS (1 to 600000) shortens it for the tests. */
int store_busy_timeout_ms(void);
/* Makes db wait for a lock by looking again every millisecond, up to
 * store_busy_timeout_ms(); b must live as long as db. */
void store_busy_wait(sqlite3 *db, struct store_busy *b);
/* Between two short write transactions of a long run (an import's
 * batches): leaves the write lock free for a moment, so that a writer
 * waiting with store_busy_wait takes it, unless the last such moment was
 * under 20 ms ago. *last_ms: when that was (0 before the first). */
void store_busy_gap(int64_t *last_ms);

/* ---- judging a file without writing it (store_judge.c) ---- */
/* What judging a file asks and finds. */
struct store_judging {
	bool deep;    /* run PRAGMA quick_check */
	bool checked; /* it ran and said ok */
};
/* The 100-byte header read by hand: *fresh when there is no file yet (or
 * an empty one); false, with err, for a file that is not SQLite's. */
bool store_check_header(const char *path, bool *fresh, struct tw_error *err);
/* Judges an open connection without writing: ours, not too new, sound. */
bool store_judge(sqlite3 *db, const char *path, struct store_judging *jd, struct tw_error *err);
/* The same through an immutable read-only connection (no -wal beside). */
bool store_validate_readonly(const char *path, struct store_judging *jd, struct tw_error *err);
/* The same for a file with a -wal beside it. */
bool store_validate_wal(const char *path, struct store_judging *jd, struct tw_error *err);
bool store_wal_exists(const char *path);
/* The messages of a refused file; each returns false. */
bool store_refuse_foreign(const char *path, struct tw_error *err);
bool store_refuse_too_new(const char *path, int found, struct tw_error *err);

/* Schemas 8, 9, 10, 12, 13, 15 and 16 (store_schema_later.c). */
extern const char *const store_v8_sql[];
extern const char *const store_v9_sql[];
extern const char *const store_v10_sql[];
extern const char *const store_v12_sql[];
extern const char *const store_v13_sql[];
extern const char *const store_v15_sql[];
extern const char *const store_v16_sql[];
/* Schema 14 (store_schema_search.c): the search index's owner column. */
extern const char *const store_v14_sql[];
/* Schema 11 (store_schema_repair.c): orphans of earlier purges removed. */
extern const char *const store_v11_sql[];

/* Fills err from the connection's last error; what says what was being
 * done. Always returns false. */
bool store_fail(struct tw_store *st, struct tw_error *err, const char *what);
/* Maps an SQLite result code to a tw_errcode. */
enum tw_errcode store_code(int rc);

/* Tables whose records are reached by bare id (store_scope.c). */
enum store_table { STORE_SPONSOR, STORE_REFLECTION, STORE_MEETING, STORE_ACTION,
		   STORE_COACHING };
/* True when the handle has no scope, when record id of table t does not
 * exist (the caller reports that its own way) or belongs to the scope's
 * profile; otherwise false with TW_ERR_NOTFOUND ("no ... in this
 * profile"), exactly as for a record that is not there. */
bool store_in_scope(struct tw_store *st, enum store_table t, int64_t id, struct tw_error *err);

/* Prepares sql (one statement); false with err filled on failure. */
bool store_prepare(struct tw_store *st, const char *sql, sqlite3_stmt **out,
		   struct tw_error *err);
/* Runs sql (one or more statements, no parameters). */
bool store_exec(struct tw_store *st, const char *sql, struct tw_error *err);

/* BEGIN IMMEDIATE (waits for another writer rather than failing), COMMIT,
 * ROLLBACK. store_rollback is safe to call when no transaction is open. */
bool store_begin(struct tw_store *st, struct tw_error *err);
bool store_commit(struct tw_store *st, struct tw_error *err);
void store_rollback(struct tw_store *st);

/* Ends a write begun with store_begin: commits when ok (after reading the
 * id of the row just inserted into *id, when id is not NULL), otherwise
 * rolls back. Returns whether the write is saved. */
bool store_end(struct tw_store *st, bool ok, int64_t *id, struct tw_error *err);
/* A read transaction around several statements, so that they see one
 * state of the file while another window writes: store_read_begin opens
 * one only when no transaction is open (*own says whether it did), and
 * store_read_end ends what it opened. */
bool store_read_begin(struct tw_store *st, bool *own, struct tw_error *err);
void store_read_end(struct tw_store *st, bool own, bool ok);

/* Steps a write statement to completion and finalizes it. */
bool store_step_done(struct tw_store *st, sqlite3_stmt *stmt, struct tw_error *err,
		     const char *what);

/* A profile an import is still adding (deleted_at < 0 until it ends,
 * store_json_import_batch.c) is no part of an export: an SQL condition
 * on the profiles row p. */
#define STORE_SHOWN(p) "coalesce(" p ".deleted_at, 0) >= 0"

/* The JSON export's queries (store_json_sections.c): one section of the
 * file each, named, in order; and the reflections' versions. Their
 * columns say how each is written (see the file). */
struct store_json_section {
	const char *name;
	const char *sql;
};
extern const struct store_json_section store_json_sections[];
extern const size_t store_json_sections_count;
extern const char store_json_versions_sql[];

/* The (id, text) rows sql gives, by id ascending (?1 bound to arg when
 * it has one), into a new array for tw_uids_find and tw_uids_free: the
 * uids tw_store_uids hands out, or any text looked up by id, such as the
 * links of an export read once instead of joined for every row
 * (store_json.c). A NULL text reads "". */
bool store_id_texts(struct tw_store *st, const char *sql, int64_t arg, struct tw_uid **out,
		    size_t *n, struct tw_error *err);

/* A copy of column i as a string ("" for NULL); NULL only on no memory. */
char *store_col_dup(sqlite3_stmt *stmt, int i);
/* Same, keeping NULL as NULL; *oom set when memory ran out. */
char *store_col_dup0(sqlite3_stmt *stmt, int i, bool *oom);
bool store_nomem(struct tw_error *err);
/* Gives every row of table (profiles, sponsors, reflections, meetings,
 * actions, coaching) that has no uid yet one, in one write transaction
 * taken only when some row lacks it (store_json.c). */
bool store_uids_give(struct tw_store *st, const char *table, struct tw_error *err);

/* Tightens the database at path, its -wal and -shm to 0600 and, when it
 * lives in twoway's data directory, that directory to 0700. *notice is NULL
 * when nothing was loose, else one line saying what was changed (or could
 * not be), which the caller frees. False only when memory ran out. */
bool store_tighten_modes(const char *path, char **notice);

/* Input checks: text valid UTF-8 without control characters (NULL is
 * accepted as ""); required text must also be non-blank. what names the
 * field in the message. */
bool store_check_text(const char *s, const char *what, struct tw_error *err);
bool store_check_required(const char *s, const char *what, struct tw_error *err);

/* True when the id names a live (not soft-deleted) profile; otherwise err is
 * TW_ERR_NOTFOUND. */
bool store_profile_live(struct tw_store *st, int64_t id, struct tw_error *err);
/* The profile is live and meeting_id (0: no meeting) is one of its live
 * meetings; TW_ERR_NOTFOUND otherwise (store_progress.c). */
bool store_meeting_of(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
		      struct tw_error *err);
/* store_meeting_of for item_id's occasion: a check-up item's is a check-up
 * run of the profile (store_progress.c). */
bool store_occasion_of(struct tw_store *st, int64_t profile_id, const char *item_id,
		       int64_t occasion, struct tw_error *err);

/* How to read one kind of record from a statement's row: its size, the
 * reader (fills rec from the row; false only when memory ran out, with rec
 * left finished) and what frees a record's insides. */
struct store_reader {
	size_t size;
	bool (*row)(sqlite3_stmt *q, void *rec);
	void (*finish)(void *rec);
	const char *what; /* "sponsor", for "reading a sponsor" */
};
/* Steps q (bound) to the end and finalizes it, reading every row into a
 * new array in *out (the caller frees it with the record's *_free call)
 * and its length in *n; nothing is returned on failure. */
bool store_rows(struct tw_store *st, sqlite3_stmt *q, const struct store_reader *r,
		void **out, size_t *n, struct tw_error *err);
/* Steps q (bound) once and finalizes it: the row into *out, or
 * TW_ERR_NOTFOUND with the message missing when there is none. */
bool store_row1(struct tw_store *st, sqlite3_stmt *q, const struct store_reader *r,
		void *out, const char *missing, struct tw_error *err);
/* Runs sql (?1 = a, ?2 = b) and says whether it gave a row; when it gave
 * none, err is TW_ERR_NOTFOUND with the message missing. */
bool store_exists(struct tw_store *st, const char *sql, int64_t a, int64_t b,
		  const char *missing, struct tw_error *err);

/* A reflection's current text lives in reflections only (schema 11): its
 * newest version row (version = the reflection's version) keeps text ''
 * and sealed NULL, and every reader of version row v of reflection r
 * takes the text and the sealed text through these. */
#define STORE_VTEXT(v, r) \
	"CASE WHEN " v ".version = " r ".version THEN " r ".text ELSE " v ".text END"
#define STORE_VSEALED(v, r) \
	"CASE WHEN " v ".version = " r ".version THEN " r ".sealed ELSE " v ".sealed END"

/* True for a coach view (store_privacy.c). */
bool store_coach(const struct tw_store *st);
/* Makes every version before a private version private (private is sticky:
 * see enum tw_privacy), for reflection id or (id 0) every reflection, and
 * then (id 0) every draft of a private reflection. Runs inside the
 * caller's transaction. */
bool store_privacy_sticky(struct tw_store *st, int64_t id, struct tw_error *err);
/* In a coach view, replaces *text with TW_PRIVATE_MARKER; false on no
 * memory. */
bool store_withhold(char **text);

/* Runs SELECT changes() equivalent: rows touched by the last statement. */
int store_changes(struct tw_store *st);

/* ---- sealed private text (store_seal.c, store_lock.c) ---- */
struct tw_seal_key;
struct tw_seal_keyring;
/* Registers tw_open(profile_id, text, sealed) and tw_locked(profile_id,
 * sealed) on the connection; turns secure_delete on when a profile is
 * locked. */
bool store_seal_register(struct tw_store *st, struct tw_error *err);
/* The open key of profile_id, or NULL (borrowed). */
struct tw_seal_key *store_seal_key(struct tw_store *st, int64_t profile_id);
/* Keeps key (taking ownership) as profile_id's open key; false on no memory
 * (the key is freed). */
bool store_seal_keep(struct tw_store *st, int64_t profile_id, struct tw_seal_key *key);
/* Forgets (wipes) profile_id's open key; 0: every key. */
void store_seal_forget(struct tw_store *st, int64_t profile_id);
/* The key material of profile_id into *ring (may be NULL); *locked false
 * when the profile has none. */
bool store_seal_ring(struct tw_store *st, int64_t profile_id, struct tw_seal_keyring *ring,
		     bool *locked, struct tw_error *err);

/* Text as it is written: private text of a locked profile is sealed
 * before it reaches SQLite (text "" and the blob), any other text as is. */
struct store_sealed {
	const char *text; /* borrowed: the caller's text or "" */
	unsigned char *blob;
	size_t len;
};
bool store_seal_for(struct tw_store *st, int64_t profile_id, bool is_private,
		    const char *text, struct store_sealed *out, struct tw_error *err);
/* Binds text and sealed (NULL when not sealed); s must outlive the step. */
void store_sealed_bind(sqlite3_stmt *q, int text_idx, int blob_idx,
		       const struct store_sealed *s);
void store_sealed_free(struct store_sealed *s);
/* Brings reflection_id and its versions in line with their private flags
 * in a locked profile: private rows sealed (marking st->scrub), public
 * rows opened (TW_ERR_LOCKED without the key). A no-op when unlocked. */
bool store_seal_sync(struct tw_store *st, int64_t reflection_id, struct tw_error *err);
/* Seals the unsealed private text of every locked profile (after an
 * import); turns secure_delete on when any profile is locked. */
bool store_seal_locked_all(struct tw_store *st, struct tw_error *err);
/* After a commit that sealed plaintext in place: merges the search index
 * (dropping the old terms) and truncates the WAL. */
void store_seal_scrub(struct tw_store *st);
/* How store_lock_seal_profile treats the profile's key row. */
enum store_ring_put { STORE_RING_INSERT, STORE_RING_UPDATE, STORE_RING_KEEP };
/* In one transaction: puts ring as profile_id's key (INSERT: refused when
 * one is there), seals its unsealed private text (adds to *sealed), then
 * scrubs the plaintext (index merged, VACUUM, WAL truncated; *wal_clean
 * false when another connection kept the WAL). */
bool store_lock_seal_profile(struct tw_store *st, int64_t profile_id,
			     const struct tw_seal_keyring *ring, enum store_ring_put put,
			     size_t *sealed, bool *wal_clean, struct tw_error *err);
/* Brings every backup of st's database in line with profile_id's lock
 * (store_lock_backup.c): its key row set to ring and its private text
 * sealed, each file rewritten without the plaintext. A backup that cannot
 * be rewritten (damaged, or sealed to another key) is overwritten with
 * zeros and removed. Adds to *rewritten and *removed. */
bool store_lock_backups(struct tw_store *st, int64_t profile_id,
			const struct tw_seal_keyring *ring, size_t *rewritten, size_t *removed,
			struct tw_error *err);
/* Overwrites the file with zeros, syncs and removes it (store_backup.c). */
bool store_backup_shred(const char *path, struct tw_error *err);

#endif
