/* Safe text drawing: UTF-8 to wide characters, display widths through
 * wcwidth, control characters shown as a placeholder, word wrap. Every piece
 * of text from content or the database reaches the terminal through here. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "app.h"
#include "twoway/util.h"

/* Decodes one UTF-8 sequence into a wide character; 0 when invalid. */
static size_t decode(const unsigned char *s, size_t len, wchar_t *out)
{
	unsigned cp;
	size_t n = tw_utf8_decode(s, len, &cp);
	if (n)
		*out = (wchar_t)cp;
	return n;
}

/* Decodes the n bytes of s into out (room for n characters), invalid
 * bytes as U+FFFD; returns the number of characters. */
static size_t decode_all(const char *s, size_t n, wchar_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t m = decode(p + i, n - i, &out[k]);
		if (!m) {
			out[k] = 0xFFFD;
			m = 1;
		}
		i += m;
		k++;
	}
	return k;
}

wchar_t *tui_wcs_from_utf8(const char *s, size_t *len)
{
	size_t n = s ? strlen(s) : 0;
	wchar_t *w = malloc((n + 1) * sizeof(*w));
	if (!w)
		return NULL;
	size_t k = decode_all(s ? s : "", n, w);
	w[k] = 0;
	if (len)
		*len = k;
	return w;
}

static size_t encode(unsigned c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

char *tui_utf8_from_wcs(const wchar_t *w, size_t len)
{
	char *s = malloc(len * 4 + 1);
	if (!s)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned)w[i];
		if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = 0xFFFD;
		k += encode(c, s + k);
	}
	s[k] = '\0';
	return s;
}

/* Characters that must never reach the terminal as themselves. */
static bool unsafe(wchar_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 ||
	       c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       c > 0x10FFFF;
}

/* Invisible format characters that are dropped when drawn. */
static bool dropped(wchar_t c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2065) || c == 0xFEFF;
}

static wchar_t placeholder(void)
{
	return wcwidth(0xFFFD) == 1 ? (wchar_t)0xFFFD : L'?';
}

int tui_wcwidth(wchar_t c)
{
	if (c == L'\t' || c == L'\n' || unsafe(c))
		return 1;
	if (dropped(c))
		return 0;
	int w = wcwidth(c);
	if (w < 0) { /* unknown to the C library: ask utf8proc's newer tables */
		w = utf8proc_codepoint_valid((utf8proc_int32_t)c) ? utf8proc_charwidth((utf8proc_int32_t)c) : 1;
		if (w < 1)
			w = 1;
	}
	return w > 2 ? 2 : w;
}

size_t tui_cluster_next(const wchar_t *w, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	utf8proc_int32_t state = 0;
	size_t i = pos;
	while (i + 1 < len && !utf8proc_grapheme_break_stateful((utf8proc_int32_t)w[i],
								(utf8proc_int32_t)w[i + 1], &state))
		i++;
	return i + 1;
}

size_t tui_cluster_prev(const wchar_t *w, size_t len, size_t pos)
{
	if (pos > len)
		pos = len;
	if (pos == 0)
		return 0;
	/* clusters never span a newline: walk forward from the line start */
	size_t start = pos - 1;
	while (start > 0 && w[start - 1] != L'\n')
		start--;
	size_t p = start, last = start;
	while (p < pos) {
		last = p;
		p = tui_cluster_next(w, len, p);
	}
	return last;
}

int tui_wcswidth(const wchar_t *w, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += tui_wcwidth(w[i]);
	return n;
}

int tui_text_width(const char *utf8)
{
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(utf8, &n);
	if (!w)
		return 0;
	int r = tui_wcswidth(w, n);
	free(w);
	return r;
}

int tui_wtext(int y, int x, int width, const wchar_t *w, size_t len, attr_t attr)
{
	if (width <= 0 || !w)
		return 0;
	wchar_t buf[257];
	size_t k = 0;
	int col = 0;
	bool base = false;
	attrset(attr);
	move(y, x);
	for (size_t i = 0; i < len; i++) {
		wchar_t c = w[i];
		int cw;
		if (c == L'\t' || c == L'\n') {
			c = L' ';
			cw = 1;
		} else if (unsafe(c)) {
			c = placeholder();
			cw = 1;
		} else if (dropped(c)) {
			continue;
		} else {
			cw = wcwidth(c);
			if (cw < 0) {
				c = placeholder();
				cw = 1;
			} else if (cw > 2) {
				cw = 2;
			}
		}
		if (cw == 0 && !base)
			continue; /* a combining mark with nothing to sit on */
		if (col + cw > width)
			break;
		if (k >= 255) {
			if (cw == 0)
				continue;
			buf[k] = 0;
			addnwstr(buf, (int)k);
			k = 0;
		}
		buf[k++] = c;
		col += cw;
		base = true;
	}
	if (k) {
		buf[k] = 0;
		addnwstr(buf, (int)k);
	}
	attrset(A_NORMAL);
	return col;
}

int tui_text(int y, int x, int width, const char *utf8, attr_t attr)
{
	if (!utf8 || width <= 0)
		return 0;
	/* Short strings decode on the stack: this runs for every row drawn. */
	wchar_t small[256];
	size_t n = strlen(utf8);
	if (n < 256)
		return tui_wtext(y, x, width, small, decode_all(utf8, n, small), attr);
	wchar_t *w = tui_wcs_from_utf8(utf8, &n);
	if (!w)
		return 0;
	int r = tui_wtext(y, x, width, w, n, attr);
	free(w);
	return r;
}

int tui_text_clip(int y, int x, int width, const char *utf8, attr_t attr)
{
	if (!utf8 || width <= 0)
		return 0;
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(utf8, &n);
	if (!w)
		return 0;
	int r;
	if (tui_wcswidth(w, n) <= width) {
		r = tui_wtext(y, x, width, w, n, attr);
	} else {
		bool uni = wcwidth(0x2026) == 1;
		int ew = uni ? 1 : 3;
		if (width <= ew) {
			r = tui_wtext(y, x, width, w, n, attr);
		} else {
			/* Cut at a space when one stands in the last quarter of
			 * the room; otherwise use the room (a long name keeps
			 * more of itself than its first word). */
			size_t k = 0;
			int col = 0;
			while (k < n && col + tui_wcwidth(w[k]) <= width - ew)
				col += tui_wcwidth(w[k++]);
			size_t floor = k - k / 4, cut = k;
			while (cut > floor && w[cut - 1] != L' ' && w[cut] != L' ')
				cut--;
			if (cut <= floor)
				cut = k;
			while (cut > 0 && w[cut - 1] == L' ')
				cut--;
			r = tui_wtext(y, x, width - ew, w, cut, attr);
			r += tui_text(y, x + r, ew, uni ? "\xe2\x80\xa6" : "...", attr);
		}
	}
	free(w);
	return r;
}

int tui_textf(int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return tui_text(y, x, width, buf, attr);
}

void tui_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void tui_bar(int y, int x, int width, const char *utf8, attr_t attr)
{
	tui_fill(y, x, width, attr);
	tui_text(y, x, width, utf8, attr);
}

size_t tui_wrap(const wchar_t *w, size_t len, int width, struct tui_line *out, size_t max)
{
	size_t n = 0, start = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		size_t j = start, space = (size_t)-1;
		int col = 0;
		while (j < len && w[j] != L'\n') {
			int cw = tui_wcwidth(w[j]);
			if (col + cw > width)
				break;
			if (w[j] == L' ')
				space = j;
			col += cw;
			j++;
		}
		size_t end, next;
		if (j >= len || w[j] == L'\n') {
			end = j;
			next = j + 1;
		} else if (w[j] == L' ') {
			end = j;
			next = j + 1;
		} else if (space != (size_t)-1 && space > start) {
			end = space;
			next = space + 1;
		} else {
			end = j > start ? j : start + 1; /* a word wider than the line */
			next = end;
		}
		if (out && n < max)
			out[n] = (struct tui_line){ start, end };
		n++;
		if (j >= len && end >= len)
			break;
		start = next;
		if (start > len)
			break;
	}
	return n;
}

int tui_text_block(struct tui_rect r, const char *utf8, attr_t attr)
{
	if (!utf8 || r.h <= 0 || r.w <= 0)
		return 0;
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(utf8, &n);
	if (!w)
		return 0;
	struct tui_line lines[64];
	size_t max = (size_t)r.h < 64 ? (size_t)r.h : 64;
	size_t total = tui_wrap(w, n, r.w, lines, max);
	int rows = (int)(total < max ? total : max);
	for (int i = 0; i < rows; i++) {
		if (i + 1 == rows && total > (size_t)rows) {
			/* More than fits: the last line ends in an ellipsis. */
			char *rest = tui_utf8_from_wcs(w + lines[i].start, n - lines[i].start);
			tui_text_clip(r.y + i, r.x, r.w, rest, attr);
			free(rest);
			break;
		}
		tui_wtext(r.y + i, r.x, r.w, w + lines[i].start, lines[i].end - lines[i].start, attr);
	}
	free(w);
	return rows;
}

void tui_progress_bar(const struct tui_app *app, int y, int x, int width, size_t done,
		      size_t total)
{
	if (width < 3)
		return;
	int inner = width - 2;
	int filled = total ? (int)((done * (size_t)inner + total / 2) / total) : 0;
	if (done && !filled)
		filled = 1;
	if (filled > inner)
		filled = inner;
	bool uni = wcwidth(0x2588) == 1;
	attrset(tui_attr(app, TUI_DIM));
	mvaddch(y, x, '[');
	attrset(tui_attr(app, TUI_BAR));
	for (int i = 0; i < filled; i++) {
		if (uni)
			addnwstr(L"\x2588", 1);
		else
			addch('#');
	}
	attrset(tui_attr(app, TUI_BAR_EMPTY));
	for (int i = filled; i < inner; i++) {
		if (uni)
			addnwstr(L"\x00b7", 1);
		else
			addch('-');
	}
	attrset(tui_attr(app, TUI_DIM));
	addch(']');
	attrset(A_NORMAL);
}

static bool unicode_lines(void)
{
	return wcwidth(0x2500) == 1;
}

void tui_hline(int y, int x, int n, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < n; i++) {
		if (unicode_lines())
			mvaddnwstr(y, x + i, L"\x2500", 1);
		else
			mvaddch(y, x + i, '-');
	}
	attrset(A_NORMAL);
}

void tui_vline(int y, int x, int n, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < n; i++) {
		if (unicode_lines())
			mvaddnwstr(y + i, x, L"\x2502", 1);
		else
			mvaddch(y + i, x, '|');
	}
	attrset(A_NORMAL);
}

void tui_box(int y, int x, int h, int w, attr_t attr)
{
	bool u = unicode_lines();
	tui_hline(y, x + 1, w - 2, attr);
	tui_hline(y + h - 1, x + 1, w - 2, attr);
	tui_vline(y + 1, x, h - 2, attr);
	tui_vline(y + 1, x + w - 1, h - 2, attr);
	attrset(attr);
	if (u) {
		mvaddnwstr(y, x, L"\x250c", 1);
		mvaddnwstr(y, x + w - 1, L"\x2510", 1);
		mvaddnwstr(y + h - 1, x, L"\x2514", 1);
		mvaddnwstr(y + h - 1, x + w - 1, L"\x2518", 1);
	} else {
		mvaddch(y, x, '+');
		mvaddch(y, x + w - 1, '+');
		mvaddch(y + h - 1, x, '+');
		mvaddch(y + h - 1, x + w - 1, '+');
	}
	attrset(A_NORMAL);
}
