/* The editor widget: text kept as an array of wchar_t so that the cursor
 * moves and deletes by character; display lines come from tui_wrap at the
 * width last drawn, and up/down keep a goal column across lines. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "editor.h"
#include "twoway/util.h"

/* What an edit was, for grouping edits into undo steps. */
enum edit_kind { EDIT_NONE, EDIT_TYPE, EDIT_BACK, EDIT_FORWARD, EDIT_OTHER };

struct snap {
	wchar_t *buf;
	size_t len, cur;
};

struct tui_editor {
	struct snap undo[TUI_EDITOR_UNDO];
	size_t n_undo;
	enum edit_kind last_edit;
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

static void checkpoint(struct tui_editor *e, enum edit_kind kind);

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
	if (e->buf)
		checkpoint(e, EDIT_OTHER); /* undo takes the old text back */
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
	for (size_t i = 0; i < e->n_undo; i++)
		free(e->undo[i].buf);
	free(e->buf);
	free(e->lines);
	free(e);
}

char *tui_editor_text(const struct tui_editor *e)
{
	return tui_utf8_from_wcs(e->buf, e->len);
}

char *tui_editor_paragraph(const struct tui_editor *e)
{
	size_t a = e->cur, b = e->cur;
	while (a > 0 && e->buf[a - 1] != L'\n')
		a--;
	while (b < e->len && e->buf[b] != L'\n')
		b++;
	return tui_utf8_from_wcs(e->buf + a, b - a);
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
		size_t q = tui_cluster_next(e->buf, e->len, p);
		if (q > end)
			q = end;
		int w = tui_wcswidth(e->buf + p, q - p);
		if (c + w > col)
			break;
		c += w;
		p = q;
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

/* ---- undo ---- */

/* The text before an edit. Typing in a row (and Backspace in a row) is one
 * edit; any movement, another kind of edit or a new line starts the next. */
static void checkpoint(struct tui_editor *e, enum edit_kind kind)
{
	if (kind != EDIT_OTHER && kind == e->last_edit)
		return;
	e->last_edit = kind;
	wchar_t *copy = malloc((e->len + 1) * sizeof(*copy));
	if (!copy)
		return; /* no undo for this edit; the edit itself goes on */
	memcpy(copy, e->buf, e->len * sizeof(*copy));
	copy[e->len] = 0;
	if (e->n_undo == TUI_EDITOR_UNDO) {
		free(e->undo[0].buf);
		memmove(e->undo, e->undo + 1, (TUI_EDITOR_UNDO - 1) * sizeof(e->undo[0]));
		e->n_undo--;
	}
	e->undo[e->n_undo++] = (struct snap){ copy, e->len, e->cur };
}

static bool undo(struct tui_editor *e)
{
	if (!e->n_undo)
		return false;
	struct snap sn = e->undo[--e->n_undo];
	free(e->buf);
	e->buf = sn.buf;
	e->len = sn.len;
	e->cap = sn.len + 1;
	e->cur = sn.cur;
	e->last_edit = EDIT_NONE;
	changed(e);
	return true;
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

/* Erases [from, to); the cursor keeps its place in the text around it. */
static void erase_range(struct tui_editor *e, size_t from, size_t to, enum edit_kind kind)
{
	if (to > e->len)
		to = e->len;
	if (from >= to)
		return;
	checkpoint(e, kind);
	memmove(e->buf + from, e->buf + to, (e->len - to) * sizeof(wchar_t));
	e->len -= to - from;
	e->buf[e->len] = 0;
	if (e->cur >= to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
	changed(e);
}

static bool printable(wint_t k)
{
	return k >= 0x20 && k != 0x7F && !(k >= 0x80 && k < 0xA0) && k <= 0x10FFFF &&
	       !(k >= 0xD800 && k <= 0xDFFF);
}

static bool word_char(wchar_t c)
{
	return iswalnum((wint_t)c) || c == L'_' ||
	       (c >= 0x80 && !iswspace((wint_t)c) && !iswpunct((wint_t)c));
}

static size_t word_left(const struct tui_editor *e, size_t p)
{
	while (p > 0 && !word_char(e->buf[p - 1]))
		p--;
	while (p > 0 && word_char(e->buf[p - 1]))
		p--;
	return p;
}

static size_t word_right(const struct tui_editor *e, size_t p)
{
	while (p < e->len && !word_char(e->buf[p]))
		p++;
	while (p < e->len && word_char(e->buf[p]))
		p++;
	return p;
}

/* Ctrl-W: back over spaces, then over what is not a space (as shells do). */
static size_t blank_word_left(const struct tui_editor *e, size_t p)
{
	while (p > 0 && iswspace((wint_t)e->buf[p - 1]))
		p--;
	while (p > 0 && !iswspace((wint_t)e->buf[p - 1]))
		p--;
	return p;
}

static size_t para_start(const struct tui_editor *e, size_t p)
{
	while (p > 0 && e->buf[p - 1] != L'\n')
		p--;
	return p;
}

static size_t para_end(const struct tui_editor *e, size_t p)
{
	while (p < e->len && e->buf[p] != L'\n')
		p++;
	return p;
}

static void type(struct tui_editor *e, const wchar_t *w, size_t n)
{
	checkpoint(e, n == 1 && w[0] != L'\n' ? EDIT_TYPE : EDIT_OTHER);
	insert(e, w, n);
}

/* A bracketed paste: the text goes in as it is (one edit), keys inside it
 * are text, control characters other than newline and tab are dropped. */
static void paste(struct tui_editor *e)
{
	size_t n;
	bool cut;
	const wchar_t *w = tui_input_paste(&n, &cut);
	wchar_t *clean = malloc((n + 1) * sizeof(*clean));
	if (!clean)
		return;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] == L'\n' || w[i] == L'\t' || printable((wint_t)w[i]))
			clean[k++] = w[i];
	if (k) {
		checkpoint(e, EDIT_OTHER);
		insert(e, clean, k);
	}
	free(clean);
}

static bool edit_code(struct tui_editor *e, wint_t k, bool *vert)
{
	switch (k) {
	case KEY_LEFT: e->cur = tui_cluster_prev(e->buf, e->len, e->cur); break;
	case KEY_RIGHT: e->cur = tui_cluster_next(e->buf, e->len, e->cur); break;
	case TUI_KEY_C_LEFT: e->cur = word_left(e, e->cur); break;
	case TUI_KEY_C_RIGHT: e->cur = word_right(e, e->cur); break;
	case TUI_KEY_ALT('b'): e->cur = word_left(e, e->cur); break;
	case TUI_KEY_ALT('f'): e->cur = word_right(e, e->cur); break;
	case TUI_KEY_C_HOME: e->cur = 0; break;
	case TUI_KEY_C_END: e->cur = e->len; break;
	case KEY_UP: vertical(e, -1), *vert = true; break;
	case KEY_DOWN: vertical(e, 1), *vert = true; break;
	case KEY_PPAGE: vertical(e, -(long)(e->page > 1 ? e->page - 1 : 1)), *vert = true; break;
	case KEY_NPAGE: vertical(e, e->page > 1 ? e->page - 1 : 1), *vert = true; break;
	case KEY_HOME: layout(e); if (e->n_lines) e->cur = e->lines[cursor_line(e)].start; break;
	case KEY_END: layout(e); if (e->n_lines) e->cur = e->lines[cursor_line(e)].end; break;
	case KEY_BACKSPACE:
		erase_range(e, tui_cluster_prev(e->buf, e->len, e->cur), e->cur, EDIT_BACK);
		return true;
	case KEY_DC:
		erase_range(e, e->cur, tui_cluster_next(e->buf, e->len, e->cur), EDIT_FORWARD);
		return true;
	case TUI_KEY_C_DC:
	case TUI_KEY_ALT('d'):
		erase_range(e, e->cur, word_right(e, e->cur), EDIT_OTHER);
		return true;
	case KEY_ENTER: type(e, L"\n", 1); return true;
	case TUI_KEY_PASTE: paste(e); return true;
	default: return false;
	}
	e->last_edit = EDIT_NONE; /* moved: the next edit is a new one */
	return true;
}

bool tui_editor_key(struct tui_editor *e, wint_t k, bool code)
{
	bool vert = false, ok = true;
	if (code) {
		ok = edit_code(e, k, &vert);
	} else if (k == TUI_CTRL('a')) {
		return tui_editor_key(e, KEY_HOME, true);
	} else if (k == TUI_CTRL('e')) {
		return tui_editor_key(e, KEY_END, true);
	} else if (k == TUI_CTRL('w')) {
		erase_range(e, blank_word_left(e, e->cur), e->cur, EDIT_OTHER);
	} else if (k == TUI_CTRL('u')) {
		erase_range(e, para_start(e, e->cur), e->cur, EDIT_OTHER);
	} else if (k == TUI_CTRL('k')) {
		size_t end = para_end(e, e->cur);
		erase_range(e, e->cur, end > e->cur ? end : end + 1, EDIT_OTHER);
	} else if (k == TUI_EDITOR_UNDO_KEY) {
		if (!undo(e))
			ok = true; /* nothing to undo: still the editor's key */
	} else if (k == L'\r' || k == L'\n') {
		type(e, L"\n", 1);
	} else if (k == L'\t') {
		checkpoint(e, EDIT_OTHER);
		insert(e, L"    ", 4);
	} else if (k == 127 || k == 8) {
		return tui_editor_key(e, KEY_BACKSPACE, true);
	} else if (k == TUI_CTRL('d')) {
		return tui_editor_key(e, KEY_DC, true);
	} else if (printable(k)) {
		wchar_t c = (wchar_t)k;
		type(e, &c, 1);
	} else {
		ok = false;
	}
	if (ok && !vert)
		e->goal = -1;
	return ok;
}

bool tui_editor_can_undo(const struct tui_editor *e)
{
	return e->n_undo > 0;
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
