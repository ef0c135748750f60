/* Check-ups over time: a run is a dated snapshot with one sponsor; its
 * ticks, ratings and reflections are kept when the next run starts fresh,
 * "last time" reads the same sponsor's run before, the stage rated in a
 * run is the sponsor record's stage (dated), and a schema-9 database
 * (tests/data/store/v9_checkup.db, make_v9_checkup.sh) migrates: its check-up answers
 * become one run dated by their latest change, and its sponsors are in the
 * search index. */
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

#define STAGE TW_CHECKUP_STAGE_ITEM
#define ADVOCACY "checkup/advocacy/advocacy-level"
#define HEARD "checkup/advocacy/heard-about"
#define EVIDENCE "checkup/continuum/evidence"
#define PRACTICE "six-practices/proactive/their-story"

static int64_t add_sponsor(struct fixture *f, const char *name, enum tw_stage stage)
{
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = f->profile, .name = (char *)name, .stage = stage };
	if (!tw_store_sponsor_add(f->st, &s, &err))
		fail_msg("sponsor: %s", err.message);
	return s.id;
}

static int64_t start(struct fixture *f, int64_t sponsor, tw_time at)
{
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!tw_store_checkup_start(f->st, f->profile, sponsor, at, &id, &err))
		fail_msg("start: %s", err.message);
	return id;
}

/* The rating of item in run (0: none). */
static int rating(struct fixture *f, int64_t profile, int64_t run, const char *item)
{
	struct tw_progress *p = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	assert_true(tw_store_progress_list_checkup(f->st, profile, run, &p, &n, &err));
	int r = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].item_id, item) == 0)
			r = p[i].rating ? p[i].rating : p[i].ticked ? -1 : 0;
	tw_progresses_free(p, n);
	return r;
}

static enum tw_stage stage_of(struct fixture *f, int64_t sponsor, tw_time *at)
{
	struct tw_sponsor s = { 0 };
	struct tw_error err = { 0 };
	assert_true(tw_store_sponsor_get(f->st, sponsor, &s, &err));
	enum tw_stage st = s.stage;
	if (at)
		*at = s.stage_at;
	tw_sponsor_finish(&s);
	return st;
}

static void test_runs_kept(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, "Dana Reyes", TW_STAGE_UNKNOWN);
	int64_t sam = add_sponsor(f, "Sam Ho", TW_STAGE_UNKNOWN);
	int64_t r1 = start(f, dana, 1800000000);
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r1, ADVOCACY, 2, &err));
	assert_true(tw_store_progress_tick_in(f->st, f->profile, r1, HEARD, true, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, r1, EVIDENCE, "first run words",
						TW_PRIVACY_KEEP, NULL, &err));
	/* the next run starts fresh: nothing of its own, run 1's as last time */
	int64_t r2 = start(f, dana, 1808000000);
	assert_int_equal(rating(f, f->profile, r2, ADVOCACY), 0);
	assert_int_equal(rating(f, f->profile, r2, HEARD), 0);
	struct tw_reflection r;
	assert_false(tw_store_reflection_get_item_in(f->st, f->profile, r2, EVIDENCE, &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_progress p;
	assert_true(tw_store_progress_last_time(f->st, f->profile, r2, ADVOCACY, &p, &err));
	assert_int_equal(p.rating, 2);
	assert_int_equal(p.checkup_id, r1);
	tw_progress_finish(&p);
	assert_true(tw_store_reflection_last_time(f->st, f->profile, r2, EVIDENCE, &r, &err));
	assert_string_equal(r.text, "first run words");
	assert_int_equal(r.checkup_id, r1);
	assert_int_equal(r.meeting_id, 0);
	tw_reflection_finish(&r);
	/* answering run 2 keeps run 1's */
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r2, ADVOCACY, 4, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, r2, EVIDENCE, "second words",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_int_equal(rating(f, f->profile, r1, ADVOCACY), 2);
	assert_int_equal(rating(f, f->profile, r1, HEARD), -1);
	assert_int_equal(rating(f, f->profile, r2, ADVOCACY), 4);
	assert_true(tw_store_reflection_get_item_in(f->st, f->profile, r1, EVIDENCE, &r, &err));
	assert_string_equal(r.text, "first run words");
	tw_reflection_finish(&r);
	/* another sponsor's run has no last time from Dana's */
	int64_t s1 = start(f, sam, 1809000000);
	assert_false(tw_store_progress_last_time(f->st, f->profile, s1, ADVOCACY, &p, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* the runs, oldest first, per sponsor or all */
	struct tw_checkup *v = NULL;
	size_t n = 0;
	assert_true(tw_store_checkup_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, r1);
	assert_string_equal(v[0].sponsor_name, "Dana Reyes");
	assert_int_equal(v[2].id, s1);
	tw_checkups_free(v, n);
	assert_true(tw_store_checkup_list(f->st, f->profile, dana, &v, &n, &err));
	assert_int_equal(n, 2);
	tw_checkups_free(v, n);
	int64_t latest = 0;
	assert_true(tw_store_checkup_latest(f->st, f->profile, dana, &latest, &err));
	assert_int_equal(latest, r2);
	/* the untied list and the meeting calls never see a run's rows */
	struct tw_progress *all = NULL;
	assert_true(tw_store_progress_list(f->st, f->profile, &all, &n, &err));
	assert_int_equal(n, 0);
	tw_progresses_free(all, n);
	/* refused: an unknown run, another profile's sponsor, no date */
	assert_false(tw_store_progress_rate_in(f->st, f->profile, 999, ADVOCACY, 3, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_string_equal(err.message, "this profile has no check-up with id 999");
	int64_t id = 0;
	assert_false(tw_store_checkup_start(f->st, f->profile, 999, 1800000000, &id, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_checkup_start(f->st, f->profile, dana, 0, &id, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	/* a non-check-up item stays the profile's */
	assert_true(tw_store_reflection_save(f->st, f->profile, PRACTICE, "practice", TW_PRIVACY_KEEP,
					     NULL, &err));
}

/* The stage has one home: rating it in a run sets the record, dated; an
 * older run rated later does not override a newer run's. */
static void test_stage_home(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, "Dana Reyes", TW_STAGE_MENTOR);
	tw_time at = 0;
	assert_int_equal(stage_of(f, dana, &at), TW_STAGE_MENTOR);
	assert_true(at > 0);
	int64_t r1 = start(f, dana, 1800000000);
	tw_time before = (tw_time)time(NULL);
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r1, STAGE, 3, &err));
	assert_int_equal(stage_of(f, dana, &at), TW_STAGE_CONNECTOR);
	assert_true(at >= before);
	int64_t r2 = start(f, dana, 1808000000);
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r2, STAGE, 4, &err));
	assert_int_equal(stage_of(f, dana, NULL), TW_STAGE_OPPORTUNITY_GIVER);
	/* correcting the older run leaves the record at the newer run's */
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r1, STAGE, 2, &err));
	assert_int_equal(stage_of(f, dana, NULL), TW_STAGE_OPPORTUNITY_GIVER);
	/* a stage set on the record is dated too; same stage keeps the date */
	struct tw_sponsor s = { 0 };
	assert_true(tw_store_sponsor_get(f->st, dana, &s, &err));
	s.stage = TW_STAGE_SPONSOR;
	assert_true(tw_store_sponsor_update(f->st, &s, &err));
	tw_sponsor_finish(&s);
	assert_int_equal(stage_of(f, dana, &at), TW_STAGE_SPONSOR);
	assert_true(at >= before);
	int64_t none = add_sponsor(f, "Sam Ho", TW_STAGE_UNKNOWN);
	assert_int_equal(stage_of(f, none, &at), TW_STAGE_UNKNOWN);
	assert_int_equal(at, 0);
}

/* A JSON export carries the runs and which run each answer belongs to:
 * it imports back exactly, and importing it again adds nothing. */
static void test_json_round_trip(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, "Dana Reyes", TW_STAGE_MENTOR);
	int64_t r1 = start(f, dana, 1800000000), r2 = start(f, dana, 1808000000);
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r1, STAGE, 2, &err));
	assert_true(tw_store_progress_rate_in(f->st, f->profile, r2, STAGE, 4, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, r1, EVIDENCE, "one",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, r2, EVIDENCE, "two",
						TW_PRIVACY_KEEP, NULL, &err));
	char *out = NULL;
	size_t len = 0;
	assert_true(tw_store_export_json(f->st, 0, &out, &len, &err));
	char path[400];
	snprintf(path, sizeof path, "%s/copy.db", f->dir);
	struct tw_store *b = tw_store_open(path, &err);
	assert_non_null(b);
	struct tw_diags d = { 0 };
	if (!tw_store_import_json(b, out, len, "x.json", NULL, &d))
		fail_msg("import: %s", d.n ? d.v[0].message : "?");
	char *again = NULL;
	size_t alen = 0;
	assert_true(tw_store_export_json(b, 0, &again, &alen, &err));
	assert_string_equal(out, again); /* exact round trip */
	free(again);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item_in(b, f->profile, r1, EVIDENCE, &r, &err));
	assert_string_equal(r.text, "one");
	tw_reflection_finish(&r);
	struct tw_sponsor s = { 0 };
	assert_true(tw_store_sponsor_get(b, dana, &s, &err));
	assert_int_equal(s.stage, TW_STAGE_OPPORTUNITY_GIVER);
	tw_time at = s.stage_at;
	tw_sponsor_finish(&s);
	assert_true(tw_store_sponsor_get(f->st, dana, &s, &err));
	assert_int_equal(s.stage_at, at); /* the day the stage was set travels */
	tw_sponsor_finish(&s);
	struct tw_import_stats st = { 0 };
	assert_true(tw_store_import_json(b, out, len, "x.json", &st, &d));
	assert_int_equal(st.added, 0);
	tw_store_close(b);
	free(out);
}

static void test_migrate_v9(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v9_checkup.db", 9);
	struct tw_error err = { 0 };
	f->profile = 1;
	/* one run, dated by the latest change, with the latest meeting's sponsor */
	struct tw_checkup *v = NULL;
	size_t n = 0;
	assert_true(tw_store_checkup_list(f->st, 1, 0, &v, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].at, 1760000000);
	assert_string_equal(v[0].sponsor_name, "Sam Ho");
	int64_t run = v[0].id;
	tw_checkups_free(v, n);
	assert_true(tw_store_checkup_list(f->st, 2, 0, &v, &n, &err));
	assert_int_equal(n, 0); /* Bo answered nothing */
	assert_int_equal(rating(f, 1, run, STAGE), 3);
	assert_int_equal(rating(f, 1, run, ADVOCACY), 2);
	assert_int_equal(rating(f, 1, run, HEARD), -1);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item_in(f->st, 1, run, EVIDENCE, &r, &err));
	assert_string_equal(r.text, "v9 evidence words");
	assert_int_equal(r.checkup_id, run);
	tw_reflection_finish(&r);
	char *d = NULL;
	bool priv = false;
	char key[80];
	snprintf(key, sizeof key, "checkup/continuum/next-stage@checkup:%lld", (long long)run);
	assert_true(tw_store_draft_get(f->st, 1, key, &d, &priv, &err));
	assert_string_equal(d, "v9 draft words");
	free(d);
	/* nothing is left untied */
	struct tw_progress *p = NULL;
	assert_true(tw_store_progress_list(f->st, 1, &p, &n, &err));
	assert_int_equal(n, 0);
	tw_progresses_free(p, n);
	/* the stage rated after the record changed became the record's */
	struct tw_sponsor *sp = NULL;
	assert_true(tw_store_sponsor_list(f->st, 1, &sp, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(sp[0].name, "Dana Reyes");
	assert_int_equal(sp[0].stage, TW_STAGE_MENTOR);
	assert_int_equal(sp[0].stage_at, 1700000000);
	assert_string_equal(sp[1].name, "Sam Ho");
	assert_int_equal(sp[1].stage, TW_STAGE_CONNECTOR);
	assert_int_equal(sp[1].stage_at, 1750000000);
	int64_t sam = sp[1].id;
	tw_sponsors_free(sp, n);
	/* the next run starts fresh with the migrated answers as last time */
	int64_t next = start(f, sam, 1800000000);
	assert_int_equal(rating(f, 1, next, ADVOCACY), 0);
	assert_true(tw_store_reflection_last_time(f->st, 1, next, EVIDENCE, &r, &err));
	assert_string_equal(r.text, "v9 evidence words");
	tw_reflection_finish(&r);
	/* search still finds the migrated answer, and now the sponsors the
	 * file held (Bo's Lee Park has no meeting: only the sponsor) */
	struct tw_hit *h = NULL;
	assert_true(tw_store_search(f->st, 1, "evidence", 10, &h, &n, &err));
	assert_true(n >= 1);
	tw_hits_free(h, n);
	assert_true(tw_store_search(f->st, 2, "park", 10, &h, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_SPONSOR);
	assert_string_equal(h[0].title, "Lee Park");
	tw_hits_free(h, n);
	assert_true(tw_store_check(f->st, &err));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_runs_kept, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_stage_home, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_json_round_trip, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v9, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
