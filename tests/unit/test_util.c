/* Unit tests of the shared helpers: UTF-8 and text checks, dates, times,
 * the diagnostics list, the growable array and the whole-file reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

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
	/* a bad byte at every place of a longer text (eight bytes are
	 * checked at a time) */
	static const char *const bad[] = { "\x1b", "\x7f", "\xc2\x9b", "\x80", "\x01", "\r" };
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
		for (int at = 0; at <= 20; at++) {
			char t[64];
			int n = snprintf(t, sizeof t, "%.*s%s%.*s", at, "abcdefghij klmnopqrst",
					 bad[k], 20 - at, "ABCDEFGHIJ~KLMNOPQRST");
			assert_false(tw_text_valid(t, (size_t)n));
			n = snprintf(t, sizeof t, "%.*s\xc3\xa9\n%.*s", at, "abcdefghij klmnopqrst",
				     20 - at, "ABCDEFGHIJ~KLMNOPQRST");
			assert_true(tw_text_valid(t, (size_t)n));
		}
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

/* tw_grow: room for n + 1 elements, new room zeroed, overflow refused. */
static void test_grow(void **state)
{
	(void)state;
	int64_t *v = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < 1000; i++) {
		assert_true(tw_grow((void **)&v, &cap, i, sizeof *v));
		assert_true(cap > i);
		assert_int_equal(v[i], 0); /* zeroed, never garbage */
		v[i] = (int64_t)i * 3;
	}
	for (size_t i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int64_t)i * 3);
	size_t before = cap;
	assert_true(tw_grow((void **)&v, &cap, 10, sizeof *v)); /* room already */
	assert_int_equal(cap, before);
	/* an element count whose bytes overflow size_t is refused, v intact */
	assert_false(tw_grow((void **)&v, &cap, SIZE_MAX / 4, sizeof *v));
	assert_false(tw_grow((void **)&v, &cap, SIZE_MAX - 1, 1));
	assert_int_equal(cap, before);
	assert_int_equal(v[999], 2997);
	free(v);
}

/* tw_read_fd / tw_read_file: all of a pipe written in pieces, the size
 * limit (len == max + 1 means too big), NUL bytes kept, missing files. */
static void test_read_all(void **state)
{
	(void)state;
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	size_t total = 3 * 4096 + 17;
	char *want = malloc(total);
	assert_non_null(want);
	for (size_t i = 0; i < total; i++)
		want[i] = (char)('a' + i % 26);
	want[100] = '\0';
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		for (size_t at = 0; at < total; at += 1000) {
			size_t n = total - at < 1000 ? total - at : 1000;
			if (write(fd[1], want + at, n) != (ssize_t)n)
				_exit(1);
		}
		_exit(0);
	}
	close(fd[1]);
	size_t len = 0;
	char *got = tw_read_fd(fd[0], 0, &len);
	close(fd[0]);
	assert_non_null(got);
	assert_int_equal(len, total);
	assert_memory_equal(got, want, total);
	assert_int_equal(got[len], '\0');
	free(got);

	char path[] = "/tmp/tw-readall-XXXXXX";
	int f = mkstemp(path);
	assert_true(f >= 0);
	assert_int_equal(write(f, want, total), (ssize_t)total);
	close(f);
	got = tw_read_file(path, total, &len); /* exactly the limit: fits */
	assert_non_null(got);
	assert_int_equal(len, total);
	free(got);
	got = tw_read_file(path, 5000, &len); /* over: one byte past says so */
	assert_non_null(got);
	assert_int_equal(len, 5001);
	assert_memory_equal(got, want, 5001);
	free(got);
	got = tw_read_file(path, 0, &len);
	assert_non_null(got);
	assert_int_equal(len, total);
	free(got);
	unlink(path);
	errno = 0;
	assert_null(tw_read_file(path, 0, &len));
	assert_int_equal(errno, ENOENT);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_dirs),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_read_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
