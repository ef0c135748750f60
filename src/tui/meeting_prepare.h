/* Private to the prepare screen (meeting_prepare.c) and its agenda step
 * (meeting_agenda.c): the screen's state and the agenda step's actions. */
#ifndef TWOWAY_TUI_MEETING_PREPARE_H
#define TWOWAY_TUI_MEETING_PREPARE_H

#include "editor.h"
#include "form.h"
#include "records.h"

enum stage { PICK, WALK, AGENDA };
enum { F_SPONSOR, F_WHEN, F_COUNT };

struct prepare {
	struct tui_screen base;
	enum stage stage;
	int64_t meeting_id;      /* 0 until saved for a new meeting */
	struct tw_sponsor *sp;
	size_t n_sp;
	const char **names;
	int64_t added;           /* filled by the sponsor form */
	struct tui_form fm;
	tw_time when;
	struct tui_editor *ed;
	char *derived;           /* the live part below the editor, one item a line */
	char *keep;              /* the item to keep if time runs short */
	bool saved_once, discard_asked;
	bool private_asked;      /* Ctrl-P asked once: again puts private answers in */
	bool regen_asked;        /* Ctrl-G asked once: again replaces the hand text */
	bool keep_changed;       /* Ctrl-T since the last save */
	size_t checks, ticked;   /* the before-meeting guide's check items */
	int64_t clash_sponsor;   /* a double booking asked about once: */
	tw_time clash_when;      /* the same sponsor and time go ahead */
};

/* How far the before-meeting checklist is ticked (p->checks, p->ticked). */
void prepare_count_checks(struct tui_app *app, struct prepare *p);
/* The agenda step: the editor over the hand-written part (FRESH: the
 * answers' text again), the live part below it. */
void prepare_to_agenda(struct tui_app *app, struct prepare *p, bool fresh);
/* Ctrl-G: a fresh agenda from the answers (asks over hand-written text). */
void prepare_regenerate(struct tui_app *app, struct prepare *p);
/* Ctrl-T: the line under the cursor is the item to keep. */
void prepare_mark_keep(struct tui_app *app, struct prepare *p);
/* Ctrl-P: the private answers into the agenda, on purpose only. */
void prepare_insert_private(struct tui_app *app, struct prepare *p);

#endif
