/* `twoway rate ITEM N [--meeting ID]`: records a 1-5 self-rating on a rate item for the
 * current profile (every rating is kept in the item's rating history). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway rate ITEM N [--meeting ID | --checkup ID]\n"
	     "\n"
	     "Rates the rate item ITEM (a full id, see 'twoway guides') from 1 to 5.\n"
	     "Each rating is kept, so coach mode can show how it moved over time. Items\n"
	     "of the before-meeting and after-meeting guides are rated for one meeting:\n"
	     "--meeting ID, else the meeting being prepared or debriefed. Check-up items\n"
	     "are rated for one check-up: --checkup ID, else the latest.");
}

int cmd_rate(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *pos[2], *meeting = NULL, *checkup = NULL;
	int n;
	const struct cli_opt opts[] = { { "--meeting", &meeting, NULL },
					{ "--checkup", &checkup, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse("rate", argc, argv, opts, pos, 2, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("rate", "missing the ITEM to rate");
	if (n < 2)
		return cli_usage("rate", "missing the rating N (1 to 5)");
	const char *r = pos[1];
	if (!(r[0] >= '1' && r[0] <= '5' && r[1] == '\0'))
		return cli_fail("rating '%s' is not a number from 1 to 5", r);
	const struct tw_item *item = cli_item(ctx, pos[0]);
	if (!item)
		return CLI_FAIL;
	if (item->kind == TW_ITEM_CHECK)
		return cli_fail("'%s' is a check item, not a rating; use 'twoway tick %s'", pos[0],
				pos[0]);
	if (item->kind == TW_ITEM_REFLECT)
		return cli_fail("'%s' is a reflect item, not a rating; use 'twoway reflect %s'",
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
	bool ok = tw_store_progress_rate_in(ctx->store, p.id, mid, item->full_id, r[0] - '0', &err);
	tw_profile_finish(&p);
	if (!ok)
		return cli_fail("%s", err.message);
	char for_m[48];
	cli_occasion(item->full_id, mid, for_m, sizeof for_m);
	cli_say(ctx, "rated %s %c/5%s\n", item->full_id, r[0], for_m);
	return CLI_OK;
}
