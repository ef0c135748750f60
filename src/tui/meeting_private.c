/* Ctrl-P in the meeting screens: a sponsee's private answers go into an
 * agenda or a debrief only on purpose. The first Ctrl-P asks, the second
 * hands the answers to the screen, which puts them in its own text. */
#include "records.h"

#include "twoway/agenda.h"

bool meeting_private_confirm(struct tui_app *app, int64_t meeting_id, const char *guide,
			     bool *asked, const char *question, char *answers[TW_SLOT_COUNT])
{
	struct tw_error err = { 0 };
	if (!tw_agenda_private_answers(app->lib, app->store, app->profile.id, meeting_id, guide,
				       answers, &err)) {
		tui_error(app, "%s", err.message);
		return false;
	}
	bool any = false;
	for (int i = 0; i < TW_SLOT_COUNT; i++)
		any = any || answers[i];
	if (!any) {
		tui_msg(app, "no private answers to put in");
	} else if (!*asked) {
		*asked = true;
		tui_msg(app, "%s Ctrl-P again: yes", question);
	} else {
		*asked = false;
		return true;
	}
	tw_agenda_answers_free(answers);
	return false;
}
