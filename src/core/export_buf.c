/* The growing text buffer every export writer and the agenda append to: it remembers
 * running out of memory instead of failing each call, so writers stay
 * plain sequences of appends checked once at the end. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twoway/export.h"
#include "twoway/util.h"

/* A sink gets the buffered text in pieces of at least this much: 16 KiB
 * (four pages) is as fast to write as 64 KiB, and a buffer of 32 KiB is
 * all an export touches, where one grown to 128 KiB cost a page fault a
 * page. */
#define SPILL_BYTES ((size_t)16 * 1024)

static bool reserve(struct tw_buf *b, size_t more)
{
	if (b->oom)
		return false;
	/* room for len + more bytes and the NUL; no zeroing, the bytes past
	 * len are never read */
	if (more > SIZE_MAX / 4 || b->len > SIZE_MAX / 4) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + more + 1;
	if (need <= b->cap)
		return true;
	size_t nc = b->cap ? b->cap : b->sink ? 2 * SPILL_BYTES : 64;
	while (nc < need)
		nc *= 2;
	char *p = realloc(b->data, nc);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = nc;
	return true;
}

char *tw_buf_room(struct tw_buf *b, size_t more)
{
	return reserve(b, more) ? b->data + b->len : NULL;
}

void tw_buf_add_grow(struct tw_buf *b, const char *s, size_t len)
{
	if (!reserve(b, len))
		return;
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void tw_buf_puts(struct tw_buf *b, const char *s)
{
	tw_buf_add(b, s ? s : "", s ? strlen(s) : 0);
}

void tw_buf_printf(struct tw_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static bool hand_over(struct tw_buf *b)
{
	if (b->oom)
		return false;
	if (b->len && !b->sink(b->sink_ctx, b->data, b->len)) {
		b->sink_failed = true;
		b->oom = true;
	}
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	return !b->oom;
}

bool tw_buf_spill(struct tw_buf *b)
{
	if (!b->sink || b->len < SPILL_BYTES)
		return !b->oom;
	return hand_over(b);
}

bool tw_buf_drain(struct tw_buf *b)
{
	return b->sink ? hand_over(b) : !b->oom;
}

bool tw_buf_ok(const struct tw_buf *b, struct tw_error *err)
{
	if (b->sink_failed)
		return tw_error_set(err, TW_ERR_IO, "could not write the export");
	if (!b->oom)
		return true;
	return tw_error_set(err, TW_ERR_NOMEM, "out of memory while writing the export");
}

char *tw_buf_take(struct tw_buf *b, size_t *len)
{
	if (!b->data && !b->oom)
		tw_buf_add(b, "", 0);
	char *d = b->data;
	if (len)
		*len = b->len;
	*b = (struct tw_buf){ 0 };
	return d;
}

void tw_buf_free(struct tw_buf *b)
{
	free(b->data);
	*b = (struct tw_buf){ 0 };
}
