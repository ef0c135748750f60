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
/* The meeting a per-meeting guide is walked for when none is named: before
 * a meeting, the next planned one (at or after now), else the latest
 * planned one, else the latest meeting; after one, the latest whose time
 * has passed, else the latest. *meeting_id 0 when the profile has none. */
bool tw_agenda_walk_meeting(struct tw_store *st, int64_t profile_id, const char *guide_id,
			    tw_time now, int64_t *meeting_id, struct tw_error *err);

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

#endif
