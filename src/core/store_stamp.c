/* When an open may skip the integrity check (PRAGMA quick_check reads the
 * whole file): the file passed one within a day and nothing but twoway
 * changed it since. Closing after a write or a check, twoway records the
 * file as it leaves it (device, inode, size, modification and change
 * times to the nanosecond) and when it last passed a check, in PATH-check
 * beside it.
 * A file that any other program wrote, copied or restored no longer
 * matches its record and is checked again on the next open. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_internal.h"
#include "twoway/util.h"

/* How long a passed check vouches for an unchanged file. */
#define CHECK_VALID_SECONDS (24 * 60 * 60)
/* SQLite's default: checkpoint once the WAL holds this many pages. */
#define AUTOCHECKPOINT_PAGES 1000

static char *record_path(const char *path)
{
	return tw_strdup_printf("%s-check", path);
}

static int record_text(char *buf, size_t len, int64_t checked_at, const struct stat *sb)
{
	return snprintf(buf, len, "twoway-check 1 %lld %llu %llu %lld %lld.%09ld %lld.%09ld\n",
			(long long)checked_at, (unsigned long long)sb->st_dev,
			(unsigned long long)sb->st_ino, (long long)sb->st_size,
			(long long)sb->st_mtim.tv_sec, (long)sb->st_mtim.tv_nsec,
			(long long)sb->st_ctim.tv_sec, (long)sb->st_ctim.tv_nsec);
}

bool store_stamp_vouches(const char *path, const struct stat *sb, int64_t *checked_at)
{
	*checked_at = 0;
	char *rp = record_path(path);
	int fd = rp ? open(rp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) : -1;
	free(rp);
	if (fd < 0)
		return false;
	char got[160], want[160];
	ssize_t n = read(fd, got, sizeof got - 1);
	close(fd);
	if (n <= 0)
		return false;
	got[n] = '\0';
	long long when = 0;
	if (sscanf(got, "twoway-check 1 %lld ", &when) != 1)
		return false;
	long long now = (long long)time(NULL);
	record_text(want, sizeof want, (int64_t)when, sb);
	if (strcmp(got, want) != 0 || when > now || now - when >= CHECK_VALID_SECONDS)
		return false;
	*checked_at = (int64_t)when;
	return true;
}

/* SQLite calls this after each commit that wrote pages to the WAL. */
static int on_commit(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct tw_store *st = arg;
	st->wrote = true;
	/* this hook replaces SQLite's own, which did this */
	if (pages >= AUTOCHECKPOINT_PAGES)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

void store_stamp_hook(struct tw_store *st)
{
	sqlite3_wal_hook(st->db, on_commit, st);
}

void store_stamp_close(struct tw_store *st)
{
	if (!st->checked_at || (!st->wrote && !st->record_stale))
		return; /* nothing to vouch for, or the record still holds */
	char *rp = record_path(st->path);
	char *wal = tw_strdup_printf("%s-wal", st->path);
	struct stat sb, ws;
	char text[160];
	/* Another connection still open keeps the -wal: its writes may reach
	 * the file later, so the file as it is now would say nothing. */
	if (rp && wal && lstat(wal, &ws) != 0 && errno == ENOENT && stat(st->path, &sb) == 0 &&
	    S_ISREG(sb.st_mode)) {
		int len = record_text(text, sizeof text, st->checked_at, &sb);
		int fd = open(rp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd >= 0) {
			/* half a record must not vouch: empty it, or remove it */
			if (write(fd, text, (size_t)len) != len && ftruncate(fd, 0) != 0)
				unlink(rp);
			close(fd);
		}
	}
	free(rp);
	free(wal);
}
