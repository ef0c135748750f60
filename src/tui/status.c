/* The status line (one message at a time, errors in their own colour) and
 * the log file under $XDG_STATE_HOME/twoway/: the only places the app
 * reports to while curses owns the terminal. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "twoway/util.h"

#define STATUS_FADE_MS 8000 /* a message fades after this */
#define ERROR_READ_MS 3000  /* an error stays at least this long */

long tui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

__attribute__((format(printf, 3, 0)))
static void set_status(struct tui_app *app, bool error, const char *fmt, va_list ap)
{
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	app->status_error = error;
	app->status_ms = tui_now_ms();
	app->status_key = app->keys;
}

void tui_status_age(struct tui_app *app, bool screen_changed)
{
	if (!app->status[0] || app->status_key == app->keys)
		return;
	if (screen_changed || (app->status_error && tui_now_ms() - app->status_ms > ERROR_READ_MS))
		app->status[0] = '\0';
}

void tui_msg(struct tui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(app, false, fmt, ap);
	va_end(ap);
}

void tui_error(struct tui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(app, true, fmt, ap);
	va_end(ap);
	tui_log(app, "error: %s", app->status);
}

void tui_log(struct tui_app *app, const char *fmt, ...)
{
	if (!app->log_path) {
		char *dir = tw_state_dir();
		if (!dir)
			return;
		if (!tw_mkdir_p(dir, 0700)) {
			free(dir);
			return;
		}
		app->log_path = tw_strdup_printf("%s/twoway.log", dir);
		free(dir);
		if (!app->log_path)
			return;
	}
	int fd = open(app->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	char line[2048];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	size_t n = strftime(line, sizeof(line), "%Y-%m-%d %H:%M:%S ", &tm);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	/* The log is text: control characters of messages become '?'. */
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	strcat(line, "\n");
	ssize_t w = write(fd, line, strlen(line));
	(void)w;
	close(fd);
}

void tui_status_draw(struct tui_app *app, int y, int w)
{
	if (!app->status[0])
		return;
	if (!app->status_error && tui_now_ms() - app->status_ms > STATUS_FADE_MS) {
		app->status[0] = '\0';
		return;
	}
	tui_text(y, 1, w - 2, app->status, tui_attr(app, app->status_error ? TUI_ERROR : TUI_STATUS));
}
