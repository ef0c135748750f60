/* `twoway reflect ITEM [--private]`: saves a reflection (a new version of
 * the one on ITEM, or a free-standing one) from standard input or, when
 * standard input is a terminal, from $VISUAL/$EDITOR on a private temp file. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway reflect ITEM [--private]\n"
	     "       twoway reflect - [--private]      (or --free: a free-standing reflection)\n"
	     "\n"
	     "Saves your reflection on ITEM (a full id, see 'twoway guides'). The text is\n"
	     "read from standard input; when that is a terminal, $VISUAL or $EDITOR opens\n"
	     "on the current text. Every save keeps the earlier versions ('twoway history').\n"
	     "--private keeps the reflection out of anything a coach sees.");
}

static char *read_file(const char *path)
{
	size_t n;
	char *buf = tw_read_file(path, 0, &n);
	if (buf && memchr(buf, '\0', n)) {
		free(buf); /* a NUL byte: refused like any control character */
		buf = strdup("\x01");
	}
	return buf;
}

/* Runs the editor on a private copy of initial; returns the edited text
 * (caller frees) or NULL after printing why nothing is saved. */
static char *edit(const char *initial)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed) {
		cli_fail("standard input is a terminal and neither $VISUAL nor $EDITOR is set; "
			 "pipe the text in or set EDITOR");
		return NULL;
	}
	const char *tmp = getenv("TMPDIR");
	char *dir = tw_strdup_printf("%s/twoway-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!dir || !mkdtemp(dir)) {
		cli_fail("cannot make a private temporary directory: %s", strerror(errno));
		free(dir);
		return NULL;
	}
	char *path = tw_strdup_printf("%s/reflection.txt", dir);
	char *text = NULL;
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
	if (fd < 0) {
		cli_fail("cannot make a temporary file: %s", strerror(errno));
		goto out;
	}
	size_t len = strlen(initial);
	bool wrote = write(fd, initial, len) == (ssize_t)len;
	if (close(fd) != 0 || !wrote) {
		cli_fail("cannot write the temporary file: %s", strerror(errno));
		goto out;
	}
	char *cmd = tw_strdup_printf("%s \"$1\"", ed);
	pid_t pid = cmd ? fork() : -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	int status = 0;
	if (pid < 0) {
		cli_fail("cannot start the editor: %s", strerror(errno));
		goto out;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			cli_fail("lost the editor: %s", strerror(errno));
			goto out;
		}
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status))
			cli_fail("the editor exited with status %d; nothing was saved",
				 WEXITSTATUS(status));
		else
			cli_fail("the editor was killed by signal %d; nothing was saved",
				 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		goto out;
	}
	text = read_file(path);
	if (!text)
		cli_fail("cannot read back the edited text: %s", strerror(errno));
	else if (strcmp(text, initial) == 0) {
		cli_fail("the text was not changed; nothing was saved");
		free(text);
		text = NULL;
	}
out:
	if (path)
		unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
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
	bool priv = false, free_standing = false;
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { "--private", NULL, &priv },
					{ "--free", NULL, &free_standing },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("reflect", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
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
		if (item_id && !tw_store_reflection_get_item(ctx->store, p.id, item_id, &cur, &err) &&
		    err.code != TW_ERR_NOTFOUND) {
			tw_profile_finish(&p);
			return cli_fail("%s", err.message);
		}
		char *initial = cur.text ? tw_strdup_printf("%s\n", cur.text) : strdup("");
		text = initial ? edit(initial) : NULL;
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
	if (!p.name && !cli_profile(ctx, &p)) {
		rc = CLI_FAIL;
		goto out;
	}
	int64_t id = 0;
	if (!tw_store_reflection_save(ctx->store, p.id, item_id, text, priv, &id, &err)) {
		rc = cli_fail("%s", err.message);
		goto out;
	}
	tw_reflection_finish(&cur);
	memset(&cur, 0, sizeof(cur));
	if (!tw_store_reflection_get(ctx->store, id, &cur, &err)) {
		rc = cli_fail("%s", err.message);
		goto out;
	}
	if (item_id)
		cli_say(ctx, "saved reflection %lld on %s, version %d%s\n", (long long)id, item_id,
		       cur.version, priv ? " (private)" : "");
	else
		cli_say(ctx, "saved free-standing reflection %lld, version %d%s\n", (long long)id,
		       cur.version, priv ? " (private)" : "");
	rc = CLI_OK;
out:
	free(text);
	tw_reflection_finish(&cur);
	tw_profile_finish(&p);
	return rc;
}
