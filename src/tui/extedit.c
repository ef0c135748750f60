/* stub, replaced shortly. */
#include "app.h"
int tui_extedit_stub_(void);
int tui_extedit_stub_(void) { return 0; }
