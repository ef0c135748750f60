/* twoway's entry point: global options, then either a subcommand from the
 * table below or, with none, the ncurses app. */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "twoway/backup.h"
#include "twoway/edit.h"
#include "tw_config.h"
#include "../tui/tui.h"

static const struct cli_command commands[] = {
	{ "check", cmd_check, "check content files and print every problem" },
	{ "profile", cmd_profile, "add, list and switch profiles (the sponsees)" },
	{ "sponsor", cmd_sponsor, "add, list, show and edit sponsors" },
	{ "guides", cmd_guides, "list guides and items with their ids and your progress" },
	{ "tick", cmd_tick, "tick a check item (--undo to clear it)" },
	{ "rate", cmd_rate, "rate a rate item from 1 to 5" },
	{ "reflect", cmd_reflect, "save a reflection from stdin or $EDITOR" },
	{ "history", cmd_history, "list or restore the versions of a reflection" },
	{ "meeting", cmd_meeting, "plan, list, show and mark held sponsor meetings" },
	{ "checkup", cmd_checkup, "start relationship check-ups and list them over time" },
	{ "action", cmd_action, "add, finish and list action items" },
	{ "search", cmd_search, "search reflections, meetings, action items and sponsors" },
	{ "delete", cmd_delete, "delete a record (it can be undone)" },
	{ "undo", cmd_undo, "bring back a deleted record" },
	{ "purge", cmd_purge, "list deleted records; remove them for good with --yes" },
	{ "export", cmd_export, "export a meeting brief (md), JSON, CSV or iCalendar" },
	{ "import", cmd_import, "import a JSON export without duplicating records" },
	{ "backup", cmd_backup, "list, take and restore backups of the database" },
	{ "recover", cmd_recover, "print the text of a recovery file the app wrote" },
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: twoway [--db PATH] [--profile NAME] [--content DIR] [--coach]\n"
		"       twoway COMMAND [ARGS...] [--db PATH] [--profile NAME]\n"
		"\n"
		"With no command, twoway opens the app.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
		"\n"
		"Options:\n"
		"  --db PATH       database file (default $XDG_DATA_HOME/twoway/twoway.db; env TWOWAY_DB)\n"
		"  --profile NAME  act on this profile instead of the current one\n"
		"  --content DIR   also load guides from DIR (env TWOWAY_CONTENT)\n"
		"  --coach         open the app in coach mode\n"
		"  -q, --quiet     no confirmation lines for commands that change records\n"
		"  --color=WHEN    colour on tables: auto (a terminal, NO_COLOR unset),\n"
		"                  always or never\n"
		"  --passphrase-stdin  read a locked profile's passphrase from stdin (one a line)\n"
		"  -h, --help      show this help; COMMAND --help shows a command's help\n"
		"  -V, --version   show the version\n");
}

/* Takes a global option at argv[*i] (both "--opt VALUE" and "--opt=VALUE").
 * Returns 1 if taken, 0 if not a global option, -1 on a missing value. */
static int take_value(const char *name, int argc, char **argv, int *i, const char **out)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

int main(int argc, char **argv)
{
	/* Private text stays in the store: no core dumps, and what a killed
	 * twoway left in its temp directory goes now. */
	tw_no_core_dumps();
	/* A write past the file size limit (ulimit -f) fails with EFBIG and is
	 * reported like any failed write, instead of the signal ending twoway
	 * in the middle of it (and the app with the text being written). */
	signal(SIGXFSZ, SIG_IGN);
	tw_tmp_sweep();
	/* Listings and exports into a pipe or a file go out in large writes
	 * (cli_finish flushes and reports a failed write). */
	static char outbuf[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	struct cli_ctx ctx = { 0 };
	ctx.db_path = getenv("TWOWAY_DB");
	ctx.content_dir = getenv("TWOWAY_CONTENT");
	if (ctx.db_path && !*ctx.db_path)
		ctx.db_path = NULL;
	if (ctx.content_dir && !*ctx.content_dir)
		ctx.content_dir = NULL;
	bool coach = false;
	const char *color = "auto";

	/* Pull the global options out of argv wherever they stand (up to "--"),
	 * so that `twoway tick X --db F` and `twoway --db F tick X` agree. */
	int out = 1;
	bool dashdash = false;
	for (int i = 1; i < argc; i++) {
		if (dashdash) {
			argv[out++] = argv[i];
			continue;
		}
		if (strcmp(argv[i], "--") == 0) {
			dashdash = true;
			argv[out++] = argv[i];
			continue;
		}
		if (strcmp(argv[i], "--passphrase-stdin") == 0) {
			ctx.passphrase_stdin = true;
			continue;
		}
		if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
			ctx.quiet = true;
			continue;
		}
		static const char *const names[] = { "--db", "--profile", "--content", "--color" };
		const char **slots[] = { &ctx.db_path, &ctx.profile, &ctx.content_dir, &color };
		int taken = 0;
		for (size_t k = 0; k < 4 && !taken; k++) {
			taken = take_value(names[k], argc, argv, &i, slots[k]);
			if (taken < 0) {
				cli_line(stderr, "twoway: option '%s' needs a value", names[k]);
				return CLI_USAGE;
			}
		}
		if (taken)
			continue;
		argv[out++] = argv[i];
	}
	argc = out;
	argv[argc] = NULL;
	if (strcmp(color, "always") == 0) {
		cli_color = true;
	} else if (strcmp(color, "auto") == 0) {
		const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
		cli_color = (!nc || !*nc) && isatty(STDOUT_FILENO) && term && *term &&
			    strcmp(term, "dumb") != 0;
	} else if (strcmp(color, "never") != 0) {
		fprintf(stderr, "twoway: --color takes auto, always or never, not '%s'\n", color);
		fprintf(stderr, "Try 'twoway --help'.\n");
		return CLI_USAGE;
	}
	/* --coach belongs to the app: taken only before any command, so that
	 * `twoway export --coach` reaches export. */
	if (argc >= 2 && strcmp(argv[1], "--coach") == 0) {
		if (argc > 2) {
			cli_line(stderr, "twoway: unexpected '%s' after --coach: --coach opens the "
					"app in coach mode and takes no command", argv[2]);
			fprintf(stderr, "Try 'twoway --help'.\n");
			return CLI_USAGE;
		}
		coach = true;
		argc = 1;
	}

	if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "-h") != 0 &&
			 strcmp(argv[1], "--help") != 0 && strcmp(argv[1], "-V") != 0 &&
			 strcmp(argv[1], "--version") != 0)) {
		if (argc >= 2) {
			cli_line(stderr, "twoway: unknown option '%s'", argv[1]);
			fprintf(stderr, "Try 'twoway --help'.\n");
			return CLI_USAGE;
		}
		struct tw_tui_options opt = { .db_path = ctx.db_path, .profile = ctx.profile,
					      .content_dir = ctx.content_dir, .coach = coach };
		return tw_tui_run(&opt);
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return cli_finish(CLI_OK);
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("twoway %s\n", TW_VERSION);
		return cli_finish(CLI_OK);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		/* A command lives for milliseconds: let malloc keep what it
		 * gets (large blocks from the heap, not fresh zeroed mappings
		 * each time; no trimming) rather than fault the same pages in
		 * again. The app, which runs for hours, keeps the defaults. */
#ifdef M_MMAP_THRESHOLD
		mallopt(M_MMAP_THRESHOLD, 64 << 20);
		mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
		int rc = commands[i].run(&ctx, argc - 1, argv + 1);
		/* A failed automatic backup never fails the command; it is said. */
		const char *problem = tw_store_backup_problem(ctx.store);
		if (problem) {
			fputs("twoway: warning: ", stderr);
			cli_put(stderr, problem, " ");
			fputc('\n', stderr);
		}
		tw_store_close(ctx.store);
		tw_library_free(ctx.lib);
		return cli_finish(rc);
	}
	cli_line(stderr, "twoway: unknown command '%s'", argv[1]);
	fprintf(stderr, "Try 'twoway --help'.\n");
	return CLI_USAGE;
}
