/* Private to the record screens (sponsors, meetings, search, profiles):
 * the sub-screens they push on each other and small shared helpers. */
#ifndef TWOWAY_TUI_RECORDS_H
#define TWOWAY_TUI_RECORDS_H

#include <string.h>

#include "screens.h"
#include "twoway/agenda.h"

/* The sponsor form: id 0 adds a sponsor. When it saves, *saved_id (may be
 * NULL; must outlive the form, e.g. in the screen below it) gets the id. */
struct tui_screen *sponsor_form_open(struct tui_app *app, int64_t id, int64_t *saved_id);
/* Prepare: meeting_id 0 plans a new meeting (with sponsor_id preselected
 * when not 0); otherwise re-prepares that planned meeting. */
struct tui_screen *meeting_prepare_open(struct tui_app *app, int64_t meeting_id,
					int64_t sponsor_id);
struct tui_screen *meeting_debrief_open(struct tui_app *app, int64_t meeting_id);
/* Ctrl-P in prepare and debrief (meeting_private.c): the meeting's private
 * answers of GUIDE go in only on purpose. The first call with answers asks
 * QUESTION (sets *asked); the next one returns true with ANSWERS filled,
 * which the caller puts in its text and frees with tw_agenda_answers_free.
 * Otherwise it says why not and returns false (nothing to free). */
bool meeting_private_confirm(struct tui_app *app, int64_t meeting_id, const char *guide,
			     bool *asked, const char *question, char *answers[TW_SLOT_COUNT]);
/* Debriefing a meeting still in the future asks first: when it is planned
 * and ahead, says so ("d again debriefs it") and returns true; the caller
 * opens the debrief on the next d. */
bool rec_debrief_early(struct tui_app *app, bool held, tw_time when);
struct tui_screen *meeting_view_open(struct tui_app *app, int64_t meeting_id);

/* What a continuum stage means, in one line ("" for none set). */
static inline const char *rec_stage_meaning(enum tw_stage stage)
{
	switch (stage) {
	case TW_STAGE_MENTOR: return "gives advice and shares their experience";
	case TW_STAGE_STRATEGIZER: return "helps you plan your moves and shares inside knowledge";
	case TW_STAGE_CONNECTOR: return "introduces you to people of influence and talks you up";
	case TW_STAGE_OPPORTUNITY_GIVER: return "gives you a high-visibility chance to prove yourself";
	case TW_STAGE_SPONSOR: return "advocates for you and spends their capital to get you promoted";
	default: return "";
	}
}

/* Pushes a sub-screen made by one of the open calls above (NULL: shows
 * nothing more; the open call has reported why). */
static inline bool rec_push(struct tui_app *app, struct tui_screen *s)
{
	return s ? tui_push(app, s) : false;
}

/* The first line of text that is not a "#" heading or blank, for one-line
 * previews; never cuts a UTF-8 sequence. */
static inline void rec_first_line(const char *text, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!text || !size)
		return;
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n");
		const char *q = p;
		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		if (q < p + n && *q != '#') {
			size_t m = (size_t)(p + n - q);
			if (m >= size)
				m = size - 1;
			while (m > 0 && ((unsigned char)q[m] & 0xC0) == 0x80 && q + m < p + n)
				m--;
			memcpy(buf, q, m);
			buf[m] = '\0';
			return;
		}
		p += n;
		if (*p)
			p++;
	}
}

#endif
