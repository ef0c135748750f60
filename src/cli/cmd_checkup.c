/* `twoway checkup start|list`: the relationship check-up as dated runs, one
 * sponsor each, repeated every few months. A run's answers are given with
 * tick/rate/reflect --checkup ID (the latest run without it); list shows
 * each run's ratings side by side, so the trend reads down a column. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "twoway/when.h"

static void help(void)
{
	puts("usage: twoway checkup start SPONSOR [--on DATE]\n"
	     "       twoway checkup list [--sponsor SPONSOR] [--json]\n"
	     "\n"
	     "A check-up is a dated snapshot of the relationship with one sponsor, meant to be\n"
	     "repeated every few months. start begins a run (today, or --on DATE); answer it\n"
	     "with 'twoway tick|rate|reflect ITEM --checkup ID' (without --checkup: the latest\n"
	     "run). Rating checkup/continuum/stage sets the sponsor's stage. list shows each run\n"
	     "with its date, sponsor and ratings, oldest first.");
}

static int start(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *on = NULL;
	int n;
	const struct cli_opt opts[] = { { "--on", &on, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse("checkup start", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("checkup start", "missing the SPONSOR");
	tw_time at = (tw_time)time(NULL);
	if (on && !cli_when("--on", on, &at))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { 0 };
	if (!cli_sponsor(ctx, p.id, pos[0], &s)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!tw_store_checkup_start(ctx->store, p.id, s.id, at, &id, &err)) {
		rc = cli_fail("%s", err.message);
	} else {
		char day[40];
		tw_when_echo(at, day, sizeof day);
		char *hm = strrchr(day, ' '); /* the day alone: "Tue 2026-12-01" */
		if (hm && strchr(hm, ':'))
			*hm = '\0';
		cli_say(ctx, "started check-up %lld with %s on %s\n", (long long)id, s.name, day);
	}
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return rc;
}

#define MAX_RATED 6 /* rate items shown as columns */

/* The check-up guide's rate items, in content order. */
static size_t rated_items(const struct tw_guide *g, const struct tw_item **out)
{
	size_t n = 0;
	for (size_t s = 0; g && s < g->n_sections; s++)
		for (size_t i = 0; i < g->sections[s].n_items && n < MAX_RATED; i++)
			if (g->sections[s].items[i].kind == TW_ITEM_RATE)
				out[n++] = &g->sections[s].items[i];
	return n;
}

static size_t check_items(const struct tw_guide *g)
{
	size_t n = 0;
	for (size_t s = 0; g && s < g->n_sections; s++)
		for (size_t i = 0; i < g->sections[s].n_items; i++)
			n += g->sections[s].items[i].kind == TW_ITEM_CHECK;
	return n;
}

static int rating_of(const struct tw_progress *p, size_t n, const char *item)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].item_id, item) == 0)
			return p[i].rating;
	return 0;
}

static void day_of(tw_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	buf[0] = '\0';
	if (localtime_r(&tt, &tm))
		strftime(buf, len, "%Y-%m-%d", &tm);
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *sponsor = NULL;
	int n;
	bool json = false;
	const struct cli_opt opts[] = { { "--sponsor", &sponsor, NULL },
					{ "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("checkup list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_library *lib = cli_library(ctx);
	if (!lib)
		return CLI_FAIL;
	const struct tw_guide *g = tw_library_guide(lib, TW_CHECKUP_GUIDE);
	const struct tw_item *rated[MAX_RATED];
	size_t nr = rated_items(g, rated), nc = check_items(g);
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { 0 };
	if (sponsor && !cli_sponsor(ctx, p.id, sponsor, &s)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_checkup *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_checkup_list(ctx->store, p.id, s.id, &v, &nv, &err)) {
		tw_sponsor_finish(&s);
		tw_profile_finish(&p);
		return cli_fail("%s", err.message);
	}
	/* ID DATE SPONSOR, a column per rate item (its id's first word), TICKED */
	struct cli_col cols[MAX_RATED + 5] = { { "ID", 4, true }, { "DATE", 0, false },
					       { "SPONSOR", 0, false } };
	char heads[MAX_RATED][24];
	for (size_t i = 0; i < nr; i++) {
		size_t k = 0;
		for (const char *c = rated[i]->id; *c && *c != '-' && k < sizeof heads[i] - 1; c++)
			heads[i][k++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
		heads[i][k] = '\0';
		cols[3 + i] = (struct cli_col){ heads[i], 0, true };
	}
	cols[3 + nr] = (struct cli_col){ "TICKED", 0, true };
	struct cli_table t = { .cols = cols };
	struct cli_json j = { 0 };
	if (json) {
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "checkups", '[');
	}
	for (size_t r = 0; r < nv && rc == CLI_OK; r++) {
		struct tw_progress *pg = NULL;
		size_t np = 0;
		if (!tw_store_progress_list_checkup(ctx->store, p.id, v[r].id, &pg, &np, &err)) {
			rc = cli_fail("%s", err.message);
			break;
		}
		size_t ticked = 0;
		for (size_t i = 0; i < np; i++)
			ticked += pg[i].ticked;
		char id[24], day[16], cells[MAX_RATED][4], tick[32];
		const char *c[MAX_RATED + 4] = { id, day, v[r].sponsor_name };
		snprintf(id, sizeof id, "%lld", (long long)v[r].id);
		day_of(v[r].at, day, sizeof day);
		for (size_t i = 0; i < nr; i++) {
			int rt = rating_of(pg, np, rated[i]->full_id);
			snprintf(cells[i], sizeof cells[i], rt ? "%d" : "-", rt);
			c[3 + i] = cells[i];
		}
		snprintf(tick, sizeof tick, "%zu/%zu", ticked, nc);
		c[3 + nr] = tick;
		if (json) {
			cli_json_open(&j, NULL, '{');
			cli_json_int(&j, "id", v[r].id);
			cli_json_str(&j, "date", day);
			cli_json_int(&j, "sponsor_id", v[r].sponsor_id);
			cli_json_str(&j, "sponsor", v[r].sponsor_id ? v[r].sponsor_name : NULL);
			cli_json_open(&j, "ratings", '{');
			for (size_t i = 0; i < nr; i++) {
				int rt = rating_of(pg, np, rated[i]->full_id);
				if (rt)
					cli_json_int(&j, rated[i]->full_id, rt);
			}
			cli_json_close(&j, '}');
			cli_json_int(&j, "ticked", (long long)ticked);
			cli_json_close(&j, '}');
		} else {
			cli_table_row(&t, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
		}
		tw_progresses_free(pg, np);
	}
	if (json) {
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	} else if (rc == CLI_OK && nv == 0) {
		puts("no check-ups yet (start one with 'twoway checkup start SPONSOR')");
	} else if (rc == CLI_OK && !cli_table_print(&t, " ")) {
		rc = cli_fail("out of memory");
	}
	tw_checkups_free(v, nv);
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return rc;
}

int cmd_checkup(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = { { "start", start }, { "list", list }, { NULL, NULL } };
	return cli_dispatch(ctx, "checkup", subs, help, argc, argv);
}
