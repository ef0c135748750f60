/* The check-up over time, for the screens that show it: a sponsor's runs
 * as lines of ratings with their movement (the sponsors screen), one rated
 * item's ratings across runs (the check-up guide), and starting a run. */
#ifndef TWOWAY_TUI_CHECKUP_H
#define TWOWAY_TUI_CHECKUP_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"

/* One line per run of the sponsor, oldest first, the last max runs:
 * "1 Dec 2026  stage 4↑  advocacy 1  trust 4↑" (each rated item by the
 * first word of its id, an arrow where it moved since the run before;
 * "nothing rated" for a run without ratings). Returns how many; the caller
 * frees *lines with tui_checkup_lines_free. 0 and NULL on none or error
 * (shown). */
size_t tui_checkup_trend(struct tui_app *app, int64_t sponsor_id, size_t max, char ***lines);
void tui_checkup_lines_free(char **lines, size_t n);
/* "Over time: 1 Sep 2026 2, 1 Dec 2026 4" for item_id across the runs of
 * run's sponsor up to and including run (buf "" when there is no earlier
 * rating). */
void tui_checkup_item_trend(struct tui_app *app, int64_t run, const char *item_id, char *buf,
			    size_t len);
/* "Dana Reyes, check-up of 1 Dec 2026" for run into buf ("" on error). */
void tui_checkup_label(struct tui_app *app, int64_t run, char *buf, size_t len);
/* The run c on the sponsors screen walks: one with the sponsor started
 * today, else a new one dated now. 0 on error (shown). */
int64_t tui_checkup_begin(struct tui_app *app, int64_t sponsor_id);

#endif
