/* Helpers every subcommand uses: opening the store and content once,
 * resolving the profile, and the one-line error conventions. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tw_config.h"

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("twoway: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return CLI_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "twoway %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fprintf(stderr, "Try 'twoway %s --help'.\n", cmd);
	va_end(ap);
	return CLI_USAGE;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

struct tw_store *cli_store(struct cli_ctx *ctx)
{
	if (ctx->store)
		return ctx->store;
	char *def = NULL;
	const char *path = ctx->db_path;
	if (!path) {
		def = tw_store_default_path();
		if (!def) {
			cli_fail("cannot find a home for the database: set HOME or use --db PATH");
			return NULL;
		}
		path = def;
	}
	struct tw_error err = { 0 };
	ctx->store = tw_store_open(path, &err);
	if (!ctx->store)
		cli_fail("%s", err.message);
	free(def);
	return ctx->store;
}

struct tw_library *cli_library(struct cli_ctx *ctx)
{
	if (ctx->lib)
		return ctx->lib;
	ctx->lib = tw_library_load_default(TW_BUNDLED_CONTENT, ctx->content_dir);
	if (!ctx->lib) {
		cli_fail("out of memory loading content");
		return NULL;
	}
	for (size_t i = 0; i < ctx->lib->problems.n; i++) {
		char *line = tw_diag_format(&ctx->lib->problems.v[i]);
		if (line)
			fprintf(stderr, "twoway: skipped: %s\n", line);
		free(line);
	}
	return ctx->lib;
}

bool cli_profile(struct cli_ctx *ctx, struct tw_profile *out)
{
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return false;
	struct tw_error err = { 0 };
	bool ok = ctx->profile ? tw_store_profile_find(st, ctx->profile, out, &err)
			       : tw_store_profile_current(st, out, &err);
	if (!ok) {
		if (err.code == TW_ERR_NOTFOUND && ctx->profile)
			cli_fail("no profile named '%s' (see 'twoway profile list')", ctx->profile);
		else
			cli_fail("%s", err.message);
	}
	return ok;
}

char *cli_read_stdin(size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	for (;;) {
		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		ssize_t r = read(STDIN_FILENO, buf + n, cap - n - 1);
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
