/* Unit tests of what a coaching session covered: marks kept once (the latest
 * rating), taken back, apart per session, refused on ended and deleted ones,
 * in JSON export/import and the Markdown summary; a v3 database migrated. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/export.h"
#include "twoway/store.h"

#define TICK_ITEM "six-practices/proactive/set-the-meeting"
#define RATE_ITEM "six-practices/proactive/prepared-rating"
#define WRITE_ITEM "six-practices/proactive/their-story"
#define PUB_ITEM "six-practices/clear-ask/name-the-help"

static int64_t start(struct fixture *f, int64_t profile)
{
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!tw_store_coaching_start(f->st, profile, "Coach Kim", &id, &err))
		fail_msg("start: %s", err.message);
	return id;
}

static void mark(struct fixture *f, int64_t id, const char *item, enum tw_coach_mark what,
		 int value)
{
	struct tw_error err = { 0 };
	if (!tw_store_coaching_mark(f->st, id, item, what, value, &err))
		fail_msg("mark %s %s: %s", item, tw_coach_mark_name(what), err.message);
}

/* The session's marks as "what item value" lines, in order. */
static char *covered(struct fixture *f, int64_t id)
{
	struct tw_coaching_event *e = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_coaching_covered(f->st, id, &e, &n, &err))
		fail_msg("covered: %s", err.message);
	struct tw_buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		assert_true(e[i].at > 0);
		tw_buf_printf(&b, "%s %s %d\n", tw_coach_mark_name(e[i].what), e[i].item_id,
			      e[i].value);
	}
	tw_coaching_events_free(e, n);
	return tw_buf_take(&b, NULL);
}

static void assert_covered(struct fixture *f, int64_t id, const char *want)
{
	char *got = covered(f, id);
	assert_string_equal(got, want);
	free(got);
}

static void test_marks_once(void **state)
{
	struct fixture *f = *state;
	int64_t id = start(f, f->profile);
	assert_covered(f, id, "");
	for (int i = 0; i < 3; i++) {
		mark(f, id, TICK_ITEM, TW_MARK_VISITED, 0);
		mark(f, id, TICK_ITEM, TW_MARK_TICKED, 0);
		mark(f, id, WRITE_ITEM, TW_MARK_VISITED, 0);
		mark(f, id, WRITE_ITEM, TW_MARK_REFLECTED, 0);
	}
	assert_covered(f, id,
		       "visited " TICK_ITEM " 0\n"
		       "ticked " TICK_ITEM " 0\n"
		       "visited " WRITE_ITEM " 0\n"
		       "reflected " WRITE_ITEM " 0\n");
}

static void test_latest_rating(void **state)
{
	struct fixture *f = *state;
	int64_t id = start(f, f->profile);
	mark(f, id, RATE_ITEM, TW_MARK_RATED, 2);
	mark(f, id, TICK_ITEM, TW_MARK_VISITED, 0);
	mark(f, id, RATE_ITEM, TW_MARK_RATED, 4);
	/* the rating keeps the place it was first given in */
	assert_covered(f, id, "rated " RATE_ITEM " 4\nvisited " TICK_ITEM " 0\n");
	mark(f, id, RATE_ITEM, TW_MARK_RATED, 1);
	assert_covered(f, id, "rated " RATE_ITEM " 1\nvisited " TICK_ITEM " 0\n");
}

static void test_unmark(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = start(f, f->profile);
	mark(f, id, TICK_ITEM, TW_MARK_TICKED, 0);
	mark(f, id, RATE_ITEM, TW_MARK_RATED, 3);
	assert_true(tw_store_coaching_unmark(f->st, id, TICK_ITEM, TW_MARK_TICKED, &err));
	assert_covered(f, id, "rated " RATE_ITEM " 3\n");
	/* a mark that is not there: nothing to do, no error */
	assert_true(tw_store_coaching_unmark(f->st, id, TICK_ITEM, TW_MARK_TICKED, &err));
	assert_true(tw_store_coaching_unmark(f->st, id, RATE_ITEM, TW_MARK_RATED, &err));
	assert_covered(f, id, "");
	/* ticked again: back, at the end */
	mark(f, id, RATE_ITEM, TW_MARK_VISITED, 0);
	mark(f, id, TICK_ITEM, TW_MARK_TICKED, 0);
	assert_covered(f, id, "visited " RATE_ITEM " 0\nticked " TICK_ITEM " 0\n");
}

static void test_bad_input(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = start(f, f->profile);
	assert_false(tw_store_coaching_mark(f->st, id, RATE_ITEM, TW_MARK_RATED, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_non_null(strstr(err.message, "from 1 to 5"));
	assert_false(tw_store_coaching_mark(f->st, id, RATE_ITEM, TW_MARK_RATED, 6, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_mark(f->st, id, TICK_ITEM, TW_MARK_TICKED, 1, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_mark(f->st, id, "  ", TW_MARK_VISITED, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_mark(f->st, id, NULL, TW_MARK_VISITED, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_mark(f->st, id, "a/b\x1b[2J", TW_MARK_VISITED, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_mark(f->st, id, TICK_ITEM, (enum tw_coach_mark)9, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_false(tw_store_coaching_unmark(f->st, id, TICK_ITEM, (enum tw_coach_mark)-1, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	/* an unknown session */
	assert_false(tw_store_coaching_mark(f->st, 999, TICK_ITEM, TW_MARK_VISITED, 0, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_coaching_event *e = (void *)1;
	size_t n = 7;
	assert_false(tw_store_coaching_covered(f->st, 999, &e, &n, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_null(e);
	assert_int_equal(n, 0);
	/* nothing was written by the refused calls */
	assert_covered(f, id, "");
	assert_string_equal(tw_coach_mark_name(TW_MARK_REFLECTED), "reflected");
	assert_string_equal(tw_coach_mark_name((enum tw_coach_mark)42), "unknown");
	tw_coaching_events_free(NULL, 0);
}

static void test_sessions_apart(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other = 0;
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &other, &err));
	int64_t a = start(f, f->profile), b = start(f, f->profile), c = start(f, other);
	mark(f, a, TICK_ITEM, TW_MARK_TICKED, 0);
	mark(f, a, RATE_ITEM, TW_MARK_RATED, 2);
	mark(f, b, RATE_ITEM, TW_MARK_RATED, 5);
	mark(f, c, TICK_ITEM, TW_MARK_TICKED, 0);
	assert_covered(f, a, "ticked " TICK_ITEM " 0\nrated " RATE_ITEM " 2\n");
	assert_covered(f, b, "rated " RATE_ITEM " 5\n");
	assert_covered(f, c, "ticked " TICK_ITEM " 0\n");
	assert_true(tw_store_coaching_unmark(f->st, c, TICK_ITEM, TW_MARK_TICKED, &err));
	assert_covered(f, a, "ticked " TICK_ITEM " 0\nrated " RATE_ITEM " 2\n");
}

static void test_ended_session(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = start(f, f->profile);
	mark(f, id, TICK_ITEM, TW_MARK_TICKED, 0);
	assert_true(tw_store_coaching_end(f->st, id, "summary", &err));
	assert_false(tw_store_coaching_mark(f->st, id, RATE_ITEM, TW_MARK_RATED, 3, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	assert_non_null(strstr(err.message, "has ended"));
	assert_false(tw_store_coaching_unmark(f->st, id, TICK_ITEM, TW_MARK_TICKED, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	/* what it covered stays readable */
	assert_covered(f, id, "ticked " TICK_ITEM " 0\n");
}

static void test_deleted_session(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t id = start(f, f->profile);
	mark(f, id, TICK_ITEM, TW_MARK_TICKED, 0);
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_COACHING, id, &err));
	assert_false(tw_store_coaching_mark(f->st, id, RATE_ITEM, TW_MARK_RATED, 3, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	struct tw_coaching_event *e = NULL;
	size_t n = 0;
	assert_false(tw_store_coaching_covered(f->st, id, &e, &n, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	/* undo brings the session back with what it covered */
	assert_true(tw_store_undelete(f->st, f->profile, TW_REC_COACHING, id, &err));
	assert_covered(f, id, "ticked " TICK_ITEM " 0\n");
	/* a purge removes the marks with the session: a new session, even one
	 * given the same id again, starts with none */
	assert_true(tw_store_delete(f->st, f->profile, TW_REC_COACHING, id, &err));
	size_t purged = 0;
	assert_true(tw_store_purge(f->st, 0, &purged, &err));
	assert_int_equal(purged, 1);
	int64_t again = start(f, f->profile);
	assert_int_equal(again, id); /* SQLite reuses the highest id: the case that matters */
	assert_covered(f, again, "");
}

static struct tw_library *library(void)
{
	struct tw_library *lib = tw_library_new();
	assert_non_null(lib);
	assert_true(tw_library_add_dir(lib, getenv("TW_CONTENT_DIR"), false));
	return lib;
}

static char *export_json(struct fixture *f, bool coach)
{
	char *json = NULL;
	size_t len = 0;
	struct tw_error err = { 0 };
	bool ok = coach ? tw_store_export_json_coach(f->st, 0, &json, &len, &err)
			: tw_store_export_json(f->st, 0, &json, &len, &err);
	if (!ok)
		fail_msg("export: %s", err.message);
	assert_int_equal(strlen(json), len);
	return json;
}

static bool import(struct tw_store *st, const char *json, struct tw_import_stats *s,
		   struct tw_diags *d)
{
	return tw_store_import_json(st, json, strlen(json), "in.json", s, d);
}

/* A session over two sittings and a second profile's session, exported,
 * imported into an empty database and exported again: byte for byte the
 * same; imported again: nothing added. */
static void test_json_round_trip(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	int64_t other = 0;
	assert_true(tw_store_profile_add(f->st, "Bo", "", "", &other, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, WRITE_ITEM, "SECRET words", true,
					     NULL, &err));
	int64_t a = start(f, f->profile), b = start(f, other);
	mark(f, a, TICK_ITEM, TW_MARK_VISITED, 0);
	mark(f, a, TICK_ITEM, TW_MARK_TICKED, 0);
	mark(f, b, RATE_ITEM, TW_MARK_RATED, 5);
	mark(f, a, RATE_ITEM, TW_MARK_RATED, 3);
	mark(f, a, WRITE_ITEM, TW_MARK_REFLECTED, 0);
	assert_true(tw_store_coaching_end(f->st, b, "done", &err));
	char *one = export_json(f, false);
	assert_non_null(strstr(one, "\"coaching_events\": [\n{\"coaching\":\""));
	assert_non_null(strstr(one, "\"item\":\"" RATE_ITEM "\",\"what\":\"rated\",\"value\":3,"));
	char *coach = export_json(f, true);
	assert_non_null(strstr(coach, "\"what\":\"reflected\""));
	assert_null(strstr(coach, "SECRET"));
	free(coach);

	struct fixture g = { 0 };
	tmpdir_make(g.dir, sizeof g.dir);
	snprintf(g.path, sizeof g.path, "%s/copy.db", g.dir);
	g.st = tw_store_open(g.path, &err);
	assert_non_null(g.st);
	struct tw_diags d = { 0 };
	struct tw_import_stats s = { 0 };
	if (!import(g.st, one, &s, &d))
		fail_msg("import: %s", d.n ? d.v[0].message : "?");
	assert_int_equal(s.added, s.records); /* every record of the file is new here */
	char *two = export_json(&g, false);
	assert_string_equal(one, two);
	assert_covered(&g, a, "visited " TICK_ITEM " 0\nticked " TICK_ITEM " 0\nrated " RATE_ITEM
			      " 3\nreflected " WRITE_ITEM " 0\n");
	/* the imported running session goes on */
	mark(&g, a, PUB_ITEM, TW_MARK_VISITED, 0);
	assert_true(tw_store_coaching_unmark(g.st, a, PUB_ITEM, TW_MARK_VISITED, &err));
	/* importing again adds nothing, here and into the source */
	memset(&s, 0, sizeof s);
	assert_true(import(g.st, one, &s, &d));
	assert_int_equal(s.added, 0);
	memset(&s, 0, sizeof s);
	assert_true(import(f->st, two, &s, &d));
	assert_int_equal(s.added, 0);
	char *three = export_json(&g, false);
	assert_string_equal(one, three);
	free(three);
	free(two);
	free(one);
	tw_diags_clear(&d);
	tw_store_close(g.st);
	tmpdir_remove(g.dir);
}

/* A file's marks merge into a session already here: only the new ones. */
static void test_json_merge(void **state)
{
	struct fixture *f = *state;
	int64_t a = start(f, f->profile);
	mark(f, a, TICK_ITEM, TW_MARK_TICKED, 0);
	char *base = export_json(f, false);
	mark(f, a, RATE_ITEM, TW_MARK_RATED, 2);
	char *more = export_json(f, false);
	struct tw_error err = { 0 };
	struct fixture g = { 0 };
	tmpdir_make(g.dir, sizeof g.dir);
	snprintf(g.path, sizeof g.path, "%s/copy.db", g.dir);
	g.st = tw_store_open(g.path, &err);
	assert_non_null(g.st);
	struct tw_diags d = { 0 };
	struct tw_import_stats s = { 0 };
	assert_true(import(g.st, base, &s, &d));
	memset(&s, 0, sizeof s);
	assert_true(import(g.st, more, &s, &d));
	assert_int_equal(s.added, 1); /* the rating; the tick was there */
	assert_covered(&g, a, "ticked " TICK_ITEM " 0\nrated " RATE_ITEM " 2\n");
	free(base);
	free(more);
	tw_diags_clear(&d);
	tw_store_close(g.st);
	tmpdir_remove(g.dir);
}

/* Replaces the first from in s (a malloc'd string) with to. */
static char *replace(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	assert_non_null(p);
	struct tw_buf b = { 0 };
	tw_buf_add(&b, s, (size_t)(p - s));
	tw_buf_puts(&b, to);
	tw_buf_puts(&b, p + strlen(from));
	return tw_buf_take(&b, NULL);
}

static void assert_refused(struct fixture *f, const char *json, const char *msg)
{
	struct tw_error err = { 0 };
	struct fixture g = { 0 };
	tmpdir_make(g.dir, sizeof g.dir);
	snprintf(g.path, sizeof g.path, "%s/copy.db", g.dir);
	g.st = tw_store_open(g.path, &err);
	assert_non_null(g.st);
	struct tw_diags d = { 0 };
	struct tw_import_stats s = { 0 };
	if (import(g.st, json, &s, &d))
		fail_msg("imported a file that should be refused with: %s", msg);
	assert_true(d.n >= 1);
	if (!strstr(d.v[0].message, msg))
		fail_msg("'%s' does not say '%s'", d.v[0].message, msg);
	/* nothing changed */
	struct tw_profile *pv = NULL;
	size_t n = 0;
	assert_true(tw_store_profile_list(g.st, &pv, &n, &err));
	assert_int_equal(n, 0);
	tw_profiles_free(pv, n);
	tw_diags_clear(&d);
	tw_store_close(g.st);
	tmpdir_remove(g.dir);
	(void)f;
}

static void test_json_refused(void **state)
{
	struct fixture *f = *state;
	int64_t a = start(f, f->profile);
	mark(f, a, TICK_ITEM, TW_MARK_TICKED, 0);
	mark(f, a, RATE_ITEM, TW_MARK_RATED, 2);
	char *json = export_json(f, false);
	char *bad = replace(json, "\"what\":\"ticked\"", "\"what\":\"skipped\"");
	assert_refused(f, bad, "coaching_events[0]: 'what' should be one of visited, ticked");
	free(bad);
	bad = replace(json, "\"value\":2", "\"value\":0");
	assert_refused(f, bad, "coaching_events[1]: 'value' should be the rating, from 1 to 5");
	free(bad);
	bad = replace(json, "\"what\":\"ticked\",\"value\":0", "\"what\":\"ticked\",\"value\":3");
	assert_refused(f, bad, "coaching_events[0]: 'value' should be 0 for a mark");
	free(bad);
	char *half = replace(json, "\"what\":\"rated\",\"value\":2", "\"what\":\"ticked\",\"value\":0");
	bad = replace(half, "\"item\":\"" RATE_ITEM "\",\"what\":\"ticked\"",
		      "\"item\":\"" TICK_ITEM "\",\"what\":\"ticked\"");
	free(half);
	assert_refused(f, bad, "coaching_events[0] and coaching_events[1] are the same mark");
	free(bad);
	bad = replace(json, "\"coaching_events\": [\n{\"coaching\":\"",
		      "\"coaching_events\": [\n{\"coaching\":\"nope");
	assert_refused(f, bad, "coaching_events[0]: coaching 'nope");
	free(bad);
	bad = replace(json, "\"value\":0,\"at\":", "\"value\":0,\"when\":");
	assert_refused(f, bad, "coaching_events[0]: unknown field 'when'");
	free(bad);
	free(json);
}

/* The Markdown summary lists what every sitting covered, from the marks:
 * item text from the content, the rating, a private reflection only as
 * "(private)", never a reflection's text. */
static void test_markdown(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_library *lib = library();
	assert_true(tw_store_reflection_save(f->st, f->profile, WRITE_ITEM, "SECRET words", true,
					     NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, PUB_ITEM, "Open words", false,
					     NULL, &err));
	int64_t a = start(f, f->profile);
	mark(f, a, TICK_ITEM, TW_MARK_VISITED, 0);
	mark(f, a, TICK_ITEM, TW_MARK_TICKED, 0);
	mark(f, a, RATE_ITEM, TW_MARK_RATED, 3);
	mark(f, a, WRITE_ITEM, TW_MARK_REFLECTED, 0);
	mark(f, a, PUB_ITEM, TW_MARK_REFLECTED, 0);
	mark(f, a, "gone/from/content", TW_MARK_VISITED, 0);
	assert_true(tw_store_coaching_end(f->st, a, "IGNORED when marks exist", &err));
	struct tw_buf b = { 0 };
	assert_true(tw_export_md_coaching(f->st, lib, f->profile, a, &b, &err));
	const char *md = b.data;
	assert_non_null(strstr(md, "## What was covered\n\n"
				   "Visited 2, ticked 1, rated 1, reflected on 2.\n\n"
				   "### Visited\n\n"
				   "- You have booked your next meeting with your sponsor yourself, "
				   "without waiting to be asked.\n"
				   "- `gone/from/content`\n\n"
				   "### Ticked\n\n- You have booked"));
	assert_non_null(strstr(md, "### Rated\n\n- How well prepared do you usually feel walking "
				   "into a meeting with your sponsor?: 3 of 5\n"));
	assert_non_null(strstr(md, "### Reflected on\n\n- What would you like to learn about your "
				   "sponsor's own career and the choices they made along the "
				   "way?: (private)\n- Right now, what kind of help would make the "
				   "biggest difference to you?\n"));
	assert_null(strstr(md, "SECRET"));
	assert_null(strstr(md, "IGNORED"));
	tw_buf_free(&b);

	/* a session without marks (from before them) keeps its stored text */
	int64_t old = start(f, f->profile);
	assert_true(tw_store_coaching_end(f->st, old, "Ticked (1): the agenda", &err));
	assert_true(tw_export_md_coaching(f->st, lib, f->profile, old, &b, &err));
	assert_non_null(strstr(b.data, "## What was covered\n\nTicked (1): the agenda\n"));
	tw_buf_free(&b);
	tw_library_free(lib);
}

/* tests/data/store/v3.db, made by a schema-3 twoway (make_v3.sh): it
 * migrates, keeps its sessions and their stored text, and takes marks. */
static void test_migrate_v3(void **state)
{
	struct fixture *f = *state;
	fixture_open_migrated(f, "v3.db", 3);
	struct tw_error err = { 0 };
	struct tw_coaching c;
	assert_true(tw_store_coaching_get(f->st, 1, &c, &err));
	assert_string_equal(c.coach, "Robin");
	assert_int_equal(c.ended, 1700003600);
	assert_non_null(strstr(c.covered, "Ticked (1):"));
	tw_coaching_finish(&c);
	assert_covered(f, 1, "");
	assert_false(tw_store_coaching_mark(f->st, 1, TICK_ITEM, TW_MARK_TICKED, 0, &err));
	assert_int_equal(err.code, TW_ERR_INVALID);
	/* the open session of version 3 goes on with marks */
	mark(f, 2, TICK_ITEM, TW_MARK_VISITED, 0);
	mark(f, 2, RATE_ITEM, TW_MARK_RATED, 5);
	assert_covered(f, 2, "visited " TICK_ITEM " 0\nrated " RATE_ITEM " 5\n");
	/* the rest of the file is as it was */
	struct tw_progress *pr = NULL;
	size_t n = 0;
	assert_true(tw_store_progress_list(f->st, 1, &pr, &n, &err));
	assert_int_equal(n, 2);
	tw_progresses_free(pr, n);
	struct tw_reflection r;
	assert_true(tw_store_reflection_get_item(f->st, 1, WRITE_ITEM, &r, &err));
	assert_true(r.is_private);
	tw_reflection_finish(&r);
	/* the legacy summary text still reaches the Markdown export */
	struct tw_library *lib = library();
	struct tw_buf b = { 0 };
	assert_true(tw_export_md_coaching(f->st, lib, 1, 1, &b, &err));
	assert_non_null(strstr(b.data, "Ticked (1):"));
	tw_buf_free(&b);
	tw_library_free(lib);
	tw_store_close(f->st);
	f->st = tw_store_open(f->path, &err);
	assert_non_null(f->st);
	assert_int_equal(tw_store_found_version(f->st), TW_STORE_SCHEMA_VERSION);
	assert_covered(f, 2, "visited " TICK_ITEM " 0\nrated " RATE_ITEM " 5\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_marks_once, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_latest_rating, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_unmark, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_bad_input, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_sessions_apart, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_ended_session, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_deleted_session, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_json_round_trip, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_json_merge, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_json_refused, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_markdown, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v3, dir_setup, store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
