/* libFuzzer target for the content loader: any bytes go through
 * tw_content_parse, which must not crash, leak or loop, must return a guide
 * exactly when it reports no problem, and must never put a control
 * character into a message or a loaded text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/content.h"
#include "twoway/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(bool ok)
{
	if (!ok)
		__builtin_trap();
}

static void text_ok(const char *s, bool optional)
{
	if (!s) {
		must(optional);
		return;
	}
	must(tw_text_valid(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tw_diags d = { 0 };
	struct tw_guide *g = tw_content_parse("fuzz.yaml", (const char *)data, size, &d);
	must((g != NULL) == (d.n == 0));
	for (size_t i = 0; i < d.n; i++) {
		must(d.v[i].line >= 0 && d.v[i].column >= 0);
		must(d.v[i].message[0] != '\0');
		text_ok(d.v[i].message, false);
	}
	if (g) {
		text_ok(g->id, false);
		text_ok(g->title, false);
		text_ok(g->summary, false);
		text_ok(g->source, false);
		text_ok(g->locale, false);
		must(g->n_sections > 0);
		for (size_t s = 0; s < g->n_sections; s++) {
			const struct tw_section *sec = &g->sections[s];
			text_ok(sec->title, false);
			text_ok(sec->intro, true);
			must(sec->n_items > 0);
			for (size_t j = 0; j < sec->n_items; j++) {
				const struct tw_item *it = &sec->items[j];
				text_ok(it->full_id, false);
				text_ok(it->text, false);
				text_ok(it->detail, true);
				text_ok(it->coach, true);
				must((it->low != NULL) == (it->kind == TW_ITEM_RATE));
				must((it->high != NULL) == (it->kind == TW_ITEM_RATE));
				must(it->slot == TW_SLOT_NONE || it->kind == TW_ITEM_REFLECT);
			}
		}
	}
	tw_guide_free(g);
	tw_diags_clear(&d);
	return 0;
}
