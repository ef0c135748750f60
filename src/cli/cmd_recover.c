/* `twoway recover FILE`: prints the text the app put in a recovery file
 * when it could neither save nor keep a draft; a sealed one (the private
 * text of a locked profile) needs the profile's passphrase. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/recovery.h"

static void help(void)
{
	puts("usage: twoway recover FILE [--passphrase-stdin]\n"
	     "\n"
	     "Prints the text of a recovery file the app wrote when it could neither\n"
	     "save a reflection nor keep a draft (it names the file when it does so;\n"
	     "they live in $XDG_STATE_HOME/twoway/recovered). A .sealed file holds the\n"
	     "private text of a locked profile: the profile's passphrase opens it.\n"
	     "Save the text again with, for example:\n"
	     "  twoway recover FILE | twoway reflect ITEM --private");
}

int cmd_recover(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("recover", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("recover", "missing the FILE");
	struct tw_error err = { 0 };
	char *text = NULL;
	unsigned char *blob = NULL;
	size_t len;
	if (!tw_recovery_read(pos[0], &text, &blob, &len, &err))
		return cli_fail("%s", err.message);
	if (blob) {
		struct tw_profile p = { 0 };
		rc = CLI_FAIL;
		if (cli_profile(ctx, &p) && cli_open_key(ctx, &p, true) == CLI_OK) {
			if (tw_store_profile_open_text(ctx->store, p.id, blob, len, &text, &err))
				rc = CLI_OK;
			else if (err.code == TW_ERR_LOCKED)
				cli_fail("'%s' is sealed, but profile '%s' is not locked: it "
					 "belongs to another profile (--profile NAME)", pos[0], p.name);
			else
				cli_fail("'%s' was sealed by another profile or is damaged "
					 "(--profile NAME picks the profile)", pos[0]);
		}
		tw_profile_finish(&p);
		free(blob);
		if (rc)
			return rc;
		len = strlen(text);
	}
	fwrite(text, 1, len, stdout);
	free(text);
	return cli_output_ok() ? CLI_OK : CLI_FAIL;
}
