/* Where the bundled guides are: the build tree's content when the binary
 * runs from its build directory, else the datadir of the prefix it was
 * built for, else the same layout relative to the binary (a DESTDIR or
 * moved install). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "twoway/content.h"
#include "twoway/util.h"

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory holding the running binary, or NULL (not Linux, no /proc). */
static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return tw_strdup_printf("%s", buf[0] ? buf : "/");
}

/* The first line of dir/TW_BUILD_MARKER, when that file exists. */
static char *build_tree_content(const char *dir)
{
	char *marker = tw_strdup_printf("%s/%s", dir, TW_BUILD_MARKER);
	if (!marker)
		return NULL;
	FILE *f = fopen(marker, "r");
	free(marker);
	if (!f)
		return NULL;
	char line[PATH_MAX];
	char *got = fgets(line, sizeof line, f);
	fclose(f);
	if (!got)
		return NULL;
	line[strcspn(line, "\r\n")] = '\0';
	return line[0] ? tw_strdup_printf("%s", line) : NULL;
}

char *tw_library_bundled_dir(const char *installed_dir, const char *rel_dir)
{
	char *dir = exe_dir();
	if (dir) {
		char *built = build_tree_content(dir);
		if (built) {
			free(dir);
			return built;
		}
	}
	if (!is_dir(installed_dir) && dir && rel_dir && rel_dir[0]) {
		char *moved = tw_strdup_printf("%s/%s", dir, rel_dir);
		if (moved && is_dir(moved)) {
			free(dir);
			return moved;
		}
		free(moved);
	}
	free(dir);
	return tw_strdup_printf("%s", installed_dir);
}
