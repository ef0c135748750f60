/* `twoway profile add|list|use`: the sponsees a database holds (one for a
 * sponsee, several for a coach) and which one the other commands act on. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway profile add NAME [--role ROLE] [--goals GOALS]\n"
	     "       twoway profile list [--names | --json]\n"
	     "       twoway profile use NAME\n"
	     "       twoway profile lock|passwd|unlock [NAME] [--passphrase-stdin]\n"
	     "\n"
	     "Profiles are the sponsees this database holds. 'list' marks the one in\n"
	     "use with '*' (--names: only the names, one a line); 'use' makes NAME the\n"
	     "one every other command acts on (--profile NAME picks another for a\n"
	     "single command).\n"
	     "\n"
	     "'lock' sets a passphrase: from then on the text of every private\n"
	     "reflection of the profile (each version, each draft) is stored sealed.\n"
	     "Writing needs no passphrase; reading private text does. 'passwd'\n"
	     "changes it; 'unlock' turns the text back into plain text and removes\n"
	     "the lock. Passphrases are read from the terminal without echo, or one a\n"
	     "line from standard input with --passphrase-stdin (passwd: the old one,\n"
	     "then the new one). A lost passphrase means the private text is gone.");
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
	cli_say(ctx, "added profile '%s' (id %lld)\n", pos[0], (long long)id);
	return CLI_OK;
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	bool names = false, json = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--names", NULL, &names }, { "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("profile list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (names && json)
		return cli_usage("profile list", "give --names or --json, not both");
	struct tw_profile cur = { 0 };
	if (!names && !cli_profile(ctx, &cur))
		return CLI_FAIL;
	if (names && !cli_store(ctx))
		return CLI_FAIL;
	struct tw_profile *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_profile_list(ctx->store, &v, &nv, &err)) {
		tw_profile_finish(&cur);
		return cli_fail("%s", err.message);
	}
	static const struct cli_col cols[] = {
		{ "ID", 6, true }, { "NAME", 0, false }, { "ROLE", 0, false }, { NULL, 0, false }
	};
	struct cli_table t = { .cols = cols };
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "profiles", '[');
		for (size_t i = 0; i < nv; i++) {
			cli_json_open(&j, NULL, '{');
			cli_json_int(&j, "id", v[i].id);
			cli_json_str(&j, "name", v[i].name);
			cli_json_str(&j, "role", v[i].role);
			cli_json_str(&j, "goals", v[i].goals);
			cli_json_bool(&j, "current", v[i].id == cur.id);
			cli_json_time(&j, "created", v[i].created);
			cli_json_close(&j, '}');
		}
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	}
	for (size_t i = 0; i < nv && !json; i++) {
		if (names) { /* one name a line, for scripts and completion */
			cli_put(stdout, v[i].name, " ");
			putchar('\n');
			continue;
		}
		char id[32];
		snprintf(id, sizeof id, "%c %4lld", v[i].id == cur.id ? '*' : ' ',
			 (long long)v[i].id);
		cli_table_row(&t, id, v[i].name, v[i].role);
	}
	if (!names && !json && !cli_table_print(&t, " "))
		rc = cli_fail("out of memory");
	tw_profiles_free(v, nv);
	tw_profile_finish(&cur);
	return rc;
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
	cli_say(ctx, "now using profile '%s'\n", pos[0]);
	return CLI_OK;
}

int cmd_profile(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add },		 { "list", list },	   { "use", use },
		{ "lock", cmd_profile_lock }, { "passwd", cmd_profile_passwd },
		{ "unlock", cmd_profile_unlock }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "profile", subs, help, argc, argv);
}
