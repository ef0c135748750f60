/* Sealing private text with libsodium: X25519 key pairs, the secret key
 * wrapped (XSalsa20-Poly1305) under an Argon2id passphrase key, and text
 * sealed to the public key with crypto_box_seal (one version byte first). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/seal.h"

/* The first byte of every sealed blob: the format. */
#define SEAL_FORMAT 1

struct tw_seal_key {
	unsigned char sk[TW_SEAL_SK_BYTES];
	unsigned char pk[TW_SEAL_PK_BYTES];
};

_Static_assert(TW_SEAL_WRAPPED_BYTES ==
		       crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + TW_SEAL_SK_BYTES,
	       "wrapped key size");
_Static_assert(TW_SEAL_SALT_BYTES == crypto_pwhash_SALTBYTES, "salt size");
_Static_assert(TW_SEAL_PK_BYTES == crypto_box_PUBLICKEYBYTES, "public key size");
_Static_assert(TW_SEAL_SK_BYTES == crypto_box_SECRETKEYBYTES, "secret key size");

bool tw_seal_init(struct tw_error *err)
{
	if (sodium_init() < 0)
		return tw_error_set(err, TW_ERR_IO, "the cryptography library could not start");
	return true;
}

static struct tw_seal_key *key_new(struct tw_error *err)
{
	struct tw_seal_key *k = sodium_malloc(sizeof *k);
	if (!k)
		tw_error_set(err, TW_ERR_NOMEM, "out of memory for a key");
	return k;
}

void tw_seal_key_free(struct tw_seal_key *key)
{
	if (key)
		sodium_free(key); /* wipes it first */
}

/* The wrapping key from passphrase, salt and the ring's limits. */
static bool derive(const struct tw_seal_keyring *ring, const char *passphrase,
		   unsigned char *out, struct tw_error *err)
{
	if (crypto_pwhash(out, crypto_secretbox_KEYBYTES, passphrase, strlen(passphrase),
			  ring->salt, (unsigned long long)ring->opslimit, (size_t)ring->memlimit,
			  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return tw_error_set(err, TW_ERR_NOMEM,
				    "not enough memory to derive the key from the passphrase");
	return true;
}

bool tw_seal_rewrap(const struct tw_seal_key *key, const char *passphrase,
		    struct tw_seal_keyring *ring, struct tw_error *err)
{
	if (!passphrase || strlen(passphrase) < TW_SEAL_PASS_MIN)
		return tw_error_set(err, TW_ERR_INVALID,
				    "a passphrase needs at least %d characters",
				    TW_SEAL_PASS_MIN);
	if (!tw_seal_init(err))
		return false;
	memcpy(ring->pk, key->pk, sizeof ring->pk);
	randombytes_buf(ring->salt, sizeof ring->salt);
	ring->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	ring->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	unsigned char *wk = sodium_malloc(crypto_secretbox_KEYBYTES);
	if (!wk)
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory for a key");
	bool ok = derive(ring, passphrase, wk, err);
	if (ok) {
		unsigned char *nonce = ring->wrapped;
		randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
		crypto_secretbox_easy(ring->wrapped + crypto_secretbox_NONCEBYTES, key->sk,
				      sizeof key->sk, nonce, wk);
	}
	sodium_free(wk);
	return ok;
}

bool tw_seal_keygen(const char *passphrase, struct tw_seal_keyring *ring,
		    struct tw_seal_key **key, struct tw_error *err)
{
	if (key)
		*key = NULL;
	if (!tw_seal_init(err))
		return false;
	struct tw_seal_key *k = key_new(err);
	if (!k)
		return false;
	crypto_box_keypair(k->pk, k->sk);
	if (!tw_seal_rewrap(k, passphrase, ring, err)) {
		tw_seal_key_free(k);
		return false;
	}
	if (key)
		*key = k;
	else
		tw_seal_key_free(k);
	return true;
}

bool tw_seal_key_matches(const struct tw_seal_key *key, const unsigned char *pk)
{
	return key && sodium_memcmp(key->pk, pk, TW_SEAL_PK_BYTES) == 0;
}

bool tw_seal_unwrap(const struct tw_seal_keyring *ring, const char *passphrase,
		    struct tw_seal_key **key, struct tw_error *err)
{
	*key = NULL;
	if (!tw_seal_init(err))
		return false;
	if (!passphrase || !*passphrase)
		return tw_error_set(err, TW_ERR_PASSPHRASE, "no passphrase given");
	if (ring->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
	    ring->opslimit > crypto_pwhash_OPSLIMIT_MAX ||
	    ring->memlimit < crypto_pwhash_MEMLIMIT_MIN ||
	    ring->memlimit > (uint64_t)1 << 32)
		return tw_error_set(err, TW_ERR_CORRUPT, "the profile's key material is damaged");
	struct tw_seal_key *k = key_new(err);
	unsigned char *wk = k ? sodium_malloc(crypto_secretbox_KEYBYTES) : NULL;
	if (!wk) {
		tw_seal_key_free(k);
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory for a key");
	}
	bool ok = derive(ring, passphrase, wk, err);
	if (ok && crypto_secretbox_open_easy(k->sk, ring->wrapped + crypto_secretbox_NONCEBYTES,
					     TW_SEAL_WRAPPED_BYTES - crypto_secretbox_NONCEBYTES,
					     ring->wrapped, wk) != 0)
		ok = tw_error_set(err, TW_ERR_PASSPHRASE, "wrong passphrase");
	if (ok) {
		crypto_scalarmult_base(k->pk, k->sk);
		if (sodium_memcmp(k->pk, ring->pk, TW_SEAL_PK_BYTES) != 0)
			ok = tw_error_set(err, TW_ERR_CORRUPT,
					  "the profile's key material is damaged");
	}
	sodium_free(wk);
	if (!ok) {
		tw_seal_key_free(k);
		return false;
	}
	*key = k;
	return true;
}

size_t tw_seal_sealed_len(size_t len)
{
	return 1 + crypto_box_SEALBYTES + len;
}

bool tw_seal_text(const unsigned char *pk, const char *text, size_t len, unsigned char **blob,
		  size_t *blob_len, struct tw_error *err)
{
	*blob = NULL;
	*blob_len = 0;
	if (!tw_seal_init(err))
		return false;
	size_t n = tw_seal_sealed_len(len);
	unsigned char *b = malloc(n);
	if (!b)
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory sealing text");
	b[0] = SEAL_FORMAT;
	if (crypto_box_seal(b + 1, (const unsigned char *)text, len, pk) != 0) {
		free(b);
		return tw_error_set(err, TW_ERR_INVALID, "the profile's public key is not valid");
	}
	*blob = b;
	*blob_len = n;
	return true;
}

bool tw_seal_open(const struct tw_seal_key *key, const unsigned char *blob, size_t blob_len,
		  char **text, struct tw_error *err)
{
	*text = NULL;
	if (!key || !blob || blob_len < 1 + crypto_box_SEALBYTES || blob[0] != SEAL_FORMAT)
		return tw_error_set(err, TW_ERR_CORRUPT, "sealed text is damaged");
	size_t n = blob_len - 1 - crypto_box_SEALBYTES;
	char *t = malloc(n + 1);
	if (!t)
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory opening sealed text");
	if (crypto_box_seal_open((unsigned char *)t, blob + 1, blob_len - 1, key->pk,
				 key->sk) != 0) {
		free(t);
		return tw_error_set(err, TW_ERR_CORRUPT,
				    "sealed text is damaged or sealed to another key");
	}
	t[n] = '\0';
	*text = t;
	return true;
}
