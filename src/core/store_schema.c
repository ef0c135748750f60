/* The database schema as ordered migrations: 1 the first schema; 2 soft
 * delete, settings, drafts, rating history, coaching sessions, FTS5 search;
 * 3 a stable uid per record (exports, import, calendars); 4 what a coaching
 * session covered, recorded as it happens; 5 private is sticky (drafts carry
 * the flag, versions before a private one are private); 6 the answers of
 * the before- and after-meeting walks belong to a meeting; 7 the profile lock:
 * key material per profile and sealed private text; 8 the search index keeps
 * no copy of the text (external content); 9 live agendas: a meeting's
 * agenda text is the hand-written part only, and a meeting names the one
 * item to keep if time runs short; 10 check-ups are dated runs and the
 * sponsor record dates its stage, and search covers sponsors; 11 removes
 * what purges left of purged meetings and runs (store_schema_repair.c);
 * 12 a reflection's current text is stored once. */
#include "store_internal.h"

/* Version 1: what the first twoway release created. Kept verbatim: the
 * fixture tests/data/store/v1.db was made from it. */
static const char *const v1_sql[] = {
	"CREATE TABLE profiles ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL DEFAULT '',"
	"  goals TEXT NOT NULL DEFAULT '',"
	"  created INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX profiles_name ON profiles(name);"
	"CREATE TABLE sponsors ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  org TEXT NOT NULL DEFAULT '',"
	"  how_met TEXT NOT NULL DEFAULT '',"
	"  homework TEXT NOT NULL DEFAULT '',"
	"  stage INTEGER NOT NULL DEFAULT 0,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL);"
	"CREATE INDEX sponsors_profile ON sponsors(profile_id, name);"
	"CREATE TABLE progress ("
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  ticked INTEGER NOT NULL DEFAULT 0,"
	"  rating INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL,"
	"  PRIMARY KEY (profile_id, item_id));"
	"CREATE TABLE reflections ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT,"
	"  text TEXT NOT NULL,"
	"  is_private INTEGER NOT NULL DEFAULT 0,"
	"  version INTEGER NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX reflections_item ON reflections(profile_id, item_id);"
	"CREATE INDEX reflections_updated ON reflections(profile_id, updated);"
	"CREATE TABLE reflection_versions ("
	"  reflection_id INTEGER NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  is_private INTEGER NOT NULL DEFAULT 0,"
	"  saved INTEGER NOT NULL,"
	"  PRIMARY KEY (reflection_id, version));"
	"CREATE TABLE meetings ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  sponsor_id INTEGER NOT NULL REFERENCES sponsors(id) ON DELETE CASCADE,"
	"  at INTEGER NOT NULL,"
	"  agenda TEXT NOT NULL DEFAULT '',"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  outcome TEXT NOT NULL DEFAULT '',"
	"  held INTEGER NOT NULL DEFAULT 0,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL);"
	"CREATE INDEX meetings_profile ON meetings(profile_id, at);"
	"CREATE INDEX meetings_sponsor ON meetings(sponsor_id);"
	"CREATE TABLE actions ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,"
	"  text TEXT NOT NULL,"
	"  owner INTEGER NOT NULL DEFAULT 0,"
	"  due TEXT NOT NULL DEFAULT '',"
	"  done TEXT NOT NULL DEFAULT '',"
	"  created INTEGER NOT NULL);"
	"CREATE INDEX actions_profile ON actions(profile_id, done, due);"
	"CREATE INDEX actions_meeting ON actions(meeting_id);",
	NULL,
};

/* Version 2. The search index holds one row per live reflection, meeting and
 * action item; its rowid is id * 4 + kind (1 reflection, 2 meeting, 3
 * action) so a trigger can find a record's row directly. owner holds the
 * token "p<profile id>" so that a search of one profile is filtered inside
 * the index. */
static const char *const v2_sql[] = {
	"ALTER TABLE profiles ADD COLUMN deleted_at INTEGER;"
	"DROP INDEX profiles_name;"
	"CREATE UNIQUE INDEX profiles_name ON profiles(name) WHERE deleted_at IS NULL;"
	"ALTER TABLE sponsors ADD COLUMN deleted_at INTEGER;"
	"ALTER TABLE reflections ADD COLUMN deleted_at INTEGER;"
	"DROP INDEX reflections_item;"
	"CREATE UNIQUE INDEX reflections_item ON reflections(profile_id, item_id)"
	"  WHERE item_id IS NOT NULL AND deleted_at IS NULL;"
	"ALTER TABLE meetings ADD COLUMN deleted_at INTEGER;"
	"ALTER TABLE actions ADD COLUMN deleted_at INTEGER;"
	"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE drafts ("
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  saved INTEGER NOT NULL,"
	"  PRIMARY KEY (profile_id, item_id));"
	"CREATE TABLE rating_history ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  rating INTEGER NOT NULL,"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX rating_history_item ON rating_history(profile_id, item_id, at);"
	"INSERT INTO rating_history(profile_id, item_id, rating, at)"
	"  SELECT profile_id, item_id, rating, changed FROM progress WHERE rating > 0;"
		,
	"CREATE TABLE coaching ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  coach TEXT NOT NULL,"
	"  started INTEGER NOT NULL,"
	"  ended INTEGER NOT NULL DEFAULT 0,"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  covered TEXT NOT NULL DEFAULT '',"
	"  deleted_at INTEGER);"
	"CREATE INDEX coaching_profile ON coaching(profile_id, started);"
	"CREATE VIRTUAL TABLE search_fts USING fts5("
	"  head, body, owner, label UNINDEXED, profile_id UNINDEXED, private UNINDEXED,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.0)');"
	,
	/* reflections */
	"CREATE TRIGGER reflections_fts_ai AFTER INSERT ON reflections"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  VALUES (new.id * 4 + 1, coalesce(new.item_id, ''), new.text,"
	"    'p' || new.profile_id, coalesce(new.item_id, 'Reflection ' || new.id),"
	"    new.profile_id, new.is_private);"
	"END;"
	"CREATE TRIGGER reflections_fts_ad AFTER DELETE ON reflections BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;"
	"END;"
	"CREATE TRIGGER reflections_fts_au AFTER UPDATE ON reflections BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT new.id * 4 + 1, coalesce(new.item_id, ''), new.text,"
	"    'p' || new.profile_id, coalesce(new.item_id, 'Reflection ' || new.id),"
	"    new.profile_id, new.is_private WHERE new.deleted_at IS NULL;"
	"END;"
	,
	/* meetings: the sponsor's name is indexed with them */
	"CREATE TRIGGER meetings_fts_ai AFTER INSERT ON meetings"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT new.id * 4 + 2, s.name,"
	"    new.agenda || char(10) || new.notes || char(10) || new.outcome,"
	"    'p' || new.profile_id,"
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', new.at, 'unixepoch', 'localtime'),"
	"    new.profile_id, 0 FROM sponsors s WHERE s.id = new.sponsor_id;"
	"END;"
	"CREATE TRIGGER meetings_fts_ad AFTER DELETE ON meetings BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;"
	"END;"
	"CREATE TRIGGER meetings_fts_au AFTER UPDATE ON meetings BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT new.id * 4 + 2, s.name,"
	"    new.agenda || char(10) || new.notes || char(10) || new.outcome,"
	"    'p' || new.profile_id,"
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', new.at, 'unixepoch', 'localtime'),"
	"    new.profile_id, 0 FROM sponsors s"
	"  WHERE s.id = new.sponsor_id AND new.deleted_at IS NULL;"
	"END;"
	"CREATE TRIGGER sponsors_fts_au AFTER UPDATE OF name ON sponsors"
	"  WHEN new.name IS NOT old.name BEGIN"
	"  UPDATE meetings SET sponsor_id = sponsor_id WHERE sponsor_id = new.id;"
	"END;"
	,
	/* action items */
	"CREATE TRIGGER actions_fts_ai AFTER INSERT ON actions"
	"  WHEN new.deleted_at IS NULL BEGIN"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  VALUES (new.id * 4 + 3, '', new.text, 'p' || new.profile_id,"
	"    'Action item' || CASE WHEN new.due <> '' THEN ' due ' || new.due ELSE '' END,"
	"    new.profile_id, 0);"
	"END;"
	"CREATE TRIGGER actions_fts_ad AFTER DELETE ON actions BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 3;"
	"END;"
	"CREATE TRIGGER actions_fts_au AFTER UPDATE ON actions BEGIN"
	"  DELETE FROM search_fts WHERE rowid = old.id * 4 + 3;"
	"  INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT new.id * 4 + 3, '', new.text, 'p' || new.profile_id,"
	"    'Action item' || CASE WHEN new.due <> '' THEN ' due ' || new.due ELSE '' END,"
	"    new.profile_id, 0 WHERE new.deleted_at IS NULL;"
	"END;"
	,
	/* index what version 1 already held */
	"INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT id * 4 + 1, coalesce(item_id, ''), text, 'p' || profile_id,"
	"    coalesce(item_id, 'Reflection ' || id), profile_id, is_private FROM reflections;"
	"INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT m.id * 4 + 2, s.name, m.agenda || char(10) || m.notes || char(10) || m.outcome,"
	"    'p' || m.profile_id,"
	"    s.name || ', ' || strftime('%Y-%m-%d %H:%M', m.at, 'unixepoch', 'localtime'),"
	"    m.profile_id, 0 FROM meetings m JOIN sponsors s ON s.id = m.sponsor_id;"
	"INSERT INTO search_fts(rowid, head, body, owner, label, profile_id, private)"
	"  SELECT id * 4 + 3, '', text, 'p' || profile_id,"
	"    'Action item' || CASE WHEN due <> '' THEN ' due ' || due ELSE '' END,"
	"    profile_id, 0 FROM actions;",
	NULL,
};

/* Version 3: a uid per record, the identity that survives export and import
 * (JSON merge, iCalendar UID). Rows get one when first exported (see
 * store_json.c), so writes and the search triggers stay as they were. */
#define UID_SQL(t) \
	"ALTER TABLE " t " ADD COLUMN uid TEXT;" \
	"CREATE UNIQUE INDEX " t "_uid ON " t "(uid);"

static const char *const v3_sql[] = {
	UID_SQL("profiles"),
	UID_SQL("sponsors"),
	UID_SQL("reflections"),
	UID_SQL("meetings"),
	UID_SQL("actions"),
	UID_SQL("coaching"),
	NULL,
};

/* Version 4: what a coaching session covered, one row per session, item
 * and kind of mark, written as coach mode goes (store_coaching_events.c):
 * item ids and the rating only, never a reflection's text. id keeps the
 * order items were first marked in. */
static const char *const v4_sql[] = {
	"CREATE TABLE coaching_events ("
	"  id INTEGER PRIMARY KEY,"
	"  coaching_id INTEGER NOT NULL REFERENCES coaching(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  what TEXT NOT NULL CHECK (what IN ('visited', 'ticked', 'rated', 'reflected')),"
	"  value INTEGER NOT NULL DEFAULT 0,"
	"  at INTEGER NOT NULL,"
	"  UNIQUE (coaching_id, item_id, what));",
	NULL,
};

/* Version 5: private belongs to the reflection. A version records whether
 * its save changed the flag (flag_change 1 private, -1 public), drafts
 * carry the flag (a draft of a private reflection is private), and every
 * version saved before a private one is private, so no coach view shows
 * earlier text of a reflection made private later. */
static const char *const v5_sql[] = {
	"ALTER TABLE reflection_versions ADD COLUMN flag_change INTEGER NOT NULL DEFAULT 0;"
	"UPDATE reflection_versions SET flag_change = CASE WHEN is_private THEN 1 ELSE -1 END"
	"  WHERE EXISTS (SELECT 1 FROM reflection_versions w"
	"    WHERE w.reflection_id = reflection_versions.reflection_id"
	"    AND w.version = reflection_versions.version - 1"
	"    AND w.is_private <> reflection_versions.is_private);"
	"ALTER TABLE drafts ADD COLUMN is_private INTEGER NOT NULL DEFAULT 0;"
	"UPDATE drafts SET is_private = 1 WHERE EXISTS (SELECT 1 FROM reflections r"
	"  WHERE r.profile_id = drafts.profile_id AND r.is_private AND r.deleted_at IS NULL"
	"  AND (r.item_id = drafts.item_id OR 'reflection:' || r.id = drafts.item_id));"
	"UPDATE reflection_versions SET is_private = 1 WHERE NOT is_private AND ("
	"  EXISTS (SELECT 1 FROM reflections r WHERE r.id = reflection_id AND r.is_private)"
	"  OR EXISTS (SELECT 1 FROM reflection_versions w"
	"    WHERE w.reflection_id = reflection_versions.reflection_id"
	"    AND w.version > reflection_versions.version AND w.is_private));",
	NULL,
};

/* Version 6: the before- and after-meeting walks are answered once per
 * meeting. A reflection may belong to a meeting (meeting_id; NULL: not
 * tied to one) and an item holds one live reflection per meeting; a
 * progress row belongs to a meeting (meeting_id 0: none), so the table is
 * made again with the meeting in its key. What the walks held (items of the
 * guides before-meeting and after-meeting, see tw_agenda_per_meeting)
 * becomes the answers of each profile's latest meeting; a profile without
 * meetings keeps them untied. Drafts of such answers follow under the key
 * "ITEM@meeting:ID" the app gives them. */
#define PER_MEETING(c) "(substr(" c ", 1, 15) = 'before-meeting/' OR substr(" c ", 1, 14) = " \
		       "'after-meeting/')"
#define LATEST(t) "(SELECT m.id FROM meetings m WHERE m.profile_id = " t ".profile_id " \
		  "AND m.deleted_at IS NULL ORDER BY m.at DESC, m.id DESC LIMIT 1)"
static const char *const v6_sql[] = {
	"ALTER TABLE reflections ADD COLUMN meeting_id INTEGER"
	"  REFERENCES meetings(id) ON DELETE CASCADE;"
	"DROP INDEX reflections_item;"
	"CREATE UNIQUE INDEX reflections_item ON reflections(profile_id, item_id,"
	"  coalesce(meeting_id, 0)) WHERE item_id IS NOT NULL AND deleted_at IS NULL;"
	"CREATE INDEX reflections_meeting ON reflections(meeting_id) WHERE meeting_id IS NOT NULL;"
	"CREATE TABLE progress_new ("
	"  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  meeting_id INTEGER NOT NULL DEFAULT 0,"
	"  ticked INTEGER NOT NULL DEFAULT 0,"
	"  rating INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL,"
	"  PRIMARY KEY (profile_id, item_id, meeting_id));"
	"INSERT INTO progress_new(profile_id, item_id, meeting_id, ticked, rating, changed)"
	"  SELECT profile_id, item_id, 0, ticked, rating, changed FROM progress;"
	"DROP TABLE progress;"
	"ALTER TABLE progress_new RENAME TO progress;"
	,
	"UPDATE reflections SET meeting_id = " LATEST("reflections")
	"  WHERE " PER_MEETING("item_id") " AND deleted_at IS NULL;"
	"UPDATE progress SET meeting_id = coalesce(" LATEST("progress") ", 0)"
	"  WHERE " PER_MEETING("item_id") ";"
	"UPDATE drafts SET item_id = item_id || '@meeting:' || " LATEST("drafts")
	"  WHERE " PER_MEETING("item_id") " AND " LATEST("drafts") " IS NOT NULL;",
	NULL,
};
#undef PER_MEETING
#undef LATEST
/* Version 7: the profile lock (store_lock.c). A locked profile has one
 * profile_keys row: its public key, its secret key wrapped under a key
 * derived from the passphrase (Argon2id with this salt and these limits).
 * A row whose text is sealed holds text '' and the sealed box in sealed, so
 * the search index never sees it. */
static const char *const v7_sql[] = {
	"CREATE TABLE profile_keys ("
	"  profile_id INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,"
	"  public_key BLOB NOT NULL,"
	"  wrapped_key BLOB NOT NULL,"
	"  salt BLOB NOT NULL,"
	"  opslimit INTEGER NOT NULL,"
	"  memlimit INTEGER NOT NULL,"
	"  created INTEGER NOT NULL);"
	"ALTER TABLE reflections ADD COLUMN sealed BLOB;"
	"ALTER TABLE reflection_versions ADD COLUMN sealed BLOB;"
	"ALTER TABLE drafts ADD COLUMN sealed BLOB;",
	NULL,
};

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
 * whole profile's list). */
#define REFL_WORDS(r) "coalesce(" r ".item_id, ''), " r ".text"
#define MEET_BODY(m) m ".agenda || char(10) || " m ".notes || char(10) || " m ".outcome"
#define ACT_WORDS(a) "'', " a ".text"
#define FTS_DELETE "INSERT INTO search_fts(search_fts, rowid, head, body) "
#define FTS_INSERT "INSERT INTO search_fts(rowid, head, body) "
static const char *const v8_sql[] = {
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
static const char *const v9_sql[] = {
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
#define SPONSOR_WORDS(s) s ".name, " s ".title || char(10) || " s ".org || char(10) || " \
	s ".how_met || char(10) || " s ".homework"
#define RUN(t) "(SELECT c.id FROM checkups c WHERE c.profile_id = " t ".profile_id)"
static const char *const v10_sql[] = {
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
#undef SPONSOR_WORDS
#undef REFL_WORDS
#undef MEET_BODY
#undef ACT_WORDS
#undef FTS_DELETE
#undef FTS_INSERT

/* Version 12: a reflection's current text is stored once, in reflections:
 * its newest version row (version = the reflection's version) keeps text
 * '' and no sealed text, and readers take both from the reflection
 * (STORE_VTEXT, STORE_VSEALED). A row whose text is not the reflection's
 * (none that twoway wrote) keeps it. */
static const char *const v12_sql[] = {
	"UPDATE reflection_versions SET text = '', sealed = NULL WHERE rowid IN ("
	"  SELECT v.rowid FROM reflection_versions v JOIN reflections r"
	"  ON r.id = v.reflection_id AND r.version = v.version"
	"  WHERE v.text = r.text AND (v.sealed IS NULL) = (r.sealed IS NULL));",
	NULL,
};

const struct store_migration store_migrations[] = {
	{ 1, v1_sql },
	{ 2, v2_sql },
	{ 3, v3_sql },
	{ 4, v4_sql },
	{ 5, v5_sql },
	{ 6, v6_sql },
	{ 7, v7_sql },
	{ 8, v8_sql },
	{ 9, v9_sql },
	{ 10, v10_sql },
	{ 11, store_v11_sql },
	{ 12, v12_sql },
};
const size_t store_migrations_count = sizeof(store_migrations) / sizeof(store_migrations[0]);
