/* The reflection screen (stub until the editor lands). */
#include "screens.h"
struct tui_screen *reflection_open(struct tui_app *app, const struct tui_args *args)
{
	return placeholder_open(app, tui_screen_entry(TUI_SCREEN_REFLECTION));
}
