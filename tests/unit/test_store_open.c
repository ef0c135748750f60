/* Unit tests of opening the store: migration of the version-1 fixture,
 * refusing foreign, corrupt and too-new files without changing a byte,
 * file and directory modes, and two writers on one database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/store.h"

static void fixture_path(char *buf, size_t len, const char *name)
{
	const char *data = getenv("TW_TEST_DATA");
	assert_non_null(data);
	snprintf(buf, len, "%s/store/%s", data, name);
}

static void side_files_absent(const char *path)
{
	char p[400];
	static const char *const sfx[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		if (file_exists(p))
			fail_msg("%s was left behind", p);
	}
}

/* Opens path expecting refusal with code; the file must not change. */
static void assert_refused(const char *path, enum tw_errcode code)
{
	size_t n1, n2;
	char *before = slurp(path, &n1);
	assert_non_null(before);
	struct stat s1, s2;
	assert_int_equal(stat(path, &s1), 0);
	struct tw_error err;
	struct tw_store *st = tw_store_open(path, &err);
	if (st)
		fail_msg("%s was opened", path);
	assert_int_equal(err.code, code);
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, "untouched"));
	char *after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(stat(path, &s2), 0);
	assert_int_equal(s1.st_mtime, s2.st_mtime);
	side_files_absent(path);
	free(before);
	free(after);
}

static void test_migrate_v1(void **state)
{
	struct fixture *f = *state;
	char src[400];
	fixture_path(src, sizeof src, "v1.db");
	copy_file(src, f->path);
	struct tw_error err;
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	assert_int_equal(tw_store_found_version(f->st), 1);
	assert_true(tw_store_check(f->st, &err));

	struct tw_profile *pv;
	size_t n;
	assert_true(tw_store_profile_list(f->st, &pv, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(pv[0].name, "Ada");
	assert_string_equal(pv[0].goals, "lead the platform team");
	assert_int_equal(pv[0].created, 1700000000);
	tw_profiles_free(pv, n);

	struct tw_sponsor s;
	assert_true(tw_store_sponsor_get(f->st, 1, &s, &err));
	assert_string_equal(s.name, "Grace Hopper");
	assert_string_equal(s.homework, "COBOL, compilers");
	assert_int_equal(s.stage, TW_STAGE_CONNECTOR);
	assert_int_equal(s.updated, 1700000300);
	tw_sponsor_finish(&s);

	struct tw_progress *pr;
	assert_true(tw_store_progress_list(f->st, 1, &pr, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(pr[0].item_id, "gone/from/content"); /* kept */
	assert_true(pr[0].ticked);
	assert_string_equal(pr[1].item_id, "proactive/before/confidence");
	assert_int_equal(pr[1].rating, 4);
	tw_progresses_free(pr, n);
	int *r;
	tw_time *when;
	assert_true(tw_store_rating_history(f->st, 1, "proactive/before/confidence", &r, &when,
					    &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(r[0], 4);
	assert_int_equal(when[0], 1700000500);
	free(r);
	free(when);

	struct tw_reflection_version *h;
	assert_true(tw_store_reflection_history(f->st, 1, &h, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(h[0].text, "I want to lead a project");
	assert_int_equal(h[1].saved, 1700002000);
	tw_reflection_versions_free(h, n);
	struct tw_reflection rf;
	assert_true(tw_store_reflection_get(f->st, 2, &rf, &err));
	assert_true(rf.is_private);
	assert_null(rf.item_id);
	tw_reflection_finish(&rf);

	struct tw_meeting *mv;
	assert_true(tw_store_meeting_list(f->st, 1, 0, &mv, &n, &err));
	assert_int_equal(n, 2);
	assert_true(mv[0].held);
	assert_string_equal(mv[0].outcome, "intro to the CTO");
	assert_string_equal(mv[0].sponsor_name, "Grace Hopper");
	tw_meetings_free(mv, n);
	struct tw_action *av;
	assert_true(tw_store_action_list(f->st, 1, 0, TW_ACTIONS_ALL, NULL, &av, &n, &err));
	assert_int_equal(n, 3);
	assert_string_equal(av[0].due, "2023-11-20");
	assert_int_equal(av[0].meeting_id, 1);
	tw_actions_free(av, n);

	/* the FTS index covers the migrated rows */
	struct tw_hit *hits;
	assert_true(tw_store_search(f->st, 1, "migration", 0, &hits, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, TW_REC_REFLECTION);
	tw_hits_free(hits, n);
	assert_true(tw_store_search(f->st, 1, "visibility", 0, &hits, &n, &err));
	assert_int_equal(n, 1);
	assert_true(hits[0].is_private);
	tw_hits_free(hits, n);
	assert_true(tw_store_search(f->st, 1, "CTO", 0, &hits, &n, &err));
	assert_int_equal(n, 2); /* meeting 1's outcome and action 2 */
	tw_hits_free(hits, n);
	assert_true(tw_store_search(f->st, 1, "hopper", 0, &hits, &n, &err));
	assert_int_equal(n, 3); /* both meetings by sponsor name, and the sponsor */
	size_t sponsors = 0;
	for (size_t i = 0; i < n; i++)
		sponsors += hits[i].kind == TW_REC_SPONSOR;
	assert_int_equal(sponsors, 1);
	tw_hits_free(hits, n);
	assert_true(tw_store_search(f->st, 0, "roadmap", 0, &hits, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].profile_id, 2);
	tw_hits_free(hits, n);

	/* and the migrated file works as a version-2 one */
	assert_true(tw_store_reflection_save(f->st, 1, "proactive/before/goals", "v3 text", false,
					     NULL, &err));
	tw_store_close(f->st);
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	assert_int_equal(tw_store_found_version(f->st), TW_STORE_SCHEMA_VERSION);
}

static void test_refuse_not_sqlite(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->path, "w");
	for (int i = 0; i < 200; i++)
		fprintf(fp, "my precious notes, line %d\n", i);
	fclose(fp);
	assert_refused(f->path, TW_ERR_FOREIGN);
	/* a short file too */
	fp = fopen(f->path, "w");
	fputs("SQLite", fp);
	fclose(fp);
	assert_refused(f->path, TW_ERR_FOREIGN);
}

static void test_refuse_foreign(void **state)
{
	struct fixture *f = *state;
	char src[400];
	fixture_path(src, sizeof src, "foreign.db");
	copy_file(src, f->path);
	assert_refused(f->path, TW_ERR_FOREIGN);
	fixture_path(src, sizeof src, "foreign_app.db");
	copy_file(src, f->path);
	assert_refused(f->path, TW_ERR_FOREIGN);
}

static void test_refuse_too_new(void **state)
{
	struct fixture *f = *state;
	char src[400];
	fixture_path(src, sizeof src, "too_new.db");
	copy_file(src, f->path);
	assert_refused(f->path, TW_ERR_TOO_NEW);
}

static void test_refuse_corrupt(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	int64_t pid;
	assert_true(tw_store_profile_add(f->st, "Ada", "", "", &pid, &err));
	assert_true(tw_store_batch_begin(f->st, &err));
	for (int i = 0; i < 400; i++) {
		char t[200];
		snprintf(t, sizeof t, "reflection %d with some words to fill the pages of "
				      "the database file so it has middle pages", i);
		assert_true(tw_store_reflection_save(f->st, pid, NULL, t, false, NULL, &err));
	}
	assert_true(tw_store_batch_commit(f->st, &err));
	tw_store_close(f->st);
	f->st = NULL;
	side_files_absent(f->path);

	size_t n;
	char *b = slurp(f->path, &n);
	assert_true(n > 40000);
	for (size_t i = n / 3; i < n / 3 + 8192; i++)
		b[i] = (char)(i * 7 + 13);
	FILE *fp = fopen(f->path, "wb");
	fwrite(b, 1, n, fp);
	fclose(fp);
	free(b);
	assert_refused(f->path, TW_ERR_CORRUPT);
}

static void test_permissions(void **state)
{
	struct fixture *f = *state;
	mode_t old = umask(022);
	char dir[400], path[450];
	snprintf(dir, sizeof dir, "%s/deep/twoway", f->dir);
	snprintf(path, sizeof path, "%s/twoway.db", dir);
	struct tw_error err;
	f->st = tw_store_open(path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	int64_t id;
	assert_true(tw_store_profile_add(f->st, "Ada", "", "", &id, &err));
	struct stat sb;
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char side[500];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_equal(stat(side, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_int_equal(stat(side, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(umask(old), 022); /* restored */
	tw_store_close(f->st);
	f->st = NULL;
	side_files_absent(path);
}

static void test_two_handles(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_store *a = tw_store_open(f->path, &err);
	struct tw_store *b = tw_store_open(f->path, &err);
	assert_non_null(a);
	assert_non_null(b);
	struct tw_profile p;
	assert_true(tw_store_profile_current(a, &p, &err));
	int64_t pid = p.id;
	tw_profile_finish(&p);
	for (int i = 0; i < 50; i++) {
		char t[64];
		snprintf(t, sizeof t, "from a %d", i);
		if (!tw_store_reflection_save(a, pid, NULL, t, false, NULL, &err))
			fail_msg("a: %s", err.message);
		snprintf(t, sizeof t, "from b %d", i);
		if (!tw_store_reflection_save(b, pid, NULL, t, false, NULL, &err))
			fail_msg("b: %s", err.message);
		assert_true(tw_store_progress_tick(b, pid, "g/s/i", i % 2, &err));
	}
	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(a, pid, 0, &v, &n, &err));
	assert_int_equal(n, 100);
	tw_reflections_free(v, n);
	tw_store_close(a);
	tw_store_close(b);
}

static void writer(const char *path, int64_t pid, const char *who)
{
	struct tw_error err;
	struct tw_store *st = tw_store_open(path, &err);
	if (!st)
		_exit(10);
	for (int i = 0; i < 150; i++) {
		char t[64];
		snprintf(t, sizeof t, "%s %d", who, i);
		if (!tw_store_reflection_save(st, pid, NULL, t, false, NULL, &err))
			_exit(11);
		struct tw_action a = { .profile_id = pid, .text = t };
		if (!tw_store_action_add(st, &a, &err))
			_exit(12);
	}
	tw_store_close(st);
}

static void test_two_processes(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	struct tw_profile p;
	assert_true(tw_store_profile_current(f->st, &p, &err));
	int64_t pid = p.id;
	tw_profile_finish(&p);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		writer(f->path, pid, "child");
		_exit(0);
	}
	writer(f->path, pid, "parent");
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(f->st, pid, 0, &v, &n, &err));
	assert_int_equal(n, 300);
	tw_reflections_free(v, n);
	assert_true(tw_store_check(f->st, &err));
}

static void test_batch(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	assert_true(tw_store_batch_begin(f->st, &err));
	assert_false(tw_store_batch_begin(f->st, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "kept?", false, NULL, &err));
	/* a failing call inside a batch leaves the batch usable */
	assert_false(tw_store_reflection_save(f->st, 999, NULL, "x", false, NULL, &err));
	assert_true(tw_store_progress_tick(f->st, f->profile, "a/b/c", true, &err));
	tw_store_batch_rollback(f->st);
	struct tw_reflection *v;
	size_t n;
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 0);
	tw_reflections_free(v, n);
	assert_true(tw_store_batch_begin(f->st, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, NULL, "kept", false, NULL, &err));
	assert_true(tw_store_batch_commit(f->st, &err));
	assert_true(tw_store_reflection_list(f->st, f->profile, 0, &v, &n, &err));
	assert_int_equal(n, 1);
	tw_reflections_free(v, n);
	assert_false(tw_store_batch_commit(f->st, &err));
}

static void test_bad_path(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	assert_null(tw_store_open("", &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_null(tw_store_open(f->dir, &err)); /* a directory */
	assert_int_equal(err.code, TW_ERR_FOREIGN);
	/* an empty file is taken as new */
	FILE *fp = fopen(f->path, "w");
	fclose(fp);
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_v1, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_not_sqlite, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_foreign, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_too_new, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_corrupt, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_permissions, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_two_handles, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_two_processes, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_batch, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_bad_path, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
