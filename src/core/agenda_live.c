/* Live agendas: a meeting keeps only the agenda text written by hand; what
 * the agenda derives (the sponsor's open action items, those due before the
 * meeting first, and the written answers while nothing is written by hand)
 * is made here each time the agenda is shown or exported. */
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

void tw_agenda_live_free(struct tw_agenda_live *l)
{
	if (!l)
		return;
	tw_actions_free(l->due, l->n_due);
	tw_actions_free(l->open, l->n_open);
	memset(l, 0, sizeof *l);
}

bool tw_agenda_derive(struct tw_store *st, const struct tw_meeting *m, const char *today,
		      struct tw_agenda_live *out, struct tw_error *err)
{
	memset(out, 0, sizeof *out);
	/* the profile's open items of live meetings, each with its meeting's
	 * sponsor, by due date (none last) then id: those of m's sponsor are
	 * kept, in that order */
	struct tw_action *a = NULL;
	size_t na = 0;
	if (!tw_store_action_list(st, m->profile_id, 0, TW_ACTIONS_OPEN_MEETINGS,
				  today ? today : "", &a, &na, err))
		return false;
	char day[32] = "";
	tw_time_format(m->when, day, sizeof day);
	day[10] = '\0';
	out->due = calloc(na ? na : 1, sizeof *out->due);
	out->open = calloc(na ? na : 1, sizeof *out->open);
	if (!out->due || !out->open) {
		free(out->due);
		free(out->open);
		out->due = out->open = NULL;
		tw_actions_free(a, na);
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < na; i++) {
		if (a[i].sponsor_id != m->sponsor_id) {
			tw_action_finish(&a[i]);
			continue;
		}
		if (a[i].due[0] && strcmp(a[i].due, day) <= 0)
			out->due[out->n_due++] = a[i];
		else
			out->open[out->n_open++] = a[i];
	}
	free(a); /* the items moved into out */
	return true;
}

char *tw_agenda_item_line(const struct tw_action *a, const char *sponsor_name,
			  const char *today)
{
	struct tw_buf b = { 0 };
	for (const char *p = a->text ? a->text : ""; *p; p++)
		tw_buf_add(&b, *p == '\n' || *p == '\r' ? " " : p, 1);
	tw_buf_puts(&b, " (");
	tw_buf_puts(&b, a->owner == TW_OWNER_SPONSOR ? (sponsor_name ? sponsor_name : "sponsor")
						      : "me");
	if (a->due[0]) {
		tw_buf_puts(&b, ", due ");
		tw_buf_puts(&b, a->due);
		if (today && *today && strcmp(a->due, today) < 0)
			tw_buf_puts(&b, ", overdue");
	}
	tw_buf_puts(&b, ")");
	if (b.oom) {
		tw_buf_free(&b);
		return NULL;
	}
	return tw_buf_take(&b, NULL);
}

char *tw_agenda_fresh(const struct tw_library *lib, struct tw_store *st,
		      const struct tw_meeting *m, struct tw_error *err)
{
	if (!lib)
		return strdup("");
	return tw_agenda_build(lib, st, m->profile_id, m->id, NULL, m->when, err);
}

char *tw_agenda_hand_or_fresh(const struct tw_library *lib, struct tw_store *st,
			      const struct tw_meeting *m, bool *live, struct tw_error *err)
{
	bool blank = !tw_text_nonblank(m->agenda);
	if (live)
		*live = blank;
	char *t = blank ? tw_agenda_fresh(lib, st, m, err) : strdup(m->agenda);
	if (!t && !blank)
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	return t;
}

/* Whether the one-line text of a (without the blank space around it)
 * stands in text already, as a frozen or hand-copied line would. */
static bool holds(const char *text, const struct tw_action *a)
{
	const char *s = a->text ? a->text : "";
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && strchr(" \t\n\r", s[n - 1]))
		n--;
	char *one = malloc(n + 1);
	if (!one)
		return false;
	for (size_t i = 0; i < n; i++)
		one[i] = s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
	one[n] = '\0';
	bool found = n && strstr(text, one) != NULL;
	free(one);
	return found;
}

/* a and b the same but for blank space at their ends. */
static bool same_text(const char *a, const char *b)
{
	while (*a && strchr(" \t\n\r", *a))
		a++;
	while (*b && strchr(" \t\n\r", *b))
		b++;
	size_t na = strlen(a), nb = strlen(b);
	while (na && strchr(" \t\n\r", a[na - 1]))
		na--;
	while (nb && strchr(" \t\n\r", b[nb - 1]))
		nb--;
	return na == nb && memcmp(a, b, na) == 0;
}

/* The items of a not already in first under "## heading" (none: no
 * heading); a blank line before it unless it opens the text at start. */
static void items(struct tw_buf *b, size_t start, const char *heading, const struct tw_action *a,
		  size_t n, const char *first, const char *sponsor_name, const char *today)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (holds(first, &a[i]))
			continue;
		char *line = tw_agenda_item_line(&a[i], sponsor_name, today);
		if (!line) {
			b->oom = true;
			return;
		}
		if (!any) {
			tw_buf_puts(b, b->len > start ? "\n## " : "## ");
			tw_buf_puts(b, heading);
			tw_buf_puts(b, "\n");
			any = true;
		}
		tw_buf_printf(b, "- %s\n", line);
		free(line);
	}
}

size_t tw_agenda_first_len(const char *first)
{
	size_t len = strlen(first);
	while (len && (first[len - 1] == '\n' || first[len - 1] == ' ' || first[len - 1] == '\t'))
		len--;
	return len;
}

void tw_agenda_render_parts(struct tw_buf *b, const char *first, const struct tw_action *due,
			    size_t n_due, const struct tw_action *open, size_t n_open,
			    const char *sponsor_name, const char *today)
{
	size_t start = b->len, len = tw_agenda_first_len(first);
	if (len) {
		tw_buf_add(b, first, len);
		tw_buf_puts(b, "\n");
	}
	items(b, start, TW_AGENDA_DUE_HEADING, due, n_due, first, sponsor_name, today);
	items(b, start, TW_AGENDA_ACTIONS_HEADING, open, n_open, first, sponsor_name, today);
}

char *tw_agenda_render(const struct tw_library *lib, struct tw_store *st, int64_t meeting_id,
		       const char *today, struct tw_error *err)
{
	struct tw_meeting m;
	if (!tw_store_meeting_get(st, meeting_id, &m, err))
		return NULL;
	struct tw_agenda_live l;
	char *first = tw_agenda_hand_or_fresh(lib, st, &m, NULL, err);
	if (!first || !tw_agenda_derive(st, &m, today, &l, err)) {
		free(first);
		tw_meeting_finish(&m);
		return NULL;
	}
	struct tw_buf b = { 0 };
	tw_agenda_render_parts(&b, first, l.due, l.n_due, l.open, l.n_open, m.sponsor_name, today);
	free(first);
	tw_agenda_live_free(&l);
	tw_meeting_finish(&m);
	if (!tw_buf_ok(&b, err)) {
		tw_buf_free(&b);
		return NULL;
	}
	char *t = tw_buf_take(&b, NULL);
	return t ? t : strdup("");
}

/* Writes the hand part (the meeting's other fields as they are). */
static bool put_hand(struct tw_store *st, int64_t meeting_id, const char *text, char **previous,
		     struct tw_error *err)
{
	struct tw_meeting m;
	if (!tw_store_meeting_get(st, meeting_id, &m, err))
		return false;
	char *old = m.agenda;
	m.agenda = (char *)text;
	bool ok = tw_store_meeting_update(st, &m, err);
	m.agenda = old;
	if (ok && previous) {
		*previous = old;
		m.agenda = NULL;
	}
	tw_meeting_finish(&m);
	return ok;
}

bool tw_agenda_save_hand(const struct tw_library *lib, struct tw_store *st, int64_t meeting_id,
			 const char *text, struct tw_error *err)
{
	struct tw_meeting m;
	if (!tw_store_meeting_get(st, meeting_id, &m, err))
		return false;
	char *fresh = tw_agenda_fresh(lib, st, &m, err);
	tw_meeting_finish(&m);
	if (!fresh)
		return false;
	/* Unchanged answers are not hand-written: they stay live. */
	bool same = same_text(fresh, text ? text : "") || !tw_text_nonblank(text);
	free(fresh);
	return put_hand(st, meeting_id, same ? "" : text, NULL, err);
}

bool tw_agenda_regenerate(struct tw_store *st, int64_t meeting_id, char **previous,
			  struct tw_error *err)
{
	*previous = NULL;
	return put_hand(st, meeting_id, "", previous, err);
}

bool tw_agenda_undo(struct tw_store *st, int64_t meeting_id, const char *previous,
		    struct tw_error *err)
{
	return put_hand(st, meeting_id, previous ? previous : "", NULL, err);
}
