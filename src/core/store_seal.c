/* Sealed private text inside the store: the profile keys opened in this
 * session, the SQL function tw_open() every read of private text goes
 * through (plain text, opened sealed text, or the locked marker), and the
 * helpers writes use to seal private text of a locked profile first. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "twoway/seal.h"

/* One opened profile key, kept until the store closes. */
struct store_key_slot {
	int64_t profile_id;
	struct tw_seal_key *key;
	struct store_key_slot *next;
};

struct tw_seal_key *store_seal_key(struct tw_store *st, int64_t profile_id)
{
	for (struct store_key_slot *s = st->keys; s; s = s->next)
		if (s->profile_id == profile_id)
			return s->key;
	return NULL;
}

bool store_seal_keep(struct tw_store *st, int64_t profile_id, struct tw_seal_key *key)
{
	store_seal_forget(st, profile_id);
	struct store_key_slot *s = malloc(sizeof *s);
	if (!s) {
		tw_seal_key_free(key);
		return false;
	}
	s->profile_id = profile_id;
	s->key = key;
	s->next = st->keys;
	st->keys = s;
	return true;
}

void store_seal_forget(struct tw_store *st, int64_t profile_id)
{
	for (struct store_key_slot **p = &st->keys; *p;) {
		struct store_key_slot *s = *p;
		if (profile_id == 0 || s->profile_id == profile_id) {
			*p = s->next;
			tw_seal_key_free(s->key);
			free(s);
		} else {
			p = &s->next;
		}
	}
}

/* tw_open(profile_id, text, sealed): text when sealed is NULL; the opened
 * text when the profile's key is open; otherwise the marker. */
static void fn_open(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct tw_store *st = sqlite3_user_data(ctx);
	if (sqlite3_value_type(argv[2]) == SQLITE_NULL) {
		sqlite3_result_value(ctx, argv[1]);
		return;
	}
	struct tw_seal_key *key = store_seal_key(st, sqlite3_value_int64(argv[0]));
	if (!key) {
		sqlite3_result_text(ctx, TW_SEAL_MARKER, -1, SQLITE_STATIC);
		return;
	}
	char *text;
	struct tw_error err;
	if (!tw_seal_open(key, sqlite3_value_blob(argv[2]), (size_t)sqlite3_value_bytes(argv[2]),
			  &text, &err)) {
		sqlite3_result_error(ctx, err.message, -1);
		return;
	}
	sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
	free(text);
}

/* tw_locked(profile_id, sealed): 1 when sealed text cannot be read now. */
static void fn_locked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct tw_store *st = sqlite3_user_data(ctx);
	sqlite3_result_int(ctx, sqlite3_value_type(argv[1]) != SQLITE_NULL &&
					!store_seal_key(st, sqlite3_value_int64(argv[0])));
}

/* tw_unhex(text): the bytes lower-case hex text stands for; NULL for NULL
 * or text that is not hex (import checks it first). */
static void fn_unhex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *t = sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	if (!t || n % 2) {
		sqlite3_result_null(ctx);
		return;
	}
	unsigned char *b = sqlite3_malloc(n / 2 + 1);
	if (!b) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (int i = 0; i < n; i += 2) {
		int hi = t[i] >= 'a' ? t[i] - 'a' + 10 : t[i] - '0';
		int lo = t[i + 1] >= 'a' ? t[i + 1] - 'a' + 10 : t[i + 1] - '0';
		if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
			sqlite3_free(b);
			sqlite3_result_null(ctx);
			return;
		}
		b[i / 2] = (unsigned char)(hi << 4 | lo);
	}
	sqlite3_result_blob(ctx, b, n / 2, sqlite3_free);
}

bool store_seal_register(struct tw_store *st, struct tw_error *err)
{
	int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	if (sqlite3_create_function(st->db, "tw_open", 3, flags, st, fn_open, NULL, NULL) !=
		    SQLITE_OK ||
	    sqlite3_create_function(st->db, "tw_locked", 2, flags, st, fn_locked, NULL, NULL) !=
		    SQLITE_OK ||
	    sqlite3_create_function(st->db, "tw_unhex", 1, flags | SQLITE_DETERMINISTIC, NULL,
				    fn_unhex, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "opening the database");
	/* Once any profile is locked, what is deleted is overwritten. */
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT 1 FROM sqlite_master WHERE name = 'profile_keys'", &q,
			   err))
		return false;
	bool has = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	if (!has)
		return true;
	if (!store_prepare(st, "SELECT 1 FROM profile_keys LIMIT 1", &q, err))
		return false;
	bool any = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return !any || store_exec(st, "PRAGMA secure_delete = ON", err);
}

bool store_seal_ring(struct tw_store *st, int64_t profile_id, struct tw_seal_keyring *ring,
		     bool *locked, struct tw_error *err)
{
	*locked = false;
	sqlite3_stmt *q;
	if (!store_prepare(st, "SELECT public_key, wrapped_key, salt, opslimit, memlimit "
			       "FROM profile_keys WHERE profile_id = ?", &q, err))
		return false;
	sqlite3_bind_int64(q, 1, profile_id);
	int rc = sqlite3_step(q);
	bool ok = true;
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_bytes(q, 0) != TW_SEAL_PK_BYTES ||
		    sqlite3_column_bytes(q, 1) != TW_SEAL_WRAPPED_BYTES ||
		    sqlite3_column_bytes(q, 2) != TW_SEAL_SALT_BYTES) {
			ok = tw_error_set(err, TW_ERR_CORRUPT,
					  "the key material of profile %lld is damaged",
					  (long long)profile_id);
		} else if (ring) {
			memcpy(ring->pk, sqlite3_column_blob(q, 0), TW_SEAL_PK_BYTES);
			memcpy(ring->wrapped, sqlite3_column_blob(q, 1), TW_SEAL_WRAPPED_BYTES);
			memcpy(ring->salt, sqlite3_column_blob(q, 2), TW_SEAL_SALT_BYTES);
			ring->opslimit = (uint64_t)sqlite3_column_int64(q, 3);
			ring->memlimit = (uint64_t)sqlite3_column_int64(q, 4);
		}
		*locked = ok;
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(st, err, "reading a profile's key");
	}
	sqlite3_finalize(q);
	return ok;
}

bool store_seal_for(struct tw_store *st, int64_t profile_id, bool is_private,
		    const char *text, struct store_sealed *out, struct tw_error *err)
{
	out->text = text;
	out->blob = NULL;
	out->len = 0;
	if (!is_private)
		return true;
	struct tw_seal_keyring ring;
	bool locked;
	if (!store_seal_ring(st, profile_id, &ring, &locked, err))
		return false;
	if (!locked)
		return true;
	if (!tw_seal_text(ring.pk, text, strlen(text), &out->blob, &out->len, err))
		return false;
	out->text = "";
	return true;
}

void store_sealed_bind(sqlite3_stmt *q, int text_idx, int blob_idx,
		       const struct store_sealed *s)
{
	sqlite3_bind_text(q, text_idx, s->text, -1, SQLITE_STATIC);
	if (s->blob)
		sqlite3_bind_blob(q, blob_idx, s->blob, (int)s->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, blob_idx);
}

void store_sealed_free(struct store_sealed *s)
{
	free(s->blob);
	s->blob = NULL;
}

bool tw_store_profile_seal_text(struct tw_store *st, int64_t profile_id, const char *text,
				unsigned char **blob, size_t *len, struct tw_error *err)
{
	*blob = NULL;
	*len = 0;
	struct store_sealed s;
	if (!store_seal_for(st, profile_id, true, text, &s, err))
		return false;
	*blob = s.blob;
	*len = s.len;
	return true;
}

bool tw_store_profile_open_text(struct tw_store *st, int64_t profile_id,
				const unsigned char *blob, size_t len, char **text,
				struct tw_error *err)
{
	*text = NULL;
	struct tw_seal_key *key = store_seal_key(st, profile_id);
	if (!key)
		return tw_error_set(err, TW_ERR_LOCKED, "the profile's passphrase is needed");
	return tw_seal_open(key, blob, len, text, err);
}
