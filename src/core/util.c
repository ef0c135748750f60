/* Shared helpers: UTF-8 validation, the date and time forms twoway accepts,
 * XDG directories and a few string conveniences. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>

#include "twoway/util.h"

size_t tw_utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		n = 2, min = 0x80, c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, min = 0x800, c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

bool tw_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t n = tw_utf8_decode(p + i, len - i, &cp);
		if (!n)
			return false;
		i += n;
	}
	return true;
}

bool tw_text_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	while (i < len) {
		/* eight printable ASCII bytes at a time (none below 0x20, 0x7F or
		 * from 0x80; each test is exact for the word as a whole) */
		while (len - i >= 8) {
			uint64_t w, d;
			memcpy(&w, p + i, 8);
			d = w ^ (ones * 0x7f);
			if (((w | ((w - ones * 0x20) & ~w) | ((d - ones) & ~d)) & highs) != 0)
				break;
			i += 8;
		}
		if (i == len)
			break;
		unsigned cp;
		size_t n = tw_utf8_decode(p + i, len - i, &cp);
		if (!n)
			return false;
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0))
			return false;
		i += n;
	}
	return true;
}

/* Code points that draw nothing: Unicode white space, format characters
 * (Cf), fillers and variation selectors. Sorted ranges. */
static const struct {
	unsigned lo, hi;
} invisible[] = {
	{ 0x0009, 0x000D }, { 0x0020, 0x0020 }, { 0x0085, 0x0085 }, { 0x00A0, 0x00A0 },
	{ 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C }, { 0x115F, 0x1160 },
	{ 0x1680, 0x1680 }, { 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x2000, 0x200F },
	{ 0x2028, 0x202F }, { 0x205F, 0x206F }, { 0x2800, 0x2800 }, { 0x3000, 0x3000 },
	{ 0x3164, 0x3164 }, { 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
	{ 0xFFF9, 0xFFFB }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
	{ 0xE0000, 0xE007F }, { 0xE0100, 0xE01EF },
};

static bool is_invisible(unsigned cp)
{
	size_t lo = 0, hi = sizeof invisible / sizeof invisible[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < invisible[mid].lo)
			hi = mid;
		else if (cp > invisible[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool tw_text_nonblank(const char *s)
{
	if (!s)
		return false;
	if (*s > ' ' && *s < 0x7f) /* starts with a visible ASCII character */
		return true;
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = tw_utf8_decode(p + i, len - i, &cp);
		if (!n || !is_invisible(cp))
			return true;
		i += n;
	}
	return false;
}

static bool valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Reads exactly n digits from *s into *out. */
static bool digits(const char **s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	*out = v;
	return true;
}

bool tw_date_valid(const char *s)
{
	int y, m, d;
	if (!s || !digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &m) || *s++ != '-' ||
	    !digits(&s, 2, &d) || *s)
		return false;
	return valid_ymd(y, m, d);
}

bool tw_time_parse(const char *s, tw_time *out)
{
	int y, mo, d, h = 9, mi = 0;
	if (!s || !digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' ||
	    !digits(&s, 2, &d))
		return false;
	if (*s == ' ' || *s == 'T') {
		s++;
		if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
			return false;
		if (h > 23 || mi > 59)
			return false;
	}
	if (*s || !valid_ymd(y, mo, d))
		return false;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_isdst = -1 };
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return false;
	*out = (tw_time)t;
	return true;
}

void tw_time_format(tw_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, len, "?");
}

void tw_today(char *buf, size_t len)
{
	time_t tt = time(NULL);
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(buf, len, "%Y-%m-%d", &tm))
		snprintf(buf, len, "1970-01-01");
}

static char *xdg_dir(const char *var, const char *fallback)
{
	const char *base = getenv(var);
	if (base && base[0] == '/')
		return tw_strdup_printf("%s/twoway", base);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	return tw_strdup_printf("%s/%s/twoway", home, fallback);
}

char *tw_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *tw_state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

bool tw_mkdir_p(const char *dir, unsigned mode)
{
	char *p = strdup(dir);
	if (!p)
		return false;
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			free(p);
			return false;
		}
		*q = '/';
	}
	bool ok = mkdir(p, (mode_t)mode) == 0 || errno == EEXIST;
	free(p);
	return ok;
}

char *tw_strdup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return n < 0 ? NULL : s;
}

char *tw_casefold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
						  UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
						  UTF8PROC_IGNORE);
	if (n < 0) {
		free(out);
		return NULL;
	}
	return (char *)out;
}

char *tw_strdup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

bool tw_grow(void **v, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return true;
	size_t nc = *cap ? *cap : 16;
	while (nc <= n) {
		if (nc > SIZE_MAX / 2)
			return false;
		nc *= 2;
	}
	if (sz && nc > SIZE_MAX / sz)
		return false;
	void *p = realloc(*v, nc * sz);
	if (!p)
		return false;
	memset((char *)p + *cap * sz, 0, (nc - *cap) * sz);
	*v = p;
	*cap = nc;
	return true;
}

const char tw_digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
				 "25262728293031323334353637383940414243444546474849"
				 "50515253545556575859606162636465666768697071727374"
				 "75767778798081828384858687888990919293949596979899";
