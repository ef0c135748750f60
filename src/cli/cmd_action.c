/* `twoway action add|edit|postpone|done|list`: action items, from a meeting
 * or free-standing, owned by me or the sponsor, with a due date and a done
 * date; changed in place and postponed by an offset from their due date. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "twoway/util.h"
#include "twoway/when.h"

static void help(void)
{
	puts("usage: twoway action add TEXT [--owner me|sponsor] [--due DATE] [--meeting ID]\n"
	     "       twoway action edit ID [--text T] [--due DATE|none] [--owner me|sponsor]\n"
	     "                             [--meeting ID|none]\n"
	     "       twoway action postpone ID [BY]\n"
	     "       twoway action done ID [--undo]\n"
	     "       twoway action list [--open|--overdue] [--json]\n"
	     "\n"
	     "Adds an action item (yours unless --owner sponsor), changes one, postpones\n"
	     "one (BY: +3d, +1w, 'in 2 weeks', counted from its due date, or from today\n"
	     "when it has none or it has passed; default +1w), marks one done (or open\n"
	     "again with --undo), and lists them by due date, overdue ones marked, with\n"
	     "the sponsor of their meeting. DATE is a day as people type it: fri, +3d,\n"
	     "'in 2 weeks', 2026-12-07.");
}

static int add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *owner = "me", *due = "", *meeting = NULL, *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--owner", &owner, NULL },
					{ "--due", &due, NULL },
					{ "--meeting", &meeting, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("action add", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action add", "missing the action TEXT");
	if (strcmp(owner, "me") != 0 && strcmp(owner, "sponsor") != 0)
		return cli_fail("--owner '%s' is not an owner; use 'me' or 'sponsor'", owner);
	int64_t mid = 0;
	char day[11] = "";
	if (!cli_text_ok("the action text", pos[0], true) || (*due && !cli_day("--due", due, day)) ||
	    (meeting && !cli_id("meeting", meeting, &mid)))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_error err = { 0 };
	if (mid) {
		struct tw_meeting m = { 0 };
		bool ok = tw_store_meeting_get(ctx->store, mid, &m, &err) && m.profile_id == p.id;
		tw_meeting_finish(&m);
		if (!ok) {
			tw_profile_finish(&p);
			if (err.code == TW_OK || err.code == TW_ERR_NOTFOUND)
				return cli_fail("no meeting %s in this profile (see 'twoway meeting list')",
						meeting);
			return cli_fail("%s", err.message);
		}
	}
	struct tw_action a = { .profile_id = p.id, .meeting_id = mid, .text = (char *)pos[0],
			       .owner = strcmp(owner, "sponsor") == 0 ? TW_OWNER_SPONSOR
								     : TW_OWNER_ME };
	snprintf(a.due, sizeof(a.due), "%s", day);
	if (!tw_store_action_add(ctx->store, &a, &err)) {
		rc = cli_fail("%s", err.message);
	} else if (*day) {
		char echo[32];
		tw_when_echo_date(day, echo, sizeof echo);
		cli_say(ctx, "added action %lld, due %s\n", (long long)a.id, echo);
	} else {
		cli_say(ctx, "added action %lld\n", (long long)a.id);
	}
	tw_profile_finish(&p);
	return rc;
}

/* The live action item id of the profile into *out; prints when missing. */
static int owned(struct cli_ctx *ctx, int64_t profile_id, int64_t id, struct tw_action *out)
{
	struct tw_error err = { 0 };
	if (tw_store_action_get(ctx->store, id, out, &err) && out->profile_id == profile_id)
		return CLI_OK;
	tw_action_finish(out);
	if (err.code != TW_OK && err.code != TW_ERR_NOTFOUND)
		return cli_fail("%s", err.message);
	return cli_fail("no action %lld in this profile (see 'twoway action list')", (long long)id);
}

/* The meeting id of --meeting (ID or "none" for 0) when it is a live meeting
 * of the profile; prints when not. */
static bool meeting_arg(struct cli_ctx *ctx, int64_t profile_id, const char *arg, int64_t *mid)
{
	*mid = 0;
	if (!strcmp(arg, "none"))
		return true;
	if (!cli_id("meeting", arg, mid))
		return false;
	struct tw_meeting m = { 0 };
	struct tw_error err = { 0 };
	bool ok = tw_store_meeting_get(ctx->store, *mid, &m, &err) && m.profile_id == profile_id;
	tw_meeting_finish(&m);
	if (!ok) {
		if (err.code == TW_OK || err.code == TW_ERR_NOTFOUND)
			cli_fail("no meeting %s in this profile (see 'twoway meeting list')", arg);
		else
			cli_fail("%s", err.message);
	}
	return ok;
}

static int edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *text = NULL, *due = NULL, *owner = NULL, *meeting = NULL, *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--text", &text, NULL },
					{ "--due", &due, NULL },
					{ "--owner", &owner, NULL },
					{ "--meeting", &meeting, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("action edit", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action edit", "missing the action ID");
	if (!text && !due && !owner && !meeting)
		return cli_usage("action edit", "nothing to change: give --text, --due, --owner "
						"or --meeting");
	if (owner && strcmp(owner, "me") != 0 && strcmp(owner, "sponsor") != 0)
		return cli_fail("--owner '%s' is not an owner; use 'me' or 'sponsor'", owner);
	int64_t id;
	char day[11] = "";
	bool clear_due = due && (!strcmp(due, "none") || !strcmp(due, ""));
	if (!cli_id("action", pos[0], &id) || (text && !cli_text_ok("--text", text, true)) ||
	    (due && !clear_due && !cli_day("--due", due, day)))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_action a = { 0 };
	int64_t mid = 0;
	rc = owned(ctx, p.id, id, &a);
	if (rc == CLI_OK && meeting && !meeting_arg(ctx, p.id, meeting, &mid))
		rc = CLI_FAIL;
	tw_profile_finish(&p);
	if (rc) {
		tw_action_finish(&a);
		return rc;
	}
	if (text) {
		free(a.text);
		a.text = strdup(text);
	}
	if (due)
		snprintf(a.due, sizeof a.due, "%s", day);
	if (owner)
		a.owner = strcmp(owner, "sponsor") == 0 ? TW_OWNER_SPONSOR : TW_OWNER_ME;
	if (meeting)
		a.meeting_id = mid;
	struct tw_error err = { 0 };
	if (!a.text) {
		rc = cli_fail("out of memory");
	} else if (!tw_store_action_update(ctx->store, &a, &err)) {
		rc = cli_fail("%s", err.message);
	} else {
		char echo[32], mtg[24] = "none";
		tw_when_echo_date(a.due, echo, sizeof echo);
		if (a.meeting_id)
			snprintf(mtg, sizeof mtg, "%lld", (long long)a.meeting_id);
		cli_say(ctx, "changed action %lld: due %s, owner %s, meeting %s\n", (long long)a.id,
			a.due[0] ? echo : "none", a.owner == TW_OWNER_SPONSOR ? "sponsor" : "me", mtg);
	}
	tw_action_finish(&a);
	return rc;
}

static int postpone(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("action postpone", argc, argv, opts, pos, 2, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action postpone", "missing the action ID");
	const char *by = n > 1 ? pos[1] : "+1w";
	int64_t id;
	if (!cli_id("action", pos[0], &id) || !cli_text_ok("the offset", by, true))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_action a = { 0 };
	rc = owned(ctx, p.id, id, &a);
	tw_profile_finish(&p);
	if (rc)
		return rc;
	/* Offsets count from the due date while it is ahead, else from today. */
	tw_time now = (tw_time)time(NULL), base = now;
	int days = 0;
	struct tw_when w;
	char msg[256], noon[24], day[11], was[32], echo[32];
	snprintf(noon, sizeof noon, "%s 12:00", a.due);
	if (a.due[0] && tw_when_days_until(a.due, now, &days) && days > 0 &&
	    tw_when_parse(noon, now, &w, msg, sizeof msg))
		base = w.t;
	struct tw_error err = { 0 };
	tw_when_echo_date(a.due, was, sizeof was);
	if (by[0] != '+' && strncmp(by, "in ", 3) != 0) {
		rc = cli_fail("'%s' is not an offset; try +3d, +1w or 'in 2 weeks' (to set a day, "
			      "use action edit --due)", by);
	} else if (!tw_when_parse_date(by, base, day, msg, sizeof msg)) {
		rc = cli_fail("%s", msg);
	} else {
		snprintf(a.due, sizeof a.due, "%s", day);
		if (!tw_store_action_update(ctx->store, &a, &err)) {
			rc = cli_fail("%s", err.message);
		} else {
			tw_when_echo_date(day, echo, sizeof echo);
			cli_say(ctx, "postponed action %lld to %s (was %s)\n", (long long)a.id, echo,
				was[0] ? was : "undated");
		}
	}
	tw_action_finish(&a);
	return rc;
}

static int done(struct cli_ctx *ctx, int argc, char **argv)
{
	bool undo = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--undo", NULL, &undo }, { NULL, NULL, NULL } };
	int rc = cli_parse("action done", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("action done", "missing the action ID");
	int64_t id;
	if (!cli_id("action", pos[0], &id))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_action a = { 0 };
	rc = owned(ctx, p.id, id, &a);
	tw_action_finish(&a);
	tw_profile_finish(&p);
	if (rc)
		return rc;
	struct tw_error err = { 0 };
	if (!tw_store_action_done(ctx->store, id, undo ? "" : NULL, &err))
		return cli_fail("%s", err.message);
	cli_say(ctx, "action %lld %s\n", (long long)id, undo ? "open again" : "done");
	return CLI_OK;
}

/* id in decimal into buf (24 bytes), without printf: a listing writes
 * thousands of them. */
static void put_id(char *buf, int64_t id)
{
	char d[24];
	size_t i = sizeof d;
	uint64_t u = id < 0 ? 0 - (uint64_t)id : (uint64_t)id;
	d[--i] = '\0';
	do
		d[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (id < 0)
		d[--i] = '-';
	memcpy(buf, d + i, sizeof d - i);
}

/* The listing's rows, read in place from the records. */
struct list_rows {
	const struct tw_action *v;
	const char *today;
};

static void list_row(void *ctx, size_t r, const char **cells, char (*scratch)[CLI_TABLE_SCRATCH])
{
	const struct list_rows *lr = ctx;
	const struct tw_action *a = &lr->v[r];
	put_id(scratch[0], a->id);
	cells[0] = scratch[0];
	cells[1] = a->done[0] ? "[x]" : "[ ]";
	bool late = !a->done[0] && a->due[0] && strcmp(a->due, lr->today) < 0;
	if (late) { /* due is at most "YYYY-MM-DD" (11 bytes), then " overdue" */
		size_t dl = strnlen(a->due, CLI_TABLE_SCRATCH - 9);
		memcpy(scratch[2], a->due, dl);
		memcpy(scratch[2] + dl, " overdue", 9);
		cells[2] = scratch[2];
	} else {
		cells[2] = a->due[0] ? a->due : "-";
	}
	cells[3] = a->owner == TW_OWNER_SPONSOR ? "sponsor" : "me";
	cells[4] = a->sponsor_name ? a->sponsor_name : "-";
	cells[5] = "-";
	if (a->meeting_id) {
		put_id(scratch[5], a->meeting_id);
		cells[5] = scratch[5];
	}
	cells[6] = a->text;
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	bool open = false, overdue = false, json = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--open", NULL, &open }, { "--json", NULL, &json },
					{ "--overdue", NULL, &overdue },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("action list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (open && overdue)
		return cli_usage("action list", "give --open or --overdue, not both");
	ctx->reads = CLI_READS_MAPPED; /* every item, and its meeting and sponsor */
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	char today[16];
	tw_today(today, sizeof(today));
	struct tw_action *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	enum tw_action_filter f = open ? TW_ACTIONS_OPEN : overdue ? TW_ACTIONS_OVERDUE
								    : TW_ACTIONS_ALL;
	if (!tw_store_action_list(ctx->store, p.id, 0, f, today, &v, &nv, &err)) {
		tw_profile_finish(&p);
		return cli_fail("%s", err.message);
	}
	static const struct cli_col cols[] = {
		{ "ID", 4, true },	 { "", 3, false },	  { "DUE", 10, false },
		{ "OWNER", 7, false }, { "SPONSOR", 7, false }, { "MEETING", 7, false },
		{ "TEXT", 0, false },	 { NULL, 0, false },
	};
	struct list_rows lr = { v, today };
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "actions", '[');
		for (size_t i = 0; i < nv; i++)
			cli_json_action(&j, &v[i]);
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	}
	if (json)
		;
	else if (nv == 0)
		puts(overdue ? "no overdue actions" : open ? "no open actions" : "no actions");
	else if (!cli_table_print_each(cols, nv, list_row, &lr, "      "))
		rc = cli_fail("out of memory");
	tw_actions_free(v, nv);
	tw_profile_finish(&p);
	return rc;
}

int cmd_action(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add },	  { "edit", edit }, { "postpone", postpone },
		{ "done", done }, { "list", list }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "action", subs, help, argc, argv);
}
