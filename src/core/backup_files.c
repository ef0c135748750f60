/* Backup files without SQLite: where they live, how they are named
 * ("<db name>-<id>.db" in a "backups" directory beside the database),
 * listing them, and the keeping rule that prunes them. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup_internal.h"
#include "twoway/backup.h"
#include "twoway/util.h"

static const char *const kind_suffix[] = {
	[TW_BACKUP_DAILY] = "",
	[TW_BACKUP_MANUAL] = "now",
	[TW_BACKUP_RESTORE] = "restore",
	[TW_BACKUP_UPGRADE] = "upgrade",
};

const char *tw_backup_kind_name(enum tw_backup_kind kind)
{
	switch (kind) {
	case TW_BACKUP_DAILY:
		return "daily";
	case TW_BACKUP_MANUAL:
		return "manual";
	case TW_BACKUP_RESTORE:
		return "before restore";
	case TW_BACKUP_UPGRADE:
		return "before upgrade";
	}
	return "?";
}

const char *backup_kind_suffix(enum tw_backup_kind kind)
{
	return kind_suffix[kind];
}

char *tw_backup_dir(const char *db_path)
{
	const char *slash = strrchr(db_path, '/');
	if (!slash)
		return strdup("backups");
	return tw_strdup_printf("%.*s/backups", (int)(slash - db_path), db_path);
}

char *backup_stem(const char *db_path)
{
	const char *slash = strrchr(db_path, '/');
	const char *base = slash ? slash + 1 : db_path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".db") == 0)
		n -= 3;
	return tw_strdup_printf("%.*s", (int)n, base);
}

char *backup_file(const char *db_path, const char *id)
{
	char *dir = tw_backup_dir(db_path), *stem = backup_stem(db_path);
	char *p = dir && stem ? tw_strdup_printf("%s/%s-%s.db", dir, stem, id) : NULL;
	free(dir);
	free(stem);
	return p;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool backup_id_parse(const char *id, size_t len, char date[11], enum tw_backup_kind *kind)
{
	if (len < 10)
		return false;
	memcpy(date, id, 10);
	date[10] = '\0';
	if (!tw_date_valid(date))
		return false;
	if (len == 10) {
		*kind = TW_BACKUP_DAILY;
		return true;
	}
	/* -HHMMSS-KIND, then an optional -N for a second backup that second */
	if (len < 19 || id[10] != '-' || !all_digits(id + 11, 6) || id[17] != '-')
		return false;
	const char *k = id + 18;
	size_t kn = len - 18;
	const char *dash = memchr(k, '-', kn);
	if (dash) {
		size_t rest = kn - (size_t)(dash - k) - 1;
		if (rest != 1 || !all_digits(dash + 1, 1))
			return false;
		kn = (size_t)(dash - k);
	}
	for (int i = TW_BACKUP_MANUAL; i <= TW_BACKUP_UPGRADE; i++) {
		if (strlen(kind_suffix[i]) == kn && memcmp(k, kind_suffix[i], kn) == 0) {
			*kind = (enum tw_backup_kind)i;
			return true;
		}
	}
	return false;
}

void tw_backup_list_free(struct tw_backup *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
	}
	free(v);
}

static int newest_first(const void *a, const void *b)
{
	return strcmp(((const struct tw_backup *)b)->id, ((const struct tw_backup *)a)->id);
}

bool tw_backup_list(const char *db_path, struct tw_backup **out, size_t *n,
		    struct tw_error *err)
{
	*out = NULL;
	*n = 0;
	char *dir = tw_backup_dir(db_path), *stem = backup_stem(db_path);
	if (!dir || !stem) {
		free(dir);
		free(stem);
		return tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	DIR *d = opendir(dir);
	if (!d) {
		bool ok = errno == ENOENT ||
			  tw_error_set(err, TW_ERR_IO, "cannot read the backup directory '%s': %s",
				       dir, strerror(errno));
		free(dir);
		free(stem);
		return ok;
	}
	size_t sn = strlen(stem), cnt = 0, cap = 0;
	struct tw_backup *v = NULL;
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		const char *name = e->d_name;
		size_t len = strlen(name);
		/* "<stem>-<id>.db" */
		if (len < sn + 4 || strncmp(name, stem, sn) != 0 || name[sn] != '-' ||
		    strcmp(name + len - 3, ".db") != 0)
			continue;
		struct tw_backup b = { 0 };
		if (!backup_id_parse(name + sn + 1, len - sn - 4, b.date, &b.kind))
			continue;
		char *path = tw_strdup_printf("%s/%s", dir, name);
		struct stat sb;
		if (!path || lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			ok = path != NULL || tw_error_set(err, TW_ERR_NOMEM, "out of memory");
			free(path);
			continue;
		}
		b.path = path;
		b.id = tw_strdup_printf("%.*s", (int)(len - sn - 4), name + sn + 1);
		b.taken = (tw_time)sb.st_mtime;
		b.size = (int64_t)sb.st_size;
		if (!tw_grow((void **)&v, &cap, cnt, sizeof *v)) {
			free(b.path);
			free(b.id);
			ok = tw_error_set(err, TW_ERR_NOMEM, "out of memory");
			break;
		}
		v[cnt++] = b;
		if (!b.id)
			ok = tw_error_set(err, TW_ERR_NOMEM, "out of memory");
	}
	closedir(d);
	free(dir);
	free(stem);
	if (!ok) {
		tw_backup_list_free(v, cnt);
		return false;
	}
	if (cnt)
		qsort(v, cnt, sizeof *v, newest_first);
	*out = v;
	*n = cnt;
	return true;
}

/* Days since 1970-01-01 of a valid "YYYY-MM-DD" (H. Hinnant's
 * days_from_civil), so the rule needs no time zone. */
static long day_number(const char *date)
{
	long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10),
	     d = strtol(date + 8, NULL, 10);
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The day number of the Monday starting the week of day (1970-01-01 was a
 * Thursday). */
static long week_start(long day)
{
	long wd = ((day + 3) % 7 + 7) % 7; /* Monday 0 */
	return day - wd;
}

bool tw_backup_keep(const char *today, const char *const *ids, size_t n, bool *keep)
{
	char d[11];
	if (!today || strlen(today) != 10 || !tw_date_valid(today))
		return false;
	long now = day_number(today), this_week = week_start(now);
	for (size_t i = 0; i < n; i++) {
		if (strlen(ids[i]) < 10)
			return false;
		memcpy(d, ids[i], 10);
		d[10] = '\0';
		if (!tw_date_valid(d))
			return false;
		long day = day_number(d);
		/* the last 7 days; a date ahead of the clock is kept too */
		keep[i] = day > now - 7;
		long wk = week_start(day);
		if (keep[i] || wk < this_week - 21)
			continue;
		/* newest of its week: no later id in the same week */
		bool newest = true;
		for (size_t j = 0; j < n && newest; j++) {
			if (j == i || strlen(ids[j]) < 10)
				continue;
			char dj[11];
			memcpy(dj, ids[j], 10);
			dj[10] = '\0';
			if (!tw_date_valid(dj))
				continue;
			if (week_start(day_number(dj)) == wk && strcmp(ids[j], ids[i]) > 0)
				newest = false;
		}
		keep[i] = newest;
	}
	return true;
}

void backup_prune(const char *db_path, const char *today, const char *keep_id)
{
	struct tw_backup *v = NULL;
	size_t n = 0;
	if (!tw_backup_list(db_path, &v, &n, NULL) || n == 0) {
		tw_backup_list_free(v, n);
		return;
	}
	const char **ids = malloc(n * sizeof *ids);
	bool *keep = malloc(n * sizeof *keep);
	if (ids && keep) {
		for (size_t i = 0; i < n; i++)
			ids[i] = v[i].id;
		if (tw_backup_keep(today, ids, n, keep))
			for (size_t i = 0; i < n; i++)
				if (!keep[i] && strcmp(v[i].id, keep_id) != 0)
					unlink(v[i].path);
	}
	free(ids);
	free(keep);
	tw_backup_list_free(v, n);
}
