/* libFuzzer target for the import's fast JSON reader: whenever it gives a
 * tree, jansson's json_loadb (JSON_REJECT_DUPLICATES) must accept the same
 * bytes and give the same tree, member order included; the reader may give
 * up on anything, never read something differently. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/store_json_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *fast = import_parse((const char *)data, size);
	if (!fast)
		return 0;
	json_error_t e;
	json_t *slow = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &e);
	if (!slow) {
		fprintf(stderr, "the fast reader accepted what jansson refuses: %s\n", e.text);
		abort();
	}
	char *a = json_dumps(fast, JSON_COMPACT | JSON_ENCODE_ANY);
	char *b = json_dumps(slow, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!a || !b || strcmp(a, b) != 0 || !json_equal(fast, slow)) {
		fprintf(stderr, "the trees differ:\n%s\n%s\n", a ? a : "?", b ? b : "?");
		abort();
	}
	free(a);
	free(b);
	json_decref(fast);
	json_decref(slow);
	return 0;
}
