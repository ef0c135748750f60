/* Private text outside the store: running $VISUAL/$EDITOR on a temp file in
 * a 0700 directory of twoway's own, removed whole afterwards, and sweeping
 * at start what a killed twoway left there (see twoway/edit.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "twoway/edit.h"
#include "twoway/util.h"

/* Longest text read back from the editor (the store refuses more anyway). */
#define EDIT_MAX_BYTES (4 * 1024 * 1024)

const char *tw_edit_command(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

/* $XDG_STATE_HOME/twoway/tmp, made 0700; the caller frees it. */
static char *tmp_root(void)
{
	char *state = tw_state_dir();
	char *root = state ? tw_strdup_printf("%s/tmp", state) : NULL;
	free(state);
	if (root && (!tw_mkdir_p(root, 0700) || chmod(root, 0700) != 0)) {
		free(root);
		return NULL;
	}
	return root;
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)f;
	if (flag == FTW_DP)
		rmdir(p);
	else
		unlink(p);
	return 0;
}

/* Removes dir and everything in it (never following symbolic links). */
static void remove_tree(const char *dir)
{
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* The file at path through the whole-file reader; NULL with errno 0 when it
 * is longer than EDIT_MAX_BYTES. */
static char *read_all(const char *path, size_t *len)
{
	char *buf = tw_read_file(path, EDIT_MAX_BYTES, len);
	if (buf && *len > EDIT_MAX_BYTES) {
		free(buf);
		errno = 0;
		return NULL;
	}
	return buf;
}

extern char **environ;

/* Runs the editor on file through /bin/sh (posix_spawn; SIGINT and SIGQUIT
 * reach the editor only, and it gets SIGXFSZ's default back); its exit
 * status, 128+N for signal N, -1 when it could not start. */
static int run_editor(const char *file)
{
	char *cmd = tw_strdup_printf("%s \"$1\"", tw_edit_command());
	if (!cmd)
		return -1;
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	posix_spawnattr_t attr;
	sigset_t def;
	sigemptyset(&def);
	sigaddset(&def, SIGINT);
	sigaddset(&def, SIGQUIT);
	sigaddset(&def, SIGXFSZ); /* twoway ignores it (main.c); the editor need not */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigdefault(&attr, &def);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	char *argv[] = { "sh", "-c", cmd, "sh", (char *)file, NULL };
	pid_t pid = -1;
	int rc = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	int status = 0;
	if (rc == 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	if (rc != 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool tw_edit_run(const char *text, char **out, int *status, struct tw_error *err)
{
	*out = NULL;
	if (status)
		*status = -1;
	char *root = tmp_root();
	char *dir = root ? tw_strdup_printf("%s/edit-%ld-XXXXXX", root, (long)getpid()) : NULL;
	free(root);
	if (!dir || !mkdtemp(dir)) {
		tw_error_set(err, TW_ERR_IO, "cannot make a private temporary directory: %s",
			     strerror(errno));
		free(dir);
		return false;
	}
	char *file = tw_strdup_printf("%s/reflection.txt", dir);
	int fd = file ? open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
	bool ok = fd >= 0 && write_all(fd, text, strlen(text)) && write_all(fd, "\n", 1);
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (!ok) {
		tw_error_set(err, TW_ERR_IO, "cannot write the temporary file: %s", strerror(errno));
		goto out;
	}
	int rc = run_editor(file);
	if (status)
		*status = rc;
	size_t len = 0;
	char *buf = NULL;
	ok = false;
	if (rc == 127 || rc < 0)
		tw_error_set(err, TW_ERR_IO, "could not run the editor '%s' (set $VISUAL or $EDITOR)",
			     tw_edit_command());
	else if (rc > 128)
		tw_error_set(err, TW_ERR_IO, "the editor was killed by signal %d", rc - 128);
	else if (rc != 0)
		tw_error_set(err, TW_ERR_IO, "the editor exited with status %d", rc);
	else if (!(buf = read_all(file, &len)))
		tw_error_set(err, TW_ERR_IO, "cannot read the edited text back: %s",
			     errno ? strerror(errno) : "too long");
	else if (!tw_text_valid(buf, len))
		tw_error_set(err, TW_ERR_INVALID, "the edited text is not valid UTF-8 text (or "
						  "holds control characters)");
	else
		ok = true;
	if (ok) {
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		*out = buf;
	} else {
		free(buf);
	}
out:
	remove_tree(dir);
	free(file);
	free(dir);
	return ok;
}

char *tw_tmp_note(const char *path)
{
	char *root = tmp_root();
	char *ticket = root ? tw_strdup_printf("%s/export-%ld-XXXXXX", root, (long)getpid()) : NULL;
	free(root);
	int fd = ticket ? mkstemp(ticket) : -1;
	if (fd < 0) {
		free(ticket);
		return NULL;
	}
	bool ok = write_all(fd, path, strlen(path));
	if (close(fd) != 0 || !ok) {
		unlink(ticket);
		free(ticket);
		return NULL;
	}
	return ticket;
}

void tw_tmp_forget(char *ticket)
{
	if (!ticket)
		return;
	unlink(ticket);
	free(ticket);
}

/* The pid in a name "edit-PID-XXXXXX" or "export-PID-XXXXXX"; 0 if none. */
static long name_pid(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(name, prefix, n) != 0)
		return 0;
	char *end;
	long pid = strtol(name + n, &end, 10);
	return *end == '-' && pid > 0 ? pid : 0;
}

static bool gone(long pid)
{
	return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* A noted export temp file: removed only when its name is one an export
 * makes, so a damaged note can never remove anything else. */
static void drop_noted(const char *note)
{
	size_t len = 0;
	char *path = read_all(note, &len);
	if (path && len && !memchr(path, '\0', len)) {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		if (strncmp(base, ".twoway-export.", 15) == 0)
			unlink(path);
	}
	free(path);
	unlink(note);
}

void tw_tmp_sweep(void)
{
	char *state = tw_state_dir();
	char *root = state ? tw_strdup_printf("%s/tmp", state) : NULL;
	free(state);
	DIR *d = root ? opendir(root) : NULL;
	if (!d) {
		free(root);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		long edit = name_pid(de->d_name, "edit-"), exp = name_pid(de->d_name, "export-");
		if (!(edit && gone(edit)) && !(exp && gone(exp)))
			continue;
		char *p = tw_strdup_printf("%s/%s", root, de->d_name);
		if (p && edit)
			remove_tree(p);
		else if (p)
			drop_noted(p);
		free(p);
	}
	closedir(d);
	free(root);
}

void tw_no_core_dumps(void)
{
	struct rlimit rl = { 0, 0 };
	setrlimit(RLIMIT_CORE, &rl);
}
