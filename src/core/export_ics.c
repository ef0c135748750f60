/* The iCalendar export (RFC 5545): one VEVENT per meeting with a stable
 * UID, DTSTAMP and DTSTART in UTC, TEXT values escaped and content lines
 * folded at 75 octets on UTF-8 boundaries, CRLF line ends. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/agenda.h"
#include "twoway/export.h"
#include "twoway/util.h"

/* The first len bytes of s (a NUL-terminated string at least that long)
 * escaped as TEXT. */
static void text_n(struct tw_buf *b, const char *s, size_t len)
{
	for (const char *p = s, *end = s + len; p < end; p++) {
		size_t run = strcspn(p, "\\;,\n\r"); /* plain text goes in whole */
		if (run > (size_t)(end - p))
			run = (size_t)(end - p);
		tw_buf_add(b, p, run);
		p += run;
		if (p == end)
			return;
		switch (*p) {
		case '\\': tw_buf_add(b, "\\\\", 2); break;
		case ';': tw_buf_add(b, "\\;", 2); break;
		case ',': tw_buf_add(b, "\\,", 2); break;
		case '\n': tw_buf_add(b, "\\n", 2); break;
		default: break; /* '\r': a CRLF in the text is one newline */
		}
	}
}

void tw_export_ics_text(struct tw_buf *b, const char *s)
{
	text_n(b, s ? s : "", s ? strlen(s) : 0);
}

void tw_export_ics_line(struct tw_buf *b, const char *line, size_t len)
{
	/* a fold (3 bytes) after every 71 octets at the least (74 less a
	 * UTF-8 sequence backed out), and the CRLF: room for all of it at
	 * once, then plain copies */
	char *out = tw_buf_room(b, len + 3 * (len / 70 + 1) + 2);
	if (!out)
		return;
	char *p = out;
	size_t i = 0, room = 75; /* the first line has 75 octets, the rest 74 + space */
	while (len - i > room) {
		size_t cut = i + room;
		/* back up to the start of a UTF-8 sequence */
		while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == i) /* cannot happen with valid UTF-8; never loop */
			cut = i + room;
		memcpy(p, line + i, cut - i);
		p += cut - i;
		memcpy(p, "\r\n ", 3);
		p += 3;
		i = cut;
		room = 74;
	}
	memcpy(p, line + i, len - i);
	p += len - i;
	memcpy(p, "\r\n", 3); /* and the NUL */
	b->len += (size_t)(p + 2 - out);
}

/* A content line is written straight into b from start on; line_end ends
 * it, folding it (through l, scratch space kept from line to line) only
 * when it is longer than one line may be. */
static void line_end(struct tw_buf *b, struct tw_buf *l, size_t start)
{
	if (b->oom)
		return;
	size_t len = b->len - start;
	if (len <= 75) { /* no fold: tw_export_ics_line's first line holds 75 */
		tw_buf_add(b, "\r\n", 2);
		return;
	}
	l->len = 0;
	tw_buf_add(l, b->data + start, len);
	if (l->oom) {
		b->oom = true;
		return;
	}
	b->len = start;
	tw_export_ics_line(b, l->data, l->len);
}

/* Appends head ("NAME:", head_len bytes) + the len bytes of value
 * (escaped as TEXT when text) as one folded line. */
static void prop(struct tw_buf *b, struct tw_buf *l, const char *head, size_t head_len,
		 const char *value, size_t len, bool text)
{
	size_t start = b->len;
	tw_buf_add(b, head, head_len);
	if (text)
		text_n(b, value, len);
	else
		tw_buf_add(b, value, len);
	line_end(b, l, start);
}

/* A property whose value is not TEXT. */
static void plain(struct tw_buf *b, struct tw_buf *l, const char *head, const char *value)
{
	prop(b, l, head, strlen(head), value, strlen(value), false);
}

/* n as width decimal digits at p. */
static void digits(char *p, int n, int width)
{
	for (int i = width - 1; i >= 0; i--, n /= 10)
		p[i] = (char)('0' + n % 10);
}

/* t as YYYYMMDDTHHMMSSZ (buf has room for 17 bytes), by arithmetic on
 * the proleptic Gregorian calendar (days to civil date, after Howard
 * Hinnant's algorithm): UTC needs no time zone, and gmtime per line cost
 * more than the rest of the event. Years outside 0..9999 read as the epoch.
 * The date of the day last formatted is kept in *last (a calendar's times
 * cluster on few days: the times a meeting was written and changed are
 * often on one day, so those share a *last, and its start has its own). */
struct utc_day {
	int64_t days; /* days since the epoch; INT64_MIN: none yet */
	char ymd[8];
};

/* The date of days since the epoch as YYYYMMDD. */
static void civil(int64_t days, char ymd[8])
{
	int64_t z = days + 719468; /* days since 0000-03-01 */
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                       /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                                     /* [0, 11] */
	int day = (int)(doy - (153 * mp + 2) / 5 + 1);
	int month = (int)(mp < 10 ? mp + 3 : mp - 9);
	int year = (int)(yoe + era * 400 + (month <= 2));
	digits(ymd, year, 4);
	tw_digits2(ymd + 4, (unsigned)month);
	tw_digits2(ymd + 6, (unsigned)day);
}

static void utc(tw_time t, char *buf, struct utc_day *last)
{
	const int64_t day_s = 86400;
	if (t < -62167219200LL || t > 253402300799LL) { /* 0000-01-01 .. 9999-12-31 */
		memcpy(buf, "19700101T000000Z", 17);
		return;
	}
	int64_t days = t / day_s, secs = t % day_s;
	if (secs < 0) {
		secs += day_s;
		days--;
	}
	if (days != last->days) {
		civil(days, last->ymd);
		last->days = days;
	}
	memcpy(buf, last->ymd, 8);
	buf[8] = 'T';
	unsigned sec = (unsigned)secs; /* [0, 86399] */
	tw_digits2(buf + 9, sec / 3600);
	tw_digits2(buf + 11, sec / 60 % 60);
	tw_digits2(buf + 13, sec % 60);
	memcpy(buf + 15, "Z", 2);
}

/* A sponsor's SUMMARY line as written, kept for the next meeting with
 * them: a calendar has many meetings and few sponsors, and escaping and
 * folding the name again for each meeting was 3% of the export's
 * instructions. One slot per sponsor id modulo SUMMARY_SLOTS. */
#define SUMMARY_SLOTS 128
struct summary {
	int64_t sponsor_id;
	char *line; /* the folded line with its CRLF, then the name it was
		       made from (one malloc'd block); NULL: an empty slot */
	size_t len; /* of the line */
};

struct ics {
	struct tw_buf *b;
	struct tw_buf l;	    /* one content line */
	struct tw_agendas *agendas; /* what the agendas derive */
	struct utc_day made;	    /* utc's last date of a created or changed time */
	struct utc_day start;	    /* and of a start */
	struct summary summaries[SUMMARY_SLOTS];
};

/* "SUMMARY:Meeting with NAME", escaped and folded, from the sponsor's
 * slot when it holds this name (the same text: a slot is never trusted
 * on the id alone), else made and kept. A slot that cannot be kept (no
 * memory) only costs the next meeting a remake. */
static void put_summary(struct ics *x, int64_t sponsor_id, const char *name)
{
	struct tw_buf *b = x->b;
	struct summary *s = &x->summaries[(uint64_t)sponsor_id % SUMMARY_SLOTS];
	if (s->line && s->sponsor_id == sponsor_id && strcmp(s->line + s->len, name) == 0) {
		tw_buf_add(b, s->line, s->len);
		return;
	}
	size_t start = b->len;
	tw_buf_add(b, "SUMMARY:Meeting with ", 21);
	tw_export_ics_text(b, name);
	line_end(b, &x->l, start);
	if (b->oom)
		return;
	free(s->line);
	*s = (struct summary){ 0 };
	size_t len = b->len - start, name_len = strlen(name);
	char *line = malloc(len + name_len + 1);
	if (line) {
		memcpy(line, b->data + start, len);
		memcpy(line + len, name, name_len + 1);
		*s = (struct summary){ sponsor_id, line, len };
	}
}

static bool put_event(const struct tw_meeting_row *m, void *ctx, struct tw_error *err)
{
	struct ics *x = ctx;
	struct tw_buf *b = x->b, *l = &x->l;
	if (!m->uid) /* written after the uids were given: never without a UID */
		return tw_error_set(err, TW_ERR_BUSY, "the meetings changed while exporting; "
				    "try again");
	tw_buf_add(b, "BEGIN:VEVENT\r\n", 14);
	size_t start = b->len;
	tw_buf_add(b, "UID:meeting-", 12);
	tw_buf_puts(b, m->uid);
	tw_buf_add(b, "@twoway", 7);
	line_end(b, l, start);
	/* the lines of fixed length (none needs folding) in one append */
	char t[160], *p = t;
#define PUT(lit) (memcpy(p, lit, sizeof lit - 1), p += sizeof lit - 1)
	PUT("DTSTAMP:");
	utc(m->updated ? m->updated : m->created, p, &x->made);
	char *stamp = p;
	p += 16;
	PUT("\r\nCREATED:");
	if (m->created == (m->updated ? m->updated : m->created))
		memcpy(p, stamp, 16); /* never changed since */
	else
		utc(m->created, p, &x->made);
	p += 16;
	PUT("\r\nLAST-MODIFIED:");
	memcpy(p, stamp, 16);
	p += 16;
	PUT("\r\nDTSTART:");
	utc(m->when, p, &x->start);
	p += 16;
	PUT("\r\nDURATION:PT1H\r\n");
#undef PUT
	tw_buf_add(b, t, (size_t)(p - t));
	put_summary(x, m->sponsor_id, m->sponsor_name);
	const char *agenda;
	size_t agenda_len;
	if (!tw_agendas_text(x->agendas, m->id, m->sponsor_id, m->when, m->sponsor_name,
			     m->agenda, &agenda, &agenda_len, err))
		return false;
	if (agenda_len)
		prop(b, l, "DESCRIPTION:", 12, agenda, agenda_len, true);
	tw_buf_add(b, "STATUS:CONFIRMED\r\nEND:VEVENT\r\n", 30);
	return tw_buf_spill(b) || tw_buf_ok(b, err); /* false: the buffer stopped */
}

/* A constant number of queries whatever the number of meetings (the
 * meetings, after the uids are given in one transaction to those without;
 * what the agendas derive), and no copy of any field. */
bool tw_export_ics(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
		   const char *today, struct tw_buf *b, struct tw_error *err)
{
	struct ics x = { .b = b, .made = { .days = INT64_MIN }, .start = { .days = INT64_MIN } };
	if (!(x.agendas = tw_agendas_new(lib, st, profile_id, today, err)))
		return false;
	plain(b, &x.l, "BEGIN:", "VCALENDAR");
	plain(b, &x.l, "VERSION:", "2.0");
	plain(b, &x.l, "PRODID:", "-//twoway//twoway sponsor meetings//EN");
	plain(b, &x.l, "CALSCALE:", "GREGORIAN");
	/* a meeting's id finds its answers; without a library there are none */
	bool ok = tw_store_meeting_rows(st, profile_id, lib != NULL, put_event, &x, err);
	plain(b, &x.l, "END:", "VCALENDAR");
	for (size_t i = 0; i < SUMMARY_SLOTS; i++)
		free(x.summaries[i].line);
	tw_buf_free(&x.l);
	tw_agendas_free(x.agendas);
	return ok && tw_buf_ok(b, err);
}
