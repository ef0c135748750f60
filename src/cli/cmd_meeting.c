/* `twoway meeting add|list|show|held`: conversations with a sponsor, planned
 * (sponsor, time, agenda) and then held (notes and outcome). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/agenda.h"
#include "twoway/util.h"
#include "twoway/when.h"

static void help(void)
{
	puts("usage: twoway meeting add --sponsor NAME --when DATE [--agenda TEXT] [--anyway]\n"
	     "       twoway meeting list [--planned|--held] [--json]\n"
	     "       twoway meeting show ID [--json]\n"
	     "       twoway meeting held ID [--notes TEXT [--replace]] [--outcome TEXT]\n"
	     "       twoway meeting keep ID TEXT\n"
	     "\n"
	     "Plans a meeting with a sponsor, lists meetings, shows one with its action\n"
	     "items, and marks a planned meeting held with what was said and what came\n"
	     "of it (--notes adds to the notes already there, --replace overwrites\n"
	     "them). DATE is what people type: 'thu 10:30', 'tomorrow 9:00', +1w,\n"
	     "'2026-12-07 14:00' (see DATES in twoway(1)). A second meeting with the same\n"
	     "sponsor at the same time is refused unless --anyway. 'keep' names the one\n"
	     "agenda item to keep if time runs short ('' for none). 'show' prints the\n"
	     "agenda as it stands today: what you wrote (or your answers), then the\n"
	     "sponsor's open action items, made fresh each time.");
}

static int add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sponsor = NULL, *when = NULL, *agenda = "", *pos[1];
	bool anyway = false;
	int n;
	const struct cli_opt opts[] = { { "--sponsor", &sponsor, NULL },
					{ "--when", &when, NULL },
					{ "--agenda", &agenda, NULL },
					{ "--anyway", NULL, &anyway },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("meeting add", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (!sponsor)
		return cli_usage("meeting add", "missing --sponsor NAME");
	if (!when)
		return cli_usage("meeting add", "missing --when DATE (e.g. 'thu 10:30' or 2026-12-03)");
	tw_time t;
	if (!cli_when("--when", when, &t) || !cli_text_ok("--agenda", agenda, false) ||
	    !cli_text_ok("--sponsor", sponsor, true))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { 0 };
	if (!cli_sponsor(ctx, p.id, sponsor, &s)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_meeting m = { .profile_id = p.id, .sponsor_id = s.id, .when = t,
				.agenda = (char *)agenda, .notes = (char *)"",
				.outcome = (char *)"" };
	struct tw_error err = { 0 };
	int64_t clash = 0;
	if (!anyway && !tw_store_meeting_clash(ctx->store, p.id, s.id, t, 0, &clash, &err)) {
		rc = cli_fail("%s", err.message);
	} else if (clash) {
		char buf[32];
		tw_when_echo(t, buf, sizeof buf);
		rc = cli_fail("%s already has meeting %lld on %s; add --anyway to book both",
			      s.name, (long long)clash, buf);
	} else if (!tw_store_meeting_add(ctx->store, &m, &err)) {
		rc = cli_fail("%s", err.message);
	} else {
		char buf[32];
		tw_when_echo(t, buf, sizeof(buf));
		cli_say(ctx, "added meeting %lld with %s on %s\n", (long long)m.id, s.name, buf);
	}
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return rc;
}

/* One meeting's own fields into the open JSON object. */
static void json_meeting(struct cli_json *j, const struct tw_meeting *m)
{
	cli_json_int(j, "id", m->id);
	cli_json_int(j, "sponsor_id", m->sponsor_id);
	cli_json_str(j, "sponsor", m->sponsor_name);
	cli_json_time(j, "when", m->when);
	cli_json_str(j, "status", m->held ? "held" : "planned");
	cli_json_str(j, "agenda", m->agenda);
	cli_json_str(j, "notes", m->notes);
	cli_json_str(j, "outcome", m->outcome);
	cli_json_str(j, "keep", m->keep);
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	bool planned = false, held = false, json = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--planned", NULL, &planned },
					{ "--held", NULL, &held }, { "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("meeting list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	if (planned && held)
		return cli_usage("meeting list", "give --planned or --held, not both");
	ctx->reads = CLI_READS_MAPPED; /* every meeting, and its sponsor */
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_meeting *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_meeting_list(ctx->store, p.id, planned ? 1 : held ? 2 : 0, &v, &nv, &err)) {
		tw_profile_finish(&p);
		return cli_fail("%s", err.message);
	}
	static const struct cli_col cols[] = {
		{ "ID", 4, true },	{ "WHEN", 16, false },	 { "STATUS", 7, false },
		{ "SPONSOR", 0, false }, { "AGENDA", 0, false }, { NULL, 0, false },
	};
	struct cli_table t = { .cols = cols };
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "meetings", '[');
		for (size_t i = 0; i < nv; i++) {
			cli_json_open(&j, NULL, '{');
			json_meeting(&j, &v[i]);
			cli_json_close(&j, '}');
		}
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	}
	for (size_t i = 0; i < nv && !json; i++) {
		char id[24], when[32], first[64];
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		tw_time_format(v[i].when, when, sizeof(when));
		cli_first_line(v[i].agenda, first, sizeof(first) - 4);
		cli_table_row(&t, id, when, v[i].held ? "held" : "planned", v[i].sponsor_name,
			      first[0] ? first : "-");
	}
	if (json)
		;
	else if (nv == 0)
		puts("no meetings");
	else if (!cli_table_print(&t, ""))
		rc = cli_fail("out of memory");
	tw_meetings_free(v, nv);
	tw_profile_finish(&p);
	return rc;
}

/* Gets meeting pos (an id) of the profile; prints on failure. */
static bool get(struct cli_ctx *ctx, const char *arg, int64_t profile_id,
		struct tw_meeting *m)
{
	int64_t id;
	if (!cli_id("meeting", arg, &id))
		return false;
	struct tw_error err = { 0 };
	if (tw_store_meeting_get(ctx->store, id, m, &err) && m->profile_id == profile_id)
		return true;
	if (err.code == TW_OK || err.code == TW_ERR_NOTFOUND) {
		tw_meeting_finish(m);
		cli_fail("no meeting %s in this profile (see 'twoway meeting list')", arg);
	} else {
		cli_fail("%s", err.message);
	}
	return false;
}

static void block(const char *label, const char *text)
{
	printf("%-8s ", label);
	cli_put(stdout, text && *text ? text : "-", "         ");
	putchar('\n');
}

static int show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", NULL, &json }, { NULL, NULL, NULL } };
	int rc = cli_parse("meeting show", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("meeting show", "missing the meeting ID");
	int64_t id;
	if (!cli_id("meeting", pos[0], &id))
		return CLI_FAIL;
	ctx->reads = CLI_READS_MAPPED; /* the live agenda looks up the open items */
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_meeting m = { 0 };
	if (!get(ctx, pos[0], p.id, &m)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	char when[32], today[16];
	tw_time_format(m.when, when, sizeof(when));
	tw_today(today, sizeof(today));
	struct tw_action *a = NULL;
	size_t na = 0;
	struct tw_error err = { 0 };
	/* The agenda as it stands today: the hand part with its live items. */
	const struct tw_library *lib = cli_library(ctx);
	char *agenda = lib ? tw_agenda_render(lib, ctx->store, m.id, today, &err) : NULL;
	if (!agenda) {
		rc = lib ? cli_fail("%s", err.message) : CLI_FAIL;
		goto done;
	}
	for (size_t k = strlen(agenda); k && agenda[k - 1] == '\n'; k--)
		agenda[k - 1] = '\0';
	if (json) {
		if (!tw_store_action_list(ctx->store, p.id, m.id, TW_ACTIONS_ALL, today, &a, &na,
					  &err)) {
			rc = cli_fail("%s", err.message);
		} else {
			struct cli_json j = { 0 };
			cli_json_open(&j, NULL, '{');
			json_meeting(&j, &m);
			cli_json_str(&j, "agenda_live", agenda);
			cli_json_open(&j, "actions", '[');
			for (size_t i = 0; i < na; i++)
				cli_json_action(&j, &a[i]);
			cli_json_close(&j, ']');
			cli_json_close(&j, '}');
		}
		goto done;
	}
	printf("%-8s %lld\n", "meeting", (long long)m.id);
	block("sponsor", m.sponsor_name);
	printf("%-8s %s\n", "when", when);
	printf("%-8s %s\n", "status", m.held ? "held" : "planned");
	block("agenda", agenda);
	if (m.keep && *m.keep)
		block("keep", m.keep);
	block("notes", m.notes);
	block("outcome", m.outcome);
	if (!tw_store_action_list(ctx->store, p.id, m.id, TW_ACTIONS_ALL, today, &a, &na, &err)) {
		rc = cli_fail("%s", err.message);
	} else {
		puts(na ? "actions" : "actions  -");
		for (size_t i = 0; i < na; i++) {
			printf("  %4lld  [%c]  %-10s  %-7s  ", (long long)a[i].id,
			       a[i].done[0] ? 'x' : ' ', a[i].due[0] ? a[i].due : "-",
			       a[i].owner == TW_OWNER_SPONSOR ? "sponsor" : "me");
			cli_put(stdout, a[i].text, "  ");
			putchar('\n');
		}
	}
done:
	free(agenda);
	tw_actions_free(a, na);
	tw_meeting_finish(&m);
	tw_profile_finish(&p);
	return rc;
}

static int held(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *notes = NULL, *outcome = NULL, *pos[1];
	bool replace = false;
	int n;
	const struct cli_opt opts[] = { { "--notes", &notes, NULL },
					{ "--outcome", &outcome, NULL },
					{ "--replace", NULL, &replace },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("meeting held", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("meeting held", "missing the meeting ID");
	if (replace && !notes)
		return cli_usage("meeting held", "--replace replaces the notes: give --notes too");
	int64_t id;
	if (!cli_id("meeting", pos[0], &id) ||
	    (notes && !cli_text_ok("--notes", notes, false)) ||
	    (outcome && !cli_text_ok("--outcome", outcome, false)))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_meeting m = { 0 };
	if (!get(ctx, pos[0], p.id, &m)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_error err = { 0 };
	/* Later notes add to the earlier ones, a blank line apart. */
	bool append = notes && !replace && tw_text_nonblank(m.notes) && tw_text_nonblank(notes);
	char *joined = append ? tw_strdup_printf("%s\n\n%s", m.notes, notes) : NULL;
	if (append && !joined)
		rc = cli_fail("out of memory");
	else if (!tw_store_meeting_mark_held(ctx->store, m.id,
					     joined ? joined : notes ? notes : m.notes,
					     outcome ? outcome : m.outcome, &err))
		rc = cli_fail("%s", err.message);
	else
		cli_say(ctx, "meeting %lld with %s marked held%s\n", (long long)m.id, m.sponsor_name,
		       append ? "; notes added to the earlier ones"
		       : notes && replace ? "; notes replaced" : "");
	free(joined);
	tw_meeting_finish(&m);
	tw_profile_finish(&p);
	return rc;
}

static int keep(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("meeting keep", argc, argv, opts, pos, 2, &n);
	if (rc)
		return rc;
	if (n < 2)
		return cli_usage("meeting keep", "give the meeting ID and the item to keep ('' for none)");
	int64_t id;
	if (!cli_id("meeting", pos[0], &id) || !cli_text_ok("the item", pos[1], false))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_meeting m = { 0 };
	if (!get(ctx, pos[0], p.id, &m)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_error err = { 0 };
	free(m.keep);
	m.keep = strdup(pos[1]);
	if (!m.keep)
		rc = cli_fail("out of memory");
	else if (!tw_store_meeting_update(ctx->store, &m, &err))
		rc = cli_fail("%s", err.message);
	else if (*m.keep)
		cli_say(ctx, "meeting %lld: if time runs short, keep: %s\n", (long long)m.id, m.keep);
	else
		cli_say(ctx, "meeting %lld: no item marked to keep\n", (long long)m.id);
	tw_meeting_finish(&m);
	tw_profile_finish(&p);
	return rc;
}

int cmd_meeting(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add },	  { "list", list }, { "show", show },
		{ "held", held }, { "keep", keep }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "meeting", subs, help, argc, argv);
}
