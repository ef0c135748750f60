/* Problem lists and error records: how the core tells its callers what went
 * wrong without printing anything itself. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/diag.h"
#include "twoway/util.h"

bool tw_diags_add(struct tw_diags *d, const char *path, int line, int column,
		  const char *fmt, ...)
{
	if (!tw_grow((void **)&d->v, &d->cap, d->n, sizeof *d->v))
		return false;
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int len = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (len < 0)
		return false;
	char *p = strdup(path ? path : "");
	if (!p) {
		free(msg);
		return false;
	}
	d->v[d->n++] = (struct tw_diag){ .path = p, .line = line, .column = column,
					 .message = msg };
	return true;
}

char *tw_diag_format(const struct tw_diag *diag)
{
	if (diag->line > 0 && diag->column > 0)
		return tw_strdup_printf("%s:%d:%d: %s", diag->path, diag->line, diag->column,
					diag->message);
	if (diag->line > 0)
		return tw_strdup_printf("%s:%d: %s", diag->path, diag->line, diag->message);
	return tw_strdup_printf("%s: %s", diag->path, diag->message);
}

void tw_diags_clear(struct tw_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].message);
	}
	free(d->v);
	*d = (struct tw_diags){ 0 };
}

bool tw_error_set(struct tw_error *err, enum tw_errcode code, const char *fmt, ...)
{
	if (!err)
		return false;
	err->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	/* One problem, one line: SQLite's own messages may span several
	 * ("*** in database main ***" then the problem). */
	for (char *c = err->message; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	return false;
}

void tw_error_clear(struct tw_error *err)
{
	if (!err)
		return;
	err->code = TW_OK;
	err->message[0] = '\0';
}
