/* `twoway guides [GUIDE]`: every guide, section and item with its full id
 * and this profile's progress, plus the progress kept for items that have
 * since disappeared from the content. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway guides [GUIDE] [--ids | --json]\n"
	     "\n"
	     "Lists the guides (or one GUIDE) with their sections and items, each with\n"
	     "the full id that tick, rate, reflect and history take, and this profile's\n"
	     "progress: [x] ticked, [ ] not yet, n/5 a rating, * a saved reflection.\n"
	     "Progress on items no longer in the content is kept and listed at the end.\n"
	     "\n"
	     "--ids  only the full item ids, one a line, read from the content alone\n"
	     "       (no database is opened or created: for scripts and completion)\n"
	     "--json the same list as one JSON document (see twoway(1))");
}

struct state {
	struct tw_progress *prog;
	size_t n_prog;
	struct tw_reflection *refl;
	size_t n_refl;
};

static const struct tw_progress *progress_of(const struct state *s, const char *id)
{
	for (size_t i = 0; i < s->n_prog; i++)
		if (strcmp(s->prog[i].item_id, id) == 0)
			return &s->prog[i];
	return NULL;
}

static bool reflected(const struct state *s, const char *id)
{
	for (size_t i = 0; i < s->n_refl; i++)
		if (s->refl[i].item_id && strcmp(s->refl[i].item_id, id) == 0)
			return true;
	return false;
}

/* The status column: "[x]", "[ ]", "3/5", "-/5", or "..." for reflect items. */
static void status(char *buf, size_t len, enum tw_item_kind kind, const struct tw_progress *p)
{
	if (kind == TW_ITEM_RATE && p && p->rating > 0)
		snprintf(buf, len, "%d/5", p->rating);
	else if (kind == TW_ITEM_RATE)
		snprintf(buf, len, "-/5");
	else if (kind == TW_ITEM_CHECK)
		snprintf(buf, len, "[%c]", p && p->ticked ? 'x' : ' ');
	else
		snprintf(buf, len, "...");
}

static void print_guide(const struct tw_guide *g, const struct state *s)
{
	fputs(g->id, stdout);
	fputs("  ", stdout);
	cli_put(stdout, g->title, " ");
	putchar('\n');
	for (size_t i = 0; i < g->n_sections; i++) {
		const struct tw_section *sec = &g->sections[i];
		size_t done = 0;
		for (size_t k = 0; k < sec->n_items; k++) {
			const struct tw_item *it = &sec->items[k];
			const struct tw_progress *p = progress_of(s, it->full_id);
			if ((it->kind == TW_ITEM_CHECK && p && p->ticked) ||
			    (it->kind == TW_ITEM_RATE && p && p->rating > 0) ||
			    (it->kind == TW_ITEM_REFLECT && reflected(s, it->full_id)))
				done++;
		}
		printf("  %s  ", sec->id);
		cli_put(stdout, sec->title, " ");
		printf("  (%zu/%zu)\n", done, sec->n_items);
		for (size_t k = 0; k < sec->n_items; k++) {
			const struct tw_item *it = &sec->items[k];
			char st[16];
			status(st, sizeof(st), it->kind, progress_of(s, it->full_id));
			printf("    %s %c %s  ", st, reflected(s, it->full_id) ? '*' : ' ',
			       it->full_id);
			cli_put(stdout, it->text, " ");
			putchar('\n');
		}
	}
}

static void json_guide(struct cli_json *j, const struct tw_guide *g, const struct state *s)
{
	cli_json_open(j, NULL, '{');
	cli_json_str(j, "id", g->id);
	cli_json_str(j, "title", g->title);
	cli_json_str(j, "summary", g->summary);
	cli_json_open(j, "sections", '[');
	for (size_t i = 0; i < g->n_sections; i++) {
		const struct tw_section *sec = &g->sections[i];
		cli_json_open(j, NULL, '{');
		cli_json_str(j, "id", sec->id);
		cli_json_str(j, "title", sec->title);
		cli_json_open(j, "items", '[');
		for (size_t k = 0; k < sec->n_items; k++) {
			const struct tw_item *it = &sec->items[k];
			const struct tw_progress *p = progress_of(s, it->full_id);
			cli_json_open(j, NULL, '{');
			cli_json_str(j, "id", it->full_id);
			cli_json_str(j, "kind", tw_item_kind_name(it->kind));
			cli_json_str(j, "text", it->text);
			cli_json_bool(j, "ticked", p && p->ticked);
			if (p && p->rating > 0)
				cli_json_int(j, "rating", p->rating);
			else
				cli_json_str(j, "rating", NULL);
			cli_json_bool(j, "reflected", reflected(s, it->full_id));
			cli_json_close(j, '}');
		}
		cli_json_close(j, ']');
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
	cli_json_close(j, '}');
}

/* The "removed" member: progress kept for items no longer in the content. */
static void json_removed(struct cli_json *j, const struct tw_library *lib,
			 const struct state *s, const char *guide)
{
	size_t glen = guide ? strlen(guide) : 0;
	cli_json_open(j, "removed", '[');
	for (size_t i = 0; i < s->n_prog + s->n_refl; i++) {
		const char *id = i < s->n_prog ? s->prog[i].item_id : s->refl[i - s->n_prog].item_id;
		if (!id || tw_library_item(lib, id, NULL, NULL))
			continue;
		if (guide && (strncmp(id, guide, glen) != 0 || id[glen] != '/'))
			continue;
		if (i >= s->n_prog && progress_of(s, id))
			continue;
		const struct tw_progress *p = i < s->n_prog ? &s->prog[i] : NULL;
		cli_json_open(j, NULL, '{');
		cli_json_str(j, "id", id);
		cli_json_bool(j, "ticked", p && p->ticked);
		if (p && p->rating > 0)
			cli_json_int(j, "rating", p->rating);
		else
			cli_json_str(j, "rating", NULL);
		cli_json_bool(j, "reflected", reflected(s, id));
		cli_json_close(j, '}');
	}
	cli_json_close(j, ']');
}

/* Progress and reflections whose item is not in the content (any more). */
static void print_removed(const struct tw_library *lib, const struct state *s,
			  const char *guide)
{
	size_t glen = guide ? strlen(guide) : 0;
	bool header = false;
	for (size_t i = 0; i < s->n_prog + s->n_refl; i++) {
		const char *id = i < s->n_prog ? s->prog[i].item_id : s->refl[i - s->n_prog].item_id;
		if (!id || tw_library_item(lib, id, NULL, NULL))
			continue;
		if (guide && (strncmp(id, guide, glen) != 0 || id[glen] != '/'))
			continue;
		if (i >= s->n_prog && progress_of(s, id))
			continue; /* already listed with its progress */
		if (!header)
			puts("\nkept from removed content:");
		header = true;
		const struct tw_progress *p = i < s->n_prog ? &s->prog[i] : NULL;
		char st[16];
		if (p && p->rating > 0)
			snprintf(st, sizeof(st), "%d/5", p->rating);
		else
			snprintf(st, sizeof(st), "[%c]", p && p->ticked ? 'x' : ' ');
		printf("    %s %c ", st, reflected(s, id) ? '*' : ' ');
		cli_put(stdout, id, "");
		puts("  (kept from removed content)");
	}
}

int cmd_guides(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *pos[1] = { NULL };
	int n;
	bool ids = false, json = false;
	const struct cli_opt opts[] = { { "--ids", NULL, &ids }, { "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("guides", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (ids && json)
		return cli_usage("guides", "give --ids or --json, not both");
	struct tw_library *lib = cli_library(ctx);
	if (!lib)
		return CLI_FAIL;
	const struct tw_guide *only = NULL;
	if (n == 1) {
		only = tw_library_guide(lib, pos[0]);
		if (!only) {
			fprintf(stderr, "twoway: unknown guide '%s'", pos[0]);
			for (size_t i = 0; i < lib->n_guides; i++)
				fprintf(stderr, "%s%s", i ? ", " : "; the guides are: ",
					lib->guides[i]->id);
			fputc('\n', stderr);
			return CLI_FAIL;
		}
	}
	if (ids) {
		for (size_t i = 0; i < lib->n_guides; i++) {
			const struct tw_guide *g = lib->guides[i];
			if (only && g != only)
				continue;
			for (size_t k = 0; k < g->n_sections; k++)
				for (size_t j = 0; j < g->sections[k].n_items; j++)
					puts(g->sections[k].items[j].full_id);
		}
		return CLI_OK;
	}
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct state s = { 0 };
	struct tw_error err = { 0 };
	if (!tw_store_progress_list(ctx->store, p.id, &s.prog, &s.n_prog, &err) ||
	    !tw_store_reflection_list(ctx->store, p.id, 0, &s.refl, &s.n_refl, &err)) {
		rc = cli_fail("%s", err.message);
		goto out;
	}
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "guides", '[');
		for (size_t i = 0; i < lib->n_guides; i++)
			if (!only || lib->guides[i] == only)
				json_guide(&j, lib->guides[i], &s);
		cli_json_close(&j, ']');
		json_removed(&j, lib, &s, only ? only->id : NULL);
		cli_json_close(&j, '}');
		rc = CLI_OK;
		goto out;
	}
	for (size_t i = 0; i < lib->n_guides; i++) {
		if (only && lib->guides[i] != only)
			continue;
		if (i > 0 && !only)
			putchar('\n');
		print_guide(lib->guides[i], &s);
	}
	if (!only && lib->n_guides == 0)
		puts("no guides loaded");
	print_removed(lib, &s, only ? only->id : NULL);
	rc = CLI_OK;
out:
	tw_progresses_free(s.prog, s.n_prog);
	tw_reflections_free(s.refl, s.n_refl);
	tw_profile_finish(&p);
	return rc;
}
