/* Unit tests of the guide library: directories load in name order, a later
 * guide replaces an earlier one with a notice, broken files are skipped
 * with their problems, lookups by full id and suggestions for typos. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "twoway/content.h"
#include "twoway/util.h"

static char *data_path(const char *rel)
{
	const char *root = getenv("TW_TEST_DATA");
	assert_non_null(root);
	char *p = tw_strdup_printf("%s/content/%s", root, rel);
	assert_non_null(p);
	return p;
}

static void test_replace_and_skip(void **state)
{
	(void)state;
	char *a = data_path("lib/a"), *b = data_path("lib/b");
	struct tw_library *lib = tw_library_new();
	assert_non_null(lib);
	assert_true(tw_library_add_dir(lib, a, false));
	assert_int_equal(lib->n_guides, 2); /* notes.txt is not content */
	assert_string_equal(lib->guides[0]->id, "alpha");
	assert_string_equal(lib->guides[1]->id, "beta");
	assert_int_equal(lib->n_notices, 0);

	assert_true(tw_library_add_dir(lib, b, false));
	/* alpha keeps its place, now the one from b; beta untouched. */
	assert_int_equal(lib->n_guides, 2);
	assert_string_equal(lib->guides[0]->id, "alpha");
	assert_string_equal(lib->guides[0]->title, "Alpha, replaced");
	assert_string_equal(lib->guides[1]->title, "Beta");
	assert_int_equal(lib->n_notices, 1);
	char *want = tw_strdup_printf("guide 'alpha' from %s/10-alpha.yaml replaces the one from "
				      "%s/10-alpha.yaml", b, a);
	assert_string_equal(lib->notices[0], want);
	free(want);

	/* The broken file was skipped, with its located problem. */
	assert_int_equal(lib->n_skipped, 1);
	assert_int_equal(lib->problems.n, 1);
	char *broken = tw_strdup_printf("%s/15-broken.yaml", b);
	assert_string_equal(lib->problems.v[0].path, broken);
	assert_int_equal(lib->problems.v[0].line, 4);
	assert_int_equal(lib->problems.v[0].column, 1);
	free(broken);
	tw_library_free(lib);
	free(a);
	free(b);
}

static void test_missing_dirs(void **state)
{
	(void)state;
	struct tw_library *lib = tw_library_new();
	assert_true(tw_library_add_dir(lib, "/nonexistent/twoway-content", true));
	assert_int_equal(lib->problems.n, 0);
	assert_false(tw_library_add_dir(lib, "/nonexistent/twoway-content", false));
	assert_int_equal(lib->problems.n, 1);
	assert_string_equal(lib->problems.v[0].message,
			    "cannot read content directory: No such file or directory");
	char *file = data_path("good/minimal.yaml");
	assert_true(tw_library_add_file(lib, file));
	assert_false(tw_library_add_file(lib, "/nonexistent/x.yaml"));
	assert_int_equal(lib->n_guides, 1);
	assert_int_equal(lib->n_skipped, 1);
	free(file);
	tw_library_free(lib);
	tw_library_free(NULL);
}

/* bundled, then $XDG_DATA_HOME/twoway/content, then the extra directory. */
static void test_load_default(void **state)
{
	(void)state;
	char tmp[] = "/tmp/tw-lib-XXXXXX";
	assert_non_null(mkdtemp(tmp));
	char *user = tw_strdup_printf("%s/twoway/content", tmp);
	assert_true(tw_mkdir_p(user, 0700));
	char *src = data_path("lib/b/10-alpha.yaml");
	char *dst = tw_strdup_printf("%s/alpha.yaml", user);
	FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
	assert_non_null(in);
	assert_non_null(out);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
	setenv("XDG_DATA_HOME", tmp, 1);

	char *a = data_path("lib/a"), *good = data_path("good");
	struct tw_library *lib = tw_library_load_default(a, good);
	assert_non_null(lib);
	assert_int_equal(lib->problems.n, 0);
	assert_int_equal(lib->n_guides, 4); /* alpha, beta, test-guide, minimal */
	assert_string_equal(lib->guides[0]->title, "Alpha, replaced");
	assert_string_equal(lib->guides[0]->path, dst);
	assert_string_equal(lib->guides[2]->id, "test-guide");
	assert_string_equal(lib->guides[3]->id, "minimal");
	assert_int_equal(lib->n_notices, 1);
	tw_library_free(lib);

	/* A missing --content directory is a problem; the rest still loads. */
	lib = tw_library_load_default(a, "/nonexistent/extra");
	assert_non_null(lib);
	assert_int_equal(lib->n_guides, 2);
	assert_int_equal(lib->problems.n, 1);
	assert_string_equal(lib->problems.v[0].path, "/nonexistent/extra");
	assert_string_equal(lib->problems.v[0].message,
			    "content directory does not exist: No such file or directory");
	tw_library_free(lib);

	unlink(dst);
	rmdir(user);
	char *tw = tw_strdup_printf("%s/twoway", tmp);
	rmdir(tw);
	rmdir(tmp);
	free(tw);
	free(a);
	free(good);
	free(src);
	free(dst);
	free(user);
	unsetenv("XDG_DATA_HOME");
}

static void test_lookup_and_suggest(void **state)
{
	(void)state;
	char *a = data_path("lib/a"), *good = data_path("good");
	struct tw_library *lib = tw_library_new();
	assert_true(tw_library_add_dir(lib, a, false));
	assert_true(tw_library_add_dir(lib, good, false));

	assert_non_null(tw_library_guide(lib, "beta"));
	assert_null(tw_library_guide(lib, "gamma"));
	const struct tw_guide *g = NULL;
	const struct tw_section *s = NULL;
	const struct tw_item *it = tw_library_item(lib, "beta/debrief/trust", &g, &s);
	assert_non_null(it);
	assert_int_equal(it->kind, TW_ITEM_RATE);
	assert_string_equal(g->id, "beta");
	assert_string_equal(s->id, "debrief");
	assert_non_null(tw_library_item(lib, "test-guide/first/think", NULL, NULL));
	assert_null(tw_library_item(lib, "beta/debrief", NULL, NULL));
	assert_null(tw_library_item(lib, "beta/debrief/trust/x", NULL, NULL));
	assert_null(tw_library_item(lib, "beta/prepare/trust", NULL, NULL));
	assert_null(tw_library_item(lib, "", NULL, NULL));

	const char *out[4];
	/* A typo in the item: the right one first. */
	size_t n = tw_library_suggest(lib, "beta/prepare/do-homwork", out, 4);
	assert_true(n >= 1);
	assert_string_equal(out[0], "beta/prepare/do-homework");
	/* The item slug alone matches it in every guide, in load order. */
	n = tw_library_suggest(lib, "one-ask", out, 4);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "alpha/prepare/one-ask");
	assert_string_equal(out[1], "beta/prepare/one-ask");
	/* Best first even when found later. */
	n = tw_library_suggest(lib, "betta/debrief/trust", out, 1);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "beta/debrief/trust");
	/* Nothing close: nothing offered. */
	assert_int_equal(tw_library_suggest(lib, "completely-unrelated-words", out, 4), 0);
	assert_int_equal(tw_library_suggest(lib, "x", out, 0), 0);
	tw_library_free(lib);
	free(a);
	free(good);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replace_and_skip),
		cmocka_unit_test(test_missing_dirs),
		cmocka_unit_test(test_load_default),
		cmocka_unit_test(test_lookup_and_suggest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
