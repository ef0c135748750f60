/* Unit tests of the planned meetings' index (schema 15) through store.h:
 * a schema-14 database migrates with the index Home's questions read, the
 * meetings due for a debrief and the next planned one come out as the
 * whole list of meetings gives them, before and after writes. */
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
#include "twoway/util.h"

/* The oracle: the profile's planned meetings in order, the ones before
 * now counted, the last of them (by time, then id) its id. */
static size_t due_by_list(struct fixture *f, int64_t profile, tw_time now, int64_t *latest)
{
	struct tw_meeting *m = NULL;
	size_t n = 0, count = 0;
	struct tw_error err;
	if (!tw_store_meeting_list(f->st, profile, 1, &m, &n, &err))
		fail_msg("meeting list: %s", err.message);
	*latest = 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].when < now) {
			count++;
			*latest = m[i].id;
		}
	tw_meetings_free(m, n);
	return count;
}

/* tw_store_meeting_due agrees with the oracle, and its meeting is whole. */
static void due_is(struct fixture *f, int64_t profile, tw_time now, size_t want,
		   int64_t want_id)
{
	struct tw_meeting due;
	size_t n;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_due(f->st, profile, now, &due, &n, &err))
		fail_msg("due: %s", err.message);
	int64_t oracle_id;
	size_t oracle = due_by_list(f, profile, now, &oracle_id);
	if (n != want || oracle != want)
		fail_msg("profile %lld: %zu due (the list says %zu), not %zu", (long long)profile,
			 n, oracle, want);
	assert_int_equal(n ? due.id : 0, want_id);
	assert_int_equal(oracle_id, want_id);
	if (n) {
		assert_int_equal(due.profile_id, profile);
		assert_false(due.held);
		assert_true(due.when < now);
		assert_non_null(due.sponsor_name);
		tw_meeting_finish(&due);
	}
}

/* tests/data/store/v14_planned.db (make_v14_planned.sh): migrated, Ada has
 * meetings 1 and 3 due (3 the latest; 2 is held, 4 deleted, 5 ahead) and 5
 * next; Bo has 6 due. The index is there and follows later writes. */
static void test_migrate_v14(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v14_planned.db", 14);
	const int64_t ada = 1, bo = 2;
	tw_time now;
	assert_true(tw_time_parse("2026-06-01 12:00", &now));
	due_is(f, ada, now, 2, 3);
	due_is(f, bo, now, 1, 6);
	struct tw_meeting next;
	struct tw_error err = { 0 };
	assert_true(tw_store_meeting_next(f->st, ada, now, &next, &err));
	assert_int_equal(next.id, 5);
	tw_meeting_finish(&next);
	assert_false(tw_store_meeting_next(f->st, bo, now, &next, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* writes after the migration: 3 held, 1 deleted, then one more */
	assert_true(tw_store_meeting_mark_held(f->st, 3, "", "", &err));
	due_is(f, ada, now, 1, 1);
	assert_true(tw_store_delete(f->st, ada, TW_REC_MEETING, 1, &err));
	due_is(f, ada, now, 0, 0);
	assert_true(tw_store_undelete(f->st, ada, TW_REC_MEETING, 1, &err));
	due_is(f, ada, now, 1, 1);
	/* before 1's time, none is due yet */
	assert_true(tw_time_parse("2020-01-10 10:00", &now));
	due_is(f, ada, now, 0, 0);
	fixture_check(f, "writing after the migration");
	tw_store_close(f->st);
	f->st = NULL;
	assert_true(fixture_index_has(f->path, "meetings_planned", "held = 0"));
}

/* On a fresh database: meetings at tied times, held, deleted and of
 * another profile, each now around every meeting time, due and oracle
 * agree. */
static void test_due_matches_list(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	int64_t sp[2];
	const int64_t profiles[2] = { f->profile, other };
	for (int p = 0; p < 2; p++) {
		struct tw_sponsor s = { .profile_id = profiles[p] };
		s.name = strdup(p ? "Olu" : "Ana");
		s.title = strdup("");
		s.org = strdup("");
		s.how_met = strdup("");
		s.homework = strdup("");
		if (!tw_store_sponsor_add(f->st, &s, &err))
			fail_msg("sponsor: %s", err.message);
		sp[p] = s.id;
		tw_sponsor_finish(&s);
	}
	const char *days[] = { "2030-01-03 10:00", "2030-01-05 09:00", "2030-01-05 09:00",
			       "2030-01-07 16:30", "2030-01-02 08:00", "2030-01-09 12:00" };
	const size_t n = sizeof days / sizeof days[0];
	tw_time times[sizeof days / sizeof days[0]];
	srand(2468);
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < n; i++) {
			int p = rand() % 3 == 0; /* a third go to the other profile */
			struct tw_meeting m = { .profile_id = profiles[p], .sponsor_id = sp[p],
						.agenda = "", .notes = "", .outcome = "" };
			assert_true(tw_time_parse(days[i], &m.when));
			times[i] = m.when;
			if (!tw_store_meeting_add(f->st, &m, &err))
				fail_msg("meeting: %s", err.message);
			int r = rand() % 4;
			if (r == 0)
				assert_true(tw_store_meeting_mark_held(f->st, m.id, NULL, NULL, &err));
			if (r == 1)
				assert_true(tw_store_delete(f->st, profiles[p], TW_REC_MEETING, m.id,
							    &err));
		}
		for (size_t i = 0; i < n; i++)
			for (tw_time d = -1; d <= 1; d++)
				for (int p = 0; p < 2; p++) {
					int64_t id;
					size_t want = due_by_list(f, profiles[p], times[i] + d, &id);
					due_is(f, profiles[p], times[i] + d, want, id);
				}
	}
	fixture_check(f, "the meetings");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_v14, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_due_matches_list, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
