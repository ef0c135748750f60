/* The later schema migrations, in the order they run: 8 the search index
 * keeps no copy of the text (external content over search_src); 9 live
 * agendas; 10 check-up runs, dated sponsor stages and sponsors in search;
 * 12 a reflection's current text stored once; 13 an index of the open
 * action items of meetings; 15 an index of the planned meetings; 16 one
 * the calendar's read covers. (11 is
 * store_schema_repair.c, 14 store_schema_search.c; the table of all of
 * them is in store_schema.c.) */
#include "store_internal.h"
#include "store_schema_words.h"

/* Version 8: the search index stores no text of its own. search_fts reads
 * its columns from the view search_src (rowid id * 4 + kind, as before),
 * so the text lives once in its table; the partial expression indexes let
 * the view find one row by that rowid. Labels are made as they are read,
 * so a meeting's time is in the reader's time zone. The triggers give the
 * index the words of each row as it was ('delete') and as it is: a
 * meeting's sponsor name is its head, so a renamed sponsor's meetings are
 * reindexed with the old name and the new, and a sponsor's meetings leave
 * the index before the sponsor goes (a cascade deletes them after the
 * sponsor row is gone). Updates that change no indexed column (uids,
 * private flags, dates) leave the index alone. Only head and body are
 * indexed: a search of one profile reads profile_id of its matches (the
 * token "p<id>" of version 2 was in every row, and matching it read the
 * whole profile's list). Version 14 brings the owner back, as a column of
 * its own that search names only when other profiles have rows
 * (store_schema_search.c). */
#define FTS_DELETE "INSERT INTO search_fts(search_fts, rowid, head, body) "
#define FTS_INSERT "INSERT INTO search_fts(rowid, head, body) "
const char *const store_v8_sql[] = {
	"DROP TRIGGER reflections_fts_ai; DROP TRIGGER reflections_fts_ad;"
	"DROP TRIGGER reflections_fts_au; DROP TRIGGER meetings_fts_ai;"
	"DROP TRIGGER meetings_fts_ad; DROP TRIGGER meetings_fts_au;"
	"DROP TRIGGER sponsors_fts_au; DROP TRIGGER actions_fts_ai;"
	"DROP TRIGGER actions_fts_ad; DROP TRIGGER actions_fts_au;"
	"DROP TABLE search_fts;"
	"CREATE INDEX reflections_fts ON reflections(id * 4 + 1) WHERE deleted_at IS NULL;"
	"CREATE INDEX meetings_fts ON meetings(id * 4 + 2) WHERE deleted_at IS NULL;"
	"CREATE INDEX actions_fts ON actions(id * 4 + 3) WHERE deleted_at IS NULL;"
	"CREATE VIEW search_src(rid, head, body, label, profile_id, private) AS"
	"  SELECT r.id * 4 + 1, " REFL_WORDS("r") ","
	"    coalesce(r.item_id, 'Reflection ' || r.id), r.profile_id, r.is_private"
	"    FROM reflections r WHERE r.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT m.id * 4 + 2, s.name, " MEET_BODY("m") ","
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'),"
	"    m.profile_id, 0 FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id"
	"    WHERE m.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT a.id * 4 + 3, " ACT_WORDS("a") ","
	"    'Action item' || CASE WHEN a.due <> '' THEN ' due ' || a.due ELSE '' END,"
	"    a.profile_id, 0 FROM actions a WHERE a.deleted_at IS NULL;"
	"CREATE VIRTUAL TABLE search_fts USING fts5("
	"  head, body, label UNINDEXED, profile_id UNINDEXED, private UNINDEXED,"
	"  content = 'search_src', content_rowid = 'rid',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');"
	,
	"CREATE TRIGGER reflections_fts_ai AFTER INSERT ON reflections"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4 + 1, " REFL_WORDS("new") ");"
	"END;"
	"CREATE TRIGGER reflections_fts_ad AFTER DELETE ON reflections"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4 + 1, " REFL_WORDS("old") ");"
	"END;"
	"CREATE TRIGGER reflections_fts_au AFTER UPDATE OF id, item_id, text, deleted_at"
	"  ON reflections BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 1, " REFL_WORDS("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 1, " REFL_WORDS("new") " WHERE new.deleted_at IS NULL;"
	"END;"
	,
	"CREATE TRIGGER meetings_fts_ai AFTER INSERT ON meetings"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "SELECT new.id * 4 + 2, s.name, " MEET_BODY("new")
	"    FROM sponsors s WHERE s.id = new.sponsor_id;"
	"END;"
	"CREATE TRIGGER meetings_fts_ad AFTER DELETE ON meetings"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 2, s.name, " MEET_BODY("old")
	"    FROM sponsors s WHERE s.id = old.sponsor_id;"
	"END;"
	"CREATE TRIGGER meetings_fts_au AFTER UPDATE OF id, sponsor_id, agenda, notes, outcome,"
	"  deleted_at ON meetings BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 2, s.name, " MEET_BODY("old")
	"    FROM sponsors s"
	"    WHERE s.id = old.sponsor_id AND old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 2, s.name, " MEET_BODY("new")
	"    FROM sponsors s WHERE s.id = new.sponsor_id AND new.deleted_at IS NULL;"
	"END;"
	"CREATE TRIGGER sponsors_fts_au AFTER UPDATE OF name ON sponsors"
	"  WHEN new.name IS NOT old.name BEGIN"
	"  " FTS_DELETE "SELECT 'delete', m.id * 4 + 2, old.name, " MEET_BODY("m")
	"    FROM meetings m"
	"    WHERE m.sponsor_id = old.id AND m.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT m.id * 4 + 2, new.name, " MEET_BODY("m")
	"    FROM meetings m WHERE m.sponsor_id = new.id AND m.deleted_at IS NULL;"
	"END;"
	"CREATE TRIGGER sponsors_fts_bd BEFORE DELETE ON sponsors BEGIN"
	"  " FTS_DELETE "SELECT 'delete', m.id * 4 + 2, old.name, " MEET_BODY("m")
	"    FROM meetings m"
	"    WHERE m.sponsor_id = old.id AND m.deleted_at IS NULL;"
	"END;"
	,
	"CREATE TRIGGER actions_fts_ai AFTER INSERT ON actions"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4 + 3, " ACT_WORDS("new") ");"
	"END;"
	"CREATE TRIGGER actions_fts_ad AFTER DELETE ON actions"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4 + 3, " ACT_WORDS("old") ");"
	"END;"
	"CREATE TRIGGER actions_fts_au AFTER UPDATE OF id, text, deleted_at"
	"  ON actions BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4 + 3, " ACT_WORDS("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4 + 3, " ACT_WORDS("new") " WHERE new.deleted_at IS NULL;"
	"END;"
	,
	/* the index of what the file holds, read from the view */
	"INSERT INTO search_fts(search_fts) VALUES ('rebuild');",
	NULL,
};

/* Version 9: live agendas (agenda_live.c). meetings.agenda keeps only what
 * was written by hand; the open action items are made when the agenda is
 * shown. The list the old builder froze in (a "## Open action items"
 * heading, last, every line after it "- ...") is taken out; a list with
 * anything else after it stays whole, and the render leaves out an item
 * whose text the hand part already holds. keep: the one item to keep if
 * time runs short. */
#define HEAD "('## Open action items' || char(10))"
#define AT "instr(agenda, char(10) || char(10) || " HEAD ")"
/* rest is only "- " lines: no line of it starts otherwise */
#define GENERATED(rest) "(instr(rtrim(replace(char(10) || " rest ", char(10) || '- ', ''), " \
			"char(10)), char(10)) = 0)"
const char *const store_v9_sql[] = {
	"ALTER TABLE meetings ADD COLUMN keep TEXT NOT NULL DEFAULT '';"
	"UPDATE meetings SET agenda = ''"
	"  WHERE substr(agenda, 1, 21) = " HEAD
	"  AND " GENERATED("substr(agenda, 22)") ";"
	"UPDATE meetings SET agenda = substr(agenda, 1, " AT ")"
	"  WHERE " AT " > 0 AND " GENERATED("substr(agenda, " AT " + 23)") ";",
	NULL,
};
#undef GENERATED
#undef AT
#undef HEAD

/* Version 10: a check-up is a dated run with one sponsor, repeated every few
 * months, and search covers sponsors (the last step); the answers of the
 * check-up guide (items "checkup/...") belong to a run
 * (reflections.checkup_id, progress keyed by checkup_id, 0: none), the way
 * version 6 tied the walks to a meeting. The sponsor record dates
 * its continuum stage (stage_at), which a check-up's stage rating sets.
 * What a profile's check-up held becomes one run, dated by its latest
 * change, with the sponsor of its latest meeting (else its first live
 * sponsor, else none); a stage rated there after the record last changed
 * becomes the record's stage. Drafts move to "ITEM@checkup:ID". */
#define CHECKUP(c) "(substr(" c ", 1, 8) = 'checkup/')"
#define RUN(t) "(SELECT c.id FROM checkups c WHERE c.profile_id = " t ".profile_id)"
const char *const store_v10_sql[] = {
	"CREATE TABLE checkups ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  sponsor_id INTEGER REFERENCES sponsors(id) ON DELETE CASCADE,"
	"  at INTEGER NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  uid TEXT);"
	"CREATE INDEX checkups_profile ON checkups(profile_id, at);"
	"CREATE UNIQUE INDEX checkups_uid ON checkups(uid);"
	"ALTER TABLE sponsors ADD COLUMN stage_at INTEGER NOT NULL DEFAULT 0;"
	"UPDATE sponsors SET stage_at = updated WHERE stage > 0;"
	"ALTER TABLE reflections ADD COLUMN checkup_id INTEGER"
	"  REFERENCES checkups(id) ON DELETE CASCADE;"
	"DROP INDEX reflections_item;"
	"CREATE UNIQUE INDEX reflections_item ON reflections(profile_id, item_id,"
	"  coalesce(meeting_id, 0), coalesce(checkup_id, 0))"
	"  WHERE item_id IS NOT NULL AND deleted_at IS NULL;"
	"CREATE INDEX reflections_checkup ON reflections(checkup_id) WHERE checkup_id IS NOT NULL;"
	"CREATE TABLE progress_new ("
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  meeting_id INTEGER NOT NULL DEFAULT 0,"
	"  checkup_id INTEGER NOT NULL DEFAULT 0,"
	"  ticked INTEGER NOT NULL DEFAULT 0,"
	"  rating INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL,"
	"  PRIMARY KEY (profile_id, item_id, meeting_id, checkup_id));"
	"INSERT INTO progress_new(profile_id, item_id, meeting_id, ticked, rating, changed)"
	"  SELECT profile_id, item_id, meeting_id, ticked, rating, changed FROM progress;"
	"DROP TABLE progress;"
	"ALTER TABLE progress_new RENAME TO progress;"
	,
	/* one run per profile that answered the check-up */
	"INSERT INTO checkups(profile_id, sponsor_id, at, created)"
	"  SELECT p.id, coalesce("
	"    (SELECT m.sponsor_id FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id"
	"     WHERE m.profile_id = p.id AND m.deleted_at IS NULL AND s.deleted_at IS NULL"
	"     ORDER BY m.at DESC, m.id DESC LIMIT 1),"
	"    (SELECT s.id FROM sponsors s WHERE s.profile_id = p.id AND s.deleted_at IS NULL"
	"     ORDER BY s.created, s.id LIMIT 1)),"
	"    max(coalesce((SELECT max(changed) FROM progress g WHERE g.profile_id = p.id"
	"      AND " CHECKUP("g.item_id") " AND (g.ticked OR g.rating > 0)), 0),"
	"      coalesce((SELECT max(updated) FROM reflections r WHERE r.profile_id = p.id"
	"      AND " CHECKUP("r.item_id") " AND r.deleted_at IS NULL), 0)),"
	"    strftime('%s', 'now')"
	"  FROM profiles p WHERE EXISTS (SELECT 1 FROM progress g WHERE g.profile_id = p.id"
	"    AND " CHECKUP("g.item_id") " AND (g.ticked OR g.rating > 0))"
	"  OR EXISTS (SELECT 1 FROM reflections r WHERE r.profile_id = p.id"
	"    AND " CHECKUP("r.item_id") " AND r.deleted_at IS NULL);"
	"UPDATE reflections SET checkup_id = " RUN("reflections")
	"  WHERE " CHECKUP("item_id") " AND deleted_at IS NULL;"
	"UPDATE progress SET checkup_id = coalesce(" RUN("progress") ", 0)"
	"  WHERE " CHECKUP("item_id") ";"
	"UPDATE drafts SET item_id = item_id || '@checkup:' || " RUN("drafts")
	"  WHERE " CHECKUP("item_id") " AND " RUN("drafts") " IS NOT NULL;"
	"UPDATE sponsors SET (stage, stage_at) = (SELECT g.rating, g.changed FROM progress g"
	"    JOIN checkups c ON c.id = g.checkup_id"
	"    WHERE c.sponsor_id = sponsors.id AND g.item_id = '" TW_CHECKUP_STAGE_ITEM "'"
	"    AND g.rating > 0)"
	"  WHERE EXISTS (SELECT 1 FROM progress g JOIN checkups c ON c.id = g.checkup_id"
	"    WHERE c.sponsor_id = sponsors.id AND g.item_id = '" TW_CHECKUP_STAGE_ITEM "'"
	"    AND g.rating > 0 AND g.changed >= sponsors.stage_at);"
	,
	/* search covers sponsors: rowid id * 4 (kind 0), the name as head, the
	 * title, organisation, how you met and homework notes as body; never
	 * private. The view gains them; the triggers follow edits, deletes
	 * (soft: deleted_at) and undos. */
	"CREATE INDEX sponsors_fts ON sponsors(id * 4) WHERE deleted_at IS NULL;"
	"DROP VIEW search_src;"
	"CREATE VIEW search_src(rid, head, body, label, profile_id, private) AS"
	"  SELECT r.id * 4 + 1, " REFL_WORDS("r") ","
	"    coalesce(r.item_id, 'Reflection ' || r.id), r.profile_id, r.is_private"
	"    FROM reflections r WHERE r.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT m.id * 4 + 2, s.name, " MEET_BODY("m") ","
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'),"
	"    m.profile_id, 0 FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id"
	"    WHERE m.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT a.id * 4 + 3, " ACT_WORDS("a") ","
	"    'Action item' || CASE WHEN a.due <> '' THEN ' due ' || a.due ELSE '' END,"
	"    a.profile_id, 0 FROM actions a WHERE a.deleted_at IS NULL"
	"  UNION ALL"
	"  SELECT s.id * 4, " SPONSOR_WORDS("s") ", s.name, s.profile_id, 0"
	"    FROM sponsors s WHERE s.deleted_at IS NULL;"
	"CREATE TRIGGER sponsors_fts_ai AFTER INSERT ON sponsors"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  " FTS_INSERT "VALUES (new.id * 4, " SPONSOR_WORDS("new") ");"
	"END;"
	"CREATE TRIGGER sponsors_fts_ad AFTER DELETE ON sponsors"
	"  WHEN old.deleted_at IS NULL BEGIN"
	"  " FTS_DELETE "VALUES ('delete', old.id * 4, " SPONSOR_WORDS("old") ");"
	"END;"
	"CREATE TRIGGER sponsors_fts_au_self AFTER UPDATE OF id, name, title, org, how_met,"
	"  homework, deleted_at ON sponsors BEGIN"
	"  " FTS_DELETE "SELECT 'delete', old.id * 4, " SPONSOR_WORDS("old")
	"    WHERE old.deleted_at IS NULL;"
	"  " FTS_INSERT "SELECT new.id * 4, " SPONSOR_WORDS("new") " WHERE new.deleted_at IS NULL;"
	"END;"
	FTS_INSERT "SELECT s.id * 4, " SPONSOR_WORDS("s") " FROM sponsors s"
	"  WHERE s.deleted_at IS NULL;",
	NULL,
};
#undef CHECKUP
#undef RUN
#undef FTS_DELETE
#undef FTS_INSERT

/* Version 12: a reflection's current text is stored once, in reflections:
 * its newest version row (version = the reflection's version) keeps text
 * '' and no sealed text, and readers take both from the reflection
 * (STORE_VTEXT, STORE_VSEALED). A row whose text is not the reflection's
 * (none that twoway wrote) keeps it. */
const char *const store_v12_sql[] = {
	"UPDATE reflection_versions SET text = '', sealed = NULL WHERE rowid IN ("
	"  SELECT v.rowid FROM reflection_versions v JOIN reflections r"
	"  ON r.id = v.reflection_id AND r.version = v.version"
	"  WHERE v.text = r.text AND (v.sealed IS NULL) = (r.sealed IS NULL));",
	NULL,
};

/* Version 13: the open action items of meetings have an index of their
 * own, per profile in due-date order (id breaks ties: the rowid ends every
 * index). What a meeting's live agenda and the exports' agendas read
 * (TW_ACTIONS_OPEN_MEETINGS) is then just those rows, not every open item
 * of the profile with a look at its meeting each: an iCalendar export of
 * 10,000 meetings beside 10,000 items of no meeting read all 10,000 items
 * for none. */
const char *const store_v13_sql[] = {
	"CREATE INDEX actions_open_meeting ON actions(profile_id, due)"
	" WHERE done = '' AND deleted_at IS NULL AND meeting_id IS NOT NULL;",
	NULL,
};

/* Version 15: the planned meetings (not held, not deleted) have an index
 * of their own, per profile in time order. Home asks on every frame how
 * many have passed without a debrief and which is next; with only
 * meetings_profile, both read the row of every meeting the profile ever
 * had to look at its held flag (on a database of 500 meetings a profile,
 * 500 pages for a launch), where this index holds just the few planned. */
const char *const store_v15_sql[] = {
	"CREATE INDEX meetings_planned ON meetings(profile_id, at)"
	" WHERE held = 0 AND deleted_at IS NULL;",
	NULL,
};

/* Version 16: the calendar's read. The iCalendar export reads every live
 * meeting of a profile in start order; through meetings_profile each row
 * cost a second descent into the table, a tenth of the export's time at
 * 10,000 meetings. This index holds every column that read takes (with
 * deleted_at, so SQLite sees it covers the query), so the read is one pass
 * over it in order. It repeats each agenda's text: 1.3 MB more on 10,000
 * meetings of 60-byte agendas. */
const char *const store_v16_sql[] = {
	"CREATE INDEX meetings_calendar ON meetings(profile_id, at, id, uid, created,"
	" updated, sponsor_id, agenda, deleted_at) WHERE deleted_at IS NULL;",
	NULL,
};
