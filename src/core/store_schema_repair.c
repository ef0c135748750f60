/* Schema 11: a repair. Before it, purging a meeting left that meeting's
 * ticks and ratings (progress rows keyed by its id) and drafts behind, and
 * purging a sponsor its check-up runs' rows; meeting and run ids are reused
 * once the highest is gone, so a new meeting could inherit a purged one's
 * ticks. This step removes those orphans; purge removes them since. (The
 * answers themselves, runs and meetings went by their foreign keys.) */
#include "store_internal.h"

/* Ids that a row may point at: anything else is an orphan. */
#define RUNS "(SELECT id FROM checkups)"
#define MEETINGS "(SELECT id FROM meetings)"

const char *const store_v11_sql[] = {
	"DELETE FROM progress WHERE meeting_id <> 0 AND meeting_id NOT IN " MEETINGS ";"
	"DELETE FROM progress WHERE checkup_id <> 0 AND checkup_id NOT IN " RUNS ";"
	/* drafts of an answer for one meeting or run: "ITEM@meeting:ID" */
	"DELETE FROM drafts WHERE item_id GLOB '*@meeting:[0-9]*' AND"
	"  substr(item_id, instr(item_id, '@meeting:') + 9) NOT IN"
	"  (SELECT CAST(id AS TEXT) FROM meetings);"
	"DELETE FROM drafts WHERE item_id GLOB '*@checkup:[0-9]*' AND"
	"  substr(item_id, instr(item_id, '@checkup:') + 9) NOT IN"
	"  (SELECT CAST(id AS TEXT) FROM checkups);",
	NULL,
};
