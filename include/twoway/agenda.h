/* The meeting agenda builder: turns a person's answers to the slotted
 * reflect items of the guides (`slot:` in content) into the text of a
 * meeting agenda, and into the notes and outcome of a debrief. No curses. */
#ifndef TWOWAY_AGENDA_H
#define TWOWAY_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "twoway/content.h"
#include "twoway/diag.h"
#include "twoway/model.h"
#include "twoway/store.h"

struct tw_buf;

#define TW_AGENDA_BEFORE_GUIDE "before-meeting" /* the walk before a meeting */
#define TW_AGENDA_AFTER_GUIDE "after-meeting"   /* the walk after it */
#define TW_AGENDA_ACTIONS_HEADING "Open action items" /* the last part */

/* Whether item_id (a full id) is answered once per meeting: the items of
 * the before- and after-meeting guides. Their ticks, ratings and
 * reflections carry the meeting (tw_store_*_in); every other item's are
 * the profile's. */
bool tw_agenda_per_meeting(const char *item_id);
/* Whether the guide guide_id is answered once per meeting. */
bool tw_agenda_guide_per_meeting(const char *guide_id);
/* Whether item_id's answers belong to an occasion: a meeting (per-meeting
 * items) or a check-up run (tw_checkup_item); the _in calls of the store
 * take that occasion's id. */
bool tw_agenda_per_occasion(const char *item_id);
/* The same for a guide: the meeting walks and the check-up. */
bool tw_agenda_guide_per_occasion(const char *guide_id);
/* The meeting a per-meeting guide is walked for when none is named: before
 * a meeting, the next planned one (at or after now), else the latest
 * planned one, else the latest meeting; after one, the latest whose time
 * has passed, else the latest. *meeting_id 0 when the profile has none. */
bool tw_agenda_walk_meeting(struct tw_store *st, int64_t profile_id, const char *guide_id,
			    tw_time now, int64_t *meeting_id, struct tw_error *err);

/* How far guide g is walked (agenda_progress.c), counted for the
 * occasion it is walked for: a per-meeting guide for the meeting
 * tw_agenda_walk_meeting picks at now (before a meeting: the next planned
 * one; after one: the latest whose time has passed), the check-up for the
 * latest run, every other guide (and a per-meeting guide of a profile with
 * no meeting) for the profile's own answers. An item is done when ticked,
 * rated or answered. */
struct tw_guide_progress {
	int64_t occasion; /* the meeting (run: the check-up run) counted; 0: none */
	bool run;         /* occasion is a check-up run */
	size_t done, total;
	size_t next_sec;  /* the first section with items left; SIZE_MAX: none */
	size_t next_left; /* how many are left in it */
};
bool tw_agenda_guide_progress(struct tw_store *st, int64_t profile_id, const struct tw_guide *g,
			      tw_time now, struct tw_guide_progress *out, struct tw_error *err);

/* The agenda heading of a slot ("A challenge I want their input on"). */
const char *tw_agenda_slot_heading(enum tw_slot slot);

/* What a slot says when a private answer to it was left out. */
#define TW_AGENDA_PRIVATE_LEFT_OUT "(a private answer was left out)"

/* Fills answers[slot] with the profile's live reflections on the reflect
 * items carrying that slot in guide guide_id (per-meeting items: the
 * answers of meeting meeting_id, 0 for none) (NULL: every guide; several
 * answers to one slot are joined by a blank line, in content order; each
 * trimmed of surrounding blank space). Slots without an answer stay NULL.
 * A private reflection is never copied: its slot ends with the line
 * TW_AGENDA_PRIVATE_LEFT_OUT instead. Free with tw_agenda_answers_free. */
bool tw_agenda_answers(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
		       int64_t meeting_id, const char *guide_id, char *answers[TW_SLOT_COUNT],
		       struct tw_error *err);
/* The private answers only, the same way: for the sponsee who chooses to
 * put one into a meeting (the app asks first). A coach view has none. */
bool tw_agenda_private_answers(const struct tw_library *lib, struct tw_store *st,
			       int64_t profile_id, int64_t meeting_id, const char *guide_id,
			       char *answers[TW_SLOT_COUNT], struct tw_error *err);
void tw_agenda_answers_free(char *answers[TW_SLOT_COUNT]);
/* tw_agenda_answers with each reflection looked up by find (the live
 * reflection of the profile on item_id answered for meeting_id, 0 for
 * none; NULL when there is none) in what the caller read at once, instead
 * of one read each: for exports of many meetings. */
typedef const struct tw_reflection *(*tw_reflection_find_fn)(void *ctx, int64_t meeting_id,
							       const char *item_id);
bool tw_agenda_answers_found(const struct tw_library *lib, tw_reflection_find_fn find,
			     void *ctx, int64_t meeting_id, const char *guide_id,
			     char *answers[TW_SLOT_COUNT], struct tw_error *err);

/* The sponsee's choice to put private answers into a meeting's text after
 * all: agenda with, in each slot that has a private answer, the line
 * TW_AGENDA_PRIVATE_LEFT_OUT under the slot's "## heading" replaced by the
 * answer (a slot whose heading or line was edited away gets its part at
 * the end). Returns a string the caller frees; NULL on no memory. */
char *tw_agenda_insert_private(const char *agenda, char *const private_answers[TW_SLOT_COUNT]);

/* The open action items of the profile that belong to a meeting with
 * sponsor_id, by due date. Free with tw_actions_free. */
bool tw_agenda_sponsor_actions(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			       struct tw_action **out, size_t *n, struct tw_error *err);

/* The agenda text from answers (homework, challenge, questions, next step,
 * feedback, ask; empty slots skipped) and open action items: a "## heading"
 * per part, its text below, a blank line between parts; action items as
 * "- text (me|sponsor name, due YYYY-MM-DD[, overdue])" where overdue means
 * due before the meeting's local date. "" when there is nothing at all.
 * Returns a string the caller frees; NULL on no memory. */
char *tw_agenda_format(const struct tw_sponsor *sponsor, tw_time when,
		       char *const answers[TW_SLOT_COUNT], const struct tw_action *actions,
		       size_t n_actions);

/* tw_agenda_answers on TW_AGENDA_BEFORE_GUIDE (the answers of meeting
 * meeting_id, 0: not tied to one), the sponsor's open action
 * items and tw_agenda_format in one call (private answers left out). NULL
 * on failure (err filled). */
char *tw_agenda_build(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
		      int64_t meeting_id, const struct tw_sponsor *sponsor, tw_time when,
		      struct tw_error *err);

/* The debrief's notes and outcome from the answers to the notes and
 * outcome slots of TW_AGENDA_AFTER_GUIDE for meeting meeting_id (private
 * answers left out, as in
 * tw_agenda_answers); follow-up and report-back answers are added to the
 * outcome under their own "## heading". Each is a string the caller frees
 * ("" when unanswered). */
bool tw_debrief_prefill(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
			int64_t meeting_id, char **notes, char **outcome, struct tw_error *err);

/* The debrief's side of tw_agenda_insert_private: the private answers of
 * the notes and outcome slots replace the TW_AGENDA_PRIVATE_LEFT_OUT line
 * in notes and in the un-headed start of outcome (or are added there), the
 * follow-up and report-back ones go under their "## heading" of outcome.
 * *notes_out and *outcome_out are strings the caller frees; false (both
 * NULL) on no memory. */
bool tw_debrief_insert_private(const char *notes, const char *outcome,
			       char *const private_answers[TW_SLOT_COUNT], char **notes_out,
			       char **outcome_out);

/* ---- live agendas (agenda_live.c) ----
 * A meeting's agenda is what the sponsee wrote by hand (tw_meeting.agenda)
 * with what it derives made fresh whenever it is shown or exported, never
 * stored: the sponsor's open action items, those due on or before the
 * meeting's day first, each against today's done state. While the hand part
 * is blank, the written answers of the meeting's before-meeting walk stand
 * in for it, live too. */
#define TW_AGENDA_DUE_HEADING "Due before this meeting"

struct tw_agenda_live {
	struct tw_action *due;  /* open, due on or before the meeting's day */
	size_t n_due;
	struct tw_action *open; /* the sponsor's other open items */
	size_t n_open;
};

/* The derived part of meeting m's agenda as of today ("YYYY-MM-DD", which
 * marks overdue items): the open action items (not done) that belong to a
 * meeting with m's sponsor, by due date (none last). Free with
 * tw_agenda_live_free. */
bool tw_agenda_derive(struct tw_store *st, const struct tw_meeting *m, const char *today,
		      struct tw_agenda_live *out, struct tw_error *err);
void tw_agenda_live_free(struct tw_agenda_live *l);

/* One derived item as an agenda line, without the "- " and newline:
 * "text (me|sponsor_name, due YYYY-MM-DD[, overdue])", overdue when due
 * before today. The caller frees it; NULL on no memory. */
char *tw_agenda_item_line(const struct tw_action *a, const char *sponsor_name,
			  const char *today);

/* The text the answers make for meeting m (tw_agenda_format of the
 * before-meeting answers, no action items): what a blank hand part shows
 * and what regenerating starts from. The caller frees it. */
char *tw_agenda_fresh(const struct tw_library *lib, struct tw_store *st,
		      const struct tw_meeting *m, struct tw_error *err);

/* The first part of meeting m's agenda: its hand part, or the fresh text
 * when that is blank. *live (may be NULL) says it is the fresh text. The
 * caller frees it. */
char *tw_agenda_hand_or_fresh(const struct tw_library *lib, struct tw_store *st,
			      const struct tw_meeting *m, bool *live, struct tw_error *err);

/* The whole agenda of meeting meeting_id as shown today: the first part,
 * then "## Due before this meeting" and "## Open action items" with their
 * items (a part with none is left out; an item whose text the first part
 * already holds is not repeated). The caller frees it. */
char *tw_agenda_render(const struct tw_library *lib, struct tw_store *st, int64_t meeting_id,
		       const char *today, struct tw_error *err);

/* tw_agenda_render's text from its parts, appended to b: first the first
 * part (its first tw_agenda_first_len bytes), then the derived items (as
 * tw_agenda_derive gives them). */
void tw_agenda_render_parts(struct tw_buf *b, const char *first, const struct tw_action *due,
			    size_t n_due, const struct tw_action *open, size_t n_open,
			    const char *sponsor_name, const char *today);
/* How much of a first part an agenda shows: all but its closing blanks
 * and new lines. */
size_t tw_agenda_first_len(const char *first);

/* ---- the live agendas of many meetings (agenda_many.c) ----
 * What tw_agenda_render gives for each meeting of one profile, for the
 * exports that carry every meeting's agenda (iCalendar, CSV): read with a
 * constant number of queries whatever the number of meetings (the
 * profile's open action items once; with a library, its live reflections
 * once), and private answers left out as tw_agenda_answers leaves them. */
struct tw_agendas;
/* lib may be NULL: a blank hand part then stays blank (tw_agenda_fresh
 * without a library). today is "YYYY-MM-DD". Free with tw_agendas_free;
 * NULL on failure (err set). */
struct tw_agendas *tw_agendas_new(const struct tw_library *lib, struct tw_store *st,
				  int64_t profile_id, const char *today, struct tw_error *err);
/* Appends the whole agenda of the profile's live meeting meeting_id (with
 * sponsor_id and sponsor_name, at when, its hand part hand: "" when blank)
 * to b, as tw_agenda_render gives it but for the final new lines (as
 * `meeting show` prints it). */
bool tw_agendas_render(struct tw_agendas *a, int64_t meeting_id, int64_t sponsor_id,
		       tw_time when, const char *sponsor_name, const char *hand, struct tw_buf *b,
		       struct tw_error *err);
/* The same text as tw_agendas_render, without a copy when it is the hand
 * part as written (not blank, and the sponsor has no open item): *text is
 * then hand itself, else the handle's scratch space (valid until the next
 * call or tw_agendas_free); *len is its length (the text may go on past it
 * with the new lines and blanks the agenda leaves out). */
bool tw_agendas_text(struct tw_agendas *a, int64_t meeting_id, int64_t sponsor_id,
		     tw_time when, const char *sponsor_name, const char *hand,
		     const char **text, size_t *len, struct tw_error *err);
void tw_agendas_free(struct tw_agendas *a);

/* Stores text as the meeting's hand part; text that is just the fresh text
 * (nothing written by hand) is stored blank, so it stays live. */
bool tw_agenda_save_hand(const struct tw_library *lib, struct tw_store *st, int64_t meeting_id,
			 const char *text, struct tw_error *err);

/* Regenerating: the hand part goes back to blank (the answers show live
 * again). *previous gets the hand part it had, which the caller keeps for
 * undo (tw_agenda_undo) and frees. */
bool tw_agenda_regenerate(struct tw_store *st, int64_t meeting_id, char **previous,
			  struct tw_error *err);
/* Puts back the hand part tw_agenda_regenerate returned. */
bool tw_agenda_undo(struct tw_store *st, int64_t meeting_id, const char *previous,
		    struct tw_error *err);

#endif
