/* Backups through SQLite's online backup API: the automatic one before the
 * first write of each day (never failing that write), `backup now`, and
 * restoring a backup into the live database in one transaction while other
 * windows keep it open. File names and pruning: backup_files.c. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup_internal.h"
#include "store_internal.h"
#include "twoway/util.h"

const char *tw_store_backup_problem(const struct tw_store *st)
{
	return st ? st->backup_problem : NULL;
}

/* Creates dir at 0700 (or tightens one that is looser) and checks that it
 * is a real directory. */
static bool backup_dir_ready(const char *dir, struct tw_error *err)
{
	struct stat sb;
	if (lstat(dir, &sb) != 0) {
		if (errno != ENOENT || !tw_mkdir_p(dir, 0700) || lstat(dir, &sb) != 0)
			return tw_error_set(err, TW_ERR_IO, "cannot create the backup directory "
					    "'%s': %s", dir, strerror(errno));
	}
	if (!S_ISDIR(sb.st_mode))
		return tw_error_set(err, TW_ERR_IO, "'%s' is not a directory", dir);
	if ((sb.st_mode & 077) && chmod(dir, 0700) != 0)
		return tw_error_set(err, TW_ERR_IO, "cannot set the mode of '%s': %s", dir,
				    strerror(errno));
	return true;
}

/* Removes what a killed backup left: ".<stem>-*.tmp*" (only while holding
 * the directory's lock, so never a backup another process is writing). */
static void remove_stale(const char *dir, const char *stem)
{
	char *pattern = tw_strdup_printf(".%s-", stem);
	if (!pattern)
		return;
	size_t pn = strlen(pattern);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, pattern, pn) != 0 || !strstr(e->d_name + pn, ".tmp"))
			continue;
		char *p = tw_strdup_printf("%s/%s", dir, e->d_name);
		if (p)
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	free(pattern);
}

static void sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Copies the main database of src into a new file at path (mode 0600) in
 * one read transaction of src: a consistent snapshot that does not stop
 * other connections from writing (WAL). */
static bool copy_db(sqlite3 *src, const char *path, struct tw_error *err)
{
	mode_t old = umask(077);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	bool ok = rc == SQLITE_OK;
	if (ok) {
		/* a scratch file needs no journal: a torn one is removed */
		sqlite3_exec(dst, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
		if (!b) {
			ok = tw_error_set(err, TW_ERR_DB, "copying the database to '%s': %s", path,
					  sqlite3_errmsg(dst));
		} else {
			for (int tries = 0; tries < 200; tries++) {
				rc = sqlite3_backup_step(b, -1);
				if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
					break;
				sqlite3_sleep(50);
			}
			sqlite3_backup_finish(b);
			if (rc != SQLITE_DONE)
				ok = tw_error_set(err, store_code(rc), "copying the database to '%s': %s",
						  path, sqlite3_errstr(rc));
		}
	} else {
		tw_error_set(err, TW_ERR_IO, "cannot create '%s': %s", path,
			     dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
	}
	if (sqlite3_close(dst) != SQLITE_OK && ok)
		ok = tw_error_set(err, TW_ERR_IO, "cannot write '%s'", path);
	umask(old);
	if (ok && chmod(path, 0600) != 0)
		ok = tw_error_set(err, TW_ERR_IO, "cannot set the mode of '%s': %s", path,
				  strerror(errno));
	if (ok)
		sync_path(path, O_RDONLY);
	return ok;
}

/* Local "YYYY-MM-DD" and "HHMMSS" of now. */
static void now_stamp(char date[11], char hms[7])
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm)) {
		snprintf(date, 11, "1970-01-01");
		snprintf(hms, 7, "000000");
		return;
	}
	strftime(date, 11, "%Y-%m-%d", &tm);
	strftime(hms, 7, "%H%M%S", &tm);
}

/* Takes one backup under the directory's lock. A daily backup is skipped
 * (true, *id_out NULL) when today's exists or another process is taking
 * it right now. */
static bool take(struct tw_store *st, enum tw_backup_kind kind, char **id_out,
		 struct tw_error *err)
{
	if (id_out)
		*id_out = NULL;
	char date[11], hms[7];
	now_stamp(date, hms);
	char *dir = tw_backup_dir(st->path), *stem = backup_stem(st->path);
	char *lock = dir ? tw_strdup_printf("%s/.lock", dir) : NULL;
	char *id = NULL, *tmp = NULL, *final = NULL;
	int fd = -1;
	bool ok = dir && stem && lock ? true : store_nomem(err);
	ok = ok && backup_dir_ready(dir, err);
	if (ok) {
		fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			ok = tw_error_set(err, TW_ERR_IO, "cannot open '%s': %s", lock,
					  strerror(errno));
	}
	if (ok && flock(fd, kind == TW_BACKUP_DAILY ? LOCK_EX | LOCK_NB : LOCK_EX) != 0) {
		if (kind == TW_BACKUP_DAILY && errno == EWOULDBLOCK)
			goto out; /* another process is taking it */
		ok = tw_error_set(err, TW_ERR_IO, "cannot lock '%s': %s", lock, strerror(errno));
	}
	/* The id: the date for a daily backup; else date, time and kind, with
	 * -2 ... -9 when this second already has one. */
	for (int k = 1; ok && k <= 9; k++) {
		free(id);
		free(final);
		if (kind == TW_BACKUP_DAILY)
			id = strdup(date);
		else if (k == 1)
			id = tw_strdup_printf("%s-%s-%s", date, hms, backup_kind_suffix(kind));
		else
			id = tw_strdup_printf("%s-%s-%s-%d", date, hms, backup_kind_suffix(kind), k);
		final = id ? backup_file(st->path, id) : NULL;
		if (!final) {
			ok = store_nomem(err);
			break;
		}
		if (access(final, F_OK) != 0)
			break;
		if (kind == TW_BACKUP_DAILY)
			goto out; /* today's is there */
		if (k == 9)
			ok = tw_error_set(err, TW_ERR_EXISTS, "too many backups this second");
	}
	if (ok) {
		remove_stale(dir, stem);
		tmp = tw_strdup_printf("%s/.%s-%s.tmp", dir, stem, id);
		ok = tmp ? true : store_nomem(err);
	}
	if (ok) {
		unlink(tmp);
		ok = copy_db(st->db, tmp, err);
		if (ok && rename(tmp, final) != 0)
			ok = tw_error_set(err, TW_ERR_IO, "cannot rename '%s': %s", tmp,
					  strerror(errno));
		if (!ok)
			unlink(tmp);
	}
	if (ok) {
		sync_path(dir, O_RDONLY | O_DIRECTORY);
		backup_prune(st->path, date, id);
		if (id_out) {
			*id_out = id;
			id = NULL;
		}
	}
out:
	if (fd >= 0)
		close(fd); /* releases the lock */
	free(dir);
	free(stem);
	free(lock);
	free(id);
	free(tmp);
	free(final);
	return ok;
}

bool tw_store_backup_now(struct tw_store *st, enum tw_backup_kind kind, char **id_out,
			 struct tw_error *err)
{
	tw_error_clear(err);
	if (id_out)
		*id_out = NULL;
	if (kind == TW_BACKUP_DAILY)
		return tw_error_set(err, TW_ERR_INVALID, "daily backups are taken automatically");
	return take(st, kind, id_out, err);
}

static void note_problem(struct tw_store *st, const char *what, const struct tw_error *e)
{
	free(st->backup_problem);
	st->backup_problem = tw_strdup_printf("%s failed (your change is saved): %s", what,
					      e->message);
}

void store_backup_daily(struct tw_store *st)
{
	if (st->no_backup || st->opening || st->found_version == 0)
		return; /* a scratch copy, migrations, or a file created just now */
	char today[11], hms[7];
	now_stamp(today, hms);
	if (strcmp(st->backup_day, today) == 0)
		return; /* once a day per process, whatever the outcome */
	memcpy(st->backup_day, today, sizeof st->backup_day);
	char *path = backup_file(st->path, today);
	bool there = path && access(path, F_OK) == 0;
	free(path);
	if (there)
		return;
	struct tw_error e = { 0 };
	if (!take(st, TW_BACKUP_DAILY, NULL, &e))
		note_problem(st, "today's automatic backup", &e);
}

void store_backup_before_migrate(struct tw_store *st, int64_t found)
{
	if (st->no_backup || found <= 0 || found >= TW_STORE_SCHEMA_VERSION)
		return;
	struct tw_error e = { 0 };
	if (!take(st, TW_BACKUP_UPGRADE, NULL, &e))
		note_problem(st, "the backup before upgrading the database", &e);
}

/* Finds the backup what names: an exact id, or a date (its daily backup,
 * else its newest). */
static bool find_backup(const char *db_path, const char *what, char **id, char **path,
			struct tw_error *err)
{
	struct tw_backup *v = NULL;
	size_t n = 0;
	if (!tw_backup_list(db_path, &v, &n, err))
		return false;
	const struct tw_backup *hit = NULL;
	for (size_t i = 0; i < n && !hit; i++)
		if (strcmp(v[i].id, what) == 0)
			hit = &v[i];
	for (size_t i = 0; i < n && !hit; i++) /* newest first */
		if (strlen(what) == 10 && strcmp(v[i].date, what) == 0)
			hit = &v[i];
	bool ok;
	if (hit) {
		*id = strdup(hit->id);
		*path = strdup(hit->path);
		ok = *id && *path ? true : store_nomem(err);
	} else {
		char date[11];
		enum tw_backup_kind kind;
		bool shaped = backup_id_parse(what, strlen(what), date, &kind) ||
			      (strlen(what) == 10 && tw_date_valid(what));
		ok = tw_error_set(err, TW_ERR_NOTFOUND,
				  shaped ? "there is no backup '%s'; 'twoway backup list' shows the "
					   "backups there are"
					 : "'%s' is not a backup date (YYYY-MM-DD) or id; 'twoway "
					   "backup list' shows the backups there are",
				  what);
	}
	tw_backup_list_free(v, n);
	return ok;
}

/* Opens the backup read-only without touching it (immutable: no lock, no
 * -wal or -shm) and checks that it is a sound twoway database this twoway
 * can read. */
static sqlite3 *open_backup(const char *path, const char *id, struct tw_error *err)
{
	char *uri = store_file_uri(path, "immutable=1");
	if (!uri) {
		store_nomem(err);
		return NULL;
	}
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	int64_t app = 0, uv = 0;
	const char *bad = NULL;
	char why[200] = "";
	if (rc != SQLITE_OK) {
		bad = "cannot be opened";
	} else if (!store_int_pragma(db, "PRAGMA application_id", &app) ||
		   !store_int_pragma(db, "PRAGMA user_version", &uv)) {
		bad = "is damaged";
		snprintf(why, sizeof why, " (%s)", sqlite3_errmsg(db));
	} else if (app != TW_STORE_APP_ID || uv < 1) {
		bad = "is not a twoway database";
	} else if (uv > TW_STORE_SCHEMA_VERSION) {
		bad = "was written by a newer twoway";
	} else {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &q, NULL) != SQLITE_OK ||
		    sqlite3_step(q) != SQLITE_ROW ||
		    strcmp((const char *)sqlite3_column_text(q, 0), "ok") != 0) {
			bad = "is damaged";
			snprintf(why, sizeof why, " (%s)", sqlite3_errmsg(db));
		}
		sqlite3_finalize(q);
	}
	if (bad) {
		tw_error_set(err, TW_ERR_CORRUPT, "the backup %s ('%s') %s%s; nothing was restored",
			     id, path, bad, why);
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static void remove_scratch(const char *path)
{
	const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = tw_strdup_printf("%s%s", path, ext[i]);
		if (p)
			unlink(p);
		free(p);
	}
}

/* Checks the backup what names and copies it to a scratch file in the
 * backup directory, brought up to this schema (the backup file itself is
 * left as it is). The caller removes *scratch with remove_scratch. */
static bool prepare_copy(const char *db_path, const char *what, char **id, char **scratch,
			 struct tw_store **copy, struct tw_error *err)
{
	char *path = NULL;
	sqlite3 *src = NULL;
	*id = *scratch = NULL;
	*copy = NULL;
	bool ok = find_backup(db_path, what, id, &path, err);
	if (ok && !(src = open_backup(path, *id, err)))
		ok = false;
	if (ok) {
		char *dir = tw_backup_dir(db_path);
		*scratch = dir ? tw_strdup_printf("%s/.restore-XXXXXX.tmp", dir) : NULL;
		free(dir);
		int fd = *scratch ? mkstemps(*scratch, 4) : -1;
		if (fd < 0) {
			ok = *scratch ? tw_error_set(err, TW_ERR_IO, "cannot create a scratch file "
						     "for the restore: %s", strerror(errno))
				      : store_nomem(err);
			free(*scratch);
			*scratch = NULL;
		} else {
			close(fd);
		}
	}
	ok = ok && copy_db(src, *scratch, err);
	sqlite3_close(src);
	free(path);
	if (ok && !(*copy = store_open(*scratch, TW_VIEW_OWNER, false, err)))
		ok = false;
	return ok;
}

bool tw_store_backup_restore(struct tw_store *st, const char *what, char **restored,
			     char **before, struct tw_error *err)
{
	tw_error_clear(err);
	if (restored)
		*restored = NULL;
	if (before)
		*before = NULL;
	char *id = NULL, *scratch = NULL, *before_id = NULL;
	struct tw_store *copy = NULL;
	bool ok = prepare_copy(st->path, what, &id, &scratch, &copy, err);
	/* The state being replaced is kept first; no restore without it. */
	if (ok && !take(st, TW_BACKUP_RESTORE, &before_id, err)) {
		char why[sizeof err->message];
		snprintf(why, sizeof why, "%s", err->message);
		ok = tw_error_set(err, err->code, "could not back up the current state first, so "
				  "nothing was restored: %s", why);
	}
	if (ok) {
		/* One write transaction on the live file: every page replaced
		 * through SQLite's locks and WAL, so other connections see the
		 * old or the new database, never a mix. */
		sqlite3_backup *b = sqlite3_backup_init(st->db, "main", copy->db, "main");
		int rc = SQLITE_ERROR;
		if (b) {
			for (int tries = 0; tries < 20; tries++) {
				rc = sqlite3_backup_step(b, -1);
				if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
					break;
				sqlite3_sleep(100);
			}
			sqlite3_backup_finish(b);
		}
		if (rc != SQLITE_DONE)
			ok = store_fail(st, err, "restoring the backup");
	}
	tw_store_close(copy);
	if (scratch)
		remove_scratch(scratch);
	if (ok) {
		if (restored) {
			*restored = id;
			id = NULL;
		}
		if (before) {
			*before = before_id;
			before_id = NULL;
		}
	}
	free(id);
	free(scratch);
	free(before_id);
	return ok;
}

bool tw_backup_restore_damaged(const char *db_path, const char *what, char **restored,
			       char **kept, struct tw_error *err)
{
	tw_error_clear(err);
	if (restored)
		*restored = NULL;
	if (kept)
		*kept = NULL;
	char *id = NULL, *scratch = NULL, *aside = NULL;
	struct tw_store *copy = NULL;
	bool ok = prepare_copy(db_path, what, &id, &scratch, &copy, err);
	/* Folds the copy's WAL into its file so that one rename moves it. */
	if (ok && !store_exec(copy, "PRAGMA wal_checkpoint(TRUNCATE)", err))
		ok = false;
	tw_store_close(copy);
	if (ok) {
		char date[11], hms[7];
		now_stamp(date, hms);
		aside = tw_strdup_printf("%s.damaged-%s-%s", db_path, date, hms);
		ok = aside ? true : store_nomem(err);
	}
	/* The damaged file and its -wal and -shm are kept aside, never deleted. */
	const char *const ext[] = { "-wal", "-shm", "" };
	for (size_t i = 0; ok && i < sizeof ext / sizeof ext[0]; i++) {
		char *from = tw_strdup_printf("%s%s", db_path, ext[i]);
		char *to = tw_strdup_printf("%s%s", aside, ext[i]);
		if (!from || !to)
			ok = store_nomem(err);
		else if (rename(from, to) != 0 && errno != ENOENT)
			ok = tw_error_set(err, TW_ERR_IO, "cannot move '%s' aside: %s", from,
					  strerror(errno));
		free(from);
		free(to);
	}
	if (ok && rename(scratch, db_path) != 0)
		ok = tw_error_set(err, TW_ERR_IO, "cannot put the backup in place at '%s': %s "
				  "(the damaged file is '%s')", db_path, strerror(errno), aside);
	if (ok) {
		char *dir = tw_strdup_printf("%s", db_path);
		char *slash = dir ? strrchr(dir, '/') : NULL;
		if (slash && slash != dir) {
			*slash = '\0';
			sync_path(dir, O_RDONLY | O_DIRECTORY);
		}
		free(dir);
	}
	if (scratch)
		remove_scratch(scratch);
	if (ok) {
		if (restored) {
			*restored = id;
			id = NULL;
		}
		if (kept) {
			*kept = aside;
			aside = NULL;
		}
	}
	free(id);
	free(scratch);
	free(aside);
	return ok;
}

/* Zeros path's bytes on disk (synced) before it is removed. */
bool store_backup_shred(const char *path, struct tw_error *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat sb;
	bool ok = fd >= 0 && fstat(fd, &sb) == 0;
	static const char zeros[4096];
	for (off_t done = 0; ok && done < sb.st_size;) {
		size_t n = sb.st_size - done < (off_t)sizeof zeros ? (size_t)(sb.st_size - done)
								  : sizeof zeros;
		ssize_t w = write(fd, zeros, n);
		if (w <= 0)
			ok = false;
		else
			done += w;
	}
	ok = ok && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	if (!ok || unlink(path) != 0)
		return tw_error_set(err, TW_ERR_IO, "cannot remove the backup '%s': %s", path,
				    strerror(errno));
	return true;
}
