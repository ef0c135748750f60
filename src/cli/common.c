/* Helpers every subcommand uses: opening the store and content once,
 * resolving the profile, the one-line error conventions and the dispatch
 * of subcommands (profile add, sponsor list, ...). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tw_config.h"
#include "twoway/util.h"

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

/* "a, b or c" from the names of subs. */
static void sub_names(const struct cli_sub *subs, char *buf, size_t len)
{
	size_t n = 0, at = 0;
	while (subs[n].name)
		n++;
	buf[0] = '\0';
	for (size_t i = 0; i < n && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s",
				       i == 0 ? "" : i + 1 == n ? " or " : ", ", subs[i].name);
}

int cli_dispatch(struct cli_ctx *ctx, const char *cmd, const struct cli_sub *subs,
		 void (*help)(void), int argc, char **argv)
{
	char names[128];
	sub_names(subs, names, sizeof names);
	if (argc < 2)
		return cli_usage(cmd, "missing a subcommand: %s", names);
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	for (const struct cli_sub *s = subs; s->name; s++)
		if (strcmp(argv[1], s->name) == 0)
			return s->run(ctx, argc - 1, argv + 1);
	return cli_usage(cmd, "unknown subcommand '%s' (use %s)", argv[1], names);
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
	char *bundled = tw_library_bundled_dir(TW_BUNDLED_CONTENT, TW_CONTENT_FROM_BIN);
	ctx->lib = bundled ? tw_library_load_default(bundled, ctx->content_dir) : NULL;
	free(bundled);
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
	size_t n;
	char *buf = tw_read_fd(STDIN_FILENO, 0, &n);
	if (buf && len)
		*len = n;
	return buf;
}

void cli_say(const struct cli_ctx *ctx, const char *fmt, ...)
{
	if (ctx->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}
