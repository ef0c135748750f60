/* Aligned tables for the list commands: columns as wide as their widest
 * cell (or a minimum), two spaces apart, numbers right-aligned, and the
 * last column never padded, so that no line ends in spaces; the header in
 * bold when colour is on. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

bool cli_color;

void cli_table_row(struct cli_table *t, ...)
{
	size_t nc = 0;
	while (t->cols[nc].head)
		nc++;
	if (t->oom)
		return;
	if (!tw_grow((void **)&t->cells, &t->cap, t->nrows, nc * sizeof *t->cells)) {
		t->oom = true;
		return;
	}
	char **row = t->cells + t->nrows * nc;
	va_list ap;
	va_start(ap, t);
	for (size_t i = 0; i < nc; i++) {
		const char *s = va_arg(ap, const char *);
		row[i] = strdup(s ? s : "");
		t->oom = t->oom || !row[i];
	}
	va_end(ap);
	t->nrows++;
}

/* Prints one row: every cell padded to its column's width and two spaces
 * apart, up to the last non-empty cell, which is not padded on the right
 * (the last column continues its lines with indent). */
static void put_row(const struct cli_col *cols, char *const *cells, const int *w, size_t nc,
		    const char *indent, bool bold)
{
	if (bold)
		fputs("\033[1m", stdout);
	size_t end = 0;
	for (size_t i = 0; i < nc; i++)
		if (cells[i][0])
			end = i;
	for (size_t i = 0; i <= end; i++) {
		if (cols[i].right)
			for (int k = cli_width(cells[i]); k < w[i]; k++)
				putchar(' ');
		if (i == end) {
			cli_put(stdout, cells[i], i + 1 == nc ? indent : " ");
			break;
		}
		if (cols[i].right)
			cli_put(stdout, cells[i], " ");
		else
			cli_cell(cells[i], w[i]);
		fputs("  ", stdout);
	}
	if (bold)
		fputs("\033[0m", stdout);
	putchar('\n');
}

bool cli_table_print(struct cli_table *t, const char *indent)
{
	size_t nc = 0;
	while (t->cols[nc].head)
		nc++;
	bool ok = !t->oom;
	int *w = ok ? calloc(nc ? nc : 1, sizeof *w) : NULL;
	if (ok && w) {
		for (size_t i = 0; i < nc; i++) {
			w[i] = t->cols[i].min > cli_width(t->cols[i].head) ? t->cols[i].min
									   : cli_width(t->cols[i].head);
			for (size_t r = 0; r < t->nrows; r++)
				if (cli_width(t->cells[r * nc + i]) > w[i])
					w[i] = cli_width(t->cells[r * nc + i]);
		}
		char **head = calloc(nc ? nc : 1, sizeof *head);
		for (size_t i = 0; head && i < nc; i++)
			head[i] = (char *)t->cols[i].head;
		if (head)
			put_row(t->cols, head, w, nc, "", cli_color);
		free(head);
		ok = head != NULL;
		for (size_t r = 0; ok && r < t->nrows; r++)
			put_row(t->cols, t->cells + r * nc, w, nc, indent, false);
	}
	ok = ok && w;
	free(w);
	for (size_t i = 0; i < t->nrows * nc; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
	t->cap = 0;
	return ok;
}
