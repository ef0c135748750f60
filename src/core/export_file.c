/* Writing an export to a file without ever leaving half a file behind: a
 * private temporary file next to the target (mkstemp, 0600), written whole
 * or piece by piece as the export is made, fsync, then link (refusing an
 * existing file) or rename (with force). */
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

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* An export file being written: the temporary file and what becomes of
 * it. Nothing is created until the first bytes come (or the commit of an
 * empty export), so an export that fails before that changes nothing. */
struct tw_export_file {
	char *path;       /* the target */
	char *dir;        /* its directory (dirname's copy) */
	char *made;       /* the highest directory this export created, or NULL */
	char *tmp;        /* the temporary file beside it, once created */
	char *ticket;     /* tw_tmp_note's, so a kill leaves nothing for long */
	int fd;           /* open on tmp, or -1 */
	bool created;     /* tmp is on disk */
	int error;        /* errno of what failed; 0 while all went well */
	const char *what; /* what failed, for the message */
	bool force;
};

static void file_free(struct tw_export_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	tw_tmp_forget(f->ticket);
	free(f->tmp);
	free(f->made);
	free(f->dir);
	free(f->path);
	free(f);
}

/* Removes what this export created: the temporary file, then the
 * directories it made (the deepest first, each only while empty). */
static void undo(struct tw_export_file *f)
{
	if (f->created)
		unlink(f->tmp);
	f->created = false;
	if (!f->made)
		return;
	char *d = strdup(f->dir);
	size_t top = strlen(f->made);
	while (d && strlen(d) >= top && rmdir(d) == 0) {
		char *slash = strrchr(d, '/');
		if (!slash || slash == d)
			break;
		*slash = '\0';
	}
	free(d);
}

static bool failed(struct tw_export_file *f, const char *what, int e)
{
	if (!f->error) {
		f->error = e ? e : EIO;
		f->what = what;
	}
	return false;
}

/* What failed, in err: the directory for a failure to make it or a file
 * in it, else the target. */
static bool report(const struct tw_export_file *f, struct tw_error *err)
{
	bool in_dir = f->what[0] == 'c' && strstr(f->what, "directory");
	bool file_in = strcmp(f->what, "cannot create a file in") == 0;
	return io_fail(err, f->what, in_dir || file_in ? f->dir : f->path, f->error);
}

static void drop(struct tw_export_file *f)
{
	undo(f);
	file_free(f);
}

bool tw_export_file_abort(struct tw_export_file *f, struct tw_error *err)
{
	if (!f)
		return true;
	bool ok = !f->error || report(f, err);
	drop(f);
	return ok;
}

struct tw_export_file *tw_export_file_open(const char *path, bool force, struct tw_error *err)
{
	if (!path || !*path) {
		tw_error_set(err, TW_ERR_INVALID, "no file name given");
		return NULL;
	}
	struct stat sb;
	if (!force && lstat(path, &sb) == 0) {
		tw_error_set(err, TW_ERR_EXISTS, "'%s' already exists; use --force to replace it",
			     path);
		return NULL;
	}
	/* --force replaces a regular file, never a device, a FIFO, a socket,
	 * a directory or a symbolic link (which would point elsewhere). */
	if (force && lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		tw_error_set(err, TW_ERR_EXISTS,
			     "'%s' is not a regular file; --force replaces only regular files",
			     path);
		return NULL;
	}
	struct tw_export_file *f = calloc(1, sizeof *f);
	char *copy = strdup(path);
	if (!f || !copy || !(f->path = strdup(path))) {
		free(copy);
		free(f);
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	f->fd = -1;
	f->force = force;
	/* dirname works in place when path has a slash; for a bare name it
	 * gives its own "." and leaves copy the name (which was then taken
	 * for a directory to make: 'export --out x.json' was refused) */
	const char *d = dirname(copy);
	if (d != copy) {
		free(copy);
		copy = strdup(d);
	}
	if (!(f->dir = copy)) {
		file_free(f);
		tw_error_set(err, TW_ERR_NOMEM, "out of memory");
		return NULL;
	}
	if (stat(copy, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		tw_error_set(err, TW_ERR_IO, "'%s' is not a directory", copy);
		file_free(f);
		return NULL;
	}
	return f;
}

/* Creates the temporary file (and the directory, if missing) once. */
static bool create(struct tw_export_file *f)
{
	if (f->error)
		return false;
	if (f->created)
		return true;
	struct stat sb;
	if (stat(f->dir, &sb) != 0) {
		if (errno != ENOENT)
			return failed(f, "cannot create the directory", errno);
		/* the highest missing directory, to remove on failure */
		char *top = strdup(f->dir);
		for (char *slash; top && (slash = strrchr(top, '/')) && slash != top;) {
			*slash = '\0';
			if (stat(top, &sb) == 0) {
				*slash = '/';
				break;
			}
		}
		f->made = top;
		if (!tw_mkdir_p(f->dir, 0700))
			return failed(f, "cannot create the directory", errno);
	}
	if (!(f->tmp = tw_strdup_printf("%s/.twoway-export.XXXXXX", f->dir)))
		return failed(f, "cannot create a file in", ENOMEM);
	f->fd = mkstemp(f->tmp);
	if (f->fd < 0)
		return failed(f, "cannot create a file in", errno);
	f->created = true;
	f->ticket = tw_tmp_note(f->tmp); /* a kill from here on: the next start removes it */
	if (fchmod(f->fd, 0600) != 0)
		return failed(f, "cannot write", errno);
	return true;
}

bool tw_export_file_sink(void *file, const char *data, size_t len)
{
	struct tw_export_file *f = file;
	if (!create(f))
		return false;
	return tw_write_all(f->fd, data, len) || failed(f, "cannot write", errno);
}

bool tw_export_file_commit(struct tw_export_file *f, struct tw_error *err)
{
	const char *path = f->path;
	if (create(f) && fsync(f->fd) != 0)
		failed(f, "cannot write", errno);
	if (!f->error) {
		int fd = f->fd;
		f->fd = -1; /* closed, whatever close says */
		if (close(fd) != 0)
			failed(f, "cannot write", errno);
	}
	if (f->error) {
		report(f, err);
		drop(f);
		return false;
	}
	bool ok;
	struct stat sb;
	if (f->force) {
		ok = rename(f->tmp, path) == 0;
	} else {
		/* link() never replaces: the refusal holds even against a file
		 * created since the check on open. */
		ok = link(f->tmp, path) == 0;
		if (ok) {
			unlink(f->tmp);
		} else if (errno != EEXIST) {
			/* a file system without hard links: check, then rename */
			if (lstat(path, &sb) == 0)
				errno = EEXIST;
			else
				ok = rename(f->tmp, path) == 0;
		}
	}
	if (!ok) {
		int e = errno;
		if (e == EEXIST)
			tw_error_set(err, TW_ERR_EXISTS,
				     "'%s' already exists; use --force to replace it", path);
		else
			io_fail(err, "cannot write", path, e);
		drop(f);
		return false;
	}
	f->created = false; /* it is the target now */
	sync_dir(f->dir);
	file_free(f);
	return true;
}

bool tw_export_write_file(const char *path, const char *data, size_t len, bool force,
			  struct tw_error *err)
{
	struct tw_export_file *f = tw_export_file_open(path, force, err);
	if (!f)
		return false;
	if (len)
		tw_export_file_sink(f, data, len);
	return tw_export_file_commit(f, err);
}
