/* The last resort of an editor whose text could be neither saved nor kept
 * as a draft (the database locked, full or gone): the text goes to a new
 * private file (0600) in $XDG_STATE_HOME/twoway/recovered (0700), whose
 * path the caller shows, so that closing the editor never loses it; the
 * private text of a locked profile goes there sealed. */
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

/* Writes head (may be NULL) and len bytes of data to a new file of the
 * recovery directory named WHAT-STAMP-XXXXXX.ext. */
static char *write_new(const char *what, const char *ext, const char *head, const void *data,
		       size_t len, bool newline, struct tw_error *err)
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
	char *path = tw_strdup_printf("%s/%s-%s-XXXXXX.%s", dir, what && *what ? what : "text",
				      stamp, ext);
	free(dir);
	if (!path) {
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	int fd = mkstemps(path, (int)strlen(ext) + 1); /* 0600, never an existing file */
	if (fd < 0) {
		tw_error_set(err, TW_ERR_IO, "cannot create '%s': %s", path, strerror(errno));
		free(path);
		return NULL;
	}
	const char *d = data;
	bool ok = fchmod(fd, 0600) == 0 && (!head || tw_write_all(fd, head, strlen(head))) &&
		  tw_write_all(fd, d, len) &&
		  (!newline || len == 0 || d[len - 1] == '\n' || tw_write_all(fd, "\n", 1)) &&
		  fsync(fd) == 0;
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

char *tw_recovery_write(const char *what, const char *text, struct tw_error *err)
{
	return write_new(what, "txt", NULL, text ? text : "", text ? strlen(text) : 0, true, err);
}

char *tw_recovery_write_sealed(const char *what, const unsigned char *blob, size_t len,
			       struct tw_error *err)
{
	return write_new(what, "sealed", TW_RECOVERY_SEALED_HEAD, blob, len, false, err);
}

bool tw_recovery_read(const char *path, char **text, unsigned char **blob, size_t *len,
		      struct tw_error *err)
{
	*text = NULL;
	*blob = NULL;
	*len = 0;
	size_t n;
	char *data = tw_read_file(path, TW_RECOVERY_MAX, &n);
	if (!data)
		return tw_error_set(err, TW_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	if (n > TW_RECOVERY_MAX) {
		free(data);
		return tw_error_set(err, TW_ERR_INVALID, "'%s' is too big for a recovery file", path);
	}
	size_t h = strlen(TW_RECOVERY_SEALED_HEAD);
	if (n >= h && memcmp(data, TW_RECOVERY_SEALED_HEAD, h) == 0) {
		memmove(data, data + h, n - h);
		*blob = (unsigned char *)data;
		*len = n - h;
	} else {
		*text = data;
		*len = n;
	}
	return true;
}
