/* Markdown for people other than the sponsee: the brief for one meeting (to
 * paste into an email) and a coaching-session summary with what every sitting
 * covered. Both face a sponsor or coach: a private reflection's text never appears. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* Appends text with every line after the first indented by indent, and
 * trailing newlines dropped. */
static void put_indented(struct tw_buf *b, const char *text, const char *indent)
{
	size_t len = strlen(text);
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len; i++) {
		tw_buf_add(b, text + i, 1);
		if (text[i] == '\n' && i + 1 < len && text[i + 1] != '\n')
			tw_buf_puts(b, indent);
	}
}

static void section(struct tw_buf *b, const char *title, const char *text)
{
	tw_buf_printf(b, "\n## %s\n\n", title);
	put_indented(b, text, "");
	tw_buf_add(b, "\n", 1);
}

/* The meeting's agenda under its own heading. An agenda built by the
 * agenda module has "## part" headings: they become "###" under "Agenda",
 * and its snapshot of open action items is left out, since the brief lists
 * them as they stand today. */
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
	put_indented(b, body.data ? body.data : "", "");
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

static bool open_actions(struct tw_store *st, int64_t profile_id, const struct tw_sponsor *s,
			 const char *today, struct tw_buf *b, struct tw_error *err)
{
	struct tw_action *a = NULL;
	struct tw_meeting *m = NULL;
	size_t na = 0, nm = 0, shown = 0;
	if (!tw_store_action_list(st, profile_id, 0, TW_ACTIONS_OPEN, today, &a, &na, err))
		return false;
	if (!tw_store_meeting_list(st, profile_id, 0, &m, &nm, err)) {
		tw_actions_free(a, na);
		return false;
	}
	const struct tw_meeting **idx = tw_meetings_by_id(m, nm);
	if (!idx) {
		tw_meetings_free(m, nm);
		tw_actions_free(a, na);
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < na; i++) {
		const struct tw_meeting *mm = tw_meeting_find(idx, nm, a[i].meeting_id);
		if (!mm || mm->sponsor_id != s->id)
			continue;
		if (!shown++)
			tw_buf_puts(b, "\n## Open action items\n\n");
		tw_buf_puts(b, "- [ ] ");
		put_indented(b, a[i].text, "      ");
		tw_buf_printf(b, " (%s", a[i].owner == TW_OWNER_SPONSOR ? s->name : "me");
		if (a[i].due[0])
			tw_buf_printf(b, ", due %s%s", a[i].due,
				      today && strcmp(a[i].due, today) < 0 ? ", overdue" : "");
		tw_buf_puts(b, ")\n");
	}
	free(idx);
	tw_meetings_free(m, nm);
	tw_actions_free(a, na);
	return true;
}

bool tw_export_md_brief(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			int64_t meeting_id, const char *today, struct tw_buf *b,
			struct tw_error *err)
{
	struct tw_meeting m = { 0 };
	struct tw_sponsor s = { 0 };
	struct tw_reflection *r = NULL;
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
	    !tw_store_reflection_list(st, profile_id, 0, &r, &nr, err))
		goto out;
	char when[32];
	tw_time_format(m.when, when, sizeof when);
	tw_buf_printf(b, "# Meeting with %s\n\n", s.name);
	sponsor_line(b, &s);
	tw_buf_printf(b, "- **When:** %s\n", when);
	if (m.held)
		tw_buf_puts(b, "- **Status:** held\n");
	if (tw_text_nonblank(m.agenda))
		agenda_section(b, m.agenda);
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
		if (!x)
			continue;
		/* an agenda built from the same answers holds them already */
		if (in_agenda(m.agenda, x->text))
			continue;
		section(b, slots[i].title, x->text);
	}
	if (!open_actions(st, profile_id, &s, today, b, err))
		goto out;
	ok = tw_buf_ok(b, err);
out:
	tw_reflections_free(r, nr);
	tw_sponsor_finish(&s);
	tw_meeting_finish(&m);
	return ok;
}

static void duration(struct tw_buf *b, tw_time secs)
{
	long long min = (long long)(secs + 30) / 60;
	if (min >= 60)
		tw_buf_printf(b, "%lld h %02lld min", min / 60, min % 60);
	else
		tw_buf_printf(b, "%lld min", min);
}

/* One covered item: its text from the library (the id when the content
 * no longer has it), the rating, and for a reflection only "(private)"
 * when the sponsee keeps it private, never its text. */
static void covered_item(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			 const struct tw_coaching_event *e, struct tw_buf *b)
{
	const struct tw_item *it = lib ? tw_library_item(lib, e->item_id, NULL, NULL) : NULL;
	tw_buf_puts(b, "- ");
	if (it)
		put_indented(b, it->text, "  ");
	else
		tw_buf_printf(b, "`%s`", e->item_id);
	if (e->what == TW_MARK_RATED)
		tw_buf_printf(b, ": %d of 5", e->value);
	if (e->what == TW_MARK_REFLECTED) {
		struct tw_reflection r;
		struct tw_error ignored = { 0 };
		if (tw_store_reflection_get_item(st, profile_id, e->item_id, &r, &ignored)) {
			if (r.is_private)
				tw_buf_puts(b, ": (private)");
			tw_reflection_finish(&r);
		}
	}
	tw_buf_add(b, "\n", 1);
}

/* What the session covered, from the marks coach mode stored as it went
 * (every sitting of the session); a session from before those marks keeps
 * the text stored when it ended. */
static bool covered_section(struct tw_store *st, const struct tw_library *lib,
			    const struct tw_coaching *c, struct tw_buf *b, struct tw_error *err)
{
	struct tw_coaching_event *e = NULL;
	size_t n = 0;
	if (!tw_store_coaching_covered(st, c->id, &e, &n, err))
		return false;
	if (!n) {
		section(b, "What was covered",
			tw_text_nonblank(c->covered) ? c->covered : "(not recorded)");
		return true;
	}
	size_t count[TW_MARK_COUNT] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[e[i].what]++;
	tw_buf_printf(b, "\n## What was covered\n\nVisited %zu, ticked %zu, rated %zu, "
		      "reflected on %zu.\n", count[TW_MARK_VISITED], count[TW_MARK_TICKED],
		      count[TW_MARK_RATED], count[TW_MARK_REFLECTED]);
	static const struct {
		enum tw_coach_mark what;
		const char *title;
	} groups[] = {
		{ TW_MARK_VISITED, "Visited" },
		{ TW_MARK_TICKED, "Ticked" },
		{ TW_MARK_RATED, "Rated" },
		{ TW_MARK_REFLECTED, "Reflected on" },
	};
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (!count[groups[g].what])
			continue;
		tw_buf_printf(b, "\n### %s\n\n", groups[g].title);
		for (size_t i = 0; i < n; i++)
			if (e[i].what == groups[g].what)
				covered_item(st, lib, c->profile_id, &e[i], b);
	}
	tw_coaching_events_free(e, n);
	return true;
}

bool tw_export_md_coaching(struct tw_store *st, const struct tw_library *lib,
			   int64_t profile_id, int64_t coaching_id, struct tw_buf *b,
			   struct tw_error *err)
{
	struct tw_coaching c = { 0 };
	struct tw_profile p = { 0 };
	struct tw_reflection *r = NULL;
	size_t nr = 0;
	if (!tw_store_coaching_get(st, coaching_id, &c, err))
		return false;
	bool ok = false;
	if (c.profile_id != profile_id) {
		tw_error_set(err, TW_ERR_NOTFOUND, "no coaching session %lld in this profile",
			     (long long)coaching_id);
		goto out;
	}
	if (!tw_store_profile_get(st, profile_id, &p, err) ||
	    !tw_store_reflection_list(st, profile_id, 0, &r, &nr, err))
		goto out;
	char start[32], end[32];
	tw_time_format(c.started, start, sizeof start);
	tw_buf_printf(b, "# Coaching session with %s\n\n", p.name);
	tw_buf_printf(b, "- **Coach:** %s\n- **Profile:** %s\n- **Started:** %s\n", c.coach,
		      p.name, start);
	if (c.ended) {
		tw_time_format(c.ended, end, sizeof end);
		tw_buf_printf(b, "- **Ended:** %s\n- **Duration:** ", end);
		duration(b, c.ended > c.started ? c.ended - c.started : 0);
		tw_buf_add(b, "\n", 1);
	} else {
		tw_buf_puts(b, "- **Ended:** still running\n");
	}
	section(b, "Coach notes", tw_text_nonblank(c.notes) ? c.notes : "(none)");
	if (!covered_section(st, lib, &c, b, err))
		goto out;
	size_t shown = 0;
	/* newest first from the store; list them oldest first */
	for (size_t k = nr; k-- > 0;) {
		const struct tw_reflection *x = &r[k];
		if (x->updated < c.started || (c.ended && x->updated > c.ended))
			continue;
		if (!shown++)
			tw_buf_puts(b, "\n## Reflections during the session\n\n");
		const struct tw_item *it =
			lib && x->item_id ? tw_library_item(lib, x->item_id, NULL, NULL) : NULL;
		tw_buf_printf(b, "- **%s**", it ? it->text : x->item_id ? x->item_id
									 : "Free-standing reflection");
		if (x->is_private) {
			tw_buf_puts(b, ": (private)\n");
			continue;
		}
		tw_buf_puts(b, ":\n  ");
		put_indented(b, x->text, "  ");
		tw_buf_add(b, "\n", 1);
	}
	ok = tw_buf_ok(b, err);
out:
	tw_reflections_free(r, nr);
	tw_profile_finish(&p);
	tw_coaching_finish(&c);
	return ok;
}
