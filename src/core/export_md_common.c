/* Markdown pieces shared by the coaching summary and the meeting brief
 * (see export_md_common.h). */
#include <string.h>

#include "export_md_common.h"

void export_md_indented(struct tw_buf *b, const char *text, const char *indent)
{
	size_t len = strlen(text);
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len; i++) {
		tw_buf_add(b, text + i, 1);
		if (text[i] == '\n' && i + 1 < len && text[i + 1] != '\n')
			tw_buf_puts(b, indent);
	}
}

void export_md_section(struct tw_buf *b, const char *title, const char *text)
{
	tw_buf_printf(b, "\n## %s\n\n", title);
	export_md_indented(b, text, "");
	tw_buf_add(b, "\n", 1);
}
