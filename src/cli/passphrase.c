/* Passphrases for locked profiles: read from the terminal without echo (on
 * /dev/tty, so that pipes keep working), or one line each from standard
 * input with --passphrase-stdin; and opening a profile's key on demand. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "twoway/seal.h"

#define PASS_MAX 1024

/* One line from fd without its newline into buf; false on EOF before
 * anything was read or on an error. */
static bool read_line(int fd, char *buf, size_t cap)
{
	size_t n = 0;
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			buf[n] = '\0';
			return n > 0;
		}
		if (c == '\n')
			break;
		if (n + 1 < cap)
			buf[n++] = c;
	}
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return true;
}

char *cli_passphrase(struct cli_ctx *ctx, const char *prompt)
{
	char *buf = calloc(1, PASS_MAX);
	if (!buf) {
		cli_fail("out of memory");
		return NULL;
	}
	if (ctx->passphrase_stdin) {
		if (!read_line(STDIN_FILENO, buf, PASS_MAX)) {
			free(buf);
			cli_fail("--passphrase-stdin: no passphrase on standard input");
			return NULL;
		}
		return buf;
	}
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		free(buf);
		cli_fail("a passphrase is needed and there is no terminal to ask it on "
			 "(use --passphrase-stdin)");
		return NULL;
	}
	struct termios old, quiet;
	bool have = tcgetattr(fd, &old) == 0;
	if (have) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	dprintf(fd, "%s", prompt);
	bool ok = read_line(fd, buf, PASS_MAX);
	dprintf(fd, "\n");
	if (have)
		tcsetattr(fd, TCSAFLUSH, &old);
	close(fd);
	if (!ok) {
		free(buf);
		cli_fail("no passphrase given; nothing was changed");
		return NULL;
	}
	return buf;
}

void cli_passphrase_free(char *p)
{
	if (p) {
		explicit_bzero(p, PASS_MAX);
		free(p);
	}
}

bool cli_can_ask_passphrase(const struct cli_ctx *ctx)
{
	if (ctx->passphrase_stdin)
		return true;
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

int cli_open_key(struct cli_ctx *ctx, const struct tw_profile *p, bool must)
{
	enum tw_lock_state state;
	struct tw_error err = { 0 };
	if (!tw_store_profile_lock_state(ctx->store, p->id, &state, &err))
		return cli_fail("%s", err.message);
	if (state != TW_LOCK_SEALED)
		return CLI_OK;
	if (!must && !cli_can_ask_passphrase(ctx))
		return CLI_OK; /* the marker shows instead */
	char prompt[400];
	snprintf(prompt, sizeof prompt, "Passphrase for profile '%.300s': ", p->name);
	char *pass = cli_passphrase(ctx, prompt);
	if (!pass)
		return CLI_FAIL;
	bool ok = tw_store_profile_key_open(ctx->store, p->id, pass, &err);
	cli_passphrase_free(pass);
	if (!ok)
		return cli_fail("%s; nothing was changed", err.code == TW_ERR_PASSPHRASE
								 ? "wrong passphrase"
								 : err.message);
	return CLI_OK;
}
