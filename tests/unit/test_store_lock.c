/* The profile lock through the store: locking seals existing private text
 * and leaves no plain text in the database, its -wal or -shm; writes need
 * no passphrase and never store private plain text; reads without the key
 * give the marker; wrong passphrases change nothing; passwd, unlock,
 * restore, drafts and flips of the private flag keep the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/seal.h"
#include "twoway/store.h"

#define PASS "a long passphrase"
#define ITEM "six-practices/candid/feedback"

/* True when the canary is in the file (a missing file holds nothing). */
static bool in_file(const char *path, const char *canary)
{
	size_t len;
	char *buf = slurp(path, &len);
	if (!buf)
		return false;
	bool there = memmem(buf, len, canary, strlen(canary)) != NULL;
	free(buf);
	return there;
}

/* The canary anywhere in the database, its -wal or its -shm. */
static bool on_disk(const struct fixture *f, const char *canary)
{
	char p[400];
	bool there = in_file(f->path, canary);
	snprintf(p, sizeof p, "%s-wal", f->path);
	there = there || in_file(p, canary);
	snprintf(p, sizeof p, "%s-shm", f->path);
	return there || in_file(p, canary);
}

static void reopen(struct fixture *f)
{
	struct tw_error err;
	tw_store_close(f->st);
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
}

static void lock(struct fixture *f)
{
	struct tw_error err;
	struct tw_lock_report rep;
	if (!tw_store_profile_lock(f->st, f->profile, PASS, &rep, &err))
		fail_msg("lock: %s", err.message);
	assert_true(rep.wal_clean);
}

static int64_t save(struct fixture *f, const char *item, const char *text, bool priv)
{
	struct tw_error err;
	int64_t id;
	if (!tw_store_reflection_save(f->st, f->profile, item, text, priv, &id, &err))
		fail_msg("save: %s", err.message);
	return id;
}

static void test_lock_seals_existing(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t id = save(f, ITEM, "CANARY one", true);
	/* lower case, sorting first: the word as the search index keeps it */
	save(f, "six-practices/candid/other", "aaacanaryword", true);
	save(f, ITEM, "CANARY two", true);
	save(f, NULL, "public words stay searchable", false);
	assert_true(tw_store_draft_put(f->st, f->profile, ITEM, "CANARY draft", false, &err));
	assert_true(on_disk(f, "CANARY"));
	assert_true(on_disk(f, "aaacanaryword"));
	lock(f);
	assert_false(on_disk(f, "CANARY"));
	assert_false(on_disk(f, "aaacanaryword"));
	/* the lock keeps the key open for the session that locked */
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_string_equal(r.text, "CANARY two");
	assert_false(r.locked);
	tw_reflection_finish(&r);
	reopen(f);
	assert_false(on_disk(f, "CANARY"));
	enum tw_lock_state ls;
	assert_true(tw_store_profile_lock_state(f->st, f->profile, &ls, &err));
	assert_int_equal(ls, TW_LOCK_SEALED);
	/* without the key: the marker, never the sealed bytes */
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_string_equal(r.text, TW_SEAL_MARKER);
	assert_true(r.locked);
	assert_true(r.is_private);
	tw_reflection_finish(&r);
	struct tw_reflection_version *v;
	size_t n;
	assert_true(tw_store_reflection_history(f->st, id, &v, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(v[0].text, TW_SEAL_MARKER);
	assert_true(v[0].locked);
	tw_reflection_versions_free(v, n);
	char *d;
	assert_false(tw_store_draft_get(f->st, f->profile, ITEM, &d, NULL, &err));
	assert_int_equal(err.code, TW_ERR_LOCKED);
	/* search: public text found, sealed text counted */
	struct tw_hit *h;
	assert_true(tw_store_search(f->st, f->profile, "CANARY", 0, &h, &n, &err));
	assert_int_equal(n, 0);
	assert_true(tw_store_search(f->st, f->profile, "searchable", 0, &h, &n, &err));
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	size_t sealed;
	assert_true(tw_store_sealed_count(f->st, f->profile, &sealed, &err));
	assert_int_equal(sealed, 2);
	/* a wrong passphrase is refused and changes nothing */
	assert_false(tw_store_profile_key_open(f->st, f->profile, "not the passphrase", &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	size_t opened;
	assert_false(tw_store_profile_unlock(f->st, f->profile, "not the passphrase", &opened,
					     &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	assert_false(tw_store_profile_passwd(f->st, f->profile, "not the passphrase",
					     "another passphrase", &err));
	assert_true(tw_store_profile_lock_state(f->st, f->profile, &ls, &err));
	assert_int_equal(ls, TW_LOCK_SEALED);
	/* the right one opens everything */
	assert_true(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	assert_true(tw_store_reflection_history(f->st, id, &v, &n, &err));
	assert_string_equal(v[0].text, "CANARY one");
	assert_string_equal(v[1].text, "CANARY two");
	assert_false(v[1].locked);
	tw_reflection_versions_free(v, n);
	assert_true(tw_store_draft_get(f->st, f->profile, ITEM, &d, NULL, &err));
	assert_string_equal(d, "CANARY draft");
	free(d);
	/* locking twice is refused */
	struct tw_lock_report rep;
	assert_false(tw_store_profile_lock(f->st, f->profile, PASS, &rep, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
}

static void test_writes_need_no_passphrase(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	lock(f);
	reopen(f); /* no key open from here on */
	int64_t id = save(f, ITEM, "CANARY written locked", true);
	save(f, ITEM, "CANARY second version", true);
	/* a draft of a private reflection is private, whatever the editor says */
	assert_true(tw_store_draft_put(f->st, f->profile, ITEM, "CANARY draft typed", false, &err));
	int64_t pub = save(f, NULL, "PUBLIC stays plain", false);
	assert_false(on_disk(f, "CANARY"));
	assert_true(on_disk(f, "PUBLIC stays plain"));
	/* restoring a sealed version without the key copies it sealed */
	assert_true(tw_store_reflection_restore(f->st, id, 1, &err));
	assert_false(on_disk(f, "CANARY"));
	/* making a public reflection private seals it and every earlier
	 * version, and leaves no plain copy behind */
	assert_true(tw_store_reflection_update(f->st, pub, "PUBLIC stays plain", TW_PRIVACY_PRIVATE,
					       &err));
	assert_false(on_disk(f, "PUBLIC stays plain"));
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, pub, &r, &err));
	assert_true(r.locked);
	assert_string_equal(r.text, TW_SEAL_MARKER);
	tw_reflection_finish(&r);
	/* made public again without the key: a new public version; the
	 * earlier ones stay private and sealed */
	assert_true(tw_store_reflection_update(f->st, pub, "PUBLIC again", TW_PRIVACY_PUBLIC, &err));
	assert_true(tw_store_reflection_get(f->st, pub, &r, &err));
	assert_string_equal(r.text, "PUBLIC again");
	assert_false(r.locked);
	assert_false(r.is_private);
	tw_reflection_finish(&r);
	assert_false(on_disk(f, "PUBLIC stays plain"));
	/* restoring sealed text makes the reflection private again, sealed */
	assert_true(tw_store_reflection_update(f->st, id, "NOWPUBLIC text", TW_PRIVACY_PUBLIC, &err));
	assert_true(tw_store_reflection_restore(f->st, id, 2, &err));
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_true(r.is_private);
	assert_true(r.locked);
	tw_reflection_finish(&r);
	assert_false(on_disk(f, "CANARY"));
	reopen(f);
	assert_true(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	struct tw_reflection_version *v;
	size_t n;
	assert_true(tw_store_reflection_history(f->st, id, &v, &n, &err));
	assert_int_equal(n, 5);
	assert_string_equal(v[0].text, "CANARY written locked");
	assert_string_equal(v[1].text, "CANARY second version");
	assert_string_equal(v[2].text, "CANARY written locked"); /* restored sealed */
	assert_string_equal(v[3].text, "NOWPUBLIC text");
	assert_string_equal(v[4].text, "CANARY second version");
	tw_reflection_versions_free(v, n);
	assert_true(tw_store_reflection_history(f->st, pub, &v, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(v[0].text, "PUBLIC stays plain");
	assert_true(v[0].is_private);
	assert_string_equal(v[2].text, "PUBLIC again");
	tw_reflection_versions_free(v, n);
	char *d;
	assert_true(tw_store_draft_get(f->st, f->profile, ITEM, &d, NULL, &err));
	assert_string_equal(d, "CANARY draft typed");
	free(d);
}

static void test_passwd_and_unlock(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t id = save(f, ITEM, "CANARY kept", true);
	lock(f);
	reopen(f);
	assert_false(tw_store_profile_passwd(f->st, f->profile, PASS, "short", &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_true(tw_store_profile_passwd(f->st, f->profile, PASS, "the new passphrase", &err));
	reopen(f);
	assert_false(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	assert_int_equal(err.code, TW_ERR_PASSPHRASE);
	size_t opened;
	assert_false(tw_store_profile_unlock(f->st, f->profile, PASS, &opened, &err));
	assert_true(tw_store_profile_unlock(f->st, f->profile, "the new passphrase", &opened,
					    &err));
	assert_int_equal(opened, 1); /* the reflection (its one version keeps no copy) */
	enum tw_lock_state ls;
	assert_true(tw_store_profile_lock_state(f->st, f->profile, &ls, &err));
	assert_int_equal(ls, TW_LOCK_NONE);
	reopen(f);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_string_equal(r.text, "CANARY kept");
	assert_false(r.locked);
	tw_reflection_finish(&r);
	struct tw_hit *h;
	size_t n;
	assert_true(tw_store_search(f->st, f->profile, "kept", 0, &h, &n, &err));
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	/* unlocked: private text is written plain again */
	save(f, ITEM, "CANARY after unlock", true);
	assert_true(on_disk(f, "CANARY after unlock"));
}

static void test_other_profiles_untouched(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t other;
	assert_true(tw_store_profile_add(f->st, "Ben", "", "", &other, &err));
	int64_t oid;
	assert_true(tw_store_reflection_save(f->st, other, ITEM, "BEN private", true, &oid, &err));
	lock(f);
	reopen(f);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, oid, &r, &err));
	assert_string_equal(r.text, "BEN private");
	tw_reflection_finish(&r);
	assert_false(tw_store_profile_key_open(f->st, other, PASS, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
}

/* A version-6 database (tests/data/store/make_v6.sh) migrates: its
 * private text stays readable, then locks like any other (drafts too). */
static void test_migrate_v6(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	tw_store_close(f->st);
	f->st = NULL;
	char src[400];
	snprintf(src, sizeof src, "%s/store/v6.db", getenv("TW_TEST_DATA"));
	copy_file(src, f->path);
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open v6: %s", err.message);
	assert_int_equal(tw_store_found_version(f->st), 6);
	struct tw_profile ada;
	assert_true(tw_store_profile_find(f->st, "Ada", &ada, &err));
	f->profile = ada.id;
	tw_profile_finish(&ada);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item(f->st, f->profile,
						 "six-practices/proactive/their-story", &r, &err));
	assert_string_equal(r.text, "ada v6 private second");
	assert_false(r.locked);
	int64_t id = r.id;
	tw_reflection_finish(&r);
	enum tw_lock_state ls;
	assert_true(tw_store_profile_lock_state(f->st, f->profile, &ls, &err));
	assert_int_equal(ls, TW_LOCK_NONE);
	assert_true(on_disk(f, "ada v6 private"));
	assert_true(on_disk(f, "ada v6 draft private"));
	lock(f);
	reopen(f);
	assert_false(on_disk(f, "ada v6 private"));
	assert_false(on_disk(f, "ada v6 draft private"));
	assert_true(on_disk(f, "ada v6 public words"));
	assert_true(on_disk(f, "bo v6 private")); /* another profile, not locked */
	assert_true(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	struct tw_reflection_version *v;
	size_t n;
	assert_true(tw_store_reflection_history(f->st, id, &v, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(v[0].text, "ada v6 private first");
	assert_string_equal(v[1].text, "ada v6 private second");
	tw_reflection_versions_free(v, n);
	char *d;
	assert_true(tw_store_draft_get(f->st, f->profile, "six-practices/clear-ask/visibility", &d,
				       NULL, &err));
	assert_string_equal(d, "ada v6 draft private");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lock_seals_existing, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_writes_need_no_passphrase, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_passwd_and_unlock, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_other_profiles_untouched, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v6, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
