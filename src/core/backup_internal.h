/* Private to the backup files (src/core/backup_files.c, store_backup.c):
 * names and paths of backup files and the pruning that applies the keeping
 * rule. Nothing outside them includes this header. */
#ifndef TWOWAY_BACKUP_INTERNAL_H
#define TWOWAY_BACKUP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/backup.h"

/* "now", "restore", "upgrade" ("" for a daily backup). */
const char *backup_kind_suffix(enum tw_backup_kind kind);
/* The database's file name without ".db": backups are "<stem>-<id>.db".
 * The caller frees; NULL on no memory. */
char *backup_stem(const char *db_path);
/* The path of backup id of the database at db_path; the caller frees. */
char *backup_file(const char *db_path, const char *id);
/* True when id[0..len) is a backup id; fills its date and kind. */
bool backup_id_parse(const char *id, size_t len, char date[11], enum tw_backup_kind *kind);
/* Removes the backups the keeping rule lets go (never keep_id). Failures
 * are ignored: pruning is tidying, never a reason to fail. */
void backup_prune(const char *db_path, const char *today, const char *keep_id);

#endif
