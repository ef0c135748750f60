/* `twoway export`: the meeting brief and coaching summary in Markdown, the
 * database (or one profile) as JSON, action items or meetings as CSV, and
 * meetings as iCalendar; to stdout or, atomically and private, to --out. */
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "twoway/export.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway export --format md --meeting ID [--agenda] [--out FILE [--force]]\n"
	     "       twoway export --format md --coaching ID [--out FILE [--force]]\n"
	     "       twoway export --format json [--profile NAME] [--coach] [--out FILE [--force]]\n"
	     "       twoway export --format csv --what actions|meetings [--out FILE [--force]]\n"
	     "       twoway export --format ics [--out FILE [--force]]\n"
	     "\n"
	     "md: your private brief for a meeting (sponsor, date, the item to keep if\n"
	     "time runs short, your homework notes on the sponsor, the agenda with its\n"
	     "action items as they stand today, your questions, feedback and ask, and\n"
	     "once held the notes and outcome); with --agenda the short send-ahead\n"
	     "agenda for an email or the calendar invite (no homework, no feedback, no\n"
	     "notes); or a coaching-session summary. None ever shows the text of a\n"
	     "private reflection; --agenda and --coaching read through a coach view.\n"
	     "json: the whole database, or one profile with --profile: your own backup,\n"
	     "for 'twoway import'. It INCLUDES THE TEXT OF YOUR PRIVATE REFLECTIONS, so\n"
	     "do not hand it to anyone. With --coach it is a copy for your coach: the\n"
	     "text of every private reflection reads \"private\" and drafts are left out.\n"
	     "csv: action items or meetings (RFC 4180). ics: your meetings for a\n"
	     "calendar program (RFC 5545).\n"
	     "\n"
	     "Without --out the export goes to standard output. A file is written\n"
	     "with mode 0600 and an existing one is only replaced with --force.");
}

/* Builds the export into b; prints and returns false on failure. */
static bool build(struct cli_ctx *ctx, const char *format, const char *meeting,
		  bool agenda, const char *coaching, const char *what, bool coach,
		  struct tw_buf *b)
{
	struct tw_error err = { 0 };
	struct tw_profile p = { 0 };
	bool ok = false;
	/* an export reads a whole profile or more, most of it in one pass;
	 * the action items' CSV looks up each item's meeting and sponsor */
	ctx->reads = strcmp(format, "csv") == 0 && what && strcmp(what, "actions") == 0
			     ? CLI_READS_MAPPED
			     : CLI_READS_STREAM;
	if (strcmp(format, "json") == 0) {
		if (!cli_store(ctx))
			return false;
		if (ctx->profile && !cli_profile(ctx, &p))
			return false;
		ok = tw_store_export_json_into(ctx->store, p.id, coach, b, &err);
		tw_profile_finish(&p);
		if (!ok && !b->sink_failed) /* a failed sink: the caller says */
			cli_fail("%s", err.message);
		return ok;
	}
	if (!cli_profile(ctx, &p))
		return false;
	int64_t id = 0;
	if (strcmp(format, "md") == 0) {
		const struct tw_library *lib = cli_library(ctx);
		char today[16];
		tw_today(today, sizeof today);
		if (!lib)
			err.message[0] = '\0'; /* cli_library printed */
		else if (meeting && cli_id("meeting", meeting, &id))
			ok = agenda ? tw_export_md_agenda(ctx->store, lib, p.id, id, today, b, &err)
				    : tw_export_md_brief(ctx->store, lib, p.id, id, today, b, &err);
		else if (coaching && cli_id("coaching session", coaching, &id))
			ok = tw_export_md_coaching(ctx->store, lib, p.id, id, b, &err);
		else
			err.message[0] = '\0'; /* cli_id printed */
		if (!ok && err.code == TW_ERR_NOTFOUND)
			snprintf(err.message, sizeof err.message,
				 meeting ? "no meeting %s in this profile (see 'twoway meeting list')"
					 : "no coaching session %s in this profile",
				 meeting ? meeting : coaching);
	} else if (strcmp(format, "csv") == 0 && strcmp(what, "actions") == 0) {
		ok = tw_export_csv_actions(ctx->store, p.id, b, &err);
	} else {
		/* the agendas: the content library only when some meeting's
		 * answers may stand in for its agenda */
		const struct tw_library *lib = NULL;
		bool answered = false;
		char today[16];
		tw_today(today, sizeof today);
		if (!tw_store_meetings_answered(ctx->store, p.id, &answered, &err))
			ok = false;
		else if (answered && !(lib = cli_library(ctx)))
			err.message[0] = '\0'; /* cli_library printed */
		else if (strcmp(format, "csv") == 0)
			ok = tw_export_csv_meetings(ctx->store, lib, p.id, today, b, &err);
		else
			ok = tw_export_ics(ctx->store, lib, p.id, today, b, &err);
	}
	if (ok) {
		tw_buf_drain(b);
		ok = tw_buf_ok(b, &err);
	}
	if (!ok && err.message[0] && !b->sink_failed)
		cli_fail("%s", err.message);
	tw_profile_finish(&p);
	return ok;
}

/* Standard output as an export's sink: the export goes out as it is made,
 * so a large one never sits whole in memory. */
struct out_sink {
	int error; /* errno of the failed write, 0 while all went out */
};

static bool to_stdout(void *ctx, const char *data, size_t len)
{
	/* what stdio holds goes first; then the piece (16 KiB or more)
	 * straight to the descriptor: through stdio it was copied once more
	 * (4% of a JSON export's instructions) */
	struct out_sink *o = ctx;
	if (fflush(stdout) != 0) {
		o->error = errno ? errno : EIO;
		return false;
	}
	if (tw_write_all(STDOUT_FILENO, data, len))
		return true;
	o->error = errno ? errno : EIO;
	return false;
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *format = NULL, *meeting = NULL, *coaching = NULL, *what = NULL;
	const char *out = NULL, *pos[1];
	bool force = false, coach = false, agenda = false;
	int n;
	const struct cli_opt opts[] = { { "--format", &format, NULL },
					{ "--meeting", &meeting, NULL },
					{ "--coaching", &coaching, NULL },
					{ "--what", &what, NULL },
					{ "--out", &out, NULL },
					{ "--force", NULL, &force },
					{ "--coach", NULL, &coach },
					{ "--agenda", NULL, &agenda },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("export", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (!format)
		return cli_usage("export", "missing --format md|json|csv|ics");
	bool md = strcmp(format, "md") == 0, csv = strcmp(format, "csv") == 0;
	if (!md && !csv && strcmp(format, "json") != 0 && strcmp(format, "ics") != 0)
		return cli_usage("export", "unknown format '%s' (use md, json, csv or ics)", format);
	if (md && !meeting == !coaching)
		return cli_usage("export", "--format md needs --meeting ID or --coaching ID");
	if (agenda && !meeting)
		return cli_usage("export", "--agenda goes with --format md --meeting ID");
	if (!md && (meeting || coaching))
		return cli_usage("export", "--meeting and --coaching go with --format md");
	if (csv && !what)
		return cli_usage("export", "--format csv needs --what actions|meetings");
	if (csv && strcmp(what, "actions") != 0 && strcmp(what, "meetings") != 0)
		return cli_usage("export", "unknown --what '%s' (use actions or meetings)", what);
	if (!csv && what)
		return cli_usage("export", "--what goes with --format csv");
	if (coach && strcmp(format, "json") != 0)
		return cli_usage("export", "--coach goes with --format json (md, csv and ics "
				 "never hold private reflections)");
	if (force && !out)
		return cli_usage("export", "--force goes with --out FILE");
	if (out && (!*out || !cli_text_ok("--out", out, true)))
		return out && !*out ? cli_usage("export", "--out needs a file name") : CLI_FAIL;

	/* What a coach reads goes through a coach view of the store: no read
	 * of it returns private text, whatever the builder asks for. */
	if (coach || coaching || agenda)
		ctx->view = TW_VIEW_COACH;
	/* The export goes out as it is made: to standard output, or into a
	 * temporary file that becomes --out FILE only when it is complete. */
	struct tw_buf b = { 0 };
	struct out_sink sink = { 0 };
	struct tw_error err = { 0 };
	struct tw_export_file *file = NULL;
	bool to_out = !out || strcmp(out, "-") == 0;
	if (to_out) {
		b.sink = to_stdout;
		b.sink_ctx = &sink;
	} else if (!(file = tw_export_file_open(out, force, &err))) {
		return cli_fail("%s; nothing was written", err.message);
	} else {
		b.sink = tw_export_file_sink;
		b.sink_ctx = file;
	}
	if (!build(ctx, format, meeting, agenda, coaching, what, coach, &b)) {
		if (b.sink_failed && to_out)
			cli_fail("cannot write the output: %s", strerror(sink.error));
		else if (!tw_export_file_abort(file, &err)) /* a write failed: why */
			cli_fail("%s; nothing was written", err.message);
		tw_buf_free(&b);
		return CLI_FAIL;
	}
	if (to_out) {
		if (!cli_output_ok()) /* all went to the sink: flush and check */
			rc = CLI_FAIL;
	} else if (!tw_export_file_commit(file, &err)) {
		rc = cli_fail("%s; nothing was written", err.message);
	} else if (strcmp(format, "json") == 0) {
		cli_say(ctx, "exported json to %s (%s)\n", out,
		       coach ? "for a coach: private reflections read 'private'"
			     : "private reflections included: keep it to yourself");
	} else if (agenda) {
		cli_say(ctx, "exported the send-ahead agenda to %s\n", out);
	} else {
		cli_say(ctx, "exported %s to %s\n", format, out);
	}
	tw_buf_free(&b);
	return rc;
}
