/* The screen registry: which function opens each screen, by id, with the
 * name and title the app shows for it. */
#include <stdlib.h>

#include "screens.h"

static const struct tui_screen_entry registry[TUI_SCREEN_COUNT] = {
	[TUI_SCREEN_HOME] = { "home", "Home", home_open },
	[TUI_SCREEN_GUIDE] = { "guide", "Guide", guide_open },
	[TUI_SCREEN_REFLECTION] = { "reflection", "Reflection", reflection_open },
	[TUI_SCREEN_SPONSORS] = { "sponsors", "Sponsors", sponsors_open },
	[TUI_SCREEN_MEETINGS] = { "meetings", "Meetings", meetings_open },
	[TUI_SCREEN_SEARCH] = { "search", "Search", search_open },
	[TUI_SCREEN_PROFILES] = { "profiles", "Profiles", profiles_open },
	[TUI_SCREEN_COACH] = { "coach", "Coach mode", coach_gate_open },
	[TUI_SCREEN_ACTIONS] = { "actions", "Action items", actions_open },
	[TUI_SCREEN_TRASH] = { "trash", "Trash", trash_open },
};

static const struct tui_keymap *const keymaps[] = {
	&sponsors_keys, &meetings_keys, &actions_keys, &profiles_keys, &trash_keys,
	&home_keys, &meeting_view_keys, &coach_gate_keys, &coach_summary_keys,
	&guide_keys, &reflection_keys, &sponsor_form_keys, &action_form_keys,
	&search_keys, &export_dialog_keys, &coach_start_keys, &coach_keys,
	&meeting_prepare_keys, &meeting_debrief_keys, &action_postpone_keys, &passphrase_keys,
};

const struct tui_keymap *const *tui_keymaps(size_t *n)
{
	*n = sizeof keymaps / sizeof keymaps[0];
	return keymaps;
}

const struct tui_screen_entry *tui_screen_entry(enum tui_screen_id id)
{
	return (unsigned)id < TUI_SCREEN_COUNT ? &registry[id] : NULL;
}

bool tui_open(struct tui_app *app, enum tui_screen_id id, const struct tui_args *args)
{
	const struct tui_screen_entry *e = tui_screen_entry(id);
	if (!e)
		return false;
	static const struct tui_args none = { 0 };
	struct tui_screen *s = e->open(app, args ? args : &none);
	if (!s) {
		if (!app->status_error)
			tui_error(app, "could not open %s", e->title);
		return false;
	}
	return tui_push(app, s);
}
