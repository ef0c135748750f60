/* The app's main loop. For now a single screen that lists the loaded guides;
 * the full screens arrive with the app issue. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

#include "tui.h"
#include "tw_config.h"
#include "twoway/content.h"

int tw_tui_run(const struct tw_tui_options *opt)
{
	struct tw_library *lib = tw_library_load_default(TW_BUNDLED_CONTENT, opt->content_dir);
	if (!lib) {
		fprintf(stderr, "twoway: out of memory loading content\n");
		return 1;
	}
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	erase();
	mvprintw(0, 0, "twoway: %zu guides loaded", lib->n_guides);
	for (size_t i = 0; i < lib->n_guides && (int)i + 2 < LINES - 1; i++)
		mvprintw((int)i + 2, 2, "%s", lib->guides[i]->title);
	mvprintw(LINES - 1, 0, "q quit");
	refresh();
	while (getch() != 'q')
		;
	endwin();
	tw_library_free(lib);
	return 0;
}
