/* Unit tests of the calendar's reads (store.h, export.h): schema 15 migrates
 * to 16 and exports the same bytes; the rows read are the meeting list's;
 * the answers the agendas read are the profile's answers for meetings;
 * reads into the small page cache of tw_store_stream_reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "test_store_common.h"
#include "twoway/export.h"
#include "twoway/store.h"
#include "twoway/util.h"

struct seen {
	struct tw_meeting_row *v; /* strings copied */
	size_t n;
};

static bool keep_row(const struct tw_meeting_row *m, void *ctx, struct tw_error *err)
{
	struct seen *s = ctx;
	s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
	assert_non_null(s->v);
	struct tw_meeting_row *c = &s->v[s->n++];
	*c = *m;
	c->uid = strdup(m->uid ? m->uid : "(none)");
	c->sponsor_name = strdup(m->sponsor_name);
	c->agenda = strdup(m->agenda);
	return true;
}

static void seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free((char *)s->v[i].uid);
		free((char *)s->v[i].sponsor_name);
		free((char *)s->v[i].agenda);
	}
	free(s->v);
}

/* The rows tw_store_meeting_rows gives the profile are the meeting list's
 * (live, by time then id), field for field, and without the ids the same
 * rows with id 0; how many there were. */
static size_t rows_match_list_ids(struct fixture *f, int64_t profile, bool with_ids)
{
	struct seen s = { 0 };
	struct tw_error err = { 0 };
	if (!tw_store_meeting_rows(f->st, profile, with_ids, keep_row, &s, &err))
		fail_msg("rows: %s", err.message);
	struct tw_meeting *m = NULL;
	size_t n = 0;
	if (!tw_store_meeting_list(f->st, profile, 0, &m, &n, &err))
		fail_msg("list: %s", err.message);
	if (s.n != n)
		fail_msg("profile %lld: %zu rows for the calendar, %zu in the list",
			 (long long)profile, s.n, n);
	for (size_t i = 0; i < n; i++) {
		const struct tw_meeting_row *r = &s.v[i];
		if (r->id != (with_ids ? m[i].id : 0))
			fail_msg("profile %lld, place %zu: meeting %lld, the list has %lld",
				 (long long)profile, i, (long long)r->id, (long long)m[i].id);
		assert_int_equal(r->when, m[i].when);
		assert_int_equal(r->sponsor_id, m[i].sponsor_id);
		assert_string_equal(r->sponsor_name, m[i].sponsor_name);
		assert_string_equal(r->agenda, m[i].agenda);
		assert_int_equal(r->created, m[i].created);
		assert_int_equal(r->updated, m[i].updated);
		assert_true(strlen(r->uid) > 8); /* every row has its uid */
	}
	tw_meetings_free(m, n);
	seen_free(&s);
	return n;
}

static size_t rows_match_list(struct fixture *f, int64_t profile)
{
	size_t n = rows_match_list_ids(f, profile, true);
	assert_int_equal(rows_match_list_ids(f, profile, false), n);
	return n;
}

static void set_when(struct fixture *f, int64_t id, const char *when)
{
	struct tw_meeting m;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_get(f->st, id, &m, &err))
		fail_msg("get %lld: %s", (long long)id, err.message);
	assert_true(tw_time_parse(when, &m.when));
	if (!tw_store_meeting_update(f->st, &m, &err))
		fail_msg("update %lld: %s", (long long)id, err.message);
	tw_meeting_finish(&m);
}

/* tests/data/store/v15_calendar.db and .ics (make_v15_calendar.sh):
 * migrated, Ada's export is byte for byte what schema 15 wrote (meetings
 * 6, 2, 4, 1, 3: 5 is deleted, 7 is Bo's), and the read follows later
 * writes. */
static void test_migrate_v15(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v15_calendar.db", 15);
	const int64_t ada = 1, bo = 2;
	char want_path[600];
	snprintf(want_path, sizeof want_path, "%s/store/v15_calendar.ics", getenv("TW_TEST_DATA"));
	size_t want_len;
	char *want = slurp(want_path, &want_len);
	assert_non_null(want);
	struct tw_buf b = { 0 };
	struct tw_error err = { 0 };
	if (!tw_export_ics(f->st, NULL, ada, "2026-12-02", &b, &err))
		fail_msg("export: %s", err.message);
	assert_int_equal(b.len, want_len);
	assert_memory_equal(b.data, want, want_len);
	free(want);
	tw_buf_free(&b);
	assert_int_equal(rows_match_list(f, ada), 5);
	assert_int_equal(rows_match_list(f, bo), 1);
	/* writes after the migration: 6 moves last, 2 goes, 5 comes back */
	set_when(f, 6, "2031-01-01 09:00");
	assert_true(tw_store_delete(f->st, ada, TW_REC_MEETING, 2, &err));
	assert_true(tw_store_undelete(f->st, ada, TW_REC_MEETING, 5, &err));
	struct tw_meeting m = { .profile_id = ada, .sponsor_id = 1, .agenda = "new, first",
				.notes = "", .outcome = "" };
	assert_true(tw_time_parse("2029-06-01 10:00", &m.when));
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	assert_int_equal(rows_match_list(f, ada), 6);
	fixture_check(f, "writing after the migration");
	tw_store_close(f->st);
	f->st = NULL;
	assert_true(fixture_index_has(f->path, "meetings_calendar",
				      "agenda, deleted_at) WHERE deleted_at IS NULL"));
}

static int64_t sponsor(struct fixture *f, int64_t profile, const char *name)
{
	struct tw_sponsor s = { .profile_id = profile };
	s.name = strdup(name);
	s.title = strdup("");
	s.org = strdup("");
	s.how_met = strdup("");
	s.homework = strdup("");
	struct tw_error err = { 0 };
	if (!tw_store_sponsor_add(f->st, &s, &err))
		fail_msg("sponsor: %s", err.message);
	int64_t id = s.id;
	tw_sponsor_finish(&s);
	return id;
}

/* On a fresh database: meetings added in no order of time, at tied times,
 * moved, deleted and brought back, of two profiles. One profile's sponsors
 * have ids close together (names looked up by table), the other's far
 * apart (by binary search): the rows match the list each time. */
static void test_rows_match_list(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	const int64_t profiles[2] = { f->profile, other };
	int64_t sp[2][3];
	char name[32];
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "Near %d", i);
		sp[0][i] = sponsor(f, f->profile, name);
	}
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "Far %d", i);
		sp[1][i] = sponsor(f, other, name);
		for (int k = 0; k < 40; k++) { /* spread the next id out */
			snprintf(name, sizeof name, "Gap %d.%d", i, k);
			sponsor(f, f->profile, name);
		}
	}
	assert_true(sp[1][2] - sp[1][0] > 4 * 3 + 64);
	srand(1357);
	int64_t ids[60];
	int owner[60];
	size_t n = 0;
	for (int round = 0; round < 6; round++) {
		for (int i = 0; i < 10; i++) {
			int p = rand() % 3 == 0;
			char when[32];
			snprintf(when, sizeof when, "2030-%02d-%02d 1%d:00", 1 + rand() % 3,
				 1 + rand() % 4, rand() % 2);
			struct tw_meeting m = { .profile_id = profiles[p],
						.sponsor_id = sp[p][rand() % 3],
						.agenda = i % 2 ? "talk; about, things" : "",
						.notes = "", .outcome = "" };
			assert_true(tw_time_parse(when, &m.when));
			if (!tw_store_meeting_add(f->st, &m, &err))
				fail_msg("meeting: %s", err.message);
			ids[n] = m.id;
			owner[n++] = p;
		}
		for (int k = 0; k < 4; k++) {
			size_t i = (size_t)rand() % n;
			int r = rand() % 3;
			if (r == 0)
				set_when(f, ids[i], rand() % 2 ? "2029-12-31 23:00" : "2030-02-02 10:00");
			else if (r == 1)
				tw_store_delete(f->st, profiles[owner[i]], TW_REC_MEETING, ids[i], &err);
			else
				tw_store_undelete(f->st, profiles[owner[i]], TW_REC_MEETING, ids[i],
						  &err);
		}
		rows_match_list(f, profiles[0]);
		rows_match_list(f, profiles[1]);
	}
	fixture_check(f, "the meetings");
}

/* The answers tw_store_reflection_answers gives are the profile's live
 * reflections (as tw_store_reflection_list has them) on an item, with a
 * meeting and outside any check-up run, none missing, none more; and
 * tw_store_meetings_answered says whether one of them has a live meeting. */
static void answers_are(struct fixture *f, int64_t profile, size_t want, bool answered)
{
	struct tw_error err = { 0 };
	struct tw_reflection *all = NULL, *got = NULL;
	size_t n_all = 0, n_got = 0;
	if (!tw_store_reflection_list(f->st, profile, 0, &all, &n_all, &err) ||
	    !tw_store_reflection_answers(f->st, profile, &got, &n_got, &err))
		fail_msg("reflections: %s", err.message);
	size_t oracle = 0;
	for (size_t i = 0; i < n_all; i++) {
		const struct tw_reflection *r = &all[i];
		if (!r->item_id || !r->meeting_id || r->checkup_id)
			continue;
		oracle++;
		size_t k = 0;
		while (k < n_got && got[k].id != r->id)
			k++;
		if (k == n_got)
			fail_msg("profile %lld: answer %lld (%s) missing", (long long)profile,
				 (long long)r->id, r->item_id);
		assert_string_equal(got[k].text, r->text);
		assert_int_equal(got[k].meeting_id, r->meeting_id);
	}
	if (n_got != oracle || oracle != want)
		fail_msg("profile %lld: %zu answers read, %zu in the list, not %zu",
			 (long long)profile, n_got, oracle, want);
	bool yes;
	assert_true(tw_store_meetings_answered(f->st, profile, &yes, &err));
	assert_int_equal(yes, answered);
	tw_reflections_free(all, n_all);
	tw_reflections_free(got, n_got);
}

#define ASK "before-meeting/the-ask/the-ask"
#define DEBRIEF "after-meeting/debrief/what-happened"

/* Answers for meetings among free-standing reflections, reflections on an
 * item with no meeting, a check-up run's answer, a deleted answer and
 * another profile's; then the meetings deleted and brought back. */
static void test_answers_match_list(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other, run, id;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	int64_t sp = sponsor(f, f->profile, "Ana"), sp_other = sponsor(f, other, "Olu");
	int64_t m[3];
	for (int i = 0; i < 3; i++) {
		struct tw_meeting x = { .profile_id = i < 2 ? f->profile : other,
					.sponsor_id = i < 2 ? sp : sp_other, .agenda = "",
					.notes = "", .outcome = "" };
		x.when = 1900000000 + i * 86400;
		assert_true(tw_store_meeting_add(f->st, &x, &err));
		m[i] = x.id;
	}
	answers_are(f, f->profile, 0, false);
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "free words",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "basics/why/why", "no meeting",
					     TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_checkup_start(f->st, f->profile, sp, 1900000000, &run, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, run,
						"checkup/continuum/evidence", "in a run",
						TW_PRIVACY_KEEP, NULL, &err));
	answers_are(f, f->profile, 0, false);
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m[0], ASK, "ask one",
						TW_PRIVACY_PRIVATE, NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m[1], ASK, "ask two",
						TW_PRIVACY_KEEP, &id, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m[1], DEBRIEF, "went well",
						TW_PRIVACY_KEEP, NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, other, m[2], ASK, "other's ask",
						TW_PRIVACY_KEEP, NULL, &err));
	answers_are(f, f->profile, 3, true);
	answers_are(f, other, 1, true);
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, id, &err));
	answers_are(f, f->profile, 2, true);
	/* the answers stay; whether one has a live meeting follows the meetings */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_MEETING, m[0], &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_MEETING, m[1], &err));
	answers_are(f, f->profile, 2, false);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_MEETING, m[1], &err));
	answers_are(f, f->profile, 2, true);
	answers_are(f, other, 1, true);
	fixture_check(f, "the answers");
}

/* tw_uids_find, which names each row's sponsor: ids without gaps (found
 * by their distance from the first), with gaps, and ids that are not
 * there, below, between and above; against a plain walk. */
static void test_uids_find(void **state)
{
	(void)state;
	static const int64_t sets[][6] = {
		{ 1, 2, 3, 4, 5, 6 },     /* no gaps */
		{ 3, 4, 5, 9, 10, 40 },   /* gaps after a run */
		{ 2, 4, 6, 8, 10, 12 },   /* every other: the guess lands wrong */
		{ 7, 8, 9, 10, 11, 100 }, /* a run, then far */
	};
	char names[6][8];
	for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
		for (size_t n = 0; n <= 6; n++) {
			struct tw_uid v[6];
			for (size_t i = 0; i < n; i++) {
				snprintf(names[i], sizeof names[i], "n%zu", i);
				v[i] = (struct tw_uid){ .id = sets[s][i], .uid = names[i] };
			}
			for (int64_t id = -1; id <= 102; id++) {
				const char *want = NULL;
				for (size_t i = 0; i < n; i++)
					if (v[i].id == id)
						want = v[i].uid;
				const char *got = tw_uids_find(v, n, id);
				if (got != want)
					fail_msg("set %zu of %zu, id %lld: %s, not %s", s, n,
						 (long long)id, got ? got : "none", want ? want : "none");
			}
		}
}

/* Reads into the small page cache of tw_store_stream_reads: on a file
 * many times that cache, with meetings that lack a uid (as an old file's
 * do), the calendar gives every one a uid in one write that overflows
 * the cache, exports every meeting, and leaves a sound file; the JSON
 * export read that way is byte for byte the one read the default way. */
static void test_stream_reads(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t sp = sponsor(f, f->profile, "Stream Sponsor");
	char agenda[300];
	memset(agenda, 'w', sizeof agenda - 1);
	agenda[sizeof agenda - 1] = '\0';
	const size_t n = 3000;
	for (size_t i = 0; i < n; i++) {
		struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = sp,
					.when = 1900000000 + (tw_time)((i * 7919) % n) * 3600,
					.agenda = agenda, .notes = "", .outcome = "" };
		if (!tw_store_meeting_add(f->st, &m, &err))
			fail_msg("meeting %zu: %s", i, err.message);
	}
	tw_store_close(f->st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE meetings SET uid = NULL", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);

	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	assert_true(tw_store_stream_reads(f->st, &err));
	struct tw_buf b = { 0 };
	if (!tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &b, &err))
		fail_msg("export: %s", err.message);
	size_t events = 0;
	for (const char *p = b.data; (p = strstr(p, "BEGIN:VEVENT\r\n")); p++)
		events++;
	assert_int_equal(events, n);
	tw_buf_free(&b);
	if (!tw_store_check(f->st, &err))
		fail_msg("check: %s", err.message);
	struct tw_buf streamed = { 0 };
	assert_true(tw_store_export_json_into(f->st, 0, false, &streamed, &err));
	tw_store_close(f->st);
	f->st = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*), count(DISTINCT uid), "
						"(SELECT page_count FROM pragma_page_count) "
						"FROM meetings", -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(q, 0), (int64_t)n);
	assert_int_equal(sqlite3_column_int64(q, 1), (int64_t)n); /* no NULL, none twice */
	assert_true(sqlite3_column_int64(q, 2) > 10 * 32);	    /* ten times the cache */
	sqlite3_finalize(q);
	sqlite3_close(db);

	struct tw_store *plain = tw_store_open(f->path, &err);
	assert_non_null(plain);
	struct tw_buf whole = { 0 };
	assert_true(tw_store_export_json_into(plain, 0, false, &whole, &err));
	tw_store_close(plain);
	assert_int_equal(streamed.len, whole.len);
	assert_memory_equal(streamed.data, whole.data, whole.len);
	tw_buf_free(&streamed);
	tw_buf_free(&whole);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uids_find),
		cmocka_unit_test_setup_teardown(test_migrate_v15, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_rows_match_list, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_answers_match_list, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_stream_reads, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
