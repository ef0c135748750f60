/* Aligned tables for the list commands: columns as wide as their widest
 * cell (or a minimum), two spaces apart, numbers right-aligned, and the
 * last column never padded, so that no line ends in spaces; the header in
 * bold when colour is on. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/export.h"
#include "twoway/util.h"

bool cli_color;

void cli_table_row(struct cli_table *t, ...)
{
	size_t nc = 0;
	while (t->cols[nc].head)
		nc++;
	if (t->oom)
		return;
	if (!tw_grow((void **)&t->cells, &t->cap, t->nrows, (nc ? nc : 1) * sizeof *t->cells)) {
		t->oom = true;
		return;
	}
	size_t *row = t->cells + t->nrows * nc;
	va_list ap;
	va_start(ap, t);
	for (size_t i = 0; i < nc && !t->oom; i++) {
		const char *s = va_arg(ap, const char *);
		size_t len = strlen(s ? s : "") + 1;
		/* room for used + len bytes */
		if (!tw_grow((void **)&t->text, &t->room, t->used + len - 1, 1)) {
			t->oom = true;
			break;
		}
		memcpy(t->text + t->used, s ? s : "", len);
		row[i] = t->used;
		t->used += len;
	}
	va_end(ap);
	if (!t->oom)
		t->nrows++;
}

/* The table's output, written to stdout in large pieces. */
struct out {
	struct tw_buf b;
};

static void flush(struct out *o)
{
	if (o->b.len)
		fwrite(o->b.data, 1, o->b.len, stdout);
	o->b.len = 0;
}

/* Set in a cell's length when it is printable ASCII only. */
#define PLAIN ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* cli_put into the output: runs of plain bytes copied whole; a newline
 * continues with indent, a control character (C1: two bytes) shows as ?. */
static void put_text(struct out *o, const char *text, size_t len, const char *indent)
{
	if (len & PLAIN) { /* printable ASCII only: copied whole */
		tw_buf_add(&o->b, text, len & ~PLAIN);
		return;
	}
	const unsigned char *run = (const unsigned char *)text;
	const unsigned char *p = run + cli_plain_prefix(text, len);
	for (;; p++) {
		unsigned char c = *p;
		if ((c >= 0x20 && c != 0x7f && (c != 0xc2 || p[1] < 0x80 || p[1] >= 0xa0)) ||
		    c == '\t')
			continue;
		if (p > run)
			tw_buf_add(&o->b, (const char *)run, (size_t)(p - run));
		if (!c)
			break;
		if (c == '\n') {
			tw_buf_add(&o->b, "\n", 1);
			if (p[1] && p[1] != '\n')
				tw_buf_puts(&o->b, indent);
		} else {
			tw_buf_add(&o->b, "?", 1);
			if (c == 0xc2)
				p++;
		}
		run = p + 1;
	}
}

static void pad(struct out *o, int n)
{
	if (n <= 0)
		return;
	char *r = tw_buf_room(&o->b, (size_t)n);
	if (!r)
		return;
	memset(r, ' ', (size_t)n);
	o->b.len += (size_t)n;
	r[n] = '\0';
}

/* Prints one row: every cell padded to its column's width and two spaces
 * apart, up to the last non-empty cell, which is not padded on the right
 * (the last column continues its lines with indent). len holds the cells'
 * lengths in bytes (with PLAIN set when nothing needs escaping), cw their
 * widths. */
static void put_row(struct out *o, const struct cli_col *cols, const char *const *cells,
		    const size_t *len, const int *cw, const int *w, size_t nc, const char *indent,
		    bool bold)
{
	if (bold)
		tw_buf_puts(&o->b, "\033[1m");
	size_t end = 0;
	for (size_t i = 0; i < nc; i++)
		if (cells[i][0])
			end = i;
	for (size_t i = 0; i <= end; i++) {
		if (cols[i].right)
			pad(o, w[i] - cw[i]);
		if (i == end) {
			put_text(o, cells[i], len[i], i + 1 == nc ? indent : " ");
			break;
		}
		put_text(o, cells[i], len[i], " ");
		if (!cols[i].right)
			pad(o, w[i] - cw[i]);
		tw_buf_add(&o->b, "  ", 2);
	}
	if (bold)
		tw_buf_puts(&o->b, "\033[0m");
	tw_buf_add(&o->b, "\n", 1);
	if (o->b.len >= 1 << 16)
		flush(o);
}

/* The engine of both printers: fill gives row r's cells (pointers into
 * the caller's records, or into scratch); it is called twice a row, once
 * to measure and once to print, and must give the same cells both times. */
bool cli_table_print_each(const struct cli_col *cols, size_t nrows, cli_table_fill fill,
			  void *ctx, const char *indent)
{
	size_t nc = 0;
	while (cols[nc].head)
		nc++;
	size_t nw = nc ? nc : 1;
	/* each cell's width, measured once: w the columns', hw the header's,
	 * cw the cells'; len the header's and the cells' lengths */
	int *w = calloc(nw * 2, sizeof *w);
	int *cw = malloc((nrows ? nrows : 1) * nw * sizeof *cw);
	const char **head = calloc(nw, sizeof *head);
	const char **row = calloc(nw, sizeof *row);
	char(*scratch)[CLI_TABLE_SCRATCH] = calloc(nw, sizeof *scratch);
	size_t *len = malloc((nrows + 1) * nw * sizeof *len);
	bool ok = w && cw && head && row && scratch && len;
	if (ok) {
		int *hw = w + nc;
		for (size_t i = 0; i < nc; i++) {
			head[i] = cols[i].head;
			len[i] = strlen(head[i]);
			hw[i] = cli_width_n(head[i], len[i]);
			w[i] = cols[i].min > hw[i] ? cols[i].min : hw[i];
		}
		size_t *cl = len + nw;
		for (size_t r = 0; r < nrows; r++) {
			for (size_t i = 0; i < nc; i++)
				row[i] = "";
			fill(ctx, r, row, scratch);
			for (size_t i = 0; i < nc; i++) {
				const char *cell = row[i] ? row[i] : "";
				size_t c = r * nc + i, n = strlen(cell);
				bool plain = cli_plain_prefix(cell, n) == n;
				cl[c] = plain ? n | PLAIN : n;
				cw[c] = plain ? (int)n : cli_width_n(cell, n);
				if (cw[c] > w[i])
					w[i] = cw[c];
			}
		}
		struct out o = { { 0 } };
		put_row(&o, cols, head, len, hw, w, nc, "", cli_color);
		for (size_t r = 0; r < nrows; r++) {
			for (size_t i = 0; i < nc; i++)
				row[i] = "";
			fill(ctx, r, row, scratch);
			for (size_t i = 0; i < nc; i++)
				if (!row[i])
					row[i] = "";
			put_row(&o, cols, row, cl + r * nc, cw + r * nc, w, nc, indent, false);
		}
		flush(&o);
		ok = !o.b.oom;
		tw_buf_free(&o.b);
	}
	free(len);
	free(scratch);
	free(row);
	free(head);
	free(cw);
	free(w);
	return ok;
}

/* cli_table_print's rows: the copies in t's text, end to end. */
static void copied_row(void *ctx, size_t r, const char **cells, char (*scratch)[CLI_TABLE_SCRATCH])
{
	(void)scratch;
	const struct cli_table *t = ctx;
	size_t nc = 0;
	while (t->cols[nc].head)
		nc++;
	for (size_t i = 0; i < nc; i++)
		cells[i] = t->text + t->cells[r * nc + i];
}

bool cli_table_print(struct cli_table *t, const char *indent)
{
	bool ok = !t->oom && cli_table_print_each(t->cols, t->nrows, copied_row, t, indent);
	free(t->cells);
	free(t->text);
	t->cells = NULL;
	t->text = NULL;
	t->nrows = t->cap = t->used = t->room = 0;
	return ok;
}
