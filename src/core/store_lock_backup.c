/* The profile lock reaches the backups: after a lock or a new passphrase,
 * each backup of the database gets the profile's key row and its private
 * text sealed, rewritten without the plaintext, so no backup keeps it. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/backup.h"
#include "twoway/seal.h"

/* The uid of profile_id in st into *uid (owned by the caller; NULL when
 * the profile has none yet: uids are given at the first export). */
static bool profile_uid(struct tw_store *st, int64_t profile_id, char **uid,
			struct tw_error *err)
{
	*uid = NULL;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT uid FROM profiles WHERE id = ?", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	int rc = sqlite3_step(q);
	bool ok = rc == SQLITE_ROW || store_fail(st, err, "reading the profile");
	if (ok && sqlite3_column_text(q, 0) &&
	    !(*uid = strdup((const char *)sqlite3_column_text(q, 0))))
		ok = store_nomem(err);
	sqlite3_finalize(q);
	return ok;
}

/* The same profile in a backup b: by its uid, or by its id where the
 * backup's row has no uid or the live one has none; 0 when the backup
 * does not hold it. */
static bool same_profile(struct tw_store *b, int64_t live_id, const char *uid, int64_t *id,
			 struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(b, "SELECT id FROM profiles WHERE uid = ?1 UNION ALL "
			      "SELECT id FROM profiles WHERE id = ?2 AND (uid IS NULL OR ?1 IS NULL) "
			      "LIMIT 1", &q, err))
		return false;
	if (uid)
		sqlite3_bind_text(q, 1, uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, live_id);
	int rc = sqlite3_step(q);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE || store_fail(b, err, "reading a backup");
}

/* Seals one backup file in place. *done false when the backup
 * does not hold the profile (nothing to do). */
static bool seal_one(const char *path, int64_t live_id, const char *uid,
		     const struct tw_seal_keyring *ring, bool *done, struct tw_error *err)
{
	*done = false;
	struct tw_store *b = store_open(path, TW_VIEW_OWNER, false, err);
	if (!b)
		return false;
	int64_t id;
	bool ok = same_profile(b, live_id, uid, &id, err);
	if (ok && id) {
		struct tw_seal_keyring old;
		bool locked;
		ok = store_seal_ring(b, id, &old, &locked, err);
		/* Text sealed to another key pair (a lock, an unlock, a new lock)
		 * cannot be brought under this one: the caller removes the file. */
		if (ok && locked && memcmp(old.pk, ring->pk, TW_SEAL_PK_BYTES) != 0)
			ok = tw_error_set(err, TW_ERR_EXISTS,
					  "the backup is sealed to an earlier lock");
		size_t sealed = 0;
		ok = ok && store_lock_seal_profile(b, id, ring,
						   locked ? STORE_RING_UPDATE : STORE_RING_INSERT,
						   &sealed, NULL, err);
		*done = ok;
	}
	tw_store_close(b);
	return ok;
}

bool store_lock_backups(struct tw_store *st, int64_t profile_id,
			const struct tw_seal_keyring *ring, size_t *rewritten, size_t *removed,
			struct tw_error *err)
{
	*rewritten = *removed = 0;
	char *uid;
	if (!profile_uid(st, profile_id, &uid, err))
		return false;
	struct tw_backup *v = NULL;
	size_t n = 0;
	bool ok = tw_backup_list(st->path, &v, &n, err);
	for (size_t i = 0; ok && i < n; i++) {
		struct tw_error e = { 0 };
		bool done;
		if (seal_one(v[i].path, profile_id, uid, ring, &done, &e)) {
			*rewritten += done;
			continue;
		}
		/* Never leave a backup holding the plaintext: the file goes. */
		ok = store_backup_shred(v[i].path, err);
		*removed += ok;
	}
	tw_backup_list_free(v, n);
	free(uid);
	return ok;
}
