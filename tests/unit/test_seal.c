/* The sealing module: key pairs wrapped under a passphrase, text sealed to
 * the public key; wrong passphrases, tampered key material and tampered or
 * foreign blobs are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "twoway/seal.h"

#define PASS "correct horse battery"

static void test_round_trip(void **state)
{
	(void)state;
	struct tw_error err;
	struct tw_seal_keyring ring;
	assert_true(tw_seal_keygen(PASS, &ring, NULL, &err));
	const char *text = "Candid: I want Dana's job — ça va 👩🏽‍💻";
	unsigned char *blob;
	size_t n;
	assert_true(tw_seal_text(ring.pk, text, strlen(text), &blob, &n, &err));
	assert_int_equal(n, tw_seal_sealed_len(strlen(text)));
	assert_null(memmem(blob, n, "Candid", 6));
	struct tw_seal_key *key;
	assert_true(tw_seal_unwrap(&ring, PASS, &key, &err));
	assert_true(tw_seal_key_matches(key, ring.pk));
	char *back;
	assert_true(tw_seal_open(key, blob, n, &back, &err));
	assert_string_equal(back, text);
	free(back);
	/* the empty text seals too */
	unsigned char *b2;
	size_t n2;
	assert_true(tw_seal_text(ring.pk, "", 0, &b2, &n2, &err));
	assert_true(tw_seal_open(key, b2, n2, &back, &err));
	assert_string_equal(back, "");
	free(back);
	free(b2);
	free(blob);
	tw_seal_key_free(key);
}

static void test_wrong_passphrase(void **state)
{
	(void)state;
	struct tw_error err;
	struct tw_seal_keyring ring;
	assert_true(tw_seal_keygen(PASS, &ring, NULL, &err));
	struct tw_seal_key *key = (struct tw_seal_key *)&err; /* must be reset */
	assert_false(tw_seal_unwrap(&ring, "correct horse battery!", &key, &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	assert_null(key);
	assert_false(tw_seal_unwrap(&ring, "", &key, &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	/* too short to lock with */
	assert_false(tw_seal_keygen("short", &ring, NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
}

static void test_tampered(void **state)
{
	(void)state;
	struct tw_error err;
	struct tw_seal_keyring ring;
	struct tw_seal_key *key;
	assert_true(tw_seal_keygen(PASS, &ring, &key, &err));
	unsigned char *blob;
	size_t n;
	assert_true(tw_seal_text(ring.pk, "secret", 6, &blob, &n, &err));
	char *back = NULL;
	for (size_t i = 0; i < n; i++) {
		blob[i] ^= 0x01;
		assert_false(tw_seal_open(key, blob, n, &back, &err));
		assert_int_equal(err.code, TW_ERR_CORRUPT);
		assert_null(back);
		blob[i] ^= 0x01;
	}
	assert_false(tw_seal_open(key, blob, n - 1, &back, &err));
	assert_false(tw_seal_open(key, blob, 3, &back, &err));
	assert_true(tw_seal_open(key, blob, n, &back, &err));
	assert_string_equal(back, "secret");
	free(back);
	/* a blob sealed to another profile's key */
	struct tw_seal_keyring other;
	struct tw_seal_key *okey;
	assert_true(tw_seal_keygen(PASS, &other, &okey, &err));
	assert_false(tw_seal_key_matches(okey, ring.pk));
	assert_false(tw_seal_open(okey, blob, n, &back, &err));
	assert_int_equal(err.code, TW_ERR_CORRUPT);
	/* tampered key material: wrapped key, salt, public key */
	struct tw_seal_key *k2;
	struct tw_seal_keyring bad = ring;
	bad.wrapped[40] ^= 0x80;
	assert_false(tw_seal_unwrap(&bad, PASS, &k2, &err));
	bad = ring;
	bad.salt[0] ^= 0x01;
	assert_false(tw_seal_unwrap(&bad, PASS, &k2, &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	bad = ring;
	bad.pk[5] ^= 0x01;
	assert_false(tw_seal_unwrap(&bad, PASS, &k2, &err));
	assert_int_equal(err.code, TW_ERR_CORRUPT);
	bad = ring;
	bad.memlimit = 1;
	assert_false(tw_seal_unwrap(&bad, PASS, &k2, &err));
	assert_int_equal(err.code, TW_ERR_CORRUPT);
	free(blob);
	tw_seal_key_free(key);
	tw_seal_key_free(okey);
}

static void test_rewrap(void **state)
{
	(void)state;
	struct tw_error err;
	struct tw_seal_keyring ring, ring2;
	struct tw_seal_key *key, *key2;
	assert_true(tw_seal_keygen(PASS, &ring, &key, &err));
	unsigned char *blob;
	size_t n;
	assert_true(tw_seal_text(ring.pk, "kept", 4, &blob, &n, &err));
	assert_true(tw_seal_rewrap(key, "a new passphrase", &ring2, &err));
	assert_memory_equal(ring.pk, ring2.pk, TW_SEAL_PK_BYTES);
	assert_memory_not_equal(ring.salt, ring2.salt, TW_SEAL_SALT_BYTES);
	assert_false(tw_seal_unwrap(&ring2, PASS, &key2, &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	assert_true(tw_seal_unwrap(&ring2, "a new passphrase", &key2, &err));
	char *back;
	assert_true(tw_seal_open(key2, blob, n, &back, &err));
	assert_string_equal(back, "kept");
	free(back);
	free(blob);
	tw_seal_key_free(key);
	tw_seal_key_free(key2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wrong_passphrase),
		cmocka_unit_test(test_tampered),
		cmocka_unit_test(test_rewrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
