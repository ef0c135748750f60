/* The live agendas of every meeting of a profile at once, for the exports
 * that carry each meeting's agenda (iCalendar, meetings CSV): the same text
 * tw_agenda_render gives one meeting, from one read of the open action
 * items and (with a library) one of the answers given for meetings, not
 * reads per meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

struct tw_agendas {
	const struct tw_library *lib;
	char today[11];
	struct tw_action *acts; /* open items of live meetings: by sponsor, then due, id */
	size_t n_acts;
	struct tw_reflection *refl; /* the answers given for meetings */
	size_t n_refl;                       /* every row read, to free */
	const struct tw_reflection **by_key; /* refl by (meeting, item, id) */
	size_t n_keys;                       /* by_key's length */
	struct tw_buf first;		     /* scratch: a fresh first part */
	struct tw_buf text;		     /* scratch: tw_agendas_text's */
};

void tw_agendas_free(struct tw_agendas *a)
{
	if (!a)
		return;
	tw_actions_free(a->acts, a->n_acts);
	tw_reflections_free(a->refl, a->n_refl);
	free(a->by_key);
	tw_buf_free(&a->first);
	tw_buf_free(&a->text);
	free(a);
}

/* By sponsor, then as tw_agenda_derive orders: due date (none last), id. */
static int by_sponsor_due(const void *x, const void *y)
{
	const struct tw_action *a = x, *b = y;
	if (a->sponsor_id != b->sponsor_id)
		return a->sponsor_id < b->sponsor_id ? -1 : 1;
	if (!a->due[0] != !b->due[0])
		return a->due[0] ? -1 : 1;
	int c = strcmp(a->due, b->due);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static int key_cmp(int64_t meeting_id, const char *item_id, const struct tw_reflection *r)
{
	if (meeting_id != r->meeting_id)
		return meeting_id < r->meeting_id ? -1 : 1;
	return strcmp(item_id, r->item_id ? r->item_id : "");
}

static int by_key(const void *x, const void *y)
{
	const struct tw_reflection *a = *(const struct tw_reflection *const *)x;
	const struct tw_reflection *b = *(const struct tw_reflection *const *)y;
	int c = key_cmp(a->meeting_id, a->item_id ? a->item_id : "", b);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* The live reflection on item_id answered for meeting_id (the lowest id
 * should there be two), or NULL. */
static const struct tw_reflection *find(void *ctx, int64_t meeting_id, const char *item_id)
{
	const struct tw_agendas *a = ctx;
	size_t lo = 0, hi = a->n_keys;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_cmp(meeting_id, item_id, a->by_key[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < a->n_keys && key_cmp(meeting_id, item_id, a->by_key[lo]) == 0 ? a->by_key[lo]
										: NULL;
}

struct tw_agendas *tw_agendas_new(const struct tw_library *lib, struct tw_store *st,
				  int64_t profile_id, const char *today, struct tw_error *err)
{
	struct tw_agendas *a = calloc(1, sizeof *a);
	if (!a) {
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	a->lib = lib;
	snprintf(a->today, sizeof a->today, "%s", today ? today : "");
	if (!tw_store_action_list(st, profile_id, 0, TW_ACTIONS_OPEN_MEETINGS, a->today, &a->acts,
				  &a->n_acts, err))
		goto fail;
	/* only the items of a live meeting (they have a sponsor) count */
	size_t k = 0;
	for (size_t i = 0; i < a->n_acts; i++) {
		if (a->acts[i].sponsor_id && !a->acts[i].done[0])
			a->acts[k++] = a->acts[i];
		else
			tw_action_finish(&a->acts[i]);
	}
	a->n_acts = k;
	if (k) /* acts is NULL when there are none */
		qsort(a->acts, a->n_acts, sizeof *a->acts, by_sponsor_due);
	if (lib) {
		if (!tw_store_reflection_answers(st, profile_id, &a->refl, &a->n_refl, err))
			goto fail;
		a->by_key = calloc(a->n_refl ? a->n_refl : 1, sizeof *a->by_key);
		if (!a->by_key) {
			tw_error_set(err, TW_ERR_NOMEM, "out of memory");
			goto fail;
		}
		size_t n = 0;
		for (size_t i = 0; i < a->n_refl; i++)
			if (!a->refl[i].checkup_id && a->refl[i].item_id)
				a->by_key[n++] = &a->refl[i];
		a->n_keys = n;
		if (n)
			qsort(a->by_key, n, sizeof *a->by_key, by_key);
	}
	return a;
fail:
	tw_agendas_free(a);
	return NULL;
}

/* The sponsor's open items: acts[*lo] up to acts[*end]. */
static void sponsor_items(const struct tw_agendas *a, int64_t sponsor_id, size_t *lo,
			  size_t *end)
{
	size_t l = 0, hi = a->n_acts;
	while (l < hi) {
		size_t mid = l + (hi - l) / 2;
		if (a->acts[mid].sponsor_id < sponsor_id)
			l = mid + 1;
		else
			hi = mid;
	}
	size_t e = l;
	while (e < a->n_acts && a->acts[e].sponsor_id == sponsor_id)
		e++;
	*lo = l;
	*end = e;
}

bool tw_agendas_render(struct tw_agendas *a, int64_t meeting_id, int64_t sponsor_id,
		       tw_time when, const char *sponsor_name, const char *hand, struct tw_buf *b,
		       struct tw_error *err)
{
	const char *first = hand ? hand : "";
	if (!tw_text_nonblank(first)) {
		/* tw_agenda_fresh: the meeting's answers (the library's before-
		 * meeting walk), private ones left out */
		a->first.len = 0;
		first = "";
		if (a->lib) {
			char *answers[TW_SLOT_COUNT];
			if (!tw_agenda_answers_found(a->lib, find, a, meeting_id,
						     TW_AGENDA_BEFORE_GUIDE, answers, err))
				return false;
			char *text = tw_agenda_format(NULL, 0, answers, NULL, 0);
			tw_agenda_answers_free(answers);
			if (!text)
				return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
			tw_buf_puts(&a->first, text);
			free(text);
			if (!tw_buf_ok(&a->first, err))
				return false;
			first = a->first.len ? a->first.data : "";
		}
	}
	/* the sponsor's items: due on or before the meeting's day first */
	size_t lo, end;
	sponsor_items(a, sponsor_id, &lo, &end);
	char day[32] = "";
	if (end > lo) { /* the meeting's local day, only when there are items */
		tw_time_format(when, day, sizeof day);
		day[10] = '\0';
	}
	size_t split = lo; /* dated items come first, by date */
	while (split < end && a->acts[split].due[0] && strcmp(a->acts[split].due, day) <= 0)
		split++;
	size_t start = b->len;
	/* no items: acts is NULL, and NULL + 0 is not C */
	const struct tw_action *due = a->acts ? a->acts + lo : NULL;
	const struct tw_action *open = a->acts ? a->acts + split : NULL;
	tw_agenda_render_parts(b, first, due, split - lo, open, end - split,
			       sponsor_name, a->today);
	while (b->len > start && b->data[b->len - 1] == '\n')
		b->data[--b->len] = '\0';
	return tw_buf_ok(b, err);
}

bool tw_agendas_text(struct tw_agendas *a, int64_t meeting_id, int64_t sponsor_id,
		     tw_time when, const char *sponsor_name, const char *hand,
		     const char **text, size_t *len, struct tw_error *err)
{
	size_t lo, end;
	sponsor_items(a, sponsor_id, &lo, &end);
	if (lo == end && hand && tw_text_nonblank(hand)) {
		/* what tw_agenda_render_parts makes of a first part alone */
		*text = hand;
		*len = tw_agenda_first_len(hand);
		return true;
	}
	a->text.len = 0;
	if (!tw_agendas_render(a, meeting_id, sponsor_id, when, sponsor_name, hand, &a->text, err))
		return false;
	*text = a->text.len ? a->text.data : "";
	*len = a->text.len;
	return true;
}
