/* Small helpers the CLI, TUI and core share: UTF-8 text checks, dates and
 * times in the forms twoway accepts, and the XDG directories it uses.
 * Nothing here touches the database, the content files or the terminal. */
#ifndef TWOWAY_UTIL_H
#define TWOWAY_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/model.h"

/* Decodes the UTF-8 sequence at s (at most len >= 1 bytes) into *cp and
 * returns its length, or returns 0 when it is not valid UTF-8 (overlong,
 * surrogate, truncated, out of range). */
size_t tw_utf8_decode(const unsigned char *s, size_t len, unsigned *cp);

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
bool tw_utf8_valid(const char *s, size_t len);

/* True when s[0..len) is valid UTF-8 and holds no control character (C0,
 * DEL, C1) other than newline and tab: safe to store and to draw. */
bool tw_text_valid(const char *s, size_t len);

/* True when s has at least one character that shows: white space and
 * invisible characters (zero-width spaces and joiners, direction marks and
 * isolates, the byte-order mark, variation selectors, soft hyphens, fillers)
 * do not count, so text made only of them is blank. Bytes that are not
 * valid UTF-8 count as visible. */
bool tw_text_nonblank(const char *s);

/* The longest text twoway stores in one field (a reflection, notes, an
 * agenda, an action item ...): 1 MiB. Longer text is refused. */
#define TW_TEXT_MAX_BYTES (1024 * 1024)

/* Parses "YYYY-MM-DD" (taken as 09:00) or "YYYY-MM-DD HH:MM" /
 * "YYYY-MM-DDTHH:MM" in local time. Rejects impossible dates. */
bool tw_time_parse(const char *s, tw_time *out);

/* "YYYY-MM-DD HH:MM" in local time into buf (at least 17 bytes). */
void tw_time_format(tw_time t, char *buf, size_t len);

/* Today's local date "YYYY-MM-DD" into buf (at least 11 bytes). */
void tw_today(char *buf, size_t len);

/* True when s is a real calendar date written "YYYY-MM-DD". */
bool tw_date_valid(const char *s);

/* $XDG_DATA_HOME/twoway (default ~/.local/share/twoway) and
 * $XDG_STATE_HOME/twoway (default ~/.local/state/twoway). The caller frees
 * the returned string; NULL when neither XDG nor HOME is set. */
char *tw_data_dir(void);
char *tw_state_dir(void);

/* Creates dir and any missing parents; the last component gets mode. */
bool tw_mkdir_p(const char *dir, unsigned mode);

/* s case-folded (Unicode NFKC_Casefold, utf8proc): "DANA", "Dana" and
 * "dana" fold the same. A new string the caller frees; NULL when s is not
 * valid UTF-8 or memory ran out. */
char *tw_casefold(const char *s);

/* printf into a new string the caller frees; NULL on no memory. */
char *tw_strdup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* strdup that maps NULL to NULL. */
char *tw_strdup0(const char *s);

/* The growable array: makes room for element n of *v (elements of sz
 * bytes, room for *cap of them), doubling the room (from 16) when n is
 * past it; new room is zero-filled. Pass the address of the array pointer
 * cast to void **. False on no memory, with *v and *cap unchanged. */
bool tw_grow(void **v, size_t *cap, size_t n, size_t sz);

/* The whole-file reader (readall.c): everything from fd, or from the file
 * at path, into a new NUL-terminated buffer the caller frees, its length
 * (without the NUL) in *len. With max > 0 reading stops once more than max
 * bytes came, so *len == max + 1 says "too big". Retries on EINTR; fd is
 * not closed. NULL with errno set on failure. */
char *tw_read_fd(int fd, size_t max, size_t *len);
char *tw_read_file(const char *path, size_t max, size_t *len);
/* And its writer: all len bytes of data to fd, retrying on EINTR and
 * short writes. False with errno set when a write failed. */
bool tw_write_all(int fd, const void *data, size_t len);

/* n (0..99) as two ASCII digits at p, from one table (util.c): the
 * exports write their numbers two digits a step. */
extern const char tw_digit_pairs[201];
static inline void tw_digits2(char *p, unsigned n)
{
	p[0] = tw_digit_pairs[2 * n];
	p[1] = tw_digit_pairs[2 * n + 1];
}

#endif
