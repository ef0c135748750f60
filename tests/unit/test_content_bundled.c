/* The bundled guides (content/en, through TW_CONTENT_DIR) all load without a
 * single problem, there are at least four of them, and every full item id
 * is unique across them. Fails when the directory is empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "twoway/content.h"
#include "twoway/util.h"

static void test_bundled_guides_load(void **state)
{
	(void)state;
	const char *dir = getenv("TW_CONTENT_DIR");
	assert_non_null(dir);
	struct tw_library *lib = tw_library_new();
	assert_non_null(lib);
	bool read = tw_library_add_dir(lib, dir, false);
	for (size_t i = 0; i < lib->problems.n; i++) {
		char *line = tw_diag_format(&lib->problems.v[i]);
		print_error("%s\n", line);
		free(line);
	}
	assert_true(read);
	assert_int_equal(lib->problems.n, 0);
	assert_int_equal(lib->n_skipped, 0);
	assert_int_equal(lib->n_notices, 0); /* no two bundled guides share an id */
	if (lib->n_guides < 4)
		fail_msg("%zu bundled guides in %s; there should be at least 4", lib->n_guides, dir);

	size_t items = 0;
	for (size_t g = 0; g < lib->n_guides; g++) {
		const struct tw_guide *guide = lib->guides[g];
		assert_true(guide->n_sections > 0);
		for (size_t s = 0; s < guide->n_sections; s++)
			for (size_t i = 0; i < guide->sections[s].n_items; i++) {
				const struct tw_item *it = &guide->sections[s].items[i];
				const struct tw_item *found = tw_library_item(lib, it->full_id, NULL, NULL);
				assert_ptr_equal(found, it);
				items++;
			}
	}
	assert_true(items > 0);
	tw_library_free(lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_guides_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
