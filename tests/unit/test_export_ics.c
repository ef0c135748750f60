/* Unit tests of the iCalendar writer (RFC 5545): TEXT escaping, content
 * lines folded at 75 octets on UTF-8 boundaries, a whole calendar's
 * lines around the fold, its descriptions against the agendas, and each
 * meeting's SUMMARY naming its own sponsor. */
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
#include "twoway/export.h"
#include "twoway/util.h"

static void test_ics_text(void **state)
{
	(void)state;
	struct tw_buf b = { 0 };
	tw_export_ics_text(&b, "a\\b;c,d\ne\r\nf");
	assert_string_equal(b.data, "a\\\\b\\;c\\,d\\ne\\nf");
	tw_buf_free(&b);
}

static void test_ics_fold(void **state)
{
	(void)state;
	struct tw_buf b = { 0 };
	/* short: one line */
	tw_export_ics_line(&b, "SUMMARY:hi", 10);
	assert_string_equal(b.data, "SUMMARY:hi\r\n");
	tw_buf_free(&b);
	/* exactly 75 octets: not folded */
	char line[400];
	memset(line, 'x', 75);
	tw_export_ics_line(&b, line, 75);
	assert_int_equal(b.len, 77);
	tw_buf_free(&b);
	/* 74 ASCII octets then "é" (2 octets): the fold falls inside it, so the
	 * first line stops at 74 octets and é opens the continuation */
	memset(line, 'a', 74);
	memcpy(line + 74, "\xc3\xa9" "bc", 4);
	tw_export_ics_line(&b, line, 78);
	assert_int_equal(memcmp(b.data + 74, "\r\n \xc3\xa9" "bc\r\n", 9), 0);
	assert_int_equal(b.len, 74 + 3 + 4 + 2);
	tw_buf_free(&b);
	/* a long line of 3-octet characters: every physical line is at most 75
	 * octets, starts on a character boundary, and unfolds to the original */
	size_t n = 0;
	for (int i = 0; i < 100; i++) {
		memcpy(line + n, "\xe6\x97\xa5", 3);
		n += 3;
	}
	tw_export_ics_line(&b, line, n);
	struct tw_buf u = { 0 };
	const char *p = b.data;
	bool first = true;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		size_t len = (size_t)(e - p);
		assert_true(len <= 75);
		if (!first) {
			assert_int_equal(p[0], ' ');
			p++;
			len--;
		}
		assert_true(((unsigned char)p[0] & 0xC0) != 0x80);
		tw_buf_add(&u, p, len);
		first = false;
		p = e + 2;
	}
	assert_int_equal(u.len, n);
	assert_memory_equal(u.data, line, n);
	tw_buf_free(&u);
	tw_buf_free(&b);
}

/* A whole calendar's lines around the fold: sponsors' names that make the
 * SUMMARY line 70 to 80 octets long, ending in plain letters, in a comma
 * (escaped, two octets) or in "é" (two octets). Every physical line holds
 * at most 75 octets, and unfolded each SUMMARY is the name as escaped. */
static void test_ics_lines_fold(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	const char *ends[] = { "x", ",", "\xc3\xa9" };
	char want[40][128];
	size_t n = 0;
	for (size_t len = 70; len <= 80; len++)
		for (size_t e = 0; e < 3; e++) {
			/* "SUMMARY:Meeting with " is 21 octets, then the
			 * name: a number (one name a sponsor), letters to
			 * fill, the end (1 or 2 octets) */
			char name[128];
			int digits = snprintf(name, sizeof name, "%zu", n);
			size_t fill = len - 21 - (e == 0 ? 1 : 2) - (size_t)digits;
			memset(name + digits, 'n', fill);
			snprintf(name + digits + fill, sizeof name - digits - fill, "%s", ends[e]);
			struct tw_sponsor s = { .profile_id = f->profile };
			s.name = strdup(name);
			s.title = strdup("");
			s.org = strdup("");
			s.how_met = strdup("");
			s.homework = strdup("");
			assert_true(tw_store_sponsor_add(f->st, &s, &err));
			struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
						.when = 1900000000 + (tw_time)n * 3600, .agenda = "",
						.notes = "", .outcome = "" };
			assert_true(tw_store_meeting_add(f->st, &m, &err));
			tw_sponsor_finish(&s);
			struct tw_buf w = { 0 };
			tw_buf_puts(&w, "SUMMARY:Meeting with ");
			tw_export_ics_text(&w, name);
			tw_buf_puts(&w, "\r\n");
			assert_true(w.len < sizeof want[n]);
			memcpy(want[n++], w.data, w.len + 1);
			tw_buf_free(&w);
		}
	struct tw_buf b = { 0 };
	assert_true(tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &b, &err));
	struct tw_buf flat = { 0 };
	for (const char *p = b.data; *p;) {
		const char *eol = strstr(p, "\r\n");
		assert_non_null(eol);
		assert_true(eol - p <= 75);
		/* a continuation line starts with the space the fold added */
		if (p != b.data && *p == ' ')
			p++;
		else if (flat.len)
			tw_buf_puts(&flat, "\r\n");
		tw_buf_add(&flat, p, (size_t)(eol - p));
		p = eol + 2;
	}
	tw_buf_puts(&flat, "\r\n");
	for (size_t i = 0; i < n; i++)
		if (!strstr(flat.data, want[i]))
			fail_msg("no line %s", want[i]);
	tw_buf_free(&flat);
	tw_buf_free(&b);
}

/* Each DESCRIPTION is the meeting's agenda as tw_agendas_render gives it,
 * escaped as TEXT: hand parts whose closing blanks and new lines fall
 * after escaped characters (the escaping stops where the agenda does),
 * and a sponsor with an open item (the agenda is made, not the hand part
 * as written). No DESCRIPTION for a blank agenda. */
static void test_ics_descriptions(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	static const char *const hands[] = {
		"Plain words", "Ends in escapes,;\\\n \t\n", "two\nlines,\n\n", "", " \n",
		"\\", "caf\xc3\xa9; then, more\t\t",
	};
	size_t nh = sizeof hands / sizeof hands[0];
	int64_t sp[2];
	for (int i = 0; i < 2; i++) {
		struct tw_sponsor s = { .profile_id = f->profile,
					.name = (char *)(i ? "With, items" : "Without") };
		assert_true(tw_store_sponsor_add(f->st, &s, &err));
		sp[i] = s.id;
	}
	struct tw_agendas *ag = NULL;
	struct tw_buf want = { 0 }; /* the DESCRIPTION lines, one per line */
	int64_t ids[32];
	size_t n = 0;
	for (int i = 0; i < 2; i++)
		for (size_t h = 0; h < nh; h++) {
			struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = sp[i],
						.when = 1900000000 + (tw_time)n * 3600,
						.agenda = (char *)hands[h], .notes = "", .outcome = "" };
			assert_true(tw_store_meeting_add(f->st, &m, &err));
			ids[n++] = m.id;
		}
	struct tw_action a = { .profile_id = f->profile, .meeting_id = ids[nh], .text = "Bring, the draft" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	assert_non_null(ag = tw_agendas_new(NULL, f->st, f->profile, "2030-01-01", &err));
	for (size_t i = 0; i < n; i++) {
		struct tw_meeting m;
		assert_true(tw_store_meeting_get(f->st, ids[i], &m, &err));
		struct tw_buf r = { 0 };
		assert_true(tw_agendas_render(ag, m.id, m.sponsor_id, m.when, m.sponsor_name,
					      m.agenda, &r, &err));
		if (r.len) {
			tw_buf_puts(&want, "DESCRIPTION:");
			tw_export_ics_text(&want, r.data);
			tw_buf_puts(&want, "\n");
		}
		tw_buf_free(&r);
		tw_meeting_finish(&m);
	}
	tw_agendas_free(ag);
	struct tw_buf b = { 0 }, got = { 0 };
	assert_true(tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &b, &err));
	/* unfold, keeping the DESCRIPTION lines */
	struct tw_buf line = { 0 };
	for (const char *p = b.data; *p;) {
		const char *eol = strstr(p, "\r\n");
		assert_non_null(eol);
		bool more = eol[2] == ' ';
		tw_buf_add(&line, p, (size_t)(eol - p));
		p = eol + 2 + more;
		if (!more) {
			if (!strncmp(line.data, "DESCRIPTION:", 12)) {
				tw_buf_add(&got, line.data, line.len);
				tw_buf_puts(&got, "\n");
			}
			line.len = 0;
		}
	}
	assert_non_null(want.data);
	assert_non_null(strstr(want.data, "DESCRIPTION:Ends in escapes\\,\\;\\\\\n"));
	assert_non_null(strstr(want.data, "Bring\\, the draft"));
	assert_string_equal(got.data, want.data);
	tw_buf_free(&line);
	tw_buf_free(&got);
	tw_buf_free(&want);
	tw_buf_free(&b);
}

/* The SUMMARY of every meeting names its own sponsor: 130 sponsors (so
 * ids 128 apart share a slot of the writer's SUMMARY store), some with
 * names long enough to fold, three meetings each, in an order that goes
 * round the sponsors; each meeting's agenda names its sponsor too. */
static void test_ics_summaries(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	enum { SPONSORS = 130, ROUNDS = 3 };
	int64_t sp[SPONSORS];
	for (int i = 0; i < SPONSORS; i++) {
		char name[128];
		snprintf(name, sizeof name, "Sponsor %d,%.*s", i, i % 3 ? 0 : 60,
			 "a name long enough that its SUMMARY line folds in two");
		struct tw_sponsor s = { .profile_id = f->profile, .name = name };
		assert_true(tw_store_sponsor_add(f->st, &s, &err));
		sp[i] = s.id;
	}
	assert_int_equal(sp[SPONSORS - 1] - sp[0], SPONSORS - 1); /* ids in a row */
	int n = 0;
	for (int r = 0; r < ROUNDS; r++)
		for (int i = 0; i < SPONSORS; i++) {
			char agenda[32];
			snprintf(agenda, sizeof agenda, "for %d", i);
			struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = sp[i],
						.when = 1900000000 + (tw_time)n++ * 3600,
						.agenda = agenda, .notes = "", .outcome = "" };
			assert_true(tw_store_meeting_add(f->st, &m, &err));
		}
	struct tw_buf b = { 0 }, line = { 0 };
	assert_true(tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &b, &err));
	int events = 0, summary = -1;
	for (const char *p = b.data; *p;) {
		const char *eol = strstr(p, "\r\n");
		assert_non_null(eol);
		bool more = eol[2] == ' ';
		tw_buf_add(&line, p, (size_t)(eol - p));
		p = eol + 2 + more;
		if (more)
			continue;
		int who;
		if (sscanf(line.data, "SUMMARY:Meeting with Sponsor %d\\,", &who) == 1) {
			char want[160];
			snprintf(want, sizeof want, "SUMMARY:Meeting with Sponsor %d\\,%.*s", who,
				 who % 3 ? 0 : 60, "a name long enough that its SUMMARY line folds in two");
			assert_string_equal(line.data, want);
			summary = who;
		} else if (sscanf(line.data, "DESCRIPTION:for %d", &who) == 1) {
			assert_int_equal(who, summary);
			events++;
		}
		line.len = 0;
	}
	assert_int_equal(events, SPONSORS * ROUNDS);
	tw_buf_free(&line);
	tw_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ics_text),
		cmocka_unit_test(test_ics_fold),
		cmocka_unit_test_setup_teardown(test_ics_lines_fold, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_ics_descriptions, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_ics_summaries, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
