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
		size_t run = strcspn(p, "\\;,\n\r"); /* plain text goes in whole */
		tw_buf_add(b, p, run);
		p += run;
		switch (*p) {
		case '\\': tw_buf_add(b, "\\\\", 2); break;
		case ';': tw_buf_add(b, "\\;", 2); break;
		case ',': tw_buf_add(b, "\\,", 2); break;
		case '\n': tw_buf_add(b, "\\n", 2); break;
		case '\r': break; /* a CRLF in the text is one newline */
		default: return; /* the end */
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

/* Appends "NAME:" + value (escaped as TEXT when text) as one folded
 * line; l is scratch space kept from line to line. */
static void prop(struct tw_buf *b, struct tw_buf *l, const char *name, const char *value,
		 bool text)
{
	l->len = 0;
	tw_buf_puts(l, name);
	tw_buf_add(l, ":", 1);
	if (text)
		tw_export_ics_text(l, value);
	else
		tw_buf_puts(l, value);
	if (l->oom)
		b->oom = true;
	else
		tw_export_ics_line(b, l->data, l->len);
}

/* n as width decimal digits at p. */
static void digits(char *p, int n, int width)
{
	for (int i = width - 1; i >= 0; i--, n /= 10)
		p[i] = (char)('0' + n % 10);
}

/* t as YYYYMMDDTHHMMSSZ (buf has room for 17 bytes). */
static void utc(tw_time t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
		memcpy(buf, "19700101T000000Z", 17);
		return;
	}
	digits(buf, tm.tm_year + 1900, 4);
	digits(buf + 4, tm.tm_mon + 1, 2);
	digits(buf + 6, tm.tm_mday, 2);
	buf[8] = 'T';
	digits(buf + 9, tm.tm_hour, 2);
	digits(buf + 11, tm.tm_min, 2);
	digits(buf + 13, tm.tm_sec, 2);
	memcpy(buf + 15, "Z", 2);
}

/* Three queries whatever the number of meetings: the meetings, their
 * uids (given in one transaction to those without), nothing per meeting. */
bool tw_export_ics(struct tw_store *st, int64_t profile_id, struct tw_buf *b,
		   struct tw_error *err)
{
	struct tw_meeting *m = NULL;
	struct tw_uid *uids = NULL;
	size_t nm = 0, nu = 0;
	if (!tw_store_uids(st, TW_REC_MEETING, profile_id, &uids, &nu, err))
		return false;
	if (!tw_store_meeting_list(st, profile_id, 0, &m, &nm, err)) {
		tw_uids_free(uids, nu);
		return false;
	}
	struct tw_buf l = { 0 };
	prop(b, &l, "BEGIN", "VCALENDAR", false);
	prop(b, &l, "VERSION", "2.0", false);
	prop(b, &l, "PRODID", "-//twoway//twoway sponsor meetings//EN", false);
	prop(b, &l, "CALSCALE", "GREGORIAN", false);
	bool ok = true;
	for (size_t i = 0; ok && i < nm; i++) {
		const char *uid = tw_uids_find(uids, nu, m[i].id);
		if (!uid) { /* written between the two reads: never without a UID */
			ok = tw_error_set(err, TW_ERR_BUSY, "the meetings changed while exporting; "
					  "try again");
			break;
		}
		char stamp[32], start[32], created[32];
		utc(m[i].updated ? m[i].updated : m[i].created, stamp);
		utc(m[i].when, start);
		utc(m[i].created, created);
		prop(b, &l, "BEGIN", "VEVENT", false);
		l.len = 0;
		tw_buf_puts(&l, "UID:meeting-");
		tw_buf_puts(&l, uid);
		tw_buf_puts(&l, "@twoway");
		if (!l.oom)
			tw_export_ics_line(b, l.data, l.len);
		prop(b, &l, "DTSTAMP", stamp, false);
		prop(b, &l, "CREATED", created, false);
		prop(b, &l, "LAST-MODIFIED", stamp, false);
		prop(b, &l, "DTSTART", start, false);
		prop(b, &l, "DURATION", "PT1H", false);
		l.len = 0;
		tw_buf_puts(&l, "SUMMARY:Meeting with ");
		tw_export_ics_text(&l, m[i].sponsor_name);
		b->oom = b->oom || l.oom;
		if (!l.oom)
			tw_export_ics_line(b, l.data, l.len);
		if (m[i].agenda && *m[i].agenda)
			prop(b, &l, "DESCRIPTION", m[i].agenda, true);
		prop(b, &l, "STATUS", "CONFIRMED", false);
		prop(b, &l, "END", "VEVENT", false);
	}
	prop(b, &l, "END", "VCALENDAR", false);
	tw_buf_free(&l);
	tw_meetings_free(m, nm);
	tw_uids_free(uids, nu);
	return ok && tw_buf_ok(b, err);
}
