/* `twoway action add|done|list`: action items, from a meeting or free-
 * standing, owned by me or the sponsor, with a due date and a done date. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway action add TEXT [--owner me|sponsor] [--due YYYY-MM-DD] [--meeting ID]\n"
	     "       twoway action done ID [--undo]\n"
	     "       twoway action list [--open|--overdue] [--json]\n"
	     "\n"
	     "Adds an action item (yours unless --owner sponsor), marks one done (or\n"
	     "open again with --undo), and lists them by due date.");
}

static int add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *owner = "me", *due = "", *meeting = NULL, *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--owner", &owner, NULL },
					{ "--due", &due, NULL },
					{ "--meeting", &meeting, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("action add", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action add", "missing the action TEXT");
	if (strcmp(owner, "me") != 0 && strcmp(owner, "sponsor") != 0)
		return cli_fail("--owner '%s' is not an owner; use 'me' or 'sponsor'", owner);
	int64_t mid = 0;
	if (!cli_text_ok("the action text", pos[0], true) || (*due && !cli_date(due)) ||
	    (meeting && !cli_id("meeting", meeting, &mid)))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_error err = { 0 };
	if (mid) {
		struct tw_meeting m = { 0 };
		bool ok = tw_store_meeting_get(ctx->store, mid, &m, &err) && m.profile_id == p.id;
		tw_meeting_finish(&m);
		if (!ok) {
			tw_profile_finish(&p);
			if (err.code == TW_OK || err.code == TW_ERR_NOTFOUND)
				return cli_fail("no meeting %s in this profile (see 'twoway meeting list')",
						meeting);
			return cli_fail("%s", err.message);
		}
	}
	struct tw_action a = { .profile_id = p.id, .meeting_id = mid, .text = (char *)pos[0],
			       .owner = strcmp(owner, "sponsor") == 0 ? TW_OWNER_SPONSOR
								     : TW_OWNER_ME };
	snprintf(a.due, sizeof(a.due), "%s", due);
	if (!tw_store_action_add(ctx->store, &a, &err))
		rc = cli_fail("%s", err.message);
	else
		cli_say(ctx, "added action %lld\n", (long long)a.id);
	tw_profile_finish(&p);
	return rc;
}

/* True when action id belongs to the profile (listing them all is cheap). */
static int owned(struct cli_ctx *ctx, int64_t profile_id, int64_t id, bool *done)
{
	struct tw_action *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	char today[16];
	tw_today(today, sizeof(today));
	if (!tw_store_action_list(ctx->store, profile_id, 0, TW_ACTIONS_ALL, today, &v, &nv, &err))
		return cli_fail("%s", err.message);
	int rc = CLI_FAIL;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].id == id) {
			*done = v[i].done[0] != '\0';
			rc = CLI_OK;
		}
	}
	tw_actions_free(v, nv);
	if (rc)
		cli_fail("no action %lld in this profile (see 'twoway action list')", (long long)id);
	return rc;
}

static int done(struct cli_ctx *ctx, int argc, char **argv)
{
	bool undo = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--undo", NULL, &undo }, { NULL, NULL, NULL } };
	int rc = cli_parse("action done", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action done", "missing the action ID");
	int64_t id;
	if (!cli_id("action", pos[0], &id))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	bool was_done = false;
	rc = owned(ctx, p.id, id, &was_done);
	tw_profile_finish(&p);
	if (rc)
		return rc;
	struct tw_error err = { 0 };
	if (!tw_store_action_done(ctx->store, id, undo ? "" : NULL, &err))
		return cli_fail("%s", err.message);
	cli_say(ctx, "action %lld %s\n", (long long)id, undo ? "open again" : "done");
	return CLI_OK;
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	bool open = false, overdue = false, json = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--open", NULL, &open }, { "--json", NULL, &json },
					{ "--overdue", NULL, &overdue },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("action list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (open && overdue)
		return cli_usage("action list", "give --open or --overdue, not both");
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	char today[16];
	tw_today(today, sizeof(today));
	struct tw_action *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	enum tw_action_filter f = open ? TW_ACTIONS_OPEN : overdue ? TW_ACTIONS_OVERDUE
								    : TW_ACTIONS_ALL;
	if (!tw_store_action_list(ctx->store, p.id, 0, f, today, &v, &nv, &err)) {
		tw_profile_finish(&p);
		return cli_fail("%s", err.message);
	}
	static const struct cli_col cols[] = {
		{ "ID", 4, true },	 { "", 3, false },	  { "DUE", 10, false },
		{ "OWNER", 7, false }, { "MEETING", 7, false }, { "TEXT", 0, false },
		{ NULL, 0, false },
	};
	struct cli_table t = { .cols = cols };
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "actions", '[');
		for (size_t i = 0; i < nv; i++)
			cli_json_action(&j, &v[i]);
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	}
	for (size_t i = 0; i < nv && !json; i++) {
		char id[24], mid[24] = "-";
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		if (v[i].meeting_id)
			snprintf(mid, sizeof(mid), "%lld", (long long)v[i].meeting_id);
		cli_table_row(&t, id, v[i].done[0] ? "[x]" : "[ ]", v[i].due[0] ? v[i].due : "-",
			      v[i].owner == TW_OWNER_SPONSOR ? "sponsor" : "me", mid, v[i].text);
	}
	if (json)
		;
	else if (nv == 0)
		puts(overdue ? "no overdue actions" : open ? "no open actions" : "no actions");
	else if (!cli_table_print(&t, "      "))
		rc = cli_fail("out of memory");
	tw_actions_free(v, nv);
	tw_profile_finish(&p);
	return rc;
}

int cmd_action(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "done", done }, { "list", list }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "action", subs, help, argc, argv);
}
