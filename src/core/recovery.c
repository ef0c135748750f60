/* The last resort of an editor whose text could be neither saved nor kept
 * as a draft (the database locked, full or gone): the text goes to a new
 * private file (0600) in $XDG_STATE_HOME/twoway/recovered (0700), whose
 * path the caller shows, so that closing the editor never loses it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "twoway/recovery.h"
#include "twoway/util.h"

static bool write_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

char *tw_recovery_write(const char *what, const char *text, struct tw_error *err)
{
	char *state = tw_state_dir();
	if (!state) {
		tw_error_set(err, TW_ERR_IO, "no home for a recovery file: set HOME");
		return NULL;
	}
	char *dir = tw_strdup_printf("%s/recovered", state);
	free(state);
	if (!dir) {
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	struct stat sb;
	if (!tw_mkdir_p(dir, 0700) || stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
	    ((sb.st_mode & 077) && chmod(dir, 0700) != 0)) {
		tw_error_set(err, TW_ERR_IO, "cannot make the directory '%s': %s", dir,
			     strerror(errno));
		free(dir);
		return NULL;
	}
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm))
		snprintf(stamp, sizeof stamp, "%lld", (long long)now);
	char *path = tw_strdup_printf("%s/%s-%s-XXXXXX.txt", dir, what && *what ? what : "text",
				      stamp);
	free(dir);
	if (!path) {
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	int fd = mkstemps(path, 4); /* 0600, never an existing file */
	if (fd < 0) {
		tw_error_set(err, TW_ERR_IO, "cannot create '%s': %s", path, strerror(errno));
		free(path);
		return NULL;
	}
	size_t len = text ? strlen(text) : 0;
	bool ok = fchmod(fd, 0600) == 0 && write_all(fd, text ? text : "", len) &&
		  (len == 0 || text[len - 1] == '\n' || write_all(fd, "\n", 1)) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		unlink(path);
		tw_error_set(err, TW_ERR_IO, "cannot write '%s': %s", path, strerror(e));
		free(path);
		return NULL;
	}
	return path;
}
