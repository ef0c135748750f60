/* `twoway import FILE`: brings a JSON export back, into an empty database
 * exactly, into a non-empty one without duplicating what is already there;
 * a bad file is refused with where it went wrong and changes nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway import FILE\n"
	     "\n"
	     "Imports a file written by 'twoway export --format json' (FILE '-' reads\n"
	     "standard input). Records already in the database (the same uid) are\n"
	     "left as they are, so importing a file twice changes nothing. A file\n"
	     "that is not a valid export is refused with the line and column of the\n"
	     "problem, and nothing is changed.");
}

static char *slurp(const char *path, size_t *len)
{
	if (strcmp(path, "-") == 0)
		return cli_read_stdin(len);
	return tw_read_file(path, 0, len);
}

int cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("import", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("import", "missing the FILE to import");
	size_t len = 0;
	errno = 0;
	char *buf = slurp(pos[0], &len);
	if (!buf)
		return cli_fail("cannot read '%s': %s; nothing was changed", pos[0],
				strerror(errno ? errno : EIO));
	if (!cli_store(ctx)) {
		free(buf);
		return CLI_FAIL;
	}
	struct tw_diags d = { 0 };
	struct tw_import_stats s = { 0 };
	const char *name = strcmp(pos[0], "-") == 0 ? "<stdin>" : pos[0];
	if (!tw_store_import_json(ctx->store, buf, len, name, &s, &d)) {
		char *line = d.n ? tw_diag_format(&d.v[0]) : NULL;
		rc = cli_fail("%s; nothing was changed", line ? line : "the import failed");
		free(line);
	} else {
		cli_say(ctx, "imported %s: %zu records, %zu added, %zu already here\n", name, s.records,
		       s.added, s.records - s.added - s.conflicts);
		if (s.conflicts)
			cli_say(ctx, "%zu reflections not added: their item already has a reflection "
			       "here\n", s.conflicts);
	}
	tw_diags_clear(&d);
	free(buf);
	return rc;
}
