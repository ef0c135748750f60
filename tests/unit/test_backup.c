/* Unit tests of backups through the public headers: the keeping rule on
 * chosen dates, the daily backup before the first write, and a restore
 * that a second open connection sees and keeps writing after. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/backup.h"
#include "twoway/store.h"
#include "twoway/util.h"

/* keep() for a list of ids on a fixed today (2026-11-30, a Monday). */
static void expect_kept(const char *const *ids, const bool *want, size_t n)
{
	bool keep[32];
	assert_true(n <= 32);
	assert_true(tw_backup_keep("2026-11-30", ids, n, keep));
	for (size_t i = 0; i < n; i++)
		if (keep[i] != want[i])
			fail_msg("%s: kept %d, want %d", ids[i], keep[i], want[i]);
}

static void test_keep_rule(void **state)
{
	(void)state;
	const char *const ids[] = {
		"2026-11-30",                /* today */
		"2026-11-24",                /* 6 days ago: daily window */
		"2026-11-23",                /* 7 days ago, Monday; 11-24 is newer that week */
		"2026-11-22",                /* Sunday: newest of the week of 11-16 */
		"2026-11-17",                /* same week, older */
		"2026-11-15",                /* week of 11-09 (3 weeks back): its daily */
		"2026-11-15-120000-now",     /* ...but this manual one is newer */
		"2026-11-10",
		"2026-11-08",                /* week of 11-02: 4 weeks back, gone */
		"2025-01-05",                /* long ago */
		"2026-12-05",                /* ahead of the clock: kept */
	};
	const bool want[] = { true, true, false, true, false, false, true, false, false, false,
			      true };
	expect_kept(ids, want, sizeof ids / sizeof ids[0]);

	/* A lone old backup of a kept week stays (newest of its week). */
	const char *const one[] = { "2026-11-09" };
	const bool one_want[] = { true };
	expect_kept(one, one_want, 1);

	bool k[1];
	const char *const bad[] = { "2026-02-30" };
	assert_false(tw_backup_keep("2026-11-30", bad, 1, k));
	assert_false(tw_backup_keep("yesterday", one, 1, k));
}

static int64_t add_action(struct tw_store *st, int64_t profile, const char *text)
{
	struct tw_action a = { .profile_id = profile, .text = (char *)text };
	struct tw_error err;
	if (!tw_store_action_add(st, &a, &err))
		fail_msg("action add: %s", err.message);
	return a.id;
}

static size_t count_actions(struct tw_store *st, int64_t profile)
{
	struct tw_action *v = NULL;
	size_t n = 0;
	struct tw_error err;
	if (!tw_store_action_list(st, profile, 0, TW_ACTIONS_ALL, "2026-11-30", &v, &n, &err))
		fail_msg("action list: %s", err.message);
	tw_actions_free(v, n);
	return n;
}

static void test_daily_and_restore(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	/* The store that created the file takes no backup of it. */
	add_action(f->st, f->profile, "one");
	char *dir = tw_backup_dir(f->path);
	assert_non_null(dir);
	assert_false(file_exists(dir));
	tw_store_close(f->st);

	/* A later process: its first write backs up the file before it. */
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	add_action(f->st, f->profile, "two");
	assert_null(tw_store_backup_problem(f->st));
	struct tw_backup *v = NULL;
	size_t n = 0;
	assert_true(tw_backup_list(f->path, &v, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].kind, TW_BACKUP_DAILY);
	char today[11];
	tw_today(today, sizeof today);
	assert_string_equal(v[0].id, today);
	struct stat sb;
	assert_int_equal(stat(v[0].path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	tw_backup_list_free(v, n);

	/* A second connection stays open across the restore. */
	struct tw_store *other = tw_store_open(f->path, &err);
	assert_non_null(other);
	assert_int_equal(count_actions(other, f->profile), 2);
	tw_store_changed(other); /* starts watching */
	assert_false(tw_store_changed(other));
	char *restored = NULL, *before = NULL;
	if (!tw_store_backup_restore(f->st, today, &restored, &before, &err))
		fail_msg("restore: %s", err.message);
	assert_string_equal(restored, today);
	assert_non_null(strstr(before, "-restore"));
	assert_int_equal(count_actions(f->st, f->profile), 1);
	assert_true(tw_store_changed(other)); /* the other window is told */
	assert_int_equal(count_actions(other, f->profile), 1);
	/* ...and writes after it. */
	add_action(other, f->profile, "three");
	assert_int_equal(count_actions(f->st, f->profile), 2);
	assert_true(tw_store_check(other, &err));
	tw_store_close(other);

	/* Unknown ids change nothing. */
	assert_false(tw_store_backup_restore(f->st, "2001-01-01", NULL, NULL, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_int_equal(count_actions(f->st, f->profile), 2);
	free(restored);
	free(before);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keep_rule),
		cmocka_unit_test_setup_teardown(test_daily_and_restore, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
