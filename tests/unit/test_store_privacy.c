/* Private means private, in the core: a coach view never returns private
 * text from any read, private is sticky across saves and versions, drafts
 * carry the flag, a v4 database migrates to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/export.h"

#define ITEM "g/s/story"
#define CANARY "CANARY-zq7"

static struct tw_store *coach_view(struct fixture *f)
{
	struct tw_error err = { 0 };
	struct tw_store *c = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	if (!c)
		fail_msg("open coach view: %s", err.message);
	assert_int_equal(tw_store_view(c), TW_VIEW_COACH);
	return c;
}

static char *json(struct tw_store *st, bool coach)
{
	char *out = NULL;
	size_t len = 0;
	struct tw_error err = { 0 };
	bool ok = coach ? tw_store_export_json_coach(st, 0, &out, &len, &err)
			: tw_store_export_json(st, 0, &out, &len, &err);
	if (!ok)
		fail_msg("export: %s", err.message);
	return out;
}

/* Saved public, then private: no read of a coach view returns either text
 * (the sixth path of issue 8: coach JSON kept the public version). */
static void test_coach_view_reads(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = 0, free_id = 0;
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "public " CANARY " one",
					     TW_PRIVACY_KEEP, &id, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "private " CANARY " two",
					     TW_PRIVACY_PRIVATE, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "free " CANARY,
					     TW_PRIVACY_PRIVATE, &free_id, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/open", "open words",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_draft_put(f->st, f->profile, ITEM, "draft " CANARY, false, &err));

	struct tw_store *c = coach_view(f);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item(c, f->profile, ITEM, &r, &err));
	assert_string_equal(r.text, TW_PRIVATE_MARKER);
	assert_true(r.is_private && r.hidden);
	tw_reflection_finish(&r);
	assert_true(tw_store_reflection_get(c, free_id, &r, &err));
	assert_string_equal(r.text, TW_PRIVATE_MARKER);
	tw_reflection_finish(&r);
	assert_true(tw_store_reflection_get_item(c, f->profile, "g/s/open", &r, &err));
	assert_string_equal(r.text, "open words");
	assert_false(r.hidden);
	tw_reflection_finish(&r);

	struct tw_reflection *v = NULL;
	size_t n = 0;
	assert_true(tw_store_reflection_list(c, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_null(strstr(v[i].text, CANARY));
	tw_reflections_free(v, n);

	struct tw_reflection_version *h = NULL;
	assert_true(tw_store_reflection_history(c, id, &h, &n, &err));
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(h[i].text, TW_PRIVATE_MARKER);
		assert_true(h[i].is_private && h[i].hidden);
	}
	tw_reflection_versions_free(h, n);

	char *d = NULL;
	bool dp = false;
	assert_true(tw_store_draft_get(c, f->profile, ITEM, &d, &dp, &err));
	assert_string_equal(d, TW_PRIVATE_MARKER);
	assert_true(dp); /* a draft of a private reflection is private */
	free(d);

	struct tw_hit *hits = NULL;
	assert_true(tw_store_search(c, f->profile, "CANARY", 0, &hits, &n, &err));
	assert_int_equal(n, 0);
	tw_hits_free(hits, n);
	assert_true(tw_store_search(c, f->profile, "open", 0, &hits, &n, &err));
	assert_int_equal(n, 1);
	tw_hits_free(hits, n);

	/* the JSON of a coach view is the coach's copy, whichever call */
	char *a = json(c, false), *b = json(c, true), *owner = json(f->st, true);
	assert_null(strstr(a, CANARY));
	assert_null(strstr(b, CANARY));
	assert_null(strstr(owner, CANARY));
	assert_non_null(strstr(a, "\"coach\": true"));
	assert_non_null(strstr(a, "open words"));
	free(a);
	free(b);
	free(owner);
	tw_store_close(c);

	/* the owner reads everything */
	assert_true(tw_store_reflection_history(f->st, id, &h, &n, &err));
	assert_string_equal(h[0].text, "public " CANARY " one");
	assert_true(h[0].is_private); /* made private later: sticky */
	assert_false(h[0].hidden);
	tw_reflection_versions_free(h, n);
}

/* A coach view cannot write over private text, nor change the flag. */
static void test_coach_view_writes(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = 0;
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "secret " CANARY,
					     TW_PRIVACY_PRIVATE, &id, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/open", "open",
					     TW_PRIVACY_KEEP, NULL, &err));
	struct tw_store *c = coach_view(f);
	assert_false(tw_store_reflection_save(c, f->profile, ITEM, "over it", TW_PRIVACY_KEEP,
					      NULL, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_reflection_save(c, f->profile, ITEM, TW_PRIVATE_MARKER,
					      TW_PRIVACY_PUBLIC, NULL, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_reflection_update(c, id, "x", TW_PRIVACY_PUBLIC, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_reflection_restore(c, id, 1, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_reflection_save(c, f->profile, "g/s/open", "open",
					      TW_PRIVACY_PRIVATE, NULL, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_reflection_save(c, f->profile, "g/s/new", "new",
					      TW_PRIVACY_PRIVATE, NULL, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_draft_put(c, f->profile, ITEM, "typed", false, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	assert_false(tw_store_draft_put(c, f->profile, "g/s/open", "typed", true, &err));
	assert_int_equal(err.code, TW_ERR_PRIVATE);
	/* public work goes on in coach mode */
	assert_true(tw_store_reflection_save(c, f->profile, "g/s/open", "open, more",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_draft_put(c, f->profile, "g/s/open", "typed", false, &err));
	tw_store_close(c);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_string_equal(r.text, "secret " CANARY);
	assert_true(r.is_private);
	assert_int_equal(r.version, 1);
	tw_reflection_finish(&r);
}

/* Private belongs to the reflection: a save without a flag keeps it (the
 * `echo text | twoway reflect ITEM` path); public again shows the newest
 * text only; a change of the flag alone is a version of its own. */
static void test_sticky(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = 0;
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "one " CANARY,
					     TW_PRIVACY_PRIVATE, &id, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "two " CANARY, false, NULL,
					     &err));
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_true(r.is_private);
	assert_int_equal(r.version, 2);
	tw_reflection_finish(&r);
	assert_true(tw_store_reflection_update(f->st, id, "two " CANARY, TW_PRIVACY_PUBLIC, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "three public",
					     TW_PRIVACY_KEEP, NULL, &err));
	struct tw_reflection_version *h = NULL;
	size_t n = 0;
	assert_true(tw_store_reflection_history(f->st, id, &h, &n, &err));
	assert_int_equal(n, 4);
	assert_true(h[0].is_private && h[1].is_private);
	assert_string_equal(h[2].text, "two " CANARY); /* the flag alone */
	assert_false(h[2].is_private);
	assert_int_equal(h[2].flag_change, -1); /* history says it was made public */
	assert_int_equal(h[1].flag_change, 0);
	assert_false(h[3].is_private);
	tw_reflection_versions_free(h, n);
	/* the coach sees the text made public, never the versions before */
	struct tw_store *c = coach_view(f);
	assert_true(tw_store_reflection_history(c, id, &h, &n, &err));
	assert_string_equal(h[0].text, TW_PRIVATE_MARKER);
	assert_string_equal(h[1].text, TW_PRIVATE_MARKER);
	assert_string_equal(h[3].text, "three public");
	tw_reflection_versions_free(h, n);
	char *j = json(c, true);
	assert_null(strstr(j, "one " CANARY));
	assert_non_null(strstr(j, "three public"));
	free(j);
	tw_store_close(c);
	/* private again: every version private, in every coach view */
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "three public",
					     TW_PRIVACY_PRIVATE, NULL, &err));
	assert_true(tw_store_reflection_history(f->st, id, &h, &n, &err));
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_true(h[i].is_private);
	tw_reflection_versions_free(h, n);
	/* restoring a private version into a public reflection keeps it private */
	assert_true(tw_store_reflection_save(f->st, f->profile, ITEM, "four", TW_PRIVACY_PUBLIC,
					     NULL, &err));
	assert_true(tw_store_reflection_restore(f->st, id, 1, &err));
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_true(r.is_private);
	assert_string_equal(r.text, "one " CANARY);
	tw_reflection_finish(&r);
}

/* Drafts carry the flag (the fourth path: a killed private draft came back
 * public); a draft of a private reflection is private whatever it says. */
static void test_draft_flag(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	char *t = NULL;
	bool p = false;
	assert_true(tw_store_draft_put(f->st, f->profile, "g/s/new", "x", true, &err));
	assert_true(tw_store_draft_get(f->st, f->profile, "g/s/new", &t, &p, &err));
	assert_true(p);
	free(t);
	assert_true(tw_store_draft_put(f->st, f->profile, "g/s/new", "x", false, &err));
	assert_true(tw_store_draft_get(f->st, f->profile, "g/s/new", &t, &p, &err));
	assert_false(p);
	free(t);
	int64_t id = 0;
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "free", TW_PRIVACY_PRIVATE,
					     &id, &err));
	char key[40];
	snprintf(key, sizeof key, "reflection:%lld", (long long)id);
	assert_true(tw_store_draft_put(f->st, f->profile, key, "free, more", false, &err));
	assert_true(tw_store_draft_get(f->st, f->profile, key, &t, &p, &err));
	assert_true(p);
	assert_string_equal(t, "free, more");
	free(t);
	/* the flag survives a JSON round trip */
	char *one = json(f->st, false);
	assert_non_null(strstr(one, "\"text\":\"x\",\"saved\":"));
	struct fixture g = { 0 };
	tmpdir_make(g.dir, sizeof g.dir);
	snprintf(g.path, sizeof g.path, "%s/b.db", g.dir);
	g.st = tw_store_open(g.path, &err);
	assert_non_null(g.st);
	struct tw_diags d = { 0 };
	assert_true(tw_store_import_json(g.st, one, strlen(one), "one.json", NULL, &d));
	assert_true(tw_store_draft_get(g.st, f->profile, key, &t, &p, &err));
	assert_true(p);
	free(t);
	char *two = json(g.st, false);
	assert_string_equal(one, two);
	free(one);
	free(two);
	tw_store_close(g.st);
	tmpdir_remove(g.dir);
}

/* A file exported before private was sticky (a private reflection with a
 * public earlier version, a draft without a flag) imports sticky. */
static void test_import_old_file(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	tw_store_close(f->st);
	f->st = NULL;
	struct fixture g = { 0 };
	tmpdir_make(g.dir, sizeof g.dir);
	snprintf(g.path, sizeof g.path, "%s/b.db", g.dir);
	g.st = tw_store_open(g.path, &err);
	static const char file[] =
		"{\"app\": \"twoway\", \"schema\": 4,\n"
		"\"profiles\": [{\"uid\":\"p-1\",\"id\":1,\"name\":\"Ada\",\"role\":\"\",\"goals\":\"\","
		"\"created\":1,\"deleted_at\":null}],\n"
		"\"reflections\": [{\"uid\":\"r-1\",\"id\":1,\"profile\":\"p-1\",\"item\":\"g/s/i\","
		"\"text\":\"later " CANARY "\",\"private\":true,\"version\":2,\"created\":1,"
		"\"updated\":2,\"deleted_at\":null,\"versions\":[{\"version\":1,\"text\":\"early "
		CANARY "\",\"private\":false,\"saved\":1},{\"version\":2,\"text\":\"later " CANARY
		"\",\"private\":false,\"saved\":2}]}],\n"
		"\"drafts\": [{\"profile\":\"p-1\",\"item\":\"g/s/i\",\"text\":\"draft " CANARY
		"\",\"saved\":3}]\n}\n";
	struct tw_diags d = { 0 };
	if (!tw_store_import_json(g.st, file, strlen(file), "old.json", NULL, &d))
		fail_msg("import: %s", d.n ? d.v[0].message : "?");
	tw_store_close(g.st);
	g.st = tw_store_open_view(g.path, TW_VIEW_COACH, &err);
	char *j = json(g.st, true);
	assert_null(strstr(j, CANARY));
	free(j);
	char *t = NULL;
	bool p = false;
	assert_true(tw_store_draft_get(g.st, 1, "g/s/i", &t, &p, &err));
	assert_true(p);
	assert_string_equal(t, TW_PRIVATE_MARKER);
	free(t);
	tw_store_close(g.st);
	tmpdir_remove(g.dir);
}

/* tests/data/store/v4.db, made by a schema-4 twoway (make_v4.sh): private
 * reflections' earlier versions and their drafts become private. */
static void test_migrate_v4(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v4.db", 4);
	struct tw_error err = { 0 };
	struct tw_reflection_version *h = NULL;
	size_t n = 0;
	assert_true(tw_store_reflection_history(f->st, 1, &h, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(h[0].text, "v4 public words");
	assert_true(h[0].is_private);
	assert_int_equal(h[0].flag_change, 0);
	assert_int_equal(h[1].flag_change, 1); /* v2 made it private */
	tw_reflection_versions_free(h, n);
	assert_true(tw_store_reflection_history(f->st, 2, &h, &n, &err));
	assert_string_equal(h[0].text, "v4 free words");
	assert_true(h[0].is_private); /* made private by the flag alone */
	tw_reflection_versions_free(h, n);
	assert_true(tw_store_reflection_history(f->st, 3, &h, &n, &err));
	assert_false(h[0].is_private); /* Bo's public words stay public */
	tw_reflection_versions_free(h, n);
	char *t = NULL;
	bool p = false;
	assert_true(tw_store_draft_get(f->st, 1, "six-practices/proactive/their-story", &t, &p,
				       &err));
	assert_string_equal(t, "v4 draft words");
	assert_true(p);
	free(t);
	/* a private save on the migrated file keeps going */
	assert_true(tw_store_reflection_save(f->st, 1, "six-practices/proactive/their-story",
					     "v5 words", TW_PRIVACY_KEEP, NULL, &err));
	tw_store_close(f->st);
	f->st = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(f->st);
	assert_int_equal(tw_store_found_version(f->st), TW_STORE_SCHEMA_VERSION);
	char *j = json(f->st, true);
	assert_null(strstr(j, "v4 public words"));
	assert_null(strstr(j, "v4 private words"));
	assert_null(strstr(j, "v4 free words"));
	assert_null(strstr(j, "v4 draft words"));
	assert_null(strstr(j, "v5 words"));
	assert_non_null(strstr(j, "Bo's public words"));
	free(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_coach_view_reads, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_coach_view_writes, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_sticky, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_draft_flag, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_import_old_file, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v4, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
