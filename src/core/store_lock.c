/* The profile lock: locking seals a profile's private text (reflections,
 * every version, drafts) and scrubs the plaintext from the file, the index
 * and the WAL; opening the key for a session, changing the passphrase, and
 * unlocking (opening everything back to plain text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "twoway/seal.h"
#include "twoway/util.h"

/* The rows holding private text, per table: which of them to seal (?1 the
 * profile, or with BY_REFL the reflection) and which to open. */
struct sealed_table {
	const char *table;
	const char *to_seal;    /* SELECT rowid, text ... */
	const char *to_open;    /* SELECT rowid, profile_id, sealed ... (NULL: none) */
};

/* A draft is private by its own flag or as the draft of a private
 * reflection (its item id, or "reflection:ID" for a free-standing one). */
#define DRAFT_PRIVATE(d)                                                                  \
	"(" d ".is_private OR EXISTS (SELECT 1 FROM reflections r"                          \
	" WHERE r.profile_id = " d ".profile_id AND r.deleted_at IS NULL AND r.is_private"     \
	" AND (r.item_id = " d ".item_id OR 'reflection:' || r.id = " d ".item_id)))"

/* Everything of one profile (?1). */
static const struct sealed_table by_profile[] = {
	{ "reflections",
	  "SELECT rowid, text FROM reflections WHERE profile_id = ?1 AND is_private "
	  "AND sealed IS NULL",
	  "SELECT rowid, profile_id, sealed FROM reflections WHERE profile_id = ?1 "
	  "AND sealed IS NOT NULL" },
	{ "reflection_versions",
	  /* (the current version's text is the reflection's) */
	  "SELECT v.rowid, v.text FROM reflection_versions v JOIN reflections r "
	  "ON r.id = v.reflection_id WHERE r.profile_id = ?1 AND v.is_private "
	  "AND v.sealed IS NULL AND v.version <> r.version",
	  "SELECT v.rowid, r.profile_id, v.sealed FROM reflection_versions v JOIN reflections r "
	  "ON r.id = v.reflection_id WHERE r.profile_id = ?1 AND v.sealed IS NOT NULL" },
	{ "drafts",
	  "SELECT d.rowid, d.text FROM drafts d WHERE d.profile_id = ?1 AND d.sealed IS NULL "
	  "AND " DRAFT_PRIVATE("d"),
	  "SELECT rowid, profile_id, sealed FROM drafts WHERE profile_id = ?1 "
	  "AND sealed IS NOT NULL" },
};

/* One reflection (?1) after a write: its rows whose flag and form differ. */
static const struct sealed_table by_reflection[] = {
	{ "reflections",
	  "SELECT rowid, text FROM reflections WHERE id = ?1 AND is_private AND sealed IS NULL",
	  "SELECT rowid, profile_id, sealed FROM reflections WHERE id = ?1 AND NOT is_private "
	  "AND sealed IS NOT NULL" },
	{ "reflection_versions",
	  "SELECT v.rowid, v.text FROM reflection_versions v JOIN reflections r "
	  "ON r.id = v.reflection_id WHERE v.reflection_id = ?1 AND v.is_private "
	  "AND v.sealed IS NULL AND v.version <> r.version",
	  "SELECT v.rowid, r.profile_id, v.sealed FROM reflection_versions v JOIN reflections r "
	  "ON r.id = v.reflection_id WHERE v.reflection_id = ?1 AND NOT v.is_private "
	  "AND v.sealed IS NOT NULL" },
	{ "drafts",
	  "SELECT d.rowid, d.text FROM drafts d JOIN reflections x ON x.profile_id = d.profile_id "
	  "AND (x.item_id = d.item_id OR 'reflection:' || x.id = d.item_id) "
	  "WHERE x.id = ?1 AND d.sealed IS NULL AND " DRAFT_PRIVATE("d"),
	  NULL /* a sealed draft stays sealed: it is unsaved private text */ },
};

#define NTABLES (sizeof by_profile / sizeof by_profile[0])

static bool set_row(struct tw_store *st, const char *table, int64_t rowid, const char *text,
		    const unsigned char *blob, size_t len, struct tw_error *err)
{
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE %s SET text = ?1, sealed = ?2 WHERE rowid = ?3", table);
	sqlite3_stmt *q;
	if (!store_prepare(st, sql, &q, err))
		return false;
	sqlite3_bind_text(q, 1, text, -1, SQLITE_STATIC);
	if (blob)
		sqlite3_bind_blob(q, 2, blob, (int)len, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, 2);
	sqlite3_bind_int64(q, 3, rowid);
	return store_step_done(st, q, err, "sealing private text");
}

/* Seals every row t->to_seal gives (bound to id) to pk; adds to *count. */
static bool seal_rows(struct tw_store *st, const struct sealed_table *t, int64_t id,
		      const unsigned char *pk, size_t *count, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, t->to_seal, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc;
	bool ok = true;
	/* Collect first: rewriting rows while stepping over them is unsafe. */
	int64_t *rows = NULL;
	size_t n = 0, cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!tw_grow((void **)&rows, &cap, n, sizeof *rows)) {
			ok = store_nomem(err);
			break;
		}
		rows[n++] = sqlite3_column_int64(q, 0);
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading private text");
	sqlite3_finalize(q);
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT text FROM %s WHERE rowid = ?", t->table);
	for (size_t i = 0; ok && i < n; i++) {
		ok = store_prepare(st, sql, &q, err);
		if (!ok)
			break;
		sqlite3_bind_int64(q, 1, rows[i]);
		if (sqlite3_step(q) != SQLITE_ROW) {
			ok = store_fail(st, err, "reading private text");
			sqlite3_finalize(q);
			break;
		}
		const char *text = (const char *)sqlite3_column_text(q, 0);
		unsigned char *blob;
		size_t len;
		ok = tw_seal_text(pk, text ? text : "", text ? strlen(text) : 0, &blob, &len, err);
		sqlite3_finalize(q);
		if (ok) {
			ok = set_row(st, t->table, rows[i], "", blob, len, err);
			free(blob);
			(*count)++;
		}
	}
	free(rows);
	return ok;
}

/* Opens every row t->to_open gives (bound to id) back to plain text with
 * the profile's open key; TW_ERR_LOCKED when it is not open. */
static bool open_rows(struct tw_store *st, const struct sealed_table *t, int64_t id,
		      size_t *count, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!t->to_open)
		return true;
	if (!store_prepare(st, t->to_open, &q, err))
		return false;
	sqlite3_bind_int64(q, 1, id);
	struct pending {
		int64_t rowid;
		char *text;
	} *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct tw_seal_key *key = store_seal_key(st, sqlite3_column_int64(q, 1));
		if (!key) {
			ok = tw_error_set(err, TW_ERR_LOCKED,
					  "the text is sealed: this needs the profile's passphrase");
			break;
		}
		if (!tw_grow((void **)&v, &cap, n, sizeof *v)) {
			ok = store_nomem(err);
			break;
		}
		v[n].rowid = sqlite3_column_int64(q, 0);
		ok = tw_seal_open(key, sqlite3_column_blob(q, 2), (size_t)sqlite3_column_bytes(q, 2),
				  &v[n].text, err);
		if (ok)
			n++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading sealed text");
	sqlite3_finalize(q);
	for (size_t i = 0; i < n; i++) {
		if (ok)
			ok = set_row(st, t->table, v[i].rowid, v[i].text, NULL, 0, err);
		free(v[i].text);
	}
	free(v);
	if (ok)
		*count += n;
	return ok;
}

bool store_seal_sync(struct tw_store *st, int64_t reflection_id, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT profile_id FROM reflections WHERE id = ?", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, reflection_id);
	int64_t pid = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	struct tw_seal_keyring ring;
	bool locked;
	if (!pid || !store_seal_ring(st, pid, &ring, &locked, err))
		return pid == 0;
	if (!locked)
		return true;
	size_t sealed = 0, opened = 0;
	for (size_t i = 0; i < NTABLES; i++)
		if (!seal_rows(st, &by_reflection[i], reflection_id, ring.pk, &sealed, err) ||
		    !open_rows(st, &by_reflection[i], reflection_id, &opened, err))
			return false;
	if (sealed)
		st->scrub = true;
	return true;
}

bool store_seal_locked_all(struct tw_store *st, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT profile_id, public_key FROM profile_keys "
			       "ORDER BY profile_id", &q, err))
		return false;
	struct {
		int64_t id;
		unsigned char pk[TW_SEAL_PK_BYTES];
	} *v = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(q, 1) != TW_SEAL_PK_BYTES) {
			ok = tw_error_set(err, TW_ERR_CORRUPT, "a profile's key material is damaged");
			break;
		}
		if (!tw_grow((void **)&v, &cap, n, sizeof *v)) {
			ok = store_nomem(err);
			break;
		}
		v[n].id = sqlite3_column_int64(q, 0);
		memcpy(v[n].pk, sqlite3_column_blob(q, 1), TW_SEAL_PK_BYTES);
		n++;
	}
	if (ok && rc != SQLITE_DONE)
		ok = store_fail(st, err, "reading the profiles' keys");
	sqlite3_finalize(q);
	size_t sealed = 0;
	for (size_t i = 0; ok && i < n; i++)
		for (size_t t = 0; ok && t < NTABLES; t++)
			ok = seal_rows(st, &by_profile[t], v[i].id, v[i].pk, &sealed, err);
	free(v);
	if (ok && n)
		ok = store_exec(st, "PRAGMA secure_delete = ON", err);
	if (sealed)
		st->scrub = true;
	return ok;
}

/* Merges the search index so that no segment keeps the old terms, then
 * truncates the WAL; *wal_clean false when another connection kept it. */
static void scrub(struct tw_store *st, bool vacuum, bool *wal_clean)
{
	st->scrub = false;
	sqlite3_exec(st->db, "INSERT INTO search_fts(search_fts) VALUES ('optimize')", NULL,
		     NULL, NULL);
	if (vacuum)
		sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL);
	int log = -1, done = -1;
	int rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (wal_clean)
		*wal_clean = rc == SQLITE_OK && log == 0;
}

void store_seal_scrub(struct tw_store *st)
{
	if (st->scrub && !st->batch)
		scrub(st, false, NULL);
}

static bool ring_put(struct tw_store *st, int64_t profile_id, const struct tw_seal_keyring *r,
		     bool insert, struct tw_error *err)
{
	sqlite3_stmt *q;
	if (!store_prepare(st, insert ? "INSERT INTO profile_keys(public_key, wrapped_key, salt, "
					"opslimit, memlimit, profile_id, created) "
					"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
				      : "UPDATE profile_keys SET public_key = ?1, wrapped_key = ?2, "
					"salt = ?3, opslimit = ?4, memlimit = ?5 WHERE profile_id = ?6",
			   &q, err))
		return false;
	sqlite3_bind_blob(q, 1, r->pk, TW_SEAL_PK_BYTES, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, r->wrapped, TW_SEAL_WRAPPED_BYTES, SQLITE_STATIC);
	sqlite3_bind_blob(q, 3, r->salt, TW_SEAL_SALT_BYTES, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, (int64_t)r->opslimit);
	sqlite3_bind_int64(q, 5, (int64_t)r->memlimit);
	sqlite3_bind_int64(q, 6, profile_id);
	if (insert)
		sqlite3_bind_int64(q, 7, (int64_t)time(NULL));
	return store_step_done(st, q, err, "saving the profile's key");
}

bool store_lock_seal_profile(struct tw_store *st, int64_t profile_id,
			     const struct tw_seal_keyring *ring, enum store_ring_put put,
			     size_t *sealed, bool *wal_clean, struct tw_error *err)
{
	if (!store_exec(st, "PRAGMA secure_delete = ON", err) || !store_begin(st, err))
		return false;
	bool locked;
	bool ok = store_profile_live(st, profile_id, err) &&
		  store_seal_ring(st, profile_id, NULL, &locked, err);
	if (ok && put == STORE_RING_INSERT)
		ok = !locked || tw_error_set(err, TW_ERR_EXISTS, "the profile is already locked");
	if (ok && put != STORE_RING_KEEP)
		ok = ring_put(st, profile_id, ring, put == STORE_RING_INSERT, err);
	for (size_t i = 0; ok && i < NTABLES; i++)
		ok = seal_rows(st, &by_profile[i], profile_id, ring->pk, sealed, err);
	if (!ok || !store_commit(st, err)) {
		store_rollback(st);
		return false;
	}
	scrub(st, true, wal_clean);
	return true;
}

bool tw_store_profile_lock(struct tw_store *st, int64_t profile_id, const char *passphrase,
			   struct tw_lock_report *rep, struct tw_error *err)
{
	memset(rep, 0, sizeof *rep);
	if (st->batch)
		return tw_error_set(err, TW_ERR_INVALID, "cannot lock a profile inside a batch");
	struct tw_seal_keyring ring;
	struct tw_seal_key *key;
	bool locked;
	if (!store_profile_live(st, profile_id, err) ||
	    !store_seal_ring(st, profile_id, NULL, &locked, err))
		return false;
	if (locked)
		return tw_error_set(err, TW_ERR_EXISTS, "the profile is already locked");
	if (!tw_seal_keygen(passphrase, &ring, &key, err))
		return false;
	if (!store_lock_seal_profile(st, profile_id, &ring, STORE_RING_INSERT, &rep->sealed,
				     &rep->wal_clean, err)) {
		tw_seal_key_free(key);
		return false;
	}
	if (!store_seal_keep(st, profile_id, key))
		return store_nomem(err);
	/* The live file holds no plaintext now; its backups may. */
	return store_lock_backups(st, profile_id, &ring, &rep->backups_sealed,
				  &rep->backups_removed, err);
}

/* Unwraps profile_id's key with passphrase; TW_ERR_INVALID when the
 * profile is not locked. */
static bool unwrap(struct tw_store *st, int64_t profile_id, const char *passphrase,
		   struct tw_seal_keyring *ring, struct tw_seal_key **key, struct tw_error *err)
{
	bool locked;
	*key = NULL;
	if (!store_profile_live(st, profile_id, err) ||
	    !store_seal_ring(st, profile_id, ring, &locked, err))
		return false;
	if (!locked)
		return tw_error_set(err, TW_ERR_INVALID, "the profile is not locked");
	return tw_seal_unwrap(ring, passphrase, key, err);
}

bool tw_store_profile_key_open(struct tw_store *st, int64_t profile_id, const char *passphrase,
			       struct tw_error *err)
{
	struct tw_seal_keyring ring;
	struct tw_seal_key *key;
	if (!unwrap(st, profile_id, passphrase, &ring, &key, err))
		return false;
	return store_seal_keep(st, profile_id, key) || store_nomem(err);
}

void tw_store_profile_key_close(struct tw_store *st, int64_t profile_id)
{
	if (st)
		store_seal_forget(st, profile_id);
}

bool tw_store_profile_lock_state(struct tw_store *st, int64_t profile_id,
				 enum tw_lock_state *state, struct tw_error *err)
{
	bool locked;
	*state = TW_LOCK_NONE;
	if (!store_seal_ring(st, profile_id, NULL, &locked, err))
		return false;
	if (locked)
		*state = store_seal_key(st, profile_id) ? TW_LOCK_OPEN : TW_LOCK_SEALED;
	return true;
}

bool tw_store_profile_passwd(struct tw_store *st, int64_t profile_id, const char *old_pass,
			     const char *new_pass, struct tw_error *err)
{
	struct tw_seal_keyring ring;
	struct tw_seal_key *key;
	if (!unwrap(st, profile_id, old_pass, &ring, &key, err))
		return false;
	bool ok = tw_seal_rewrap(key, new_pass, &ring, err);
	if (ok && (ok = store_begin(st, err))) {
		ok = ring_put(st, profile_id, &ring, false, err);
		ok = store_end(st, ok, NULL, err);
	}
	if (!ok) {
		tw_seal_key_free(key);
		return false;
	}
	if (!store_seal_keep(st, profile_id, key))
		return store_nomem(err);
	/* The backups' copies of the key follow, so a restored backup opens
	 * with the new passphrase; the old one opens none of them. */
	size_t sealed, removed;
	return store_lock_backups(st, profile_id, &ring, &sealed, &removed, err);
}

bool tw_store_profile_unlock(struct tw_store *st, int64_t profile_id, const char *passphrase,
			     size_t *opened, struct tw_error *err)
{
	*opened = 0;
	if (st->batch)
		return tw_error_set(err, TW_ERR_INVALID, "cannot unlock a profile inside a batch");
	struct tw_seal_keyring ring;
	struct tw_seal_key *key;
	if (!unwrap(st, profile_id, passphrase, &ring, &key, err))
		return false;
	if (!store_seal_keep(st, profile_id, key))
		return store_nomem(err);
	if (!store_begin(st, err))
		return false;
	bool ok = true;
	for (size_t i = 0; ok && i < NTABLES; i++)
		ok = open_rows(st, &by_profile[i], profile_id, opened, err);
	sqlite3_stmt *q;
	if (ok && (ok = store_prepare(st, "DELETE FROM profile_keys WHERE profile_id = ?", &q,
				      err))) {
		sqlite3_bind_int64(q, 1, profile_id);
		ok = store_step_done(st, q, err, "removing the profile's key");
	}
	if (!store_end(st, ok, NULL, err))
		return false;
	store_seal_forget(st, profile_id);
	return true;
}

bool tw_store_sealed_count(struct tw_store *st, int64_t profile_id, size_t *n,
			   struct tw_error *err)
{
	*n = 0;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT count(*) FROM reflections r WHERE r.sealed IS NOT NULL "
			       "AND r.deleted_at IS NULL AND (?1 = 0 OR r.profile_id = ?1) "
			       "AND r.profile_id IN (SELECT id FROM profiles "
			       "WHERE deleted_at IS NULL)", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	bool ok = sqlite3_step(q) == SQLITE_ROW;
	if (ok)
		*n = (size_t)sqlite3_column_int64(q, 0);
	else
		store_fail(st, err, "counting sealed reflections");
	sqlite3_finalize(q);
	return ok;
}
