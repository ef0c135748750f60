/* Unit tests of the store's meeting, action item and coaching session
 * records through store.h: add, read, list filters, updates, bad input. */
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
#include "twoway/util.h"

static int64_t add_sponsor(struct fixture *f, const char *name)
{
	struct tw_error err;
	struct tw_sponsor s = { .profile_id = f->profile, .name = (char *)name };
	if (!tw_store_sponsor_add(f->st, &s, &err))
		fail_msg("sponsor: %s", err.message);
	return s.id;
}

static void test_meetings(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t sid = add_sponsor(f, "Grace");
	tw_time now = (tw_time)time(NULL);
	struct tw_meeting past = { .profile_id = f->profile, .sponsor_id = sid,
				   .when = now - 86400, .agenda = "old agenda" };
	struct tw_meeting soon = { .profile_id = f->profile, .sponsor_id = sid,
				   .when = now + 3600, .agenda = "ask for \xe2\x80\x9cstretch\xe2\x80\x9d work" };
	struct tw_meeting later = { .profile_id = f->profile, .sponsor_id = sid,
				    .when = now + 86400 * 7 };
	assert_true(tw_store_meeting_add(f->st, &later, &err));
	assert_true(tw_store_meeting_add(f->st, &soon, &err));
	assert_true(tw_store_meeting_add(f->st, &past, &err));
	assert_true(soon.id > 0);

	struct tw_meeting bad = { .profile_id = f->profile, .sponsor_id = sid };
	assert_false(tw_store_meeting_add(f->st, &bad, &err)); /* no time */
	assert_int_equal(err.code, TW_ERR_INVALID);
	bad.when = now;
	bad.sponsor_id = 999;
	assert_false(tw_store_meeting_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	bad.sponsor_id = sid;
	bad.notes = "\x1b]0;evil\x07";
	assert_false(tw_store_meeting_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);

	struct tw_meeting m;
	assert_true(tw_store_meeting_next(f->st, f->profile, now, &m, &err));
	assert_int_equal(m.id, soon.id);
	assert_string_equal(m.sponsor_name, "Grace");
	assert_string_equal(m.agenda, soon.agenda);
	assert_string_equal(m.notes, "");
	assert_false(m.held);
	tw_meeting_finish(&m);

	assert_true(tw_store_meeting_mark_held(f->st, soon.id, "went well", "she will intro me",
					       &err));
	assert_true(tw_store_meeting_mark_held(f->st, past.id, NULL, NULL, &err));
	assert_false(tw_store_meeting_mark_held(f->st, 999, NULL, NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_meeting_next(f->st, f->profile, now, &m, &err));
	assert_int_equal(m.id, later.id);
	tw_meeting_finish(&m);
	assert_false(tw_store_meeting_next(f->st, f->profile, now + 86400 * 30, &m, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	struct tw_meeting *v;
	size_t n;
	assert_true(tw_store_meeting_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, past.id); /* by time */
	assert_int_equal(v[2].id, later.id);
	tw_meetings_free(v, n);
	assert_true(tw_store_meeting_list(f->st, f->profile, 1, &v, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, later.id);
	tw_meetings_free(v, n);
	assert_true(tw_store_meeting_list(f->st, f->profile, 2, &v, &n, &err));
	assert_int_equal(n, 2);
	tw_meetings_free(v, n);

	assert_true(tw_store_meeting_get(f->st, soon.id, &m, &err));
	assert_true(m.held);
	assert_string_equal(m.notes, "went well");
	assert_string_equal(m.outcome, "she will intro me");
	free(m.agenda);
	m.agenda = strdup("revised");
	assert_true(tw_store_meeting_update(f->st, &m, &err));
	tw_meeting_finish(&m);
	assert_true(tw_store_meeting_get(f->st, soon.id, &m, &err));
	assert_string_equal(m.agenda, "revised");
	tw_meeting_finish(&m);
	assert_false(tw_store_meeting_get(f->st, 999, &m, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
}

static void test_actions(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t sid = add_sponsor(f, "Grace");
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = sid,
				.when = (tw_time)time(NULL) };
	assert_true(tw_store_meeting_add(f->st, &m, &err));

	struct tw_action a1 = { .profile_id = f->profile, .text = "send the deck",
				.due = "2024-01-10", .meeting_id = m.id };
	struct tw_action a2 = { .profile_id = f->profile, .text = "intro to VP",
				.owner = TW_OWNER_SPONSOR, .due = "2030-01-01", .meeting_id = m.id };
	struct tw_action a3 = { .profile_id = f->profile, .text = "read her book" };
	struct tw_action a4 = { .profile_id = f->profile, .text = "done already",
				.due = "2024-01-01", .done = "2024-01-02" };
	assert_true(tw_store_action_add(f->st, &a3, &err));
	assert_true(tw_store_action_add(f->st, &a2, &err));
	assert_true(tw_store_action_add(f->st, &a1, &err));
	assert_true(tw_store_action_add(f->st, &a4, &err));
	assert_true(a1.id > 0 && a1.created > 0);

	struct tw_action bad = { .profile_id = f->profile, .text = "x", .due = "2024-02-30" };
	assert_false(tw_store_action_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	memset(bad.due, 0, sizeof bad.due);
	bad.text = " ";
	assert_false(tw_store_action_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	bad.text = "x";
	bad.meeting_id = 999;
	assert_false(tw_store_action_add(f->st, &bad, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	struct tw_action *v;
	size_t n;
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_OPEN, "2025-06-01",
					 &v, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, a1.id); /* by due date, undated last */
	assert_int_equal(v[1].id, a2.id);
	assert_int_equal(v[1].owner, TW_OWNER_SPONSOR);
	assert_int_equal(v[1].meeting_id, m.id);
	assert_int_equal(v[2].id, a3.id);
	assert_int_equal(v[2].meeting_id, 0);
	assert_string_equal(v[2].due, "");
	tw_actions_free(v, n);
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_OVERDUE, "2025-06-01",
					 &v, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a1.id);
	tw_actions_free(v, n);
	assert_true(tw_store_action_list(f->st, f->profile, m.id, TW_ACTIONS_ALL, NULL, &v, &n,
					 &err));
	assert_int_equal(n, 2);
	tw_actions_free(v, n);
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_ALL, NULL, &v, &n,
					 &err));
	assert_int_equal(n, 4);
	tw_actions_free(v, n);

	assert_true(tw_store_action_done(f->st, a1.id, "2025-05-30", &err));
	assert_true(tw_store_action_done(f->st, a3.id, NULL, &err));
	assert_false(tw_store_action_done(f->st, a3.id, "yesterday", &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_action_done(f->st, 999, NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_OPEN, NULL, &v, &n,
					 &err));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a2.id);
	tw_actions_free(v, n);
	assert_true(tw_store_action_done(f->st, a1.id, "", &err)); /* reopen */
	assert_true(tw_store_action_list(f->st, f->profile, 0, TW_ACTIONS_ALL, NULL, &v, &n,
					 &err));
	char today[11];
	tw_today(today, sizeof today);
	for (size_t i = 0; i < n; i++) {
		if (v[i].id == a1.id)
			assert_string_equal(v[i].done, "");
		if (v[i].id == a3.id)
			assert_string_equal(v[i].done, today);
	}
	tw_actions_free(v, n);
}

/* Editing an action item changes text, owner, due date and meeting and
 * keeps its profile and done date; reads name the meeting's sponsor; a
 * meeting of another profile or a deleted item is refused. */
static void test_action_edit(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t grace = add_sponsor(f, "Grace"), ada = add_sponsor(f, "Ada");
	struct tw_meeting m1 = { .profile_id = f->profile, .sponsor_id = grace, .when = 1 };
	struct tw_meeting m2 = { .profile_id = f->profile, .sponsor_id = ada, .when = 2 };
	assert_true(tw_store_meeting_add(f->st, &m1, &err));
	assert_true(tw_store_meeting_add(f->st, &m2, &err));
	struct tw_action a = { .profile_id = f->profile, .text = "send the deck",
			       .due = "2024-01-10", .done = "2024-01-09", .meeting_id = m1.id };
	assert_true(tw_store_action_add(f->st, &a, &err));

	struct tw_action got = { 0 };
	assert_true(tw_store_action_get(f->st, a.id, &got, &err));
	assert_string_equal(got.sponsor_name, "Grace");
	tw_action_finish(&got);

	struct tw_action e = { .id = a.id, .text = "send the revised deck",
			       .owner = TW_OWNER_SPONSOR, .due = "2024-02-01",
			       .meeting_id = m2.id };
	assert_true(tw_store_action_update(f->st, &e, &err));
	assert_true(tw_store_action_get(f->st, a.id, &got, &err));
	assert_string_equal(got.text, "send the revised deck");
	assert_int_equal(got.owner, TW_OWNER_SPONSOR);
	assert_string_equal(got.due, "2024-02-01");
	assert_string_equal(got.done, "2024-01-09"); /* kept */
	assert_int_equal(got.meeting_id, m2.id);
	assert_int_equal(got.profile_id, f->profile);
	assert_string_equal(got.sponsor_name, "Ada");
	tw_action_finish(&got);

	e.meeting_id = 0;
	memset(e.due, 0, sizeof e.due);
	assert_true(tw_store_action_update(f->st, &e, &err));
	assert_true(tw_store_action_get(f->st, a.id, &got, &err));
	assert_int_equal(got.meeting_id, 0);
	assert_string_equal(got.due, "");
	assert_null(got.sponsor_name);
	tw_action_finish(&got);

	/* the search index follows the new text */
	struct tw_hit *h = NULL;
	size_t nh = 0;
	assert_true(tw_store_search(f->st, f->profile, "revised", 0, &h, &nh, &err));
	assert_int_equal(nh, 1);
	tw_hits_free(h, nh);

	snprintf(e.due, sizeof e.due, "2024-02-30");
	assert_false(tw_store_action_update(f->st, &e, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	memset(e.due, 0, sizeof e.due);
	e.text = "";
	assert_false(tw_store_action_update(f->st, &e, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	e.text = "x";
	/* a meeting of another profile */
	int64_t other = 0;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	struct tw_sponsor os = { .profile_id = other, .name = "Zed", .title = "", .org = "",
				 .how_met = "", .homework = "" };
	assert_true(tw_store_sponsor_add(f->st, &os, &err));
	struct tw_meeting om = { .profile_id = other, .sponsor_id = os.id, .when = 3 };
	assert_true(tw_store_meeting_add(f->st, &om, &err));
	e.meeting_id = om.id;
	assert_false(tw_store_action_update(f->st, &e, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	e.meeting_id = 0;
	e.id = 999;
	assert_false(tw_store_action_update(f->st, &e, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* nothing of the refused edits stuck */
	assert_true(tw_store_action_get(f->st, a.id, &got, &err));
	assert_string_equal(got.text, "send the revised deck");
	tw_action_finish(&got);
}

/* Sponsors are found by name case-insensitively (Unicode folding) or by
 * id; a name two sponsors share is refused with their ids; the same
 * sponsor at the same time is reported as a double booking. */
static void test_sponsor_names(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t dana = add_sponsor(f, "Dana Reyes"), jose = add_sponsor(f, "JOSÉ ÁLVAREZ");
	struct tw_sponsor s = { 0 };
	assert_true(tw_store_sponsor_find(f->st, f->profile, "dana reyes", &s, &err));
	assert_int_equal(s.id, dana);
	tw_sponsor_finish(&s);
	assert_true(tw_store_sponsor_find(f->st, f->profile, "josé álvarez", &s, &err));
	assert_int_equal(s.id, jose);
	tw_sponsor_finish(&s);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)dana);
	assert_true(tw_store_sponsor_find(f->st, f->profile, id, &s, &err));
	assert_int_equal(s.id, dana);
	tw_sponsor_finish(&s);
	/* the leading words of one name find her; a word inside does not */
	assert_true(tw_store_sponsor_find(f->st, f->profile, "DANA", &s, &err));
	assert_int_equal(s.id, dana);
	tw_sponsor_finish(&s);
	assert_false(tw_store_sponsor_find(f->st, f->profile, "Reyes", &s, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_false(tw_store_sponsor_find(f->st, f->profile, "Dan", &s, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	int64_t lee = add_sponsor(f, "dana Lee");
	assert_false(tw_store_sponsor_find(f->st, f->profile, "dana", &s, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	char two[128];
	snprintf(two, sizeof two, "'dana' names 2 sponsors: %lld dana Lee, %lld Dana Reyes; use the id",
		 (long long)lee, (long long)dana);
	assert_string_equal(err.message, two);
	/* a whole name wins over a leading word of another */
	assert_true(tw_store_sponsor_find(f->st, f->profile, "Dana lee", &s, &err));
	assert_int_equal(s.id, lee);
	tw_sponsor_finish(&s);
	int64_t dana2 = add_sponsor(f, "DANA REYES");
	assert_false(tw_store_sponsor_find(f->st, f->profile, "Dana Reyes", &s, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	char want[128];
	snprintf(want, sizeof want, "'Dana Reyes' names 2 sponsors: %lld Dana Reyes, %lld DANA REYES; use the id",
		 (long long)dana, (long long)dana2);
	assert_non_null(strstr(err.message, want));
	/* one of them deleted: the name is plain again */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, dana2, &err));
	assert_true(tw_store_sponsor_find(f->st, f->profile, "DANA reyes", &s, &err));
	assert_int_equal(s.id, dana);
	tw_sponsor_finish(&s);

	char *a = tw_casefold("Straße ÉCOLE"), *b = tw_casefold("STRASSE école");
	assert_non_null(a);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_null(tw_casefold("\xff"));

	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = dana, .when = 1000 };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	int64_t clash = -1;
	assert_true(tw_store_meeting_clash(f->st, f->profile, dana, 1000, 0, &clash, &err));
	assert_int_equal(clash, m.id);
	assert_true(tw_store_meeting_clash(f->st, f->profile, dana, 1000, m.id, &clash, &err));
	assert_int_equal(clash, 0); /* itself, when it is the one being edited */
	assert_true(tw_store_meeting_clash(f->st, f->profile, dana, 1060, 0, &clash, &err));
	assert_int_equal(clash, 0);
	assert_true(tw_store_meeting_clash(f->st, f->profile, jose, 1000, 0, &clash, &err));
	assert_int_equal(clash, 0);
}

static void test_coaching(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t id;
	assert_true(tw_store_coaching_start(f->st, f->profile, "Coach Carter", &id, &err));
	assert_false(tw_store_coaching_start(f->st, f->profile, "", NULL, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_start(f->st, 999, "C", NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_coaching c;
	assert_true(tw_store_coaching_get(f->st, id, &c, &err));
	assert_int_equal(c.ended, 0);
	assert_true(c.started > 0);
	assert_string_equal(c.coach, "Coach Carter");
	tw_coaching_finish(&c);
	assert_true(tw_store_coaching_notes(f->st, id, "asks good questions", &err));
	assert_true(tw_store_coaching_end(f->st, id, "3 items ticked", &err));
	assert_false(tw_store_coaching_notes(f->st, 999, "x", &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_coaching *v;
	size_t n;
	assert_true(tw_store_coaching_list(f->st, f->profile, &v, &n, &err));
	assert_int_equal(n, 1);
	assert_string_equal(v[0].notes, "asks good questions");
	assert_string_equal(v[0].covered, "3 items ticked");
	assert_true(v[0].ended >= v[0].started);
	tw_coachings_free(v, n);
	/* coach notes never show up as reflections */
	struct tw_reflection *r;
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &r, &n, &err));
	assert_int_equal(n, 0);
	tw_reflections_free(r, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_meetings, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_actions, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_action_edit, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_sponsor_names, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_coaching, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
