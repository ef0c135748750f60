/* The local store: one SQLite database holding every record of twoway.
 * Only src/core/store*.c include sqlite3.h. Every call takes the open store
 * and a tw_error to fill on failure; success is `true` (or a non-NULL
 * result). Records come back as model structs the caller finishes/frees. */
#ifndef TWOWAY_STORE_H
#define TWOWAY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "twoway/diag.h"
#include "twoway/model.h"

#define TW_STORE_SCHEMA_VERSION 16

struct tw_store; /* opaque */

/* Who reads through a store handle, chosen once when it is opened.
 * TW_VIEW_COACH is the view of everything a coach sees (coach mode, the
 * coaching summary, coach JSON): no read function of such a handle returns
 * the text of a private reflection, of any private version or of a private
 * draft; each reads TW_PRIVATE_MARKER instead (and the record says
 * is_private and hidden). A coach handle also cannot change a reflection's
 * private flag, nor write over a private reflection or its draft. */
enum tw_view {
	TW_VIEW_OWNER = 0, /* the sponsee: every record as stored */
	TW_VIEW_COACH,     /* a coach at the screen or reading a coach's file */
};
#define TW_PRIVATE_MARKER "(private)"

/* Whether a save makes a reflection private. Private belongs to the
 * reflection, not to one save: TW_PRIVACY_KEEP (0, also what `false`
 * means) keeps the reflection's flag (a new reflection is public);
 * TW_PRIVACY_PRIVATE (1, `true`) and TW_PRIVACY_PUBLIC change it
 * explicitly. Making a reflection private makes every earlier version
 * private too; making it public again shows its newest text only. */
enum tw_privacy {
	TW_PRIVACY_KEEP = 0,
	TW_PRIVACY_PRIVATE = 1,
	TW_PRIVACY_PUBLIC = 2,
};

/* The default database path: $XDG_DATA_HOME/twoway/twoway.db, or
 * ~/.local/share/twoway/twoway.db. Returns a string the caller frees. */
char *tw_store_default_path(void);

/* Opens (creating when missing, with its directory at mode 0700 and the
 * files at 0600) and migrates the database at path. A file that is not a
 * twoway database, a corrupt one or one from a newer twoway is refused
 * with TW_ERR_FOREIGN / TW_ERR_CORRUPT / TW_ERR_TOO_NEW and left untouched.
 * Returns NULL on failure. */
struct tw_store *tw_store_open(const char *path, struct tw_error *err);
/* tw_store_open with the view chosen (tw_store_open is TW_VIEW_OWNER). */
struct tw_store *tw_store_open_view(const char *path, enum tw_view view,
				    struct tw_error *err);
enum tw_view tw_store_view(const struct tw_store *st);
void tw_store_close(struct tw_store *st); /* NULL is a no-op */
const char *tw_store_path(const struct tw_store *st); /* borrowed */

/* Limits the handle to one profile: from now on every call that takes a
 * record's bare id (sponsor, reflection, meeting, action item, coaching
 * session: get, update, done, held, history, restore, marks) refuses a
 * record of another profile with TW_ERR_NOTFOUND, as if it were not
 * there. The CLI scopes its handle to the profile it resolved, the app to
 * the profile it works in (and follows it when that changes). 0 lifts the
 * limit (the default: tools and import/export read across profiles). */
void tw_store_scope(struct tw_store *st, int64_t profile_id);
int64_t tw_store_scope_of(const struct tw_store *st);

/* How a short-lived handle (the CLI: one command, then exit) reads its
 * pages; without a call, read calls into a page cache of 4 MiB (the app).
 * Which is faster depends on how often a command reads each page again:
 * on the 2-core VM the benchmarks run on, each fresh page a process
 * touches costs ~12 us (a mapped page of the file ~3 us), a read call ~2.
 *
 * tw_store_map_reads: through a memory map (up to 256 MiB), for a command
 * that reads pages again and again in no order (a listing that looks up
 * each item's meeting): a page costs its first touch only. The price: a
 * page the system cannot read (a failing disk, the file cut short by
 * something that is not SQLite) raises SIGBUS instead of returning an
 * error, so only a caller that handles SIGBUS calls this.
 *
 * tw_store_stream_reads: read calls into a page cache of 16 pages whose
 * buffers are used again, for a command that reads most pages once, in
 * order (an export, a search): no fresh memory per page, and an
 * unreadable page is an error like any other. On a join that looks pages
 * up in no order it is slower than the map (each miss is a read call).
 *
 * Both are for reading; writes still go through write calls. False with
 * err set on failure. */
bool tw_store_map_reads(struct tw_store *st, struct tw_error *err);
bool tw_store_stream_reads(struct tw_store *st, struct tw_error *err);

/* A one-line notice of what opening changed on disk, or NULL: the
 * database, its -wal or -shm were readable by others and are now 0600, or
 * the data directory was looser than 0700 (the caller shows it). Borrowed;
 * lives as long as the store. */
const char *tw_store_notice(const struct tw_store *st);

/* The schema version found on disk before migration (0 for a new file). */
int tw_store_found_version(const struct tw_store *st);

/* True when another process (another window, the CLI) has committed a
 * change since the previous call; the first call only starts watching.
 * Cheap enough to ask twice a second. */
bool tw_store_changed(struct tw_store *st);

/* Runs PRAGMA integrity_check and the search index's own check against
 * the records; true when both say ok. */
bool tw_store_check(struct tw_store *st, struct tw_error *err);

/* ---- profiles ---- */
/* Adds a profile; fills *id. TW_ERR_EXISTS when the name is taken. */
bool tw_store_profile_add(struct tw_store *st, const char *name, const char *role,
			  const char *goals, int64_t *id, struct tw_error *err);
bool tw_store_profile_list(struct tw_store *st, struct tw_profile **out, size_t *n,
			   struct tw_error *err);
bool tw_store_profile_get(struct tw_store *st, int64_t id, struct tw_profile *out,
			  struct tw_error *err);
bool tw_store_profile_find(struct tw_store *st, const char *name, struct tw_profile *out,
			   struct tw_error *err); /* TW_ERR_NOTFOUND when absent */
bool tw_store_profile_update(struct tw_store *st, const struct tw_profile *p,
			     struct tw_error *err);
/* The profile in use (set by tw_store_profile_use); when none is set yet,
 * the first live profile, and when there is none a "default" profile is
 * created (named after $USER when set). */
bool tw_store_profile_current(struct tw_store *st, struct tw_profile *out,
			      struct tw_error *err);
bool tw_store_profile_use(struct tw_store *st, int64_t id, struct tw_error *err);

/* ---- sponsors ---- */
/* s->profile_id must be set; fills s->id, created, updated. */
bool tw_store_sponsor_add(struct tw_store *st, struct tw_sponsor *s, struct tw_error *err);
bool tw_store_sponsor_update(struct tw_store *st, const struct tw_sponsor *s,
			     struct tw_error *err);
bool tw_store_sponsor_list(struct tw_store *st, int64_t profile_id, struct tw_sponsor **out,
			   size_t *n, struct tw_error *err);
bool tw_store_sponsor_get(struct tw_store *st, int64_t id, struct tw_sponsor *out,
			  struct tw_error *err);
/* Finds a live sponsor of the profile by name, case-insensitively (Unicode
 * case folding): the whole name, else the leading whole words of a name
 * ("dana" finds Dana Lee), else, when name is all digits, by id. A name two
 * live sponsors share is TW_ERR_INVALID, the message naming them ("'dana'
 * names 2 sponsors: 3 Dana Lee, 7 Dana Ruiz; use the id"); no match is
 * TW_ERR_NOTFOUND. The one resolution every command and screen uses. */
bool tw_store_sponsor_find(struct tw_store *st, int64_t profile_id, const char *name,
			   struct tw_sponsor *out, struct tw_error *err);

/* ---- progress (never dropped when content changes) ---- */
bool tw_store_progress_tick(struct tw_store *st, int64_t profile_id, const char *item_id,
			    bool ticked, struct tw_error *err);
/* rating 1-5, or 0 to clear. */
bool tw_store_progress_rate(struct tw_store *st, int64_t profile_id, const char *item_id,
			    int rating, struct tw_error *err);
/* Every progress row of the profile not tied to a meeting or a check-up
 * run, ordered by item id. */
bool tw_store_progress_list(struct tw_store *st, int64_t profile_id, struct tw_progress **out,
			    size_t *n, struct tw_error *err);
/* The rating history of one item (every rate call kept), oldest first. */
bool tw_store_rating_history(struct tw_store *st, int64_t profile_id, const char *item_id,
			     int **ratings, tw_time **when, size_t *n, struct tw_error *err);

/* ---- check-up runs ----
 * A check-up (tw_checkup_item) is taken on a day with one sponsor and
 * repeated every few months; each run keeps its own ticks, ratings and
 * reflections: pass the run's id as meeting_id to the _in calls below for
 * check-up items (their "last time" is the same sponsor's run before).
 * Rating TW_CHECKUP_STAGE_ITEM in a run sets the sponsor record's stage
 * and its date (unless a later run of that sponsor exists): the stage has
 * one home, the record. */
/* Starts a run with the profile's live sponsor sponsor_id dated at; fills
 * *id. */
bool tw_store_checkup_start(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			    tw_time at, int64_t *id, struct tw_error *err);
/* The profile's runs (sponsor_id 0: every sponsor's; a deleted sponsor's
 * runs are left out), oldest first (by date, then id). Free with
 * tw_checkups_free. */
bool tw_store_checkup_list(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			   struct tw_checkup **out, size_t *n, struct tw_error *err);
/* One run of the profile; TW_ERR_NOTFOUND for another profile's or none. */
bool tw_store_checkup_get(struct tw_store *st, int64_t profile_id, int64_t id,
			  struct tw_checkup *out, struct tw_error *err);
/* The id of the latest run (of sponsor_id, 0: any), 0 when there is none. */
bool tw_store_checkup_latest(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			     int64_t *id, struct tw_error *err);
/* The progress rows of one run, ordered by item id. */
bool tw_store_progress_list_checkup(struct tw_store *st, int64_t profile_id, int64_t checkup_id,
				    struct tw_progress **out, size_t *n, struct tw_error *err);

/* ---- answers per meeting ----
 * The before- and after-meeting walks are answered once per meeting (see
 * tw_agenda_per_meeting): their ticks, ratings and reflections carry the
 * meeting they prepare or debrief. meeting_id 0 is "no meeting", which is
 * what the calls above without _in read and write; any other id must be a
 * live meeting of the profile (TW_ERR_NOTFOUND otherwise). The same
 * privacy rules hold: these are the reflections of the calls below. */
bool tw_store_progress_tick_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       const char *item_id, bool ticked, struct tw_error *err);
bool tw_store_progress_rate_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       const char *item_id, int rating, struct tw_error *err);
/* The progress rows of one meeting (0: none), ordered by item id. */
bool tw_store_progress_list_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			       struct tw_progress **out, size_t *n, struct tw_error *err);
/* What "last time" held for item_id: the progress row of the latest
 * meeting before meeting_id (by time, then id) that has one, else the row
 * tied to no meeting (meeting_id 0). Fills *out (the caller finishes it);
 * TW_ERR_NOTFOUND when there is none. */
bool tw_store_progress_last_time(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				 const char *item_id, struct tw_progress *out,
				 struct tw_error *err);
bool tw_store_reflection_save_in(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				 const char *item_id, const char *text, enum tw_privacy privacy,
				 int64_t *id, struct tw_error *err);
bool tw_store_reflection_get_item_in(struct tw_store *st, int64_t profile_id,
				     int64_t meeting_id, const char *item_id,
				     struct tw_reflection *out, struct tw_error *err);
/* The reflection on item_id of the latest meeting before meeting_id (by
 * time, then id) that has one, else the one tied to no meeting, as the
 * handle's view reads it (a coach view gets the marker for a private one);
 * out->meeting_id names that meeting (0: none). TW_ERR_NOTFOUND when there
 * is none. */
bool tw_store_reflection_last_time(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
				   const char *item_id, struct tw_reflection *out,
				   struct tw_error *err);

/* ---- reflections (every save keeps the previous version) ---- */
/* Saves text as the newest version of the profile's reflection on item_id
 * (item_id NULL: a new free-standing reflection). Empty or blank text and
 * invalid UTF-8 are TW_ERR_INVALID. Fills *id when not NULL. privacy keeps
 * or changes the reflection's flag (see enum tw_privacy); a change of the
 * flag alone (same text) is kept as a new version, so history shows it.
 * Through a coach view: TW_ERR_PRIVATE for a private reflection or for any
 * change of the flag. */
bool tw_store_reflection_save(struct tw_store *st, int64_t profile_id, const char *item_id,
			      const char *text, enum tw_privacy privacy, int64_t *id,
			      struct tw_error *err);
/* Saves text as the newest version of the live reflection id (free-standing
 * or not), as tw_store_reflection_save does; TW_ERR_NOTFOUND for an unknown
 * or deleted id. */
bool tw_store_reflection_update(struct tw_store *st, int64_t id, const char *text,
				enum tw_privacy privacy, struct tw_error *err);
/* The live reflection on item_id; TW_ERR_NOTFOUND when there is none.
 * Through a coach view a private one reads TW_PRIVATE_MARKER (hidden). */
bool tw_store_reflection_get_item(struct tw_store *st, int64_t profile_id, const char *item_id,
				  struct tw_reflection *out, struct tw_error *err);
bool tw_store_reflection_get(struct tw_store *st, int64_t id, struct tw_reflection *out,
			     struct tw_error *err);
/* Live reflections of the profile, newest update first; limit 0 = all. */
bool tw_store_reflection_list(struct tw_store *st, int64_t profile_id, size_t limit,
			      struct tw_reflection **out, size_t *n, struct tw_error *err);
/* The live answers of the profile given for a meeting: reflections on an
 * item with a meeting and no check-up run (what a meeting's agenda is made
 * from when its hand part is blank), in no set order. Read as
 * tw_store_reflection_list reads them; *out is the caller's to free with
 * tw_reflections_free. */
bool tw_store_reflection_answers(struct tw_store *st, int64_t profile_id,
				 struct tw_reflection **out, size_t *n, struct tw_error *err);
/* Every version, oldest first (a coach view: private ones hidden). */
bool tw_store_reflection_history(struct tw_store *st, int64_t reflection_id,
				 struct tw_reflection_version **out, size_t *n,
				 struct tw_error *err);
/* Makes version's text the newest version (history keeps everything); the
 * reflection keeps its private flag. TW_ERR_PRIVATE through a coach view
 * on a private reflection. */
bool tw_store_reflection_restore(struct tw_store *st, int64_t reflection_id, int version,
				 struct tw_error *err);

/* Drafts: the editor's autosave, one per profile and item ("" for a new
 * free-standing reflection). A draft never replaces a saved reflection; it
 * carries the private flag the editor showed, and a draft of a private
 * reflection is private whatever is_private says. Through a coach view a
 * private draft cannot be written (TW_ERR_PRIVATE). */
bool tw_store_draft_put(struct tw_store *st, int64_t profile_id, const char *item_id,
			const char *text, bool is_private, struct tw_error *err);
/* *text is NULL when there is no draft; otherwise the caller frees it.
 * is_private (may be NULL) gets the draft's flag. A coach view reads a
 * private draft as TW_PRIVATE_MARKER. */
bool tw_store_draft_get(struct tw_store *st, int64_t profile_id, const char *item_id,
			char **text, bool *is_private, struct tw_error *err);
bool tw_store_draft_drop(struct tw_store *st, int64_t profile_id, const char *item_id,
			 struct tw_error *err);

/* ---- meetings ---- */
/* m->profile_id, sponsor_id and when must be set; fills m->id. */
bool tw_store_meeting_add(struct tw_store *st, struct tw_meeting *m, struct tw_error *err);
bool tw_store_meeting_update(struct tw_store *st, const struct tw_meeting *m,
			     struct tw_error *err);
bool tw_store_meeting_get(struct tw_store *st, int64_t id, struct tw_meeting *out,
			  struct tw_error *err);
/* Live meetings of the profile by time; which: 0 all, 1 planned, 2 held. */
bool tw_store_meeting_list(struct tw_store *st, int64_t profile_id, int which,
			   struct tw_meeting **out, size_t *n, struct tw_error *err);
/* *clash: the id of a live meeting of the profile with sponsor_id at the
 * same time when, other than meeting except (0: none), or 0 when there is
 * none. Double bookings are the caller's to ask about. */
bool tw_store_meeting_clash(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			    tw_time when, int64_t except, int64_t *clash, struct tw_error *err);
/* The first planned meeting at or after now; TW_ERR_NOTFOUND when none. */
bool tw_store_meeting_next(struct tw_store *st, int64_t profile_id, tw_time now,
			   struct tw_meeting *out, struct tw_error *err);
/* Planned meetings whose time (before now) has passed, waiting for a
 * debrief: how many in *count and, when there is one, the latest by time
 * then id in *latest (the caller frees it with tw_meeting_finish). */
bool tw_store_meeting_due(struct tw_store *st, int64_t profile_id, tw_time now,
			  struct tw_meeting *latest, size_t *count, struct tw_error *err);
/* The meeting a per-meeting guide is walked for (tw_agenda_walk_meeting
 * says which), by meetings' order (time, then id); *id 0 when the profile
 * has no live meeting. */
bool tw_store_meeting_pick(struct tw_store *st, int64_t profile_id, bool before, tw_time now,
			   int64_t *id, struct tw_error *err);
bool tw_store_meeting_mark_held(struct tw_store *st, int64_t id, const char *notes,
				const char *outcome, struct tw_error *err);

/* ---- action items ---- */
/* a->profile_id and text must be set; due "" or YYYY-MM-DD; fills a->id. */
bool tw_store_action_add(struct tw_store *st, struct tw_action *a, struct tw_error *err);
/* done "" reopens; NULL means today (local date). */
bool tw_store_action_done(struct tw_store *st, int64_t id, const char *done,
			  struct tw_error *err);
/* Changes text, owner, due date and meeting (0: none) of the live action
 * item a->id; its profile and done date stay. The meeting must be a live
 * one of the item's profile. */
bool tw_store_action_update(struct tw_store *st, const struct tw_action *a,
			    struct tw_error *err);
/* A live action item by id (with its sponsor's name); TW_ERR_NOTFOUND. */
bool tw_store_action_get(struct tw_store *st, int64_t id, struct tw_action *out,
			 struct tw_error *err);
/* TW_ACTIONS_OPEN_MEETINGS: the open items of live meetings (what agendas
 * derive), in TW_ACTIONS_OPEN's order. */
enum tw_action_filter { TW_ACTIONS_ALL, TW_ACTIONS_OPEN, TW_ACTIONS_OVERDUE,
			TW_ACTIONS_OPEN_MEETINGS };
/* today is "YYYY-MM-DD" (used by OVERDUE); meeting_id 0 = any. Ordered by
 * due date (undated last), then id. */
bool tw_store_action_list(struct tw_store *st, int64_t profile_id, int64_t meeting_id,
			  enum tw_action_filter filter, const char *today,
			  struct tw_action **out, size_t *n, struct tw_error *err);

/* ---- coaching sessions ---- */
bool tw_store_coaching_start(struct tw_store *st, int64_t profile_id, const char *coach,
			     int64_t *id, struct tw_error *err);
bool tw_store_coaching_notes(struct tw_store *st, int64_t id, const char *notes,
			     struct tw_error *err);
bool tw_store_coaching_end(struct tw_store *st, int64_t id, const char *covered,
			   struct tw_error *err);
bool tw_store_coaching_get(struct tw_store *st, int64_t id, struct tw_coaching *out,
			   struct tw_error *err);
bool tw_store_coaching_list(struct tw_store *st, int64_t profile_id,
			    struct tw_coaching **out, size_t *n, struct tw_error *err);

/* ---- what a coaching session covered (store_coaching_events.c) ----
 * Coach mode marks each item as it happens, one transaction per mark, so a
 * session run over several sittings (or cut short by a crash or a kill)
 * keeps what every sitting covered. Only item ids and what was done are
 * stored, never a reflection's text. */
enum tw_coach_mark {
	TW_MARK_VISITED,   /* the item had the focus */
	TW_MARK_TICKED,    /* a check item was ticked */
	TW_MARK_RATED,     /* a rate item was rated (value: the rating) */
	TW_MARK_REFLECTED, /* the sponsee saved a reflection on the item */
};
#define TW_MARK_COUNT 4

struct tw_coaching_event {
	char *item_id;           /* guide/section/item */
	enum tw_coach_mark what;
	int value;               /* the latest rating (1-5) for TW_MARK_RATED, else 0 */
	tw_time at;              /* first marked; for a rating, when last rated */
};
void tw_coaching_events_free(struct tw_coaching_event *v, size_t n); /* NULL: no-op */
const char *tw_coach_mark_name(enum tw_coach_mark what); /* "visited", ... */

/* Marks item_id as what in the running session id. Visited, ticked and
 * reflected are kept once per item (marking again changes nothing); a
 * rating (value 1-5) replaces the session's earlier rating of the item.
 * value must be 0 for the other marks. TW_ERR_NOTFOUND for an unknown or
 * deleted session, TW_ERR_INVALID for an ended one or bad input. */
bool tw_store_coaching_mark(struct tw_store *st, int64_t id, const char *item_id,
			    enum tw_coach_mark what, int value, struct tw_error *err);
/* Takes a mark back (an item unticked, a rating cleared in the session);
 * a mark that is not there is not an error. Same checks as the mark. */
bool tw_store_coaching_unmark(struct tw_store *st, int64_t id, const char *item_id,
			      enum tw_coach_mark what, struct tw_error *err);
/* Every mark of session id (live, running or ended), in the order first
 * marked; the caller frees *out with tw_coaching_events_free.
 * TW_ERR_NOTFOUND for an unknown or deleted session. */
bool tw_store_coaching_covered(struct tw_store *st, int64_t id,
			       struct tw_coaching_event **out, size_t *n,
			       struct tw_error *err);
/* The reflection on item_id that session id's "reflected" mark stands
 * for (a mark names the item, not the meeting or check-up run it was
 * answered in): of the profile's live answers to the item, the one saved
 * last while the session ran; else the profile's own (untied) one; else
 * the one of the latest check-up run. Read like tw_store_reflection_get
 * (a coach view reads a private one's text as TW_PRIVATE_MARKER); the
 * caller finishes *out. TW_ERR_NOTFOUND when there is none. */
bool tw_store_coaching_reflection(struct tw_store *st, int64_t id, const char *item_id,
				  struct tw_reflection *out, struct tw_error *err);

/* ---- search ---- */
/* FTS5 over reflections, meetings, action items and sponsors (name, title,
 * organisation, how you met, homework notes; kind TW_REC_SPONSOR, title the
 * name) of one profile (profile_id 0: all), best first, at most limit hits (0: 50). The query is
 * plain words, not FTS syntax: each word must appear (prefix match on the
 * last one). A coach view never looks in private reflections. */
bool tw_store_search(struct tw_store *st, int64_t profile_id, const char *query,
		     size_t limit, struct tw_hit **out, size_t *n, struct tw_error *err);

/* ---- soft delete, undo, purge ----
 * Profiles are a boundary: each call acts within profile_id, and a record
 * of another profile is TW_ERR_NOTFOUND as if it were not there. A
 * profile itself belongs to no profile (profile_id is not used for
 * TW_REC_PROFILE). Deleting a sponsor deletes their meetings with them;
 * undeleting brings those back. */
bool tw_store_delete(struct tw_store *st, int64_t profile_id, enum tw_record_kind kind,
		     int64_t id, struct tw_error *err);
bool tw_store_undelete(struct tw_store *st, int64_t profile_id, enum tw_record_kind kind,
		       int64_t id, struct tw_error *err);
/* Every record a purge of profile_id would remove, by kind (profiles
 * first), then id: the deleted records of the profile and, marked
 * cascade, the live ones that go with them (meetings of a deleted
 * sponsor). profile_id 0 is the whole database: also every deleted
 * profile and, as cascades, every record in it. */
bool tw_store_deleted_list(struct tw_store *st, int64_t profile_id, struct tw_deleted **out,
			   size_t *n, struct tw_error *err);
/* Removes for good exactly what tw_store_deleted_list lists for
 * profile_id (0: the whole database); *count is that many records. */
bool tw_store_purge(struct tw_store *st, int64_t profile_id, size_t *count,
		    struct tw_error *err);
/* The Trash of one profile: its deleted records, newest first; a meeting
 * deleted with its sponsor is not listed on its own (the sponsor's label
 * says "(and N meetings)": they come back together); a private
 * reflection's label holds no text. The caller frees with tw_deleteds_free. */
bool tw_store_trash_list(struct tw_store *st, int64_t profile_id, struct tw_deleted **out,
			 size_t *n, struct tw_error *err);
/* The live meetings of profile_id that deleting sponsor sponsor_id would
 * take along (0 for a sponsor of another profile). */
bool tw_store_sponsor_meeting_count(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
				    size_t *count, struct tw_error *err);

/* ---- batches (added by the store) ----
 * Groups many writes into one transaction (bulk loads, imports): every call
 * between begin and commit joins it, each call still all-or-nothing on its
 * own (a savepoint). Nothing is saved until tw_store_batch_commit;
 * tw_store_batch_rollback drops the whole batch. */
bool tw_store_batch_begin(struct tw_store *st, struct tw_error *err);
bool tw_store_batch_commit(struct tw_store *st, struct tw_error *err);
void tw_store_batch_rollback(struct tw_store *st); /* no-op without a batch */

/* ---- JSON export and import (added by exports, store_json*.c) ----
 * The file: {"app": "twoway", "schema": N, "profiles": [...], "sponsors":
 * [...], "progress", "ratings", "reflections" (each with its "versions"),
 * "drafts", "meetings", "actions", "coaching", "coaching_events"}. Records
 * carry their uid, the identity import matches on; references name the
 * parent's uid (a coaching event is matched by its session, item and what). */

/* The whole database (profile_id 0) or one live profile as JSON, one record
 * per line in id order, private reflections included (this is the sponsee's
 * own copy); through a coach view, the coach's copy below. *out is the
 * caller's to free; *len its length. */
bool tw_store_export_json(struct tw_store *st, int64_t profile_id, char **out, size_t *len,
			  struct tw_error *err);
/* The same for a coach (coach-facing): the file says "coach": true, the text
 * of every private reflection and of each of its versions (whatever the
 * version's own flag) reads "private", and drafts (unsaved text) are left
 * out. Importable like the full export. */
bool tw_store_export_json_coach(struct tw_store *st, int64_t profile_id, char **out,
				size_t *len, struct tw_error *err);
/* Either export (coach: the coach's copy; a coach view gives it whatever
 * coach says) appended to b, which may have a sink (twoway/export.h) that
 * takes it as it is made, so memory stays small however large the file.
 * On failure b may hold, or its sink have taken, part of the export. */
struct tw_buf;
bool tw_store_export_json_into(struct tw_store *st, int64_t profile_id, bool coach,
			       struct tw_buf *b, struct tw_error *err);

struct tw_import_stats {
	size_t records;   /* records in the file (reflection versions included) */
	size_t added;     /* records that were new here and were added */
	size_t conflicts; /* reflections left out: the item already has another
			     live reflection in that profile here */
};

/* Imports a JSON export in one transaction: into an empty database it
 * restores every record exactly (ids too); into a non-empty one it adds only
 * records whose uid is not there yet (a profile whose name is taken by a
 * live profile merges into it), so importing a file twice changes nothing.
 * A malformed file is refused with one located problem (path:line:column
 * for syntax, the record's place such as "meetings[2]" for content) in
 * diags, and nothing is changed. */
bool tw_store_import_json(struct tw_store *st, const char *buf, size_t len, const char *path,
			  struct tw_import_stats *stats, struct tw_diags *diags);

/* The uids of every record of a kind (of one profile, or every profile
 * with profile_id 0), giving one to those that have none, in one
 * transaction: an array sorted by id (free it with tw_uids_free). */
struct tw_uid {
	int64_t id;
	char *uid;
};
bool tw_store_uids(struct tw_store *st, enum tw_record_kind kind, int64_t profile_id,
		   struct tw_uid **out, size_t *n, struct tw_error *err);
/* The uid of id in a sorted array from tw_store_uids, NULL when absent. */
const char *tw_uids_find(const struct tw_uid *v, size_t n, int64_t id);
void tw_uids_free(struct tw_uid *v, size_t n);

/* The live meetings of a profile for a calendar, in one read of the
 * sponsors' names and one of the meetings (by time, then id), after giving
 * every meeting without a uid one: fn is called
 * once per meeting with a row whose strings belong to the store and last
 * only until fn returns; fn returns false to stop (then this returns
 * false, err as fn left it). Without with_ids every row's id is 0 (the
 * read is cheaper: a calendar needs the ids only to find answers). */
struct tw_meeting_row {
	int64_t id;
	const char *uid;
	int64_t sponsor_id;
	const char *sponsor_name;
	const char *agenda; /* "" when none */
	tw_time when;
	tw_time created;
	tw_time updated; /* 0 when never */
};
bool tw_store_meeting_rows(struct tw_store *st, int64_t profile_id, bool with_ids,
			   bool (*fn)(const struct tw_meeting_row *m, void *ctx, struct tw_error *err),
			   void *ctx, struct tw_error *err);
/* *yes: some live meeting of the profile has one of the answers
 * tw_store_reflection_answers reads (what an agenda with a blank hand part
 * is made from), so an export of the agendas needs the content library. */
bool tw_store_meetings_answered(struct tw_store *st, int64_t profile_id, bool *yes,
				struct tw_error *err);

/* ---- the profile lock: private text sealed at rest (store_lock.c) ----
 * A locked profile stores the text of every private reflection, each of its
 * private versions and its drafts sealed to the profile's public key:
 * writing needs no passphrase, reading needs the key opened with it. Reads
 * of sealed text without the open key give TW_SEAL_MARKER (twoway/seal.h)
 * with `locked` set on the record, never the sealed bytes. */
enum tw_lock_state {
	TW_LOCK_NONE,   /* the profile is not locked */
	TW_LOCK_SEALED, /* locked; its key is not open in this store handle */
	TW_LOCK_OPEN,   /* locked; the key is open: reads give the text */
};
struct tw_lock_report {
	size_t sealed;  /* rows (reflections, versions, drafts) sealed now */
	bool wal_clean; /* the -wal was emptied (false: another window held it) */
	size_t backups_sealed;  /* backups rewritten with the private text sealed */
	size_t backups_removed; /* backups that could not be: zeroed and removed */
};
/* Locks a live profile with passphrase (at least TW_SEAL_PASS_MIN bytes):
 * makes its key pair, seals its existing private text, then scrubs the
 * plaintext (secure_delete, search index merged, VACUUM, WAL truncated),
 * and does the same in every backup of the database (one that cannot be
 * rewritten is zeroed and removed). The key stays open in st.
 * TW_ERR_EXISTS when already locked. */
bool tw_store_profile_lock(struct tw_store *st, int64_t profile_id, const char *passphrase,
			   struct tw_lock_report *rep, struct tw_error *err);
/* Opens the profile's key for reads through st (until close or
 * tw_store_profile_key_close). TW_ERR_PASSPHRASE for a wrong passphrase,
 * TW_ERR_INVALID when the profile is not locked. */
bool tw_store_profile_key_open(struct tw_store *st, int64_t profile_id, const char *passphrase,
			       struct tw_error *err);
void tw_store_profile_key_close(struct tw_store *st, int64_t profile_id);
bool tw_store_profile_lock_state(struct tw_store *st, int64_t profile_id,
				 enum tw_lock_state *state, struct tw_error *err);
/* Text sealed outside the database (a recovery file): when profile_id is
 * locked, *blob (malloc'd, the caller frees) gets text sealed to its public
 * key, *len its length; when it is not locked *blob is NULL. No passphrase
 * is needed. */
bool tw_store_profile_seal_text(struct tw_store *st, int64_t profile_id, const char *text,
				unsigned char **blob, size_t *len, struct tw_error *err);
/* Opens such a blob with profile_id's open key into *text (the caller
 * frees): TW_ERR_LOCKED when the key is not open, TW_ERR_CORRUPT when the
 * blob was sealed to another key or damaged. */
bool tw_store_profile_open_text(struct tw_store *st, int64_t profile_id,
				const unsigned char *blob, size_t len, char **text,
				struct tw_error *err);
/* Wraps the key again under new_pass, in the database and in its backups
 * (so a restored backup opens with the new passphrase); the sealed text is
 * untouched. */
bool tw_store_profile_passwd(struct tw_store *st, int64_t profile_id, const char *old_pass,
			     const char *new_pass, struct tw_error *err);
/* Opens every sealed text of the profile back to plain text and removes
 * the lock; *opened counts the rows. Needs the passphrase. */
bool tw_store_profile_unlock(struct tw_store *st, int64_t profile_id, const char *passphrase,
			     size_t *opened, struct tw_error *err);
/* Live reflections of a live profile (0: all) whose text is sealed: search
 * cannot look in them. */
bool tw_store_sealed_count(struct tw_store *st, int64_t profile_id, size_t *n,
			   struct tw_error *err);

/* The stable uid of a record (UUID-shaped); the caller frees *uid. */
bool tw_store_uid(struct tw_store *st, enum tw_record_kind kind, int64_t id, char **uid,
		  struct tw_error *err);

#endif
