/* Keeping the database private on disk: an existing database, its -wal and
 * -shm looser than 0600, or the data directory looser than 0700, are
 * tightened when the store opens, and the store keeps a one-line notice of
 * what it changed for the CLI or the app to show. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store_internal.h"
#include "twoway/util.h"

/* Appends item (freed here) to the notice being built in *buf. */
static bool note(char **buf, char *item)
{
	if (!item)
		return false;
	char *joined = *buf ? tw_strdup_printf("%s; %s", *buf, item) : item;
	if (*buf) {
		free(item);
		if (!joined)
			return false;
		free(*buf);
	}
	*buf = joined;
	return true;
}

/* chmods path to want when it exists and is looser (any bit outside want). */
static bool tighten(const char *path, mode_t want, char **buf)
{
	struct stat sb;
	if (lstat(path, &sb) != 0 || S_ISLNK(sb.st_mode))
		return true;
	unsigned mode = (unsigned)(sb.st_mode & 07777);
	if (!(mode & ~(unsigned)want & 0777))
		return true;
	if (chmod(path, want) == 0)
		return note(buf, tw_strdup_printf("'%s' was mode %04o, now %04o", path, mode,
						  (unsigned)want));
	return note(buf, tw_strdup_printf("'%s' is mode %04o and could not be made private: %s",
					  path, mode, strerror(errno)));
}

/* True when dir is twoway's own data directory (the default home of the
 * database): only that directory is ours to tighten; a --db elsewhere
 * (/tmp, a shared folder) keeps its directory's mode. */
static bool is_data_dir(const char *dir)
{
	char *data = tw_data_dir();
	if (!data)
		return false;
	bool same = strcmp(dir, data) == 0;
	if (!same) {
		char a[PATH_MAX], b[PATH_MAX];
		same = realpath(dir, a) && realpath(data, b) && strcmp(a, b) == 0;
	}
	free(data);
	return same;
}

bool store_tighten_modes(const char *path, char **notice)
{
	char *buf = NULL;
	bool ok = true;
	char *dir = strdup(path);
	if (!dir)
		return false;
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (is_data_dir(dir))
			ok = tighten(dir, 0700, &buf);
	}
	free(dir);
	static const char *const sfx[] = { "", "-wal", "-shm" };
	for (size_t i = 0; ok && i < 3; i++) {
		char *p = tw_strdup_printf("%s%s", path, sfx[i]);
		ok = p && tighten(p, 0600, &buf);
		free(p);
	}
	if (!ok) {
		free(buf);
		return false;
	}
	*notice = NULL;
	if (buf) {
		*notice = tw_strdup_printf("made private (others could read them): %s", buf);
		free(buf);
		return *notice != NULL;
	}
	return true;
}

const char *tw_store_notice(const struct tw_store *st)
{
	return st ? st->notice : NULL;
}
