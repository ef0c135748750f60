/* stub, replaced shortly. */
#include "app.h"
int tui_editor_stub_(void);
int tui_editor_stub_(void) { return 0; }
