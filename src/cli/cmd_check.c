/* `twoway check [DIR|FILE...]`: validates guide files and prints every
 * problem as path:line:column: message on stdout, then a one-line summary
 * on stderr. Exit 0 when all is well, 1 on any problem, 2 on usage errors. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "tw_config.h"
#include "twoway/util.h"

static void help(const char *bundled)
{
	printf("usage: twoway check [DIR|FILE...]\n"
	       "\n"
	       "Checks guide files and prints every problem as path:line:column: message.\n"
	       "A directory stands for the *.yaml files in it, in name order.\n"
	       "\n"
	       "With no argument, checks the bundled guides (%s),\n"
	       "your own in $XDG_DATA_HOME/twoway/content, and the --content directory\n"
	       "(or TWOWAY_CONTENT) when one is given.\n"
	       "\n"
	       "Exit status: 0 when every file is fine, 1 when there is any problem,\n"
	       "2 on a usage error.\n",
	       bundled);
}

struct tally {
	size_t files, bad_files, problems;
	char **ids, **paths; /* guides that loaded, to note replacements */
	size_t n_ok, cap_ids, cap_paths;
};

static void report(struct tally *t, struct tw_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *line = tw_diag_format(&d->v[i]);
		if (line)
			cli_line(stdout, "%s", line);
		free(line);
	}
	t->problems += d->n;
}

static void check_file(struct tally *t, const char *path)
{
	struct tw_diags d = { 0 };
	struct tw_guide *g = tw_content_load_file(path, &d);
	t->files++;
	if (d.n)
		t->bad_files++;
	report(t, &d);
	tw_diags_clear(&d);
	if (!g)
		return;
	for (size_t i = 0; i < t->n_ok; i++)
		if (strcmp(t->ids[i], g->id) == 0)
			cli_line(stderr, "twoway check: note: guide '%s' from %s replaces the one from %s",
				g->id, path, t->paths[i]);
	if (tw_grow((void **)&t->ids, &t->cap_ids, t->n_ok, sizeof *t->ids) &&
	    tw_grow((void **)&t->paths, &t->cap_paths, t->n_ok, sizeof *t->paths)) {
		t->ids[t->n_ok] = strdup(g->id);
		t->paths[t->n_ok] = strdup(path);
		t->n_ok++;
	}
	tw_guide_free(g);
}

/* A problem that belongs to a path rather than a line of a file. */
static void path_problem(struct tally *t, const char *path, const char *msg)
{
	struct tw_diags d = { 0 };
	tw_diags_add(&d, path, 0, 0, "%s", msg);
	t->files++;
	t->bad_files++;
	report(t, &d);
	tw_diags_clear(&d);
}

static int yaml_only(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Checks one argument. empty_ok: a directory without *.yaml is fine. */
static void check_path(struct tally *t, const char *path, bool missing_ok, bool empty_ok)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (!(missing_ok && errno == ENOENT))
			path_problem(t, path, errno == ENOENT ? "no such file or directory"
							      : strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		check_file(t, path);
		return;
	}
	struct dirent **list = NULL;
	int n = scandir(path, &list, yaml_only, by_name);
	if (n < 0) {
		char msg[300];
		snprintf(msg, sizeof(msg), "cannot read directory: %s", strerror(errno));
		path_problem(t, path, msg);
		return;
	}
	if (n == 0 && !empty_ok)
		path_problem(t, path, "no *.yaml files in this directory");
	for (int i = 0; i < n; i++) {
		size_t len = strlen(path);
		char *file = tw_strdup_printf("%s%s%s", path,
					      len && path[len - 1] == '/' ? "" : "/", list[i]->d_name);
		struct stat fst;
		if (file && !(stat(file, &fst) == 0 && S_ISDIR(fst.st_mode)))
			check_file(t, file);
		free(file);
		free(list[i]);
	}
	free(list);
}

int cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		char *bundled = tw_library_bundled_dir(TW_BUNDLED_CONTENT, TW_CONTENT_FROM_BIN);
		help(bundled ? bundled : TW_BUNDLED_CONTENT);
		free(bundled);
		return CLI_OK;
	}
	int first = 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			first = i + 1;
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage("check", "unknown option '%s'", argv[i]);
	}
	struct tally t = { 0 };
	if (first >= argc || (first == 1 && argc == 1)) {
		char *bundled = tw_library_bundled_dir(TW_BUNDLED_CONTENT, TW_CONTENT_FROM_BIN);
		if (!bundled)
			return cli_fail("out of memory");
		check_path(&t, bundled, false, true);
		free(bundled);
		char *data = tw_data_dir();
		if (data) {
			char *user = tw_strdup_printf("%s/content", data);
			if (user)
				check_path(&t, user, true, true);
			free(user);
			free(data);
		}
		if (ctx->content_dir)
			check_path(&t, ctx->content_dir, false, false);
	} else {
		for (int i = 1; i < argc; i++)
			if (i >= first || strcmp(argv[i], "--") != 0)
				check_path(&t, argv[i], false, false);
	}
	fflush(stdout);
	if (t.problems)
		fprintf(stderr, "%zu problem%s in %zu of %zu file%s\n", t.problems,
			t.problems == 1 ? "" : "s", t.bad_files, t.files, t.files == 1 ? "" : "s");
	else if (t.files)
		fprintf(stderr, "%zu file%s ok\n", t.files, t.files == 1 ? "" : "s");
	else
		fprintf(stderr, "no content files to check\n");
	for (size_t i = 0; i < t.n_ok; i++) {
		free(t.ids[i]);
		free(t.paths[i]);
	}
	free(t.ids);
	free(t.paths);
	return t.problems ? CLI_FAIL : CLI_OK;
}
