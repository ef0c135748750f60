/* `twoway undo KIND ID`: brings back a record removed with `twoway delete`
 * (possible until `twoway purge --yes`). */
#include <string.h>

#include "cli.h"

int cmd_undo(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway undo KIND ID\n"
		     "\n"
		     "Brings back a deleted record (KIND: profile, sponsor, reflection, meeting,\n"
		     "action or coaching). 'twoway purge' lists the deleted records.");
		return CLI_OK;
	}
	enum tw_record_kind kind;
	int64_t id;
	int rc = cli_delete_args("undo", argc, argv, &kind, &id);
	if (rc)
		return rc;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	if (!tw_store_undelete(st, kind, id, &err)) {
		if (err.code == TW_ERR_NOTFOUND)
			return cli_fail("no deleted %s %lld to bring back", tw_record_kind_name(kind),
					(long long)id);
		return cli_fail("%s", err.message);
	}
	printf("restored %s %lld\n", tw_record_kind_name(kind), (long long)id);
	return CLI_OK;
}
