/* Unit tests of the store's core records through store.h: opening and
 * migrating a new file, profiles, sponsors, progress and rating history,
 * reflections with history and restore, drafts, and input checks. */
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

static void test_open_new(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	assert_int_equal(tw_store_found_version(f->st), 0);
	assert_string_equal(tw_store_path(f->st), f->path);
	assert_true(tw_store_check(f->st, &err));
	tw_store_close(f->st);
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	assert_int_equal(tw_store_found_version(f->st), TW_STORE_SCHEMA_VERSION);
	tw_store_close(NULL);
}

static void test_default_path(void **state)
{
	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	char *p = tw_store_default_path();
	assert_string_equal(p, "/x/data/twoway/twoway.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/u", 1);
	p = tw_store_default_path();
	assert_string_equal(p, "/home/u/.local/share/twoway/twoway.db");
	free(p);
}

static void test_profiles(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t id;
	assert_true(tw_store_profile_add(f->st, "Bo", NULL, NULL, &id, &err));
	assert_false(tw_store_profile_add(f->st, "Bo", "", "", NULL, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	assert_false(tw_store_profile_add(f->st, "  ", "", "", NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_profile_add(f->st, "bad\xff", "", "", NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_profile_add(f->st, "esc\x1b[2J", "", "", NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);

	struct tw_profile *v;
	size_t n;
	assert_true(tw_store_profile_list(f->st, &v, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "Ada");
	assert_string_equal(v[0].role, "engineer");
	assert_string_equal(v[1].name, "Bo");
	assert_string_equal(v[1].goals, "");
	assert_true(v[1].created > 0);
	tw_profiles_free(v, n);

	struct tw_profile p;
	assert_true(tw_store_profile_find(f->st, "Bo", &p, &err));
	assert_int_equal(p.id, id);
	free(p.role);
	p.role = strdup("manager");
	assert_true(tw_store_profile_update(f->st, &p, &err));
	tw_profile_finish(&p);
	assert_true(tw_store_profile_get(f->st, id, &p, &err));
	assert_string_equal(p.role, "manager");
	free(p.name);
	p.name = strdup("Ada");
	assert_false(tw_store_profile_update(f->st, &p, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	tw_profile_finish(&p);
	assert_false(tw_store_profile_find(f->st, "Nobody", &p, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_profile_get(f->st, 999, &p, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	/* current: the first profile until another is chosen */
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_int_equal(p.id, f->profile);
	tw_profile_finish(&p);
	assert_true(tw_store_profile_use(f->st, id, &err));
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_int_equal(p.id, id);
	tw_profile_finish(&p);
	assert_false(tw_store_profile_use(f->st, 999, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
}

static void test_profile_default(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	setenv("USER", "zoe", 1);
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	struct tw_profile p;
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_string_equal(p.name, "zoe");
	int64_t id = p.id;
	tw_profile_finish(&p);
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_int_equal(p.id, id);
	tw_profile_finish(&p);
	struct tw_profile *v;
	size_t n;
	assert_true(tw_store_profile_list(f->st, &v, &n, &err));
	assert_int_equal(n, 1);
	tw_profiles_free(v, n);
	tw_store_close(f->st);
	f->st = NULL;

	/* no USER: "me" */
	tmpdir_remove(f->dir);
	tmpdir_make(f->dir, sizeof f->dir);
	snprintf(f->path, sizeof f->path, "%s/twoway.db", f->dir);
	unsetenv("USER");
	f->st = tw_store_open(f->path, &err);
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_string_equal(p.name, "me");
	tw_profile_finish(&p);
}

static void test_sponsors(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_sponsor s = {
		.profile_id = f->profile,
		.name = "Grace Hopper",
		.title = "Rear Admiral",
		.org = "Navy",
		.how_met = "conference",
		.homework = "COBOL",
		.stage = TW_STAGE_CONNECTOR,
	};
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	assert_true(s.id > 0);
	assert_true(s.created > 0);
	int64_t gid = s.id;
	struct tw_sponsor b = { .profile_id = f->profile, .name = "Barbara" };
	assert_true(tw_store_sponsor_add(f->st, &b, &err));

	struct tw_sponsor bad = { .profile_id = f->profile, .name = "" };
	assert_false(tw_store_sponsor_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	bad.name = "X";
	bad.stage = (enum tw_stage)42;
	assert_false(tw_store_sponsor_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	bad.stage = TW_STAGE_MENTOR;
	bad.profile_id = 999;
	assert_false(tw_store_sponsor_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	struct tw_sponsor *v;
	size_t n;
	assert_true(tw_store_sponsor_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "Barbara");
	assert_string_equal(v[0].title, "");
	assert_string_equal(v[1].org, "Navy");
	assert_int_equal(v[1].stage, TW_STAGE_CONNECTOR);
	tw_sponsors_free(v, n);

	struct tw_sponsor g;
	assert_true(tw_store_sponsor_find(f->st, f->profile, "Grace Hopper", &g, &err));
	assert_int_equal(g.id, gid);
	tw_sponsor_finish(&g);
	char idtxt[32];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)gid);
	assert_true(tw_store_sponsor_find(f->st, f->profile, idtxt, &g, &err));
	assert_string_equal(g.name, "Grace Hopper");
	free(g.homework);
	g.homework = strdup("COBOL, compilers");
	g.stage = TW_STAGE_SPONSOR;
	assert_true(tw_store_sponsor_update(f->st, &g, &err));
	tw_sponsor_finish(&g);
	assert_true(tw_store_sponsor_get(f->st, gid, &g, &err));
	assert_string_equal(g.homework, "COBOL, compilers");
	assert_int_equal(g.stage, TW_STAGE_SPONSOR);
	tw_sponsor_finish(&g);
	assert_false(tw_store_sponsor_find(f->st, f->profile, "Nobody", &g, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_sponsor_get(f->st, 999, &g, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_sponsor ghost = { .id = 999, .name = "Ghost" };
	assert_false(tw_store_sponsor_update(f->st, &ghost, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
}

static void test_progress(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	assert_true(tw_store_progress_tick(f->st, f->profile, "g/s/b", true, &err));
	assert_true(tw_store_progress_tick(f->st, f->profile, "g/s/a", true, &err));
	assert_true(tw_store_progress_tick(f->st, f->profile, "g/s/a", false, &err));
	assert_true(tw_store_progress_rate(f->st, f->profile, "g/s/r", 3, &err));
	assert_true(tw_store_progress_rate(f->st, f->profile, "g/s/r", 5, &err));
	assert_true(tw_store_progress_rate(f->st, f->profile, "g/s/r", 0, &err));
	assert_true(tw_store_progress_rate(f->st, f->profile, "g/s/r", 4, &err));
	assert_false(tw_store_progress_rate(f->st, f->profile, "g/s/r", 6, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_progress_rate(f->st, f->profile, "g/s/r", -1, &err));
	assert_false(tw_store_progress_tick(f->st, f->profile, "", true, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_progress_tick(f->st, 999, "g/s/a", true, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	struct tw_progress *v;
	size_t n;
	assert_true(tw_store_progress_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(v[0].item_id, "g/s/a");
	assert_false(v[0].ticked);
	assert_string_equal(v[1].item_id, "g/s/b");
	assert_true(v[1].ticked);
	assert_string_equal(v[2].item_id, "g/s/r");
	assert_int_equal(v[2].rating, 4);
	assert_true(v[2].changed > 0);
	tw_progresses_free(v, n);

	int *r;
	tw_time *when;
	assert_true(tw_store_rating_history(f->st, f->profile, "g/s/r", &r, &when, &n, &err));
	assert_int_equal(n, 4);
	assert_int_equal(r[0], 3);
	assert_int_equal(r[1], 5);
	assert_int_equal(r[2], 0);
	assert_int_equal(r[3], 4);
	assert_true(when[0] > 0);
	free(r);
	free(when);
}

static void test_reflections(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t id, id2, free_id;
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "first", false, &id, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "second \xc3\xa9t\xc3\xa9",
					     false, &id2, &err));
	assert_int_equal(id, id2);
	/* same text: only the private flag changes, kept as version 3 */
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "second \xc3\xa9t\xc3\xa9",
					     TW_PRIVACY_PRIVATE, NULL, &err));
	/* the same again changes nothing */
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "second \xc3\xa9t\xc3\xa9",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "free standing", false,
					     &free_id, &err));
	assert_true(free_id != id);
	assert_false(tw_store_reflection_save(f->st, f->profile, "g/s/i", "  \n", false, NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_reflection_save(f->st, f->profile, "g/s/i", "bad \xc3", false, NULL,
					      &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_reflection_save(f->st, 999, "g/s/i", "x", false, NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item(f->st, f->profile, "g/s/i", &r, &err));
	assert_int_equal(r.version, 3);
	assert_true(r.is_private);
	assert_string_equal(r.text, "second \xc3\xa9t\xc3\xa9");
	tw_reflection_finish(&r);
	assert_false(tw_store_reflection_get_item(f->st, f->profile, "g/s/none", &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_reflection_get(f->st, free_id, &r, &err));
	assert_null(r.item_id);
	assert_int_equal(r.version, 1);
	tw_reflection_finish(&r);

	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 2);
	tw_reflections_free(v, n);
	assert_true(tw_store_reflection_list(f->st, f->profile, 1, &v, &n, &err));
	assert_int_equal(n, 1);
	tw_reflections_free(v, n);

	/* restore version 1: it becomes version 4, history keeps all, and
	 * the reflection stays private (private is sticky) */
	assert_true(tw_store_reflection_restore(f->st, id, 1, &err));
	assert_false(tw_store_reflection_restore(f->st, id, 9, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_reflection_version *h;
	assert_true(tw_store_reflection_history(f->st, id, &h, &n, &err));
	assert_int_equal(n, 4);
	assert_string_equal(h[0].text, "first");
	assert_int_equal(h[0].version, 1);
	assert_string_equal(h[1].text, "second \xc3\xa9t\xc3\xa9");
	assert_true(h[1].is_private); /* made private later: every version is */
	assert_string_equal(h[2].text, "second \xc3\xa9t\xc3\xa9");
	assert_string_equal(h[3].text, "first");
	assert_int_equal(h[3].version, 4);
	assert_true(h[3].is_private);
	tw_reflection_versions_free(h, n);
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_string_equal(r.text, "first");
	assert_true(r.is_private);
	assert_int_equal(r.version, 4);
	tw_reflection_finish(&r);
	assert_false(tw_store_reflection_history(f->st, 999, &h, &n, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
}

static void test_drafts(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	char *t;
	assert_true(tw_store_draft_get(f->st, f->profile, "g/s/i", &t, NULL, &err));
	assert_null(t);
	assert_true(tw_store_draft_put(f->st, f->profile, "g/s/i", "half a thought", false, &err));
	assert_true(tw_store_draft_put(f->st, f->profile, "g/s/i", "half a thought, more", false, &err));
	assert_true(tw_store_draft_put(f->st, f->profile, "", "new one", false, &err));
	assert_false(tw_store_draft_put(f->st, f->profile, "", "bad\x07", false, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_true(tw_store_draft_get(f->st, f->profile, "g/s/i", &t, NULL, &err));
	assert_string_equal(t, "half a thought, more");
	free(t);
	assert_true(tw_store_draft_get(f->st, f->profile, NULL, &t, NULL, &err));
	assert_string_equal(t, "new one");
	free(t);
	/* a draft is not a reflection */
	struct tw_reflection r;
	assert_false(tw_store_reflection_get_item(f->st, f->profile, "g/s/i", &r, &err));
	assert_true(tw_store_draft_drop(f->st, f->profile, "g/s/i", &err));
	assert_true(tw_store_draft_get(f->st, f->profile, "g/s/i", &t, NULL, &err));
	assert_null(t);
}

static void test_model_names(void **state)
{
	(void)state;
	assert_string_equal(tw_stage_name(TW_STAGE_OPPORTUNITY_GIVER), "opportunity-giver");
	assert_string_equal(tw_stage_label(TW_STAGE_OPPORTUNITY_GIVER), "Opportunity giver");
	assert_string_equal(tw_stage_label(TW_STAGE_MENTOR), "Mentor");
	enum tw_stage s;
	assert_true(tw_stage_parse("Opportunity giver", &s));
	assert_int_equal(s, TW_STAGE_OPPORTUNITY_GIVER);
	assert_true(tw_stage_parse("sponsor", &s));
	assert_int_equal(s, TW_STAGE_SPONSOR);
	assert_false(tw_stage_parse("boss", &s));
	assert_string_equal(tw_record_kind_name(TW_REC_REFLECTION), "reflection");
	tw_profiles_free(NULL, 0);
	tw_hit_finish(NULL);
}

/* A stored reflection edited by id (free-standing ones have no item id to
 * save through): each change is a new version, a deleted one is refused. */
static void test_reflection_update(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = 0;
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "first thought", false,
					     &id, &err));
	assert_true(tw_store_reflection_update(f->st, id, "second thought", false, &err));
	assert_true(tw_store_reflection_update(f->st, id, "second thought", TW_PRIVACY_PRIVATE,
					       &err));
	struct tw_reflection r;
	assert_true(tw_store_reflection_get(f->st, id, &r, &err));
	assert_null(r.item_id);
	assert_string_equal(r.text, "second thought");
	assert_true(r.is_private);
	assert_int_equal(r.version, 3);
	tw_reflection_finish(&r);
	struct tw_reflection_version *v = NULL;
	size_t n = 0;
	assert_true(tw_store_reflection_history(f->st, id, &v, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(v[0].text, "first thought");
	tw_reflection_versions_free(v, n);

	assert_false(tw_store_reflection_update(f->st, id, "  \n ", false, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_reflection_update(f->st, id, "bad \x1b[2J", false, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_reflection_update(f->st, 9999, "text", false, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_delete(f->st, TW_REC_REFLECTION, id, &err));
	assert_false(tw_store_reflection_update(f->st, id, "after delete", false, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
}

/* tw_store_changed reports commits by another connection, never our own. */
static void test_store_changed(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_store *other = tw_store_open(f->path, &err);
	assert_non_null(other);
	assert_false(tw_store_changed(f->st)); /* the first call starts watching */
	assert_false(tw_store_changed(f->st));
	assert_true(tw_store_progress_tick(f->st, f->profile, "g/s/own", true, &err));
	assert_false(tw_store_changed(f->st));
	assert_true(tw_store_progress_tick(other, f->profile, "g/s/theirs", true, &err));
	assert_true(tw_store_changed(f->st));
	assert_false(tw_store_changed(f->st));
	tw_store_close(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_new, dir_setup, store_teardown),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test_setup_teardown(test_profiles, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_profile_default, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_sponsors, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_progress, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_reflections, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_drafts, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_reflection_update, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_store_changed, store_setup, store_teardown),
		cmocka_unit_test(test_model_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
