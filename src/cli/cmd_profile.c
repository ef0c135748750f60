/* `twoway profile add|list|use`: the sponsees a database holds (one for a
 * sponsee, several for a coach) and which one the other commands act on. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway profile add NAME [--role ROLE] [--goals GOALS]\n"
	     "       twoway profile list\n"
	     "       twoway profile use NAME\n"
	     "\n"
	     "Profiles are the sponsees this database holds. 'list' marks the one in\n"
	     "use with '*'; 'use' makes NAME the one every other command acts on\n"
	     "(--profile NAME picks another for a single command).");
}

static int add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *role = "", *goals = "", *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--role", &role, NULL },
					{ "--goals", &goals, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("profile add", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("profile add", "missing the profile NAME");
	if (!cli_text_ok("the profile name", pos[0], true) || !cli_text_ok("--role", role, false) ||
	    !cli_text_ok("--goals", goals, false))
		return CLI_FAIL;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	int64_t id = 0;
	if (!tw_store_profile_add(st, pos[0], role, goals, &id, &err)) {
		if (err.code == TW_ERR_EXISTS)
			return cli_fail("a profile named '%s' already exists", pos[0]);
		return cli_fail("%s", err.message);
	}
	printf("added profile '%s' (id %lld)\n", pos[0], (long long)id);
	return CLI_OK;
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("profile list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_profile cur = { 0 };
	if (!cli_profile(ctx, &cur))
		return CLI_FAIL;
	struct tw_profile *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_profile_list(ctx->store, &v, &nv, &err)) {
		tw_profile_finish(&cur);
		return cli_fail("%s", err.message);
	}
	int w = 4;
	for (size_t i = 0; i < nv; i++)
		if (cli_width(v[i].name) > w)
			w = cli_width(v[i].name);
	printf("  %4s  %-*s  %s\n", "ID", w, "NAME", "ROLE");
	for (size_t i = 0; i < nv; i++) {
		printf("%c %4lld  ", v[i].id == cur.id ? '*' : ' ', (long long)v[i].id);
		cli_cell(v[i].name, w);
		fputs("  ", stdout);
		cli_put(stdout, v[i].role, " ");
		putchar('\n');
	}
	tw_profiles_free(v, nv);
	tw_profile_finish(&cur);
	return CLI_OK;
}

static int use(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("profile use", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("profile use", "missing the profile NAME");
	if (!cli_text_ok("the profile name", pos[0], true))
		return CLI_FAIL;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	struct tw_error err = { 0 };
	if (!tw_store_profile_find(st, pos[0], &p, &err)) {
		if (err.code == TW_ERR_NOTFOUND)
			return cli_fail("unknown profile '%s' (see 'twoway profile list')", pos[0]);
		return cli_fail("%s", err.message);
	}
	bool ok = tw_store_profile_use(st, p.id, &err);
	tw_profile_finish(&p);
	if (!ok)
		return cli_fail("%s", err.message);
	printf("now using profile '%s'\n", pos[0]);
	return CLI_OK;
}

int cmd_profile(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("profile", "missing a subcommand: add, list or use");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	if (strcmp(argv[1], "add") == 0)
		return add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "use") == 0)
		return use(ctx, argc - 1, argv + 1);
	return cli_usage("profile", "unknown subcommand '%s' (use add, list or use)", argv[1]);
}
