/* Helpers every subcommand uses: opening the store and content once,
 * resolving the profile, the one-line error conventions and the dispatch
 * of subcommands (profile add, sponsor list, ...). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "heap.h"
#include "tw_config.h"
#include "twoway/util.h"

/* Writes s as one line: a newline becomes a space, other control
 * characters (C0, DEL, C1) and the bidirectional overrides and isolates,
 * which could reorder what the line shows, become '?'. */
static void put_one_line(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = tw_utf8_decode(p + i, len - i, &cp);
		if (!n) {
			fputc('?', f);
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == '\t')
			fputc(' ', f);
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
			 (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			fputc('?', f);
		else
			fwrite(p + i, 1, n, f);
		i += n;
	}
}

void cli_vsay(FILE *f, const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0) {
		fputs("(out of memory)\n", f);
		return;
	}
	put_one_line(f, s);
	fputc('\n', f);
	free(s);
}

void cli_line(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vsay(f, fmt, ap);
	va_end(ap);
}

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("twoway: ", stderr);
	cli_vsay(stderr, fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "twoway %s: ", cmd);
	cli_vsay(stderr, fmt, ap);
	fprintf(stderr, "Try 'twoway %s --help'.\n", cmd);
	va_end(ap);
	return CLI_USAGE;
}

int cli_finish(int rc)
{
	/* Output that never reached its file is a failure, however well the
	 * command went: a full disk, /dev/full, a closed pipe. One line. */
	int e = 0;
	if (fflush(stdout) != 0)
		e = errno;
	bool bad = ferror(stdout) || e;
	if (fclose(stdout) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	if (bad && rc == CLI_OK) {
		if (e)
			cli_fail("cannot write the output: %s", strerror(e));
		else
			cli_fail("cannot write the output");
		rc = CLI_FAIL;
	}
	return rc;
}

bool cli_output_ok(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return true;
	cli_fail("cannot write the output: %s", strerror(errno ? errno : EIO));
	return false;
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

char *cli_db_path(struct cli_ctx *ctx)
{
	char *path = ctx->db_path ? strdup(ctx->db_path) : tw_store_default_path();
	if (!path)
		cli_fail(ctx->db_path ? "out of memory"
				      : "cannot find a home for the database: set HOME or use --db PATH");
	return path;
}

/* A page of a memory-mapped database could not be read: one line, and
 * out (what a command had not committed is not in the file). */
static void on_sigbus(int sig)
{
	static const char msg[] = "twoway: the database file could not be read (a disk "
				  "error, or another program cut the file short); stopped\n";
	(void)sig;
	ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)w;
	_exit(CLI_FAIL);
}

struct tw_store *cli_store(struct cli_ctx *ctx)
{
	if (ctx->store)
		return ctx->store;
	(void)cli_heap_prepare(CLI_HEAP_BYTES);
	char *path = cli_db_path(ctx);
	if (!path)
		return NULL;
	struct tw_error err = { 0 };
	ctx->store = tw_store_open_view(path, ctx->view, &err);
	if (!ctx->store)
		cli_fail("%s", err.message);
	else if (tw_store_notice(ctx->store))
		cli_fail("%s", tw_store_notice(ctx->store));
	free(path);
	bool set = true;
	if (ctx->store && ctx->reads == CLI_READS_MAPPED) {
		struct sigaction sa = { .sa_handler = on_sigbus };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGBUS, &sa, NULL);
		set = tw_store_map_reads(ctx->store, &err);
	} else if (ctx->store && ctx->reads == CLI_READS_STREAM) {
		set = tw_store_stream_reads(ctx->store, &err);
	}
	if (!set) {
		cli_fail("%s", err.message);
		tw_store_close(ctx->store);
		ctx->store = NULL;
	}
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
			cli_fail("skipped: %s", line);
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
	} else {
		/* every record reached by id from here on is this profile's */
		tw_store_scope(st, out->id);
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
	/* One line through the same filter as every message; the format's
	 * own trailing newline is that line's end. */
	char *s = NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > 0 && s[n - 1] == '\n')
		s[n - 1] = '\0';
	cli_line(stdout, "%s", s);
	free(s);
}
