/* The form widget: fields drawn one under the other with their labels;
 * single-line fields keep wchar_t text so the cursor moves and deletes by
 * character and scroll sideways by display width; notes use the editor. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <wctype.h>

#include "form.h"
#include "twoway/util.h"
#include "twoway/when.h"

#define LINE_MAX_DEFAULT 1000

bool tui_form_init(struct tui_form *fm, size_t n)
{
	fm->f = calloc(n ? n : 1, sizeof(*fm->f));
	fm->n = fm->f ? n : 0;
	fm->focus = 0;
	return fm->f != NULL;
}

void tui_form_free(struct tui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		free(fm->f[i].buf);
		tui_editor_free(fm->f[i].ed);
	}
	free(fm->f);
	fm->f = NULL;
	fm->n = 0;
}

static bool line_set(struct tui_field *f, const char *utf8)
{
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(utf8 ? utf8 : "", &n);
	if (!w)
		return false;
	/* A line field holds one line: newlines and tabs become spaces. */
	for (size_t i = 0; i < n; i++)
		if (w[i] == L'\n' || w[i] == L'\t' || w[i] == L'\r')
			w[i] = L' ';
	free(f->buf);
	f->buf = w;
	f->len = n;
	f->cap = n + 1;
	f->cur = n;
	f->scroll = 0;
	return true;
}

bool tui_form_line(struct tui_form *fm, size_t i, const char *label, const char *text,
		   size_t max_chars)
{
	struct tui_field *f = &fm->f[i];
	f->kind = TUI_FIELD_LINE;
	f->label = label;
	f->max = max_chars ? max_chars : LINE_MAX_DEFAULT;
	return line_set(f, text);
}

void tui_form_choice(struct tui_form *fm, size_t i, const char *label,
		     const char *const *choices, const char *const *hints, size_t n, size_t sel)
{
	struct tui_field *f = &fm->f[i];
	f->kind = TUI_FIELD_CHOICE;
	f->label = label;
	f->choices = choices;
	f->choice_hints = hints;
	f->n_choices = n;
	f->choice = sel < n ? sel : 0;
}

bool tui_form_notes(struct tui_form *fm, size_t i, const char *label, const char *text,
		    int rows)
{
	struct tui_field *f = &fm->f[i];
	f->kind = TUI_FIELD_NOTES;
	f->label = label;
	f->rows = rows > 1 ? rows : 2;
	tui_editor_free(f->ed);
	f->ed = tui_editor_new(text);
	return f->ed != NULL;
}

void tui_form_date(struct tui_form *fm, size_t i, bool day_only)
{
	fm->f[i].date = day_only ? TUI_DATE_DAY : TUI_DATE_MOMENT;
}

void tui_form_date_base(struct tui_form *fm, size_t i, tw_time base)
{
	fm->f[i].date_base = base;
}

/* What a date field's text resolves to, for its hint row; NULL when empty. */
static const char *date_echo(const struct tui_form *fm, size_t i)
{
	struct tui_field *f = &fm->f[i];
	char *text = tui_form_text(fm, i);
	if (!text || !tw_text_nonblank(text)) {
		free(text);
		return NULL;
	}
	tw_time real_now = (tw_time)time(NULL), now = f->date_base ? f->date_base : real_now;
	char msg[200], echo[32], rel[32];
	struct tw_when w;
	char day[11];
	if (f->date == TUI_DATE_DAY ? !tw_when_parse_date(text, now, day, msg, sizeof msg)
				    : !tw_when_parse(text, now, &w, msg, sizeof msg)) {
		snprintf(f->echo, sizeof f->echo, "%s", msg);
	} else if (f->date == TUI_DATE_DAY) {
		int n = 0;
		tw_when_echo_date(day, echo, sizeof echo);
		tw_when_parse(day, now, &w, msg, sizeof msg);
		tw_when_days_until(day, real_now, &n);
		tw_when_relative(w.t, real_now, rel, sizeof rel);
		snprintf(f->echo, sizeof f->echo, "= %s, %s", echo, n == 0 ? "today" : rel);
	} else {
		tw_when_echo(w.t, echo, sizeof echo);
		tw_when_relative(w.t, real_now, rel, sizeof rel);
		snprintf(f->echo, sizeof f->echo, "= %s, %s", echo, rel);
	}
	free(text);
	return f->echo;
}

void tui_form_hint(struct tui_form *fm, size_t i, const char *hint)
{
	fm->f[i].hint = hint;
}

char *tui_form_text(const struct tui_form *fm, size_t i)
{
	const struct tui_field *f = &fm->f[i];
	if (f->kind == TUI_FIELD_NOTES)
		return tui_editor_text(f->ed);
	if (f->kind == TUI_FIELD_LINE)
		return tui_utf8_from_wcs(f->buf, f->len);
	return strdup("");
}

bool tui_form_set_text(struct tui_form *fm, size_t i, const char *utf8)
{
	struct tui_field *f = &fm->f[i];
	f->changed = true;
	if (f->kind == TUI_FIELD_NOTES)
		return tui_editor_set_text(f->ed, utf8 ? utf8 : "");
	return f->kind == TUI_FIELD_LINE ? line_set(f, utf8) : false;
}

size_t tui_form_get_choice(const struct tui_form *fm, size_t i)
{
	return fm->f[i].choice;
}

void tui_form_set_choice(struct tui_form *fm, size_t i, size_t sel)
{
	if (sel < fm->f[i].n_choices)
		fm->f[i].choice = sel;
}

bool tui_form_changed(const struct tui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++)
		if (fm->f[i].changed || (fm->f[i].ed && tui_editor_changed(fm->f[i].ed)))
			return true;
	return false;
}

void tui_form_mark_saved(struct tui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		fm->f[i].changed = false;
		if (fm->f[i].ed)
			tui_editor_mark_saved(fm->f[i].ed);
	}
}

void tui_form_focus(struct tui_form *fm, size_t i)
{
	if (i < fm->n)
		fm->focus = i;
}

/* ---- drawing ---- */

static int label_width(const struct tui_form *fm, int w)
{
	int lw = 0;
	for (size_t i = 0; i < fm->n; i++) {
		int n = tui_text_width(fm->f[i].label ? fm->f[i].label : "");
		if (fm->f[i].kind != TUI_FIELD_NOTES && n > lw)
			lw = n;
	}
	lw += 2;
	return lw > w / 3 ? w / 3 : lw;
}

static int field_rows(const struct tui_field *f, int avail)
{
	int extra = f->hint || f->choice_hints ? 1 : 0;
	if (f->kind != TUI_FIELD_NOTES)
		return 1 + extra;
	int rows = f->rows;
	if (rows > avail - 1 - extra)
		rows = avail - 1 - extra;
	if (rows < 2)
		rows = 2;
	return 1 + rows + extra;
}

static void draw_line(struct tui_field *f, struct tui_app *app, int y, int x, int w, bool focus)
{
	attr_t a = focus ? tui_attr(app, TUI_SELECTED) : A_UNDERLINE;
	tui_fill(y, x, w, a);
	/* Scroll sideways so the cursor stays inside the field. */
	if (f->cur < f->scroll)
		f->scroll = f->cur;
	while (tui_wcswidth(f->buf + f->scroll, f->cur - f->scroll) > w - 1 && f->scroll < f->cur)
		f->scroll++;
	tui_wtext(y, x, w, f->buf + f->scroll, f->len - f->scroll, a);
	if (focus)
		tui_cursor(app, y, x + tui_wcswidth(f->buf + f->scroll, f->cur - f->scroll));
}

void tui_form_draw(struct tui_form *fm, struct tui_app *app, struct tui_rect r)
{
	int lw = label_width(fm, r.w);
	/* Rows above the focused field scroll away when it would not fit. */
	int before = 0, focus_rows = 0;
	for (size_t i = 0; i < fm->n; i++) {
		int h = field_rows(&fm->f[i], r.h);
		if (i < fm->focus)
			before += h;
		else if (i == fm->focus)
			focus_rows = h;
	}
	int skip = before + focus_rows > r.h ? before + focus_rows - r.h : 0;
	int y = r.y - skip;
	for (size_t i = 0; i < fm->n; i++) {
		struct tui_field *f = &fm->f[i];
		bool focus = i == fm->focus;
		int h = field_rows(f, r.h);
		if (y + h <= r.y || y >= r.y + r.h) {
			y += h;
			continue;
		}
		attr_t la = focus ? tui_attr(app, TUI_KEY) | A_BOLD : tui_attr(app, TUI_HEADING);
		bool fits = y + h <= r.y + r.h && y >= r.y;
		if (y >= r.y)
			tui_text_clip(y, r.x + 1, f->kind == TUI_FIELD_NOTES ? r.w - 2 : lw - 1,
				      f->label, la);
		const char *hint = f->hint;
		if (f->date && f->kind == TUI_FIELD_LINE) {
			const char *echo = date_echo(fm, i);
			if (echo)
				hint = echo;
		}
		if (f->kind == TUI_FIELD_LINE && y >= r.y) {
			draw_line(f, app, y, r.x + 1 + lw, r.w - lw - 2, focus);
		} else if (f->kind == TUI_FIELD_CHOICE && y >= r.y) {
			char buf[256];
			const char *c = f->n_choices ? f->choices[f->choice] : "(none)";
			snprintf(buf, sizeof(buf), "< %s >", c);
			tui_text(y, r.x + 1 + lw, r.w - lw - 2, buf,
				 focus ? tui_attr(app, TUI_SELECTED) : A_BOLD);
			if (f->choice_hints && f->n_choices)
				hint = f->choice_hints[f->choice];
		} else if (f->kind == TUI_FIELD_NOTES && fits) {
			int extra = f->hint ? 1 : 0;
			struct tui_rect er = { y + 1, r.x + 2, h - 1 - extra, r.w - 3 };
			tui_editor_draw(f->ed, app, er, focus);
			for (int k = 0; k < er.h; k++)
				tui_text(er.y + k, r.x + 1, 1, "\xe2\x94\x82", tui_attr(app, TUI_DIM));
		}
		if (hint && y + h - 1 >= r.y && y + h - 1 < r.y + r.h)
			tui_text_clip(y + h - 1, r.x + 1 + (f->kind == TUI_FIELD_NOTES ? 0 : lw),
				      r.w - lw - 2, hint, tui_attr(app, TUI_DIM));
		y += h;
	}
}

/* ---- keys ---- */

static bool line_insert(struct tui_field *f, wchar_t c)
{
	if (f->len >= f->max)
		return true;
	if (!tw_grow((void **)&f->buf, &f->cap, f->len + 1, sizeof *f->buf))
		return false;
	memmove(f->buf + f->cur + 1, f->buf + f->cur, (f->len - f->cur) * sizeof(wchar_t));
	f->buf[f->cur++] = c;
	f->len++;
	f->changed = true;
	return true;
}

static void line_delete(struct tui_field *f, size_t at, size_t n)
{
	if (at >= f->len)
		return;
	if (at + n > f->len)
		n = f->len - at;
	memmove(f->buf + at, f->buf + at + n, (f->len - at - n) * sizeof(wchar_t));
	f->len -= n;
	f->changed = true;
}

static bool line_key(struct tui_field *f, wint_t k, bool code)
{
	if (tui_is_backspace(k, code)) {
		size_t p = tui_cluster_prev(f->buf, f->len, f->cur);
		line_delete(f, p, f->cur - p);
		f->cur = p;
		return true;
	}
	if (code) {
		switch (k) {
		case KEY_LEFT: f->cur = tui_cluster_prev(f->buf, f->len, f->cur); return true;
		case KEY_RIGHT: f->cur = tui_cluster_next(f->buf, f->len, f->cur); return true;
		case KEY_HOME: case TUI_KEY_C_HOME: f->cur = 0; return true;
		case KEY_END: case TUI_KEY_C_END: f->cur = f->len; return true;
		case KEY_DC:
			line_delete(f, f->cur, tui_cluster_next(f->buf, f->len, f->cur) - f->cur);
			return true;
		case TUI_KEY_PASTE: {
			/* pasted text is text: a line break becomes a space */
			size_t n;
			const wchar_t *w = tui_input_paste(&n, NULL);
			for (size_t i = 0; i < n; i++)
				if (w[i] == L'\n' || w[i] == L'\t')
					line_insert(f, L' ');
				else if (w[i] >= 0x20 && w[i] != 0x7f && !(w[i] >= 0x80 && w[i] < 0xa0))
					line_insert(f, w[i]);
			return true;
		}
		default: return false;
		}
	}
	switch (k) {
	case 1: f->cur = 0; return true;               /* Ctrl-A */
	case 5: f->cur = f->len; return true;          /* Ctrl-E */
	case 21: line_delete(f, 0, f->cur); f->cur = 0; return true;  /* Ctrl-U */
	case 11: line_delete(f, f->cur, f->len - f->cur); return true; /* Ctrl-K */
	default: break;
	}
	if (k < 0x20 || k == 0x7f || (k >= 0x80 && k < 0xa0))
		return false;
	line_insert(f, (wchar_t)k);
	return true;
}

static bool choice_key(struct tui_field *f, wint_t k, bool code)
{
	if (!f->n_choices)
		return false;
	bool prev = code ? k == KEY_LEFT : (k == L'h' || k == L'-');
	bool next = code ? k == KEY_RIGHT : (k == L'l' || k == L' ' || k == L'+');
	if (prev)
		f->choice = f->choice ? f->choice - 1 : f->n_choices - 1;
	else if (next)
		f->choice = (f->choice + 1) % f->n_choices;
	else if (!code && k >= L'1' && k <= L'9' && (size_t)(k - L'1') < f->n_choices)
		f->choice = (size_t)(k - L'1');
	else
		return false;
	f->changed = true;
	return true;
}

enum tui_form_result tui_form_key(struct tui_form *fm, wint_t k, bool code)
{
	if (!fm->n)
		return TUI_FORM_IGNORED;
	struct tui_field *f = &fm->f[fm->focus];
	if (!code && k == TUI_CTRL('s'))
		return TUI_FORM_SUBMIT;
	bool notes = f->kind == TUI_FIELD_NOTES;
	if ((!code && k == L'\t') || (code && k == KEY_DOWN && !notes)) {
		fm->focus = (fm->focus + 1) % fm->n;
		return TUI_FORM_HANDLED;
	}
	if ((code && k == KEY_BTAB) || (code && k == KEY_UP && !notes)) {
		fm->focus = fm->focus ? fm->focus - 1 : fm->n - 1;
		return TUI_FORM_HANDLED;
	}
	if (!notes && tui_is_enter(k, code)) {
		if (fm->focus + 1 >= fm->n)
			return TUI_FORM_SUBMIT;
		fm->focus++;
		return TUI_FORM_HANDLED;
	}
	switch (f->kind) {
	case TUI_FIELD_LINE:
		return line_key(f, k, code) ? TUI_FORM_HANDLED : TUI_FORM_IGNORED;
	case TUI_FIELD_CHOICE:
		return choice_key(f, k, code) ? TUI_FORM_HANDLED : TUI_FORM_IGNORED;
	case TUI_FIELD_NOTES:
		return tui_editor_key(f->ed, k, code) ? TUI_FORM_HANDLED : TUI_FORM_IGNORED;
	}
	return TUI_FORM_IGNORED;
}

bool tui_form_screen_on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	struct tui_form_screen *fs = (struct tui_form_screen *)s;
	if (!tui_form_changed(&fs->fm) || fs->save(app, fs) || forced || fs->discard_asked)
		return true;
	fs->discard_asked = true;
	char why[sizeof(app->status)];
	snprintf(why, sizeof(why), "%s", app->status);
	tui_error(app, "%.400s; Esc again discards it", why);
	return false;
}

bool tui_form_screen_on_key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct tui_form_screen *fs = (struct tui_form_screen *)s;
	enum tui_form_result res = tui_form_screen_key(&fs->fm, app, k, code);
	if (res == TUI_FORM_LEFT || res == TUI_FORM_IGNORED)
		return res == TUI_FORM_LEFT; /* left: fs is gone */
	fs->discard_asked = false;
	if (res == TUI_FORM_SUBMIT && fs->save(app, fs))
		tui_pop(app, false);
	return true;
}

void tui_form_screen_draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct tui_form_screen *fs = (struct tui_form_screen *)s;
	tui_form_draw(&fs->fm, app, (struct tui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

enum tui_form_result tui_form_screen_key(struct tui_form *fm, struct tui_app *app, wint_t k,
					 bool code)
{
	if (!code && k == TUI_ESC) {
		tui_pop(app, false);
		return TUI_FORM_LEFT;
	}
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return TUI_FORM_IGNORED;
	enum tui_form_result res = tui_form_key(fm, k, code);
	if (res == TUI_FORM_IGNORED && !(code || k < 0x20))
		return TUI_FORM_HANDLED; /* typed text, even q ? and / */
	return res;
}
