/* Unit tests of full-text search through store.h: ranking, snippets with
 * [ ] markers, prefix matching, FTS syntax in the query never failing, the
 * index following edits and deletes, private flags and profile filtering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/store.h"

static int64_t save(struct fixture *f, const char *item, const char *text, bool priv)
{
	struct tw_error err;
	int64_t id;
	if (!tw_store_reflection_save(f->st, f->profile, item, text, priv, &id, &err))
		fail_msg("save: %s", err.message);
	return id;
}

static size_t search(struct fixture *f, int64_t profile, const char *q, struct tw_hit **h)
{
	struct tw_error err;
	size_t n;
	if (!tw_store_search(f->st, profile, q, 0, h, &n, &err))
		fail_msg("search '%s': %s", q, err.message);
	return n;
}

static void filler(struct fixture *f)
{
	/* documents without the words searched for, so bm25 has an IDF */
	for (int i = 0; i < 8; i++) {
		char t[64];
		snprintf(t, sizeof t, "unrelated musing number %d about lunch", i);
		save(f, NULL, t, false);
	}
}

static void test_ranking_and_snippets(void **state)
{
	struct fixture *f = *state;
	filler(f);
	int64_t once = save(f, "g/s/once", "I met my sponsor at the offsite and we talked", false);
	int64_t thrice = save(f, "g/s/thrice",
			      "sponsor sponsor: my sponsor asked what I want next", true);
	struct tw_hit *h;
	size_t n = search(f, f->profile, "sponsor", &h);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, thrice);
	assert_int_equal(h[1].id, once);
	assert_true(h[0].rank < h[1].rank);
	assert_int_equal(h[0].kind, TW_REC_REFLECTION);
	assert_true(h[0].is_private);
	assert_false(h[1].is_private);
	assert_int_equal(h[0].profile_id, f->profile);
	assert_string_equal(h[0].title, "g/s/thrice");
	assert_non_null(strstr(h[1].snippet, "[sponsor]"));
	assert_non_null(strstr(h[1].snippet, "met my [sponsor] at"));
	tw_hits_free(h, n);

	/* all words must appear */
	n = search(f, f->profile, "sponsor offsite", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, once);
	tw_hits_free(h, n);
	/* case and accents folded */
	save(f, NULL, "Caf\xc3\xa9 chat with Z\xc3\xbcrich team", false);
	n = search(f, f->profile, "CAFE zurich", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
}

static void test_prefix(void **state)
{
	struct fixture *f = *state;
	filler(f);
	save(f, NULL, "sponsorship is earned", false);
	save(f, NULL, "my sponsor", false);
	struct tw_hit *h;
	size_t n = search(f, f->profile, "spons", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	/* only the last word is a prefix */
	n = search(f, f->profile, "spons earned", &h);
	assert_int_equal(n, 0);
	tw_hits_free(h, n);
	n = search(f, f->profile, "sponsorship earn", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
}

static void test_syntax_never_fails(void **state)
{
	struct fixture *f = *state;
	save(f, NULL, "visibility AND (promotion) OR \"quotes\" NOT near - minus", false);
	static const char *const queries[] = {
		"\"", "\"\"", "*", "-", "(", ")", "()", "AND", "OR", "NOT", "NEAR(a b)",
		"a AND", "\"unbalanced", "x:y", "{head}: x", "^start", "col:", "a* *b",
		"+", "'", "AND OR NOT", "visibility -", "(promotion)", "\"quotes\"",
		"  ", "", "\t\n", "a\"b", "NEAR", "-minus", "'; DROP TABLE reflections; --",
	};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		struct tw_hit *h;
		size_t n = search(f, f->profile, queries[i], &h);
		tw_hits_free(h, n);
	}
	struct tw_hit *h;
	assert_int_equal(search(f, f->profile, "", &h), 0);
	assert_null(h);
	assert_int_equal(search(f, f->profile, "  -  ", &h), 0);
	size_t n = search(f, f->profile, "(promotion)", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	n = search(f, f->profile, "visibility AND", &h);
	assert_int_equal(n, 1); /* AND is a word here */
	tw_hits_free(h, n);
	n = search(f, f->profile, "\"quotes\" NOT", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	struct tw_error err;
	assert_false(tw_store_search(f->st, f->profile, "bad\xff", 0, &h, &n, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
}

static void test_index_follows(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	filler(f);
	int64_t r = save(f, "g/s/i", "first draft about visibility", false);
	struct tw_hit *h;
	size_t n;
	save(f, "g/s/i", "now about influence", false);
	assert_int_equal(search(f, f->profile, "visibility", &h), 0);
	n = search(f, f->profile, "influence", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, r);
	tw_hits_free(h, n);
	assert_true(tw_store_reflection_restore(f->st, r, 1, &err));
	n = search(f, f->profile, "visibility", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);

	/* meetings: agenda, notes, outcome and the sponsor's name */
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Grace Hopper" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = (tw_time)time(NULL), .agenda = "budget review" };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	assert_true(tw_store_meeting_mark_held(f->st, m.id, "talked compilers", "promotion case",
					       &err));
	n = search(f, f->profile, "compilers", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_MEETING);
	assert_int_equal(h[0].id, m.id);
	assert_non_null(strstr(h[0].title, "Grace Hopper"));
	assert_non_null(strstr(h[0].snippet, "[compilers]"));
	tw_hits_free(h, n);
	n = search(f, f->profile, "hopper", &h);
	assert_int_equal(n, 1);
	assert_non_null(strstr(h[0].snippet, "[Hopper]"));
	tw_hits_free(h, n);
	struct tw_sponsor g;
	assert_true(tw_store_sponsor_get(f->st, s.id, &g, &err));
	free(g.name);
	g.name = strdup("Grace Murray");
	assert_true(tw_store_sponsor_update(f->st, &g, &err));
	tw_sponsor_finish(&g);
	assert_int_equal(search(f, f->profile, "hopper", &h), 0);
	n = search(f, f->profile, "murray", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);

	struct tw_action a = { .profile_id = f->profile, .text = "draft the promotion memo",
			       .due = "2030-01-01" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	n = search(f, f->profile, "promotion", &h);
	assert_int_equal(n, 2);
	bool saw_action = false;
	for (size_t i = 0; i < n; i++)
		if (h[i].kind == TW_REC_ACTION && h[i].id == a.id)
			saw_action = true;
	assert_true(saw_action);
	tw_hits_free(h, n);

	/* soft delete hides, undelete brings back */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	assert_int_equal(search(f, f->profile, "memo", &h), 0);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	n = search(f, f->profile, "memo", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
}

static void test_profiles_apart(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	int64_t other;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	save(f, NULL, "shared word mine", false);
	int64_t theirs;
	assert_true(tw_store_reflection_save(f->st, other, NULL, "shared word theirs", false,
					     &theirs, &err));
	struct tw_hit *h;
	size_t n = search(f, f->profile, "shared", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].profile_id, f->profile);
	tw_hits_free(h, n);
	n = search(f, 0, "shared", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	assert_true(tw_store_delete(f->st, 0, TW_REC_PROFILE, other, &err));
	n = search(f, 0, "shared", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	/* limit */
	for (int i = 0; i < 5; i++)
		save(f, NULL, "many many", false);
	assert_true(tw_store_search(f->st, f->profile, "many", 3, &h, &n, &err));
	assert_int_equal(n, 3);
	tw_hits_free(h, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ranking_and_snippets, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_prefix, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_syntax_never_fails, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_index_follows, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_profiles_apart, store_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
