/* Unit tests of soft delete, undelete, the list of deleted records and
 * purge through store.h. */
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

static void test_soft_delete_and_undo(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t r;
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "v1", false, &r, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "v2", false, &r, &err));
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Grace" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = (tw_time)time(NULL) + 60 };
	assert_true(tw_store_meeting_add(f->st, &m, &err));

	assert_true(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	assert_false(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_reflection rr;
	assert_false(tw_store_reflection_get(f->st, r, &rr, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 0);
	tw_reflections_free(v, n);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	assert_false(tw_store_undelete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_reflection_get(f->st, r, &rr, &err));
	assert_string_equal(rr.text, "v2");
	assert_int_equal(rr.version, 2);
	tw_reflection_finish(&rr);

	/* a sponsor takes its meetings along and brings them back */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	struct tw_meeting *mv;
	assert_true(tw_store_meeting_list(f->st, f->profile, 0, &mv, &n, &err));
	assert_int_equal(n, 0);
	tw_meetings_free(mv, n);
	assert_false(tw_store_undelete(f->st, f->profile, TW_REC_MEETING, m.id, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_meeting_list(f->st, f->profile, 0, &mv, &n, &err));
	assert_int_equal(n, 1);
	tw_meetings_free(mv, n);

	/* a deleted profile frees its name; undelete then clashes */
	int64_t bo, bo2;
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &bo, &err));
	assert_true(tw_store_profile_use(f->st, bo, &err));
	assert_true(tw_store_delete(f->st, 0, TW_REC_PROFILE, bo, &err));
	struct tw_profile p;
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_int_equal(p.id, f->profile);
	tw_profile_finish(&p);
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &bo2, &err));
	assert_false(tw_store_undelete(f->st, 0, TW_REC_PROFILE, bo, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	assert_false(tw_store_delete(f->st, f->profile, (enum tw_record_kind)77, 1, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
}

static void test_deleted_list_and_purge(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t keep, gone, other;
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/keep", "keep me", false,
					     &keep, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/gone", "remove me", false,
					     &gone, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/gone", "remove me 2", false,
					     &gone, &err));
	struct tw_action a = { .profile_id = f->profile, .text = "an action to drop" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	assert_true(tw_store_profile_add(f->st, "Temp", "", "", &other, &err));
	assert_true(tw_store_reflection_save(f->st, other, NULL, "temp words", false, NULL, &err));
	int64_t cs;
	assert_true(tw_store_coaching_start(f->st, f->profile, "Coach", &cs, &err));

	assert_true(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, gone, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	assert_true(tw_store_delete(f->st, 0, TW_REC_PROFILE, other, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_COACHING, cs, &err));

	struct tw_deleted *d;
	size_t n;
	assert_true(tw_store_deleted_list(f->st, 0, &d, &n, &err));
	assert_int_equal(n, 5); /* and Temp's live reflection, which goes with it */
	bool saw[6] = { false };
	for (size_t i = 0; i < n; i++) {
		saw[d[i].kind] = true;
		assert_true(d[i].deleted > 0);
		if (d[i].kind == TW_REC_REFLECTION && !d[i].cascade) {
			assert_int_equal(d[i].id, gone);
			assert_non_null(strstr(d[i].label, "g/s/gone"));
		}
		if (d[i].kind == TW_REC_REFLECTION && d[i].cascade)
			assert_non_null(strstr(d[i].label, "goes with deleted profile Temp"));
		if (d[i].kind == TW_REC_PROFILE)
			assert_non_null(strstr(d[i].label, "Temp"));
		if (d[i].kind == TW_REC_ACTION)
			assert_non_null(strstr(d[i].label, "an action to drop"));
	}
	assert_true(saw[TW_REC_REFLECTION] && saw[TW_REC_ACTION] && saw[TW_REC_PROFILE] &&
		    saw[TW_REC_COACHING]);
	tw_deleteds_free(d, n);

	size_t count;
	assert_true(tw_store_purge(f->st, 0, &count, &err));
	assert_int_equal(count, 5);
	assert_true(tw_store_deleted_list(f->st, 0, &d, &n, &err));
	assert_int_equal(n, 0);
	tw_deleteds_free(d, n);
	assert_false(tw_store_undelete(f->st, f->profile, TW_REC_REFLECTION, gone, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* the kept record and its search entry are still there */
	struct tw_hit *h;
	assert_true(tw_store_search(f->st, 0, "keep", 0, &h, &n, &err));
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	assert_true(tw_store_search(f->st, 0, "remove", 0, &h, &n, &err));
	assert_int_equal(n, 0);
	assert_true(tw_store_search(f->st, 0, "temp", 0, &h, &n, &err));
	assert_int_equal(n, 0);
	assert_true(tw_store_check(f->st, &err));
	/* a purge of nothing is fine */
	assert_true(tw_store_purge(f->st, 0, &count, &err));
	assert_int_equal(count, 0);
}

/* Profiles are a boundary: delete, undo, the list and purge of one
 * profile never touch another's records. */
static void test_profile_boundary(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t b;
	assert_true(tw_store_profile_add(f->st, "B", "", "", &b, &err));
	struct tw_action a = { .profile_id = f->profile, .text = "A's action" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Dana" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = (tw_time)time(NULL) + 60 };
	assert_true(tw_store_meeting_add(f->st, &m, &err));

	/* B cannot delete A's action or sponsor */
	assert_false(tw_store_delete(f->st, b, TW_REC_ACTION, a.id, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_delete(f->st, b, TW_REC_SPONSOR, s.id, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_action *av;
	size_t n;
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_ALL, "2026-01-01", &av,
					 &n, &err));
	assert_int_equal(n, 1);
	tw_actions_free(av, n);

	/* A deletes them; B can neither see them in its list, bring them
	 * back nor purge them */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	struct tw_deleted *d;
	assert_true(tw_store_deleted_list(f->st, b, &d, &n, &err));
	assert_int_equal(n, 0);
	tw_deleteds_free(d, n);
	assert_false(tw_store_undelete(f->st, b, TW_REC_ACTION, a.id, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	size_t count;
	assert_true(tw_store_purge(f->st, b, &count, &err));
	assert_int_equal(count, 0);

	/* A's list holds the action, the sponsor and the meeting that goes
	 * with the sponsor; A's purge removes exactly those three */
	assert_true(tw_store_deleted_list(f->st, f->profile, &d, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(d[0].kind, TW_REC_SPONSOR);
	assert_int_equal(d[1].kind, TW_REC_MEETING);
	assert_int_equal(d[1].id, m.id);
	assert_int_equal(d[2].kind, TW_REC_ACTION);
	tw_deleteds_free(d, n);
	assert_true(tw_store_purge(f->st, f->profile, &count, &err));
	assert_int_equal(count, 3);
	assert_true(tw_store_check(f->st, &err));
}

/* A sponsor named "1" is found by that name before sponsor id 1; a
 * profile likewise; digits that name nothing are taken as the id. */
static void test_name_before_id(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_sponsor first = { .profile_id = f->profile, .name = "Dana" };
	assert_true(tw_store_sponsor_add(f->st, &first, &err));
	struct tw_sponsor one = { .profile_id = f->profile, .name = "1" };
	assert_true(tw_store_sponsor_add(f->st, &one, &err));
	assert_int_equal(first.id, 1);
	struct tw_sponsor got;
	assert_true(tw_store_sponsor_find(f->st, f->profile, "1", &got, &err));
	assert_int_equal(got.id, one.id);
	tw_sponsor_finish(&got);
	assert_true(tw_store_sponsor_find(f->st, f->profile, "2", &got, &err));
	assert_int_equal(got.id, one.id); /* no sponsor named "2": id 2 */
	tw_sponsor_finish(&got);

	int64_t named2;
	assert_true(tw_store_profile_add(f->st, "1", "", "", &named2, &err));
	struct tw_profile p;
	assert_true(tw_store_profile_find(f->st, "1", &p, &err));
	assert_int_equal(p.id, named2);
	tw_profile_finish(&p);
	assert_true(tw_store_profile_find(f->st, "2", &p, &err));
	assert_int_equal(p.id, named2); /* named "1", id 2 */
	tw_profile_finish(&p);
	assert_true(tw_store_profile_find(f->st, "Ada", &p, &err));
	assert_int_equal(p.id, f->profile);
	tw_profile_finish(&p);
}

/* The Trash: one profile's deleted records, newest first; a sponsor's
 * meetings ride with it; a private reflection shows no text. */
static void test_trash_list(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Grace" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m1 = { .profile_id = f->profile, .sponsor_id = s.id,
				 .when = (tw_time)time(NULL) + 60 };
	struct tw_meeting m2 = m1;
	m2.when += 3600;
	assert_true(tw_store_meeting_add(f->st, &m1, &err));
	assert_true(tw_store_meeting_add(f->st, &m2, &err));
	int64_t r;
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "hidden text", TW_PRIVACY_PRIVATE, &r,
					     &err));
	size_t count;
	assert_true(tw_store_sponsor_meeting_count(f->st, f->profile, s.id, &count, &err));
	assert_int_equal(count, 2);

	assert_true(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	struct tw_deleted *v;
	size_t n;
	assert_true(tw_store_trash_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 2); /* the sponsor (with its meetings) and the reflection */
	bool saw_sponsor = false, saw_refl = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == TW_REC_SPONSOR) {
			saw_sponsor = true;
			assert_string_equal(v[i].label, "Sponsor Grace (and 2 meetings)");
		} else {
			assert_int_equal(v[i].kind, TW_REC_REFLECTION);
			saw_refl = true;
			assert_null(strstr(v[i].label, "hidden"));
			assert_non_null(strstr(v[i].label, "(private)"));
		}
	}
	assert_true(saw_sponsor && saw_refl);
	tw_deleteds_free(v, n);

	/* another profile's trash is its own, and its count of the sponsor's
	 * meetings is none */
	assert_true(tw_store_sponsor_meeting_count(f->st, f->profile + 1000, s.id, &count, &err));
	assert_int_equal(count, 0);
	assert_true(tw_store_trash_list(f->st, f->profile + 1000, &v, &n, &err));
	assert_int_equal(n, 0);
	tw_deleteds_free(v, n);

	/* a meeting deleted on its own is listed on its own */
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_sponsor_meeting_count(f->st, f->profile, s.id, &count, &err));
	assert_int_equal(count, 2);
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_MEETING, m1.id, &err));
	assert_true(tw_store_trash_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 2);
	bool saw_meeting = false;
	for (size_t i = 0; i < n; i++)
		saw_meeting |= v[i].kind == TW_REC_MEETING && v[i].id == m1.id;
	assert_true(saw_meeting);
	tw_deleteds_free(v, n);
}

/* The number of progress rows of a meeting (run: a check-up run). */
static size_t rows_of(struct fixture *f, int64_t id, bool run)
{
	struct tw_progress *p = NULL;
	size_t n = 0;
	struct tw_error err;
	assert_true(run ? tw_store_progress_list_checkup(f->st, f->profile, id, &p, &n, &err)
			: tw_store_progress_list_in(f->st, f->profile, id, &p, &n, &err));
	tw_progresses_free(p, n);
	return n;
}

static bool has_draft(struct fixture *f, const char *key)
{
	char *text = NULL;
	struct tw_error err;
	assert_true(tw_store_draft_get(f->st, f->profile, key, &text, NULL, &err));
	free(text);
	return text != NULL;
}

/* A purged meeting takes its answers, ticks, ratings and drafts with it,
 * and the list says so first (a private answer's text stays out of it);
 * a purged sponsor takes its check-up runs with theirs. */
static void test_purge_meeting_answers(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Dana" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	tw_time now = (tw_time)time(NULL);
	struct tw_meeting m1 = { .profile_id = f->profile, .sponsor_id = s.id, .when = now + 60 };
	struct tw_meeting m2 = { .profile_id = f->profile, .sponsor_id = s.id, .when = now + 7200 };
	assert_true(tw_store_meeting_add(f->st, &m1, &err));
	assert_true(tw_store_meeting_add(f->st, &m2, &err));
	const char *tick = "before-meeting/homework/read-their-work";
	const char *rate = "after-meeting/reflect-on-it/usefulness";
	const char *refl = "before-meeting/goals/ask";
	assert_true(tw_store_progress_tick_in(f->st, f->profile, m1.id, tick, true, &err));
	assert_true(tw_store_progress_rate_in(f->st, f->profile, m1.id, rate, 4, &err));
	assert_true(tw_store_progress_tick_in(f->st, f->profile, m2.id, tick, true, &err));
	int64_t r_pub, r_priv, r_run, run;
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m1.id, refl, "PUBLIC-WORDS",
						TW_PRIVACY_PUBLIC, &r_pub, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m1.id, "after-meeting/x/y",
						"SECRET-WORDS", TW_PRIVACY_PRIVATE, &r_priv, &err));
	char key1[64], key2[64];
	snprintf(key1, sizeof key1, "before-meeting/goals/other@meeting:%lld", (long long)m1.id);
	snprintf(key2, sizeof key2, "before-meeting/goals/other@meeting:%lld", (long long)m2.id);
	assert_true(tw_store_draft_put(f->st, f->profile, key1, "half a thought", false, &err));
	assert_true(tw_store_draft_put(f->st, f->profile, key2, "another", false, &err));
	assert_true(tw_store_checkup_start(f->st, f->profile, s.id, now, &run, &err));
	assert_true(tw_store_progress_tick_in(f->st, f->profile, run, "checkup/advocacy/material",
					      true, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, run, "checkup/continuum/evidence",
						"RUN-WORDS", TW_PRIVACY_PUBLIC, &r_run, &err));
	char runkey[64];
	snprintf(runkey, sizeof runkey, "checkup/trust/whole-person@checkup:%lld", (long long)run);
	assert_true(tw_store_draft_put(f->st, f->profile, runkey, "run draft", false, &err));

	/* meeting 1 deleted: its two answers go with it, listed as such, and
	 * its tick, rating and draft are named on its line */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_MEETING, m1.id, &err));
	struct tw_deleted *d;
	size_t n;
	assert_true(tw_store_deleted_list(f->st, f->profile, &d, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(d[0].kind, TW_REC_REFLECTION);
	assert_int_equal(d[0].id, r_pub);
	assert_true(d[0].cascade);
	assert_true(d[0].deleted > 0);
	assert_non_null(strstr(d[0].label, "PUBLIC-WORDS (goes with deleted meeting"));
	assert_int_equal(d[1].id, r_priv);
	assert_true(d[1].cascade);
	assert_null(strstr(d[1].label, "SECRET"));
	assert_non_null(strstr(d[1].label, "after-meeting/x/y (private) (goes with deleted meeting"));
	assert_int_equal(d[2].kind, TW_REC_MEETING);
	assert_false(d[2].cascade);
	assert_non_null(strstr(d[2].label, "(and its 3 ticks, ratings and drafts)"));
	tw_deleteds_free(d, n);
	size_t count;
	assert_true(tw_store_purge(f->st, f->profile, &count, &err));
	assert_int_equal(count, 3);
	assert_int_equal(rows_of(f, m1.id, false), 0);
	assert_false(has_draft(f, key1));
	struct tw_reflection r;
	assert_false(tw_store_reflection_get(f->st, r_pub, &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* meeting 2 and the run keep theirs */
	assert_int_equal(rows_of(f, m2.id, false), 1);
	assert_true(has_draft(f, key2));
	assert_int_equal(rows_of(f, run, true), 1);

	/* the sponsor deleted: meeting 2 and the check-up run go with it */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_deleted_list(f->st, f->profile, &d, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(d[0].kind, TW_REC_SPONSOR);
	assert_non_null(strstr(d[0].label, "Dana (and 1 check-up with 2 ticks, ratings and drafts)"));
	assert_int_equal(d[1].kind, TW_REC_REFLECTION);
	assert_int_equal(d[1].id, r_run);
	assert_non_null(strstr(d[1].label, "RUN-WORDS (goes with check-up"));
	assert_int_equal(d[2].kind, TW_REC_MEETING);
	assert_non_null(strstr(d[2].label, "(and its 2 ticks, ratings and drafts)"));
	tw_deleteds_free(d, n);
	assert_true(tw_store_purge(f->st, f->profile, &count, &err));
	assert_int_equal(count, 3);
	assert_int_equal(rows_of(f, m2.id, false), 0);
	assert_false(has_draft(f, key2));
	assert_int_equal(rows_of(f, run, true), 0);
	assert_false(has_draft(f, runkey));
	struct tw_checkup c;
	assert_false(tw_store_checkup_get(f->st, f->profile, run, &c, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_check(f->st, &err));
}

/* A schema-10 database that old purges left orphans in (v10_orphans.db,
 * made by tests/data/store/make_v10_orphans.sh): opening it migrates them
 * away, keeps the live meeting's and run's rows, and a new meeting or run
 * that takes a purged one's id starts with nothing ticked and no draft. */
static void test_migrate_v10_orphans(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v10_orphans.db", 10);
	struct tw_error err = { 0 };
	struct tw_progress *p = NULL;
	size_t n = 0;
	char *text = NULL;
	/* what belongs to meeting 1 and run 1 stays */
	assert_true(tw_store_progress_list_in(f->st, 1, 1, &p, &n, &err));
	assert_int_equal(n, 1);
	assert_string_equal(p[0].item_id, "before-meeting/homework/read-their-work");
	assert_true(p[0].ticked);
	tw_progresses_free(p, n);
	assert_true(tw_store_progress_list_checkup(f->st, 1, 1, &p, &n, &err));
	assert_int_equal(n, 1);
	assert_true(p[0].ticked);
	tw_progresses_free(p, n);
	assert_true(tw_store_draft_get(f->st, 1, "before-meeting/agenda/the-challenge@meeting:1",
				       &text, NULL, &err));
	assert_string_equal(text, "kept draft m1");
	free(text);
	assert_true(tw_store_draft_get(f->st, 1, "checkup/continuum/evidence@checkup:1", &text,
				       NULL, &err));
	assert_string_equal(text, "kept draft c1");
	free(text);
	/* a new meeting takes the purged meeting's id, and none of its rows */
	struct tw_meeting m = { .profile_id = 1, .sponsor_id = 1, .when = 1790000000 };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	assert_int_equal(m.id, 2);
	assert_true(tw_store_progress_list_in(f->st, 1, 2, &p, &n, &err));
	assert_int_equal(n, 0);
	tw_progresses_free(p, n);
	assert_true(tw_store_draft_get(f->st, 1, "before-meeting/agenda/the-challenge@meeting:2",
				       &text, NULL, &err));
	assert_null(text);
	/* and so does a new run */
	int64_t run = 0;
	assert_true(tw_store_checkup_start(f->st, 1, 1, 1790000000, &run, &err));
	assert_int_equal(run, 2);
	assert_true(tw_store_progress_list_checkup(f->st, 1, 2, &p, &n, &err));
	assert_int_equal(n, 0);
	tw_progresses_free(p, n);
	assert_true(tw_store_draft_get(f->st, 1, "checkup/continuum/evidence@checkup:2", &text,
				       NULL, &err));
	assert_null(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_soft_delete_and_undo, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_deleted_list_and_purge, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_profile_boundary, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_name_before_id, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_trash_list, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_purge_meeting_answers, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v10_orphans, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
