/* The ncurses app's entry point, called by the CLI when no subcommand is
 * given. Everything curses lives under src/tui/. */
#ifndef TWOWAY_TUI_H
#define TWOWAY_TUI_H

#include <stdbool.h>

struct tw_tui_options {
	const char *db_path;     /* NULL: the default database */
	const char *profile;     /* NULL: the current profile */
	const char *content_dir; /* NULL: bundled + user content only */
	bool coach;              /* start in coach mode */
};

/* Runs the app until the user quits. Returns the process exit status; on
 * failure before curses starts, writes one line to stderr. */
int tw_tui_run(const struct tw_tui_options *opt);

#endif
