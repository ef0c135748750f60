/* The iCalendar export (RFC 5545): one VEVENT per meeting with a stable
 * UID, DTSTAMP and DTSTART in UTC, TEXT values escaped and content lines
 * folded at 75 octets on UTF-8 boundaries, CRLF line ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/export.h"
#include "twoway/util.h"

void tw_export_ics_text(struct tw_buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '\\': tw_buf_add(b, "\\\\", 2); break;
		case ';': tw_buf_add(b, "\\;", 2); break;
		case ',': tw_buf_add(b, "\\,", 2); break;
		case '\n': tw_buf_add(b, "\\n", 2); break;
		case '\r': break; /* a CRLF in the text is one newline */
		default: tw_buf_add(b, p, 1);
		}
	}
}

void tw_export_ics_line(struct tw_buf *b, const char *line, size_t len)
{
	size_t i = 0, room = 75; /* the first line has 75 octets, the rest 74 + space */
	while (len - i > room) {
		size_t cut = i + room;
		/* back up to the start of a UTF-8 sequence */
		while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == i) /* cannot happen with valid UTF-8; never loop */
			cut = i + room;
		tw_buf_add(b, line + i, cut - i);
		tw_buf_add(b, "\r\n ", 3);
		i = cut;
		room = 74;
	}
	tw_buf_add(b, line + i, len - i);
	tw_buf_add(b, "\r\n", 2);
}

/* Appends "NAME:" + value (already escaped where needed) as one folded line. */
static void prop(struct tw_buf *b, const char *name, const char *value, bool text)
{
	struct tw_buf l = { 0 };
	tw_buf_puts(&l, name);
	tw_buf_add(&l, ":", 1);
	if (text)
		tw_export_ics_text(&l, value);
	else
		tw_buf_puts(&l, value);
	if (l.oom)
		b->oom = true;
	else
		tw_export_ics_line(b, l.data, l.len);
	tw_buf_free(&l);
}

static void utc(tw_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(buf, len, "%Y%m%dT%H%M%SZ", &tm))
		snprintf(buf, len, "19700101T000000Z");
}

bool tw_export_ics(struct tw_store *st, int64_t profile_id, struct tw_buf *b,
		   struct tw_error *err)
{
	struct tw_meeting *m = NULL;
	size_t nm = 0;
	if (!tw_store_meeting_list(st, profile_id, 0, &m, &nm, err))
		return false;
	prop(b, "BEGIN", "VCALENDAR", false);
	prop(b, "VERSION", "2.0", false);
	prop(b, "PRODID", "-//twoway//twoway sponsor meetings//EN", false);
	prop(b, "CALSCALE", "GREGORIAN", false);
	bool ok = true;
	for (size_t i = 0; ok && i < nm; i++) {
		char *uid = NULL;
		if (!tw_store_uid(st, TW_REC_MEETING, m[i].id, &uid, err)) {
			ok = false;
			break;
		}
		char stamp[32], start[32], created[32], *v;
		utc(m[i].updated ? m[i].updated : m[i].created, stamp, sizeof stamp);
		utc(m[i].when, start, sizeof start);
		utc(m[i].created, created, sizeof created);
		prop(b, "BEGIN", "VEVENT", false);
		v = tw_strdup_printf("meeting-%s@twoway", uid);
		prop(b, "UID", v, false);
		free(v);
		prop(b, "DTSTAMP", stamp, false);
		prop(b, "CREATED", created, false);
		prop(b, "LAST-MODIFIED", stamp, false);
		prop(b, "DTSTART", start, false);
		prop(b, "DURATION", "PT1H", false);
		v = tw_strdup_printf("Meeting with %s", m[i].sponsor_name);
		prop(b, "SUMMARY", v, true);
		free(v);
		if (m[i].agenda && *m[i].agenda)
			prop(b, "DESCRIPTION", m[i].agenda, true);
		prop(b, "STATUS", "CONFIRMED", false);
		prop(b, "END", "VEVENT", false);
		free(uid);
	}
	prop(b, "END", "VCALENDAR", false);
	tw_meetings_free(m, nm);
	return ok && tw_buf_ok(b, err);
}
