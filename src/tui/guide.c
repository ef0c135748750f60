/* The guide screen (stub until the checklist lands). */
#include "screens.h"
struct tui_screen *guide_open(struct tui_app *app, const struct tui_args *args)
{
	return placeholder_open(app, tui_screen_entry(TUI_SCREEN_GUIDE));
}
