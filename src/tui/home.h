/* Home's state, shared by home.c (loading, keys) and home_draw.c (the
 * rows it draws). Private to the Home screen. */
#ifndef TW_TUI_HOME_H
#define TW_TUI_HOME_H

#include "screens.h"

#define RECENT 10       /* reflections loaded; 3 shown, more on a tall terminal */
#define SHOWN 3         /* action items and reflections shown at the least */

struct gstat {
	size_t done, total;
	size_t next_sec;  /* first section with items left */
	size_t next_left; /* items left in it */
	int64_t occasion; /* the meeting (run: check-up run) counted; 0: none */
	bool run;
	char who[64];     /* its sponsor ("" when none) */
	tw_time when;     /* its time */
};

struct home {
	struct tui_screen base;
	struct gstat *stats;
	size_t n_stats;
	bool has_next;
	struct tw_meeting next;
	bool has_due;           /* a planned meeting whose time has passed */
	struct tw_meeting due;  /* the latest such one */
	size_t n_due;           /* how many there are */
	struct tw_action *actions;
	size_t n_actions, n_overdue;
	char today[11];
	struct tw_reflection *recent;
	size_t n_recent;
	size_t cursor, top;
	int focus_count;     /* problems show on the first visit only */
	struct tui_rect last;
	int guide_row0;      /* screen row of the first guide row last drawn */
	size_t more_actions, more_recent; /* rows to spare on a tall terminal */
	size_t recent_shown;  /* reflections drawn: the cursor runs on past the
				 guides onto them */
};

/* Draws Home into r (home_draw.c). */
void home_draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r);

#endif
