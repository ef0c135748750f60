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

	assert_true(tw_store_delete(f->st, TW_REC_REFLECTION, r, &err));
	assert_false(tw_store_delete(f->st, TW_REC_REFLECTION, r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_reflection rr;
	assert_false(tw_store_reflection_get(f->st, r, &rr, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 0);
	tw_reflections_free(v, n);
	assert_true(tw_store_undelete(f->st, TW_REC_REFLECTION, r, &err));
	assert_false(tw_store_undelete(f->st, TW_REC_REFLECTION, r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_reflection_get(f->st, r, &rr, &err));
	assert_string_equal(rr.text, "v2");
	assert_int_equal(rr.version, 2);
	tw_reflection_finish(&rr);

	/* a sponsor takes its meetings along and brings them back */
	assert_true(tw_store_delete(f->st, TW_REC_SPONSOR, s.id, &err));
	struct tw_meeting *mv;
	assert_true(tw_store_meeting_list(f->st, f->profile, 0, &mv, &n, &err));
	assert_int_equal(n, 0);
	tw_meetings_free(mv, n);
	assert_false(tw_store_undelete(f->st, TW_REC_MEETING, m.id, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_true(tw_store_undelete(f->st, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_meeting_list(f->st, f->profile, 0, &mv, &n, &err));
	assert_int_equal(n, 1);
	tw_meetings_free(mv, n);

	/* a deleted profile frees its name; undelete then clashes */
	int64_t bo, bo2;
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &bo, &err));
	assert_true(tw_store_profile_use(f->st, bo, &err));
	assert_true(tw_store_delete(f->st, TW_REC_PROFILE, bo, &err));
	struct tw_profile p;
	assert_true(tw_store_profile_current(f->st, &p, &err));
	assert_int_equal(p.id, f->profile);
	tw_profile_finish(&p);
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &bo2, &err));
	assert_false(tw_store_undelete(f->st, TW_REC_PROFILE, bo, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	assert_false(tw_store_delete(f->st, (enum tw_record_kind)77, 1, &err));
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

	assert_true(tw_store_delete(f->st, TW_REC_REFLECTION, gone, &err));
	assert_true(tw_store_delete(f->st, TW_REC_ACTION, a.id, &err));
	assert_true(tw_store_delete(f->st, TW_REC_PROFILE, other, &err));
	assert_true(tw_store_delete(f->st, TW_REC_COACHING, cs, &err));

	struct tw_deleted *d;
	size_t n;
	assert_true(tw_store_deleted_list(f->st, &d, &n, &err));
	assert_int_equal(n, 4);
	bool saw[6] = { false };
	for (size_t i = 0; i < n; i++) {
		saw[d[i].kind] = true;
		assert_true(d[i].deleted > 0);
		if (d[i].kind == TW_REC_REFLECTION) {
			assert_int_equal(d[i].id, gone);
			assert_non_null(strstr(d[i].label, "g/s/gone"));
		}
		if (d[i].kind == TW_REC_PROFILE)
			assert_non_null(strstr(d[i].label, "Temp"));
		if (d[i].kind == TW_REC_ACTION)
			assert_non_null(strstr(d[i].label, "an action to drop"));
	}
	assert_true(saw[TW_REC_REFLECTION] && saw[TW_REC_ACTION] && saw[TW_REC_PROFILE] &&
		    saw[TW_REC_COACHING]);
	tw_deleteds_free(d, n);

	size_t count;
	assert_true(tw_store_purge(f->st, &count, &err));
	assert_int_equal(count, 4);
	assert_true(tw_store_deleted_list(f->st, &d, &n, &err));
	assert_int_equal(n, 0);
	tw_deleteds_free(d, n);
	assert_false(tw_store_undelete(f->st, TW_REC_REFLECTION, gone, &err));
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
	assert_true(tw_store_purge(f->st, &count, &err));
	assert_int_equal(count, 0);
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
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "hidden text", true, &r,
					     &err));
	size_t count;
	assert_true(tw_store_sponsor_meeting_count(f->st, s.id, &count, &err));
	assert_int_equal(count, 2);

	assert_true(tw_store_delete(f->st, TW_REC_REFLECTION, r, &err));
	assert_true(tw_store_delete(f->st, TW_REC_SPONSOR, s.id, &err));
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

	/* another profile's trash is its own */
	assert_true(tw_store_trash_list(f->st, f->profile + 1000, &v, &n, &err));
	assert_int_equal(n, 0);
	tw_deleteds_free(v, n);

	/* a meeting deleted on its own is listed on its own */
	assert_true(tw_store_undelete(f->st, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_sponsor_meeting_count(f->st, s.id, &count, &err));
	assert_int_equal(count, 2);
	assert_true(tw_store_delete(f->st, TW_REC_MEETING, m1.id, &err));
	assert_true(tw_store_trash_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 2);
	bool saw_meeting = false;
	for (size_t i = 0; i < n; i++)
		saw_meeting |= v[i].kind == TW_REC_MEETING && v[i].id == m1.id;
	assert_true(saw_meeting);
	tw_deleteds_free(v, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_soft_delete_and_undo, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_deleted_list_and_purge, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_trash_list, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
