/* Unit tests of the shared helpers: UTF-8 and text checks, dates, times,
 * and the diagnostics list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "twoway/diag.h"
#include "twoway/util.h"

static void test_utf8(void **state)
{
	(void)state;
	assert_true(tw_utf8_valid("plain", 5));
	assert_true(tw_utf8_valid("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80", 14));
	assert_false(tw_utf8_valid("\xc3", 1));           /* truncated */
	assert_false(tw_utf8_valid("\xc0\xaf", 2));       /* overlong */
	assert_false(tw_utf8_valid("\xed\xa0\x80", 3));   /* surrogate */
	assert_false(tw_utf8_valid("\xff", 1));
	assert_true(tw_text_valid("two\nlines\tand tab", 17));
	assert_false(tw_text_valid("esc\x1b[31m", 8));
	assert_false(tw_text_valid("c1\xc2\x9b", 4));
	assert_false(tw_text_valid("del\x7f", 4));
	assert_true(tw_text_nonblank(" x "));
	assert_false(tw_text_nonblank(" \n\t "));
	assert_false(tw_text_nonblank(""));
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(tw_date_valid("2024-02-29"));
	assert_false(tw_date_valid("2023-02-29"));
	assert_false(tw_date_valid("2023-13-01"));
	assert_false(tw_date_valid("2023-1-01"));
	assert_false(tw_date_valid("2023-01-01x"));
	assert_false(tw_date_valid("tomorrow"));
	tw_time t;
	char buf[32];
	assert_true(tw_time_parse("2026-03-14 15:09", &t));
	tw_time_format(t, buf, sizeof(buf));
	assert_string_equal(buf, "2026-03-14 15:09");
	assert_true(tw_time_parse("2026-03-14T08:30", &t));
	tw_time_format(t, buf, sizeof(buf));
	assert_string_equal(buf, "2026-03-14 08:30");
	assert_true(tw_time_parse("2026-03-14", &t));
	tw_time_format(t, buf, sizeof(buf));
	assert_string_equal(buf, "2026-03-14 09:00");
	assert_false(tw_time_parse("2026-03-14 25:00", &t));
	assert_false(tw_time_parse("2026-02-30", &t));
	tw_today(buf, sizeof(buf));
	assert_true(tw_date_valid(buf));
}

static void test_diags(void **state)
{
	(void)state;
	struct tw_diags d = { 0 };
	for (int i = 0; i < 20; i++)
		assert_true(tw_diags_add(&d, "a.yaml", i + 1, 3, "problem %d", i));
	assert_int_equal(d.n, 20);
	char *s = tw_diag_format(&d.v[4]);
	assert_string_equal(s, "a.yaml:5:3: problem 4");
	free(s);
	assert_true(tw_diags_add(&d, "b.yaml", 0, 0, "cannot open"));
	s = tw_diag_format(&d.v[20]);
	assert_string_equal(s, "b.yaml: cannot open");
	free(s);
	tw_diags_clear(&d);
	assert_int_equal(d.n, 0);
	tw_diags_clear(NULL);

	struct tw_error err = { 0 };
	assert_false(tw_error_set(&err, TW_ERR_INVALID, "bad %s", "date"));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_string_equal(err.message, "bad date");
	tw_error_clear(&err);
	assert_int_equal(err.code, TW_OK);
}

static void test_dirs(void **state)
{
	(void)state;
	setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
	char *d = tw_data_dir();
	assert_string_equal(d, "/tmp/xdg-data/twoway");
	free(d);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/someone", 1);
	d = tw_data_dir();
	assert_string_equal(d, "/home/someone/.local/share/twoway");
	free(d);
	setenv("XDG_STATE_HOME", "relative/ignored", 1);
	d = tw_state_dir();
	assert_string_equal(d, "/home/someone/.local/state/twoway");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_dirs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
