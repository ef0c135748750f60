/* The records a person keeps in twoway, as plain C structs.
 * The store fills them; the TUI, CLI and exports read them. Every char *
 * inside a record is owned by the record and freed by its *_free call. */
#ifndef TWOWAY_MODEL_H
#define TWOWAY_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Times are seconds since the Unix epoch (UTC); 0 means "not set". */
typedef int64_t tw_time;

struct tw_profile {
	int64_t id;
	char *name;    /* unique among live profiles */
	char *role;    /* role or team, may be "" */
	char *goals;   /* may be "" */
	tw_time created;
};

enum tw_stage {
	TW_STAGE_UNKNOWN = 0,
	TW_STAGE_MENTOR,
	TW_STAGE_STRATEGIZER,
	TW_STAGE_CONNECTOR,
	TW_STAGE_OPPORTUNITY_GIVER,
	TW_STAGE_SPONSOR,
};

struct tw_sponsor {
	int64_t id;
	int64_t profile_id;
	char *name;
	char *title;
	char *org;
	char *how_met;
	char *homework;  /* what they have published, what they care about */
	enum tw_stage stage; /* its one home: a check-up's stage rating sets it */
	tw_time stage_at;    /* when the stage was last set (0: never) */
	tw_time created;
	tw_time updated;
};

/* The check-up (the guide TW_CHECKUP_GUIDE) is answered in dated runs, one
 * sponsor each, repeated every few months; the answers of its items carry
 * the run the way the meeting walks' answers carry the meeting. */
#define TW_CHECKUP_GUIDE "checkup"
#define TW_CHECKUP_STAGE_ITEM "checkup/continuum/stage" /* rates the stage 1-5 */
struct tw_checkup {
	int64_t id;
	int64_t profile_id;
	int64_t sponsor_id;  /* 0: names no sponsor (a run migrated without one) */
	char *sponsor_name;  /* filled by reads ("" when none); ignored on writes */
	tw_time at;          /* the day it was taken */
	tw_time created;
};
/* Whether item_id (a full id) belongs to the check-up, so its answers
 * belong to a run. */
bool tw_checkup_item(const char *item_id);
void tw_checkup_finish(struct tw_checkup *c);
void tw_checkups_free(struct tw_checkup *v, size_t n);

struct tw_progress {
	int64_t profile_id;
	char *item_id;   /* guide/section/item */
	int64_t meeting_id; /* the meeting these answers belong to, 0: none */
	int64_t checkup_id; /* the check-up run (check-up items), 0: none */
	bool ticked;
	int rating;      /* 1-5, 0 when not rated */
	tw_time changed;
};

struct tw_reflection {
	int64_t id;
	int64_t profile_id;
	char *item_id;   /* NULL for a free-standing reflection */
	int64_t meeting_id; /* the meeting it answers for, 0: none */
	int64_t checkup_id; /* the check-up run it answers for, 0: none */
	char *text;      /* the current version (TW_PRIVATE_MARKER when hidden) */
	bool is_private; /* belongs to the reflection: every save keeps it */
	bool hidden;     /* a coach view withheld the text */
	bool locked;     /* text is sealed and the key is not open: text is the marker */
	int version;     /* 1 for a reflection saved once */
	tw_time created;
	tw_time updated;
};

struct tw_reflection_version {
	int64_t reflection_id;
	int version;
	char *text;      /* TW_PRIVATE_MARKER when hidden */
	bool is_private; /* private in every view a coach has */
	bool hidden;     /* a coach view withheld the text */
	int flag_change; /* 1: this save made it private, -1: public, 0: neither */
	bool locked;     /* as in tw_reflection */
	tw_time saved;
};

struct tw_meeting {
	int64_t id;
	int64_t profile_id;
	int64_t sponsor_id;
	char *sponsor_name; /* filled by reads, for display; ignored on writes */
	tw_time when;
	char *agenda;  /* the hand-written part only: what the agenda derives
			  (answers when this is blank, action items) is made
			  when shown (tw_agenda_render) */
	char *notes;
	char *outcome;
	char *keep;    /* the one item to keep if time runs short ("" none) */
	bool held;
	tw_time created;
	tw_time updated;
};

enum tw_owner {
	TW_OWNER_ME = 0,
	TW_OWNER_SPONSOR = 1,
};

struct tw_action {
	int64_t id;
	int64_t profile_id;
	int64_t meeting_id;  /* 0 for a free-standing action item */
	char *text;
	enum tw_owner owner;
	char due[11];        /* "YYYY-MM-DD" or "" */
	char done[11];       /* "YYYY-MM-DD" or "" when open */
	tw_time created;
	char *sponsor_name;  /* the meeting's sponsor, filled by reads for display
				(NULL when free-standing); ignored on writes */
	int64_t sponsor_id;  /* that sponsor's id, filled by reads while the
				meeting is live (0 otherwise); ignored on writes */
};

struct tw_coaching {
	int64_t id;
	int64_t profile_id;
	char *coach;
	tw_time started;
	tw_time ended;       /* 0 while running */
	char *notes;         /* the coach's own notes, never a sponsee reflection */
	char *covered;       /* what was covered, written when the session ends */
};

enum tw_record_kind {
	TW_REC_PROFILE,
	TW_REC_SPONSOR,
	TW_REC_REFLECTION,
	TW_REC_MEETING,
	TW_REC_ACTION,
	TW_REC_COACHING,
};

/* One full-text search hit. */
struct tw_hit {
	enum tw_record_kind kind; /* reflection, meeting, action or sponsor */
	int64_t id;
	int64_t profile_id;
	double rank;              /* lower is better (bm25) */
	char *title;              /* a short label: item id, sponsor and date, ... */
	char *snippet;            /* matched text with [ and ] around the hits */
	bool is_private;
};

/* A soft-deleted record, as listed before a purge. */
struct tw_deleted {
	enum tw_record_kind kind;
	int64_t id;
	char *label;
	tw_time deleted; /* when it (or, for a cascade, its parent) was deleted */
	bool cascade;    /* live itself: goes with its deleted profile or sponsor */
};

void tw_profile_finish(struct tw_profile *p);
void tw_sponsor_finish(struct tw_sponsor *s);
void tw_progress_finish(struct tw_progress *p);
void tw_reflection_finish(struct tw_reflection *r);
void tw_reflection_version_finish(struct tw_reflection_version *v);
void tw_meeting_finish(struct tw_meeting *m);
void tw_action_finish(struct tw_action *a);
void tw_coaching_finish(struct tw_coaching *c);
void tw_hit_finish(struct tw_hit *h);
void tw_deleted_finish(struct tw_deleted *d);

/* Frees an array returned by a list call: finishes each element, then frees
 * the array. NULL is a no-op. */
void tw_profiles_free(struct tw_profile *v, size_t n);
void tw_sponsors_free(struct tw_sponsor *v, size_t n);
void tw_progresses_free(struct tw_progress *v, size_t n);
void tw_reflections_free(struct tw_reflection *v, size_t n);
void tw_reflection_versions_free(struct tw_reflection_version *v, size_t n);
void tw_meetings_free(struct tw_meeting *v, size_t n);
void tw_actions_free(struct tw_action *v, size_t n);
void tw_coachings_free(struct tw_coaching *v, size_t n);
void tw_hits_free(struct tw_hit *v, size_t n);
void tw_deleteds_free(struct tw_deleted *v, size_t n);

/* Names used by the CLI and exports. */
const char *tw_stage_name(enum tw_stage stage);            /* "opportunity-giver" */
const char *tw_stage_label(enum tw_stage stage);           /* "Opportunity giver" */
bool tw_stage_parse(const char *s, enum tw_stage *out);     /* accepts both forms */
const char *tw_record_kind_name(enum tw_record_kind kind); /* "reflection" */

#endif
