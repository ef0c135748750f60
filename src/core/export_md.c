/* Markdown for a coach: the coaching-session summary with what every
 * sitting covered; a private reflection's text never appears. (A meeting's
 * brief and send-ahead agenda: export_brief.c, export_agenda.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/export.h"
#include "twoway/util.h"
#include "export_md_common.h"


static void duration(struct tw_buf *b, tw_time secs)
{
	long long min = (long long)(secs + 30) / 60;
	if (min >= 60)
		tw_buf_printf(b, "%lld h %02lld min", min / 60, min % 60);
	else
		tw_buf_printf(b, "%lld min", min);
}

/* " (check-up with Dana Reyes of 2026-12-01)" or " (meeting with Dana
 * Reyes, 2030-01-10 10:00)" for an answer that belongs to one; "" else. */
static void occasion(struct tw_store *st, const struct tw_reflection *x, struct tw_buf *b)
{
	struct tw_error ignored = { 0 };
	char when[32];
	if (x->checkup_id) {
		struct tw_checkup c;
		if (!tw_store_checkup_get(st, x->profile_id, x->checkup_id, &c, &ignored))
			return;
		tw_time_format(c.at, when, sizeof when);
		when[10] = '\0'; /* the day */
		tw_buf_printf(b, " (check-up%s%s of %s)", c.sponsor_name && *c.sponsor_name
							     ? " with " : "",
			      c.sponsor_name ? c.sponsor_name : "", when);
		tw_checkup_finish(&c);
	} else if (x->meeting_id) {
		struct tw_meeting m;
		if (!tw_store_meeting_get(st, x->meeting_id, &m, &ignored))
			return;
		tw_time_format(m.when, when, sizeof when);
		tw_buf_printf(b, " (meeting with %s, %s)", m.sponsor_name ? m.sponsor_name : "?",
			      when);
		tw_meeting_finish(&m);
	}
}

/* One covered item: its text from the library (the id when the content
 * no longer has it), the rating, and for a reflection only "(private)"
 * when the sponsee keeps it private, never its text. */
static void covered_item(struct tw_store *st, const struct tw_library *lib, int64_t coaching_id,
			 const struct tw_coaching_event *e, struct tw_buf *b)
{
	const struct tw_item *it = lib ? tw_library_item(lib, e->item_id, NULL, NULL) : NULL;
	tw_buf_puts(b, "- ");
	if (it)
		export_md_indented(b, it->text, "  ");
	else
		tw_buf_printf(b, "`%s`", e->item_id);
	if (e->what == TW_MARK_RATED)
		tw_buf_printf(b, ": %d of 5", e->value);
	if (e->what == TW_MARK_REFLECTED) {
		struct tw_reflection r;
		struct tw_error ignored = { 0 };
		/* the answer the session wrote, in whichever meeting or
		 * check-up run it belongs to */
		if (tw_store_coaching_reflection(st, coaching_id, e->item_id, &r, &ignored)) {
			occasion(st, &r, b);
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
		export_md_section(b, "What was covered",
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
				covered_item(st, lib, c->id, &e[i], b);
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
	export_md_section(b, "Coach notes", tw_text_nonblank(c.notes) ? c.notes : "(none)");
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
		occasion(st, x, b);
		if (x->is_private) {
			tw_buf_puts(b, ": (private)\n");
			continue;
		}
		tw_buf_puts(b, ":\n  ");
		export_md_indented(b, x->text, "  ");
		tw_buf_add(b, "\n", 1);
	}
	ok = tw_buf_ok(b, err);
out:
	tw_reflections_free(r, nr);
	tw_profile_finish(&p);
	tw_coaching_finish(&c);
	return ok;
}
