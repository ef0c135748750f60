/* The queries of the JSON export (store_json.c writes what they give):
 * one per section of the file, in the file's order, and the versions of
 * the reflections the reflections section reads. */
#include "store_internal.h"

/* A reflection's (or version's) text, "private" in a coach's copy: every
 * version of a private reflection is private, whatever its own flag. */
#define PRIVATE(t) \
	"CASE WHEN ?2 AND (" t ".is_private OR r.is_private) THEN 'private' ELSE " t ".text END"

/* A sealed text and a locked profile's key material ride along in the
 * sponsee's copy only. */
#define SEALED(t) "CASE WHEN ?2 THEN NULL ELSE " t ".sealed END AS \"+sealed\""

/* One section of the file: its name and the query giving one record per
 * row; ?1 is the profile id, 0 for every profile; ?2 is 1 for a coach's
 * copy, where private text reads "private" and drafts stay out.
 * Each column is one member, named by its alias, in order: a value as
 * its SQL type gives it (NULL null, numbers, text a string); "?name" a
 * boolean; "+name" a blob written as lower-case hex, left out when NULL;
 * "lock.name" columns make the object "lock", left out when the first
 * is NULL; "*versions" the reflection's versions (the versions query);
 * "@profile" and "@sponsor" an id written as that record's uid (the
 * writer reads them all first, store_json.c): a row whose profile is not shown (an
 * import's stand-in) or whose sponsor has no row is left out, as the
 * joins these replace left it out. */

#define SHOWN(p) STORE_SHOWN(p)

const struct store_json_section store_json_sections[] = {
	{ "profiles",
	  "SELECT p.uid, p.id, p.name, p.role, p.goals, p.created, p.deleted_at,"
	  " k.public_key AS \"lock.public\", k.wrapped_key AS \"lock.key\","
	  " k.salt AS \"lock.salt\", k.opslimit AS \"lock.opslimit\","
	  " k.memlimit AS \"lock.memlimit\""
	  " FROM profiles p LEFT JOIN profile_keys k ON k.profile_id = p.id AND NOT ?2"
	  " WHERE (?1 = 0 OR p.id = ?1) AND " SHOWN("p") " ORDER BY p.id" },
	{ "sponsors",
	  "SELECT s.uid, s.id, s.profile_id AS \"@profile\", s.name, s.title, s.org, s.how_met,"
	  " s.homework,"
	  " CASE s.stage WHEN 1 THEN 'mentor' WHEN 2 THEN 'strategizer'"
	  "  WHEN 3 THEN 'connector' WHEN 4 THEN 'opportunity-giver' WHEN 5 THEN 'sponsor'"
	  "  ELSE 'unknown' END AS stage,"
	  " s.created, s.updated, s.deleted_at, s.stage_at AS stage_set"
	  " FROM sponsors s WHERE ?1 = 0 OR s.profile_id = ?1 ORDER BY s.id" },
	/* check-up runs; their answers name them ("checkup") */
	{ "checkups",
	  "SELECT c.uid, c.id, c.profile_id AS \"@profile\", s.uid AS sponsor, c.at, c.created"
	  " FROM checkups c LEFT JOIN sponsors s ON s.id = c.sponsor_id"
	  " WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY c.id" },
	{ "progress",
	  "SELECT g.profile_id AS \"@profile\", g.item_id AS item, g.ticked AS \"?ticked\","
	  " g.rating,"
	  " g.changed, (SELECT uid FROM meetings WHERE id = g.meeting_id) AS meeting,"
	  " (SELECT uid FROM checkups WHERE id = g.checkup_id) AS checkup"
	  " FROM progress g WHERE ?1 = 0 OR g.profile_id = ?1 ORDER BY g.profile_id, g.item_id" },
	{ "ratings",
	  "SELECT r.profile_id AS \"@profile\", r.item_id AS item, r.rating, r.at"
	  " FROM rating_history r WHERE ?1 = 0 OR r.profile_id = ?1 ORDER BY r.id" },
	{ "reflections",
	  "SELECT r.uid, r.id, r.profile_id AS \"@profile\", r.item_id AS item, " PRIVATE("r")
	  " AS text,"
	  " r.is_private AS \"?private\", r.version, r.created, r.updated, r.deleted_at,"
	  " (SELECT uid FROM meetings WHERE id = r.meeting_id) AS meeting,"
	  " (SELECT uid FROM checkups WHERE id = r.checkup_id) AS checkup,"
	  " r.id AS \"*versions\", " SEALED("r")
	  " FROM reflections r WHERE ?1 = 0 OR r.profile_id = ?1 ORDER BY r.id" },
	{ "drafts",
	  "SELECT d.profile_id AS \"@profile\", d.item_id AS item, d.text, d.saved,"
	  " d.is_private AS \"?private\", " SEALED("d")
	  " FROM drafts d WHERE (?1 = 0 OR d.profile_id = ?1) AND NOT ?2 ORDER BY d.profile_id, d.item_id" },
	{ "meetings",
	  "SELECT m.uid, m.id, m.profile_id AS \"@profile\", m.sponsor_id AS \"@sponsor\", m.at,"
	  " m.agenda, m.notes, m.outcome, m.keep, m.held AS \"?held\", m.created, m.updated,"
	  " m.deleted_at FROM meetings m WHERE ?1 = 0 OR m.profile_id = ?1 ORDER BY m.id" },
	{ "actions",
	  "SELECT a.uid, a.id, a.profile_id AS \"@profile\", m.uid AS meeting, a.text,"
	  " CASE a.owner WHEN 1 THEN 'sponsor' ELSE 'me' END AS owner,"
	  " a.due, a.done, a.created, a.deleted_at"
	  " FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id"
	  " WHERE ?1 = 0 OR a.profile_id = ?1 ORDER BY a.id" },
	{ "coaching",
	  "SELECT c.uid, c.id, c.profile_id AS \"@profile\", c.coach, c.started, c.ended,"
	  " c.notes, c.covered, c.deleted_at"
	  " FROM coaching c WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY c.id" },
	/* what each session covered: item ids and ratings, never any text */
	{ "coaching_events",
	  "SELECT c.uid AS coaching, e.item_id AS item, e.what, e.value, e.at"
	  " FROM coaching_events e JOIN coaching c ON c.id = e.coaching_id"
	  " WHERE ?1 = 0 OR c.profile_id = ?1 ORDER BY e.coaching_id, e.id" },
};

/* Every version of the reflections the reflections section reads, in the
 * same order (by reflection id, then version); the first column is the
 * reflection and is not written. */
const char store_json_versions_sql[] =
	"SELECT v.reflection_id, v.version, " PRIVATE("v") " AS text,"
	" v.is_private OR r.is_private AS \"?private\", v.saved, " SEALED("v")
	/* the current version's text is the reflection's (STORE_VTEXT) */
	" FROM (SELECT x.reflection_id, x.version, x.is_private, x.saved,"
	"  " STORE_VTEXT("x", "y") " AS text, " STORE_VSEALED("x", "y") " AS sealed"
	"  FROM reflection_versions x JOIN reflections y ON y.id = x.reflection_id) v"
	" JOIN reflections r ON r.id = v.reflection_id"
	" WHERE ?1 = 0 OR r.profile_id = ?1 ORDER BY v.reflection_id, v.version";

const size_t store_json_sections_count =
	sizeof store_json_sections / sizeof store_json_sections[0];
