/* `twoway reflect ITEM [--private|--public] [--meeting ID]`: saves a reflection (a new
 * version of the one on ITEM, or a free-standing one) from standard input
 * or, when it is a terminal, from $VISUAL/$EDITOR; private is sticky. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "twoway/edit.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway reflect ITEM [--private|--public] [--meeting ID | --checkup ID]\n"
	     "       twoway reflect - [--private]      (or --free: a free-standing reflection)\n"
	     "\n"
	     "Saves your reflection on ITEM (a full id, see 'twoway guides'). The text is\n"
	     "read from standard input; when that is a terminal, $VISUAL or $EDITOR opens\n"
	     "on the current text. Every save keeps the earlier versions ('twoway history').\n"
	     "--private keeps the reflection, with every earlier version, out of anything a\n"
	     "coach sees. Private belongs to the reflection: later saves keep it private\n"
	     "until --public makes it public again (its newest text only; earlier private\n"
	     "versions stay private). Either flag with the same text changes only the flag.\n"
	     "Items of the before-meeting and after-meeting guides are answered per meeting:\n"
	     "--meeting ID, else the meeting being prepared (the next planned one) or\n"
	     "debriefed (the latest past one). Check-up items are answered per check-up:\n"
	     "--checkup ID, else the latest.");
}

/* Runs the editor on initial (the core's launcher: a 0700 directory removed
 * whole); returns the edited text (caller frees) or NULL after printing why
 * nothing is saved. same_ok: the unchanged text is a result too (only the
 * private flag changes). */
static char *edit(const char *initial, bool same_ok)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed) {
		cli_fail("standard input is a terminal and neither $VISUAL nor $EDITOR is set; "
			 "pipe the text in or set EDITOR");
		return NULL;
	}
	char *text = NULL;
	int status = 0;
	struct tw_error err = { 0 };
	if (!tw_edit_run(initial, &text, &status, &err)) {
		cli_fail("%s; nothing was saved", err.message);
		return NULL;
	}
	size_t n = strlen(initial);
	bool same = strcmp(text, initial) == 0 ||
		    (n && initial[n - 1] == '\n' && strlen(text) == n - 1 &&
		     strncmp(text, initial, n - 1) == 0);
	if (!same_ok && same) {
		cli_fail("the text was not changed; nothing was saved");
		free(text);
		return NULL;
	}
	return text;
}

/* Drops trailing white space (the newline editors and echo add). */
static void trim_end(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t' ||
			 s[n - 1] == '\r'))
		s[--n] = '\0';
}

int cmd_reflect(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	bool priv = false, pub = false, free_standing = false;
	const char *pos[1], *meeting = NULL, *checkup = NULL;
	int64_t mid = 0;
	int n;
	const struct cli_opt opts[] = { { "--private", NULL, &priv },
					{ "--meeting", &meeting, NULL },
					{ "--checkup", &checkup, NULL },
					{ "--public", NULL, &pub },
					{ "--free", NULL, &free_standing },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("reflect", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (priv && pub)
		return cli_usage("reflect", "give either --private or --public, not both");
	/* Private is sticky: without a flag the reflection keeps its own. */
	enum tw_privacy privacy = priv ? TW_PRIVACY_PRIVATE
				  : pub ? TW_PRIVACY_PUBLIC
					: TW_PRIVACY_KEEP;
	if (n < 1 && !free_standing)
		return cli_usage("reflect", "missing the ITEM (or '-' for a free-standing reflection)");
	if (n == 1 && free_standing && strcmp(pos[0], "-") != 0)
		return cli_usage("reflect", "give either an ITEM or --free, not both");
	const char *item_id = NULL;
	if (n == 1 && strcmp(pos[0], "-") != 0) {
		const struct tw_item *item = cli_item(ctx, pos[0]);
		if (!item)
			return CLI_FAIL;
		item_id = item->full_id;
	}
	char *text = NULL;
	size_t len = 0;
	struct tw_profile p = { 0 };
	struct tw_reflection cur = { 0 };
	struct tw_error err = { 0 };
	if (!isatty(STDIN_FILENO)) {
		text = cli_read_stdin(&len);
		if (!text)
			return cli_fail("cannot read standard input: %s", strerror(errno));
		if (memchr(text, '\0', len))
			text[0] = '\x01'; /* refused below as a control character */
	} else {
		if (!cli_profile(ctx, &p))
			return CLI_FAIL;
		if (!cli_item_meeting(ctx, p.id, item_id, meeting, checkup, &mid)) {
			tw_profile_finish(&p);
			return CLI_FAIL;
		}
		if (item_id &&
		    !tw_store_reflection_get_item_in(ctx->store, p.id, mid, item_id, &cur, &err) &&
		    err.code != TW_ERR_NOTFOUND) {
			tw_profile_finish(&p);
			return cli_fail("%s", err.message);
		}
		if (cur.locked) { /* sealed: editing it needs the passphrase */
			tw_reflection_finish(&cur);
			memset(&cur, 0, sizeof cur);
			if (cli_open_key(ctx, &p, true) != CLI_OK ||
			    !tw_store_reflection_get_item(ctx->store, p.id, item_id, &cur, &err)) {
				tw_profile_finish(&p);
				return err.code ? cli_fail("%s", err.message) : CLI_FAIL;
			}
		}
		char *initial = cur.text ? tw_strdup_printf("%s\n", cur.text) : strdup("");
		text = initial ? edit(initial, priv || pub) : NULL;
		free(initial);
		if (!text) {
			rc = CLI_FAIL;
			goto out;
		}
	}
	trim_end(text);
	if (!cli_text_ok("the reflection", text, true)) {
		rc = CLI_FAIL;
		goto out;
	}
	if (!p.name && (!cli_profile(ctx, &p) || !cli_item_meeting(ctx, p.id, item_id, meeting, checkup, &mid))) {
		rc = CLI_FAIL;
		goto out;
	}
	int64_t id = 0;
	if (!tw_store_reflection_save_in(ctx->store, p.id, mid, item_id, text, privacy, &id, &err)) {
		rc = cli_fail("%s", err.message);
		goto out;
	}
	tw_reflection_finish(&cur);
	memset(&cur, 0, sizeof(cur));
	if (!tw_store_reflection_get(ctx->store, id, &cur, &err)) {
		rc = cli_fail("%s", err.message);
		goto out;
	}
	const char *flag = !cur.is_private	      ? (pub ? " (public)" : "")
			   : privacy == TW_PRIVACY_KEEP ? " (private: it stays private; --public "
							  "changes that)"
							: " (private)";
	char for_m[48];
	cli_occasion(item_id, mid, for_m, sizeof for_m);
	if (item_id)
		cli_say(ctx, "saved reflection %lld on %s%s, version %d%s\n", (long long)id, item_id,
			for_m, cur.version, flag);
	else
		cli_say(ctx, "saved free-standing reflection %lld, version %d%s\n", (long long)id,
			cur.version, flag);
	rc = CLI_OK;
out:
	free(text);
	tw_reflection_finish(&cur);
	tw_profile_finish(&p);
	return rc;
}
