/* Unit tests of the content loader: the good fixtures load with every field
 * right, and each malformed fixture yields exactly its list of located
 * problems (line, column, message), in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
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

static void test_full_guide(void **state)
{
	(void)state;
	char *path = data_path("good/full.yaml");
	struct tw_diags d = { 0 };
	struct tw_guide *g = tw_content_load_file(path, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(g);
	assert_string_equal(g->id, "test-guide");
	assert_string_equal(g->title, "A test guide");
	assert_string_equal(g->summary, "Exercises every key of the content format: all three kinds, "
					"slots, optional detail and coach prompts.\n");
	assert_string_equal(g->source, "Test Article, by A. Author and B. Author (2024)");
	assert_string_equal(g->locale, "en-GB");
	assert_string_equal(g->path, path);
	assert_int_equal(g->n_sections, 2);

	const struct tw_section *s = &g->sections[0];
	assert_string_equal(s->id, "first");
	assert_string_equal(s->title, "First section");
	assert_string_equal(s->intro, "Two lines\nof intro.\n");
	assert_int_equal(s->basis, TW_BASIS_ARTICLE);
	assert_int_equal(s->n_items, 3);
	const struct tw_item *it = &s->items[0];
	assert_string_equal(it->id, "tick-me");
	assert_string_equal(it->full_id, "test-guide/first/tick-me");
	assert_int_equal(it->kind, TW_ITEM_CHECK);
	assert_string_equal(it->text, "Tick this box.");
	assert_string_equal(it->detail, "A paragraph of detail \xe2\x80\x94 with UTF-8 "
					"\xe2\x80\x9cquotes\xe2\x80\x9d and a tab\tinside.");
	assert_string_equal(it->coach, "What stopped you?");
	assert_null(it->low);
	assert_null(it->high);
	assert_int_equal(it->slot, TW_SLOT_NONE);
	assert_int_equal(it->line, 18);
	it = &s->items[1];
	assert_string_equal(it->full_id, "test-guide/first/think");
	assert_int_equal(it->kind, TW_ITEM_REFLECT);
	assert_int_equal(it->slot, TW_SLOT_ASK);
	assert_null(it->detail);
	assert_null(it->coach);
	assert_int_equal(it->line, 23);
	it = &s->items[2];
	assert_int_equal(it->kind, TW_ITEM_RATE);
	assert_string_equal(it->low, "Not at all");
	assert_string_equal(it->high, "Completely");
	assert_int_equal(it->line, 27);

	s = &g->sections[1];
	assert_string_equal(s->id, "second");
	assert_null(s->intro);
	assert_int_equal(s->basis, TW_BASIS_ADAPTED);
	assert_int_equal(s->n_items, 3);
	assert_int_equal(s->items[0].slot, TW_SLOT_OUTCOME);
	assert_string_equal(s->items[0].text, "What came of it?");
	assert_int_equal(s->items[1].slot, TW_SLOT_NONE);
	assert_int_equal(s->items[2].slot, TW_SLOT_REPORT_BACK);
	assert_string_equal(s->items[2].full_id, "test-guide/second/report-back-2");
	assert_int_equal(s->items[2].line, 44);
	tw_guide_free(g);
	free(path);
}

static void test_minimal_guide(void **state)
{
	(void)state;
	char *path = data_path("good/minimal.yaml");
	struct tw_diags d = { 0 };
	struct tw_guide *g = tw_content_load_file(path, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(g);
	assert_int_equal(g->n_sections, 1);
	assert_int_equal(g->sections[0].n_items, 1);
	assert_string_equal(g->sections[0].items[0].full_id, "minimal/only/one");
	assert_string_equal(g->sections[0].items[0].text, "One thing");
	assert_int_equal(g->sections[0].items[0].line, 12);
	tw_guide_free(g);
	free(path);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(tw_item_kind_name(TW_ITEM_CHECK), "check");
	assert_string_equal(tw_item_kind_name(TW_ITEM_REFLECT), "reflect");
	assert_string_equal(tw_item_kind_name(TW_ITEM_RATE), "rate");
	assert_string_equal(tw_slot_name(TW_SLOT_NEXT_STEP), "next-step");
	assert_string_equal(tw_slot_name(TW_SLOT_FOLLOW_UP), "follow-up");
	assert_string_equal(tw_slot_name(TW_SLOT_REPORT_BACK), "report-back");
	assert_string_equal(tw_slot_name(TW_SLOT_NONE), "none");
	tw_guide_free(NULL);
}

/* In memory: the name goes into messages; NULL diags is allowed. */
static void test_parse_buffer(void **state)
{
	(void)state;
	static const char good[] = "schema: 1\nid: mem\ntitle: t\nsummary: s\nsource: s\n"
				   "locale: en\nsections:\n- id: a\n  title: A\n  basis: article\n"
				   "  items:\n  - {id: x, kind: rate, text: t, low: l, high: h}\n";
	struct tw_diags d = { 0 };
	struct tw_guide *g = tw_content_parse("memory", good, sizeof(good) - 1, &d);
	assert_non_null(g);
	assert_string_equal(g->path, "memory");
	assert_string_equal(g->sections[0].items[0].full_id, "mem/a/x");
	tw_guide_free(g);

	static const char bad[] = "schema: 1\nid: [x]\n";
	assert_null(tw_content_parse("memory", bad, sizeof(bad) - 1, NULL));
	assert_null(tw_content_parse("memory", bad, sizeof(bad) - 1, &d));
	assert_true(d.n >= 1);
	assert_string_equal(d.v[0].path, "memory");
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[0].column, 1);
	assert_string_equal(d.v[0].message, "the guide is missing required key 'title'");
	tw_diags_clear(&d);
}

/* Over 1 MiB: one problem for the whole file, in memory and on disk. */
static void test_too_large(void **state)
{
	(void)state;
	size_t len = TW_CONTENT_MAX_BYTES + 1;
	char *buf = malloc(len);
	assert_non_null(buf);
	memset(buf, '#', len);
	struct tw_diags d = { 0 };
	assert_null(tw_content_parse("big.yaml", buf, len, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].message, "the file is larger than 1 MiB (1048577 bytes); content "
					    "files are limited to 1 MiB");
	tw_diags_clear(&d);

	char path[] = "/tmp/tw-content-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	close(fd);
	assert_null(tw_content_load_file(path, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].path, path);
	assert_string_equal(d.v[0].message, "the file is larger than 1 MiB (1048577 bytes); content "
					    "files are limited to 1 MiB");
	tw_diags_clear(&d);
	unlink(path);
	free(buf);

	/* Exactly 1 MiB is allowed (and here is just a comment: empty). */
	assert_null(tw_content_parse("edge.yaml", "#", 1, &d));
	assert_string_equal(d.v[0].message, "the file is empty; a guide starts with 'schema: 1'");
	tw_diags_clear(&d);
}

static void test_unreadable(void **state)
{
	(void)state;
	struct tw_diags d = { 0 };
	assert_null(tw_content_load_file("/nonexistent/guide.yaml", &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].message, "cannot read: No such file or directory");
	tw_diags_clear(&d);
	char *dir = data_path("good");
	assert_null(tw_content_load_file(dir, &d));
	assert_string_equal(d.v[0].message, "cannot read: it is a directory");
	tw_diags_clear(&d);
	free(dir);
}

/* ---- the malformed fixtures ---- */

struct expect {
	int line, column;
	const char *message;
};

struct bad_case {
	const char *file;
	struct expect want[16];
};

static const struct bad_case bad_cases[] = {
	{ "anchors.yaml", {
		{ 3, 8, "anchors (&t) are not allowed in content files; write the text out" },
		{ 4, 10, "aliases (*t) are not allowed in content files; write the text out" },
		{ 11, 12, "anchors (&items) are not allowed in content files; write the text out" },
		{ 16, 12, "aliases (*items) are not allowed in content files; write the text out" },
	} },
	{ "bad-basis.yaml", {
		{ 10, 12, "section 'one' has unknown basis 'articel' (expected article or adapted)" },
	} },
	{ "bad-ids.yaml", {
		{ 2, 5, "guide id 'Bad_Guide' is not a valid id (use lowercase letters, digits and single hyphens, like 'first-meeting')" },
		{ 8, 9, "section id 'one--two' is not a valid id (use lowercase letters, digits and single hyphens, like 'first-meeting')" },
		{ 12, 13, "item id '-leading' is not a valid id (use lowercase letters, digits and single hyphens, like 'first-meeting')" },
		{ 15, 13, "item id 'this-id-is-much-too-long-for-a-slug-of-f...' is longer than 48 characters" },
		{ 18, 13, "item 3 of section 'one--two' has empty id" },
	} },
	{ "bad-locale.yaml", {
		{ 6, 9, "locale 'English' is not a language tag like 'en' or 'en-GB'" },
	} },
	{ "bad-slot.yaml", {
		{ 15, 15, "item 'a' has unknown slot 'homwork' (expected homework, challenge, questions, next-step, feedback, ask, notes, outcome, follow-up or report-back)" },
		{ 19, 9, "'slot' is only for reflect items, and item 'b' is a check item" },
		{ 23, 15, "'slot' of item 'c' must be text, not a list" },
	} },
	{ "comments-only.yaml", {
		{ 1, 1, "the file is empty; a guide starts with 'schema: 1'" },
	} },
	{ "complex-key.yaml", {
		{ 3, 3, "a key must be a plain name, not a list" },
	} },
	{ "control-chars.yaml", {
		{ 3, 12, "control character U+0007; content may not hold control characters or escape sequences" },
		{ 12, 41, "control character U+001B; content may not hold control characters or escape sequences" },
	} },
	{ "deep-nesting.yaml", {
		{ 2, 22, "nested more than 16 levels deep; a guide needs far fewer" },
	} },
	{ "duplicate-ids.yaml", {
		{ 14, 14, "item id 'a' is used twice in section 'one' (first at line 12)" },
		{ 15, 9, "section id 'one' is used twice in guide 'dups' (first at line 8)" },
	} },
	{ "duplicate-keys.yaml", {
		{ 4, 1, "key 'title' appears twice in this map (first at line 3)" },
		{ 15, 9, "key 'kind' appears twice in this map (first at line 14)" },
	} },
	{ "empty-lists.yaml", {
		{ 11, 12, "section 'one' has no items" },
	} },
	{ "empty-text.yaml", {
		{ 3, 8, "guide 'empty-text' has empty title" },
		{ 4, 10, "guide 'empty-text' has empty summary" },
		{ 9, 12, "section 'one' has empty title" },
		{ 14, 14, "item 'a' has empty text" },
		{ 17, 15, "item 'b' has empty text" },
		{ 18, 16, "item 'b' has empty coach" },
	} },
	{ "empty.yaml", {
		{ 1, 1, "the file is empty; a guide starts with 'schema: 1'" },
	} },
	{ "escape-sequences.yaml", {
		{ 3, 8, "'title' of guide 'escapes' holds control character U+001B; content text may not hold control characters or escape sequences" },
		{ 14, 15, "'text' of item 'a' holds control character U+0007; content text may not hold control characters or escape sequences" },
		{ 15, 17, "'detail' of item 'a' holds control character U+0000; content text may not hold control characters or escape sequences" },
	} },
	{ "labels-on-check.yaml", {
		{ 15, 9, "'low' is only for rate items, and item 'a' is a check item" },
		{ 16, 9, "'high' is only for rate items, and item 'a' is a check item" },
		{ 20, 9, "'high' is only for rate items, and item 'b' is a reflect item" },
	} },
	{ "many-problems.yaml", {
		{ 1, 1, "guide 'many' is missing required key 'source'" },
		{ 1, 9, "schema 3 is not supported (this twoway reads schema 1)" },
		{ 9, 12, "section 'prepare' has unknown basis 'guess' (expected article or adapted)" },
		{ 15, 9, "rate item 'homework' is missing 'low' (the label for 1)" },
		{ 15, 9, "rate item 'homework' is missing 'high' (the label for 5)" },
		{ 15, 13, "item id 'homework' is used twice in section 'prepare' (first at line 11)" },
		{ 17, 15, "item 'homework' has empty text" },
		{ 18, 13, "item id 'Trust' is not a valid id (use lowercase letters, digits and single hyphens, like 'first-meeting')" },
		{ 19, 15, "item 'Trust' has unknown kind 'chek' (expected check, reflect or rate)" },
		{ 28, 15, "'text' of item 'notes' holds control character U+001B; content text may not hold control characters or escape sequences" },
		{ 29, 15, "item 'notes' has unknown slot 'note' (expected homework, challenge, questions, next-step, feedback, ask, notes, outcome, follow-up or report-back)" },
		{ 30, 9, "unknown key 'extra' in item 'notes' (expected id, kind, text, detail, coach, low, high or slot)" },
	} },
	{ "missing-guide-keys.yaml", {
		{ 1, 1, "guide 'missing' is missing required key 'title'" },
		{ 1, 1, "guide 'missing' is missing required key 'source'" },
		{ 1, 1, "guide 'missing' is missing required key 'locale'" },
	} },
	{ "missing-item-keys.yaml", {
		{ 12, 9, "item 'a' is missing required key 'kind'" },
		{ 12, 9, "item 'a' is missing required key 'text'" },
		{ 13, 9, "item 2 of section 'one' is missing required key 'id'" },
	} },
	{ "missing-section-keys.yaml", {
		{ 8, 5, "section 'one' is missing required key 'basis'" },
		{ 8, 5, "section 'one' is missing required key 'items'" },
		{ 10, 5, "section 2 is missing required key 'id'" },
	} },
	{ "no-sections.yaml", {
		{ 7, 11, "guide 'no-sections' has no sections" },
	} },
	{ "not-utf8.yaml", {
		{ 3, 11, "byte 0xE9 is not UTF-8 (save the file as UTF-8)" },
		{ 12, 39, "byte 0xEF is not UTF-8 (save the file as UTF-8)" },
		{ 12, 43, "bytes 0xFF 0xFE are not UTF-8 (save the file as UTF-8)" },
	} },
	{ "rate-without-labels.yaml", {
		{ 12, 9, "rate item 'none' is missing 'low' (the label for 1)" },
		{ 12, 9, "rate item 'none' is missing 'high' (the label for 5)" },
		{ 15, 9, "rate item 'half' is missing 'high' (the label for 5)" },
	} },
	{ "schema-not-number.yaml", {
		{ 1, 9, "schema must be a whole number, not 'one'" },
	} },
	{ "schema-unsupported.yaml", {
		{ 1, 9, "schema 2 is not supported (this twoway reads schema 1)" },
	} },
	{ "sections-not-list.yaml", {
		{ 8, 3, "'sections' of guide 'sections-map' must be a list, not a map" },
	} },
	{ "syntax-error.yaml", {
		{ 5, 1, "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar started at line 3, column 8)" },
	} },
	{ "tab-indent.yaml", {
		{ 12, 1, "tab character where YAML needs spaces (indent with spaces, not tabs)" },
	} },
	{ "top-level-list.yaml", {
		{ 1, 1, "the top level must be a map of guide keys (schema, id, title, ...), not a list" },
	} },
	{ "two-documents.yaml", {
		{ 3, 1, "a second YAML document starts here; a content file holds one guide" },
	} },
	{ "unknown-keys.yaml", {
		{ 3, 1, "unknown key 'titel' in guide 'unknown-keys' (did you mean 'title'?)" },
		{ 8, 1, "unknown key 'author' in guide 'unknown-keys' (expected schema, id, title, summary, source, locale or sections)" },
		{ 13, 5, "unknown key 'color' in section 'one' (expected id, title, basis, items or intro)" },
		{ 18, 9, "unknown key 'coach_prompt' in item 'a' (expected id, kind, text, detail, coach, low, high or slot)" },
	} },
	{ "unknown-kind.yaml", {
		{ 13, 15, "item 'ask' has unknown kind 'chek' (expected check, reflect or rate)" },
		{ 16, 15, "'kind' of item 'list-kind' must be text, not a list" },
	} },
	{ "utf16.yaml", {
		{ 1, 1, "the file is UTF-16; save it as UTF-8" },
	} },
	{ "wrong-types.yaml", {
		{ 4, 3, "'title' of guide 'wrong-types' must be text, not a map" },
		{ 5, 10, "'summary' of guide 'wrong-types' must be text, not a list" },
		{ 16, 11, "'text' of item 'a' must be text, not a list" },
		{ 18, 9, "item 2 of section 'one' must be a map, not text" },
		{ 19, 5, "section 2 of guide 'wrong-types' must be a map, not text" },
	} },
};

#define N_BAD (sizeof(bad_cases) / sizeof(bad_cases[0]))

static void test_bad_fixtures(void **state)
{
	(void)state;
	for (size_t c = 0; c < N_BAD; c++) {
		char *rel = tw_strdup_printf("bad/%s", bad_cases[c].file);
		char *path = data_path(rel);
		struct tw_diags d = { 0 };
		struct tw_guide *g = tw_content_load_file(path, &d);
		if (g)
			fail_msg("%s loaded, but it should not", bad_cases[c].file);
		size_t n = 0;
		while (bad_cases[c].want[n].message)
			n++;
		for (size_t i = 0; i < d.n || i < n; i++) {
			const struct expect *w = i < n ? &bad_cases[c].want[i] : NULL;
			const struct tw_diag *got = i < d.n ? &d.v[i] : NULL;
			if (!w)
				fail_msg("%s: unexpected problem %d:%d: %s", bad_cases[c].file,
					 got->line, got->column, got->message);
			if (!got)
				fail_msg("%s: missing problem %d:%d: %s", bad_cases[c].file, w->line,
					 w->column, w->message);
			if (got->line != w->line || got->column != w->column ||
			    strcmp(got->message, w->message) != 0)
				fail_msg("%s: problem %zu\n  want %d:%d: %s\n  got  %d:%d: %s",
					 bad_cases[c].file, i + 1, w->line, w->column, w->message,
					 got->line, got->column, got->message);
			assert_string_equal(got->path, path);
		}
		tw_diags_clear(&d);
		free(path);
		free(rel);
	}
}

/* Every fixture in bad/ is in the table above, and its .expect file (which
 * the end-to-end test reads) says the same as the table. */
static void test_bad_fixtures_covered(void **state)
{
	(void)state;
	char *dir = data_path("bad");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	size_t seen = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		const struct bad_case *bc = NULL;
		for (size_t c = 0; c < N_BAD; c++)
			if (strcmp(bad_cases[c].file, e->d_name) == 0)
				bc = &bad_cases[c];
		if (!bc)
			fail_msg("fixture bad/%s has no entry in the table", e->d_name);
		seen++;
		char *exp = tw_strdup_printf("%s/%.*s.expect", dir, (int)(len - 5), e->d_name);
		FILE *f = fopen(exp, "r");
		if (!f)
			fail_msg("missing %s", exp);
		char line[1024];
		size_t i = 0;
		while (fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\n")] = '\0';
			assert_non_null(bc->want[i].message);
			char *want = tw_strdup_printf("%d:%d: %s", bc->want[i].line, bc->want[i].column,
						      bc->want[i].message);
			if (bc->want[i].line == 0)
				snprintf(want, strlen(want) + 1, "%s", bc->want[i].message);
			assert_string_equal(line, want);
			free(want);
			i++;
		}
		assert_null(bc->want[i].message);
		fclose(f);
		free(exp);
	}
	closedir(d);
	assert_int_equal(seen, N_BAD);
	assert_true(seen >= 25);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_guide),
		cmocka_unit_test(test_minimal_guide),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_parse_buffer),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_bad_fixtures_covered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
