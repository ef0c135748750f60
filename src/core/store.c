/* Opening the store: where the database lives, refusing files that are not
 * ours (or damaged, or too new) without touching them, the connection's
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

/* How long a write waits for another twoway window before giving up;
 * TWOWAY_BUSY_TIMEOUT_MS (1 to 600000) shortens it for the tests. */
#define BUSY_TIMEOUT_DEFAULT_MS 10000
#define BUSY_TIMEOUT_MS busy_timeout_ms()

static int busy_timeout_ms(void)
{
	const char *s = getenv("TWOWAY_BUSY_TIMEOUT_MS");
	char *end = NULL;
	long v = s ? strtol(s, &end, 10) : 0;
	return s && *s && end && !*end && v > 0 && v <= 600000 ? (int)v : BUSY_TIMEOUT_DEFAULT_MS;
}
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

static bool refuse_foreign(const char *path, struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_FOREIGN,
			    "'%s' is not a twoway database; it was left untouched. "
			    "Use --db to choose another file.", path);
}

static bool refuse_corrupt(const char *path, const char *why, struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_CORRUPT,
			    "'%s' is damaged (%s); it was left untouched. Restore it from a "
			    "backup, or use --db to choose another file.", path, why);
}

static bool refuse_too_new(const char *path, int found, struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_TOO_NEW,
			    "'%s' was written by a newer twoway (schema %d; this one knows "
			    "up to %d); it was left untouched. Upgrade twoway to open it.",
			    path, found, TW_STORE_SCHEMA_VERSION);
}

/* What judging a file asks and finds. */
struct judging {
	bool deep;    /* run PRAGMA quick_check */
	bool checked; /* it ran and said ok */
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Reads the 100-byte SQLite header without SQLite: a file that is not
 * SQLite at all, or that another program stamped, is refused before any
 * library touches it. *fresh is set for a missing or empty file. */
static bool check_header(const char *path, bool *fresh, struct tw_error *err)
{
	struct stat sb;
	*fresh = false;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT) {
			*fresh = true;
			return true;
		}
		return tw_error_set(err, TW_ERR_IO, "cannot read '%s': %s", path,
				    strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return refuse_foreign(path, err);
	if (sb.st_size == 0) {
		char *wal = tw_strdup_printf("%s-wal", path);
		if (!wal)
			return store_nomem(err);
		*fresh = access(wal, F_OK) != 0;
		free(wal);
		if (*fresh)
			return true;
		return true; /* a WAL file holds its content: let SQLite judge */
	}
	unsigned char h[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return tw_error_set(err, TW_ERR_IO, "cannot read '%s': %s", path,
				    strerror(errno));
	ssize_t got = read(fd, h, sizeof h);
	close(fd);
	if (got < 0)
		return tw_error_set(err, TW_ERR_IO, "cannot read '%s': %s", path,
				    strerror(errno));
	if (got < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return refuse_foreign(path, err);
	uint32_t app = be32(h + 68);
	uint32_t uv = be32(h + 60);
	if (app != 0 && app != TW_STORE_APP_ID)
		return refuse_foreign(path, err);
	if (app == TW_STORE_APP_ID && uv > TW_STORE_SCHEMA_VERSION)
		return refuse_too_new(path, (int)uv, err);
	return true;
}

bool store_int_pragma(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return false;
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	if (ok)
		*out = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return ok;
}

/* Judges an open connection without writing: ours, not too new, not
 * damaged. jd->deep (or a file to migrate) runs PRAGMA quick_check;
 * jd->checked says it ran and passed. */
static bool judge(sqlite3 *db, const char *path, struct judging *jd, struct tw_error *err)
{
	int64_t app = 0, uv = 0, tables = 0;
	if (!store_int_pragma(db, "PRAGMA application_id", &app) ||
	    !store_int_pragma(db, "PRAGMA user_version", &uv) ||
	    !store_int_pragma(db, "SELECT count(*) FROM sqlite_master", &tables)) {
		int rc = sqlite3_errcode(db);
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
			return refuse_corrupt(path, sqlite3_errmsg(db), err);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			return tw_error_set(err, TW_ERR_BUSY,
					    "'%s' stayed locked by another program", path);
		return tw_error_set(err, store_code(rc), "cannot read '%s': %s", path,
				    sqlite3_errmsg(db));
	}
	if (app != 0 && app != TW_STORE_APP_ID)
		return refuse_foreign(path, err);
	if (app == 0 && (uv != 0 || tables != 0))
		return refuse_foreign(path, err);
	if (uv == 0 && tables != 0)
		return refuse_foreign(path, err);
	if (uv > TW_STORE_SCHEMA_VERSION)
		return refuse_too_new(path, (int)uv, err);
	if (!jd->deep && uv == TW_STORE_SCHEMA_VERSION)
		return true;
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &q, NULL) != SQLITE_OK)
		return refuse_corrupt(path, sqlite3_errmsg(db), err);
	int rc = sqlite3_step(q);
	bool ok = rc == SQLITE_ROW &&
		  strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
	char why[200];
	snprintf(why, sizeof why, "%s",
		 rc == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0)
				  : sqlite3_errmsg(db));
	sqlite3_finalize(q);
	if (!ok)
		return refuse_corrupt(path, why, err);
	jd->checked = true;
	return true;
}

/* file: URI for path, with the characters URIs reserve escaped. */
char *store_file_uri(const char *path, const char *query)
{
	size_t n = strlen(path);
	char *u = malloc(n * 3 + strlen(query) + 16);
	if (!u)
		return NULL;
	char *o = u + sprintf(u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f)
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	sprintf(o, "?%s", query);
	return u;
}

/* Opens uri read-only (flags add SQLITE_OPEN_URI) and judges it; *verdict
 * is set when the answer is final (accepted or refused), left false when
 * the connection could not even look (no -shm to share, a WAL that needs
 * recovery), so that the caller may try another way. Checkpoint on close is
 * off, so closing never writes either. */
static bool judge_uri(const char *uri, const char *path, struct judging *jd, bool *verdict,
		      struct tw_error *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	bool ok;
	*verdict = true;
	if (rc == SQLITE_OK) {
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS); /* another window writing */
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
			ok = refuse_corrupt(path, sqlite3_errstr(rc), err);
		else
			ok = tw_error_set(err, TW_ERR_IO, "cannot open '%s': %s", path,
					  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	} else {
		ok = judge(db, path, jd, err);
		int code = sqlite3_errcode(db) & 0xff;
		if (!ok && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
			    code == SQLITE_IOERR))
			*verdict = false;
	}
	sqlite3_close(db);
	return ok;
}

/* Checks an existing file with an immutable read-only connection: SQLite
 * takes no lock and creates no -wal or -shm file, so a refused file stays
 * exactly as it was. */
static bool validate_readonly(const char *path, struct judging *jd, struct tw_error *err)
{
	char *uri = store_file_uri(path, "immutable=1");
	if (!uri)
		return store_nomem(err);
	bool verdict;
	bool ok = judge_uri(uri, path, jd, &verdict, err);
	free(uri);
	return ok;
}

/* Copies the file from to a new file to (mode 0600); false on any error. */
static bool copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (in < 0)
		return false;
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	bool ok = out >= 0;
	char buf[65536];
	while (ok) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = n == 0;
			break;
		}
		for (ssize_t at = 0; ok && at < n;) {
			ssize_t w = write(out, buf + at, (size_t)(n - at));
			if (w < 0 && errno == EINTR)
				continue;
			ok = w > 0;
			at += w > 0 ? w : 0;
		}
	}
	close(in);
	if (out >= 0 && close(out) != 0)
		ok = false;
	return ok;
}

/* The last way to judge a file with a -wal that a read-only connection
 * cannot read in place (no -shm beside it, or one that needs recovery):
 * a private copy of the file and its -wal in a 0700 temporary directory,
 * judged there and removed. The originals are only read. */
static bool validate_copy(const char *path, struct judging *jd, struct tw_error *err)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir = tw_strdup_printf("%s/twoway-judge.XXXXXX",
				     tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!dir)
		return store_nomem(err);
	if (!mkdtemp(dir)) {
		bool r = tw_error_set(err, TW_ERR_IO, "cannot check '%s': %s", path,
				      strerror(errno));
		free(dir);
		return r;
	}
	char *db = tw_strdup_printf("%s/db", dir);
	char *wal = tw_strdup_printf("%s/db-wal", dir);
	char *shm = tw_strdup_printf("%s/db-shm", dir);
	char *src_wal = tw_strdup_printf("%s-wal", path);
	bool ok, wal_gone = false;
	if (!db || !wal || !shm || !src_wal) {
		ok = store_nomem(err);
	} else if (!copy_file(path, db) || !(copy_file(src_wal, wal) || (wal_gone = errno == ENOENT))) {
		ok = tw_error_set(err, TW_ERR_IO, "cannot read '%s' to check it: %s", path,
				  strerror(errno));
	} else if (wal_gone) {
		/* The last window closed between our look and the copy: SQLite
		 * folded the -wal into the file and removed it. The file is at
		 * rest now; it is judged as it is, below. */
		ok = false;
	} else {
		sqlite3 *c = NULL;
		int rc = sqlite3_open_v2(db, &c, SQLITE_OPEN_READWRITE, NULL);
		if (rc == SQLITE_OK)
			ok = judge(c, path, jd, err);
		else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
			ok = refuse_corrupt(path, sqlite3_errstr(rc), err);
		else
			ok = tw_error_set(err, TW_ERR_IO, "cannot check '%s': %s", path,
					  sqlite3_errstr(rc));
		sqlite3_close(c);
	}
	if (db)
		unlink(db);
	if (wal)
		unlink(wal);
	if (shm)
		unlink(shm);
	rmdir(dir);
	free(db);
	free(wal);
	free(shm);
	free(src_wal);
	free(dir);
	return wal_gone ? validate_readonly(path, jd, err) : ok;
}

/* Judges a file that has a -wal beside it (another window has it open, or
 * one was killed) through a read-only connection that reads the WAL but
 * opens the file, the -wal and the -shm read-only and never checkpoints:
 * a refused file, its -wal and its -shm stay byte for byte as they were. */
static bool validate_wal(const char *path, struct judging *jd, struct tw_error *err)
{
	char *uri = store_file_uri(path, "mode=ro&readonly_shm=1");
	if (!uri)
		return store_nomem(err);
	bool verdict;
	bool ok = judge_uri(uri, path, jd, &verdict, err);
	free(uri);
	if (ok || verdict)
		return ok;
	tw_error_clear(err);
	return validate_copy(path, jd, err);
}

static bool wal_exists(const char *path)
{
	char *wal = tw_strdup_printf("%s-wal", path);
	bool there = wal && access(wal, F_OK) == 0;
	free(wal);
	return there;
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
	if (found > 0)
		store_backup_before_migrate(st, found);
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
			return refuse_too_new(st->path, (int)uv, err);
		}
		if (uv > 0 && app != TW_STORE_APP_ID) {
			store_rollback(st);
			return refuse_foreign(st->path, err);
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
	return true;
}

static bool set_pragmas(struct tw_store *st, struct tw_error *err)
{
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
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

struct tw_store *store_open(const char *path, enum tw_view view, bool backups,
			     struct tw_error *err)
{
	tw_error_clear(err);
	if (!path || !*path) {
		tw_error_set(err, TW_ERR_INVALID, "no database path given");
		return NULL;
	}
	bool fresh;
	if (!check_header(path, &fresh, err))
		return NULL;
	if (fresh && !make_dir(path, err))
		return NULL;
	bool busy_file = wal_exists(path);
	struct stat sb = { 0 };
	int64_t checked_at = 0; /* when the file last passed a check */
	struct judging jd = { 0 };
	bool seen = !fresh && stat(path, &sb) == 0;
	/* a file twoway left as it is now was judged then: no second look */
	bool vouched = seen && store_stamp_vouches(path, &sb, &checked_at);
	jd.deep = seen && sb.st_size <= QUICK_CHECK_MAX_BYTES && !vouched;
	if (!fresh && !busy_file && !vouched && !validate_readonly(path, &jd, err)) {
		/* The immutable read takes no lock: another window may have
		 * opened and checkpointed the file while it ran, which looks
		 * like damage. If the file moved under us, judge it again
		 * through SQLite's locks below; a file at rest stays refused. */
		struct stat now;
		bool moved = err && err->code == TW_ERR_CORRUPT &&
			     (wal_exists(path) || stat(path, &now) != 0 ||
			      now.st_size != sb.st_size || now.st_mtim.tv_sec != sb.st_mtim.tv_sec ||
			      now.st_mtim.tv_nsec != sb.st_mtim.tv_nsec);
		if (!moved)
			return NULL;
		tw_error_clear(err);
		busy_file = true;
	}
	if (busy_file && !validate_wal(path, &jd, err))
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
		sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
		/* A -wal file means another window has it open (or one was
		 * killed): judge it through SQLite, which reads the WAL. */
		if (busy_file && !judge(st->db, path, &jd, err))
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
