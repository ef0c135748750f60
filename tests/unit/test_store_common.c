/* Helpers shared by the store's unit tests: temp directories made with
 * mkdtemp and removed with nftw, a store per test, whole-file reads. */
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "test_store_common.h"

void tmpdir_make(char *buf, size_t len)
{
	const char *t = getenv("TMPDIR");
	snprintf(buf, len, "%s/twoway-store-XXXXXX", t && *t ? t : "/tmp");
	assert_non_null(mkdtemp(buf));
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	return remove(p);
}

void tmpdir_remove(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int dir_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	tmpdir_make(f->dir, sizeof f->dir);
	snprintf(f->path, sizeof f->path, "%s/twoway.db", f->dir);
	*state = f;
	return 0;
}

int store_setup(void **state)
{
	dir_setup(state);
	struct fixture *f = *state;
	struct tw_error err;
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	if (!tw_store_profile_add(f->st, "Ada", "engineer", "lead a team", &f->profile, &err))
		fail_msg("profile: %s", err.message);
	return 0;
}

int store_teardown(void **state)
{
	struct fixture *f = *state;
	tw_store_close(f->st);
	tmpdir_remove(f->dir);
	free(f);
	return 0;
}

char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

void copy_file(const char *from, const char *to)
{
	size_t n;
	char *b = slurp(from, &n);
	assert_non_null(b);
	FILE *fp = fopen(to, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, n, fp), n);
	fclose(fp);
	free(b);
}

void fixture_open_migrated(struct fixture *f, const char *name, int from)
{
	char src[400];
	snprintf(src, sizeof src, "%s/store/%s", getenv("TW_TEST_DATA"), name);
	copy_file(src, f->path);
	struct tw_error err = { 0 };
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open %s: %s", name, err.message);
	assert_int_equal(tw_store_found_version(f->st), from);
	if (!tw_store_check(f->st, &err))
		fail_msg("check of migrated %s: %s", name, err.message);
}

void fixture_check(struct fixture *f, const char *after)
{
	struct tw_error err = { 0 };
	if (!tw_store_check(f->st, &err))
		fail_msg("after %s: %s", after, err.message);
}

size_t fixture_search(struct fixture *f, int64_t profile, const char *q, struct tw_hit **h)
{
	struct tw_error err;
	size_t n;
	if (!tw_store_search(f->st, profile, q, 0, h, &n, &err))
		fail_msg("search '%s': %s", q, err.message);
	return n;
}

bool fixture_index_has(const char *path, const char *name, const char *needle)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT sql FROM sqlite_master WHERE type = 'index'"
					    " AND name = ?1",
					    -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	const char *sql = sqlite3_step(q) == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0)
							 : NULL; /* NULL too for an automatic index */
	bool found = sql && strstr(sql, needle) != NULL;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return found;
}

struct tw_library *content_lib;

int content_setup(void **state)
{
	(void)state;
	const char *dir = getenv("TW_CONTENT_DIR");
	content_lib = tw_library_new();
	return dir && content_lib && tw_library_add_dir(content_lib, dir, false) ? 0 : -1;
}

int content_teardown(void **state)
{
	(void)state;
	tw_library_free(content_lib);
	content_lib = NULL;
	return 0;
}
