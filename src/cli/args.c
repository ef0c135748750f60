/* Argument handling the subcommands share: the option parser, the checks
 * on text, ids, dates, items and sponsors (each printing one clear line
 * naming the bad argument), and inert printing of stored text. */
#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "cli.h"
#include "twoway/agenda.h"
#include "twoway/util.h"
#include "twoway/when.h"

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *arg,
				      size_t len)
{
	for (const struct cli_opt *o = opts; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, arg, len) == 0)
			return o;
	return NULL;
}

int cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int max, int *npos)
{
	int n = 0;
	bool dashdash = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!dashdash && strcmp(a, "--") == 0) {
			dashdash = true;
			continue;
		}
		if (dashdash || a[0] != '-' || a[1] == '\0') {
			if (n >= max)
				return cli_usage(cmd, "unexpected argument '%s'", a);
			pos[n++] = a;
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t len = eq ? (size_t)(eq - a) : strlen(a);
		const struct cli_opt *o = find_opt(opts, a, len);
		if (!o)
			return cli_usage(cmd, "unknown option '%.*s'", (int)len, a);
		if (o->flag) {
			if (eq)
				return cli_usage(cmd, "option '%s' takes no value", o->name);
			*o->flag = true;
			continue;
		}
		if (eq) {
			*o->value = eq + 1;
		} else {
			if (i + 1 >= argc)
				return cli_usage(cmd, "option '%s' needs a value", o->name);
			*o->value = argv[++i];
		}
	}
	*npos = n;
	return CLI_OK;
}

bool cli_text_ok(const char *what, const char *s, bool nonblank)
{
	size_t len = strlen(s);
	if (!tw_utf8_valid(s, len)) {
		cli_fail("%s is not valid UTF-8 text; nothing was changed", what);
		return false;
	}
	if (!tw_text_valid(s, len)) {
		cli_fail("%s holds control characters; nothing was changed", what);
		return false;
	}
	if (nonblank && !tw_text_nonblank(s)) {
		cli_fail("%s is empty; nothing was changed", what);
		return false;
	}
	return true;
}

bool cli_all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

bool cli_id(const char *what, const char *s, int64_t *out)
{
	char *end = NULL;
	errno = 0;
	long long v = (s[0] >= '0' && s[0] <= '9') ? strtoll(s, &end, 10) : 0;
	if (!end || *end || errno || v <= 0) {
		cli_fail("'%s' is not a valid %s id: ids are positive numbers", s, what);
		return false;
	}
	*out = (int64_t)v;
	return true;
}

bool cli_when(const char *what, const char *s, tw_time *out)
{
	char msg[256];
	struct tw_when w;
	if (!cli_text_ok(what, s, true))
		return false;
	if (!tw_when_parse(s, (tw_time)time(NULL), &w, msg, sizeof msg)) {
		cli_fail("%s: %s", what, msg);
		return false;
	}
	*out = w.t;
	return true;
}

bool cli_day(const char *what, const char *s, char day[11])
{
	char msg[256];
	if (!cli_text_ok(what, s, true))
		return false;
	if (!tw_when_parse_date(s, (tw_time)time(NULL), day, msg, sizeof msg)) {
		cli_fail("%s: %s", what, msg);
		return false;
	}
	return true;
}

const struct tw_item *cli_item(struct cli_ctx *ctx, const char *full_id)
{
	if (!cli_text_ok("the item id", full_id, true))
		return NULL;
	struct tw_library *lib = cli_library(ctx);
	if (!lib)
		return NULL;
	const struct tw_item *item = tw_library_item(lib, full_id, NULL, NULL);
	if (item)
		return item;
	const char *best[5];
	size_t n = tw_library_suggest(lib, full_id, best, 5);
	if (n == 0) {
		cli_fail("unknown item '%s' (see 'twoway guides')", full_id);
		return NULL;
	}
	char list[512];
	size_t at = 0;
	list[0] = '\0';
	for (size_t i = 0; i < n && at < sizeof list; i++)
		at += (size_t)snprintf(list + at, sizeof list - at, "%s%s", i ? ", " : "", best[i]);
	cli_fail("unknown item '%s'; did you mean: %s", full_id, list);
	return NULL;
}

bool cli_item_meeting(struct cli_ctx *ctx, int64_t profile_id, const char *item_id,
		      const char *meeting, const char *checkup, int64_t *meeting_id)
{
	*meeting_id = 0;
	bool per = tw_agenda_per_meeting(item_id), run = tw_checkup_item(item_id);
	if (meeting && !per)
		return cli_fail("'%s' is answered once, not per meeting: leave out --meeting "
				"(the before-meeting and after-meeting guides are answered per "
				"meeting)", item_id ? item_id : "-"), false;
	if (checkup && !run)
		return cli_fail("'%s' is not a check-up item: leave out --checkup (only the "
				"check-up's items are answered per check-up)", item_id ? item_id : "-"),
		       false;
	if (meeting)
		return cli_id("meeting", meeting, meeting_id);
	if (checkup)
		return cli_id("check-up", checkup, meeting_id);
	struct tw_error err = { 0 };
	if (run) {
		/* the latest run; none yet: say how to start one */
		if (!tw_store_checkup_latest(ctx->store, profile_id, 0, meeting_id, &err))
			return cli_fail("%s", err.message), false;
		if (!*meeting_id)
			return cli_fail("no check-up started yet: start one with 'twoway checkup "
					"start SPONSOR'"), false;
		return true;
	}
	if (!per)
		return true;
	char guide[64];
	snprintf(guide, sizeof guide, "%.*s", (int)strcspn(item_id, "/"), item_id);
	if (!tw_agenda_walk_meeting(ctx->store, profile_id, guide, (tw_time)time(NULL), meeting_id,
				    &err))
		return cli_fail("%s", err.message), false;
	return true;
}

const char *cli_occasion(const char *item_id, int64_t id, char *buf, size_t len)
{
	buf[0] = '\0';
	if (id)
		snprintf(buf, len, " for %s %lld", tw_checkup_item(item_id) ? "check-up" : "meeting",
			 (long long)id);
	return buf;
}

bool cli_sponsor(struct cli_ctx *ctx, int64_t profile_id, const char *name,
		 struct tw_sponsor *out)
{
	if (!cli_text_ok("the sponsor name", name, true))
		return false;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return false;
	struct tw_error err = { 0 };
	if (tw_store_sponsor_find(st, profile_id, name, out, &err))
		return true;
	if (err.code == TW_ERR_NOTFOUND)
		cli_fail("unknown sponsor '%s' (see 'twoway sponsor list')", name);
	else if (err.code == TW_ERR_INVALID)
		cli_fail("%s", err.message); /* ambiguous: names the ids */
	else
		cli_fail("%s", err.message);
	return false;
}

void cli_put(FILE *f, const char *text, const char *indent)
{
	/* Runs of plain bytes go out in one write; only a newline, a
	 * control character or a C1 control stops a run. */
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	const unsigned char *run = p;
	for (;; p++) {
		unsigned char c = *p;
		if (c >= 0x20 && c != 0x7f && (c != 0xc2 || p[1] < 0x80 || p[1] >= 0xa0))
			continue;
		if (c == '\t')
			continue;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), f);
		if (!c)
			break;
		if (c == '\n') {
			fputc('\n', f);
			if (p[1] && p[1] != '\n')
				fputs(indent, f);
		} else {
			fputc('?', f); /* a control character; C1 takes two bytes */
			if (c == 0xc2)
				p++;
		}
		run = p + 1;
	}
}

void cli_first_line(const char *text, char *buf, size_t max)
{
	size_t n = 0;
	text = text ? text : "";
	while (text[n] && text[n] != '\n')
		n++;
	bool cut = n > max;
	if (cut) {
		n = max;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, text, n);
	strcpy(buf + n, cut ? "..." : "");
	if (!cut && text[n] == '\n' && text[n + 1] && n + 3 <= max) {
		strcpy(buf + n, "...");
	}
}

size_t cli_plain_prefix(const char *s, size_t len)
{
	/* Eight bytes at a time: a word is plain when no byte is below 0x20
	 * (s - 0x20 borrows), at or above 0x80 (top bit) or 0x7f (s + 1 sets
	 * the top bit). A borrow or carry only ever comes from a byte that is
	 * already flagged, so a clean word is never misjudged; a flagged one
	 * is looked at byte by byte. */
	const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (((x - 0x20 * ones) | x | (x + ones)) & tops)
			break;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f)
		i++;
	return i;
}

/* wcwidth's answers come from the environment's character type (a UTF-8
 * locale knows CJK and emoji); numbers and messages stay in the C
 * locale's form. Set when a width is first needed beyond ASCII, not at
 * start: loading the locale cost every command ~0.5 ms and 18 fresh pages
 * of memory, and only tables of non-ASCII text use it (the app sets its
 * own). */
static void wide_locale(void)
{
	static bool set;
	if (!set) {
		setlocale(LC_CTYPE, "");
		set = true;
	}
}

int cli_width_n(const char *s, size_t len)
{
	/* Terminal columns, not bytes or code points: CJK and emoji take two,
	 * combining marks none. wcwidth knows this in a UTF-8 locale;
	 * elsewhere a character is one. */
	size_t i = cli_plain_prefix(s, len);
	int w = (int)i;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) { /* ASCII: one column (a control shows as ?) */
			i++;
			w++;
			continue;
		}
		unsigned cp;
		size_t n = tw_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			i++;
			w++;
			continue;
		}
		i += n;
		wide_locale();
		int cw = wcwidth((wchar_t)cp);
		w += cw < 0 ? 1 : cw;
	}
	return w;
}

int cli_width(const char *s)
{
	return s ? cli_width_n(s, strlen(s)) : 0;
}

void cli_pad(int n)
{
	static const char spaces[] = "                                ";
	for (; n > 0; n -= (int)sizeof spaces - 1)
		fwrite(spaces, 1, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1, stdout);
}

void cli_cell(const char *s, int w)
{
	cli_put(stdout, s, " ");
	cli_pad(w - cli_width(s));
}
