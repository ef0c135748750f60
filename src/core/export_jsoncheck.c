/* The syntax check in front of `twoway import`: jansson reads the whole
 * document and, when it is malformed or cut short, says where (line and
 * column), which SQLite 3.40's JSON functions cannot. */
#include <jansson.h>
#include <string.h>

#include "twoway/export.h"
#include "twoway/util.h"

/* jansson's message quotes the text near the problem as it is in the
 * file: control characters and bytes that are not UTF-8 become '?' so
 * that the message is one line of plain text. */
static void plain(char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp = 0;
		size_t n = tw_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n && !(cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))) {
			i += n;
			continue;
		}
		n = n ? n : 1;
		memset(s + i, '?', n);
		i += n;
	}
}

bool tw_export_json_check(const char *buf, size_t len, const char *path,
			  struct tw_diags *diags)
{
	json_error_t e;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (root) {
		json_decref(root);
		return true;
	}
	plain(e.text);
	tw_diags_add(diags, path, e.line > 0 ? e.line : 1, e.column > 0 ? e.column : 1,
		     "not a valid twoway export: %s", e.text);
	return false;
}
