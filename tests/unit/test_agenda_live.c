/* Live agendas (agenda.h, agenda_live.c) against a moving "today": the
 * derived part (the sponsor's open action items, those due before the
 * meeting first) is made when shown; an item done today goes, an item due
 * before the meeting comes; hand edits survive; regenerating and its undo;
 * the send-ahead agenda through a coach view only; and a schema-7 database
 * (tests/data/store/v7_agendas.db, make_v7_agendas.sh) with frozen agendas migrates;
 * a schema-12 database (v12_actions.db, make_v12_actions.sh) gains the
 * index of the open items of meetings, and the agendas read the same items
 * through it as writes come and go; the many-meetings agendas
 * (agenda_many.c) hand over the same text with and without a copy. */
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
#include "twoway/agenda.h"
#include "twoway/export.h"

#define CHALLENGE "before-meeting/agenda/the-challenge"
#define FEEDBACK "before-meeting/feedback/feedback-to-share"
#define ASK "before-meeting/the-ask/the-ask"
#define LEARNED "before-meeting/homework/what-i-learned"

static tw_time local(int y, int mo, int d, int h)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
			 .tm_isdst = -1 };
	return (tw_time)mktime(&tm);
}

static int64_t sponsor(struct fixture *f, const char *name)
{
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = f->profile, .name = (char *)name,
				.homework = (char *)"HOMEWORK-WORDS she wrote the storage book" };
	if (!tw_store_sponsor_add(f->st, &s, &err))
		fail_msg("sponsor: %s", err.message);
	return s.id;
}

static int64_t meeting(struct fixture *f, int64_t sp, tw_time at, const char *agenda)
{
	struct tw_error err = { 0 };
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = sp, .when = at,
				.agenda = (char *)agenda, .notes = "", .outcome = "" };
	if (!tw_store_meeting_add(f->st, &m, &err))
		fail_msg("meeting: %s", err.message);
	return m.id;
}

static int64_t action(struct fixture *f, int64_t mid, const char *text, const char *due)
{
	struct tw_error err = { 0 };
	struct tw_action a = { .profile_id = f->profile, .meeting_id = mid, .text = (char *)text };
	snprintf(a.due, sizeof a.due, "%s", due);
	if (!tw_store_action_add(f->st, &a, &err))
		fail_msg("action: %s", err.message);
	return a.id;
}

static char *render(struct tw_store *st, int64_t mid, const char *today)
{
	struct tw_error err = { 0 };
	char *t = tw_agenda_render(content_lib, st, mid, today, &err);
	if (!t)
		fail_msg("render: %s", err.message);
	return t;
}

static void reflect(struct fixture *f, int64_t mid, const char *item, const char *text,
		    enum tw_privacy priv)
{
	struct tw_error err = { 0 };
	if (!tw_store_reflection_save_in(f->st, f->profile, mid, item, text, priv, NULL, &err))
		fail_msg("reflect: %s", err.message);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* The derived part follows today: due before the meeting, overdue after
 * its due day, gone once done. */
static void test_moving_today(void **state)
{
	struct fixture *f = *state;
	int64_t dana = sponsor(f, "Dana Reyes"), sam = sponsor(f, "Sam Ho");
	int64_t m1 = meeting(f, dana, local(2029, 12, 1, 10), "");
	int64_t m2 = meeting(f, dana, local(2030, 1, 10, 10), "");
	int64_t other = meeting(f, sam, local(2030, 1, 10, 14), "");
	int64_t draft = action(f, m1, "Send the roadmap draft", "2030-01-05");
	action(f, m1, "Read the offsite notes", "");
	action(f, m1, "Plan Q2", "2030-02-01");
	action(f, other, "Sam's own item", "2030-01-02");

	char *t = render(f->st, m2, "2030-01-01");
	assert_string_equal(t, "## " TW_AGENDA_DUE_HEADING "\n"
			       "- Send the roadmap draft (me, due 2030-01-05)\n"
			       "\n## " TW_AGENDA_ACTIONS_HEADING "\n"
			       "- Plan Q2 (me, due 2030-02-01)\n"
			       "- Read the offsite notes (me)\n");
	free(t);
	/* a day later than its due date it is overdue */
	t = render(f->st, m2, "2030-01-06");
	assert_non_null(strstr(t, "- Send the roadmap draft (me, due 2030-01-05, overdue)\n"));
	free(t);
	/* done today (the 6th): gone */
	struct tw_error err = { 0 };
	assert_true(tw_store_action_done(f->st, draft, "2030-01-06", &err));
	t = render(f->st, m2, "2030-01-06");
	assert_null(strstr(t, "Send the roadmap draft"));
	assert_null(strstr(t, TW_AGENDA_DUE_HEADING)); /* an empty part is left out */
	free(t);
	/* an item due before the meeting, added later, is there at once */
	action(f, m1, "Book the room", "2030-01-09");
	t = render(f->st, m2, "2030-01-06");
	assert_non_null(strstr(t, "## " TW_AGENDA_DUE_HEADING "\n- Book the room (me, due 2030-01-09)\n"));
	assert_null(strstr(t, "Sam's own item")); /* another sponsor's */
	free(t);
	/* the same item against a meeting after its due day: due before it;
	 * against the earlier meeting (1 Dec) it is just open */
	t = render(f->st, m1, "2029-11-01");
	assert_null(strstr(t, TW_AGENDA_DUE_HEADING));
	assert_non_null(strstr(t, "- Book the room (me, due 2030-01-09)"));
	free(t);
	/* nothing derived is stored */
	struct tw_meeting m;
	assert_true(tw_store_meeting_get(f->st, m2, &m, &err));
	assert_string_equal(m.agenda, "");
	tw_meeting_finish(&m);
}

/* Hand edits are kept while the answers and items change; while nothing is
 * written by hand, the answers show live; saving the answers' own text
 * keeps it live; regenerating clears the hand part and undo restores it. */
static void test_hand_edits_regenerate_undo(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = sponsor(f, "Dana Reyes");
	int64_t m1 = meeting(f, dana, local(2030, 1, 10, 10), "");
	action(f, m1, "Send the roadmap draft", "2030-01-05");
	reflect(f, m1, CHALLENGE, "first challenge", TW_PRIVACY_KEEP);

	char *t = render(f->st, m1, "2030-01-01");
	assert_non_null(strstr(t, "first challenge"));
	free(t);
	reflect(f, m1, CHALLENGE, "second challenge", TW_PRIVACY_KEEP);
	t = render(f->st, m1, "2030-01-01");
	assert_non_null(strstr(t, "second challenge")); /* live, not frozen */
	assert_null(strstr(t, "first challenge"));
	free(t);

	/* the answers' text saved unchanged stays live */
	struct tw_meeting m;
	assert_true(tw_store_meeting_get(f->st, m1, &m, &err));
	char *fresh = tw_agenda_fresh(content_lib, f->st, &m, &err);
	tw_meeting_finish(&m);
	assert_non_null(fresh);
	assert_true(tw_agenda_save_hand(content_lib, f->st, m1, fresh, &err));
	free(fresh);
	assert_true(tw_store_meeting_get(f->st, m1, &m, &err));
	assert_string_equal(m.agenda, "");
	tw_meeting_finish(&m);

	/* a hand edit is kept through new answers and new items */
	assert_true(tw_agenda_save_hand(content_lib, f->st, m1, "My own words\n", &err));
	reflect(f, m1, CHALLENGE, "third challenge", TW_PRIVACY_KEEP);
	action(f, m1, "Book the room", "2030-01-09");
	t = render(f->st, m1, "2030-01-01");
	assert_string_equal(t, "My own words\n\n## " TW_AGENDA_DUE_HEADING "\n"
			       "- Send the roadmap draft (me, due 2030-01-05)\n"
			       "- Book the room (me, due 2030-01-09)\n");
	free(t);

	/* regenerate: the hand part goes, the answers show; undo puts it back */
	char *previous = NULL;
	assert_true(tw_agenda_regenerate(f->st, m1, &previous, &err));
	assert_string_equal(previous, "My own words\n");
	t = render(f->st, m1, "2030-01-01");
	assert_non_null(strstr(t, "third challenge"));
	assert_null(strstr(t, "My own words"));
	assert_non_null(strstr(t, "Book the room"));
	free(t);
	assert_true(tw_agenda_undo(f->st, m1, previous, &err));
	free(previous);
	t = render(f->st, m1, "2030-01-01");
	assert_true(strncmp(t, "My own words\n", 13) == 0);
	assert_null(strstr(t, "third challenge"));
	free(t);

	/* an item the hand part already names is not repeated */
	assert_true(tw_agenda_save_hand(content_lib, f->st, m1, "Talk about: Book the room\n", &err));
	t = render(f->st, m1, "2030-01-01");
	assert_int_equal(count(t, "Book the room"), 1);
	free(t);
}

/* The send-ahead agenda: only through a coach view; a few lines; no
 * private answer, no feedback, no homework, no notes. The brief has the
 * homework, the keep item and, once held, notes and outcome. */
static void test_exports(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t dana = sponsor(f, "Dana Reyes");
	int64_t m1 = meeting(f, dana, local(2030, 1, 10, 10), "");
	action(f, m1, "Send the roadmap draft", "2030-01-05");
	reflect(f, m1, CHALLENGE, "Whether to lead the platform team", TW_PRIVACY_KEEP);
	reflect(f, m1, FEEDBACK, "FEEDBACK-WORDS I rush reviews", TW_PRIVACY_KEEP);
	reflect(f, m1, LEARNED, "LEARNED-WORDS she likes data", TW_PRIVACY_KEEP);
	reflect(f, m1, ASK, "PRIVATE-CANARY leave if no promotion", TW_PRIVACY_PRIVATE);
	struct tw_meeting m;
	assert_true(tw_store_meeting_get(f->st, m1, &m, &err));
	free(m.keep);
	m.keep = strdup("Whether to lead the platform team");
	free(m.notes);
	m.notes = strdup("NOTES-WORDS she said yes");
	assert_true(tw_store_meeting_update(f->st, &m, &err));
	tw_meeting_finish(&m);

	struct tw_buf b = { 0 };
	assert_false(tw_export_md_agenda(f->st, content_lib, f->profile, m1, "2030-01-01", &b, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	tw_buf_free(&b);
	struct tw_store *coach = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(coach);
	assert_true(tw_export_md_agenda(coach, content_lib, f->profile, m1, "2030-01-01", &b, &err));
	char *a = tw_buf_take(&b, NULL);
	tw_store_close(coach);
	static const char head[] = "# Agenda: meeting with Dana Reyes, Thu 2030-01-10 10:00\n\n"
				   "1. A challenge I want their input on: Whether to lead the "
				   "platform team\n";
	assert_true(strncmp(a, head, sizeof head - 1) == 0);
	assert_non_null(strstr(a, "\nIf time runs short: Whether to lead the platform team\n"));
	assert_non_null(strstr(a, "\nOpen items between us:\n"
				  "- Send the roadmap draft (me, due 2030-01-05)\n"));
	assert_null(strstr(a, "CANARY"));
	assert_null(strstr(a, "FEEDBACK-WORDS"));
	assert_null(strstr(a, "LEARNED-WORDS"));
	assert_null(strstr(a, "HOMEWORK-WORDS"));
	assert_null(strstr(a, "NOTES-WORDS"));
	assert_null(strstr(a, "private")); /* not even the marker */
	assert_true(count(a, "\n") <= 12);
	free(a);

	assert_true(tw_export_md_brief(f->st, content_lib, f->profile, m1, "2030-01-06", &b, &err));
	char *br = tw_buf_take(&b, NULL);
	assert_non_null(strstr(br, "- **If time runs short, keep:** Whether to lead"));
	assert_non_null(strstr(br, "## Homework on the sponsor\n\nHOMEWORK-WORDS"));
	assert_non_null(strstr(br, "FEEDBACK-WORDS"));
	assert_non_null(strstr(br, "## Due before this meeting\n\n- [ ] Send the roadmap draft "
				   "(me, due 2030-01-05, overdue)\n"));
	assert_non_null(strstr(br, "## Notes\n\nNOTES-WORDS she said yes\n"));
	assert_null(strstr(br, "CANARY"));
	free(br);
}

/* What tw_agendas_text hands over (the hand part itself when the sponsor
 * has no open item) is what tw_agendas_render writes, for hand parts with
 * closing blanks, new lines, escapes and non-ASCII, blank ones (the answers, or
 * nothing without a library), and sponsors with and without open items. */
static void test_agendas_text(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	static const char *const hands[] = {
		"Plain words", "a", "Closing blanks \n\t \n\n", "Ends in escapes,;\\\n",
		"two\nlines\n", ",starts with a comma",
		"\xc3\xa9t\xc3\xa9 starts past ASCII", "- an item\n\n## a heading\n",
		"", " \t\n", "\xe2\x80\x8b\n",
	};
	size_t nh = sizeof hands / sizeof hands[0];
	int64_t busy = sponsor(f, "Busy Sponsor"), idle = sponsor(f, "Idle Sponsor");
	int64_t first = meeting(f, busy, local(2030, 1, 1, 9), "");
	action(f, first, "Send the roadmap draft", "2030-01-05");
	action(f, first, "Undated item", "");
	reflect(f, first, CHALLENGE, "Whether to lead the platform team", TW_PRIVACY_KEEP);
	int64_t ids[2][16];
	for (size_t i = 0; i < nh; i++) {
		ids[0][i] = meeting(f, busy, local(2030, 2, 1 + (int)i, 9), hands[i]);
		ids[1][i] = meeting(f, idle, local(2030, 3, 1 + (int)i, 9), hands[i]);
		reflect(f, ids[1][i], CHALLENGE, "An answer for the idle one", TW_PRIVACY_KEEP);
	}
	for (int with_lib = 0; with_lib < 2; with_lib++) {
		const struct tw_library *lib = with_lib ? content_lib : NULL;
		struct tw_agendas *a = tw_agendas_new(lib, f->st, f->profile, "2030-01-01", &err);
		assert_non_null(a);
		size_t fast = 0;
		for (size_t s = 0; s < 2; s++)
			for (size_t i = 0; i < nh; i++) {
				struct tw_meeting m;
				assert_true(tw_store_meeting_get(f->st, ids[s][i], &m, &err));
				struct tw_buf want = { 0 };
				assert_true(tw_agendas_render(a, m.id, m.sponsor_id, m.when,
							      m.sponsor_name, m.agenda, &want, &err));
				const char *text = NULL;
				size_t len = 99;
				assert_true(tw_agendas_text(a, m.id, m.sponsor_id, m.when,
							    m.sponsor_name, m.agenda, &text, &len,
							    &err));
				if (len != want.len || (len && memcmp(text, want.data, len) != 0))
					fail_msg("lib %d, sponsor %zu, hand %zu: \"%.*s\", render "
						 "\"%s\"", with_lib, s, i, (int)len, text,
						 want.len ? want.data : "");
				fast += text == m.agenda;
				tw_buf_free(&want);
				tw_meeting_finish(&m);
			}
		/* the hand part itself: the idle sponsor's eight not blank */
		assert_int_equal(fast, 8);
		tw_agendas_free(a);
	}
}

/* A schema-7 database (migrated through 8 to 9): the frozen "## Open action items" list leaves the
 * stored agenda (the hand part keeps the rest); a list with hand-typed text
 * after it stays, and the render does not repeat its item. */
static void test_migrate_v7(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v7_agendas.db", 7);
	struct tw_error err = { 0 };
	struct tw_meeting m;
	assert_true(tw_store_meeting_get(f->st, 1, &m, &err));
	assert_string_equal(m.agenda, "## My ask\nAn intro to the CFO\n");
	assert_string_equal(m.keep, "");
	tw_meeting_finish(&m);
	assert_true(tw_store_meeting_get(f->st, 2, &m, &err));
	assert_non_null(strstr(m.agenda, "and ask about the offsite"));
	assert_non_null(strstr(m.agenda, "- Intro to the CFO"));
	tw_meeting_finish(&m);
	assert_true(tw_store_meeting_get(f->st, 3, &m, &err));
	assert_string_equal(m.agenda, "");
	tw_meeting_finish(&m);
	/* action 1 was done: it no longer shows; action 2 is live */
	char *t = render(f->st, 1, "2026-12-01");
	assert_string_equal(t, "## My ask\nAn intro to the CFO\n\n## " TW_AGENDA_ACTIONS_HEADING
			       "\n- Intro to the CFO (Dana Reyes, due 2030-02-01)\n");
	free(t);
	t = render(f->st, 2, "2026-12-01");
	assert_int_equal(count(t, "Intro to the CFO"), 1);
	free(t);
}

/* The texts of the open items of live meetings of profile, in the order
 * the agendas take them, joined by ", ". */
static char *open_items(struct tw_store *st, int64_t profile)
{
	struct tw_error err = { 0 };
	struct tw_action *v;
	size_t n;
	if (!tw_store_action_list(st, profile, 0, TW_ACTIONS_OPEN_MEETINGS, "2026-12-01", &v, &n,
				  &err))
		fail_msg("list: %s", err.message);
	static char out[512];
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? ", " : "",
			 v[i].text);
	tw_actions_free(v, n);
	return out;
}

/* Schema 12 to 13 (make_v12_actions.sh says what the file holds): the
 * open items of Ada's live meetings, dated ones by date and then the
 * undated; not the done one, the deleted one, the deleted meeting's or
 * the one of no meeting; Bo's apart. Then every kind of write moves an
 * item in or out of what the index holds. */
static void test_migrate_v12(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v12_actions.db", 12);
	const int64_t ada = 1, bo = 2;
	struct tw_error err = { 0 };
	assert_string_equal(open_items(f->st, ada), "dana early, eli soon, dana late, dana undated");
	assert_string_equal(open_items(f->st, bo), "fay item");
	char *t = render(f->st, 1, "2026-12-01");
	assert_non_null(strstr(t, "- dana early (me, due 2030-01-15)"));
	assert_non_null(strstr(t, "- dana late (me, due 2030-03-01)\n- dana undated (me)"));
	assert_null(strstr(t, "eli soon"));
	assert_null(strstr(t, "dana done"));
	assert_null(strstr(t, "no meeting"));
	free(t);
	/* in: a new item of a meeting, a reopened one, one moved to a meeting,
	 * an undeleted one */
	f->profile = ada;
	action(f, 3, "eli first", "2030-01-01");
	assert_true(tw_store_action_done(f->st, 4, "", &err));
	struct tw_action a;
	assert_true(tw_store_action_get(f->st, 7, &a, &err));
	a.meeting_id = 1;
	assert_true(tw_store_action_update(f->st, &a, &err));
	tw_action_finish(&a);
	assert_true(tw_store_undelete(f->st, ada, TW_REC_ACTION, 5, &err));
	assert_string_equal(open_items(f->st, ada),
			    "dana done, eli first, dana deleted, no meeting, dana early, eli soon, "
			    "dana late, dana undated");
	/* out: done, deleted, moved off its meeting, its meeting deleted */
	assert_true(tw_store_action_done(f->st, 2, "2026-12-01", &err));
	assert_true(tw_store_delete(f->st, ada, TW_REC_ACTION, 1, &err));
	assert_true(tw_store_action_get(f->st, 3, &a, &err));
	a.meeting_id = 0;
	assert_true(tw_store_action_update(f->st, &a, &err));
	tw_action_finish(&a);
	assert_true(tw_store_delete(f->st, ada, TW_REC_MEETING, 3, &err));
	assert_string_equal(open_items(f->st, ada), "dana done, dana deleted, no meeting");
	assert_string_equal(open_items(f->st, bo), "fay item");
	assert_true(tw_store_check(f->st, &err));
}

/* A guide's progress counts the occasion it is walked for: before a
 * meeting, the next planned one's answers (not a later one's, not the
 * untied ones); after, the latest meeting whose time has passed; the
 * check-up, its latest run; any other guide, the profile's answers. */
static void test_guide_progress(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t sp = sponsor(f, "Dana Reyes");
	tw_time now = local(2030, 1, 10, 12);
	int64_t past = meeting(f, sp, local(2030, 1, 9, 10), "");
	int64_t next = meeting(f, sp, local(2030, 1, 11, 10), "");
	int64_t later = meeting(f, sp, local(2030, 2, 11, 10), "");
	const struct tw_guide *before = tw_library_guide(content_lib, TW_AGENDA_BEFORE_GUIDE);
	const struct tw_guide *after = tw_library_guide(content_lib, TW_AGENDA_AFTER_GUIDE);
	const struct tw_guide *check = tw_library_guide(content_lib, TW_CHECKUP_GUIDE);
	assert_non_null(before);
	assert_non_null(after);
	assert_non_null(check);
	assert_true(tw_store_progress_tick_in(f->st, f->profile, next,
					      "before-meeting/homework/read-their-work", true, &err));
	reflect(f, next, LEARNED, "She wrote the storage book", TW_PRIVACY_PUBLIC);
	reflect(f, later, CHALLENGE, "not this one", TW_PRIVACY_PUBLIC);
	assert_true(tw_store_progress_tick_in(f->st, f->profile, later,
					      "before-meeting/homework/social-media", true, &err));
	reflect(f, 0, ASK, "an untied answer", TW_PRIVACY_PUBLIC);
	assert_true(tw_store_progress_rate_in(f->st, f->profile, past,
					      "after-meeting/reflect-on-it/usefulness", 4, &err));

	struct tw_guide_progress p;
	assert_true(tw_agenda_guide_progress(f->st, f->profile, before, now, &p, &err));
	assert_int_equal(p.occasion, next);
	assert_false(p.run);
	assert_int_equal(p.done, 2);
	assert_int_equal(p.total, 14);
	assert_int_equal(p.next_sec, 0); /* homework: social-media is left */
	assert_int_equal(p.next_left, 1);
	assert_true(tw_agenda_guide_progress(f->st, f->profile, after, now, &p, &err));
	assert_int_equal(p.occasion, past);
	assert_int_equal(p.done, 1);
	/* once that meeting's time is past too, the walk moves on */
	assert_true(tw_agenda_guide_progress(f->st, f->profile, before, local(2030, 1, 12, 0), &p,
					     &err));
	assert_int_equal(p.occasion, later);
	assert_int_equal(p.done, 2);
	assert_true(tw_agenda_guide_progress(f->st, f->profile, after, local(2030, 1, 12, 0), &p,
					     &err));
	assert_int_equal(p.occasion, next);
	assert_int_equal(p.done, 0);

	/* the check-up: nothing before a run; then the latest run's */
	assert_true(tw_agenda_guide_progress(f->st, f->profile, check, now, &p, &err));
	assert_int_equal(p.occasion, 0);
	assert_int_equal(p.done, 0);
	int64_t run1, run2;
	assert_true(tw_store_checkup_start(f->st, f->profile, sp, local(2029, 9, 1, 9), &run1, &err));
	assert_true(tw_store_progress_tick_in(f->st, f->profile, run1, "checkup/advocacy/material",
					      true, &err));
	assert_true(tw_agenda_guide_progress(f->st, f->profile, check, now, &p, &err));
	assert_int_equal(p.occasion, run1);
	assert_true(p.run);
	assert_int_equal(p.done, 1);
	assert_true(tw_store_checkup_start(f->st, f->profile, sp, local(2030, 1, 1, 9), &run2, &err));
	assert_true(tw_agenda_guide_progress(f->st, f->profile, check, now, &p, &err));
	assert_int_equal(p.occasion, run2);
	assert_int_equal(p.done, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_moving_today, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_hand_edits_regenerate_undo, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_exports, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_agendas_text, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_guide_progress, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v7, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v12, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, content_setup, content_teardown);
}
