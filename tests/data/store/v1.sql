-- The version-1 twoway schema (src/core/store_schema.c, v1_sql) with a few
-- rows; tests/data/store/make_v1.sh turns it into v1.db, the migration fixture.
BEGIN;
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  goals TEXT NOT NULL DEFAULT '',
  created INTEGER NOT NULL);
CREATE UNIQUE INDEX profiles_name ON profiles(name);
CREATE TABLE sponsors (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  org TEXT NOT NULL DEFAULT '',
  how_met TEXT NOT NULL DEFAULT '',
  homework TEXT NOT NULL DEFAULT '',
  stage INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL);
CREATE INDEX sponsors_profile ON sponsors(profile_id, name);
CREATE TABLE progress (
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  ticked INTEGER NOT NULL DEFAULT 0,
  rating INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL,
  PRIMARY KEY (profile_id, item_id));
CREATE TABLE reflections (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  item_id TEXT,
  text TEXT NOT NULL,
  is_private INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL);
CREATE UNIQUE INDEX reflections_item ON reflections(profile_id, item_id);
CREATE INDEX reflections_updated ON reflections(profile_id, updated);
CREATE TABLE reflection_versions (
  reflection_id INTEGER NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  text TEXT NOT NULL,
  is_private INTEGER NOT NULL DEFAULT 0,
  saved INTEGER NOT NULL,
  PRIMARY KEY (reflection_id, version));
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  sponsor_id INTEGER NOT NULL REFERENCES sponsors(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  agenda TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  held INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL);
CREATE INDEX meetings_profile ON meetings(profile_id, at);
CREATE INDEX meetings_sponsor ON meetings(sponsor_id);
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  owner INTEGER NOT NULL DEFAULT 0,
  due TEXT NOT NULL DEFAULT '',
  done TEXT NOT NULL DEFAULT '',
  created INTEGER NOT NULL);
CREATE INDEX actions_profile ON actions(profile_id, done, due);
CREATE INDEX actions_meeting ON actions(meeting_id);

-- a few rows as the first twoway release would have written them
INSERT INTO profiles VALUES (1, 'Ada', 'engineer', 'lead the platform team', 1700000000);
INSERT INTO profiles VALUES (2, 'Bo', '', '', 1700000100);
INSERT INTO sponsors VALUES (1, 1, 'Grace Hopper', 'Rear Admiral', 'Navy', 'a conference', 'COBOL, compilers', 3, 1700000200, 1700000300);
INSERT INTO sponsors VALUES (2, 2, 'Katherine', '', 'NASA', '', '', 1, 1700000200, 1700000200);
INSERT INTO progress VALUES (1, 'proactive/before/goals', 1, 0, 1700000400);
INSERT INTO progress VALUES (1, 'proactive/before/confidence', 0, 4, 1700000500);
INSERT INTO progress VALUES (1, 'gone/from/content', 1, 0, 1700000600);
INSERT INTO reflections VALUES (1, 1, 'proactive/before/goals', 'I want to lead the migration project', 0, 2, 1700001000, 1700002000);
INSERT INTO reflection_versions VALUES (1, 1, 'I want to lead a project', 0, 1700001000);
INSERT INTO reflection_versions VALUES (1, 2, 'I want to lead the migration project', 0, 1700002000);
INSERT INTO reflections VALUES (2, 1, NULL, 'A private worry about visibility', 1, 1, 1700003000, 1700003000);
INSERT INTO reflection_versions VALUES (2, 1, 'A private worry about visibility', 1, 1700003000);
INSERT INTO reflections VALUES (3, 2, NULL, 'Bo notes on the roadmap', 0, 1, 1700003500, 1700003500);
INSERT INTO reflection_versions VALUES (3, 1, 'Bo notes on the roadmap', 0, 1700003500);
INSERT INTO meetings VALUES (1, 1, 1, 1700100000, 'ask about the staff role', 'she offered an intro', 'intro to the CTO', 1, 1700004000, 1700100100);
INSERT INTO meetings VALUES (2, 1, 1, 1900000000, 'follow up on the intro', '', '', 0, 1700100200, 1700100200);
INSERT INTO actions VALUES (1, 1, 1, 'send the design doc', 0, '2023-11-20', '', 1700100100);
INSERT INTO actions VALUES (2, 1, 1, 'introduce me to the CTO', 1, '', '2023-11-25', 1700100100);
INSERT INTO actions VALUES (3, 1, NULL, 'read her paper on compilers', 0, '', '', 1700100300);
COMMIT;
PRAGMA application_id = 1417107321;
PRAGMA user_version = 1;
