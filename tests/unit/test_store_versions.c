/* A reflection's text is stored once (schema 12): the current text lives in
 * the reflection, earlier versions keep theirs; history, restore, the JSON
 * round trip and the profile lock read every version as before, and a
 * database of schema 10 (tests/data/store/v11_versions.db) loses its
 * duplicates when it is opened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/store.h"

#define PASS "a long passphrase"
#define STORY "six-practices/proactive/their-story"

/* How many times text is in the closed database file. */
static size_t times_in_file(const char *path, const char *text)
{
	size_t len, n = 0;
	char *buf = slurp(path, &len);
	if (!buf)
		return 0;
	for (char *p = buf; (p = memmem(p, len - (size_t)(p - buf), text, strlen(text))) != NULL;
	     p++)
		n++;
	free(buf);
	return n;
}

/* The versions of reflection id must read want (n of them, oldest first). */
static void history_is(struct tw_store *st, int64_t id, const char *const *want, size_t n)
{
	struct tw_reflection_version *v;
	size_t got;
	struct tw_error err = { 0 };
	if (!tw_store_reflection_history(st, id, &v, &got, &err))
		fail_msg("history of %lld: %s", (long long)id, err.message);
	assert_int_equal(got, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].version, (int)i + 1);
		assert_string_equal(v[i].text, want[i]);
	}
	tw_reflection_versions_free(v, got);
}

static void text_is(struct tw_store *st, int64_t id, const char *want)
{
	struct tw_reflection r;
	struct tw_error err = { 0 };
	if (!tw_store_reflection_get(st, id, &r, &err))
		fail_msg("reflection %lld: %s", (long long)id, err.message);
	assert_string_equal(r.text, want);
	tw_reflection_finish(&r);
}

static void reopen(struct fixture *f)
{
	struct tw_error err = { 0 };
	tw_store_close(f->st);
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
}

static void test_fresh_store_keeps_each_text_once(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id;
	static const char *const texts[] = { "QWfirst words", "QWsecond words", "QWthird words" };
	for (size_t i = 0; i < 3; i++)
		assert_true(tw_store_reflection_save(f->st, f->profile, STORY, texts[i], false, &id,
						     &err));
	history_is(f->st, id, texts, 3);
	/* restoring version 1 makes version 4 of its text */
	assert_true(tw_store_reflection_restore(f->st, id, 1, &err));
	static const char *const after[] = { "QWfirst words", "QWsecond words", "QWthird words",
					     "QWfirst words" };
	history_is(f->st, id, after, 4);
	text_is(f->st, id, "QWfirst words");
	tw_store_close(f->st);
	f->st = NULL;
	/* the earlier versions once each; the current text once, in the
	 * reflection, plus version 1 */
	assert_int_equal(times_in_file(f->path, "QWsecond words"), 1);
	assert_int_equal(times_in_file(f->path, "QWthird words"), 1);
	assert_int_equal(times_in_file(f->path, "QWfirst words"), 2);
	reopen(f);
	history_is(f->st, id, after, 4);
}

static void test_private_flip_and_lock(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id;
	assert_true(tw_store_reflection_save(f->st, f->profile, STORY, "QZpublic words", false, &id,
					     &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, STORY, "QZprivate words", true, &id,
					     &err));
	struct tw_lock_report rep;
	if (!tw_store_profile_lock(f->st, f->profile, PASS, &rep, &err))
		fail_msg("lock: %s", err.message);
	reopen(f);
	assert_true(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	static const char *const texts[] = { "QZpublic words", "QZprivate words" };
	history_is(f->st, id, texts, 2);
	/* a third version while locked: the second (sealed with the
	 * reflection) moves to its version row, still sealed */
	assert_true(tw_store_reflection_save(f->st, f->profile, STORY, "QZthird words", true, &id,
					     &err));
	tw_store_close(f->st);
	f->st = NULL;
	assert_int_equal(times_in_file(f->path, "QZprivate words"), 0);
	assert_int_equal(times_in_file(f->path, "QZthird words"), 0);
	reopen(f);
	assert_true(tw_store_profile_key_open(f->st, f->profile, PASS, &err));
	static const char *const three[] = { "QZpublic words", "QZprivate words", "QZthird words" };
	history_is(f->st, id, three, 3);
	size_t opened = 0;
	assert_true(tw_store_profile_unlock(f->st, f->profile, PASS, &opened, &err));
	history_is(f->st, id, three, 3);
	text_is(f->st, id, "QZthird words");
}

/* Export, import into an empty store, export again: the same file. */
static void round_trip(struct tw_store *st, const char *dir)
{
	char *a, *b;
	size_t alen, blen;
	struct tw_error err = { 0 };
	if (!tw_store_export_json(st, 0, &a, &alen, &err))
		fail_msg("export: %s", err.message);
	static int copies;
	char path[400];
	snprintf(path, sizeof path, "%s/copy%d.db", dir, ++copies);
	struct tw_store *c = tw_store_open(path, &err);
	if (!c)
		fail_msg("open copy: %s", err.message);
	struct tw_diags d = { 0 };
	if (!tw_store_import_json(c, a, alen, "x.json", NULL, &d))
		fail_msg("import: %s", d.n ? d.v[0].message : "?");
	tw_diags_clear(&d);
	if (!tw_store_export_json(c, 0, &b, &blen, &err))
		fail_msg("export of the copy: %s", err.message);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
	tw_store_close(c);
}

static void test_migrate_v11(void **state)
{
	struct fixture *f = *state;
	char src[400];
	snprintf(src, sizeof src, "%s/store/v11_versions.db", getenv("TW_TEST_DATA"));
	copy_file(src, f->path);
	/* schema 11: the current texts twice */
	assert_int_equal(times_in_file(f->path, "gamma words"), 1);
	assert_int_equal(times_in_file(f->path, "alpha words"), 3);
	assert_int_equal(times_in_file(f->path, "private two"), 2);
	assert_int_equal(times_in_file(f->path, "open meadow"), 2);
	struct tw_error err = { 0 };
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	assert_int_equal(tw_store_found_version(f->st), 11);
	const int64_t cy = 2;
	static const char *const story[] = { "alpha words", "beta words", "gamma words",
					     "alpha words" };
	history_is(f->st, 1, story, 4);
	text_is(f->st, 1, "alpha words");
	static const char *const help[] = { "private one", "private two" };
	history_is(f->st, 2, help, 2);
	static const char *const meadow[] = { "open meadow" };
	history_is(f->st, 5, meadow, 1);
	/* Cy's sealed text: locked, then opened with the passphrase */
	struct tw_reflection_version *v;
	size_t n;
	assert_true(tw_store_reflection_history(f->st, 4, &v, &n, &err));
	assert_int_equal(n, 2);
	assert_true(v[0].locked && v[1].locked);
	tw_reflection_versions_free(v, n);
	assert_true(tw_store_profile_key_open(f->st, cy, PASS, &err));
	static const char *const sealed[] = { "sealed first", "sealed second" };
	history_is(f->st, 4, sealed, 2);
	static const char *const later[] = { "sealed later" };
	history_is(f->st, 6, later, 1);
	round_trip(f->st, f->dir);
	/* restore an earlier sealed version: the one that was current keeps
	 * its text in its row now */
	assert_true(tw_store_reflection_restore(f->st, 4, 1, &err));
	static const char *const three[] = { "sealed first", "sealed second", "sealed first" };
	history_is(f->st, 4, three, 3);
	/* a new version on Ada's migrated reflection */
	int64_t id;
	assert_true(tw_store_reflection_save(f->st, 1, STORY, "delta words", false, &id, &err));
	assert_int_equal(id, 1);
	static const char *const five[] = { "alpha words", "beta words", "gamma words",
					    "alpha words", "delta words" };
	history_is(f->st, 1, five, 5);
	tw_store_close(f->st);
	f->st = NULL;
	/* once each now (alpha: version 1 and version 4, which stopped being
	 * current; private two: its version row lost the copy) */
	assert_int_equal(times_in_file(f->path, "alpha words"), 2);
	assert_int_equal(times_in_file(f->path, "delta words"), 1);
	assert_int_equal(times_in_file(f->path, "private two"), 1);
	assert_int_equal(times_in_file(f->path, "open meadow"), 1);
	reopen(f);
	size_t opened = 0;
	assert_true(tw_store_profile_unlock(f->st, cy, PASS, &opened, &err));
	history_is(f->st, 4, three, 3);
	history_is(f->st, 6, later, 1);
	round_trip(f->st, f->dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_store_keeps_each_text_once, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_private_flip_and_lock, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v11, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
