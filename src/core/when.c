/* Dates people type, read against a given "now" in local time: words
 * (today, thu), offsets (+3d, in 2 weeks), ISO days and times of day. The
 * calendar is mktime's and timegm's; this file only reads the words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/when.h"

#define EXAMPLE "try thu 10:30, +3d or 2026-12-03"
#define DAY_EXAMPLE "try fri, +3d or 2026-12-03"
#define MAX_TOKENS 8
#define MAX_OFFSET_DAYS 36600

static const char *const wday_short[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

static const struct {
	const char *name;
	int wday;
} wday_names[] = {
	{ "sun", 0 },	   { "sunday", 0 },	{ "mon", 1 },	     { "monday", 1 },
	{ "tue", 2 },	   { "tues", 2 },	{ "tuesday", 2 },    { "wed", 3 },
	{ "weds", 3 },	   { "wednesday", 3 },	{ "thu", 4 },	     { "thur", 4 },
	{ "thurs", 4 },	   { "thursday", 4 },	{ "fri", 5 },	     { "friday", 5 },
	{ "sat", 6 },	   { "saturday", 6 },
};

static int weekday(const char *tok)
{
	for (size_t i = 0; i < sizeof(wday_names) / sizeof(wday_names[0]); i++)
		if (strcmp(tok, wday_names[i].name) == 0)
			return wday_names[i].wday;
	return -1;
}

/* Days per unit word ("d", "days", "w", "week"...), 0 when not a unit. */
static int unit_days(const char *u)
{
	if (!strcmp(u, "d") || !strcmp(u, "day") || !strcmp(u, "days"))
		return 1;
	if (!strcmp(u, "w") || !strcmp(u, "wk") || !strcmp(u, "wks") || !strcmp(u, "week") ||
	    !strcmp(u, "weeks"))
		return 7;
	return 0;
}

/* Reads a whole number of at most 5 digits from *p. */
static bool number(const char **p, int *out)
{
	int v = 0, n = 0;
	while (isdigit((unsigned char)**p) && n < 6) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0 || n > 5)
		return false;
	*out = v;
	return true;
}

/* A time of day: "10:30", "9:00", "3pm", "10:30am", "12am". */
static bool time_of_day(const char *tok, int *h, int *m)
{
	const char *p = tok;
	int hh, mm = 0;
	if (!number(&p, &hh) || p - tok > 2)
		return false;
	bool colon = *p == ':';
	if (colon) {
		p++;
		const char *q = p;
		if (!number(&p, &mm) || p - q != 2)
			return false;
	}
	if (!strcmp(p, "am") || !strcmp(p, "pm")) {
		if (hh < 1 || hh > 12)
			return false;
		hh = hh % 12 + (p[0] == 'p' ? 12 : 0);
	} else if (*p || !colon) {
		return false;
	}
	if (hh > 23 || mm > 59)
		return false;
	*h = hh;
	*m = mm;
	return true;
}

/* "2026-12-07" or "2026-12-7", with an optional "t10:30" glued on. */
static bool iso_day(const char *tok, int *y, int *mo, int *d, int *h, int *mi, bool *has_time)
{
	if (!isdigit((unsigned char)tok[0]))
		return false;
	struct tm tm = { 0 };
	const char *p = strptime(tok, "%Y-%m-%d", &tm);
	/* the shape strptime leaves open: a four-digit year */
	if (!p || !(isdigit((unsigned char)tok[1]) && isdigit((unsigned char)tok[2]) &&
		    isdigit((unsigned char)tok[3]) && tok[4] == '-'))
		return false;
	*y = tm.tm_year + 1900;
	*mo = tm.tm_mon + 1;
	*d = tm.tm_mday;
	if (*p == 't') {
		if (!time_of_day(p + 1, h, mi))
			return false;
		*has_time = true;
	} else if (*p) {
		return false;
	}
	return true;
}

/* The local calendar day of t moved by days, as y/m/d. */
static bool shift_day(tw_time now, int days, int *y, int *mo, int *d)
{
	time_t tt = (time_t)now;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return false;
	struct tm noon = { .tm_year = tm.tm_year, .tm_mon = tm.tm_mon, .tm_mday = tm.tm_mday + days,
			   .tm_hour = 12, .tm_isdst = -1 };
	if (mktime(&noon) == (time_t)-1)
		return false;
	*y = noon.tm_year + 1900;
	*mo = noon.tm_mon + 1;
	*d = noon.tm_mday;
	return true;
}

static int local_wday(tw_time now)
{
	time_t tt = (time_t)now;
	struct tm tm;
	return localtime_r(&tt, &tm) ? tm.tm_wday : 0;
}

/* Lower-cases s into buf and splits it on white space. */
static int tokenize(const char *s, char *buf, size_t len, char **tok)
{
	size_t n = strlen(s);
	if (n + 1 > len)
		return -1;
	for (size_t i = 0; i <= n; i++)
		buf[i] = (char)tolower((unsigned char)s[i]);
	int nt = 0;
	for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t;
	     t = strtok_r(NULL, " \t", &save)) {
		if (nt == MAX_TOKENS)
			return -1;
		tok[nt++] = t;
	}
	return nt;
}

/* Reads the day part at tok[*i]; sets the y/mo/d out-parameters. False when none is there. */
static bool day_part(char **tok, int nt, int *i, tw_time now, int *y, int *mo, int *d, int *h,
		     int *mi, bool *has_time)
{
	const char *t = tok[*i];
	int days = 0, wd;
	if (!strcmp(t, "today") || !strcmp(t, "now")) {
		days = 0;
	} else if (!strcmp(t, "tomorrow") || !strcmp(t, "tmrw")) {
		days = 1;
	} else if (!strcmp(t, "yesterday")) {
		days = -1;
	} else if ((wd = weekday(t)) >= 0 ||
		   (!strcmp(t, "next") && *i + 1 < nt && (wd = weekday(tok[*i + 1])) >= 0)) {
		if (!strcmp(t, "next"))
			(*i)++;
		days = (wd - local_wday(now) + 6) % 7 + 1;
	} else if (t[0] == '+' || t[0] == '-') {
		const char *p = t + 1;
		int n, per;
		if (!number(&p, &n))
			return false;
		if (!*p && *i + 1 < nt && unit_days(tok[*i + 1])) {
			p = tok[++(*i)];
		}
		if (!(per = unit_days(p)) || n > MAX_OFFSET_DAYS / per)
			return false;
		days = (t[0] == '-' ? -1 : 1) * n * per;
	} else if (!strcmp(t, "in") && *i + 2 < nt) {
		const char *p = tok[*i + 1];
		int n, per;
		if (!strcmp(p, "a") || !strcmp(p, "an") || !strcmp(p, "one"))
			n = 1;
		else if (!number(&p, &n) || *p)
			return false;
		if (!(per = unit_days(tok[*i + 2])) || n > MAX_OFFSET_DAYS / per)
			return false;
		days = n * per;
		*i += 2;
	} else if (iso_day(t, y, mo, d, h, mi, has_time)) {
		(*i)++;
		return true;
	} else {
		return false;
	}
	(*i)++;
	return shift_day(now, days, y, mo, d);
}

static bool unreadable(const char *s, char *msg, size_t msglen, const char *example)
{
	snprintf(msg, msglen, "'%s' is not a date; %s", s, example);
	return false;
}

static bool parse(const char *s, tw_time now, struct tw_when *out, char *msg, size_t msglen,
		  const char *example)
{
	char buf[128], *tok[MAX_TOKENS];
	if (!s)
		s = "";
	int nt = tokenize(s, buf, sizeof(buf), tok);
	if (nt <= 0)
		return unreadable(s, msg, msglen, example);
	int i = 0, y = 0, mo = 0, d = 0, h = 9, mi = 0;
	bool has_time = false, has_day = day_part(tok, nt, &i, now, &y, &mo, &d, &h, &mi, &has_time);
	if (!has_day && !shift_day(now, 0, &y, &mo, &d))
		return unreadable(s, msg, msglen, example);
	if (i < nt && !has_time) {
		if (!strcmp(tok[i], "at") && i + 1 < nt)
			i++;
		char glued[16];
		const char *tt = tok[i];
		/* "3 pm" reads as "3pm" */
		if (i + 1 < nt && (!strcmp(tok[i + 1], "am") || !strcmp(tok[i + 1], "pm")) &&
		    strlen(tok[i]) < 6) {
			snprintf(glued, sizeof glued, "%s%s", tok[i], tok[i + 1]);
			tt = glued;
			i++;
		}
		if (!time_of_day(tt, &h, &mi))
			return unreadable(s, msg, msglen, example);
		has_time = true;
		i++;
	}
	if (i < nt || (!has_day && !has_time))
		return unreadable(s, msg, msglen, example);
	if (y < 1900 || y > 9999) {
		snprintf(msg, msglen, "'%s' is out of range; years run from 1900 to 9999", s);
		return false;
	}
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
			 .tm_min = mi, .tm_isdst = -1 };
	time_t t = mktime(&tm);
	if (t == (time_t)-1) {
		snprintf(msg, msglen, "'%s' cannot be placed on the calendar; %s", s, example);
		return false;
	}
	if (tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d) {
		snprintf(msg, msglen, "'%s' is not a date: %04d-%02d has no day %d", s, y, mo, d);
		return false;
	}
	if (tm.tm_hour != h || tm.tm_min != mi) {
		/* A daylight-saving gap: name it, and the time clocks jump to. */
		struct tm std = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
				  .tm_hour = h, .tm_min = mi, .tm_isdst = 0 };
		time_t later = mktime(&std);
		struct tm dst = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
				  .tm_hour = h, .tm_min = mi, .tm_isdst = 1 };
		time_t other = mktime(&dst);
		if (other != (time_t)-1 && other > later)
			later = other;
		char sugg[40];
		tw_when_echo((tw_time)later, sugg, sizeof sugg);
		struct tm cal = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d };
		timegm(&cal);
		snprintf(msg, msglen,
			 "no %02d:%02d on %s %04d-%02d-%02d: clocks jump forward for daylight "
			 "saving; try %s",
			 h % 100, mi % 100, wday_short[cal.tm_wday % 7], y % 10000, mo % 100,
			 d % 100, sugg + 15);
		return false;
	}
	out->t = (tw_time)t;
	out->has_time = has_time;
	strftime(out->date, sizeof out->date, "%Y-%m-%d", &tm);
	return true;
}

bool tw_when_parse(const char *s, tw_time now, struct tw_when *out, char *msg, size_t msglen)
{
	return parse(s, now, out, msg, msglen, EXAMPLE);
}

bool tw_when_parse_date(const char *s, tw_time now, char *date, char *msg, size_t msglen)
{
	struct tw_when w;
	if (!parse(s, now, &w, msg, msglen, DAY_EXAMPLE))
		return false;
	if (w.has_time) {
		snprintf(msg, msglen, "'%s' has a time; give a day: fri, +3d or 2026-12-03",
			 s);
		return false;
	}
	memcpy(date, w.date, sizeof w.date);
	return true;
}

void tw_when_echo(tw_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm)) {
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%s %04d-%02d-%02d %02d:%02d", wday_short[tm.tm_wday % 7],
		 (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100, tm.tm_mday % 100,
		 tm.tm_hour % 100, tm.tm_min % 100);
}

/* y/m/d of "YYYY-MM-DD" when it is a real day. */
static bool read_date(const char *date, struct tm *out)
{
	struct tm tm = { 0 };
	const char *p = date ? strptime(date, "%Y-%m-%d", &tm) : NULL;
	if (!p || *p || strlen(date) != 10)
		return false;
	struct tm check = tm;
	check.tm_hour = 12;
	if (timegm(&check) == (time_t)-1 || check.tm_mday != tm.tm_mday ||
	    check.tm_mon != tm.tm_mon)
		return false;
	*out = check;
	return true;
}

void tw_when_echo_date(const char *date, char *buf, size_t len)
{
	struct tm tm;
	if (!read_date(date, &tm)) {
		snprintf(buf, len, "%s", date ? date : "");
		return;
	}
	snprintf(buf, len, "%s %.10s", wday_short[tm.tm_wday % 7], date);
}

/* Days since the epoch of the local calendar day of t. */
static long local_day_number(tw_time t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return 0;
	struct tm day = { .tm_year = tm.tm_year, .tm_mon = tm.tm_mon, .tm_mday = tm.tm_mday };
	return (long)(timegm(&day) / 86400);
}

bool tw_when_days_until(const char *date, tw_time now, int *days)
{
	struct tm tm;
	if (!read_date(date, &tm))
		return false;
	struct tm day = { .tm_year = tm.tm_year, .tm_mon = tm.tm_mon, .tm_mday = tm.tm_mday };
	*days = (int)(timegm(&day) / 86400 - local_day_number(now));
	return true;
}

void tw_when_relative(tw_time t, tw_time now, char *buf, size_t len)
{
	long d = local_day_number(t) - local_day_number(now);
	if (d == 0) {
		time_t tt = (time_t)t;
		struct tm tm;
		int h = localtime_r(&tt, &tm) ? tm.tm_hour : 12;
		snprintf(buf, len, "%s", h < 12 ? "this morning" : h < 17 ? "this afternoon"
					 : h < 21 ? "this evening" : "tonight");
	} else if (d == 1) {
		snprintf(buf, len, "tomorrow");
	} else if (d == -1) {
		snprintf(buf, len, "yesterday");
	} else {
		long a = labs(d);
		const char *unit = "days";
		long n = a;
		if (a >= 60) {
			n = a / 30;
			unit = "months";
		} else if (a >= 14) {
			n = a / 7;
			unit = "weeks";
		}
		if (d > 0)
			snprintf(buf, len, "in %ld %s", n, unit);
		else
			snprintf(buf, len, "%ld %s ago", n, unit);
	}
}

void tw_when_label(tw_time t, tw_time now, char *buf, size_t len)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t, nn = (time_t)now;
	struct tm tm, nm;
	if (!localtime_r(&tt, &tm) || !localtime_r(&nn, &nm)) {
		snprintf(buf, len, "?");
		return;
	}
	char rel[32], year[8] = "";
	tw_when_relative(t, now, rel, sizeof rel);
	if (tm.tm_year != nm.tm_year)
		snprintf(year, sizeof year, " %04d", (tm.tm_year + 1900) % 10000);
	snprintf(buf, len, "%s %d %s%s %02d:%02d, %s", wday_short[tm.tm_wday % 7],
		 tm.tm_mday % 100, months[tm.tm_mon % 12], year, tm.tm_hour % 100,
		 tm.tm_min % 100, rel);
}
