/* Markdown pieces the coaching summary (export_md.c) and the meeting
 * brief (export_brief.c) both write. Private to src/core/export*. */
#ifndef TW_EXPORT_MD_COMMON_H
#define TW_EXPORT_MD_COMMON_H

#include "twoway/export.h"

/* Appends text with trailing newlines and spaces dropped; every line after
 * the first indented by indent. */
void export_md_indented(struct tw_buf *b, const char *text, const char *indent);
/* "## title", a blank line, text, a newline. */
void export_md_section(struct tw_buf *b, const char *title, const char *text);

#endif
