/* What every subcommand shares: the parsed global options, the store and
 * content library opened on first use, the helpers for arguments, tables
 * and JSON output, and the exit codes of the CLI contract (0 success,
 * 1 user error with one line on stderr or, for search, no match, 2 usage
 * error). */
#ifndef TWOWAY_CLI_H
#define TWOWAY_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "twoway/content.h"
#include "twoway/model.h"
#include "twoway/store.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* How a command's store reads its pages (see cli_ctx.reads). */
enum cli_reads {
	CLI_READS_DEFAULT, /* a few records: a page cache */
	CLI_READS_STREAM,  /* most pages once, in order: an export, a search */
	CLI_READS_MAPPED,  /* pages again and again in no order: a listing */
};

struct cli_ctx {
	const char *db_path;     /* --db or TWOWAY_DB, NULL for the default */
	const char *profile;     /* --profile, NULL for the current one */
	const char *content_dir; /* --content or TWOWAY_CONTENT */
	struct tw_store *store;  /* opened by cli_store */
	enum tw_view view;       /* how cli_store opens it: TW_VIEW_COACH for
				    anything a coach reads (coach JSON, the
				    coaching summary) */
	struct tw_library *lib;  /* loaded by cli_library */
	bool quiet;              /* --quiet: no confirmations on stdout */
	bool passphrase_stdin;   /* --passphrase-stdin: passphrases are lines of stdin */
	enum cli_reads reads;    /* set before cli_store by a command that reads
				    much of a profile: how the store reads its
				    pages (tw_store_map_reads and
				    tw_store_stream_reads say when each is
				    faster) */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv); /* argv[0] is the name */
	const char *summary;
};

/* The database path (--db, TWOWAY_DB or the default) as a string the
 * caller frees; prints and returns NULL when there is none. */
char *cli_db_path(struct cli_ctx *ctx);
/* Opens the store (--db, TWOWAY_DB or the default path) on first use;
 * prints the error and returns NULL on failure. */
struct tw_store *cli_store(struct cli_ctx *ctx);
/* Loads the bundled, user and --content guides on first use; reports
 * skipped files on stderr once. NULL (after printing) on no memory. */
struct tw_library *cli_library(struct cli_ctx *ctx);
/* Opens the store and resolves --profile (or the current profile) into
 * *out, which the caller finishes with tw_profile_finish; prints on failure. */
bool cli_profile(struct cli_ctx *ctx, struct tw_profile *out);

/* Prints a printf-style message on f as one line: newlines read as
 * spaces, control characters and direction overrides as '?', so names of
 * files and stored text can never drive the terminal. */
void cli_line(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_vsay(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Called once when a command ends with its exit code: flushes and closes
 * standard output; when that fails (a full disk, /dev/full) and rc was
 * success, prints one line and returns CLI_FAIL. */
int cli_finish(int rc);
/* Flushes standard output after a large write; false (after printing the
 * one-line error) when it could not be written. */
bool cli_output_ok(void);

/* Passphrases of locked profiles (passphrase.c). Reads one with prompt:
 * a line of stdin with --passphrase-stdin, else from the terminal without
 * echo; prints why and returns NULL when there is none. Free it with
 * cli_passphrase_free (wipes it). */
char *cli_passphrase(struct cli_ctx *ctx, const char *prompt);
void cli_passphrase_free(char *p);
/* True when a passphrase can be asked (--passphrase-stdin or a terminal). */
bool cli_can_ask_passphrase(const struct cli_ctx *ctx);
/* Opens profile p's key when it is locked and not open yet: asks for the
 * passphrase (when must is false and none can be asked, sealed text shows
 * as the marker instead). CLI_OK, or CLI_FAIL after printing (a wrong
 * passphrase). */
int cli_open_key(struct cli_ctx *ctx, const struct tw_profile *p, bool must);
/* twoway profile lock|passwd|unlock (cmd_profile_lock.c). */
int cmd_profile_lock(struct cli_ctx *ctx, int argc, char **argv);
int cmd_profile_passwd(struct cli_ctx *ctx, int argc, char **argv);
int cmd_profile_unlock(struct cli_ctx *ctx, int argc, char **argv);

/* Prints "twoway: message" on stderr as one line (cli_line); returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "twoway CMD: message" and a hint to --help on stderr; returns CLI_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when argv has -h or --help (before any "--"). */
bool cli_wants_help(int argc, char **argv);

/* Reads all of stdin into a new NUL-terminated string the caller frees,
 * its length in *len when len is not NULL (NULL on failure). */
char *cli_read_stdin(size_t *len);

/* One option a subcommand accepts: a value option sets *value, a flag
 * option sets *flag. Both "--opt VALUE" and "--opt=VALUE" are taken. */
struct cli_opt {
	const char *name; /* "--due" */
	const char **value;
	bool *flag;
};

/* Splits argv[1..argc) into the options of opts and at most max positional
 * arguments ("-" is positional, "--" ends the options). cmd names the
 * command in messages ("action add"). Returns CLI_OK, or CLI_USAGE after
 * printing which option or argument is wrong. */
int cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int max, int *npos);

/* Checks a text argument; what names it in the message ("--title").
 * Refuses invalid UTF-8 and control characters; with nonblank, also empty
 * or blank text. Prints the one-line error and returns false. */
bool cli_text_ok(const char *what, const char *s, bool nonblank);
/* True when s is one or more ASCII digits (an id rather than a name). */
bool cli_all_digits(const char *s);
/* Parses a record id (a positive integer); prints and returns false if not. */
bool cli_id(const char *what, const char *s, int64_t *out);
/* Reads a moment as people type it ("thu 10:30", "+3d", ISO; see
 * twoway/when.h) against now; what names the option in the message
 * ("--when"). Prints the refusal, with an example, and returns false. */
bool cli_when(const char *what, const char *s, tw_time *out);
/* The same for a day-only option (--due): "YYYY-MM-DD" into day. */
bool cli_day(const char *what, const char *s, char day[11]);
/* Looks an item up by its full id in the content; on failure prints
 * "unknown item 'x'; did you mean: ..." and returns NULL. */
const struct tw_item *cli_item(struct cli_ctx *ctx, const char *full_id);
/* The meeting or check-up run an answer on item_id is for: --meeting's ID
 * (meeting, NULL when not given) for an item answered per meeting, or
 * --checkup's (checkup) for a check-up item (each refused for any other
 * item), else for such an item the meeting its guide is walked for
 * (tw_agenda_walk_meeting) or the latest check-up run (none: refused),
 * else 0. Prints on failure. */
bool cli_item_meeting(struct cli_ctx *ctx, int64_t profile_id, const char *item_id,
		      const char *meeting, const char *checkup, int64_t *meeting_id);
/* " for meeting N" / " for check-up N" (id 0: "") into buf; returns buf. */
const char *cli_occasion(const char *item_id, int64_t id, char *buf, size_t len);
/* Resolves a sponsor of profile_id by name or id into *out,
 * which the caller finishes with tw_sponsor_finish; prints on failure. */
bool cli_sponsor(struct cli_ctx *ctx, int64_t profile_id, const char *name,
		 struct tw_sponsor *out);
/* Writes text to f with control characters (C0 but tab and newline, DEL,
 * C1) shown as '?', so no escape sequence reaches the terminal; every line
 * after the first is prefixed with indent. */
void cli_put(FILE *f, const char *text, const char *indent);
/* Width of s in terminal columns (wcwidth in a UTF-8 locale: wide
 * characters two, combining marks none; one a character elsewhere). */
int cli_width(const char *s);
/* The same for the len bytes at s. */
int cli_width_n(const char *s, size_t len);
/* How many of the len bytes at s, from the start, are printable ASCII
 * (0x20 to 0x7e): the run that needs no escaping and is one column a byte. */
size_t cli_plain_prefix(const char *s, size_t len);
/* Prints s with cli_put, then spaces up to w characters. */
void cli_cell(const char *s, int w);
/* Prints n spaces (none when n <= 0). */
void cli_pad(int n);
/* The first line of text, at most max bytes (cut on a UTF-8 boundary,
 * "..." appended when cut), into buf of size max + 4. */
void cli_first_line(const char *text, char *buf, size_t max);

/* A table for list output (table.c): columns sized to their widest cell
 * (at least min), two spaces apart, right-aligned when right is set; the
 * last non-empty cell of a line is not padded, so no line ends in spaces. */
struct cli_col {
	const char *head; /* the header; NULL ends the column list */
	int min;
	bool right;
};
struct cli_table {
	const struct cli_col *cols;
	size_t *cells; /* nrows rows: each cell's place in text */
	size_t nrows;
	size_t cap;  /* rows cells has room for */
	char *text;  /* the cells' copies, one after another */
	size_t used, room;
	bool oom;
};
/* Adds a row: one const char * per column (NULL reads as ""), copied. */
void cli_table_row(struct cli_table *t, ...);
/* Prints the header and the rows (lines of the last column after the
 * first start with indent) and frees the rows; false when out of memory. */
bool cli_table_print(struct cli_table *t, const char *indent);
/* The same for rows read in place: fill(ctx, r, cells, scratch) sets
 * cells[i] (NULL or left alone reads as "") for row r, pointing into the
 * caller's records or into scratch[i], a buffer of CLI_TABLE_SCRATCH
 * bytes per column; it is called twice a row (to measure, then to print)
 * and must give the same cells both times. Nothing is copied, so a long
 * listing costs no second copy of its text; false when out of memory. */
#define CLI_TABLE_SCRATCH 32
typedef void (*cli_table_fill)(void *ctx, size_t r, const char **cells,
			       char (*scratch)[CLI_TABLE_SCRATCH]);
bool cli_table_print_each(const struct cli_col *cols, size_t nrows, cli_table_fill fill,
			  void *ctx, const char *indent);

/* Colour on the tables (main.c decides: --color, NO_COLOR, a terminal):
 * headers in bold. Never set when stdout is not a terminal, unless
 * --color=always asked for it. */
extern bool cli_color;

/* A JSON document for --json (json.c), written as it goes: open and close
 * objects ('{' '}') and arrays ('[' ']'); key names the member inside an
 * object and is NULL inside an array or for the document itself. Text is
 * escaped for any JSON reader; a NULL string and a zero time write null.
 * Times are ISO 8601 in local time with the offset. */
struct cli_json {
	FILE *f; /* stdout when NULL */
	int depth;
	bool more[16];
};
void cli_json_open(struct cli_json *j, const char *key, char kind);
void cli_json_close(struct cli_json *j, char kind);
void cli_json_str(struct cli_json *j, const char *key, const char *s);
void cli_json_int(struct cli_json *j, const char *key, long long v);
void cli_json_bool(struct cli_json *j, const char *key, bool v);
void cli_json_time(struct cli_json *j, const char *key, tw_time t);
/* One action item as a JSON object (for action list and meeting show). */
void cli_json_action(struct cli_json *j, const struct tw_action *a);
/* s as a JSON string, quotes included. */
void cli_json_text(FILE *f, const char *s);

/* Prints a confirmation ("added sponsor 'X' (id 3)") on stdout unless
 * --quiet was given. */
void cli_say(const struct cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One subcommand of a command with subcommands (profile add, ...). */
struct cli_sub {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv); /* argv[0] is the name */
};
/* Runs the subcommand argv[1] of cmd from subs (ended by a NULL name);
 * --help anywhere calls help. A missing or unknown subcommand is a usage
 * error naming the ones there are. */
int cli_dispatch(struct cli_ctx *ctx, const char *cmd, const struct cli_sub *subs,
		 void (*help)(void), int argc, char **argv);

/* `delete` and `undo` (cmd_delete.c): parse KIND NAME|ID, then delete or
 * bring the record back and say so. */
int cli_delete_run(struct cli_ctx *ctx, const char *cmd, bool undo, int argc, char **argv);

/* Subcommands (one file each, src/cli/cmd_*.c). */
int cmd_check(struct cli_ctx *ctx, int argc, char **argv);
int cmd_backup(struct cli_ctx *ctx, int argc, char **argv);
int cmd_profile(struct cli_ctx *ctx, int argc, char **argv);
int cmd_sponsor(struct cli_ctx *ctx, int argc, char **argv);
int cmd_checkup(struct cli_ctx *ctx, int argc, char **argv);
int cmd_guides(struct cli_ctx *ctx, int argc, char **argv);
int cmd_tick(struct cli_ctx *ctx, int argc, char **argv);
int cmd_rate(struct cli_ctx *ctx, int argc, char **argv);
int cmd_reflect(struct cli_ctx *ctx, int argc, char **argv);
int cmd_history(struct cli_ctx *ctx, int argc, char **argv);
int cmd_recover(struct cli_ctx *ctx, int argc, char **argv);
int cmd_meeting(struct cli_ctx *ctx, int argc, char **argv);
int cmd_action(struct cli_ctx *ctx, int argc, char **argv);
int cmd_search(struct cli_ctx *ctx, int argc, char **argv);
int cmd_delete(struct cli_ctx *ctx, int argc, char **argv);
int cmd_undo(struct cli_ctx *ctx, int argc, char **argv);
int cmd_purge(struct cli_ctx *ctx, int argc, char **argv);
int cmd_export(struct cli_ctx *ctx, int argc, char **argv);
int cmd_import(struct cli_ctx *ctx, int argc, char **argv);

#endif
