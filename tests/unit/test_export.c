/* Unit tests of the export writers: CSV quoting, the atomic 0600 writer,
 * the JSON syntax check, JSON strings and an exact round trip of awkward
 * text, and that private reflections stay out of the
 * Markdown brief and coaching summary but go into the JSON export. */
#include <dirent.h>
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
#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

static void test_csv_field(void **state)
{
	(void)state;
	struct tw_buf b = { 0 };
	tw_export_csv_field(&b, "plain");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "a,b");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "say \"hi\"");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "two\r\nlines");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "one\nline");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "");
	tw_buf_puts(&b, "|");
	tw_export_csv_field(&b, "caf\xc3\xa9");
	assert_false(b.oom);
	assert_string_equal(b.data, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\r\nlines\"|\"one\nline\"||caf\xc3\xa9");
	tw_buf_free(&b);
}

static void test_csv_rows(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Ann, \"the\" boss" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = 1900000000, .agenda = "a,b\nc" };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	struct tw_action a = { .profile_id = f->profile, .meeting_id = m.id, .text = "x",
			       .owner = TW_OWNER_SPONSOR };
	assert_true(tw_store_action_add(f->st, &a, &err));
	struct tw_buf b = { 0 };
	assert_true(tw_export_csv_actions(f->st, f->profile, &b, &err));
	assert_string_equal(b.data, "id,text,owner,due,done,meeting,sponsor\r\n"
				    "1,x,sponsor,,,1,\"Ann, \"\"the\"\" boss\"\r\n");
	tw_buf_free(&b);
	/* the agenda column is the live agenda: the hand part, then the
	 * sponsor's open items */
	assert_true(tw_export_csv_meetings(f->st, NULL, f->profile, "2026-12-01", &b, &err));
	assert_non_null(strstr(b.data, ",planned,\"Ann, \"\"the\"\" boss\",\"a,b\nc\n\n"
				       "## Open action items\n- x (Ann, \"\"the\"\" boss)\",,\r\n"));
	tw_buf_free(&b);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void test_write_file(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	char sub[400], path[450];
	snprintf(sub, sizeof sub, "%s/new/dir", f->dir);
	snprintf(path, sizeof path, "%s/out.txt", sub);
	assert_true(tw_export_write_file(path, "one\n", 4, false, &err));
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	/* refused without force, the file untouched, no temporary left */
	assert_false(tw_export_write_file(path, "two\n", 4, false, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	assert_non_null(strstr(err.message, path));
	size_t len;
	char *got = slurp(path, &len);
	assert_string_equal(got, "one\n");
	free(got);
	assert_int_equal(count_entries(sub), 1);
	/* replaced with force, still 0600 */
	chmod(path, 0644);
	assert_true(tw_export_write_file(path, "two\n", 4, true, &err));
	got = slurp(path, &len);
	assert_string_equal(got, "two\n");
	free(got);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_entries(sub), 1);
	/* a directory that cannot be made */
	snprintf(path, sizeof path, "%s/out.txt/x", sub);
	assert_false(tw_export_write_file(path, "x", 1, false, &err));
	assert_int_equal(count_entries(sub), 1);

	/* piece by piece: nothing on disk until the first bytes, the file in
	 * place only at the commit */
	char deep[450], streamed[500];
	snprintf(deep, sizeof deep, "%s/a/b", f->dir);
	snprintf(streamed, sizeof streamed, "%s/big.txt", deep);
	struct tw_export_file *ef = tw_export_file_open(streamed, false, &err);
	assert_non_null(ef);
	assert_int_not_equal(stat(deep, &sb), 0); /* not yet made */
	assert_true(tw_export_file_sink(ef, "piece one, ", 11));
	assert_true(tw_export_file_sink(ef, "piece two\n", 10));
	assert_int_equal(count_entries(deep), 1); /* the temporary file only */
	assert_int_not_equal(stat(streamed, &sb), 0);
	assert_true(tw_export_file_commit(ef, &err));
	got = slurp(streamed, &len);
	assert_string_equal(got, "piece one, piece two\n");
	free(got);
	assert_int_equal(stat(streamed, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_entries(deep), 1);
	/* an export that fails half-way: its temporary file and the
	 * directories it made are gone, the rest untouched */
	char deeper[500], lost[560];
	snprintf(deeper, sizeof deeper, "%s/a/c/d", f->dir);
	snprintf(lost, sizeof lost, "%s/lost.txt", deeper);
	ef = tw_export_file_open(lost, false, &err);
	assert_non_null(ef);
	assert_true(tw_export_file_sink(ef, "half", 4));
	assert_int_equal(count_entries(deeper), 1);
	assert_true(tw_export_file_abort(ef, &err));
	char made[500];
	snprintf(made, sizeof made, "%s/a/c", f->dir);
	assert_int_not_equal(stat(made, &sb), 0);
	snprintf(made, sizeof made, "%s/a", f->dir);
	assert_int_equal(count_entries(made), 1); /* b, with big.txt */
	/* refused at once: an existing file without force, a device with it */
	assert_null(tw_export_file_open(streamed, false, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	assert_null(tw_export_file_open("/dev/null", true, &err));
	assert_int_equal(err.code, TW_ERR_EXISTS);
	/* an empty export is still a file */
	snprintf(streamed, sizeof streamed, "%s/empty.txt", deep);
	ef = tw_export_file_open(streamed, false, &err);
	assert_true(tw_export_file_commit(ef, &err));
	assert_int_equal(stat(streamed, &sb), 0);
	assert_int_equal(sb.st_size, 0);
}

static void test_json_check(void **state)
{
	(void)state;
	struct tw_diags d = { 0 };
	const char *good = "{\"a\": [1, 2]}";
	assert_true(tw_export_json_check(good, strlen(good), "f.json", &d));
	const char *bad = "{\"a\": [1,\n  2,, 3]}";
	assert_false(tw_export_json_check(bad, strlen(bad), "f.json", &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].column, 5);
	tw_diags_clear(&d);
	const char *cut = "{\"a\": [1,\n  2";
	assert_false(tw_export_json_check(cut, strlen(cut), "f.json", &d));
	assert_int_equal(d.v[0].line, 2);
	tw_diags_clear(&d);
	const char *dup = "{\"a\": 1, \"a\": 2}";
	assert_false(tw_export_json_check(dup, strlen(dup), "f.json", &d));
	tw_diags_clear(&d);
}

static void test_private_stays_out(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_library *lib = tw_library_new();
	assert_non_null(lib);
	assert_true(tw_library_add_dir(lib, getenv("TW_CONTENT_DIR"), false));
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Maria" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = 1900000000, .agenda = "Roadmap" };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	int64_t cid;
	assert_true(tw_store_coaching_start(f->st, f->profile, "Coach Kim", &cid, &err));
	/* the preparation's answers belong to the meeting */
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m.id,
						"before-meeting/the-ask/the-ask",
						"SECRET ask text", true, NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, m.id,
						"before-meeting/feedback/feedback-to-share",
						"Shared feedback", false, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile,
					     "before-meeting/agenda/their-career",
					     "UNTIED question", false, NULL, &err));
	assert_true(tw_store_coaching_end(f->st, cid, "the ask", &err));
	struct tw_buf b = { 0 };
	assert_true(tw_export_md_brief(f->st, lib, f->profile, m.id, "2020-01-01", &b, &err));
	assert_null(strstr(b.data, "SECRET"));
	assert_non_null(strstr(b.data, "Shared feedback"));
	assert_null(strstr(b.data, "UNTIED")); /* no meeting's answer is not this one's */
	tw_buf_free(&b);
	assert_true(tw_export_md_coaching(f->st, lib, f->profile, cid, &b, &err));
	assert_null(strstr(b.data, "SECRET"));
	assert_non_null(strstr(b.data, "(private)"));
	assert_non_null(strstr(b.data, "Coach Kim"));
	tw_buf_free(&b);
	char *json = NULL;
	size_t len;
	assert_true(tw_store_export_json(f->st, f->profile, &json, &len, &err));
	assert_non_null(strstr(json, "SECRET ask text"));
	free(json);
	tw_library_free(lib);
}

/* A sink for the streaming tests: what it got, in how many pieces, and
 * whether it refuses (a full disk). */
struct catcher {
	struct tw_buf got;
	int calls;
	bool refuse;
};

static bool catch_bytes(void *ctx, const char *data, size_t len)
{
	struct catcher *c = ctx;
	c->calls++;
	if (c->refuse)
		return false;
	assert_true(len > 0);
	tw_buf_add(&c->got, data, len);
	return true;
}

/* Exports handed to a sink as they are made: the same bytes as the
 * export built whole, in several pieces (so a large export never sits
 * whole in memory); a refusing sink stops the export with an I/O error;
 * a coach view streams the coach's copy even when asked for the full one. */
static void test_streamed_export(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Maria" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	char text[256];
	for (int i = 0; i < 600; i++) {
		snprintf(text, sizeof text, "item %d: %0200d", i, i);
		struct tw_action a = { .profile_id = f->profile, .text = text };
		assert_true(tw_store_action_add(f->st, &a, &err));
		struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
					.when = 1900000000 + i * 3600, .agenda = text };
		assert_true(tw_store_meeting_add(f->st, &m, &err));
	}
	assert_true(tw_store_reflection_save(f->st, f->profile, "before-meeting/the-ask/the-ask",
					     "SECRET streamed", true, NULL, &err));
	char *whole = NULL;
	size_t len = 0;
	assert_true(tw_store_export_json(f->st, 0, &whole, &len, &err));
	assert_true(len > 2 * 64 * 1024);

	struct catcher c = { .calls = 0 };
	struct tw_buf b = { .sink = catch_bytes, .sink_ctx = &c };
	assert_true(tw_store_export_json_into(f->st, 0, false, &b, &err));
	assert_true(c.calls >= 2);
	/* pieces of about 16 KiB, from a buffer that never grew past twice
	 * that (every record here is well under 1 KiB) */
	assert_true((size_t)c.calls >= len / (17 * 1024));
	assert_true(b.cap <= 32 * 1024);
	assert_int_equal(b.len, 0); /* all of it went to the sink */
	assert_int_equal(c.got.len, len);
	assert_memory_equal(c.got.data, whole, len);
	tw_buf_free(&b);
	tw_buf_free(&c.got);
	free(whole);

	/* the calendar, streamed and whole */
	struct tw_buf one = { 0 };
	assert_true(tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &one, &err));
	c = (struct catcher){ .calls = 0 };
	b = (struct tw_buf){ .sink = catch_bytes, .sink_ctx = &c };
	assert_true(tw_export_ics(f->st, NULL, f->profile, "2030-01-01", &b, &err));
	assert_true(tw_buf_drain(&b));
	assert_true(c.calls >= 2);
	assert_true(b.cap <= 32 * 1024);
	assert_int_equal(c.got.len, one.len);
	assert_memory_equal(c.got.data, one.data, one.len);
	tw_buf_free(&b);
	tw_buf_free(&c.got);
	tw_buf_free(&one);

	/* a sink that cannot write: the export stops at once and says so */
	c = (struct catcher){ .refuse = true };
	b = (struct tw_buf){ .sink = catch_bytes, .sink_ctx = &c };
	assert_false(tw_store_export_json_into(f->st, 0, false, &b, &err));
	assert_int_equal(err.code, TW_ERR_IO);
	assert_true(b.sink_failed);
	assert_int_equal(c.calls, 1);
	tw_buf_free(&b);

	/* through a coach view, the coach's copy, whatever is asked */
	struct tw_store *coach = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(coach);
	c = (struct catcher){ .calls = 0 };
	b = (struct tw_buf){ .sink = catch_bytes, .sink_ctx = &c };
	assert_true(tw_store_export_json_into(coach, 0, false, &b, &err));
	tw_buf_add(&c.got, "", 0);
	assert_null(strstr(c.got.data, "SECRET"));
	assert_non_null(strstr(c.got.data, "\"coach\": true"));
	tw_buf_free(&b);
	tw_buf_free(&c.got);
	tw_store_close(coach);
}

/* JSON strings: SQLite's escapes for control characters, '"' and
 * backslash; U+2028/U+2029 escaped; every byte that is not UTF-8 a U+FFFD;
 * a special byte at every place of the eight-byte fast path. */
static void json_is(const char *in, size_t len, const char *want)
{
	struct tw_buf b = { 0 };
	tw_buf_add(&b, "x", 1); /* appends after what is there */
	tw_export_json_string(&b, in, len);
	struct tw_error err;
	assert_true(tw_buf_ok(&b, &err));
	assert_int_equal(b.len, strlen(b.data));
	assert_string_equal(b.data + 1, want);
	tw_buf_free(&b);
}
#define JSON_IS(lit, want) json_is(lit, sizeof lit - 1, want)

static void test_json_string(void **state)
{
	(void)state;
	JSON_IS("", "\"\"");
	JSON_IS("plain words", "\"plain words\"");
	JSON_IS("q\"b\\s/'", "\"q\\\"b\\\\s/'\"");
	JSON_IS("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"");
	JSON_IS("\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"");
	JSON_IS("a\0b", "\"a\\u0000b\"");
	JSON_IS("\xe2\x80\xa8|\xe2\x80\xa9|\xe2\x80\xaa", "\"\\u2028|\\u2029|\xe2\x80\xaa\"");
	JSON_IS("caf\xc3\xa9 \xf0\x9f\x98\x80 \xe4\xb8\xad", "\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe4\xb8\xad\"");
	/* not UTF-8: stray continuation, overlong, surrogate, past U+10FFFF,
	 * a lead byte cut short, 0xff */
	JSON_IS("\x80", "\"\xef\xbf\xbd\"");
	JSON_IS("\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON_IS("\xe0\x80\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON_IS("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON_IS("\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON_IS("ab\xe2\x82", "\"ab\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON_IS("\xff!", "\"\xef\xbf\xbd!\"");
	/* each special byte at each of 17 places in a longer string */
	static const char *const special[][2] = {
		{ "\"", "\\\"" }, { "\\", "\\\\" }, { "\n", "\\n" }, { "\x1f", "\\u001f" },
		{ "\xc3\xa9", "\xc3\xa9" }, { "\xe2\x80\xa8", "\\u2028" }, { "\x80", "\xef\xbf\xbd" },
	};
	for (size_t k = 0; k < sizeof special / sizeof special[0]; k++)
		for (size_t at = 0; at <= 16; at++) {
			char in[64], want[96];
			snprintf(in, sizeof in, "%.*s%s%.*s", (int)at, "abcdefghijklmnopq",
				 special[k][0], (int)(16 - at), "ABCDEFGHIJKLMNOPQ");
			snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)at, "abcdefghijklmnopq",
				 special[k][1], (int)(16 - at), "ABCDEFGHIJKLMNOPQ");
			json_is(in, strlen(in), want);
		}
}

/* Awkward text (as much as the store takes: no control characters but tab
 * and new line) goes out and comes back exactly: a database with it is
 * exported, imported into an empty one, and that one's export is the same
 * file; each text reads back as it was saved. */
static void test_json_round_trip(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	static const char *const texts[] = {
		"quotes \" and \\ backslash \\\" both",
		"tab\tand\nnew line\n\n\ttwice",
		"line\xe2\x80\xa8separator\xe2\x80\xa9paragraph",
		"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe4\xb8\xad\xe6\x96\x87 \xc2\xa0nbsp \xef\xbb\xbf bom",
		"{\"json\": [1, 2, null]} '\\u0041' </script>",
		"  spaces around\n\n  ",
	};
	size_t n = sizeof texts / sizeof texts[0];
	int64_t ids[8];
	for (size_t i = 0; i < n; i++)
		if (!tw_store_reflection_save(f->st, f->profile, NULL, texts[i], i % 2, &ids[i],
					      &err))
			fail_msg("saving text %zu: %s", i, err.message);
	struct tw_sponsor s = { .profile_id = f->profile, .name = (char *)texts[0],
				.title = (char *)texts[1], .org = (char *)texts[2] };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = 1900000000, .agenda = (char *)texts[3],
				.notes = (char *)texts[4] };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	struct tw_action a = { .profile_id = f->profile, .meeting_id = m.id,
			       .text = (char *)texts[1] };
	assert_true(tw_store_action_add(f->st, &a, &err));
	char *one = NULL, *two = NULL;
	size_t len1, len2;
	assert_true(tw_store_export_json(f->st, 0, &one, &len1, &err));
	assert_int_equal(len1, strlen(one));
	assert_non_null(strstr(one, "\\u2028separator\\u2029"));
	assert_non_null(strstr(one, "tab\\tand\\nnew line\\n\\n\\ttwice"));

	char path[400];
	snprintf(path, sizeof path, "%s/copy.db", f->dir);
	struct tw_store *copy = tw_store_open(path, &err);
	assert_non_null(copy);
	struct tw_import_stats stats;
	struct tw_diags diags = { 0 };
	if (!tw_store_import_json(copy, one, len1, "one.json", &stats, &diags))
		fail_msg("import: %s", diags.n ? diags.v[0].message : "?");
	assert_true(tw_store_export_json(copy, 0, &two, &len2, &err));
	assert_int_equal(len1, len2);
	assert_memory_equal(one, two, len1);
	for (size_t i = 0; i < n; i++) {
		struct tw_reflection r;
		assert_true(tw_store_reflection_get(copy, ids[i], &r, &err));
		assert_string_equal(r.text, texts[i]);
		tw_reflection_finish(&r);
	}
	tw_store_close(copy);
	free(one);
	free(two);
}

/* Counts the times needle stands in hay. */
static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* A brief for a meeting whose agenda the agenda module built from the same
 * answers: each answer once, the agenda's parts one level down, and the
 * action items as they stand at export time, not the agenda's snapshot. */
static void test_brief_from_built_agenda(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_library *lib = tw_library_new();
	assert_non_null(lib);
	assert_true(tw_library_add_dir(lib, getenv("TW_CONTENT_DIR"), false));
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Maria" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "before-meeting/agenda/their-career",
					     "How did you pick your first team?", false, NULL, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "before-meeting/the-ask/the-ask",
					     "An intro to the data lead", false, NULL, &err));
	struct tw_meeting old = { .profile_id = f->profile, .sponsor_id = s.id, .when = 1800000000 };
	assert_true(tw_store_meeting_add(f->st, &old, &err));
	struct tw_action a = { .profile_id = f->profile, .meeting_id = old.id,
			       .text = "Send the one-pager", .owner = TW_OWNER_ME };
	assert_true(tw_store_action_add(f->st, &a, &err));
	char *agenda = tw_agenda_build(lib, f->st, f->profile, 0, &s, 1900000000, &err);
	assert_non_null(agenda);
	assert_non_null(strstr(agenda, "## " TW_AGENDA_ACTIONS_HEADING));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id,
				.when = 1900000000, .agenda = agenda };
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	free(agenda);
	/* done after the agenda was built: the brief must not list it */
	assert_true(tw_store_action_done(f->st, a.id, "2030-01-01", &err));

	struct tw_buf b = { 0 };
	assert_true(tw_export_md_brief(f->st, lib, f->profile, m.id, "2030-01-02", &b, &err));
	assert_int_equal(count(b.data, "How did you pick your first team?"), 1);
	assert_int_equal(count(b.data, "An intro to the data lead"), 1);
	assert_int_equal(count(b.data, "\n## "), 1); /* only "## Agenda" */
	assert_non_null(strstr(b.data, "\n### "));
	assert_null(strstr(b.data, "Send the one-pager"));
	tw_buf_free(&b);
	tw_library_free(lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test_setup_teardown(test_brief_from_built_agenda, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_csv_rows, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_write_file, dir_setup, store_teardown),
		cmocka_unit_test(test_json_check),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test_setup_teardown(test_json_round_trip, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_streamed_export, store_setup, store_teardown),
		cmocka_unit_test_setup_teardown(test_private_stays_out, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
