/* Unit tests of search's owner column (schema 14) through store.h: a
 * schema-13 database migrates with every hit of its profiles where it was
 * and no other profile's, and records that an import merges into a profile
 * already here are found in that profile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/store.h"

/* q has exactly n hits in profile (0: every profile), each of that profile
 * when one is given; the first of them of kind kind and title title (when
 * given). */
static void hits(struct fixture *f, int64_t profile, const char *q, size_t want,
		 enum tw_record_kind kind, const char *title)
{
	struct tw_hit *h;
	size_t n = fixture_search(f, profile, q, &h);
	if (n != want)
		fail_msg("'%s' in profile %lld: %zu hits, not %zu", q, (long long)profile, n, want);
	for (size_t i = 0; i < n && profile; i++)
		assert_int_equal(h[i].profile_id, profile);
	if (n) {
		assert_int_equal(h[0].kind, kind);
		if (title)
			assert_string_equal(h[0].title, title);
	}
	tw_hits_free(h, n);
}

/* tests/data/store/v13_search.db (make_v13_search.sh, which prints what
 * the schema-13 binary found): migrated, each profile finds what it found
 * then, the words both profiles hold are found once in each, and nothing
 * deleted, renamed away or sealed by Bo's lock is found anywhere. */
static void test_migrate_v13(void **state)
{
	struct fixture *f = *state;
	setenv("TZ", "UTC", 1);
	tzset();
	fixture_open_migrated(f, "v13_search.db", 13);
	const int64_t ada = 1, bo = 2;
	const char *story = "six-practices/proactive/their-story";
	hits(f, ada, "harbour", 1, TW_REC_REFLECTION, story);
	hits(f, bo, "harbour", 1, TW_REC_REFLECTION, story);
	hits(f, 0, "harbour", 2, TW_REC_REFLECTION, story);
	hits(f, ada, "orbit", 1, TW_REC_MEETING, "Grace Murray, 2030-01-02 10:00");
	hits(f, bo, "orbit", 1, TW_REC_MEETING, "Lin, 2030-02-03 09:30");
	hits(f, ada, "compass", 1, TW_REC_REFLECTION, "six-practices/clear-ask/name-the-help");
	hits(f, bo, "compass", 0, TW_REC_REFLECTION, NULL);
	hits(f, ada, "murray", 2, TW_REC_SPONSOR, "Grace Murray");
	hits(f, bo, "murray", 0, TW_REC_SPONSOR, NULL);
	hits(f, ada, "telescope", 1, TW_REC_ACTION, "Action item");
	hits(f, bo, "lantern", 1, TW_REC_ACTION, "Action item");
	hits(f, ada, "lantern", 0, TW_REC_ACTION, NULL);
	static const char *const nowhere[] = { "anchor", "hopper", "sextant", "nightingale" };
	for (size_t i = 0; i < sizeof nowhere / sizeof nowhere[0]; i++)
		hits(f, 0, nowhere[i], 0, TW_REC_REFLECTION, NULL);
	/* the triggers of schema 14 follow new writes */
	struct tw_error err = { 0 };
	int64_t id;
	assert_true(tw_store_reflection_save(f->st, bo, NULL, "harbour again", false, &id, &err));
	hits(f, bo, "harbour", 2, TW_REC_REFLECTION, NULL);
	hits(f, ada, "harbour", 1, TW_REC_REFLECTION, story);
	assert_true(tw_store_delete(f->st, ada, TW_REC_REFLECTION, 1, &err));
	hits(f, ada, "harbour", 0, TW_REC_REFLECTION, NULL);
	fixture_check(f, "writing after the migration");
	/* the index was made again from the records: Bo's sealed text is
	 * nowhere in the file, as it was nowhere before */
	tw_store_close(f->st);
	f->st = NULL;
	size_t len = 0;
	char *file = slurp(f->path, &len);
	assert_non_null(file);
	assert_null(memmem(file, len, "nightingale", 11));
	free(file);
}

/* A file whose profile has the name of one here merges into it: its
 * records go in under a stand-in and move to the profile at the end (an
 * update of profile_id). Then they are found in that profile, of every
 * kind, and not in the other profile here. */
static void test_merge_found_in_profile(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	int64_t ada, bo;
	assert_true(tw_store_profile_add(f->st, "Ada", "", "", &ada, &err));
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &bo, &err));
	int64_t id;
	assert_true(tw_store_reflection_save(f->st, ada, NULL, "quasar here first", false, &id,
					     &err));
	assert_true(tw_store_reflection_save(f->st, bo, NULL, "quasar of bo", false, &id, &err));

	/* another database with its own Ada */
	char other[400];
	snprintf(other, sizeof other, "%s/other.db", f->dir);
	struct tw_store *o = tw_store_open(other, &err);
	if (!o)
		fail_msg("open: %s", err.message);
	int64_t oa;
	assert_true(tw_store_profile_add(o, "Ada", "", "", &oa, &err));
	assert_true(tw_store_reflection_save(o, oa, NULL, "quasar notes from afar", false, &id,
					     &err));
	struct tw_sponsor s = { .profile_id = oa, .name = "Vera Rubin" };
	assert_true(tw_store_sponsor_add(o, &s, &err));
	struct tw_meeting m = { .profile_id = oa, .sponsor_id = s.id,
				.when = (tw_time)time(NULL), .agenda = "galaxy rotation" };
	assert_true(tw_store_meeting_add(o, &m, &err));
	struct tw_action a = { .profile_id = oa, .meeting_id = m.id, .text = "measure the nebula" };
	assert_true(tw_store_action_add(o, &a, &err));
	char *json = NULL;
	size_t len = 0;
	assert_true(tw_store_export_json(o, 0, &json, &len, &err));
	tw_store_close(o);

	struct tw_diags d = { 0 };
	struct tw_import_stats stats = { 0 };
	if (!tw_store_import_json(f->st, json, len, "other.json", &stats, &d))
		fail_msg("import: %s", d.n ? d.v[0].message : "?");
	tw_diags_clear(&d);
	free(json);
	/* the reflection, its version, the sponsor, the meeting, the item */
	assert_int_equal(stats.added, 5);
	fixture_check(f, "merging an import into a profile");
	hits(f, ada, "quasar", 2, TW_REC_REFLECTION, NULL);
	hits(f, bo, "quasar", 1, TW_REC_REFLECTION, NULL);
	hits(f, ada, "afar", 1, TW_REC_REFLECTION, NULL);
	hits(f, ada, "rubin", 2, TW_REC_SPONSOR, "Vera Rubin");
	hits(f, ada, "galaxy", 1, TW_REC_MEETING, NULL);
	hits(f, ada, "nebula", 1, TW_REC_ACTION, "Action item");
	hits(f, bo, "nebula", 0, TW_REC_ACTION, NULL);
	hits(f, 0, "quasar", 3, TW_REC_REFLECTION, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_v13, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_merge_found_in_profile, dir_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
