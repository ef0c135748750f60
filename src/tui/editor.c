/* The editor widget: text kept as an array of wchar_t so that the cursor
 * moves and deletes by character; display lines come from tui_wrap at the
 * width last drawn, and up/down keep a goal column across lines. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "editor.h"
#include "twoway/util.h"

struct tui_editor {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;             /* insertion point, 0..len */
	int goal;               /* column kept by up/down; -1 none */
	size_t top;             /* first display line shown */
	int width;              /* wrap width last drawn */
	int page;               /* rows last drawn */
	struct tui_line *lines; /* layout at width */
	size_t n_lines, cap_lines;
	bool layout_ok;
	unsigned long gen, saved_gen, draft_gen;
	long draft_ms;
};

static bool reserve(struct tui_editor *e, size_t extra)
{
	return tw_grow((void **)&e->buf, &e->cap, e->len + extra, sizeof *e->buf);
}

static void changed(struct tui_editor *e)
{
	e->gen++;
	e->layout_ok = false;
}

bool tui_editor_set_text(struct tui_editor *e, const char *utf8)
{
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(utf8, &n);
	if (!w)
		return false;
	free(e->buf);
	e->buf = w;
	e->len = n;
	e->cap = n + 1;
	e->cur = n;
	e->goal = -1;
	e->top = 0;
	changed(e);
	return true;
}

struct tui_editor *tui_editor_new(const char *utf8)
{
	struct tui_editor *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->width = 40;
	e->page = 10;
	e->draft_ms = tui_now_ms();
	if (!tui_editor_set_text(e, utf8 ? utf8 : "")) {
		free(e);
		return NULL;
	}
	e->gen = e->saved_gen = e->draft_gen = 0;
	return e;
}

void tui_editor_free(struct tui_editor *e)
{
	if (!e)
		return;
	free(e->buf);
	free(e->lines);
	free(e);
}

char *tui_editor_text(const struct tui_editor *e)
{
	return tui_utf8_from_wcs(e->buf, e->len);
}

bool tui_editor_blank(const struct tui_editor *e)
{
	for (size_t i = 0; i < e->len; i++)
		if (!iswspace((wint_t)e->buf[i]))
			return false;
	return true;
}

size_t tui_editor_length(const struct tui_editor *e)
{
	return e->len;
}

bool tui_editor_changed(const struct tui_editor *e)
{
	return e->gen != e->saved_gen;
}

void tui_editor_mark_saved(struct tui_editor *e)
{
	e->saved_gen = e->draft_gen = e->gen;
}

/* TUI_DRAFT_MS, or TWOWAY_DRAFT_INTERVAL_MS when it holds a number of
 * milliseconds from 1 to 3600000 (the tests shorten the wait with it). */
long tui_editor_draft_interval(void)
{
	static long ms = -1;
	if (ms < 0) {
		const char *s = getenv("TWOWAY_DRAFT_INTERVAL_MS");
		char *end = NULL;
		long v = s ? strtol(s, &end, 10) : 0;
		ms = s && *s && end && !*end && v > 0 && v <= 3600000 ? v : TUI_DRAFT_MS;
	}
	return ms;
}

bool tui_editor_draft_due(const struct tui_editor *e, long now_ms)
{
	return e->gen != e->draft_gen && now_ms - e->draft_ms >= tui_editor_draft_interval();
}

void tui_editor_draft_done(struct tui_editor *e, long now_ms)
{
	e->draft_gen = e->gen;
	e->draft_ms = now_ms;
}

/* ---- layout ---- */

static void layout(struct tui_editor *e)
{
	if (e->layout_ok)
		return;
	size_t need = tui_wrap(e->buf, e->len, e->width, NULL, 0);
	if (need && !tw_grow((void **)&e->lines, &e->cap_lines, need - 1, sizeof *e->lines)) {
		e->n_lines = 0;
		return;
	}
	e->n_lines = tui_wrap(e->buf, e->len, e->width, e->lines, need);
	e->layout_ok = true;
}

/* The display line holding the cursor: the last line starting at or
 * before it. */
static size_t cursor_line(const struct tui_editor *e)
{
	size_t lo = 0, hi = e->n_lines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (e->lines[mid].start <= e->cur)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int column(const struct tui_editor *e, size_t line, size_t pos)
{
	size_t s = e->lines[line].start;
	return tui_wcswidth(e->buf + s, pos > s ? pos - s : 0);
}

/* The position in line closest to display column col. */
static size_t at_column(const struct tui_editor *e, size_t line, int col)
{
	size_t p = e->lines[line].start, end = e->lines[line].end;
	int c = 0;
	while (p < end) {
		int w = tui_wcwidth(e->buf[p]);
		if (c + w > col)
			break;
		c += w;
		p++;
	}
	return p;
}

static void vertical(struct tui_editor *e, long delta)
{
	layout(e);
	if (!e->n_lines)
		return;
	size_t l = cursor_line(e);
	if (e->goal < 0)
		e->goal = column(e, l, e->cur);
	long t = (long)l + delta;
	if (t < 0) {
		e->cur = 0;
		return;
	}
	if ((size_t)t >= e->n_lines) {
		e->cur = e->len;
		return;
	}
	e->cur = at_column(e, (size_t)t, e->goal);
}

/* ---- editing ---- */

static bool insert(struct tui_editor *e, const wchar_t *w, size_t n)
{
	if (!reserve(e, n))
		return false;
	memmove(e->buf + e->cur + n, e->buf + e->cur, (e->len - e->cur) * sizeof(wchar_t));
	memcpy(e->buf + e->cur, w, n * sizeof(wchar_t));
	e->len += n;
	e->cur += n;
	e->buf[e->len] = 0;
	changed(e);
	return true;
}

static void erase_at(struct tui_editor *e, size_t pos)
{
	if (pos >= e->len)
		return;
	memmove(e->buf + pos, e->buf + pos + 1, (e->len - pos - 1) * sizeof(wchar_t));
	e->len--;
	e->buf[e->len] = 0;
	if (e->cur > pos)
		e->cur--;
	changed(e);
}

static bool printable(wint_t k)
{
	return k >= 0x20 && k != 0x7F && !(k >= 0x80 && k < 0xA0) && k <= 0x10FFFF &&
	       !(k >= 0xD800 && k <= 0xDFFF);
}

bool tui_editor_key(struct tui_editor *e, wint_t k, bool code)
{
	bool vert = false, ok = true;
	if (code) {
		switch (k) {
		case KEY_LEFT: if (e->cur) e->cur--; break;
		case KEY_RIGHT: if (e->cur < e->len) e->cur++; break;
		case KEY_UP: vertical(e, -1), vert = true; break;
		case KEY_DOWN: vertical(e, 1), vert = true; break;
		case KEY_PPAGE: vertical(e, -(long)(e->page > 1 ? e->page - 1 : 1)), vert = true; break;
		case KEY_NPAGE: vertical(e, e->page > 1 ? e->page - 1 : 1), vert = true; break;
		case KEY_HOME: layout(e); if (e->n_lines) e->cur = e->lines[cursor_line(e)].start; break;
		case KEY_END: layout(e); if (e->n_lines) e->cur = e->lines[cursor_line(e)].end; break;
		case KEY_BACKSPACE: if (e->cur) erase_at(e, e->cur - 1); break;
		case KEY_DC: erase_at(e, e->cur); break;
		case KEY_ENTER: insert(e, L"\n", 1); break;
		default: ok = false;
		}
	} else if (k == TUI_CTRL('a')) {
		return tui_editor_key(e, KEY_HOME, true);
	} else if (k == TUI_CTRL('e')) {
		return tui_editor_key(e, KEY_END, true);
	} else if (k == L'\r' || k == L'\n') {
		insert(e, L"\n", 1);
	} else if (k == L'\t') {
		insert(e, L"    ", 4);
	} else if (k == 127 || k == 8) {
		if (e->cur)
			erase_at(e, e->cur - 1);
	} else if (k == TUI_CTRL('d')) {
		erase_at(e, e->cur);
	} else if (printable(k)) {
		wchar_t c = (wchar_t)k;
		insert(e, &c, 1);
	} else {
		ok = false;
	}
	if (ok && !vert)
		e->goal = -1;
	return ok;
}

/* ---- drawing ---- */

void tui_editor_draw(struct tui_editor *e, struct tui_app *app, struct tui_rect r, bool focused)
{
	if (r.h <= 0 || r.w <= 1)
		return;
	if (e->width != r.w - 1) {
		e->width = r.w - 1;
		e->layout_ok = false;
	}
	e->page = r.h;
	layout(e);
	if (!e->n_lines)
		return;
	size_t cl = cursor_line(e);
	tui_scroll_to(cl, &e->top, r.h, e->n_lines);
	for (int y = 0; y < r.h && e->top + (size_t)y < e->n_lines; y++) {
		const struct tui_line *l = &e->lines[e->top + (size_t)y];
		tui_wtext(r.y + y, r.x, r.w - 1, e->buf + l->start, l->end - l->start, A_NORMAL);
	}
	if (e->top > 0)
		tui_text(r.y, r.x + r.w - 1, 1, "^", tui_attr(app, TUI_KEY));
	if (e->top + (size_t)r.h < e->n_lines)
		tui_text(r.y + r.h - 1, r.x + r.w - 1, 1, "v", tui_attr(app, TUI_KEY));
	if (focused) {
		int col = column(e, cl, e->cur);
		if (col > r.w - 1)
			col = r.w - 1;
		tui_cursor(app, r.y + (int)(cl - e->top), r.x + col);
	}
}
