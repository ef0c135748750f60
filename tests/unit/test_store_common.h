/* Helpers shared by the store's unit tests: a fresh temporary directory per
 * test, opening a store inside it (or a migrated fixture), checking it,
 * searching it, and reading whole files to compare. */
#ifndef TW_TEST_STORE_COMMON_H
#define TW_TEST_STORE_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/content.h"
#include "twoway/store.h"

struct fixture {
	char dir[256];
	char path[300];
	struct tw_store *st;
	int64_t profile;
};

/* cmocka setup/teardown: a temp dir with an open store and one profile. */
int store_setup(void **state);
int store_teardown(void **state);
/* Only the temp dir (no store). */
int dir_setup(void **state);

/* mkdtemp under $TMPDIR (or /tmp); removes the tree afterwards. */
void tmpdir_make(char *buf, size_t len);
void tmpdir_remove(const char *dir);

/* Whole file into a malloc'd buffer; NULL when missing. */
char *slurp(const char *path, size_t *len);
bool file_exists(const char *path);
void copy_file(const char *from, const char *to);
/* Copies tests/data/store/NAME over f->path and opens it there (which
 * migrates it) into f->st: fails the test unless it opens, was found at
 * schema FROM, and passes tw_store_check afterwards. */
/* cmocka group setup/teardown: content_lib holds the guides shipped in
 * content/en ($TW_CONTENT_DIR) for the group's tests. */
extern struct tw_library *content_lib;
int content_setup(void **state);
int content_teardown(void **state);
void fixture_open_migrated(struct fixture *f, const char *name, int from);
/* Fails the test unless f->st passes tw_store_check (the search index
 * holds exactly the words of the live records, among others); after says
 * after what, in the message. */
void fixture_check(struct fixture *f, const char *after);
/* Whether the database at path (closed: read with SQLite itself) has the
 * index name, with needle in its SQL. */
bool fixture_index_has(const char *path, const char *name, const char *needle);
/* tw_store_search of q in profile (0: every profile), no limit given;
 * fails the test when it fails. Returns the hits in *h (free them with
 * tw_hits_free). */
size_t fixture_search(struct fixture *f, int64_t profile, const char *q, struct tw_hit **h);

#endif
