/* The agenda builder on a temporary store and the bundled content
 * (TW_CONTENT_DIR): exact agenda text from the before-meeting answers and
 * the sponsor's open action items, and the debrief prefill. */
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
#include "twoway/util.h"

static struct tw_library *lib;

static int group_setup(void **state)
{
	(void)state;
	const char *dir = getenv("TW_CONTENT_DIR");
	if (!dir)
		return -1;
	lib = tw_library_new();
	if (!lib || !tw_library_add_dir(lib, dir, false))
		return -1;
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	tw_library_free(lib);
	return 0;
}

static void reflect(struct fixture *f, const char *item, const char *text)
{
	struct tw_error err;
	assert_non_null(tw_library_item(lib, item, NULL, NULL));
	if (!tw_store_reflection_save(f->st, f->profile, item, text, false, NULL, &err))
		fail_msg("reflect %s: %s", item, err.message);
}

static int64_t sponsor(struct fixture *f, const char *name, struct tw_sponsor *s)
{
	struct tw_error err;
	memset(s, 0, sizeof(*s));
	s->profile_id = f->profile;
	s->name = strdup(name);
	s->title = strdup("");
	s->org = strdup("");
	s->how_met = strdup("");
	s->homework = strdup("");
	if (!tw_store_sponsor_add(f->st, s, &err))
		fail_msg("sponsor: %s", err.message);
	return s->id;
}

static int64_t meeting(struct fixture *f, int64_t sponsor_id, const char *when)
{
	struct tw_meeting m = { 0 };
	struct tw_error err;
	m.profile_id = f->profile;
	m.sponsor_id = sponsor_id;
	assert_true(tw_time_parse(when, &m.when));
	m.agenda = "";
	m.notes = "";
	m.outcome = "";
	if (!tw_store_meeting_add(f->st, &m, &err))
		fail_msg("meeting: %s", err.message);
	return m.id;
}

static void action(struct fixture *f, int64_t meeting_id, const char *text, enum tw_owner owner,
		   const char *due)
{
	struct tw_action a = { 0 };
	struct tw_error err;
	a.profile_id = f->profile;
	a.meeting_id = meeting_id;
	a.text = (char *)text;
	a.owner = owner;
	snprintf(a.due, sizeof(a.due), "%s", due);
	if (!tw_store_action_add(f->st, &a, &err))
		fail_msg("action: %s", err.message);
}

static void test_empty(void **state)
{
	struct fixture *f = *state;
	struct tw_sponsor s;
	sponsor(f, "Grace", &s);
	struct tw_error err;
	char *text = tw_agenda_build(lib, f->st, f->profile, 0, &s, 0, &err);
	assert_non_null(text);
	assert_string_equal(text, "");
	free(text);
	tw_sponsor_finish(&s);
}

static void test_slots_in_order_and_actions(void **state)
{
	struct fixture *f = *state;
	struct tw_sponsor s, other;
	sponsor(f, "Grace", &s);
	sponsor(f, "Linus", &other);
	/* Written out of order; the agenda follows the slot order. */
	reflect(f, "before-meeting/the-ask/the-ask", "  Sponsor me for the platform lead role.\n\n");
	reflect(f, "before-meeting/agenda/the-challenge", "Scaling the on-call rota.");
	reflect(f, "before-meeting/homework/what-i-learned", "She wrote the COBOL paper.\nLikes ships.");
	/* Answers to slots in other guides do not leak in. */
	reflect(f, "after-meeting/what-was-said/notes", "not in the agenda");

	int64_t m1 = meeting(f, s.id, "2030-05-01 10:00");
	int64_t m2 = meeting(f, other.id, "2030-05-02 10:00");
	action(f, m1, "Send the\ndeck", TW_OWNER_ME, "2030-04-01");
	action(f, m1, "Intro to Alan", TW_OWNER_SPONSOR, "");
	action(f, m2, "Not Grace's", TW_OWNER_ME, "");
	action(f, 0, "Free-standing", TW_OWNER_ME, "");

	tw_time when;
	assert_true(tw_time_parse("2030-06-01 09:30", &when));
	struct tw_error err;
	char *text = tw_agenda_build(lib, f->st, f->profile, 0, &s, when, &err);
	assert_non_null(text);
	assert_string_equal(text, "## What I learned about them\n"
				  "She wrote the COBOL paper.\nLikes ships.\n"
				  "\n"
				  "## A challenge I want their input on\n"
				  "Scaling the on-call rota.\n"
				  "\n"
				  "## My ask\n"
				  "Sponsor me for the platform lead role.\n"
				  "\n"
				  "## Open action items\n"
				  "- Send the deck (me, due 2030-04-01, overdue)\n"
				  "- Intro to Alan (Grace)\n");
	free(text);
	tw_sponsor_finish(&s);
	tw_sponsor_finish(&other);
}

static void test_all_six_slots(void **state)
{
	struct fixture *f = *state;
	reflect(f, "before-meeting/homework/what-i-learned", "a");
	reflect(f, "before-meeting/agenda/the-challenge", "b");
	reflect(f, "before-meeting/agenda/their-career", "c");
	reflect(f, "before-meeting/agenda/next-step", "d");
	reflect(f, "before-meeting/feedback/feedback-to-share", "e");
	reflect(f, "before-meeting/the-ask/the-ask", "f");
	struct tw_error err;
	char *text = tw_agenda_build(lib, f->st, f->profile, 0, NULL, 0, &err);
	assert_non_null(text);
	assert_string_equal(text, "## What I learned about them\na\n\n"
				  "## A challenge I want their input on\nb\n\n"
				  "## Questions about their experience\nc\n\n"
				  "## A next step I'm weighing\nd\n\n"
				  "## Feedback to share\ne\n\n"
				  "## My ask\nf\n");
	free(text);
}

static void test_format_joins_and_skips(void **state)
{
	(void)state;
	char *answers[TW_SLOT_COUNT] = { 0 };
	answers[TW_SLOT_ASK] = "x";
	answers[TW_SLOT_FEEDBACK] = "";
	answers[TW_SLOT_NOTES] = "never in an agenda";
	char *text = tw_agenda_format(NULL, 0, answers, NULL, 0);
	assert_string_equal(text, "## My ask\nx\n");
	free(text);
}

static void test_debrief_prefill(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	char *notes, *outcome;
	assert_true(tw_debrief_prefill(lib, f->st, f->profile, 0, &notes, &outcome, &err));
	assert_string_equal(notes, "");
	assert_string_equal(outcome, "");
	free(notes);
	free(outcome);

	reflect(f, "after-meeting/what-was-said/notes", "She liked the plan. ");
	reflect(f, "after-meeting/commitments/outcome", "She will intro me to Alan.");
	reflect(f, "after-meeting/follow-up/follow-up", "Thank-you note on Friday.");
	reflect(f, "before-meeting/the-ask/the-ask", "not in a debrief");
	assert_true(tw_debrief_prefill(lib, f->st, f->profile, 0, &notes, &outcome, &err));
	assert_string_equal(notes, "She liked the plan.");
	assert_string_equal(outcome, "She will intro me to Alan.\n"
				     "\n"
				     "## Follow-up\n"
				     "Thank-you note on Friday.\n");
	free(notes);
	free(outcome);
}

/* A private answer never reaches an agenda or a debrief (the first path
 * of issue 8): its slot says one was left out, a public answer to the same
 * slot stays, and the private ones are there for the sponsee to insert. */
static void test_private_left_out(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	reflect(f, "before-meeting/the-ask/the-ask", "Sponsor me for the lead role.");
	assert_true(tw_store_reflection_save(f->st, f->profile, "before-meeting/the-ask/the-ask",
					     "SECRET-ask", TW_PRIVACY_PRIVATE, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile,
					     "after-meeting/what-was-said/notes", "SECRET-notes",
					     TW_PRIVACY_PRIVATE, NULL, &err));
	reflect(f, "after-meeting/commitments/outcome", "She will intro me to Alan.");
	char *text = tw_agenda_build(lib, f->st, f->profile, 0, NULL, 0, &err);
	assert_non_null(text);
	assert_null(strstr(text, "SECRET"));
	assert_null(strstr(text, "Sponsor me")); /* an earlier version, made private */
	assert_string_equal(text, "## My ask\n" TW_AGENDA_PRIVATE_LEFT_OUT "\n");
	free(text);
	char *notes, *outcome;
	assert_true(tw_debrief_prefill(lib, f->st, f->profile, 0, &notes, &outcome, &err));
	assert_string_equal(notes, TW_AGENDA_PRIVATE_LEFT_OUT);
	assert_string_equal(outcome, "She will intro me to Alan.");
	/* the debrief's Ctrl-P: in place of the line, or where the slot goes */
	char *after[TW_SLOT_COUNT];
	assert_true(tw_agenda_private_answers(lib, f->st, f->profile, 0, TW_AGENDA_AFTER_GUIDE,
					      after, &err));
	assert_string_equal(after[TW_SLOT_NOTES], "SECRET-notes");
	char *n2, *o2;
	assert_true(tw_debrief_insert_private(notes, outcome, after, &n2, &o2));
	assert_string_equal(n2, "SECRET-notes");
	assert_string_equal(o2, "She will intro me to Alan.");
	free(n2);
	free(o2);
	free(after[TW_SLOT_NOTES]);
	after[TW_SLOT_NOTES] = NULL;
	after[TW_SLOT_OUTCOME] = strdup("SECRET-outcome");
	after[TW_SLOT_REPORT_BACK] = strdup("SECRET-report");
	assert_true(tw_debrief_insert_private("typed by hand", "Done.\n\n## Follow-up\nthanks\n",
					      after, &n2, &o2));
	assert_string_equal(n2, "typed by hand");
	assert_non_null(strstr(o2, "Done.\nSECRET-outcome\n\n## Follow-up\nthanks\n"));
	assert_non_null(strstr(o2, "SECRET-report"));
	free(n2);
	free(o2);
	tw_agenda_answers_free(after);
	free(notes);
	free(outcome);
	char *answers[TW_SLOT_COUNT];
	assert_true(tw_agenda_private_answers(lib, f->st, f->profile, 0, TW_AGENDA_BEFORE_GUIDE,
					      answers, &err));
	assert_string_equal(answers[TW_SLOT_ASK], "SECRET-ask");
	assert_null(answers[TW_SLOT_NOTES]);
	/* put in on purpose: in place of the line, or at the end */
	char *with = tw_agenda_insert_private("## My ask\n" TW_AGENDA_PRIVATE_LEFT_OUT "\n\n"
					      "## Open action items\n- x (me)\n", answers);
	assert_string_equal(with, "## My ask\nSECRET-ask\n\n## Open action items\n- x (me)\n");
	free(with);
	with = tw_agenda_insert_private("my own words\n", answers);
	assert_string_equal(with, "my own words\n\n## My ask\nSECRET-ask\n");
	free(with);
	tw_agenda_answers_free(answers);
	/* a public answer to the same slot stays, the private one is left out */
	reflect(f, "before-meeting/agenda/their-career", "How did you choose?");
	assert_true(tw_store_reflection_save(f->st, f->profile, "before-meeting/the-ask/the-ask",
					     "Open ask", TW_PRIVACY_PUBLIC, NULL, &err));
	text = tw_agenda_build(lib, f->st, f->profile, 0, NULL, 0, &err);
	assert_null(strstr(text, "SECRET"));
	assert_non_null(strstr(text, "## My ask\nOpen ask\n"));
	free(text);
	/* a coach view has no private answers to give */
	struct tw_store *c = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(c);
	assert_true(tw_agenda_private_answers(lib, c, f->profile, 0, NULL, answers, &err));
	for (int i = 0; i < TW_SLOT_COUNT; i++)
		assert_null(answers[i]);
	assert_true(tw_debrief_prefill(lib, c, f->profile, 0, &notes, &outcome, &err));
	assert_null(strstr(notes, "SECRET"));
	free(notes);
	free(outcome);
	tw_store_close(c);
}

/* The old walk, the oracle: the whole list of the profile's meetings in
 * order, the pick by the rule tw_agenda_walk_meeting documents. */
static int64_t walk_by_list(struct fixture *f, bool before, tw_time now)
{
	struct tw_meeting *m = NULL;
	size_t n = 0;
	struct tw_error err;
	if (!tw_store_meeting_list(f->st, f->profile, 0, &m, &n, &err))
		fail_msg("meeting list: %s", err.message);
	int64_t pick = 0, fallback = n ? m[n - 1].id : 0;
	for (size_t i = 0; i < n; i++) {
		if (before && !m[i].held && m[i].when >= now && !pick)
			pick = m[i].id;
		if (before && !m[i].held)
			fallback = m[i].id;
		if (!before && m[i].when <= now)
			pick = m[i].id;
	}
	tw_meetings_free(m, n);
	return pick ? pick : fallback;
}

/* The walk's meeting, read through the index a few rows at a time, is the
 * one the whole list gives: times that tie, held and planned meetings, a
 * deleted one, another profile's, each now around every meeting time. */
static void test_walk_meeting_matches_list(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_sponsor s, t;
	int64_t sp = sponsor(f, "Ana", &s);
	tw_sponsor_finish(&s);
	int64_t mine = f->profile, other;
	if (!tw_store_profile_add(f->st, "Other", "", "", &other, &err))
		fail_msg("profile: %s", err.message);
	f->profile = other;
	int64_t osp = sponsor(f, "Olu", &t);
	tw_sponsor_finish(&t);
	meeting(f, osp, "2030-01-05 09:00"); /* the other profile's: never picked */
	f->profile = mine;
	int64_t id;
	for (int before = 0; before <= 1; before++) {
		assert_true(tw_agenda_walk_meeting(f->st, f->profile,
						   before ? TW_AGENDA_BEFORE_GUIDE : TW_AGENDA_AFTER_GUIDE,
						   0, &id, &err));
		assert_int_equal(id, 0); /* no meeting yet */
	}
	const char *days[] = { "2030-01-03 10:00", "2030-01-05 09:00", "2030-01-05 09:00",
			       "2030-01-07 16:30", "2030-01-02 08:00", "2030-01-09 12:00",
			       "2030-01-07 16:30", "2030-01-04 11:00" };
	size_t n = sizeof days / sizeof days[0];
	tw_time times[8];
	srand(12345);
	for (int round = 0; round < 6; round++) {
		/* each round adds the meetings again with other marks */
		for (size_t i = 0; i < n; i++) {
			int64_t m = meeting(f, sp, days[i]);
			assert_true(tw_time_parse(days[i], &times[i]));
			int r = rand() % 4;
			if (r == 0 && !tw_store_meeting_mark_held(f->st, m, NULL, NULL, &err))
				fail_msg("held: %s", err.message);
			if (r == 1 && !tw_store_delete(f->st, f->profile, TW_REC_MEETING, m, &err))
				fail_msg("delete: %s", err.message);
		}
		for (size_t i = 0; i < n; i++)
			for (tw_time d = -1; d <= 1; d++)
				for (int before = 0; before <= 1; before++) {
					tw_time now = times[i] + d;
					const char *g = before ? TW_AGENDA_BEFORE_GUIDE
							       : TW_AGENDA_AFTER_GUIDE;
					assert_true(tw_agenda_walk_meeting(f->st, f->profile, g, now,
									   &id, &err));
					assert_int_equal(id, walk_by_list(f, before, now));
				}
		/* every planned meeting held: the latest, before and after */
		if (round == 4) {
			struct tw_meeting *m = NULL;
			size_t k = 0;
			assert_true(tw_store_meeting_list(f->st, f->profile, 1, &m, &k, &err));
			for (size_t i = 0; i < k; i++)
				assert_true(tw_store_meeting_mark_held(f->st, m[i].id, NULL, NULL,
								       &err));
			tw_meetings_free(m, k);
			assert_true(tw_agenda_walk_meeting(f->st, f->profile,
							   TW_AGENDA_BEFORE_GUIDE, times[0], &id, &err));
			assert_int_equal(id, walk_by_list(f, true, times[0]));
			assert_int_not_equal(id, 0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_slots_in_order_and_actions, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_all_six_slots, store_setup, store_teardown),
		cmocka_unit_test(test_format_joins_and_skips),
		cmocka_unit_test_setup_teardown(test_debrief_prefill, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_private_left_out, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_walk_meeting_matches_list, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
