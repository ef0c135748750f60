/* `twoway delete KIND NAME|ID`: a soft delete of one record, undone with
 * `twoway undo KIND ID`; nothing is gone for good before `twoway purge`.
 * Also holds what undo shares: the KIND table and the run of both. */
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
#define NKINDS (sizeof kinds / sizeof kinds[0])

/* A live profile or sponsor (of the current profile) named arg; prints
 * and returns false when there is none. */
static bool by_name(struct cli_ctx *ctx, enum tw_record_kind kind, const char *arg,
		    int64_t *id)
{
	if (kind == TW_REC_SPONSOR) {
		struct tw_profile p = { 0 };
		struct tw_sponsor s = { 0 };
		bool ok = cli_profile(ctx, &p) && cli_sponsor(ctx, p.id, arg, &s);
		*id = s.id;
		tw_sponsor_finish(&s);
		tw_profile_finish(&p);
		return ok;
	}
	if (!cli_text_ok("the profile name", arg, true))
		return false;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return false;
	struct tw_profile p = { 0 };
	struct tw_error err = { 0 };
	if (!tw_store_profile_find(st, arg, &p, &err)) {
		if (err.code == TW_ERR_NOTFOUND)
			cli_fail("unknown profile '%s' (see 'twoway profile list')", arg);
		else
			cli_fail("%s", err.message);
		return false;
	}
	*id = p.id;
	tw_profile_finish(&p);
	return true;
}

int cli_delete_run(struct cli_ctx *ctx, const char *cmd, bool undo, int argc, char **argv)
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
	while (k < NKINDS && strcmp(kinds[k].name, pos[0]) != 0)
		k++;
	if (k == NKINDS)
		return cli_usage(cmd, "unknown KIND '%s' (use profile, sponsor, reflection, "
				 "meeting, action or coaching)", pos[0]);
	enum tw_record_kind kind = kinds[k].kind;
	const char *name = kinds[k].name;
	int64_t id = 0;
	/* a live profile or sponsor can be named; a deleted one only by id */
	bool named = !undo && (kind == TW_REC_PROFILE || kind == TW_REC_SPONSOR) &&
		     !cli_all_digits(pos[1]);
	if (named ? !by_name(ctx, kind, pos[1], &id) : !cli_id(name, pos[1], &id))
		return CLI_FAIL;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	if (!(undo ? tw_store_undelete(st, kind, id, &err) : tw_store_delete(st, kind, id, &err))) {
		if (err.code == TW_ERR_NOTFOUND)
			return cli_fail(undo ? "no deleted %s %lld to bring back"
					     : "no %s %lld to delete", name, (long long)id);
		return cli_fail("%s", err.message);
	}
	if (undo)
		cli_say(ctx, "restored %s %lld\n", name, (long long)id);
	else
		cli_say(ctx, "deleted %s %lld (bring it back with 'twoway undo %s %lld')\n", name,
		       (long long)id, name, (long long)id);
	return CLI_OK;
}

int cmd_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		puts("usage: twoway delete KIND ID\n"
		     "       twoway delete profile|sponsor NAME\n"
		     "\n"
		     "Deletes the record (KIND: profile, sponsor, reflection, meeting, action or\n"
		     "coaching). A profile or a sponsor of the current profile can be named\n"
		     "instead of numbered. Deleting a sponsor deletes their meetings too. It\n"
		     "can be brought back with 'twoway undo KIND ID' until 'twoway purge --yes'\n"
		     "removes deleted records for good.");
		return CLI_OK;
	}
	return cli_delete_run(ctx, "delete", false, argc, argv);
}
