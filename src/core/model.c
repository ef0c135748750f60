/* The model records' finish/free functions and the names of stages and
 * record kinds used by the CLI and the exports. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "twoway/model.h"

void tw_profile_finish(struct tw_profile *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->role);
	free(p->goals);
	memset(p, 0, sizeof *p);
}

bool tw_checkup_item(const char *item_id)
{
	size_t n = strlen(TW_CHECKUP_GUIDE);
	return item_id && strncmp(item_id, TW_CHECKUP_GUIDE, n) == 0 && item_id[n] == '/';
}

void tw_checkup_finish(struct tw_checkup *c)
{
	if (!c)
		return;
	free(c->sponsor_name);
	memset(c, 0, sizeof *c);
}

void tw_sponsor_finish(struct tw_sponsor *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->title);
	free(s->org);
	free(s->how_met);
	free(s->homework);
	memset(s, 0, sizeof *s);
}

void tw_progress_finish(struct tw_progress *p)
{
	if (!p)
		return;
	free(p->item_id);
	memset(p, 0, sizeof *p);
}

void tw_reflection_finish(struct tw_reflection *r)
{
	if (!r)
		return;
	free(r->item_id);
	free(r->text);
	memset(r, 0, sizeof *r);
}

void tw_reflection_version_finish(struct tw_reflection_version *v)
{
	if (!v)
		return;
	free(v->text);
	memset(v, 0, sizeof *v);
}

void tw_meeting_finish(struct tw_meeting *m)
{
	if (!m)
		return;
	free(m->sponsor_name);
	free(m->agenda);
	free(m->notes);
	free(m->outcome);
	free(m->keep);
	memset(m, 0, sizeof *m);
}

void tw_action_finish(struct tw_action *a)
{
	if (!a)
		return;
	free(a->text);
	free(a->sponsor_name);
	memset(a, 0, sizeof *a);
}

void tw_coaching_finish(struct tw_coaching *c)
{
	if (!c)
		return;
	free(c->coach);
	free(c->notes);
	free(c->covered);
	memset(c, 0, sizeof *c);
}

void tw_hit_finish(struct tw_hit *h)
{
	if (!h)
		return;
	free(h->title);
	free(h->snippet);
	memset(h, 0, sizeof *h);
}

void tw_deleted_finish(struct tw_deleted *d)
{
	if (!d)
		return;
	free(d->label);
	memset(d, 0, sizeof *d);
}

#define ARRAY_FREE(fn, type, finish)                \
	void fn(struct type *v, size_t n)           \
	{                                           \
		if (!v)                             \
			return;                     \
		for (size_t i = 0; i < n; i++)      \
			finish(&v[i]);              \
		free(v);                            \
	}

ARRAY_FREE(tw_profiles_free, tw_profile, tw_profile_finish)
ARRAY_FREE(tw_sponsors_free, tw_sponsor, tw_sponsor_finish)
ARRAY_FREE(tw_checkups_free, tw_checkup, tw_checkup_finish)
ARRAY_FREE(tw_progresses_free, tw_progress, tw_progress_finish)
ARRAY_FREE(tw_reflections_free, tw_reflection, tw_reflection_finish)
ARRAY_FREE(tw_reflection_versions_free, tw_reflection_version, tw_reflection_version_finish)
ARRAY_FREE(tw_meetings_free, tw_meeting, tw_meeting_finish)
ARRAY_FREE(tw_actions_free, tw_action, tw_action_finish)
ARRAY_FREE(tw_coachings_free, tw_coaching, tw_coaching_finish)
ARRAY_FREE(tw_hits_free, tw_hit, tw_hit_finish)
ARRAY_FREE(tw_deleteds_free, tw_deleted, tw_deleted_finish)

static const char *const stage_names[] = {
	[TW_STAGE_UNKNOWN] = "unknown",
	[TW_STAGE_MENTOR] = "mentor",
	[TW_STAGE_STRATEGIZER] = "strategizer",
	[TW_STAGE_CONNECTOR] = "connector",
	[TW_STAGE_OPPORTUNITY_GIVER] = "opportunity-giver",
	[TW_STAGE_SPONSOR] = "sponsor",
};

static const char *const stage_labels[] = {
	[TW_STAGE_UNKNOWN] = "Unknown",
	[TW_STAGE_MENTOR] = "Mentor",
	[TW_STAGE_STRATEGIZER] = "Strategizer",
	[TW_STAGE_CONNECTOR] = "Connector",
	[TW_STAGE_OPPORTUNITY_GIVER] = "Opportunity giver",
	[TW_STAGE_SPONSOR] = "Sponsor",
};

const char *tw_stage_name(enum tw_stage stage)
{
	if ((unsigned)stage > TW_STAGE_SPONSOR)
		return stage_names[TW_STAGE_UNKNOWN];
	return stage_names[stage];
}

const char *tw_stage_label(enum tw_stage stage)
{
	if ((unsigned)stage > TW_STAGE_SPONSOR)
		return stage_labels[TW_STAGE_UNKNOWN];
	return stage_labels[stage];
}

bool tw_stage_parse(const char *s, enum tw_stage *out)
{
	if (!s)
		return false;
	for (int i = TW_STAGE_MENTOR; i <= TW_STAGE_SPONSOR; i++) {
		if (strcasecmp(s, stage_names[i]) == 0 || strcasecmp(s, stage_labels[i]) == 0) {
			*out = (enum tw_stage)i;
			return true;
		}
	}
	if (strcasecmp(s, "opportunity giver") == 0 || strcasecmp(s, "opportunity_giver") == 0) {
		*out = TW_STAGE_OPPORTUNITY_GIVER;
		return true;
	}
	return false;
}

const char *tw_record_kind_name(enum tw_record_kind kind)
{
	switch (kind) {
	case TW_REC_PROFILE:
		return "profile";
	case TW_REC_SPONSOR:
		return "sponsor";
	case TW_REC_REFLECTION:
		return "reflection";
	case TW_REC_MEETING:
		return "meeting";
	case TW_REC_ACTION:
		return "action";
	case TW_REC_COACHING:
		return "coaching session";
	}
	return "record";
}
