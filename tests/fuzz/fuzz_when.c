/* libFuzzer target for the date parser: any text goes through
 * tw_when_parse against a few fixed "now"s in a zone with daylight saving;
 * it must not crash, must fill a message on refusal, and what it accepts
 * must echo as a real day that reads back to the same moment. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/util.h"
#include "twoway/when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(bool ok)
{
	if (!ok)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool tz_set;
	if (!tz_set) {
		setenv("TZ", "Europe/Berlin", 1);
		tzset();
		tz_set = true;
	}
	if (size > 200)
		return 0;
	char s[201];
	memcpy(s, data, size);
	s[size] = '\0';
	static const tw_time nows[] = { 1796063640, /* 2026-11-30 19:34 */
					1806192000, /* 2027-03-28 01:00, before the gap */
					0 };
	for (size_t i = 0; i < sizeof(nows) / sizeof(nows[0]); i++) {
		struct tw_when w;
		char msg[256] = "";
		if (!tw_when_parse(s, nows[i], &w, msg, sizeof msg)) {
			must(msg[0] != '\0');
			continue;
		}
		must(tw_date_valid(w.date));
		char echo[32], iso[32];
		tw_when_echo(w.t, echo, sizeof echo);
		must(strncmp(echo + 4, w.date, 10) == 0);
		/* the ISO form of what was resolved reads back to the same moment */
		snprintf(iso, sizeof iso, "%s", echo + 4);
		tw_time again = 0;
		must(tw_time_parse(iso, &again) && again == w.t);
	}
	return 0;
}
