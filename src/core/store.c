/* Opening the store: where the database lives, the order of an open (the
 * file judged first without writing, store_judge.c), the connection's
 * pragmas (WAL, foreign keys, busy timeout, cache) and the migrations. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_internal.h"
#include "twoway/util.h"

/* Files up to this size are fully checked (PRAGMA quick_check) on open
 * unless their check record vouches for them (store_stamp.c: checked
 * within a day, and not changed since but by twoway); larger ones when
 * they are about to be migrated. */
#define QUICK_CHECK_MAX_BYTES (8 * 1024 * 1024)

char *tw_store_default_path(void)
{
	char *dir = tw_data_dir();
	if (!dir)
		return NULL;
	char *p = tw_strdup_printf("%s/twoway.db", dir);
	free(dir);
	return p;
}

const char *tw_store_path(const struct tw_store *st)
{
	return st ? st->path : NULL;
}

int tw_store_found_version(const struct tw_store *st)
{
	return st ? st->found_version : 0;
}

/* Applies every migration newer than the file, one transaction each. */
static bool migrate(struct tw_store *st, struct tw_error *err)
{
	int64_t found = 0, app0 = 0;
	if (store_int_pragma(st->db, "PRAGMA user_version", &found) &&
	    store_int_pragma(st->db, "PRAGMA application_id", &app0) &&
	    found == TW_STORE_SCHEMA_VERSION && app0 == TW_STORE_APP_ID) {
		/* up to date: no write lock taken (a read-only command never
		 * waits for another window's write) */
		st->found_version = (int)found;
		return true;
	}
	/* What a migration drops (schema 14: the whole search index) frees
	 * pages that may still hold words of text a lock has sealed since,
	 * if a scrub never ran (a kill): freed pages are zeroed while the
	 * migrations run; store_seal_register sets it again when a profile
	 * is locked. */
	if (found > 0) {
		store_backup_before_migrate(st, found);
		if (!store_exec(st, "PRAGMA secure_delete = ON", err))
			return false;
	}
	for (size_t i = 0; i < store_migrations_count; i++) {
		const struct store_migration *m = &store_migrations[i];
		if (!store_begin(st, err))
			return false;
		int64_t uv = 0, app = 0;
		if (!store_int_pragma(st->db, "PRAGMA user_version", &uv) ||
		    !store_int_pragma(st->db, "PRAGMA application_id", &app)) {
			store_fail(st, err, "reading the schema version");
			store_rollback(st);
			return false;
		}
		if (i == 0)
			st->found_version = (int)uv;
		if (uv > TW_STORE_SCHEMA_VERSION) {
			store_rollback(st);
			return store_refuse_too_new(st->path, (int)uv, err);
		}
		if (uv > 0 && app != TW_STORE_APP_ID) {
			store_rollback(st);
			return store_refuse_foreign(st->path, err);
		}
		if (uv >= m->to) {
			store_rollback(st);
			continue;
		}
		char pragma[96];
		snprintf(pragma, sizeof pragma,
			 "PRAGMA user_version = %d; PRAGMA application_id = %d;", m->to,
			 TW_STORE_APP_ID);
		bool ok = true;
		for (const char *const *sql = m->sql; ok && *sql; sql++)
			ok = store_exec(st, *sql, err);
		if (!ok || !store_exec(st, pragma, err)) {
			store_rollback(st);
			return false;
		}
		if (!store_commit(st, err))
			return false;
	}
	return store_exec(st, "PRAGMA secure_delete = OFF", err);
}

static bool set_pragmas(struct tw_store *st, struct tw_error *err)
{
	store_busy_wait(st->db, &st->busy);
	sqlite3_extended_result_codes(st->db, 1);
	store_stamp_hook(st);
	/* journal_mode answers with a row; read it so a failure shows. */
	sqlite3_stmt *q;
	if (!store_prepare(st, "PRAGMA journal_mode = WAL", &q, err))
		return false;
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "opening the database");
	return store_exec(st,
			  "PRAGMA foreign_keys = ON;"
			  "PRAGMA synchronous = FULL;"
			  "PRAGMA cache_size = -4096;"
			  "PRAGMA temp_store = MEMORY;"
			  "PRAGMA mmap_size = 0;",
			  err);
}

bool tw_store_map_reads(struct tw_store *st, struct tw_error *err)
{
	return store_exec(st, "PRAGMA mmap_size = 268435456", err);
}

bool tw_store_stream_reads(struct tw_store *st, struct tw_error *err)
{
	/* 16 pages hold the path from the root to a leaf of each b-tree a
	 * streaming read walks at once, even at 100,000 records (three or
	 * four levels each); the sorter has its own memory (1 MiB before it
	 * spills). Measured at 10k and 100k: the exports read no page more
	 * often than with 32 (a search 9% more, no slower), and touch 11
	 * fewer fresh pages of memory; at 10 a search read a third more. */
	return store_exec(st, "PRAGMA mmap_size = 0; PRAGMA cache_size = 16", err);
}

static bool make_dir(const char *path, struct tw_error *err)
{
	char *dir = strdup(path);
	if (!dir)
		return store_nomem(err);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return true;
	}
	*slash = '\0';
	struct stat sb;
	bool ok = true;
	if (stat(dir, &sb) != 0) {
		if (!tw_mkdir_p(dir, 0700) || chmod(dir, 0700) != 0)
			ok = tw_error_set(err, TW_ERR_IO, "cannot create the directory '%s': %s",
					  dir, strerror(errno));
	} else if (!S_ISDIR(sb.st_mode)) {
		ok = tw_error_set(err, TW_ERR_IO, "'%s' is not a directory", dir);
	}
	free(dir);
	return ok;
}

struct tw_store *tw_store_open(const char *path, struct tw_error *err)
{
	return tw_store_open_view(path, TW_VIEW_OWNER, err);
}

struct tw_store *tw_store_open_view(const char *path, enum tw_view view,
				    struct tw_error *err)
{
	return store_open(path, view, true, err);
}

/* Set once, before SQLite's first use in the process: twoway has one
 * thread, so no mutex in SQLite at all (a handle opened NOMUTEX still
 * took the allocator's around every allocation), no count of the
 * memory in use, which nothing reads, and no block of 20 page buffers
 * made when a file opens (making it touched all 20, 88 KiB of fresh
 * memory, where a small command reads 8 pages): each buffer is made
 * when a page first needs one. A call after SQLite has started (a test
 * that opened a file itself first) is refused and changes nothing. */
static void configure_sqlite(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

struct tw_store *store_open(const char *path, enum tw_view view, bool backups,
			     struct tw_error *err)
{
	configure_sqlite();
	tw_error_clear(err);
	if (!path || !*path) {
		tw_error_set(err, TW_ERR_INVALID, "no database path given");
		return NULL;
	}
	bool fresh;
	if (!store_check_header(path, &fresh, err))
		return NULL;
	if (fresh && !make_dir(path, err))
		return NULL;
	bool busy_file = store_wal_exists(path);
	struct stat sb = { 0 };
	int64_t checked_at = 0; /* when the file last passed a check */
	struct store_judging jd = { 0 };
	bool seen = !fresh && stat(path, &sb) == 0;
	/* a file twoway left as it is now was judged then: no second look */
	bool vouched = seen && store_stamp_vouches(path, &sb, &checked_at);
	jd.deep = seen && sb.st_size <= QUICK_CHECK_MAX_BYTES && !vouched;
	if (!fresh && !busy_file && !vouched && !store_validate_readonly(path, &jd, err)) {
		/* The immutable read takes no lock: another window may have
		 * opened and checkpointed the file while it ran, which looks
		 * like damage. If the file moved under us, judge it again
		 * through SQLite's locks below; a file at rest stays refused. */
		struct stat now;
		bool moved = err && err->code == TW_ERR_CORRUPT &&
			     (store_wal_exists(path) || stat(path, &now) != 0 ||
			      now.st_size != sb.st_size || now.st_mtim.tv_sec != sb.st_mtim.tv_sec ||
			      now.st_mtim.tv_nsec != sb.st_mtim.tv_nsec);
		if (!moved)
			return NULL;
		tw_error_clear(err);
		busy_file = true;
	}
	if (busy_file && !store_validate_wal(path, &jd, err))
		return NULL;

	struct tw_store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		store_nomem(err);
		return NULL;
	}
	st->view = view == TW_VIEW_COACH ? TW_VIEW_COACH : TW_VIEW_OWNER;
	st->no_backup = !backups;
	st->opening = true;
	if (!store_tighten_modes(path, &st->notice)) {
		tw_store_close(st);
		store_nomem(err);
		return NULL;
	}
	mode_t old = umask(077);
	/* twoway has one thread: no mutex around every call (each column read
	 * of an export took two) */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
	if (fresh)
		flags |= SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	bool ok = rc == SQLITE_OK;
	if (!ok)
		tw_error_set(err, store_code(rc), "cannot open '%s': %s", path,
			     st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	if (ok && fresh && chmod(path, 0600) != 0)
		ok = tw_error_set(err, TW_ERR_IO, "cannot set the mode of '%s': %s", path,
				  strerror(errno));
	if (ok) {
		store_busy_wait(st->db, &st->busy);
		/* A -wal file means another window has it open (or one was
		 * killed): judge it through SQLite, which reads the WAL. */
		if (busy_file && !store_judge(st->db, path, &jd, err))
			ok = false; /* moved since it was judged read-only */
	}
	ok = ok && set_pragmas(st, err) && migrate(st, err) && store_seal_register(st, err);
	if (ok)
		store_import_sweep(st);
	/* a file made now is sound; a check that passed is recorded when
	 * twoway closes it */
	st->checked_at = fresh || jd.checked ? (int64_t)time(NULL) : checked_at;
	st->record_stale = !checked_at;
	st->opening = false;
	umask(old);
	if (!ok) {
		/* whatever went wrong, closing must not write: no checkpoint */
		if (st->db)
			sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		st->no_stamp = true;
		tw_store_close(st);
		return NULL;
	}
	return st;
}

void tw_store_close(struct tw_store *st)
{
	if (!st)
		return;
	store_seal_forget(st, 0);
	sqlite3_close_v2(st->db);
	if (st->db && !st->no_stamp)
		store_stamp_close(st); /* after the close's checkpoint */
	free(st->backup_problem);
	free(st->notice);
	free(st->path);
	free(st);
}

bool tw_store_changed(struct tw_store *st)
{
	/* data_version moves only when another connection commits, so this
	 * costs one cheap statement and never reports our own writes. */
	int64_t v;
	if (!st || !store_int_pragma(st->db, "PRAGMA data_version", &v))
		return false;
	bool changed = st->data_version && v != st->data_version;
	st->data_version = v;
	return changed;
}

bool tw_store_check(struct tw_store *st, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "PRAGMA integrity_check(1)", &q, err))
		return false;
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(q);
		return store_fail(st, err, "checking the database");
	}
	const char *r = (const char *)sqlite3_column_text(q, 0);
	bool ok = r && strcmp(r, "ok") == 0;
	if (!ok)
		tw_error_set(err, TW_ERR_CORRUPT, "'%s' is damaged: %s", st->path,
			     r ? r : "unknown problem");
	sqlite3_finalize(q);
	/* the search index against the rows it reads its text from */
	if (ok && sqlite3_exec(st->db,
			       "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)",
			       NULL, NULL, NULL) != SQLITE_OK) {
		tw_error_set(err, TW_ERR_CORRUPT, "'%s' has a search index that does not match "
			     "its records: %s", st->path, sqlite3_errmsg(st->db));
		ok = false;
	}
	return ok;
}
