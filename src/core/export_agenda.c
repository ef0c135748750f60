/* The send-ahead agenda of one meeting: a few lines for an email or a
 * calendar invite. Read through a coach view of the store only, so no
 * private (or sealed) text can reach it; it leaves out what is for the
 * sponsee alone: the homework on the sponsor, feedback, the marker of a
 * private answer left out, and notes and outcome. */
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"
#include "twoway/when.h"

#define MAX_TOPICS 8
#define MAX_ITEMS 6
#define LINE_BYTES 160

/* Parts of the agenda that never go to the sponsor. */
static bool withheld(const char *heading, size_t len)
{
	const char *h[] = { tw_agenda_slot_heading(TW_SLOT_HOMEWORK),
			    tw_agenda_slot_heading(TW_SLOT_FEEDBACK), TW_AGENDA_ACTIONS_HEADING,
			    TW_AGENDA_DUE_HEADING };
	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
		if (strlen(h[i]) == len && strncmp(h[i], heading, len) == 0)
			return true;
	return false;
}

/* Appends s[0..n) as one line clipped at LINE_BYTES (on a character
 * boundary, "..." after it). */
static void clipped(struct tw_buf *b, const char *s, size_t n)
{
	if (n > LINE_BYTES) {
		n = LINE_BYTES;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		tw_buf_add(b, s, n);
		tw_buf_puts(b, "...");
		return;
	}
	tw_buf_add(b, s, n);
}

/* The topics of the first part of the agenda: one numbered line per part
 * ("heading: its first line"), or per line written before any heading. */
static void topics(struct tw_buf *b, const char *agenda)
{
	size_t n = 0;
	const char *head = NULL;
	size_t head_len = 0;
	bool head_done = true, skip = false;
	for (const char *line = agenda; *line && n < MAX_TOPICS;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *next = line + len + (end ? 1 : 0);
		if (len >= 3 && strncmp(line, "## ", 3) == 0) {
			head = line + 3;
			head_len = len - 3;
			skip = withheld(head, head_len);
			head_done = false;
			line = next;
			continue;
		}
		const char *t = line;
		size_t tl = len;
		while (tl && (*t == ' ' || *t == '\t' || *t == '-' || *t == '*')) {
			t++;
			tl--;
		}
		while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t' || t[tl - 1] == '\r'))
			tl--;
		bool marker = tl == strlen(TW_AGENDA_PRIVATE_LEFT_OUT) &&
			      strncmp(t, TW_AGENDA_PRIVATE_LEFT_OUT, tl) == 0;
		if (tl && !marker && !skip && (!head || !head_done)) {
			tw_buf_printf(b, "%zu. ", ++n);
			if (head) {
				tw_buf_add(b, head, head_len);
				tw_buf_puts(b, ": ");
				head_done = true;
			}
			clipped(b, t, tl);
			tw_buf_puts(b, "\n");
		}
		line = next;
	}
}

static void items(struct tw_buf *b, const struct tw_agenda_live *l, const char *sponsor,
		  const char *today)
{
	size_t total = l->n_due + l->n_open, shown = 0;
	if (!total)
		return;
	tw_buf_puts(b, "\nOpen items between us:\n");
	for (size_t k = 0; k < 2; k++) {
		const struct tw_action *a = k ? l->open : l->due;
		size_t n = k ? l->n_open : l->n_due;
		for (size_t i = 0; i < n && shown < MAX_ITEMS; i++, shown++) {
			char *line = tw_agenda_item_line(&a[i], sponsor, today);
			if (!line) {
				b->oom = true;
				return;
			}
			tw_buf_puts(b, "- ");
			clipped(b, line, strlen(line));
			tw_buf_puts(b, "\n");
			free(line);
		}
	}
	if (shown < total)
		tw_buf_printf(b, "- (and %zu more)\n", total - shown);
}

bool tw_export_md_agenda(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			 int64_t meeting_id, const char *today, struct tw_buf *b,
			 struct tw_error *err)
{
	if (tw_store_view(st) != TW_VIEW_COACH)
		return tw_error_set(err, TW_ERR_INVALID,
				    "the send-ahead agenda is read through a coach view of the store");
	struct tw_meeting m = { 0 };
	struct tw_agenda_live l = { 0 };
	char *agenda = NULL;
	if (!tw_store_meeting_get(st, meeting_id, &m, err))
		return false;
	bool ok = false;
	if (m.profile_id != profile_id) {
		tw_error_set(err, TW_ERR_NOTFOUND, "no meeting %lld in this profile",
			     (long long)meeting_id);
		goto out;
	}
	if (!(agenda = tw_agenda_hand_or_fresh(lib, st, &m, NULL, err)) ||
	    !tw_agenda_derive(st, &m, today, &l, err))
		goto out;
	char when[40];
	tw_when_echo(m.when, when, sizeof when);
	tw_buf_printf(b, "# Agenda: meeting with %s, %s\n\n", m.sponsor_name, when);
	size_t before = b->len;
	topics(b, agenda);
	if (b->len == before)
		tw_buf_puts(b, "(topics to come)\n");
	if (tw_text_nonblank(m.keep)) {
		const char *k = m.keep;
		while (*k == ' ' || *k == '\n')
			k++;
		const char *e = strchr(k, '\n');
		tw_buf_puts(b, "\nIf time runs short: ");
		clipped(b, k, e ? (size_t)(e - k) : strlen(k));
		tw_buf_puts(b, "\n");
	}
	items(b, &l, m.sponsor_name, today);
	ok = tw_buf_ok(b, err);
out:
	tw_agenda_live_free(&l);
	free(agenda);
	tw_meeting_finish(&m);
	return ok;
}
