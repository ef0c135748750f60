/* `twoway history ITEM [--restore N]`: every saved version of a reflection
 * (on an item, or a free-standing one by its id), and restoring one of them
 * as the newest version. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway history ITEM|ID [--restore N | --json] [--private] [--meeting ID | --checkup ID]\n"
	     "\n"
	     "Lists every version of your reflection on ITEM (a full id) or of the\n"
	     "reflection with id ID: number, time saved, private flag and text (the\n"
	     "text of a private version only with --private), and where the private\n"
	     "flag changed. --restore N makes version N the newest version; nothing\n"
	     "is lost. --json lists the versions as one JSON document (see twoway(1)),\n"
	     "a private version's text null there unless --private is given too.\n"
	     "An item of the before-meeting and after-meeting guides has an answer per\n"
	     "meeting: --meeting ID, else the meeting being prepared or debriefed; a\n"
	     "check-up item one per check-up: --checkup ID, else the latest.");
}

/* Finds the reflection named by arg into *out; prints on failure. */
static bool find(struct cli_ctx *ctx, int64_t profile_id, const char *arg, const char *meeting,
		 const char *checkup, struct tw_reflection *out)
{
	struct tw_error err = { 0 };
	if (cli_all_digits(arg)) {
		int64_t id;
		if (!cli_id("reflection", arg, &id))
			return false;
		if (tw_store_reflection_get(ctx->store, id, out, &err) &&
		    out->profile_id == profile_id)
			return true;
		if (err.code == TW_OK || err.code == TW_ERR_NOTFOUND) {
			tw_reflection_finish(out);
			cli_fail("no reflection with id %s in this profile", arg);
		} else {
			cli_fail("%s", err.message);
		}
		return false;
	}
	int64_t mid = 0;
	if (!cli_text_ok("the item id", arg, true) ||
	    !cli_item_meeting(ctx, profile_id, arg, meeting, checkup, &mid))
		return false;
	if (tw_store_reflection_get_item_in(ctx->store, profile_id, mid, arg, out, &err))
		return true;
	/* no --meeting and none for the meeting in hand: the answer tied to no
	 * meeting (written before any was planned) */
	if (err.code == TW_ERR_NOTFOUND && !meeting && !checkup && mid &&
	    tw_store_reflection_get_item_in(ctx->store, profile_id, 0, arg, out, &err))
		return true;
	if (err.code != TW_ERR_NOTFOUND) {
		cli_fail("%s", err.message);
		return false;
	}
	/* Not reflected on: an unknown id gets suggestions, a known one a hint. */
	if (cli_item(ctx, arg))
		cli_fail("no reflection on %s yet (write one with 'twoway reflect %s')", arg, arg);
	return false;
}

int cmd_history(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *restore = NULL, *meeting = NULL, *checkup = NULL, *pos[1];
	int n;
	bool show = false, json = false;
	const struct cli_opt opts[] = { { "--restore", &restore, NULL },
					{ "--private", NULL, &show }, { "--json", NULL, &json },
					{ "--meeting", &meeting, NULL },
					{ "--checkup", &checkup, NULL },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("history", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (restore && json)
		return cli_usage("history", "give --restore or --json, not both");
	if (n < 1)
		return cli_usage("history", "missing the ITEM (or reflection ID)");
	int64_t want = 0;
	if (restore && (!cli_all_digits(restore) || strlen(restore) > 9 || atoi(restore) < 1))
		return cli_fail("--restore '%s' is not a version number", restore);
	if (restore)
		want = atoi(restore);
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_reflection r = { 0 };
	struct tw_reflection_version *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	rc = CLI_FAIL;
	if (!find(ctx, p.id, pos[0], meeting, checkup, &r))
		goto out;
	if (!tw_store_reflection_history(ctx->store, r.id, &v, &nv, &err)) {
		cli_fail("%s", err.message);
		goto out;
	}
	/* Sealed versions of a locked profile, when --private asks for their
	 * text: ask for the passphrase when one can be asked (else they show as
	 * the marker); listing without --private and restoring need none. */
	bool locked = false;
	for (size_t i = 0; i < nv; i++)
		locked = locked || v[i].locked;
	if (locked && !restore && show) {
		if (cli_open_key(ctx, &p, false) != CLI_OK)
			goto out;
		tw_reflection_versions_free(v, nv);
		v = NULL;
		nv = 0;
		if (!tw_store_reflection_history(ctx->store, r.id, &v, &nv, &err)) {
			cli_fail("%s", err.message);
			goto out;
		}
	}
	char what[600];
	if (r.item_id)
		snprintf(what, sizeof(what), "reflection %lld on %s", (long long)r.id, r.item_id);
	else
		snprintf(what, sizeof(what), "free-standing reflection %lld", (long long)r.id);
	if (restore) {
		bool found = false;
		for (size_t i = 0; i < nv; i++)
			found = found || v[i].version == want;
		if (!found) {
			cli_fail("no version %s of %s (it has versions 1-%d)",
				 restore, what, r.version);
			goto out;
		}
		if (!tw_store_reflection_restore(ctx->store, r.id, (int)want, &err)) {
			cli_fail("%s", err.message);
			goto out;
		}
		int64_t id = r.id;
		tw_reflection_finish(&r);
		memset(&r, 0, sizeof(r));
		if (tw_store_reflection_get(ctx->store, id, &r, &err))
			cli_say(ctx, "restored version %s of %s as version %d\n", restore, what,
				r.version);
		else
			cli_say(ctx, "restored version %s of %s\n", restore, what);
		rc = CLI_OK;
		goto out;
	}
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_int(&j, "id", r.id);
		cli_json_str(&j, "item", r.item_id);
		cli_json_open(&j, "versions", '[');
		for (size_t i = 0; i < nv; i++) {
			cli_json_open(&j, NULL, '{');
			cli_json_int(&j, "version", v[i].version);
			cli_json_time(&j, "saved", v[i].saved);
			cli_json_bool(&j, "private", v[i].is_private);
			cli_json_str(&j, "made", v[i].flag_change > 0   ? "private"
						 : v[i].flag_change < 0 ? "public"
									: NULL);
			/* as in the plain output: a private text only with --private */
			cli_json_str(&j, "text", v[i].is_private && !show ? NULL : v[i].text);
			cli_json_close(&j, '}');
		}
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
		rc = CLI_OK;
		goto out;
	}
	printf("%s, %zu version%s\n", what, nv, nv == 1 ? "" : "s");
	for (size_t i = 0; i < nv; i++) {
		char when[32];
		tw_time_format(v[i].saved, when, sizeof(when));
		printf("\nversion %d  %s%s%s\n    ", v[i].version, when,
		       v[i].is_private ? "  private" : "",
		       v[i].flag_change > 0   ? "  (made private)"
		       : v[i].flag_change < 0 ? "  (made public)"
					      : "");
		if (v[i].is_private && !show)
			fputs("(private: --private shows the text)", stdout);
		else
			cli_put(stdout, v[i].text, "    ");
		putchar('\n');
	}
	rc = CLI_OK;
out:
	tw_reflection_versions_free(v, nv);
	tw_reflection_finish(&r);
	tw_profile_finish(&p);
	return rc;
}
