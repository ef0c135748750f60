/* CSV exports of action items and meetings, RFC 4180: a header row, CRLF
 * line ends, UTF-8, and a field quoted (quotes doubled) whenever it holds a
 * comma, a quote, CR or LF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

void tw_export_csv_field(struct tw_buf *b, const char *s)
{
	if (!s)
		s = "";
	if (!s[strcspn(s, ",\"\r\n")]) {
		tw_buf_puts(b, s);
		return;
	}
	tw_buf_add(b, "\"", 1);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			tw_buf_add(b, "\"", 1);
		tw_buf_add(b, p, 1);
	}
	tw_buf_add(b, "\"", 1);
}

/* Appends the fields of one row, comma-separated, CRLF-ended. */
static void row(struct tw_buf *b, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			tw_buf_add(b, ",", 1);
		tw_export_csv_field(b, fields[i]);
	}
	tw_buf_add(b, "\r\n", 2);
}

bool tw_export_csv_actions(struct tw_store *st, int64_t profile_id, struct tw_buf *b,
			   struct tw_error *err)
{
	struct tw_action *a = NULL;
	struct tw_meeting *m = NULL;
	size_t na = 0, nm = 0;
	if (!tw_store_action_list(st, profile_id, 0, TW_ACTIONS_ALL, "", &a, &na, err))
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
	static const char *const head[] = { "id", "text", "owner", "due", "done",
					    "meeting", "sponsor" };
	row(b, head, 7);
	for (size_t i = 0; i < na; i++) {
		char id[24] = "", mid[24] = "";
		const char *sponsor = "";
		snprintf(id, sizeof id, "%lld", (long long)a[i].id);
		if (a[i].meeting_id) {
			snprintf(mid, sizeof mid, "%lld", (long long)a[i].meeting_id);
			const struct tw_meeting *mm = tw_meeting_find(idx, nm, a[i].meeting_id);
			if (mm)
				sponsor = mm->sponsor_name;
		}
		const char *f[] = { id, a[i].text,
				    a[i].owner == TW_OWNER_SPONSOR ? "sponsor" : "me",
				    a[i].due, a[i].done, mid, sponsor };
		row(b, f, 7);
		if (!tw_buf_spill(b))
			break; /* the buffer stopped: tw_buf_ok says why */
	}
	free(idx);
	tw_meetings_free(m, nm);
	tw_actions_free(a, na);
	return tw_buf_ok(b, err);
}

bool tw_export_csv_meetings(struct tw_store *st, const struct tw_library *lib,
			    int64_t profile_id, const char *today, struct tw_buf *b,
			    struct tw_error *err)
{
	struct tw_meeting *m = NULL;
	size_t nm = 0;
	struct tw_agendas *agendas = tw_agendas_new(lib, st, profile_id, today, err);
	if (!agendas)
		return false;
	if (!tw_store_meeting_list(st, profile_id, 0, &m, &nm, err)) {
		tw_agendas_free(agendas);
		return false;
	}
	struct tw_buf agenda = { 0 };
	bool ok = true;
	static const char *const head[] = { "id", "when", "status", "sponsor",
					    "agenda", "notes", "outcome" };
	row(b, head, 7);
	for (size_t i = 0; ok && i < nm; i++) {
		char id[24], when[32];
		snprintf(id, sizeof id, "%lld", (long long)m[i].id);
		tw_time_format(m[i].when, when, sizeof when);
		agenda.len = 0;
		ok = tw_agendas_render(agendas, m[i].id, m[i].sponsor_id, m[i].when,
				       m[i].sponsor_name, m[i].agenda, &agenda, err);
		const char *f[] = { id, when, m[i].held ? "held" : "planned", m[i].sponsor_name,
				    agenda.len ? agenda.data : "", m[i].notes, m[i].outcome };
		if (ok)
			row(b, f, 7);
		if (ok && !tw_buf_spill(b))
			break; /* the buffer stopped: tw_buf_ok says why */
	}
	tw_buf_free(&agenda);
	tw_agendas_free(agendas);
	tw_meetings_free(m, nm);
	return ok && tw_buf_ok(b, err);
}
