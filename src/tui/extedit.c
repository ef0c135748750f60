/* $VISUAL/$EDITOR for long text: suspend curses around the core's launcher
 * (tw_edit_run: a 0600 file in a 0700 directory of twoway's own, removed
 * whole afterwards), resume, and say what went wrong if anything did. */
#include <stdlib.h>
#include <string.h>

#include "extedit.h"
#include "twoway/edit.h"

bool tui_external_edit(struct tui_app *app, const char *text, char **out)
{
	*out = NULL;
	long t0 = tui_now_ms();
	def_prog_mode();
	tui_input_suspend();
	endwin();
	int status = 0;
	struct tw_error err = { 0 };
	bool ok = tw_edit_run(text, out, &status, &err);
	reset_prog_mode();
	tui_input_resume();
	clearok(curscr, TRUE);
	refresh();
	long took = tui_now_ms() - t0;
	if (!ok) {
		tui_error(app, "%s; the text is unchanged", err.message);
		return false;
	}
	if (took < 1000 && strcmp(*out, text) == 0)
		tui_msg(app, "the editor returned at once with no change; if it runs in the "
			     "background, give it a wait flag (e.g. 'code --wait')");
	return true;
}
