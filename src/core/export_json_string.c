/* JSON string values for the export writer: RFC 8259 escaping the way
 * SQLite's JSON functions wrote it (short escapes for \b \t \n \f \r, \u00XX
 * for other control characters), plus U+2028/U+2029 escaped (JavaScript
 * reads them as line ends) and never an invalid UTF-8 byte in the output. */
#include <stdint.h>
#include <string.h>

#include "twoway/export.h"

/* Length of the valid UTF-8 sequence at s (n bytes left) whose lead byte
 * is >= 0x80, or 0 when it is not valid (overlong, surrogate, > U+10FFFF,
 * cut short, stray continuation byte). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0))
			return 0; /* overlong, or a surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
			return 0; /* overlong, or past U+10FFFF */
		return 4;
	}
	return 0;
}

/* What each byte needs: 0 nothing (printable ASCII), 1 an escape, 2 a
 * look at the UTF-8 sequence it starts. */
static const unsigned char need[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* control characters */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
	[0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

void tw_export_json_string(struct tw_buf *b, const char *str, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	/* every input byte gives at most 6 output bytes (\u00XX) */
	if (len > SIZE_MAX / 8) {
		b->oom = true;
		return;
	}
	char *o = tw_buf_room(b, 6 * len + 2);
	if (!o)
		return;
	char *start = o;
	*o++ = '"';
	size_t i = 0;
	while (i < len) {
		/* eight plain bytes at a time: none below 0x20, '"', backslash
		 * or from 0x80 (each test is exact for the word as a whole) */
		const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
		while (i + 8 <= len) {
			uint64_t w, q, k;
			memcpy(&w, s + i, 8);
			q = w ^ (ones * '"');
			k = w ^ (ones * '\\');
			if (((w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((k - ones) & ~k)) &
			     highs) != 0)
				break;
			memcpy(o, &w, 8);
			o += 8;
			i += 8;
		}
		if (i == len)
			break;
		unsigned char c = s[i];
		if (!need[c]) {
			*o++ = (char)c;
			i++;
			continue;
		}
		if (need[c] == 2) {
			size_t n = utf8_valid(s + i, len - i);
			if (n == 0) {
				/* not UTF-8: a replacement character for the byte */
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
				i++;
			} else if (n == 3 && c == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] & 0xfe) == 0xa8) {
				/* U+2028, U+2029 */
				memcpy(o, s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029", 6);
				o += 6;
				i += 3;
			} else {
				memcpy(o, s + i, n);
				o += n;
				i += n;
			}
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': case '\\': *o++ = (char)c; break;
		case '\b': *o++ = 'b'; break;
		case '\t': *o++ = 't'; break;
		case '\n': *o++ = 'n'; break;
		case '\f': *o++ = 'f'; break;
		case '\r': *o++ = 'r'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
		i++;
	}
	*o++ = '"';
	b->len += (size_t)(o - start);
	b->data[b->len] = '\0';
}
