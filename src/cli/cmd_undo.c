/* `twoway undo KIND ID`: brings back a record removed with `twoway delete`
 * (possible until `twoway purge --yes`); the work is shared with delete. */
#include "cli.h"

int cmd_undo(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway undo KIND ID\n"
		     "\n"
		     "Brings back a deleted record (KIND: profile, sponsor, reflection, meeting,\n"
		     "action or coaching) by the ID 'twoway delete' printed; 'twoway purge'\n"
		     "lists the deleted records with their ids.");
		return CLI_OK;
	}
	return cli_delete_run(ctx, "undo", true, argc, argv);
}
