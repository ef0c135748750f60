/* Writing an export to a file without ever leaving half a file behind: a
 * private temporary file next to the target (mkstemp, 0600), fsync, then
 * link (refusing an existing file) or rename (with force). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "twoway/edit.h"
#include "twoway/export.h"
#include "twoway/util.h"

static bool io_fail(struct tw_error *err, const char *what, const char *path, int e)
{
	return tw_error_set(err, e == EEXIST ? TW_ERR_EXISTS : TW_ERR_IO, "%s '%s': %s", what,
			    path, strerror(e));
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

bool tw_export_write_file(const char *path, const char *data, size_t len, bool force,
			  struct tw_error *err)
{
	if (!path || !*path)
		return tw_error_set(err, TW_ERR_INVALID, "no file name given");
	struct stat sb;
	if (!force && lstat(path, &sb) == 0)
		return tw_error_set(err, TW_ERR_EXISTS,
				    "'%s' already exists; use --force to replace it", path);
	char *copy = strdup(path);
	if (!copy)
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	const char *dir = dirname(copy);
	if (stat(dir, &sb) != 0) {
		if (errno != ENOENT || !tw_mkdir_p(dir, 0700)) {
			bool r = io_fail(err, "cannot create the directory", dir, errno);
			free(copy);
			return r;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		bool r = tw_error_set(err, TW_ERR_IO, "'%s' is not a directory", dir);
		free(copy);
		return r;
	}
	char *tmp = tw_strdup_printf("%s/.twoway-export.XXXXXX", dir);
	if (!tmp) {
		free(copy);
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	bool ok = false;
	char *ticket = NULL;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		io_fail(err, "cannot create a file in", dir, errno);
		goto out;
	}
	ticket = tw_tmp_note(tmp); /* a kill from here on: the next start removes it */
	if (fchmod(fd, 0600) != 0 || !write_all(fd, data, len) || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		io_fail(err, "cannot write", path, e);
		goto out;
	}
	if (close(fd) != 0) {
		int e = errno;
		unlink(tmp);
		io_fail(err, "cannot write", path, e);
		goto out;
	}
	if (force) {
		ok = rename(tmp, path) == 0;
	} else {
		/* link() never replaces: the refusal holds even against a file
		 * created since the check above. */
		ok = link(tmp, path) == 0;
		if (ok) {
			unlink(tmp);
		} else if (errno != EEXIST) {
			/* a file system without hard links: check, then rename */
			if (lstat(path, &sb) == 0)
				errno = EEXIST;
			else
				ok = rename(tmp, path) == 0;
		}
	}
	if (!ok) {
		int e = errno;
		unlink(tmp);
		if (e == EEXIST)
			tw_error_set(err, TW_ERR_EXISTS,
				     "'%s' already exists; use --force to replace it", path);
		else
			io_fail(err, "cannot write", path, e);
		goto out;
	}
	sync_dir(dir);
out:
	tw_tmp_forget(ticket);
	free(tmp);
	free(copy);
	return ok;
}
