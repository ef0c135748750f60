/* `twoway tick ITEM [--undo] [--meeting ID]`: ticks (or unticks) a check
 * item of a guide for the current profile (items of the before- and
 * after-meeting guides: for a meeting). Only check items can be ticked. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway tick ITEM [--undo] [--meeting ID | --checkup ID]\n"
	     "\n"
	     "Ticks the check item ITEM (a full id such as six-practices/proactive/agenda,\n"
	     "see 'twoway guides'); --undo clears the tick. Items of the before-meeting and\n"
	     "after-meeting guides are ticked for one meeting: --meeting ID, else the\n"
	     "meeting being prepared (the next planned one) or debriefed (the latest past).\n"
	     "Check-up items are ticked for one check-up: --checkup ID, else the latest.");
}

int cmd_tick(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	bool undo = false;
	const char *pos[1], *meeting = NULL, *checkup = NULL;
	int n;
	const struct cli_opt opts[] = { { "--undo", NULL, &undo },
					{ "--meeting", &meeting, NULL },
					{ "--checkup", &checkup, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("tick", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("tick", "missing the ITEM to tick");
	const struct tw_item *item = cli_item(ctx, pos[0]);
	if (!item)
		return CLI_FAIL;
	if (item->kind == TW_ITEM_RATE)
		return cli_fail("'%s' is a rate item, not a box to tick; use 'twoway rate %s N'",
				pos[0], pos[0]);
	if (item->kind == TW_ITEM_REFLECT)
		return cli_fail("'%s' is a reflect item, not a box to tick; use 'twoway reflect %s'",
				pos[0], pos[0]);
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_error err = { 0 };
	int64_t mid = 0;
	if (!cli_item_meeting(ctx, p.id, item->full_id, meeting, checkup, &mid)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	bool ok = tw_store_progress_tick_in(ctx->store, p.id, mid, item->full_id, !undo, &err);
	tw_profile_finish(&p);
	if (!ok)
		return cli_fail("%s", err.message);
	char for_m[48];
	cli_occasion(item->full_id, mid, for_m, sizeof for_m);
	cli_say(ctx, "%s %s%s\n", undo ? "unticked" : "ticked", item->full_id, for_m);
	return CLI_OK;
}
