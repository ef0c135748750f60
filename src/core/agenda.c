/* The agenda builder: gathers the answers to slotted reflect items from the
 * store and formats them (with the open action items of a sponsor) as the
 * plain-text agenda of a meeting, and as the notes and outcome of a debrief.
 * A private answer is never copied in: the slot says one was left out. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* A finished text, or NULL (after freeing it) when an append ran out of
 * memory; "" when nothing was appended. */
static char *done(struct tw_buf *b)
{
	if (b->oom) {
		tw_buf_free(b);
		return NULL;
	}
	return tw_buf_take(b, NULL);
}

const char *tw_agenda_slot_heading(enum tw_slot slot)
{
	switch (slot) {
	case TW_SLOT_HOMEWORK: return "What I learned about them";
	case TW_SLOT_CHALLENGE: return "A challenge I want their input on";
	case TW_SLOT_QUESTIONS: return "Questions about their experience";
	case TW_SLOT_NEXT_STEP: return "A next step I'm weighing";
	case TW_SLOT_FEEDBACK: return "Feedback to share";
	case TW_SLOT_ASK: return "My ask";
	case TW_SLOT_NOTES: return "Notes";
	case TW_SLOT_OUTCOME: return "Outcome";
	case TW_SLOT_FOLLOW_UP: return "Follow-up";
	case TW_SLOT_REPORT_BACK: return "To report back next time";
	default: return "";
	}
}

/* A copy of s without the blank space around it. */
static char *trimmed(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

void tw_agenda_answers_free(char *answers[TW_SLOT_COUNT])
{
	for (int i = 0; i < TW_SLOT_COUNT; i++) {
		free(answers[i]);
		answers[i] = NULL;
	}
}

static bool add_answer(char **slot, const char *text)
{
	char *t = trimmed(text);
	if (!t)
		return false;
	if (!*t) {
		free(t);
		return true;
	}
	if (!*slot) {
		*slot = t;
		return true;
	}
	char *joined = tw_strdup_printf("%s\n\n%s", *slot, t);
	free(t);
	if (!joined)
		return false;
	free(*slot);
	*slot = joined;
	return true;
}

/* Which answers guide_answers gathers. */
enum which { PUBLIC_ONLY, PRIVATE_ONLY };

bool tw_agenda_per_meeting(const char *item_id)
{
	size_t nb = strlen(TW_AGENDA_BEFORE_GUIDE), na = strlen(TW_AGENDA_AFTER_GUIDE);
	return item_id && ((strncmp(item_id, TW_AGENDA_BEFORE_GUIDE, nb) == 0 && item_id[nb] == '/') ||
			   (strncmp(item_id, TW_AGENDA_AFTER_GUIDE, na) == 0 && item_id[na] == '/'));
}

bool tw_agenda_guide_per_meeting(const char *guide_id)
{
	return guide_id && (strcmp(guide_id, TW_AGENDA_BEFORE_GUIDE) == 0 ||
			    strcmp(guide_id, TW_AGENDA_AFTER_GUIDE) == 0);
}

bool tw_agenda_per_occasion(const char *item_id)
{
	return tw_agenda_per_meeting(item_id) || tw_checkup_item(item_id);
}

bool tw_agenda_guide_per_occasion(const char *guide_id)
{
	return tw_agenda_guide_per_meeting(guide_id) ||
	       (guide_id && strcmp(guide_id, TW_CHECKUP_GUIDE) == 0);
}

bool tw_agenda_walk_meeting(struct tw_store *st, int64_t profile_id, const char *guide_id,
			    tw_time now, int64_t *meeting_id, struct tw_error *err)
{
	return tw_store_meeting_pick(st, profile_id, strcmp(guide_id, TW_AGENDA_BEFORE_GUIDE) == 0,
				     now, meeting_id, err);
}

/* Where guide_answers finds a reflection: read from the store one by one,
 * or (find set) looked up in what the caller read at once. */
struct source {
	struct tw_store *st;
	int64_t profile_id;
	tw_reflection_find_fn find;
	void *ctx;
};

static bool guide_answers(const struct tw_guide *g, const struct source *src,
			  int64_t meeting_id, enum which which, char *answers[TW_SLOT_COUNT],
			  struct tw_error *err)
{
	bool left_out[TW_SLOT_COUNT] = { false };
	for (size_t s = 0; s < g->n_sections; s++) {
		const struct tw_section *sec = &g->sections[s];
		for (size_t i = 0; i < sec->n_items; i++) {
			const struct tw_item *it = &sec->items[i];
			if (it->kind != TW_ITEM_REFLECT || it->slot <= TW_SLOT_NONE ||
			    it->slot >= TW_SLOT_COUNT)
				continue;
			struct tw_reflection got;
			const struct tw_reflection *r = &got;
			int64_t mid = tw_agenda_per_meeting(it->full_id) ? meeting_id : 0;
			if (src->find) {
				if (!(r = src->find(src->ctx, mid, it->full_id)))
					continue;
			} else if (!tw_store_reflection_get_item_in(src->st, src->profile_id, mid,
								    it->full_id, &got, err)) {
				if (err && err->code == TW_ERR_NOTFOUND) {
					tw_error_clear(err);
					continue;
				}
				return false;
			}
			bool ok = true;
			if (r->is_private && which == PUBLIC_ONLY)
				left_out[it->slot] = true;
			else if (r->is_private == (which == PRIVATE_ONLY) && !r->hidden)
				ok = add_answer(&answers[it->slot], r->text ? r->text : "");
			if (!src->find)
				tw_reflection_finish(&got);
			if (!ok)
				return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		}
	}
	for (int i = 0; i < TW_SLOT_COUNT; i++)
		if (left_out[i] && !add_answer(&answers[i], TW_AGENDA_PRIVATE_LEFT_OUT))
			return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	return true;
}

static bool gather(const struct tw_library *lib, const struct source *src, int64_t meeting_id,
		   const char *guide_id, enum which which, char *answers[TW_SLOT_COUNT],
		   struct tw_error *err)
{
	for (int i = 0; i < TW_SLOT_COUNT; i++)
		answers[i] = NULL;
	for (size_t g = 0; g < lib->n_guides; g++) {
		if (guide_id && strcmp(lib->guides[g]->id, guide_id) != 0)
			continue;
		if (!guide_answers(lib->guides[g], src, meeting_id, which, answers, err)) {
			tw_agenda_answers_free(answers);
			return false;
		}
	}
	return true;
}

bool tw_agenda_answers(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
		       int64_t meeting_id, const char *guide_id, char *answers[TW_SLOT_COUNT],
		       struct tw_error *err)
{
	struct source src = { .st = st, .profile_id = profile_id };
	return gather(lib, &src, meeting_id, guide_id, PUBLIC_ONLY, answers, err);
}

bool tw_agenda_private_answers(const struct tw_library *lib, struct tw_store *st,
			       int64_t profile_id, int64_t meeting_id, const char *guide_id,
			       char *answers[TW_SLOT_COUNT], struct tw_error *err)
{
	struct source src = { .st = st, .profile_id = profile_id };
	return gather(lib, &src, meeting_id, guide_id, PRIVATE_ONLY, answers, err);
}

bool tw_agenda_answers_found(const struct tw_library *lib, tw_reflection_find_fn find,
			     void *ctx, int64_t meeting_id, const char *guide_id,
			     char *answers[TW_SLOT_COUNT], struct tw_error *err)
{
	struct source src = { .find = find, .ctx = ctx };
	return gather(lib, &src, meeting_id, guide_id, PUBLIC_ONLY, answers, err);
}

static void section(struct tw_buf *b, const char *heading, const char *text);

char *tw_agenda_insert_private(const char *agenda, char *const private_answers[TW_SLOT_COUNT])
{
	char *text = strdup(agenda ? agenda : "");
	for (int i = 0; text && i < TW_SLOT_COUNT; i++) {
		const char *ans = private_answers[i];
		if (!ans || !*ans)
			continue;
		char *head = tw_strdup_printf("## %s\n", tw_agenda_slot_heading((enum tw_slot)i));
		if (!head) {
			free(text);
			return NULL;
		}
		char *h = strstr(text, head);
		if (h && h != text && h[-1] != '\n')
			h = NULL;
		char *end = h ? strstr(h + strlen(head), "\n## ") : NULL;
		char *m = h ? strstr(h + strlen(head), TW_AGENDA_PRIVATE_LEFT_OUT "\n") : NULL;
		if (m && end && m > end)
			m = NULL;
		struct tw_buf b = { 0 };
		if (m) {
			tw_buf_add(&b, text, (size_t)(m - text));
			tw_buf_puts(&b, ans);
			tw_buf_puts(&b, m + strlen(TW_AGENDA_PRIVATE_LEFT_OUT));
		} else {
			tw_buf_puts(&b, text);
			section(&b, tw_agenda_slot_heading((enum tw_slot)i), ans);
		}
		free(head);
		free(text);
		text = done(&b);
	}
	return text;
}

bool tw_agenda_sponsor_actions(struct tw_store *st, int64_t profile_id, int64_t sponsor_id,
			       struct tw_action **out, size_t *n, struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	struct tw_meeting *ms = NULL;
	size_t n_ms = 0;
	if (!tw_store_meeting_list(st, profile_id, 0, &ms, &n_ms, err))
		return false;
	char today[11];
	tw_today(today, sizeof(today));
	struct tw_action *acts = NULL;
	size_t n_acts = 0;
	if (!tw_store_action_list(st, profile_id, 0, TW_ACTIONS_OPEN, today, &acts, &n_acts, err)) {
		tw_meetings_free(ms, n_ms);
		return false;
	}
	size_t k = 0;
	for (size_t i = 0; i < n_acts; i++) {
		bool mine = false;
		for (size_t j = 0; acts[i].meeting_id && j < n_ms; j++)
			if (ms[j].id == acts[i].meeting_id && ms[j].sponsor_id == sponsor_id)
				mine = true;
		if (mine)
			acts[k++] = acts[i];
		else
			tw_action_finish(&acts[i]);
	}
	tw_meetings_free(ms, n_ms);
	if (!k) {
		free(acts);
		acts = NULL;
	}
	*out = acts;
	*n = k;
	return true;
}

static void section(struct tw_buf *b, const char *heading, const char *text)
{
	if (b->len)
		tw_buf_puts(b, "\n");
	tw_buf_puts(b, "## ");
	tw_buf_puts(b, heading);
	tw_buf_puts(b, "\n");
	if (text) {
		tw_buf_puts(b, text);
		tw_buf_puts(b, "\n");
	}
}

char *tw_agenda_format(const struct tw_sponsor *sponsor, tw_time when,
		       char *const answers[TW_SLOT_COUNT], const struct tw_action *actions,
		       size_t n_actions)
{
	static const enum tw_slot order[] = { TW_SLOT_HOMEWORK, TW_SLOT_CHALLENGE,
					      TW_SLOT_QUESTIONS, TW_SLOT_NEXT_STEP,
					      TW_SLOT_FEEDBACK, TW_SLOT_ASK };
	struct tw_buf b = { 0 };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (answers[order[i]] && *answers[order[i]])
			section(&b, tw_agenda_slot_heading(order[i]), answers[order[i]]);
	if (!n_actions)
		return done(&b);
	char day[32] = "";
	if (when) {
		tw_time_format(when, day, sizeof(day));
		day[10] = '\0';
	}
	section(&b, TW_AGENDA_ACTIONS_HEADING, NULL);
	for (size_t i = 0; i < n_actions; i++) {
		const struct tw_action *a = &actions[i];
		tw_buf_puts(&b, "- ");
		for (const char *p = a->text ? a->text : ""; *p; p++)
			tw_buf_add(&b, *p == '\n' || *p == '\r' ? " " : p, 1);
		const char *who = a->owner == TW_OWNER_SPONSOR
					  ? (sponsor && sponsor->name ? sponsor->name : "sponsor")
					  : "me";
		tw_buf_puts(&b, " (");
		tw_buf_puts(&b, who);
		if (a->due[0]) {
			tw_buf_puts(&b, ", due ");
			tw_buf_puts(&b, a->due);
			if (day[0] && strcmp(a->due, day) < 0)
				tw_buf_puts(&b, ", overdue");
		}
		tw_buf_puts(&b, ")\n");
	}
	return done(&b);
}

char *tw_agenda_build(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
		      int64_t meeting_id, const struct tw_sponsor *sponsor, tw_time when,
		      struct tw_error *err)
{
	char *answers[TW_SLOT_COUNT];
	if (!tw_agenda_answers(lib, st, profile_id, meeting_id, TW_AGENDA_BEFORE_GUIDE, answers,
			       err))
		return NULL;
	struct tw_action *acts = NULL;
	size_t n = 0;
	if (sponsor && !tw_agenda_sponsor_actions(st, profile_id, sponsor->id, &acts, &n, err)) {
		tw_agenda_answers_free(answers);
		return NULL;
	}
	char *text = tw_agenda_format(sponsor, when, answers, acts, n);
	tw_actions_free(acts, n);
	tw_agenda_answers_free(answers);
	if (!text)
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	return text;
}

bool tw_debrief_prefill(const struct tw_library *lib, struct tw_store *st, int64_t profile_id,
			int64_t meeting_id, char **notes, char **outcome, struct tw_error *err)
{
	*notes = *outcome = NULL;
	char *answers[TW_SLOT_COUNT];
	if (!tw_agenda_answers(lib, st, profile_id, meeting_id, TW_AGENDA_AFTER_GUIDE, answers,
			       err))
		return false;
	struct tw_buf b = { 0 };
	if (answers[TW_SLOT_OUTCOME])
		tw_buf_puts(&b, answers[TW_SLOT_OUTCOME]);
	static const enum tw_slot more[] = { TW_SLOT_FOLLOW_UP, TW_SLOT_REPORT_BACK };
	for (size_t i = 0; i < 2; i++) {
		if (!answers[more[i]])
			continue;
		if (b.len)
			tw_buf_puts(&b, "\n");
		section(&b, tw_agenda_slot_heading(more[i]), answers[more[i]]);
	}
	*outcome = done(&b);
	*notes = strdup(answers[TW_SLOT_NOTES] ? answers[TW_SLOT_NOTES] : "");
	tw_agenda_answers_free(answers);
	if (!*notes || !*outcome) {
		free(*notes);
		free(*outcome);
		*notes = *outcome = NULL;
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	return true;
}

/* text with the first TW_AGENDA_PRIVATE_LEFT_OUT line before any "## "
 * heading replaced by ans; without such a line, ans goes before the first
 * heading (or at the end). NULL on no memory. */
static char *put_unheaded(const char *text, const char *ans)
{
	const char *end = strstr(text, "\n## ");
	if (!end)
		end = strncmp(text, "## ", 3) == 0 ? text : text + strlen(text);
	const char *m = strstr(text, TW_AGENDA_PRIVATE_LEFT_OUT);
	struct tw_buf b = { 0 };
	if (m && m < end) {
		tw_buf_add(&b, text, (size_t)(m - text));
		tw_buf_puts(&b, ans);
		tw_buf_puts(&b, m + strlen(TW_AGENDA_PRIVATE_LEFT_OUT));
	} else {
		tw_buf_add(&b, text, (size_t)(end - text));
		if (end > text && end[-1] != '\n')
			tw_buf_puts(&b, "\n");
		tw_buf_puts(&b, ans);
		if (*end && *end != '\n')
			tw_buf_puts(&b, "\n");
		if (*end)
			tw_buf_puts(&b, "\n");
		tw_buf_puts(&b, end);
	}
	return done(&b);
}

bool tw_debrief_insert_private(const char *notes, const char *outcome,
			       char *const private_answers[TW_SLOT_COUNT], char **notes_out,
			       char **outcome_out)
{
	const char *pn = private_answers[TW_SLOT_NOTES], *po = private_answers[TW_SLOT_OUTCOME];
	*notes_out = pn && *pn ? put_unheaded(notes ? notes : "", pn) : strdup(notes ? notes : "");
	char *o = po && *po ? put_unheaded(outcome ? outcome : "", po)
			    : strdup(outcome ? outcome : "");
	char *rest[TW_SLOT_COUNT] = { 0 };
	rest[TW_SLOT_FOLLOW_UP] = private_answers[TW_SLOT_FOLLOW_UP];
	rest[TW_SLOT_REPORT_BACK] = private_answers[TW_SLOT_REPORT_BACK];
	*outcome_out = o ? tw_agenda_insert_private(o, rest) : NULL;
	free(o);
	if (*notes_out && *outcome_out)
		return true;
	free(*notes_out);
	free(*outcome_out);
	*notes_out = *outcome_out = NULL;
	return false;
}
