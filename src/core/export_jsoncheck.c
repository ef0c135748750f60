/* The syntax check in front of `twoway import`: jansson reads the whole
 * document and, when it is malformed or cut short, says where (line and
 * column), which SQLite 3.40's JSON functions cannot. */
#include <jansson.h>

#include "twoway/export.h"

bool tw_export_json_check(const char *buf, size_t len, const char *path,
			  struct tw_diags *diags)
{
	json_error_t e;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (root) {
		json_decref(root);
		return true;
	}
	tw_diags_add(diags, path, e.line > 0 ? e.line : 1, e.column > 0 ? e.column : 1,
		     "not a valid twoway export: %s", e.text);
	return false;
}
