/* The check-up over time as text for the screens: a sponsor's runs as
 * lines of ratings with arrows where they moved, one item's ratings across
 * runs, a run's label, and the run the sponsors screen's c walks. No
 * curses here: the screens draw the lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checkup.h"

#define MAX_RATED 8

/* The check-up guide's rate items, in content order. */
static size_t rated(struct tui_app *app, const struct tw_item **out)
{
	const struct tw_guide *g = tw_library_guide(app->lib, TW_CHECKUP_GUIDE);
	size_t n = 0;
	for (size_t s = 0; g && s < g->n_sections; s++)
		for (size_t i = 0; i < g->sections[s].n_items && n < MAX_RATED; i++)
			if (g->sections[s].items[i].kind == TW_ITEM_RATE)
				out[n++] = &g->sections[s].items[i];
	return n;
}

static void day(tw_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	buf[0] = '\0';
	char mon[16];
	if (localtime_r(&tt, &tm) && strftime(mon, sizeof mon, "%b %Y", &tm))
		snprintf(buf, len, "%d %s", tm.tm_mday, mon);
}

/* The ratings of run for the items (0: not rated). */
static bool ratings(struct tui_app *app, int64_t run, const struct tw_item **items, size_t n,
		    int *out)
{
	struct tw_progress *p = NULL;
	size_t np = 0;
	struct tw_error err = { 0 };
	if (!tw_store_progress_list_checkup(app->store, app->profile.id, run, &p, &np, &err)) {
		tui_error(app, "%s", err.message);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		out[i] = 0;
		for (size_t k = 0; k < np; k++)
			if (strcmp(p[k].item_id, items[i]->full_id) == 0)
				out[i] = p[k].rating;
	}
	tw_progresses_free(p, np);
	return true;
}

void tui_checkup_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

size_t tui_checkup_trend(struct tui_app *app, int64_t sponsor_id, size_t max, char ***lines)
{
	*lines = NULL;
	const struct tw_item *items[MAX_RATED];
	size_t ni = rated(app, items);
	struct tw_checkup *v = NULL;
	size_t n = 0;
	struct tw_error err = { 0 };
	if (!tw_store_checkup_list(app->store, app->profile.id, sponsor_id, &v, &n, &err)) {
		tui_error(app, "%s", err.message);
		return 0;
	}
	size_t from = n > max ? n - max : 0, got = 0;
	char **out = n ? calloc(n - from, sizeof *out) : NULL;
	int prev[MAX_RATED] = { 0 }, cur[MAX_RATED];
	for (size_t r = 0; out && r < n; r++) {
		if (!ratings(app, v[r].id, items, ni, cur))
			break;
		if (r >= from) {
			char line[400];
			size_t at = 0;
			day(v[r].at, line, sizeof line);
			at = strlen(line);
			bool any = false;
			for (size_t i = 0; i < ni && at < sizeof line; i++) {
				if (!cur[i])
					continue;
				char word[24];
				snprintf(word, sizeof word, "%.*s", (int)strcspn(items[i]->id, "-"),
					 items[i]->id);
				const char *arrow = !prev[i] || prev[i] == cur[i] ? ""
						    : cur[i] > prev[i]		 ? "↑"
										 : "↓";
				at += (size_t)snprintf(line + at, sizeof line - at, "  %s %d%s", word,
						       cur[i], arrow);
				any = true;
			}
			if (!any && at < sizeof line)
				snprintf(line + at, sizeof line - at, "  nothing rated");
			out[got] = strdup(line);
			if (out[got])
				got++;
		}
		for (size_t i = 0; i < ni; i++)
			if (cur[i])
				prev[i] = cur[i];
	}
	tw_checkups_free(v, n);
	*lines = out;
	return got;
}

void tui_checkup_item_trend(struct tui_app *app, int64_t run, const char *item_id, char *buf,
			    size_t len)
{
	buf[0] = '\0';
	struct tw_checkup c;
	struct tw_error err = { 0 };
	if (!tw_store_checkup_get(app->store, app->profile.id, run, &c, &err))
		return;
	struct tw_checkup *v = NULL;
	size_t n = 0;
	bool ok = tw_store_checkup_list(app->store, app->profile.id, c.sponsor_id, &v, &n, &err);
	size_t at = 0, shown = 0;
	for (size_t r = 0; ok && r < n && at < len; r++) {
		struct tw_progress *p = NULL;
		size_t np = 0;
		if (!tw_store_progress_list_checkup(app->store, app->profile.id, v[r].id, &p, &np,
						    &err))
			break;
		for (size_t k = 0; k < np && at < len; k++)
			if (strcmp(p[k].item_id, item_id) == 0 && p[k].rating) {
				char d[32];
				day(v[r].at, d, sizeof d);
				at += (size_t)snprintf(buf + at, len - at, "%s%s %d",
						       shown ? ", " : "Over time: ", d, p[k].rating);
				shown++;
			}
		tw_progresses_free(p, np);
		if (v[r].id == run)
			break;
	}
	if (shown < 2)
		buf[0] = '\0'; /* one rating is no trend */
	tw_checkups_free(v, n);
	tw_checkup_finish(&c);
}

void tui_checkup_label(struct tui_app *app, int64_t run, char *buf, size_t len)
{
	buf[0] = '\0';
	struct tw_checkup c;
	struct tw_error err = { 0 };
	if (!tw_store_checkup_get(app->store, app->profile.id, run, &c, &err))
		return;
	char d[32];
	day(c.at, d, sizeof d);
	snprintf(buf, len, "%.40s, check-up of %s", *c.sponsor_name ? c.sponsor_name : "no sponsor",
		 d);
	tw_checkup_finish(&c);
}

int64_t tui_checkup_begin(struct tui_app *app, int64_t sponsor_id)
{
	struct tw_error err = { 0 };
	int64_t id = 0;
	struct tw_checkup c = { 0 };
	if (!tw_store_checkup_latest(app->store, app->profile.id, sponsor_id, &id, &err)) {
		tui_error(app, "%s", err.message);
		return 0;
	}
	tw_time now = (tw_time)time(NULL);
	char a[16] = "", b[16] = "";
	if (id && tw_store_checkup_get(app->store, app->profile.id, id, &c, &err)) {
		time_t t1 = (time_t)c.at, t2 = (time_t)now;
		struct tm m1, m2;
		if (localtime_r(&t1, &m1) && localtime_r(&t2, &m2)) {
			strftime(a, sizeof a, "%Y-%m-%d", &m1);
			strftime(b, sizeof b, "%Y-%m-%d", &m2);
		}
		tw_checkup_finish(&c);
	}
	if (id && *a && strcmp(a, b) == 0)
		return id; /* today's run goes on */
	if (!tw_store_checkup_start(app->store, app->profile.id, sponsor_id, now, &id, &err)) {
		tui_error(app, "%s", err.message);
		return 0;
	}
	return id;
}
