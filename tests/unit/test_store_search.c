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
	size_t n = fixture_search(f, f->profile, "sponsor", &h);
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
	n = fixture_search(f, f->profile, "sponsor offsite", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, once);
	tw_hits_free(h, n);
	/* case and accents folded */
	save(f, NULL, "Caf\xc3\xa9 chat with Z\xc3\xbcrich team", false);
	n = fixture_search(f, f->profile, "CAFE zurich", &h);
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
	size_t n = fixture_search(f, f->profile, "spons", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	/* only the last word is a prefix */
	n = fixture_search(f, f->profile, "spons earned", &h);
	assert_int_equal(n, 0);
	tw_hits_free(h, n);
	n = fixture_search(f, f->profile, "sponsorship earn", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
}

static void test_syntax_never_fails(void **state)
{
	struct fixture *f = *state;
	const char *text = "visibility AND (promotion) OR \"quotes\" NOT near - minus";
	save(f, NULL, text, false);
	static const char *const queries[] = {
		"\"", "\"\"", "*", "-", "(", ")", "()", "AND", "OR", "NOT", "NEAR(a b)",
		"a AND", "\"unbalanced", "x:y", "{head}: x", "^start", "col:", "a* *b",
		"+", "'", "AND OR NOT", "visibility -", "(promotion)", "\"quotes\"",
		"  ", "", "\t\n", "a\"b", "NEAR", "-minus", "'; DROP TABLE reflections; --",
		"owner : p1", "\" AND owner : \"p2",
	};
	/* alone, then beside another profile with the same words, where the
	 * search of one profile names its owner in the expression too */
	for (int round = 0; round < 2; round++) {
		struct tw_error err;
		if (round == 1) {
			int64_t other, id;
			assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
			assert_true(tw_store_reflection_save(f->st, other, NULL, text, false, &id,
							     &err));
		}
		for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
			struct tw_hit *h;
			size_t n = fixture_search(f, f->profile, queries[i], &h);
			for (size_t k = 0; k < n; k++)
				assert_int_equal(h[k].profile_id, f->profile);
			tw_hits_free(h, n);
		}
		struct tw_hit *h;
		assert_int_equal(fixture_search(f, f->profile, "", &h), 0);
		assert_null(h);
		assert_int_equal(fixture_search(f, f->profile, "  -  ", &h), 0);
		size_t n = fixture_search(f, f->profile, "(promotion)", &h);
		assert_int_equal(n, 1);
		tw_hits_free(h, n);
		n = fixture_search(f, f->profile, "visibility AND", &h);
		assert_int_equal(n, 1); /* AND is a word here */
		tw_hits_free(h, n);
		n = fixture_search(f, f->profile, "\"quotes\" NOT", &h);
		assert_int_equal(n, 1);
		tw_hits_free(h, n);
		n = fixture_search(f, 0, "\"quotes\" NOT", &h);
		assert_int_equal(n, (size_t)round + 1);
		tw_hits_free(h, n);
		assert_false(tw_store_search(f->st, f->profile, "bad\xff", 0, &h, &n, &err));
		assert_int_equal(err.code, TW_ERR_INVALID);
	}
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
	assert_int_equal(fixture_search(f, f->profile, "visibility", &h), 0);
	n = fixture_search(f, f->profile, "influence", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, r);
	tw_hits_free(h, n);
	assert_true(tw_store_reflection_restore(f->st, r, 1, &err));
	n = fixture_search(f, f->profile, "visibility", &h);
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
	n = fixture_search(f, f->profile, "compilers", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_MEETING);
	assert_int_equal(h[0].id, m.id);
	assert_non_null(strstr(h[0].title, "Grace Hopper"));
	assert_non_null(strstr(h[0].snippet, "[compilers]"));
	tw_hits_free(h, n);
	/* the sponsor's name finds the meeting and, since schema 10, the
	 * sponsor */
	n = fixture_search(f, f->profile, "hopper", &h);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].kind + h[1].kind, TW_REC_MEETING + TW_REC_SPONSOR);
	for (size_t i = 0; i < n; i++)
		if (h[i].kind == TW_REC_MEETING)
			assert_non_null(strstr(h[i].snippet, "[Hopper]"));
	tw_hits_free(h, n);
	struct tw_sponsor g;
	assert_true(tw_store_sponsor_get(f->st, s.id, &g, &err));
	free(g.name);
	g.name = strdup("Grace Murray");
	assert_true(tw_store_sponsor_update(f->st, &g, &err));
	tw_sponsor_finish(&g);
	assert_int_equal(fixture_search(f, f->profile, "hopper", &h), 0);
	n = fixture_search(f, f->profile, "murray", &h);
	assert_int_equal(n, 2); /* the meeting and the sponsor */
	tw_hits_free(h, n);

	struct tw_action a = { .profile_id = f->profile, .text = "draft the promotion memo",
			       .due = "2030-01-01" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	n = fixture_search(f, f->profile, "promotion", &h);
	assert_int_equal(n, 2);
	bool saw_action = false;
	for (size_t i = 0; i < n; i++)
		if (h[i].kind == TW_REC_ACTION && h[i].id == a.id)
			saw_action = true;
	assert_true(saw_action);
	tw_hits_free(h, n);

	/* soft delete hides, undelete brings back */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	assert_int_equal(fixture_search(f, f->profile, "memo", &h), 0);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	n = fixture_search(f, f->profile, "memo", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
}

/* The index holds no text of its own (it reads search_src): after every
 * kind of change, its words must be exactly those of the live records,
 * which tw_store_check asks FTS5 to verify. A trigger that gave the index
 * other words than it holds, or removed a row it never had, fails here
 * (fixture_check). */

static void test_index_matches_records(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	struct tw_hit *h;
	size_t n;
	filler(f);
	int64_t r = save(f, "g/s/i", "first words on visibility", false);
	save(f, "g/s/i", "second words on influence", false);
	fixture_check(f, "saving a reflection twice");
	assert_true(tw_store_reflection_update(f->st, r, "third words", TW_PRIVACY_PRIVATE, &err));
	fixture_check(f, "making it private");
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Ada Lovelace" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = (tw_time)time(NULL), .agenda = "engines" };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	struct tw_action a = { .profile_id = f->profile, .meeting_id = m.id,
			       .text = "write the notes", .due = "2030-01-01" };
	assert_true(tw_store_action_add(f->st, &a, &err));
	fixture_check(f, "adding a sponsor, a meeting and an action item");
	m.agenda = "analytical engines";
	m.notes = "punched cards";
	assert_true(tw_store_meeting_update(f->st, &m, &err));
	assert_true(tw_store_action_done(f->st, a.id, NULL, &err));
	fixture_check(f, "editing the meeting, finishing the action item");
	struct tw_sponsor g;
	assert_true(tw_store_sponsor_get(f->st, s.id, &g, &err));
	free(g.name);
	g.name = strdup("Augusta King");
	assert_true(tw_store_sponsor_update(f->st, &g, &err));
	tw_sponsor_finish(&g);
	fixture_check(f, "renaming the sponsor");
	n = fixture_search(f, f->profile, "augusta cards", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	assert_int_equal(fixture_search(f, f->profile, "lovelace", &h), 0);
	/* the sponsor's deletion takes its meetings; export gives uids */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_REFLECTION, r, &err));
	fixture_check(f, "deleting the sponsor and the reflection");
	assert_int_equal(fixture_search(f, f->profile, "cards", &h), 0);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	fixture_check(f, "bringing the sponsor back");
	char *out = NULL;
	size_t len = 0;
	assert_true(tw_store_export_json(f->st, 0, &out, &len, &err));
	free(out);
	fixture_check(f, "giving every record its uid");
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_ACTION, a.id, &err));
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	size_t gone = 0;
	assert_true(tw_store_purge(f->st, f->profile, &gone, &err));
	assert_true(gone >= 3);
	fixture_check(f, "purging");
	assert_int_equal(fixture_search(f, f->profile, "engines", &h), 0);
	assert_int_equal(fixture_search(f, f->profile, "notes", &h), 0);
	/* a whole profile, deleted and purged */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_PROFILE, f->profile, &err));
	assert_true(tw_store_purge(f->st, 0, &gone, &err));
	fixture_check(f, "purging the profile");
	assert_int_equal(fixture_search(f, 0, "musing", &h), 0);
}

/* Sponsors are found by name, title, organisation, how you met and
 * homework notes (kind sponsor, title the name); edits, soft deletes and
 * undos follow; another profile's sponsor stays out; a coach view finds
 * them too (nothing of a sponsor is private). */
static void test_sponsors_found(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_hit *h;
	size_t n;
	filler(f);
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Dana Reyes",
				.title = "VP Platform", .org = "Initech",
				.how_met = "the storage offsite", .homework = "writes on quorum reads" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	fixture_check(f, "adding a sponsor");
	static const char *const words[] = { "reyes", "platform", "initech", "offsite", "quorum" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = fixture_search(f, f->profile, words[i], &h);
		if (n != 1)
			fail_msg("'%s': %zu hits", words[i], n);
		assert_int_equal(h[0].kind, TW_REC_SPONSOR);
		assert_int_equal(h[0].id, s.id);
		assert_string_equal(h[0].title, "Dana Reyes");
		assert_false(h[0].is_private);
		tw_hits_free(h, n);
	}
	n = fixture_search(f, f->profile, "quorum", &h);
	assert_non_null(strstr(h[0].snippet, "[quorum]"));
	tw_hits_free(h, n);
	struct tw_sponsor g;
	assert_true(tw_store_sponsor_get(f->st, s.id, &g, &err));
	free(g.homework);
	g.homework = strdup("now about consensus");
	assert_true(tw_store_sponsor_update(f->st, &g, &err));
	tw_sponsor_finish(&g);
	fixture_check(f, "editing the sponsor's homework");
	assert_int_equal(fixture_search(f, f->profile, "quorum", &h), 0);
	n = fixture_search(f, f->profile, "consensus", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	fixture_check(f, "deleting the sponsor");
	assert_int_equal(fixture_search(f, f->profile, "initech", &h), 0);
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	fixture_check(f, "bringing the sponsor back");
	n = fixture_search(f, f->profile, "initech", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	/* another profile's sponsor is not this profile's hit */
	int64_t other = 0;
	assert_true(tw_store_profile_add(f->st, "Other", "", "", &other, &err));
	struct tw_sponsor o = { .profile_id = other, .name = "Olga Initech" };
	assert_true(tw_store_sponsor_add(f->st, &o, &err));
	n = fixture_search(f, f->profile, "initech", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, s.id);
	tw_hits_free(h, n);
	n = fixture_search(f, 0, "initech", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	size_t gone = 0;
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_SPONSOR, s.id, &err));
	assert_true(tw_store_purge(f->st, f->profile, &gone, &err));
	fixture_check(f, "purging the sponsor");
	assert_int_equal(fixture_search(f, f->profile, "initech", &h), 0);
}

/* tests/data/store/v5_search.db, made by a schema-5 twoway
 * (make_v5_search.sh), whose index kept its own copy of the text: opened,
 * it is migrated to an index that reads the records, finds what it found
 * (the renamed sponsor's new name, not the old; nothing deleted) and
 * follows later changes. */
static void test_migrate_v5_search(void **state)
{
	struct fixture *f = *state;
	char src[400];
	snprintf(src, sizeof src, "%s/store/v5_search.db", getenv("TW_TEST_DATA"));
	copy_file(src, f->path);
	setenv("TZ", "UTC", 1); /* the meeting's label is in the reader's zone */
	tzset();
	struct tw_error err = { 0 };
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	assert_int_equal(tw_store_found_version(f->st), 5);
	fixture_check(f, "migrating");
	struct tw_hit *h;
	size_t n = fixture_search(f, 1, "lighthouse", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_REFLECTION);
	assert_non_null(strstr(h[0].snippet, "[lighthouse]"));
	tw_hits_free(h, n);
	assert_int_equal(fixture_search(f, 1, "harbour", &h), 0); /* Ada's earlier text */
	n = fixture_search(f, 0, "harbour", &h);                   /* Bo's */
	assert_int_equal(n, 1);
	assert_int_equal(h[0].profile_id, 2);
	tw_hits_free(h, n);
	n = fixture_search(f, 1, "murray compiler", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_MEETING);
	assert_string_equal(h[0].title, "Grace Murray, 2030-01-02 10:00");
	tw_hits_free(h, n);
	assert_int_equal(fixture_search(f, 1, "hopper", &h), 0);
	n = fixture_search(f, 1, "compass", &h);
	assert_int_equal(n, 1);
	assert_true(h[0].is_private);
	tw_hits_free(h, n);
	assert_int_equal(fixture_search(f, 1, "anchor", &h), 0);
	assert_int_equal(fixture_search(f, 1, "sextant", &h), 0);
	n = fixture_search(f, 1, "telescope", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TW_REC_ACTION);
	tw_hits_free(h, n);
	/* the migrated index follows new writes */
	assert_true(tw_store_undelete(f->st, 1, TW_REC_REFLECTION, 3, &err));
	n = fixture_search(f, 1, "anchor", &h);
	assert_int_equal(n, 1);
	tw_hits_free(h, n);
	assert_true(tw_store_delete(f->st, 1, TW_REC_MEETING, 1, &err));
	assert_int_equal(fixture_search(f, 1, "cobol", &h), 0);
	size_t gone = 0;
	assert_true(tw_store_purge(f->st, 1, &gone, &err));
	fixture_check(f, "writes after migrating");
}

/* one_hit: q has exactly one hit in profile, of that kind, title (when
 * given) and private flag. */
static void one_hit(struct fixture *f, int64_t profile, const char *q, enum tw_record_kind kind,
		    const char *title, bool priv)
{
	struct tw_hit *h;
	size_t n = fixture_search(f, profile, q, &h);
	if (n != 1)
		fail_msg("'%s' in profile %lld: %zu hits, not 1", q, (long long)profile, n);
	assert_int_equal(h[0].kind, kind);
	assert_int_equal(h[0].profile_id, profile);
	if (title)
		assert_string_equal(h[0].title, title);
	assert_int_equal(h[0].is_private, priv);
	tw_hits_free(h, n);
}

/* q has exactly two hits in profile: the meeting with that title and its
 * sponsor (a sponsor's name finds both since schema 10). */
static void meeting_and_sponsor(struct fixture *f, int64_t profile, const char *q,
				const char *meeting, const char *sponsor)
{
	struct tw_hit *h;
	size_t n = fixture_search(f, profile, q, &h);
	if (n != 2)
		fail_msg("'%s' in profile %lld: %zu hits, not 2", q, (long long)profile, n);
	size_t m = h[0].kind == TW_REC_MEETING ? 0 : 1;
	assert_int_equal(h[m].kind, TW_REC_MEETING);
	assert_string_equal(h[m].title, meeting);
	assert_int_equal(h[1 - m].kind, TW_REC_SPONSOR);
	assert_string_equal(h[1 - m].title, sponsor);
	assert_false(h[0].is_private || h[1].is_private);
	tw_hits_free(h, n);
}

/* tests/data/store/v7.db, made by a schema-7 twoway (make_v7.sh, which
 * prints what that binary's search found): the profile lock's database,
 * whose index kept its own copy of the text. Migrated, the index finds
 * exactly those hits: Ada's current texts, her private one, the renamed
 * sponsor's meeting; in Cy's locked profile nothing of the sealed private
 * text (only its item's words) and everything public. Unlocking Cy puts
 * the opened text (current versions only) in the index. */
static void test_migrate_v7(void **state)
{
	struct fixture *f = *state;
	char src[400];
	snprintf(src, sizeof src, "%s/store/v7.db", getenv("TW_TEST_DATA"));
	copy_file(src, f->path);
	setenv("TZ", "UTC", 1);
	tzset();
	struct tw_error err = { 0 };
	f->st = tw_store_open(f->path, &err);
	if (!f->st)
		fail_msg("open: %s", err.message);
	assert_int_equal(tw_store_found_version(f->st), 7);
	fixture_check(f, "migrating");
	struct tw_hit *h;
	const int64_t ada = 1, cy = 2;
	one_hit(f, ada, "lighthouse", TW_REC_REFLECTION, "six-practices/proactive/their-story",
		false);
	one_hit(f, ada, "compass", TW_REC_REFLECTION, NULL, true);
	meeting_and_sponsor(f, ada, "murray", "Grace Murray, 2030-01-02 10:00", "Grace Murray");
	one_hit(f, ada, "telescope", TW_REC_ACTION, "Action item", false);
	static const char *const nowhere[] = { "harbour", "anchor", "hopper", "sextant",
					       "nightingale", "kestrel", "falcon", "hovers",
					       "sings", "wind" };
	for (size_t i = 0; i < sizeof nowhere / sizeof nowhere[0]; i++)
		if (fixture_search(f, 0, nowhere[i], &h) != 0)
			fail_msg("'%s' was found after migrating", nowhere[i]);
	one_hit(f, cy, "meadow", TW_REC_REFLECTION, "six-practices/clear-ask/name-the-help",
		false);
	one_hit(f, cy, "orchard", TW_REC_MEETING, "Lin, 2030-02-03 09:30", false);
	meeting_and_sponsor(f, cy, "lin", "Lin, 2030-02-03 09:30", "Lin");
	one_hit(f, cy, "lantern", TW_REC_ACTION, NULL, false);
	/* the sealed reflection is found by its item's words only */
	one_hit(f, cy, "their", TW_REC_REFLECTION, "six-practices/proactive/their-story", true);
	size_t n = fixture_search(f, 0, "their", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	size_t sealed = 0;
	assert_true(tw_store_sealed_count(f->st, cy, &sealed, &err));
	assert_int_equal(sealed, 2);
	/* unlocked, the opened text is in the index (earlier versions never) */
	size_t opened = 0;
	assert_true(tw_store_profile_unlock(f->st, cy, "a long passphrase", &opened, &err));
	fixture_check(f, "unlocking");
	one_hit(f, cy, "kestrel", TW_REC_REFLECTION, NULL, true);
	one_hit(f, cy, "falcon", TW_REC_REFLECTION, NULL, true);
	assert_int_equal(fixture_search(f, 0, "nightingale", &h), 0);
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
	size_t n = fixture_search(f, f->profile, "shared", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].profile_id, f->profile);
	tw_hits_free(h, n);
	n = fixture_search(f, 0, "shared", &h);
	assert_int_equal(n, 2);
	tw_hits_free(h, n);
	assert_true(tw_store_delete(f->st, 0, TW_REC_PROFILE, other, &err));
	n = fixture_search(f, 0, "shared", &h);
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
		cmocka_unit_test_setup_teardown(test_sponsors_found, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_index_matches_records, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v5_search, dir_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v7, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
