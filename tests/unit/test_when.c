/* Unit tests of the date parser (twoway/when.h): a table of what people
 * type, each read against a fixed "now" in a fixed TZ, covering month and
 * year ends, leap days, weekday wrap and daylight-saving gaps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "twoway/util.h"
#include "twoway/when.h"

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static tw_time at(const char *local)
{
	tw_time t = 0;
	assert_true(tw_time_parse(local, &t));
	return t;
}

struct row {
	const char *tz;
	const char *now;    /* local "YYYY-MM-DD HH:MM" */
	const char *input;
	const char *expect; /* the echo, or "!" and a part of the refusal */
	bool has_time;
};

#define BER "Europe/Berlin"
#define NYC "America/New_York"
#define MON "2026-11-30 19:34" /* a Monday, the last day of November */

static const struct row rows[] = {
	{ BER, MON, "today", "Mon 2026-11-30 09:00", false },
	{ BER, MON, "Today", "Mon 2026-11-30 09:00", false },
	{ BER, MON, "tomorrow", "Tue 2026-12-01 09:00", false },
	{ BER, MON, "yesterday", "Sun 2026-11-29 09:00", false },
	{ BER, MON, "thu 10:30", "Thu 2026-12-03 10:30", true },
	{ BER, MON, "Thursday", "Thu 2026-12-03 09:00", false },
	{ BER, MON, "thurs at 16:05", "Thu 2026-12-03 16:05", true },
	{ BER, MON, "mon", "Mon 2026-12-07 09:00", false },      /* today's weekday: next week */
	{ BER, MON, "sun", "Sun 2026-12-06 09:00", false },      /* wraps past Saturday */
	{ BER, MON, "next fri 3pm", "Fri 2026-12-04 15:00", true },
	{ BER, MON, "fri 3 pm", "Fri 2026-12-04 15:00", true },
	{ BER, MON, "tue 12am", "Tue 2026-12-01 00:00", true },
	{ BER, MON, "tue 12:15pm", "Tue 2026-12-01 12:15", true },
	{ BER, MON, "+3d", "Thu 2026-12-03 09:00", false },
	{ BER, MON, "+2w", "Mon 2026-12-14 09:00", false },
	{ BER, MON, "-1d", "Sun 2026-11-29 09:00", false },
	{ BER, MON, "+3 days", "Thu 2026-12-03 09:00", false },
	{ BER, MON, "+3d 14:00", "Thu 2026-12-03 14:00", true },
	{ BER, MON, "in 3 days", "Thu 2026-12-03 09:00", false },
	{ BER, MON, "in 1 day", "Tue 2026-12-01 09:00", false },
	{ BER, MON, "in 2 weeks", "Mon 2026-12-14 09:00", false },
	{ BER, MON, "in a week", "Mon 2026-12-07 09:00", false },
	{ BER, MON, "9:00", "Mon 2026-11-30 09:00", true },
	{ BER, MON, "7:05pm", "Mon 2026-11-30 19:05", true },
	{ BER, MON, "2026-12-7", "Mon 2026-12-07 09:00", false },
	{ BER, MON, "2026-12-07", "Mon 2026-12-07 09:00", false },
	{ BER, MON, "2026-12-07 10:30", "Mon 2026-12-07 10:30", true },
	{ BER, MON, "2026-12-07T10:30", "Mon 2026-12-07 10:30", true },
	{ BER, MON, "  TOMORROW   at 8:15am ", "Tue 2026-12-01 08:15", true },
	{ BER, MON, "2028-02-29", "Tue 2028-02-29 09:00", false },
	/* month and year ends, leap years */
	{ BER, "2026-12-31 23:59", "tomorrow", "Fri 2027-01-01 09:00", false },
	{ BER, "2026-12-31 08:00", "+1w", "Thu 2027-01-07 09:00", false },
	{ BER, "2027-02-28 10:00", "+1d", "Mon 2027-03-01 09:00", false },
	{ BER, "2028-02-28 10:00", "tomorrow", "Tue 2028-02-29 09:00", false },
	{ BER, "2027-01-30 10:00", "in 2 days", "Mon 2027-02-01 09:00", false },
	{ BER, "2027-01-31 10:00", "mon", "Mon 2027-02-01 09:00", false },
	{ BER, "2027-01-31 10:00", "sat 8:00", "Sat 2027-02-06 08:00", true },
	/* daylight saving: Berlin skips 02:00-03:00 on Sun 2027-03-28 */
	{ BER, "2027-03-26 12:00", "sun 2:30",
	  "!no 02:30 on Sun 2027-03-28: clocks jump forward for daylight saving; try 03:30", false },
	{ BER, "2027-03-26 12:00", "2027-03-28 02:00", "!daylight saving; try 03:00", false },
	{ BER, "2027-03-26 12:00", "sun 3:00", "Sun 2027-03-28 03:00", true },
	{ BER, "2027-03-26 12:00", "sun 1:59", "Sun 2027-03-28 01:59", true },
	{ BER, "2027-03-26 12:00", "+2d", "Sun 2027-03-28 09:00", false },
	{ BER, "2027-03-27 23:30", "+1d 23:30", "Sun 2027-03-28 23:30", true },
	{ BER, "2027-10-29 12:00", "sun 2:30", "Sun 2027-10-31 02:30", true }, /* twice: taken */
	{ BER, "2027-10-30 12:00", "in 1 week", "Sat 2027-11-06 09:00", false },
	{ NYC, "2027-03-12 12:00", "sun 2:30am", "!no 02:30 on Sun 2027-03-14: clocks jump", false },
	{ NYC, "2027-03-12 12:00", "sun 3:30am", "Sun 2027-03-14 03:30", true },
	{ NYC, "2027-03-13 23:00", "today", "Sat 2027-03-13 09:00", false },
	/* refused, with an example */
	{ BER, MON, "", "!'' is not a date; try thu 10:30, +3d or 2026-12-03", false },
	{ BER, MON, "   ", "!is not a date", false },
	{ BER, MON, "soon", "!'soon' is not a date; try", false },
	{ BER, MON, "thu 25:00", "!is not a date", false },
	{ BER, MON, "thu 10:60", "!is not a date", false },
	{ BER, MON, "13pm", "!is not a date", false },
	{ BER, MON, "9", "!is not a date", false },
	{ BER, MON, "10:3", "!is not a date", false },
	{ BER, MON, "2026-02-30", "!'2026-02-30' is not a date: 2026-02 has no day 30", false },
	{ BER, MON, "2026-13-01", "!is not a date", false },
	{ BER, MON, "2026-12-07x", "!is not a date", false },
	{ BER, MON, "26-12-07", "!is not a date", false },
	{ BER, MON, "+3", "!is not a date", false },
	{ BER, MON, "+3x", "!is not a date", false },
	{ BER, MON, "+999999d", "!is not a date", false },
	{ BER, MON, "in 3 fortnights", "!is not a date", false },
	{ BER, MON, "in days", "!is not a date", false },
	{ BER, MON, "thu 10:30 sharp", "!is not a date", false },
	{ BER, MON, "today tomorrow", "!is not a date", false },
	{ BER, MON, "next", "!is not a date", false },
	{ BER, MON, "1899-12-31", "!out of range", false },
	{ BER, MON, "a b c d e f g h i j", "!is not a date", false },
};

static void test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		use_tz(r->tz);
		struct tw_when w = { 0 };
		char msg[256] = "", echo[64] = "";
		bool ok = tw_when_parse(r->input, at(r->now), &w, msg, sizeof msg);
		if (ok)
			tw_when_echo(w.t, echo, sizeof echo);
		printf("# %s now %s: '%s' -> %s\n", r->tz, r->now, r->input, ok ? echo : msg);
		if (r->expect[0] == '!') {
			assert_false(ok);
			assert_non_null(strstr(msg, r->expect + 1));
		} else {
			assert_true(ok);
			assert_string_equal(echo, r->expect);
			assert_int_equal(w.has_time, r->has_time);
			assert_memory_equal(w.date, r->expect + 4, 10);
			assert_int_equal(w.date[10], '\0');
		}
	}
}

static void test_day_fields(void **state)
{
	(void)state;
	use_tz(BER);
	tw_time now = at(MON);
	char date[11], msg[256], echo[32];
	assert_true(tw_when_parse_date("thu", now, date, msg, sizeof msg));
	assert_string_equal(date, "2026-12-03");
	assert_true(tw_when_parse_date("+3d", now, date, msg, sizeof msg));
	assert_string_equal(date, "2026-12-03");
	assert_false(tw_when_parse_date("thu 10:30", now, date, msg, sizeof msg));
	assert_non_null(strstr(msg, "'thu 10:30' has a time; give a day: fri, +3d or 2026-12-03"));
	assert_false(tw_when_parse_date("whenever", now, date, msg, sizeof msg));
	assert_non_null(strstr(msg, "'whenever' is not a date; try fri, +3d or 2026-12-03"));
	tw_when_echo_date("2026-12-03", echo, sizeof echo);
	assert_string_equal(echo, "Thu 2026-12-03");
	tw_when_echo_date("2026-02-30", echo, sizeof echo);
	assert_string_equal(echo, "2026-02-30");
	int days = 0;
	assert_true(tw_when_days_until("2026-12-03", now, &days));
	assert_int_equal(days, 3);
	assert_true(tw_when_days_until("2026-11-29", now, &days));
	assert_int_equal(days, -1);
	assert_false(tw_when_days_until("someday", now, &days));
	/* across the spring gap a day still counts as one */
	now = at("2027-03-27 23:30");
	assert_true(tw_when_days_until("2027-03-29", now, &days));
	assert_int_equal(days, 2);
}

static void test_relative(void **state)
{
	(void)state;
	use_tz(BER);
	tw_time now = at(MON);
	static const struct {
		const char *when, *expect;
	} rel[] = {
		{ "2026-11-30 08:00", "this morning" },   { "2026-11-30 14:00", "this afternoon" },
		{ "2026-11-30 19:00", "this evening" },   { "2026-11-30 22:00", "tonight" },
		{ "2026-12-01 08:00", "tomorrow" },       { "2026-11-29 23:59", "yesterday" },
		{ "2026-12-03 10:30", "in 3 days" },      { "2026-11-27 10:30", "3 days ago" },
		{ "2026-12-13 10:30", "in 13 days" },     { "2026-12-21 10:30", "in 3 weeks" },
		{ "2027-03-01 10:30", "in 3 months" },    { "2026-10-10 10:30", "7 weeks ago" },   { "2026-10-01 10:30", "2 months ago" },
	};
	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		char buf[32];
		tw_when_relative(at(rel[i].when), now, buf, sizeof buf);
		printf("# %s -> %s\n", rel[i].when, buf);
		assert_string_equal(buf, rel[i].expect);
	}
}

static void test_label(void **state)
{
	(void)state;
	use_tz(BER);
	tw_time now = at(MON);
	char buf[64];
	tw_when_label(at("2026-12-03 10:30"), now, buf, sizeof buf);
	assert_string_equal(buf, "Thu 3 Dec 10:30, in 3 days");
	tw_when_label(at("2026-11-30 09:00"), now, buf, sizeof buf);
	assert_string_equal(buf, "Mon 30 Nov 09:00, this morning");
	tw_when_label(at("2027-01-05 14:00"), now, buf, sizeof buf);
	assert_string_equal(buf, "Tue 5 Jan 2027 14:00, in 5 weeks");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_day_fields),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
