/* `twoway purge [--yes]`: lists every soft-deleted record and, only with
 * --yes, removes them for good. */
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

int cmd_purge(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway purge [--yes]\n"
		     "\n"
		     "Lists the deleted records. With --yes, removes them for good; without it\n"
		     "nothing is removed.");
		return CLI_OK;
	}
	bool yes = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--yes", NULL, &yes }, { NULL, NULL, NULL } };
	int rc = cli_parse("purge", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_deleted *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_deleted_list(st, &v, &nv, &err))
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
	if (!tw_store_purge(st, &count, &err))
		return cli_fail("%s", err.message);
	cli_say(ctx, "purged %zu record%s\n", count, count == 1 ? "" : "s");
	return CLI_OK;
}
