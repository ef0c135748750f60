/* What every subcommand shares: the parsed global options, lazily opened
 * store and content library, and the exit codes of the CLI contract
 * (0 success, 1 user error with one line on stderr, 2 usage error). */
#ifndef TWOWAY_CLI_H
#define TWOWAY_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "twoway/content.h"
#include "twoway/model.h"
#include "twoway/store.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli_ctx {
	const char *prog;        /* "twoway" */
	const char *db_path;     /* --db or TWOWAY_DB, NULL for the default */
	const char *profile;     /* --profile, NULL for the current one */
	const char *content_dir; /* --content or TWOWAY_CONTENT */
	struct tw_store *store;  /* opened by cli_store */
	struct tw_library *lib;  /* loaded by cli_library */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv); /* argv[0] is the name */
	const char *summary;
};

/* Opens the store on first use; prints the error and returns NULL on failure. */
struct tw_store *cli_store(struct cli_ctx *ctx);
/* Loads content on first use; reports skipped files on stderr once. */
struct tw_library *cli_library(struct cli_ctx *ctx);
/* Resolves --profile (or the current profile) into *out; prints on failure. */
bool cli_profile(struct cli_ctx *ctx, struct tw_profile *out);

/* Prints "twoway: message" on stderr; returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "twoway CMD: message" and a hint to --help on stderr; returns CLI_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when argv has -h or --help (before any "--"). */
bool cli_wants_help(int argc, char **argv);

/* Reads all of stdin into a new string the caller frees (NULL on failure). */
char *cli_read_stdin(size_t *len);

/* Subcommands (one file each, src/cli/cmd_*.c). */
int cmd_check(struct cli_ctx *ctx, int argc, char **argv);

#endif
