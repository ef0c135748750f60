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
 * 12 a reflection's current text is stored once; 13 an index of the open
 * action items of meetings; 14 the search index names each row's profile
 * (store_schema_search.c). Versions 8 to 10, 12 and 13 are in
 * store_schema_later.c. */
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

const struct store_migration store_migrations[] = {
	{ 1, v1_sql },
	{ 2, v2_sql },
	{ 3, v3_sql },
	{ 4, v4_sql },
	{ 5, v5_sql },
	{ 6, v6_sql },
	{ 7, v7_sql },
	{ 8, store_v8_sql },
	{ 9, store_v9_sql },
	{ 10, store_v10_sql },
	{ 11, store_v11_sql },
	{ 12, store_v12_sql },
	{ 13, store_v13_sql },
	{ 14, store_v14_sql },
	{ 15, store_v15_sql },
	{ 16, store_v16_sql },
};
const size_t store_migrations_count = sizeof(store_migrations) / sizeof(store_migrations[0]);
