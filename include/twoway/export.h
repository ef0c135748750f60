/* Exports people can use elsewhere: a growing text buffer, the Markdown
 * meeting brief and coaching summary, CSV (RFC 4180), iCalendar (RFC 5545),
 * the JSON syntax check behind import, and the atomic 0600 file writer. */
#ifndef TWOWAY_EXPORT_H
#define TWOWAY_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "twoway/content.h"
#include "twoway/diag.h"
#include "twoway/model.h"
#include "twoway/store.h"

/* ---- a growing buffer (export_buf.c) ----
 * Appends never fail loudly: on no memory the buffer sets oom and ignores
 * further appends; check tw_buf_ok at the end. data is always
 * NUL-terminated once anything was appended. */
struct tw_buf {
	char *data;
	size_t len;
	size_t cap;
	bool oom;
	/* Optional: where a long export goes as it is made. A writer calls
	 * tw_buf_spill between records; once 16 KiB are buffered they go to
	 * sink (which returns false when it could not write them, and then
	 * the buffer stops: sink_failed and oom are set). */
	bool (*sink)(void *ctx, const char *data, size_t len);
	void *sink_ctx;
	bool sink_failed;
};

/* Appends len bytes of s. While there is room (most appends: a few
 * bytes) it is a copy in the caller, with no call; else
 * tw_buf_add_grow makes room first. */
void tw_buf_add_grow(struct tw_buf *b, const char *s, size_t len);
static inline void tw_buf_add(struct tw_buf *b, const char *s, size_t len)
{
	if (len < b->cap - b->len && !b->oom) {
		memcpy(b->data + b->len, s, len);
		b->len += len;
		b->data[b->len] = '\0';
	} else {
		tw_buf_add_grow(b, s, len);
	}
}
void tw_buf_puts(struct tw_buf *b, const char *s);
void tw_buf_printf(struct tw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Room for more bytes at the end: a pointer to write them at (then add
 * what was written to b->len and keep data NUL-terminated), NULL when
 * memory ran out (b->oom is set). */
char *tw_buf_room(struct tw_buf *b, size_t more);
/* At a record boundary: with a sink, hands the buffered bytes to it once
 * 16 KiB or more are waiting (never splitting a record). Returns false once
 * the buffer has stopped (no memory, or the sink failed): the writer can
 * stop early. Without a sink it only reports oom. */
bool tw_buf_spill(struct tw_buf *b);
/* Hands every buffered byte to the sink (no-op without one); false as
 * tw_buf_spill. */
bool tw_buf_drain(struct tw_buf *b);
/* true when no append ran out of memory and no sink failed; otherwise
 * fills err. */
bool tw_buf_ok(const struct tw_buf *b, struct tw_error *err);
/* Hands the text to the caller (free it with free) and resets b. */
char *tw_buf_take(struct tw_buf *b, size_t *len);
void tw_buf_free(struct tw_buf *b); /* frees data and resets b */

/* ---- JSON strings (export_json_string.c) ---- */
/* Appends the len bytes of s as one JSON string, quotes included: '"' and
 * backslash escaped, \b \t \n \f \r and \u00XX for other control characters,
 * \u2028 and \u2029, every other valid UTF-8 sequence as it is, and each
 * byte that is not valid UTF-8 as U+FFFD (the output is always UTF-8). */
void tw_export_json_string(struct tw_buf *b, const char *s, size_t len);

/* ---- meetings by id (export_index.c) ---- */
/* An index of the n meetings of m sorted by id (the caller frees the
 * array, not the meetings); NULL when memory ran out. */
const struct tw_meeting **tw_meetings_by_id(const struct tw_meeting *m, size_t n);
/* The meeting with id in such an index, NULL when none. */
const struct tw_meeting *tw_meeting_find(const struct tw_meeting *const *idx, size_t n,
					 int64_t id);

/* ---- CSV, RFC 4180 (export_csv.c): CRLF line ends, UTF-8, a header row ---- */
/* Appends one field, quoted when it holds a comma, quote, CR or LF. */
void tw_export_csv_field(struct tw_buf *b, const char *s);
/* The profile's live action items / meetings, one row each. A meeting's
 * agenda column is its whole agenda as of today ("YYYY-MM-DD"), as
 * tw_agenda_render gives it: the hand part, or while that is blank the
 * meeting's answers (lib may be NULL when no meeting has any; a private
 * answer's text never goes in), then the sponsor's open action items. */
bool tw_export_csv_actions(struct tw_store *st, int64_t profile_id, struct tw_buf *b,
			   struct tw_error *err);
bool tw_export_csv_meetings(struct tw_store *st, const struct tw_library *lib,
			    int64_t profile_id, const char *today, struct tw_buf *b,
			    struct tw_error *err);

/* ---- iCalendar, RFC 5545 (export_ics.c) ---- */
/* Appends s as TEXT: backslash, semicolon, comma and newline escaped. */
void tw_export_ics_text(struct tw_buf *b, const char *s);
/* Appends one content line folded at 75 octets (never inside a UTF-8
 * sequence), each physical line ended with CRLF. */
void tw_export_ics_line(struct tw_buf *b, const char *line, size_t len);
/* A VCALENDAR with one VEVENT per live meeting of the profile (planned and
 * held): UID meeting-<uid>@twoway, DTSTAMP, DTSTART in UTC, one hour, the
 * whole agenda as of today as DESCRIPTION (as the meetings CSV has it;
 * no private answer's text). A constant number of queries. */
bool tw_export_ics(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
		   const char *today, struct tw_buf *b, struct tw_error *err);

/* ---- Markdown: a meeting's brief (export_brief.c) and send-ahead agenda
 * (export_agenda.c), a coaching summary (export_md.c) ---- */
/* The private brief for one meeting of the profile, for the sponsee: sponsor,
 * date, the item to keep if time runs short, the homework notes on the
 * sponsor, the agenda's first part (tw_agenda_hand_or_fresh), the
 * questions, feedback and ask from the reflections on items with those
 * slots in lib (may be NULL), the live action items (tw_agenda_derive as of
 * today, "YYYY-MM-DD", which also marks overdue items) and, once held or
 * written, the notes and outcome. A private reflection's text never
 * appears. */
bool tw_export_md_brief(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			int64_t meeting_id, const char *today, struct tw_buf *b,
			struct tw_error *err);
/* The short send-ahead agenda of one meeting, for an email or a calendar
 * invite: a title line, one numbered line per agenda part (the homework on
 * the sponsor, feedback and the marker of a left-out private answer left
 * out), the item to keep if time runs short and the open items between
 * them (a few). st must be a coach view (TW_VIEW_COACH; TW_ERR_INVALID
 * otherwise), so that no private or sealed text can be read into it. */
bool tw_export_md_agenda(struct tw_store *st, const struct tw_library *lib, int64_t profile_id,
			 int64_t meeting_id, const char *today, struct tw_buf *b,
			 struct tw_error *err);
/* The summary of one coaching session of the profile: coach, profile,
 * start, end, duration, coach notes, what was covered, and the reflections
 * saved during it (a private one shown only as "(private)"). */
bool tw_export_md_coaching(struct tw_store *st, const struct tw_library *lib,
			   int64_t profile_id, int64_t coaching_id, struct tw_buf *b,
			   struct tw_error *err);

/* ---- JSON syntax (export_jsoncheck.c, jansson) ---- */
/* True when buf[0..len) is one well-formed JSON document (UTF-8, no
 * duplicate keys); otherwise appends one located problem (path:line:column)
 * to diags and returns false. */
bool tw_export_json_check(const char *buf, size_t len, const char *path,
			  struct tw_diags *diags);

/* ---- files (export_file.c) ---- */
/* Writes data to path atomically: a temporary file in the same directory
 * (mkstemp, mode 0600), fsync, then into place. A missing directory is
 * created with mode 0700. An existing file is refused with TW_ERR_EXISTS
 * unless force is set. No temporary file is left behind on failure. */
bool tw_export_write_file(const char *path, const char *data, size_t len, bool force,
			  struct tw_error *err);

/* The same, piece by piece, so that a large export never sits whole in
 * memory: tw_export_file_open checks the target as above and creates the
 * temporary file (NULL with err on failure); tw_export_file_sink is a
 * tw_buf sink that appends to it (false once a write failed); commit puts
 * it into place (or says why not, leaving nothing behind). abort, for an
 * export that did not complete, removes it; false with err set when a
 * write into it had failed (why the export stopped: a full disk, a file
 * size limit), true otherwise with err untouched. Either frees f; abort
 * takes NULL. */
struct tw_export_file;
struct tw_export_file *tw_export_file_open(const char *path, bool force, struct tw_error *err);
bool tw_export_file_sink(void *file, const char *data, size_t len);
bool tw_export_file_commit(struct tw_export_file *f, struct tw_error *err);
bool tw_export_file_abort(struct tw_export_file *f, struct tw_error *err);

#endif
