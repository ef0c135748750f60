/* The library of loaded guides: content directories read in name order,
 * later guides replacing earlier ones with the same id (with a notice),
 * lookups by full item id, and suggestions for a mistyped one. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content_tree.h"
#include "twoway/util.h"

struct tw_library *tw_library_new(void)
{
	return calloc(1, sizeof(struct tw_library));
}

void tw_library_free(struct tw_library *lib)
{
	if (!lib)
		return;
	for (size_t i = 0; i < lib->n_guides; i++)
		tw_guide_free(lib->guides[i]);
	free(lib->guides);
	for (size_t i = 0; i < lib->n_notices; i++)
		free(lib->notices[i]);
	free(lib->notices);
	tw_diags_clear(&lib->problems);
	free(lib);
}

/* Takes g into the library: it replaces a guide with the same id in place
 * (so the order stays that of first appearance), else goes last. */
static bool add_guide(struct tw_library *lib, struct tw_guide *g)
{
	for (size_t i = 0; i < lib->n_guides; i++) {
		if (strcmp(lib->guides[i]->id, g->id) != 0)
			continue;
		if (!tw_grow((void **)&lib->notices, &lib->cap_notices, lib->n_notices,
			     sizeof *lib->notices))
			return false;
		char *note = tw_strdup_printf("guide '%s' from %s replaces the one from %s", g->id,
					      g->path, lib->guides[i]->path);
		if (!note)
			return false;
		lib->notices[lib->n_notices++] = note;
		tw_guide_free(lib->guides[i]);
		lib->guides[i] = g;
		return true;
	}
	if (!tw_grow((void **)&lib->guides, &lib->cap_guides, lib->n_guides, sizeof *lib->guides))
		return false;
	lib->guides[lib->n_guides++] = g;
	return true;
}

bool tw_library_add_file(struct tw_library *lib, const char *path)
{
	struct tw_guide *g = tw_content_load_file(path, &lib->problems);
	if (!g) {
		lib->n_skipped++;
		return false;
	}
	if (!add_guide(lib, g)) {
		tw_guide_free(g);
		return false;
	}
	return true;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_content_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

bool tw_library_add_dir(struct tw_library *lib, const char *dir, bool optional)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (optional && errno == ENOENT)
			return true;
		tw_diags_add(&lib->problems, dir, 0, 0, "cannot read content directory: %s",
			     strerror(errno));
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		if (!is_content_name(e->d_name))
			continue;
		if (!tw_grow((void **)&names, &cap, n, sizeof *names)) {
			ok = false;
			break;
		}
		size_t dl = strlen(dir);
		names[n] = tw_strdup_printf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
					    e->d_name);
		if (!names[n])
			ok = false;
		else
			n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; ok && i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;
		size_t before = lib->problems.n;
		if (!tw_library_add_file(lib, names[i]) && lib->problems.n == before)
			ok = false; /* skipped without a problem: out of memory */
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ok;
}

struct tw_library *tw_library_load_default(const char *bundled_dir, const char *extra_dir)
{
	struct tw_library *lib = tw_library_new();
	if (!lib)
		return NULL;
	if (bundled_dir)
		tw_library_add_dir(lib, bundled_dir, true);
	char *data = tw_data_dir();
	if (data) {
		char *user = tw_strdup_printf("%s/content", data);
		if (user)
			tw_library_add_dir(lib, user, true);
		free(user);
		free(data);
	}
	if (extra_dir) {
		struct stat st;
		if (stat(extra_dir, &st) != 0)
			tw_diags_add(&lib->problems, extra_dir, 0, 0,
				     "content directory does not exist: %s", strerror(errno));
		else if (!S_ISDIR(st.st_mode))
			tw_diags_add(&lib->problems, extra_dir, 0, 0,
				     "is not a directory (--content wants a directory of *.yaml files)");
		else
			tw_library_add_dir(lib, extra_dir, false);
	}
	return lib;
}

const struct tw_guide *tw_library_guide(const struct tw_library *lib, const char *id)
{
	for (size_t i = 0; lib && id && i < lib->n_guides; i++)
		if (strcmp(lib->guides[i]->id, id) == 0)
			return lib->guides[i];
	return NULL;
}

const struct tw_item *tw_library_item(const struct tw_library *lib, const char *full_id,
				      const struct tw_guide **guide,
				      const struct tw_section **section)
{
	if (!lib || !full_id)
		return NULL;
	const char *s1 = strchr(full_id, '/');
	const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	if (!s2 || strchr(s2 + 1, '/'))
		return NULL;
	size_t gl = (size_t)(s1 - full_id), sl = (size_t)(s2 - s1 - 1);
	for (size_t i = 0; i < lib->n_guides; i++) {
		const struct tw_guide *g = lib->guides[i];
		if (strlen(g->id) != gl || strncmp(g->id, full_id, gl) != 0)
			continue;
		for (size_t j = 0; j < g->n_sections; j++) {
			const struct tw_section *s = &g->sections[j];
			if (strlen(s->id) != sl || strncmp(s->id, s1 + 1, sl) != 0)
				continue;
			for (size_t k = 0; k < s->n_items; k++) {
				if (strcmp(s->items[k].id, s2 + 1) != 0)
					continue;
				if (guide)
					*guide = g;
				if (section)
					*section = s;
				return &s->items[k];
			}
		}
	}
	return NULL;
}

size_t tw_library_suggest(const struct tw_library *lib, const char *full_id,
			  const char **out, size_t max)
{
	if (!lib || !full_id || !out || max == 0)
		return 0;
	size_t qlen = strlen(full_id);
	/* Close enough to be worth offering: a third of the typed length, at
	 * least 2 edits. */
	size_t limit = qlen / 3 > 2 ? qlen / 3 : 2;
	size_t dist[64];
	if (max > 64)
		max = 64;
	size_t n = 0;
	for (size_t i = 0; i < lib->n_guides; i++) {
		const struct tw_guide *g = lib->guides[i];
		for (size_t j = 0; j < g->n_sections; j++) {
			const struct tw_section *s = &g->sections[j];
			for (size_t k = 0; k < s->n_items; k++) {
				const struct tw_item *it = &s->items[k];
				size_t d = content_distance(full_id, qlen, it->full_id,
							    strlen(it->full_id));
				size_t ds = content_distance(full_id, qlen, it->id, strlen(it->id));
				if (ds < d)
					d = ds;
				if (d > limit)
					continue;
				/* Insert keeping the list sorted, earlier items first on ties. */
				size_t at = n;
				while (at > 0 && dist[at - 1] > d)
					at--;
				if (at >= max)
					continue;
				size_t last = n < max ? n : max - 1;
				for (size_t m = last; m > at; m--) {
					out[m] = out[m - 1];
					dist[m] = dist[m - 1];
				}
				out[at] = it->full_id;
				dist[at] = d;
				if (n < max)
					n++;
			}
		}
	}
	return n;
}
