/* The private brief of one meeting, in Markdown, for the sponsee: sponsor,
 * date, the one item to keep if time runs short, the homework notes on the
 * sponsor, the agenda as it stands today (its action items made live), the
 * questions, feedback and ask, and once held the notes and outcome. A
 * private reflection's text never appears (a coach view could not read it
 * anyway). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"
#include "export_md_common.h"


/* The first part of the agenda under its own heading: its "## part"
 * headings become "###", and a list of open action items frozen into it by
 * an older twoway is left out, since the brief lists them as they stand
 * today. */
static void agenda_section(struct tw_buf *b, const char *agenda)
{
	static const char actions[] = "## " TW_AGENDA_ACTIONS_HEADING;
	tw_buf_puts(b, "\n## Agenda\n\n");
	struct tw_buf body = { 0 };
	bool skipping = false;
	for (const char *line = agenda; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		bool heading = len >= 3 && strncmp(line, "## ", 3) == 0;
		if (heading)
			skipping = len == sizeof(actions) - 1 && strncmp(line, actions, len) == 0;
		if (!skipping) {
			if (heading)
				tw_buf_add(&body, "#", 1);
			tw_buf_add(&body, line, len);
			tw_buf_add(&body, "\n", 1);
		}
		line += len + (end ? 1 : 0);
	}
	tw_buf_add(&body, "", 1);
	export_md_indented(b, body.data ? body.data : "", "");
	tw_buf_free(&body);
	tw_buf_add(b, "\n", 1);
}

/* True when text (trimmed of surrounding white space) already stands in
 * the agenda. */
static bool in_agenda(const char *agenda, const char *text)
{
	if (!agenda)
		return false;
	while (*text == ' ' || *text == '\n' || *text == '\t')
		text++;
	size_t len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\n' || text[len - 1] == '\t'))
		len--;
	for (const char *p = agenda; len && (p = strchr(p, *text)); p++)
		if (strncmp(p, text, len) == 0)
			return true;
	return false;
}

/* The live, non-private reflection of the profile on an item with this
 * slot (first found in library order), or NULL; an item answered per
 * meeting gives meeting_id's answer. */
static const struct tw_reflection *slot_text(const struct tw_library *lib,
					     const struct tw_reflection *r, size_t n,
					     enum tw_slot slot, int64_t meeting_id)
{
	for (size_t i = 0; lib && i < n; i++) {
		if (!r[i].item_id || r[i].is_private ||
		    r[i].meeting_id != (tw_agenda_per_meeting(r[i].item_id) ? meeting_id : 0))
			continue;
		const struct tw_item *it = tw_library_item(lib, r[i].item_id, NULL, NULL);
		if (it && it->slot == slot && tw_text_nonblank(r[i].text))
			return &r[i];
	}
	return NULL;
}

static void sponsor_line(struct tw_buf *b, const struct tw_sponsor *s)
{
	tw_buf_printf(b, "- **Sponsor:** %s", s->name);
	if (s->title && *s->title)
		tw_buf_printf(b, ", %s", s->title);
	if (s->org && *s->org)
		tw_buf_printf(b, ", %s", s->org);
	tw_buf_add(b, "\n", 1);
	if (s->stage != TW_STAGE_UNKNOWN)
		tw_buf_printf(b, "- **Where we are:** %s\n", tw_stage_label(s->stage));
}

/* The derived part of the agenda, as of today, as task lists. */
static void live_items(struct tw_buf *b, const char *heading, const struct tw_action *a,
		       size_t n, const char *sponsor_name, const char *today)
{
	if (!n)
		return;
	tw_buf_printf(b, "\n## %s\n\n", heading);
	for (size_t i = 0; i < n; i++) {
		char *line = tw_agenda_item_line(&a[i], sponsor_name, today);
		if (!line) {
			b->oom = true;
			return;
		}
		tw_buf_printf(b, "- [ ] %s\n", line);
		free(line);
	}
}

bool tw_export_md_brief(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			int64_t meeting_id, const char *today, struct tw_buf *b,
			struct tw_error *err)
{
	struct tw_meeting m = { 0 };
	struct tw_sponsor s = { 0 };
	struct tw_reflection *r = NULL;
	struct tw_agenda_live l = { 0 };
	char *agenda = NULL;
	size_t nr = 0;
	if (!tw_store_meeting_get(st, meeting_id, &m, err))
		return false;
	bool ok = false;
	if (m.profile_id != profile_id) {
		tw_error_set(err, TW_ERR_NOTFOUND, "no meeting %lld in this profile",
			     (long long)meeting_id);
		goto out;
	}
	if (!tw_store_sponsor_get(st, m.sponsor_id, &s, err) ||
	    !tw_store_reflection_list(st, profile_id, 0, &r, &nr, err) ||
	    !(agenda = tw_agenda_hand_or_fresh(lib, st, &m, NULL, err)) ||
	    !tw_agenda_derive(st, &m, today, &l, err))
		goto out;
	char when[32];
	tw_time_format(m.when, when, sizeof when);
	tw_buf_printf(b, "# Meeting with %s\n\n", s.name);
	sponsor_line(b, &s);
	tw_buf_printf(b, "- **When:** %s\n", when);
	if (m.held)
		tw_buf_puts(b, "- **Status:** held\n");
	if (tw_text_nonblank(m.keep)) {
		tw_buf_puts(b, "- **If time runs short, keep:** ");
		export_md_indented(b, m.keep, "  ");
		tw_buf_puts(b, "\n");
	}
	if (tw_text_nonblank(s.homework))
		export_md_section(b, "Homework on the sponsor", s.homework);
	if (tw_text_nonblank(agenda))
		agenda_section(b, agenda);
	static const struct {
		enum tw_slot slot;
		const char *title;
	} slots[] = {
		{ TW_SLOT_QUESTIONS, "Questions" },
		{ TW_SLOT_FEEDBACK, "Feedback to share" },
		{ TW_SLOT_ASK, "My ask" },
	};
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		const struct tw_reflection *x = slot_text(lib, r, nr, slots[i].slot, meeting_id);
		/* an agenda built from the same answers holds them already */
		if (x && !in_agenda(agenda, x->text))
			export_md_section(b, slots[i].title, x->text);
	}
	live_items(b, TW_AGENDA_DUE_HEADING, l.due, l.n_due, s.name, today);
	live_items(b, TW_AGENDA_ACTIONS_HEADING, l.open, l.n_open, s.name, today);
	if (m.held || tw_text_nonblank(m.notes))
		export_md_section(b, "Notes", tw_text_nonblank(m.notes) ? m.notes : "(none)");
	if (m.held || tw_text_nonblank(m.outcome))
		export_md_section(b, "Outcome", tw_text_nonblank(m.outcome) ? m.outcome : "(none)");
	ok = tw_buf_ok(b, err);
out:
	tw_agenda_live_free(&l);
	free(agenda);
	tw_reflections_free(r, nr);
	tw_sponsor_finish(&s);
	tw_meeting_finish(&m);
	return ok;
}
