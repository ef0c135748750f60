/* Schema 14: the search index names each row's profile in an indexed
 * column of its own (owner, the word "p<id>"), so a search of one profile
 * ranks only that profile's matches. The view, the index and every trigger
 * that keeps it are made again here, whole. */
#include "store_internal.h"
#include "store_schema_words.h"

/* Version 8 left the owner out: with the text in the index (version 2) a
 * match read its profile_id for free, and the owner's list was read whole
 * to check it. Over external content each match's profile_id is a read of
 * the view, and bm25 ranks every match before LIMIT, so searching one of 20
 * profiles of 100,000 reflections ranked and read the rows of all 20 (72 ms
 * against 18 with the owner). tw_store_search names the owner only when
 * another profile has rows. The owner's weight in bm25 is 0, so matching
 * it adds nothing to a score; its token still counts in a row's length, the
 * same one token in every row, so scores move a little and the order of
 * near ties may change. Triggers follow a row that changes profile (an
 * import merging into a profile that was here moves rows from its
 * stand-in). */
#define OWNER(t) "'p' || " t ".profile_id"
#define FTS_DELETE "INSERT INTO search_fts(search_fts, rowid, head, body, owner) "
#define FTS_INSERT "INSERT INTO search_fts(rowid, head, body, owner) "
const char *const store_v14_sql[] = {
	"DROP TRIGGER reflections_fts_ai; DROP TRIGGER reflections_fts_ad;"
	"DROP TRIGGER reflections_fts_au; DROP TRIGGER meetings_fts_ai;"
	"DROP TRIGGER meetings_fts_ad; DROP TRIGGER meetings_fts_au;"
	"DROP TRIGGER sponsors_fts_au; DROP TRIGGER sponsors_fts_bd;"
	"DROP TRIGGER actions_fts_ai; DROP TRIGGER actions_fts_ad;"
	"DROP TRIGGER actions_fts_au; DROP TRIGGER sponsors_fts_ai;"
	"DROP TRIGGER sponsors_fts_ad; DROP TRIGGER sponsors_fts_au_self;"
	"DROP TABLE search_fts;"
	"DROP VIEW search_src;"
	"CREATE VIEW search_src(rid, head, body, owner, label, profile_id, private) AS"
	"  SELECT r.id * 4 + 1, " REFL_WORDS("r") ", " OWNER("r") ","
	"    coalesce(r.item_id, 'Reflection ' || r.id), r.profile_id, r.is_private"
	"    FROM reflections r WHERE r.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT m.id * 4 + 2, s.name, " MEET_BODY("m") ", " OWNER("m") ","
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'),"
	"    m.profile_id, 0 FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id"
	"    WHERE m.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT a.id * 4 + 3, " ACT_WORDS("a") ", " OWNER("a") ","
	"    'Action item' || CASE WHEN a.due <> '' THEN ' due ' || a.due ELSE '' END,"
	"    a.profile_id, 0 FROM actions a WHERE a.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT s.id * 4, " SPONSOR_WORDS("s") ", " OWNER("s") ", s.name, s.profile_id, 0"
	"    FROM sponsors s WHERE s.deleted_at IS NULL;"
	"CREATE VIRTUAL TABLE search_fts USING fts5("
	"  head, body, owner, label UNINDEXED, profile_id UNINDEXED, private UNINDEXED,"
	"  content = 'search_src', content_rowid = 'rid',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.0)');"
	,
	"CREATE TRIGGER reflections_fts_ai AFTER INSERT ON reflections"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4 + 1, " REFL_WORDS("new") ", " OWNER("new") ");"
	"END;"
	"CREATE TRIGGER reflections_fts_ad AFTER DELETE ON reflections"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4 + 1, " REFL_WORDS("old") ", " OWNER("old") ");"
	"END;"
	"CREATE TRIGGER reflections_fts_au AFTER UPDATE OF id, profile_id, item_id, text,"
	"  deleted_at ON reflections BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 1, " REFL_WORDS("old") ", " OWNER("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 1, " REFL_WORDS("new") ", " OWNER("new")
	"    WHERE new.deleted_at IS NULL;"
	"END;"
	,
	"CREATE TRIGGER meetings_fts_ai AFTER INSERT ON meetings"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "SELECT new.id * 4 + 2, s.name, " MEET_BODY("new") ", " OWNER("new")
	"    FROM sponsors s WHERE s.id = new.sponsor_id;"
	"END;"
	"CREATE TRIGGER meetings_fts_ad AFTER DELETE ON meetings"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 2, s.name, " MEET_BODY("old") ", " OWNER("old")
	"    FROM sponsors s WHERE s.id = old.sponsor_id;"
	"END;"
	"CREATE TRIGGER meetings_fts_au AFTER UPDATE OF id, profile_id, sponsor_id, agenda,"
	"  notes, outcome, deleted_at ON meetings BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 2, s.name, " MEET_BODY("old") ", " OWNER("old")
	"    FROM sponsors s"
	"    WHERE s.id = old.sponsor_id AND old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 2, s.name, " MEET_BODY("new") ", " OWNER("new")
	"    FROM sponsors s WHERE s.id = new.sponsor_id AND new.deleted_at IS NULL;"
	"END;"
	/* a sponsor's name is the head of its meetings */
	"CREATE TRIGGER sponsors_fts_au AFTER UPDATE OF name ON sponsors"
	"  WHEN new.name IS NOT old.name BEGIN"
	"  " FTS_DELETE "SELECT 'delete', m.id * 4 + 2, old.name, " MEET_BODY("m") ", " OWNER("m")
	"    FROM meetings m"
	"    WHERE m.sponsor_id = old.id AND m.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT m.id * 4 + 2, new.name, " MEET_BODY("m") ", " OWNER("m")
	"    FROM meetings m WHERE m.sponsor_id = new.id AND m.deleted_at IS NULL;"
	"END;"
	"CREATE TRIGGER sponsors_fts_bd BEFORE DELETE ON sponsors BEGIN"
	"  " FTS_DELETE "SELECT 'delete', m.id * 4 + 2, old.name, " MEET_BODY("m") ", " OWNER("m")
	"    FROM meetings m"
	"    WHERE m.sponsor_id = old.id AND m.deleted_at IS NULL;"
	"END;"
	,
	"CREATE TRIGGER actions_fts_ai AFTER INSERT ON actions"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4 + 3, " ACT_WORDS("new") ", " OWNER("new") ");"
	"END;"
	"CREATE TRIGGER actions_fts_ad AFTER DELETE ON actions"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4 + 3, " ACT_WORDS("old") ", " OWNER("old") ");"
	"END;"
	"CREATE TRIGGER actions_fts_au AFTER UPDATE OF id, profile_id, text, deleted_at"
	"  ON actions BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 3, " ACT_WORDS("old") ", " OWNER("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 3, " ACT_WORDS("new") ", " OWNER("new")
	"    WHERE new.deleted_at IS NULL;"
	"END;"
	,
	"CREATE TRIGGER sponsors_fts_ai AFTER INSERT ON sponsors"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4, " SPONSOR_WORDS("new") ", " OWNER("new") ");"
	"END;"
	"CREATE TRIGGER sponsors_fts_ad AFTER DELETE ON sponsors"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4, " SPONSOR_WORDS("old") ", " OWNER("old") ");"
	"END;"
	"CREATE TRIGGER sponsors_fts_au_self AFTER UPDATE OF id, profile_id, name, title, org,"
	"  how_met, homework, deleted_at ON sponsors BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4, " SPONSOR_WORDS("old") ", " OWNER("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4, " SPONSOR_WORDS("new") ", " OWNER("new")
	"    WHERE new.deleted_at IS NULL;"
	"END;"
	,
	/* the index of what the file holds, read from the view */
	"INSERT INTO search_fts(search_fts) VALUES ('rebuild');",
	NULL,
};
