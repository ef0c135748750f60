/* `twoway profile lock|passwd|unlock [NAME]`: the passphrase that seals a
 * profile's private text at rest, changing it, and removing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/seal.h"

/* The profile named by the optional NAME argument (else --profile or the
 * current one) into *p. */
static int target(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
		  struct tw_profile *p)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse(cmd, argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n == 1) {
		if (!cli_text_ok("the profile name", pos[0], true))
			return CLI_FAIL;
		ctx->profile = pos[0];
	}
	return cli_profile(ctx, p) ? CLI_OK : CLI_FAIL;
}

/* A new passphrase: twice on a terminal (they must agree), once on stdin. */
static char *new_passphrase(struct cli_ctx *ctx, const char *name)
{
	char prompt[400];
	snprintf(prompt, sizeof prompt, "New passphrase for profile '%.300s': ", name);
	char *a = cli_passphrase(ctx, prompt);
	if (!a || ctx->passphrase_stdin)
		return a;
	char *b = cli_passphrase(ctx, "The same passphrase again: ");
	if (!b) {
		cli_passphrase_free(a);
		return NULL;
	}
	bool same = strcmp(a, b) == 0;
	cli_passphrase_free(b);
	if (!same) {
		cli_passphrase_free(a);
		cli_fail("the two passphrases differ; nothing was changed");
		return NULL;
	}
	return a;
}

static int fail_err(const struct tw_error *err)
{
	if (err->code == TW_ERR_PASSPHRASE)
		return cli_fail("wrong passphrase; nothing was changed");
	return cli_fail("%s", err->message);
}

int cmd_profile_lock(struct cli_ctx *ctx, int argc, char **argv)
{
	struct tw_profile p = { 0 };
	int rc = target(ctx, "profile lock", argc, argv, &p);
	if (rc)
		return rc;
	enum tw_lock_state state;
	struct tw_error err = { 0 };
	if (!tw_store_profile_lock_state(ctx->store, p.id, &state, &err) || state != TW_LOCK_NONE) {
		rc = state != TW_LOCK_NONE
			     ? cli_fail("profile '%s' is already locked (change the passphrase "
					"with 'twoway profile passwd')", p.name)
			     : cli_fail("%s", err.message);
		tw_profile_finish(&p);
		return rc;
	}
	fprintf(stderr,
		"Locking profile '%s': the text of its private reflections (every version\n"
		"and draft) will be stored sealed; reading it will need the passphrase.\n"
		"If you lose the passphrase, that private text is gone for good: nobody,\n"
		"not even twoway, can read it back.\n", p.name);
	char *pass = new_passphrase(ctx, p.name);
	if (!pass) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_lock_report rep;
	bool ok = tw_store_profile_lock(ctx->store, p.id, pass, &rep, &err);
	cli_passphrase_free(pass);
	if (!ok) {
		rc = fail_err(&err);
		tw_profile_finish(&p);
		return rc;
	}
	cli_say(ctx, "locked profile '%s': %zu private text%s sealed; the database was "
		"rewritten without the plain text, and %zu backup%s with it", p.name, rep.sealed,
		rep.sealed == 1 ? "" : "s", rep.backups_sealed,
		rep.backups_sealed == 1 ? "" : "s");
	if (rep.backups_removed)
		cli_line(stderr, "twoway: %zu backup%s could not be rewritten (damaged, or sealed "
				 "by an earlier lock) and %s removed, so that none keeps the "
				 "private text in plain", rep.backups_removed,
			 rep.backups_removed == 1 ? "" : "s", rep.backups_removed == 1 ? "was" : "were");
	if (!rep.wal_clean)
		fprintf(stderr, "twoway: another twoway window holds the database open: its "
				"write-ahead log is emptied when the last window closes\n");
	tw_profile_finish(&p);
	return CLI_OK;
}

int cmd_profile_passwd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct tw_profile p = { 0 };
	int rc = target(ctx, "profile passwd", argc, argv, &p);
	if (rc)
		return rc;
	enum tw_lock_state state;
	struct tw_error err = { 0 };
	if (!tw_store_profile_lock_state(ctx->store, p.id, &state, &err) || state == TW_LOCK_NONE) {
		rc = state == TW_LOCK_NONE
			     ? cli_fail("profile '%s' is not locked (lock it with 'twoway profile "
					"lock')", p.name)
			     : cli_fail("%s", err.message);
		tw_profile_finish(&p);
		return rc;
	}
	char prompt[400];
	snprintf(prompt, sizeof prompt, "Current passphrase for profile '%.300s': ", p.name);
	char *old = cli_passphrase(ctx, prompt);
	char *pass = old ? new_passphrase(ctx, p.name) : NULL;
	bool ok = pass && tw_store_profile_passwd(ctx->store, p.id, old, pass, &err);
	cli_passphrase_free(old);
	cli_passphrase_free(pass);
	if (ok)
		printf("changed the passphrase of profile '%s'\n", p.name);
	else
		rc = pass ? fail_err(&err) : CLI_FAIL;
	tw_profile_finish(&p);
	return rc;
}

int cmd_profile_unlock(struct cli_ctx *ctx, int argc, char **argv)
{
	struct tw_profile p = { 0 };
	int rc = target(ctx, "profile unlock", argc, argv, &p);
	if (rc)
		return rc;
	enum tw_lock_state state;
	struct tw_error err = { 0 };
	if (!tw_store_profile_lock_state(ctx->store, p.id, &state, &err) || state == TW_LOCK_NONE) {
		rc = state == TW_LOCK_NONE ? cli_fail("profile '%s' is not locked", p.name)
					   : cli_fail("%s", err.message);
		tw_profile_finish(&p);
		return rc;
	}
	char prompt[400];
	snprintf(prompt, sizeof prompt, "Passphrase for profile '%.300s': ", p.name);
	char *pass = cli_passphrase(ctx, prompt);
	size_t opened = 0;
	bool ok = pass && tw_store_profile_unlock(ctx->store, p.id, pass, &opened, &err);
	cli_passphrase_free(pass);
	if (ok)
		printf("unlocked profile '%s': %zu private text%s stored as plain text again\n",
		       p.name, opened, opened == 1 ? " is" : "s are");
	else
		rc = pass ? fail_err(&err) : CLI_FAIL;
	tw_profile_finish(&p);
	return rc;
}
