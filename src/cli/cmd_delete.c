/* `twoway delete KIND ID`: a soft delete of one record, undone with
 * `twoway undo KIND ID`; nothing is gone for good before `twoway purge`.
 * Also holds the KIND parsing that undo shares. */
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	enum tw_record_kind kind;
} kinds[] = {
	{ "profile", TW_REC_PROFILE },	     { "sponsor", TW_REC_SPONSOR },
	{ "reflection", TW_REC_REFLECTION }, { "meeting", TW_REC_MEETING },
	{ "action", TW_REC_ACTION },	     { "coaching", TW_REC_COACHING },
};

int cli_delete_args(const char *cmd, int argc, char **argv, enum tw_record_kind *kind,
		    int64_t *id)
{
	const char *pos[2];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse(cmd, argc, argv, opts, pos, 2, &n);
	if (rc)
		return rc;
	if (n < 2)
		return cli_usage(cmd, "missing the %s", n ? "record ID" : "KIND and ID");
	size_t k = 0;
	while (k < sizeof(kinds) / sizeof(kinds[0]) && strcmp(kinds[k].name, pos[0]) != 0)
		k++;
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		return cli_usage(cmd, "unknown KIND '%s' (use profile, sponsor, reflection, "
				 "meeting, action or coaching)", pos[0]);
	*kind = kinds[k].kind;
	if (!cli_id(kinds[k].name, pos[1], id))
		return CLI_FAIL;
	return CLI_OK;
}

int cmd_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway delete KIND ID\n"
		     "\n"
		     "Deletes the record (KIND: profile, sponsor, reflection, meeting, action or\n"
		     "coaching). It can be brought back with 'twoway undo KIND ID' until\n"
		     "'twoway purge --yes' removes deleted records for good.");
		return CLI_OK;
	}
	enum tw_record_kind kind;
	int64_t id;
	int rc = cli_delete_args("delete", argc, argv, &kind, &id);
	if (rc)
		return rc;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	if (!tw_store_delete(st, kind, id, &err)) {
		if (err.code == TW_ERR_NOTFOUND)
			return cli_fail("no %s %lld to delete", tw_record_kind_name(kind),
					(long long)id);
		return cli_fail("%s", err.message);
	}
	printf("deleted %s %lld (bring it back with 'twoway undo %s %lld')\n",
	       tw_record_kind_name(kind), (long long)id, tw_record_kind_name(kind),
	       (long long)id);
	return CLI_OK;
}
