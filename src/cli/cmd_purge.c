/* `twoway purge [--all] [--yes]`: lists every record a purge would remove
 * (the deleted records of the profile in use and what goes with them; with
 * --all, of the whole database, deleted profiles included) and, only with
 * --yes, removes them for good. */
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

int cmd_purge(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway purge [--all] [--yes]\n"
		     "\n"
		     "Lists every record a purge would remove: the deleted records of the\n"
		     "profile in use, and the records that go with them (the meetings of a\n"
		     "deleted sponsor; a meeting's answers, with its ticks, ratings and drafts\n"
		     "named on its line; a sponsor's check-ups). A private answer is listed\n"
		     "without its text. With --all, the whole database: every profile, and the\n"
		     "deleted profiles with everything in them. With --yes, removes them for\n"
		     "good; without it nothing is removed.");
		return CLI_OK;
	}
	bool yes = false, all = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--yes", NULL, &yes },
					{ "--all", NULL, &all },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("purge", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_profile p = { 0 };
	if (!all && !cli_profile(ctx, &p))
		return CLI_FAIL;
	int64_t scope = all ? 0 : p.id;
	tw_profile_finish(&p);
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_deleted *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_deleted_list(st, scope, &v, &nv, &err))
		return cli_fail("%s", err.message);
	if (nv == 0) {
		cli_say(ctx, "nothing to purge\n");
		return CLI_OK;
	}
	bool list = !yes || !ctx->quiet; /* --yes --quiet: only do it */
	if (list)
		printf("%s %zu deleted record%s:\n", yes ? "removing" : "would remove", nv,
		       nv == 1 ? "" : "s");
	for (size_t i = 0; i < nv && list; i++) {
		char when[32];
		tw_time_format(v[i].deleted, when, sizeof(when));
		printf("  %-10s %4lld  deleted %s  ", tw_record_kind_name(v[i].kind),
		       (long long)v[i].id, when);
		cli_put(stdout, v[i].label, " ");
		putchar('\n');
	}
	tw_deleteds_free(v, nv);
	if (!yes) {
		puts("nothing removed yet: run 'twoway purge --yes' to remove these for good");
		return CLI_OK;
	}
	size_t count = 0;
	if (!tw_store_purge(st, scope, &count, &err))
		return cli_fail("%s", err.message);
	cli_say(ctx, "purged %zu record%s\n", count, count == 1 ? "" : "s");
	return CLI_OK;
}
