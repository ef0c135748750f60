/* `twoway search QUERY...`: full-text search over this profile's
 * reflections, meetings, action items and sponsors, best hit first, with snippets. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Prints a snippet on one line: runs of white space become one space. */
static void put_flat(const char *s)
{
	char *copy = strdup(s ? s : "");
	if (!copy)
		return;
	size_t o = 0;
	bool space = true; /* drops leading white space */
	for (size_t i = 0; copy[i]; i++) {
		bool ws = copy[i] == ' ' || copy[i] == '\n' || copy[i] == '\t' || copy[i] == '\r';
		if (ws && space)
			continue;
		copy[o++] = ws ? ' ' : copy[i];
		space = ws;
	}
	while (o > 0 && copy[o - 1] == ' ')
		o--;
	copy[o] = '\0';
	cli_put(stdout, copy, "");
	free(copy);
}

static void help(void)
{
	puts("usage: twoway search WORD... [--private] [--json]\n"
	     "\n"
	     "Searches your reflections, meetings, action items and sponsors (name, title,\n"
	     "organisation, how you met, homework notes) for every WORD (the\n"
	     "last one may be the start of a word). Each hit shows its kind, id, title\n"
	     "and a snippet with the matches in [brackets], best hit first. A private\n"
	     "reflection's snippet shows only with --private.\n"
	     "\n"
	     "--json  the hits as one JSON document (see twoway(1)); a private\n"
	     "        snippet is null there unless --private is given too\n"
	     "\n"
	     "Exit status: 0 when something matched, 1 when nothing did (or on an\n"
	     "error), 2 on a usage error.");
}

int cmd_search(struct cli_ctx *ctx, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_OK;
	}
	const char *pos[64];
	int n;
	bool show = false, json = false;
	const struct cli_opt opts[] = { { "--private", NULL, &show }, { "--json", NULL, &json },
					{ NULL, NULL, NULL } };
	int rc = cli_parse("search", argc, argv, opts, pos, 64, &n);
	if (rc)
		return rc;
	size_t len = 0;
	for (int i = 0; i < n; i++)
		len += strlen(pos[i]) + 1;
	char *q = malloc(len + 1);
	if (!q)
		return cli_fail("out of memory");
	q[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(q, " ");
		strcat(q, pos[i]);
	}
	if (n == 0 || !*q) {
		free(q);
		return cli_usage("search", "missing the words to search for");
	}
	if (!cli_text_ok("the query", q, true)) {
		free(q);
		return CLI_FAIL;
	}
	ctx->reads = CLI_READS_STREAM; /* the index in order, then the matches */
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p)) {
		free(q);
		return CLI_FAIL;
	}
	struct tw_hit *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_search(ctx->store, p.id, q, 0, &v, &nv, &err)) {
		rc = cli_fail("%s", err.message);
	} else if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_str(&j, "query", q);
		cli_json_open(&j, "hits", '[');
		for (size_t i = 0; i < nv; i++) {
			cli_json_open(&j, NULL, '{');
			cli_json_str(&j, "kind", tw_record_kind_name(v[i].kind));
			cli_json_int(&j, "id", v[i].id);
			cli_json_str(&j, "title", v[i].title);
			/* as in the plain output: a private snippet only with --private */
			cli_json_str(&j, "snippet", v[i].is_private && !show ? NULL : v[i].snippet);
			cli_json_bool(&j, "private", v[i].is_private);
			cli_json_close(&j, '}');
		}
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
		rc = nv ? CLI_OK : CLI_FAIL; /* like grep: 1 when nothing matched */
	} else {
		if (nv == 0) {
			printf("no matches for '%s'\n", q);
			rc = CLI_FAIL; /* like grep: 1 when nothing matched */
		}
		for (size_t i = 0; i < nv; i++) {
			printf("%-10s %4lld  ", tw_record_kind_name(v[i].kind), (long long)v[i].id);
			cli_put(stdout, v[i].title, " ");
			printf("%s\n    ", v[i].is_private ? "  (private)" : "");
			if (v[i].is_private && !show)
				fputs("(private: --private shows the text)", stdout);
			else
				put_flat(v[i].snippet);
			putchar('\n');
		}
		size_t sealed = 0;
		if (tw_store_sealed_count(ctx->store, p.id, &sealed, &err) && sealed)
			printf("(%zu private reflection%s sealed by the profile lock: search "
			       "could not look in %s)\n", sealed, sealed == 1 ? " is" : "s are",
			       sealed == 1 ? "it" : "them");
	}
	tw_hits_free(v, nv);
	tw_profile_finish(&p);
	free(q);
	return rc;
}
