/* JSON output for scripts (--json): a document written as it goes, one
 * member a line, two spaces per level, text escaped so any reader parses
 * it (control characters as \uXXXX, bytes that are not UTF-8 as U+FFFD). */
#include <string.h>
#include <time.h>

#include "cli.h"

static void sep(struct cli_json *j, const char *key)
{
	if (j->depth > 0) {
		if (j->more[j->depth])
			fputc(',', j->f);
		fputc('\n', j->f);
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->f);
		j->more[j->depth] = true;
	}
	if (key) {
		cli_json_text(j->f, key);
		fputs(": ", j->f);
	}
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || (n == 3 && s[0] > 0xef))
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return n;
}

void cli_json_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = utf8_len(p);
		if (n == 0) {
			fputs("\\ufffd", f);
			p++;
		} else if (n > 1) {
			fwrite(p, 1, n, f);
			p += n;
		} else {
			unsigned char c = *p++;
			if (c == '"' || c == '\\')
				fprintf(f, "\\%c", c);
			else if (c == '\n')
				fputs("\\n", f);
			else if (c == '\t')
				fputs("\\t", f);
			else if (c < 0x20 || c == 0x7f)
				fprintf(f, "\\u%04x", c);
			else
				fputc(c, f);
		}
	}
	fputc('"', f);
}

void cli_json_open(struct cli_json *j, const char *key, char kind)
{
	if (!j->f)
		j->f = stdout;
	sep(j, key);
	fputc(kind, j->f);
	if (j->depth + 1 < (int)(sizeof j->more / sizeof j->more[0]))
		j->depth++;
	j->more[j->depth] = false;
}

void cli_json_close(struct cli_json *j, char kind)
{
	bool had = j->more[j->depth];
	j->depth--;
	if (had) {
		fputc('\n', j->f);
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->f);
	}
	fputc(kind, j->f);
	if (j->depth == 0)
		fputc('\n', j->f);
}

void cli_json_str(struct cli_json *j, const char *key, const char *s)
{
	sep(j, key);
	if (s)
		cli_json_text(j->f, s);
	else
		fputs("null", j->f);
}

void cli_json_int(struct cli_json *j, const char *key, long long v)
{
	sep(j, key);
	fprintf(j->f, "%lld", v);
}

void cli_json_bool(struct cli_json *j, const char *key, bool v)
{
	sep(j, key);
	fputs(v ? "true" : "false", j->f);
}

void cli_json_time(struct cli_json *j, const char *key, tw_time t)
{
	if (t == 0) {
		cli_json_str(j, key, NULL);
		return;
	}
	/* ISO 8601 in local time with its offset: 2026-03-02T14:30:00+01:00 */
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[40];
	if (!localtime_r(&tt, &tm) || !strftime(buf, sizeof buf - 1, "%Y-%m-%dT%H:%M:%S%z", &tm)) {
		cli_json_str(j, key, NULL);
		return;
	}
	size_t n = strlen(buf); /* +0100 -> +01:00 */
	memmove(buf + n - 1, buf + n - 2, 3);
	buf[n - 2] = ':';
	cli_json_str(j, key, buf);
}

void cli_json_action(struct cli_json *j, const struct tw_action *a)
{
	cli_json_open(j, NULL, '{');
	cli_json_int(j, "id", a->id);
	cli_json_str(j, "text", a->text);
	cli_json_str(j, "owner", a->owner == TW_OWNER_SPONSOR ? "sponsor" : "me");
	cli_json_str(j, "due", a->due[0] ? a->due : NULL);
	cli_json_str(j, "done", a->done[0] ? a->done : NULL);
	if (a->meeting_id)
		cli_json_int(j, "meeting", a->meeting_id);
	else
		cli_json_str(j, "meeting", NULL);
	cli_json_time(j, "created", a->created);
	cli_json_close(j, '}');
}
