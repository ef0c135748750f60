/* $VISUAL/$EDITOR for long text: suspend curses, write a private temp file
 * (mkdtemp 0700, file 0600), run `sh -c '$EDITOR "$1"' sh FILE`, wait,
 * validate what comes back with tw_text_valid, clean up, resume. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "extedit.h"
#include "twoway/content.h"
#include "twoway/util.h"

static const char *editor_command(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
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

static char *read_file(const char *path, size_t *len)
{
	size_t limit = (size_t)TW_CONTENT_MAX_BYTES * 4;
	char *buf = tw_read_file(path, limit, len);
	if (buf && *len > limit) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Removes everything in our private directory (editor backups included),
 * then the directory. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			char *p = tw_strdup_printf("%s/%s", dir, de->d_name);
			if (p)
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Runs the editor and returns its exit status (-1: could not run). */
static int run_editor(const char *file)
{
	char *cmd = tw_strdup_printf("%s \"$1\"", editor_command());
	if (!cmd)
		return -1;
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", file, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool tui_external_edit(struct tui_app *app, const char *text, char **out)
{
	*out = NULL;
	const char *tmp = getenv("TMPDIR");
	char *dir = tw_strdup_printf("%s/twoway-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!dir || !mkdtemp(dir)) {
		tui_error(app, "cannot make a private temp directory: %s", strerror(errno));
		free(dir);
		return false;
	}
	char *file = tw_strdup_printf("%s/reflection.txt", dir);
	int fd = file ? open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
	bool ok = fd >= 0 && write_all(fd, text, strlen(text)) && write_all(fd, "\n", 1);
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (!ok) {
		tui_error(app, "cannot write the temp file: %s", strerror(errno));
		remove_dir(dir);
		free(file);
		free(dir);
		return false;
	}
	struct stat before;
	stat(file, &before);
	long t0 = tui_now_ms();
	def_prog_mode();
	endwin();
	int rc = run_editor(file);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	long took = tui_now_ms() - t0;

	size_t len = 0;
	char *buf = NULL;
	if (rc != 0) {
		tui_error(app, rc == 127 ? "could not run the editor '%s' (set $VISUAL or $EDITOR)"
					 : "the editor '%s' failed; the text is unchanged",
			  editor_command());
	} else if (!(buf = read_file(file, &len))) {
		tui_error(app, "cannot read the edited file back; the text is unchanged");
	} else if (!tw_text_valid(buf, len)) {
		tui_error(app, "the edited text is not valid UTF-8 text (or holds control "
			       "characters); the text is unchanged");
		free(buf);
		buf = NULL;
	} else {
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (took < 1000 && strcmp(buf, text) == 0)
			tui_msg(app, "the editor returned at once with no change; if it runs in the "
				     "background, give it a wait flag (e.g. 'code --wait')");
	}
	remove_dir(dir);
	free(file);
	free(dir);
	*out = buf;
	return buf != NULL;
}
