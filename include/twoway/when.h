/* Dates people type: "today", "thu 10:30", "+3d", "in 2 weeks", "9:00",
 * "2026-12-7" and ISO, read against a given "now" in local time (TZ), and
 * the echo and relative forms ("Thu 2026-12-03 10:30", "in 3 days"). */
#ifndef TWOWAY_WHEN_H
#define TWOWAY_WHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/model.h"

/* What a date text resolved to. */
struct tw_when {
	tw_time t;     /* the moment; a date without a time is taken at 09:00 */
	bool has_time; /* the text named a time of day */
	char date[11]; /* the local day, "YYYY-MM-DD" */
};

/* Reads s against now (seconds since the epoch; local time per TZ). Forms:
 *   today, tomorrow, yesterday
 *   a weekday (mon, monday, thu, thurs, ...; "next thu" too): the next one
 *     strictly after today
 *   +3d, +2w, -1d, "in 3 days", "in 2 weeks", "in a week"
 *   2026-12-07, 2026-12-7, 2026-12-07T10:30
 * each optionally followed by a time (10:30, 9:00, 3pm, 10:30am, "at 10:30"),
 * or a time alone ("9:00": today). Case and extra spaces do not matter.
 * Returns false and writes a one-line message into msg (which names the
 * input and gives an example) when s cannot be read, names an impossible
 * date, or names a local time that does not exist (a daylight-saving gap:
 * the message says so and suggests the time the clocks jump to). */
bool tw_when_parse(const char *s, tw_time now, struct tw_when *out, char *msg,
		   size_t msglen);

/* Like tw_when_parse for a day-only field (a due date): a time is refused.
 * On success writes "YYYY-MM-DD" into date (at least 11 bytes). */
bool tw_when_parse_date(const char *s, tw_time now, char *date, char *msg, size_t msglen);

/* The echo of a resolved moment: "Thu 2026-12-03 10:30" into buf (at least
 * 21 bytes), in local time. */
void tw_when_echo(tw_time t, char *buf, size_t len);

/* The echo of a day "YYYY-MM-DD": "Thu 2026-12-03" into buf (at least 15
 * bytes); the date itself when it is not a valid date. */
void tw_when_echo_date(const char *date, char *buf, size_t len);

/* How far t is from now in words, in local days: "today", "tomorrow",
 * "yesterday", "in 3 days", "3 days ago", "in 2 weeks", "5 weeks ago";
 * with parts of the day for today ("this morning", "this afternoon",
 * "this evening", "tonight"). Into buf (at least 20 bytes). */
void tw_when_relative(tw_time t, tw_time now, char *buf, size_t len);

/* A moment for a person reading a screen: "Thu 3 Dec 10:30, in 3 days"
 * (the year added when it is not now's year), into buf (at least 48 bytes). */
void tw_when_label(tw_time t, tw_time now, char *buf, size_t len);

/* Days from the local day of now to the day "YYYY-MM-DD" (negative when it
 * is past); false when date is not a valid date. */
bool tw_when_days_until(const char *date, tw_time now, int *days);

#endif
