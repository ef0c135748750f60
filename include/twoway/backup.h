/* Backups of the database: taken automatically before the first write of
 * each day, on demand, and before a restore; listed, kept by a fixed rule
 * and restored into the live database (src/core/store_backup.c for the
 * SQLite side, src/core/backup_files.c for names, listing and pruning). */
#ifndef TWOWAY_BACKUP_H
#define TWOWAY_BACKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "twoway/diag.h"
#include "twoway/model.h"

struct tw_store;

/* Why a backup was taken; the kind is part of the file name. */
enum tw_backup_kind {
	TW_BACKUP_DAILY,   /* before the first write of a day: ID "YYYY-MM-DD" */
	TW_BACKUP_MANUAL,  /* `twoway backup now`: "YYYY-MM-DD-HHMMSS-now" */
	TW_BACKUP_RESTORE, /* the state a restore replaced: "...-HHMMSS-restore" */
	TW_BACKUP_UPGRADE, /* the file before a schema migration: "...-upgrade" */
};

/* One backup file. */
struct tw_backup {
	char *id;      /* owned: "2026-11-30" or "2026-11-30-194512-now" */
	char *path;    /* owned: the file */
	char date[11]; /* "YYYY-MM-DD" (local), from the name */
	enum tw_backup_kind kind;
	tw_time taken; /* when the file was written (its mtime) */
	int64_t size;  /* bytes */
};

/* The backup directory of the database at db_path: "backups" next to the
 * database file ($XDG_DATA_HOME/twoway/backups for the default database).
 * Files in it are named after the database: "twoway-2026-11-30.db" for
 * twoway.db. Returns a string the caller frees; NULL on no memory. */
char *tw_backup_dir(const char *db_path);

/* Every backup of the database at db_path, newest first (an absent
 * directory is an empty list). The caller frees with tw_backup_list_free. */
bool tw_backup_list(const char *db_path, struct tw_backup **out, size_t *n,
		    struct tw_error *err);
void tw_backup_list_free(struct tw_backup *v, size_t n); /* NULL is a no-op */

/* "daily", "manual", "before restore", "before upgrade". */
const char *tw_backup_kind_name(enum tw_backup_kind kind);

/* The keeping rule, applied after every backup: a backup is kept when its
 * date is one of the last 7 days (today and the 6 before), or when it is
 * the newest backup of its week (weeks start on Monday) and that week is
 * this week or one of the 3 before; everything older goes. ids are backup
 * ids (they sort by time: the newest of a week is the greatest id), today
 * is "YYYY-MM-DD"; keep[i] is set for each id. False on an invalid date. */
bool tw_backup_keep(const char *today, const char *const *ids, size_t n, bool *keep);

/* Takes a backup now (SQLite's online backup API: one consistent snapshot,
 * other windows keep writing) into the backup directory: files 0600, the
 * directory 0700, written to a temporary name and renamed when complete.
 * Prunes by the keeping rule afterwards. *id_out (when not NULL) gets the
 * new backup's id, which the caller frees. */
bool tw_store_backup_now(struct tw_store *st, enum tw_backup_kind kind, char **id_out,
			 struct tw_error *err);

/* Restores the backup named by what: an id from tw_backup_list, or a date
 * "YYYY-MM-DD" (that day's daily backup, else its newest). The backup is
 * checked first (a twoway database, not newer, not damaged), brought up to
 * this schema in a scratch copy, the current state is backed up (kind
 * TW_BACKUP_RESTORE; the restore is refused when that fails), and then the
 * whole database is replaced in one transaction through SQLite, so other
 * windows with the file open see either the old or the restored state and
 * keep working. TW_ERR_NOTFOUND for an unknown id or date. *restored and
 * *before (when not NULL) get the ids used, for the caller to free. */
bool tw_store_backup_restore(struct tw_store *st, const char *what, char **restored,
			     char **before, struct tw_error *err);

/* For a database that cannot be opened because it is damaged: puts the
 * backup what names in its place (checked and brought up to this schema
 * as above) with one rename, after moving the damaged file and its -wal
 * and -shm aside to "<db>.damaged-DATE-HHMMSS" (never deleted). *kept gets
 * that name. Only for a damaged file no window is using. */
bool tw_backup_restore_damaged(const char *db_path, const char *what, char **restored,
			       char **kept, struct tw_error *err);

/* Why today's automatic backup failed in this process, or NULL (borrowed).
 * An automatic backup never fails the write that triggered it: the write
 * goes on and the caller shows this once. */
const char *tw_store_backup_problem(const struct tw_store *st);

#endif
