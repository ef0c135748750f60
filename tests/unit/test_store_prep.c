/* Answers per meeting: the before- and after-meeting walks' reflections,
 * ticks and ratings belong to one meeting, "last time" reads the meeting
 * before, the agenda of a meeting reads its own answers, private answers
 * stay private, a JSON export round-trips the meeting, and a schema-5
 * database (tests/data/store/v5.db, make_v5.sh) migrates: today's answers
 * become the latest meeting's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/agenda.h"

#define CHALLENGE "before-meeting/agenda/the-challenge"
#define FEEDBACK "before-meeting/feedback/feedback-to-share"
#define READ "before-meeting/homework/read-their-work"
#define READY "before-meeting/logistics/readiness"
#define PRACTICE "six-practices/proactive/their-story"

static int64_t add_meeting(struct fixture *f, int64_t profile, int64_t sponsor, tw_time at)
{
	struct tw_error err = { 0 };
	struct tw_meeting m = { .profile_id = profile, .sponsor_id = sponsor, .when = at,
				.agenda = "", .notes = "", .outcome = "" };
	if (!tw_store_meeting_add(f->st, &m, &err))
		fail_msg("meeting: %s", err.message);
	return m.id;
}

static int64_t add_sponsor(struct fixture *f, int64_t profile, const char *name)
{
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = profile, .name = (char *)name };
	if (!tw_store_sponsor_add(f->st, &s, &err))
		fail_msg("sponsor: %s", err.message);
	return s.id;
}

static char *answer(struct tw_store *st, int64_t profile, int64_t meeting, const char *item)
{
	struct tw_reflection r;
	struct tw_error err = { 0 };
	if (!tw_store_reflection_get_item_in(st, profile, meeting, item, &r, &err)) {
		assert_int_equal(err.code, TW_ERR_NOTFOUND);
		return NULL;
	}
	char *t = r.text;
	r.text = NULL;
	assert_int_equal(r.meeting_id, meeting);
	tw_reflection_finish(&r);
	return t;
}

/* Meeting 2 starts empty, meeting 1's answer beside it as last time. */
static void test_answers_per_meeting(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, f->profile, "Dana");
	int64_t m1 = add_meeting(f, f->profile, dana, 1900000000);
	int64_t m2 = add_meeting(f, f->profile, dana, 1900600000);
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m1, CHALLENGE, "first words",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_null(answer(f->st, f->profile, m2, CHALLENGE));
	assert_null(answer(f->st, f->profile, 0, CHALLENGE));
	struct tw_reflection r;
	assert_true(tw_store_reflection_last_time(f->st, f->profile, m2, CHALLENGE, &r, &err));
	assert_string_equal(r.text, "first words");
	assert_int_equal(r.meeting_id, m1);
	tw_reflection_finish(&r);
	/* nothing came before meeting 1 */
	assert_false(tw_store_reflection_last_time(f->st, f->profile, m1, CHALLENGE, &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* meeting 2's own answer leaves meeting 1's alone */
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m2, CHALLENGE, "second words",
						TW_PRIVACY_KEEP, NULL, &err));
	char *t = answer(f->st, f->profile, m1, CHALLENGE);
	assert_string_equal(t, "first words");
	free(t);
	t = answer(f->st, f->profile, m2, CHALLENGE);
	assert_string_equal(t, "second words");
	free(t);
	/* ticks and ratings the same way */
	assert_true(tw_store_progress_tick_in(f->st, f->profile, m1, READ, true, &err));
	assert_true(tw_store_progress_rate_in(f->st, f->profile, m1, READY, 4, &err));
	struct tw_progress *p = NULL;
	size_t n = 0;
	assert_true(tw_store_progress_list_in(f->st, f->profile, m2, &p, &n, &err));
	assert_int_equal(n, 0);
	assert_true(tw_store_progress_list_in(f->st, f->profile, m1, &p, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(p[0].item_id, READ);
	assert_true(p[0].ticked);
	assert_int_equal(p[1].rating, 4);
	tw_progresses_free(p, n);
	assert_true(tw_store_progress_list(f->st, f->profile, &p, &n, &err));
	assert_int_equal(n, 0); /* the profile's own progress is untouched */
	struct tw_progress last;
	assert_true(tw_store_progress_last_time(f->st, f->profile, m2, READY, &last, &err));
	assert_int_equal(last.rating, 4);
	assert_int_equal(last.meeting_id, m1);
	tw_progress_finish(&last);
	/* a later meeting is not "last time" for an earlier one */
	assert_false(tw_store_progress_last_time(f->st, f->profile, m1, READ, &last, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* an answer tied to no meeting (written before any was planned) is
	 * last time when no earlier meeting has one */
	assert_true(tw_store_reflection_save(f->st, f->profile, FEEDBACK, "untied words",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_last_time(f->st, f->profile, m2, FEEDBACK, &r, &err));
	assert_string_equal(r.text, "untied words");
	assert_int_equal(r.meeting_id, 0);
	tw_reflection_finish(&r);
	assert_true(tw_store_reflection_last_time(f->st, f->profile, m2, CHALLENGE, &r, &err));
	assert_int_equal(r.meeting_id, m1); /* an earlier meeting's comes first */
	tw_reflection_finish(&r);
	/* the agenda of each meeting reads its own answers */
	char *a1 = tw_agenda_build(content_lib, f->st, f->profile, m1, NULL, 0, &err);
	char *a2 = tw_agenda_build(content_lib, f->st, f->profile, m2, NULL, 0, &err);
	assert_non_null(strstr(a1, "first words"));
	assert_null(strstr(a1, "second words"));
	assert_non_null(strstr(a2, "second words"));
	assert_null(strstr(a2, "first words"));
	free(a1);
	free(a2);
}

/* Only a live meeting of the profile takes answers; other items are the
 * profile's whatever meeting is asked for. */
static void test_meeting_refused(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other = 0;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	int64_t theirs = add_meeting(f, other, add_sponsor(f, other, "Eve"), 1900000000);
	assert_false(tw_store_reflection_save_in(f->st, f->profile, theirs, CHALLENGE, "x",
						 TW_PRIVACY_KEEP, NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_progress_tick_in(f->st, f->profile, theirs, READ, true, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_progress_tick_in(f->st, f->profile, 999, READ, true, &err));
	assert_null(answer(f->st, f->profile, theirs, CHALLENGE));
	struct tw_progress *p = NULL;
	size_t n = 0;
	assert_true(tw_store_progress_list_in(f->st, f->profile, theirs, &p, &n, &err));
	assert_int_equal(n, 0);
	assert_true(tw_agenda_per_meeting(CHALLENGE));
	assert_true(tw_agenda_per_meeting("after-meeting/what-was-said/notes"));
	assert_false(tw_agenda_per_meeting(PRACTICE));
	assert_false(tw_agenda_per_meeting("before-meetingx/a/b"));
	assert_false(tw_agenda_per_meeting(NULL));
}

/* Last time's private answer reads as the marker in a coach view, and
 * stays out of the next meeting's agenda. */
static void test_private_last_time(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, f->profile, "Dana");
	int64_t m1 = add_meeting(f, f->profile, dana, 1900000000);
	int64_t m2 = add_meeting(f, f->profile, dana, 1900600000);
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m1, FEEDBACK, "SECRET-fb",
						TW_PRIVACY_PRIVATE, NULL, &err));
	struct tw_store *c = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(c);
	struct tw_reflection r;
	assert_true(tw_store_reflection_last_time(c, f->profile, m2, FEEDBACK, &r, &err));
	assert_true(r.hidden);
	assert_true(r.is_private);
	assert_string_equal(r.text, TW_PRIVATE_MARKER);
	tw_reflection_finish(&r);
	tw_store_close(c);
	char *a = tw_agenda_build(content_lib, f->st, f->profile, m1, NULL, 0, &err);
	assert_null(strstr(a, "SECRET"));
	assert_non_null(strstr(a, TW_AGENDA_PRIVATE_LEFT_OUT));
	free(a);
}

/* A JSON export carries each answer's meeting; importing it into an empty
 * database restores them per meeting. */
static void test_json_round_trip(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = add_sponsor(f, f->profile, "Dana");
	int64_t m1 = add_meeting(f, f->profile, dana, 1900000000);
	int64_t m2 = add_meeting(f, f->profile, dana, 1900600000);
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m1, CHALLENGE, "one",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m2, CHALLENGE, "two",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, CHALLENGE, "none",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_progress_tick_in(f->st, f->profile, m2, READ, true, &err));
	assert_true(tw_store_progress_tick(f->st, f->profile, READ, false, &err));
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
	char *t = answer(b, f->profile, m1, CHALLENGE);
	assert_string_equal(t, "one");
	free(t);
	t = answer(b, f->profile, m2, CHALLENGE);
	assert_string_equal(t, "two");
	free(t);
	t = answer(b, f->profile, 0, CHALLENGE);
	assert_string_equal(t, "none");
	free(t);
	struct tw_progress *p = NULL;
	size_t n = 0;
	assert_true(tw_store_progress_list_in(b, f->profile, m2, &p, &n, &err));
	assert_int_equal(n, 1);
	assert_true(p[0].ticked);
	tw_progresses_free(p, n);
	assert_true(tw_store_progress_list(b, f->profile, &p, &n, &err));
	assert_int_equal(n, 1);
	assert_false(p[0].ticked);
	tw_progresses_free(p, n);
	/* a second import changes nothing */
	assert_true(tw_store_import_json(b, out, len, "x.json", NULL, &d));
	assert_true(tw_store_progress_list_in(b, f->profile, m2, &p, &n, &err));
	assert_int_equal(n, 1);
	tw_progresses_free(p, n);
	tw_store_close(b);
	free(out);
}

/* v5.db: Ada's before- and after-meeting answers become those of her
 * latest meeting (2), her six-practices answer stays hers; Bo, who has no
 * meeting, keeps his untied; the draft follows its answer. */
static void test_migrate_v5(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v5.db", 5);
	struct tw_error err = { 0 };
	char *t = answer(f->st, 1, 2, CHALLENGE);
	assert_string_equal(t, "v5 challenge words");
	free(t);
	t = answer(f->st, 1, 2, "after-meeting/what-was-said/notes");
	assert_string_equal(t, "v5 notes words");
	free(t);
	assert_null(answer(f->st, 1, 0, CHALLENGE));
	assert_null(answer(f->st, 1, 1, CHALLENGE));
	t = answer(f->st, 1, 0, PRACTICE);
	assert_string_equal(t, "v5 practice words");
	free(t);
	t = answer(f->st, 2, 0, CHALLENGE);
	assert_string_equal(t, "Bo's challenge");
	free(t);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item_in(f->st, 1, 2, FEEDBACK, &r, &err));
	assert_true(r.is_private); /* still private */
	tw_reflection_finish(&r);
	struct tw_progress *p = NULL;
	size_t n = 0;
	assert_true(tw_store_progress_list_in(f->st, 1, 2, &p, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(p[0].item_id, "after-meeting/follow-up/thank-you");
	assert_string_equal(p[1].item_id, READ);
	assert_string_equal(p[2].item_id, READY);
	assert_int_equal(p[2].rating, 4);
	tw_progresses_free(p, n);
	assert_true(tw_store_progress_list(f->st, 1, &p, &n, &err));
	assert_int_equal(n, 0);
	char *d = NULL;
	bool priv = false;
	assert_true(tw_store_draft_get(f->st, 1, "before-meeting/the-ask/the-ask@meeting:2", &d,
				       &priv, &err));
	assert_string_equal(d, "v5 draft words");
	free(d);
	/* the next meeting starts clean, meeting 2's answer as last time */
	int64_t m3 = add_meeting(f, 1, 1, 1900000000);
	assert_null(answer(f->st, 1, m3, CHALLENGE));
	assert_true(tw_store_reflection_last_time(f->st, 1, m3, CHALLENGE, &r, &err));
	assert_string_equal(r.text, "v5 challenge words");
	tw_reflection_finish(&r);
	/* search still finds the migrated answers */
	struct tw_hit *h = NULL;
	assert_true(tw_store_search(f->st, 1, "challenge", 10, &h, &n, &err));
	assert_true(n >= 1);
	tw_hits_free(h, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_answers_per_meeting, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_meeting_refused, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_private_last_time, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_json_round_trip, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v5, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, content_setup, content_teardown);
}
