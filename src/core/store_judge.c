/* Judging a database file before twoway writes to it: a twoway file, not
 * damaged, not from a newer twoway, read without writing a byte (the
 * header by hand, then an immutable or read-only connection, or a copy
 * when a -wal stands beside it), so a refused file is left as it was. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"
#include "twoway/util.h"

bool store_refuse_foreign(const char *path, struct tw_error *err)
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

bool store_refuse_too_new(const char *path, int found, struct tw_error *err)
{
	return tw_error_set(err, TW_ERR_TOO_NEW,
			    "'%s' was written by a newer twoway (schema %d; this one knows "
			    "up to %d); it was left untouched. Upgrade twoway to open it.",
			    path, found, TW_STORE_SCHEMA_VERSION);
}


static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Reads the 100-byte SQLite header without SQLite: a file that is not
 * SQLite at all, or that another program stamped, is refused before any
 * library touches it. *fresh is set for a missing or empty file. */
bool store_check_header(const char *path, bool *fresh, struct tw_error *err)
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
		return store_refuse_foreign(path, err);
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
		return store_refuse_foreign(path, err);
	uint32_t app = be32(h + 68);
	uint32_t uv = be32(h + 60);
	if (app != 0 && app != TW_STORE_APP_ID)
		return store_refuse_foreign(path, err);
	if (app == TW_STORE_APP_ID && uv > TW_STORE_SCHEMA_VERSION)
		return store_refuse_too_new(path, (int)uv, err);
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
bool store_judge(sqlite3 *db, const char *path, struct store_judging *jd, struct tw_error *err)
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
		return store_refuse_foreign(path, err);
	if (app == 0 && (uv != 0 || tables != 0))
		return store_refuse_foreign(path, err);
	if (uv == 0 && tables != 0)
		return store_refuse_foreign(path, err);
	if (uv > TW_STORE_SCHEMA_VERSION)
		return store_refuse_too_new(path, (int)uv, err);
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
static bool judge_uri(const char *uri, const char *path, struct store_judging *jd, bool *verdict,
		      struct tw_error *err)
{
	sqlite3 *db = NULL;
	struct store_busy busy; /* lives until db is closed below */
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	bool ok;
	*verdict = true;
	if (rc == SQLITE_OK) {
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		store_busy_wait(db, &busy); /* another window writing */
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
			ok = refuse_corrupt(path, sqlite3_errstr(rc), err);
		else
			ok = tw_error_set(err, TW_ERR_IO, "cannot open '%s': %s", path,
					  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	} else {
		ok = store_judge(db, path, jd, err);
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
bool store_validate_readonly(const char *path, struct store_judging *jd, struct tw_error *err)
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
static bool validate_copy(const char *path, struct store_judging *jd, struct tw_error *err)
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
			ok = store_judge(c, path, jd, err);
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
	return wal_gone ? store_validate_readonly(path, jd, err) : ok;
}

/* Judges a file that has a -wal beside it (another window has it open, or
 * one was killed) through a read-only connection that reads the WAL but
 * opens the file, the -wal and the -shm read-only and never checkpoints:
 * a refused file, its -wal and its -shm stay byte for byte as they were. */
bool store_validate_wal(const char *path, struct store_judging *jd, struct tw_error *err)
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

bool store_wal_exists(const char *path)
{
	char *wal = tw_strdup_printf("%s-wal", path);
	bool there = wal && access(wal, F_OK) == 0;
	free(wal);
	return there;
}
