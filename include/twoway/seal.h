/* Sealing private text at rest (libsodium): a profile's key pair, its
 * secret key wrapped with a key derived from a passphrase (Argon2id), and
 * text sealed to the public key (crypto_box_seal) so that writing needs no
 * passphrase while reading does. Pure crypto: no database, no terminal. */
#ifndef TWOWAY_SEAL_H
#define TWOWAY_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "twoway/diag.h"

#define TW_SEAL_PK_BYTES 32
#define TW_SEAL_SK_BYTES 32
#define TW_SEAL_SALT_BYTES 16
/* nonce (24) + MAC (16) + secret key (32) */
#define TW_SEAL_WRAPPED_BYTES 72
/* What a passphrase must at least hold, in bytes. */
#define TW_SEAL_PASS_MIN 8

/* What sponsee-facing reads show in place of sealed text when the
 * passphrase has not been given. */
#define TW_SEAL_MARKER "(private, locked)"

/* The key material stored for a locked profile: nothing in it reveals the
 * secret key without the passphrase. */
struct tw_seal_keyring {
	unsigned char pk[TW_SEAL_PK_BYTES];
	unsigned char wrapped[TW_SEAL_WRAPPED_BYTES]; /* nonce || secretbox(sk) */
	unsigned char salt[TW_SEAL_SALT_BYTES];
	uint64_t opslimit; /* Argon2id cost, kept so it can change later */
	uint64_t memlimit;
};

/* A secret key held in guarded memory (sodium_malloc: locked, never
 * swapped, wiped on free). Opaque. */
struct tw_seal_key;

/* Starts libsodium; safe to call many times. */
bool tw_seal_init(struct tw_error *err);

/* Makes a new key pair and wraps its secret key with passphrase (at least
 * TW_SEAL_PASS_MIN bytes, else TW_ERR_INVALID). Fills *ring; *key (may be
 * NULL) receives the open secret key, freed with tw_seal_key_free. */
bool tw_seal_keygen(const char *passphrase, struct tw_seal_keyring *ring,
		    struct tw_seal_key **key, struct tw_error *err);

/* Unwraps ring's secret key with passphrase. A wrong passphrase (or
 * tampered key material) is TW_ERR_PASSPHRASE and *key stays NULL. */
bool tw_seal_unwrap(const struct tw_seal_keyring *ring, const char *passphrase,
		    struct tw_seal_key **key, struct tw_error *err);

/* Wraps key again with a new passphrase (new salt, same key pair). */
bool tw_seal_rewrap(const struct tw_seal_key *key, const char *passphrase,
		    struct tw_seal_keyring *ring, struct tw_error *err);

/* True when key is the secret key of the public key pk. */
bool tw_seal_key_matches(const struct tw_seal_key *key, const unsigned char *pk);

void tw_seal_key_free(struct tw_seal_key *key); /* NULL is a no-op */

/* The length of the sealed form of len bytes of text. */
size_t tw_seal_sealed_len(size_t len);

/* Seals text (len bytes) to pk into *blob (malloc'd, caller frees) of
 * *blob_len = tw_seal_sealed_len(len) bytes. */
bool tw_seal_text(const unsigned char *pk, const char *text, size_t len, unsigned char **blob,
		  size_t *blob_len, struct tw_error *err);

/* Opens a sealed blob with key: *text is a NUL-terminated malloc'd copy
 * (the caller frees it). A blob sealed to another key, damaged or tampered
 * with is TW_ERR_CORRUPT. */
bool tw_seal_open(const struct tw_seal_key *key, const unsigned char *blob, size_t blob_len,
		  char **text, struct tw_error *err);

#endif
