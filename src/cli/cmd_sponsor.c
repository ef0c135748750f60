/* `twoway sponsor add|list|edit|show`: the sponsors of the current profile,
 * with their title, organisation, how you met, homework notes and where
 * they sit on the mentor-to-sponsor continuum. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static void help(void)
{
	puts("usage: twoway sponsor add NAME [OPTIONS]\n"
	     "       twoway sponsor list [--json]\n"
	     "       twoway sponsor show NAME|ID [--json]\n"
	     "       twoway sponsor edit NAME|ID [OPTIONS]\n"
	     "\n"
	     "Options:\n"
	     "  --name NAME       a new name (edit only)\n"
	     "  --title TITLE     their job title\n"
	     "  --org ORG         their organisation\n"
	     "  --met HOW         how you met\n"
	     "  --homework TEXT   what they have published, what they care about\n"
	     "  --stage STAGE     mentor, strategizer, connector, opportunity-giver or sponsor");
}

struct fields {
	const char *name, *title, *org, *met, *homework, *stage;
};

/* Parses the options shared by add and edit; pos receives NAME|ID. */
static int parse(const char *cmd, int argc, char **argv, struct fields *f, const char **pos)
{
	const struct cli_opt opts[] = {
		{ "--name", &f->name, NULL },	  { "--title", &f->title, NULL },
		{ "--org", &f->org, NULL },	  { "--met", &f->met, NULL },
		{ "--homework", &f->homework, NULL }, { "--stage", &f->stage, NULL },
		{ NULL, NULL, NULL },
	};
	int n;
	int rc = cli_parse(cmd, argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage(cmd, "missing the sponsor %s", strcmp(cmd, "sponsor add") ? "NAME or ID" : "NAME");
	return CLI_OK;
}

/* Checks every given field and the stage; returns false after printing. */
static bool check(const struct fields *f, enum tw_stage *stage)
{
	if ((f->name && !cli_text_ok("--name", f->name, true)) ||
	    (f->title && !cli_text_ok("--title", f->title, false)) ||
	    (f->org && !cli_text_ok("--org", f->org, false)) ||
	    (f->met && !cli_text_ok("--met", f->met, false)) ||
	    (f->homework && !cli_text_ok("--homework", f->homework, false)))
		return false;
	if (f->stage && !tw_stage_parse(f->stage, stage)) {
		cli_fail("'%s' is not a stage; use mentor, strategizer, connector, "
			 "opportunity-giver or sponsor", f->stage);
		return false;
	}
	return true;
}

/* Replaces *dst with a copy of src when src is given. */
static bool set(char **dst, const char *src)
{
	if (!src)
		return true;
	char *c = strdup(src);
	if (!c)
		return false;
	free(*dst);
	*dst = c;
	return true;
}

static bool apply(struct tw_sponsor *s, const struct fields *f, enum tw_stage stage)
{
	if (f->stage)
		s->stage = stage;
	return set(&s->name, f->name) && set(&s->title, f->title) && set(&s->org, f->org) &&
	       set(&s->how_met, f->met) && set(&s->homework, f->homework);
}

static int add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct fields f = { 0 };
	const char *pos[1];
	int rc = parse("sponsor add", argc, argv, &f, pos);
	if (rc)
		return rc;
	if (f.name)
		return cli_usage("sponsor add", "option '--name' is for 'sponsor edit'; give the NAME as an argument");
	enum tw_stage stage = TW_STAGE_UNKNOWN;
	f.name = pos[0];
	if (!check(&f, &stage))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { .profile_id = p.id };
	struct tw_error err = { 0 };
	if (!apply(&s, &f, stage)) {
		rc = cli_fail("out of memory");
		goto out;
	}
	if (!set(&s.title, s.title ? NULL : "") || !set(&s.org, s.org ? NULL : "") ||
	    !set(&s.how_met, s.how_met ? NULL : "") || !set(&s.homework, s.homework ? NULL : "")) {
		rc = cli_fail("out of memory");
		goto out;
	}
	if (!tw_store_sponsor_add(ctx->store, &s, &err)) {
		rc = err.code == TW_ERR_EXISTS
			     ? cli_fail("a sponsor named '%s' already exists", f.name)
			     : cli_fail("%s", err.message);
		goto out;
	}
	cli_say(ctx, "added sponsor '%s' (id %lld)\n", f.name, (long long)s.id);
	rc = CLI_OK;
out:
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return rc;
}

static int edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct fields f = { 0 };
	const char *pos[1];
	int rc = parse("sponsor edit", argc, argv, &f, pos);
	if (rc)
		return rc;
	if (!f.name && !f.title && !f.org && !f.met && !f.homework && !f.stage)
		return cli_usage("sponsor edit", "nothing to change: give at least one option");
	enum tw_stage stage = TW_STAGE_UNKNOWN;
	if (!check(&f, &stage))
		return CLI_FAIL;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { 0 };
	if (!cli_sponsor(ctx, p.id, pos[0], &s)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	struct tw_error err = { 0 };
	if (!apply(&s, &f, stage))
		rc = cli_fail("out of memory");
	else if (!tw_store_sponsor_update(ctx->store, &s, &err))
		rc = err.code == TW_ERR_EXISTS
			     ? cli_fail("a sponsor named '%s' already exists", s.name)
			     : cli_fail("%s", err.message);
	else
		cli_say(ctx, "updated sponsor '%s' (id %lld)\n", s.name, (long long)s.id);
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return rc;
}

/* One sponsor as a JSON object (key NULL inside an array). */
static void json_sponsor(struct cli_json *j, const char *key, const struct tw_sponsor *s)
{
	cli_json_open(j, key, '{');
	cli_json_int(j, "id", s->id);
	cli_json_str(j, "name", s->name);
	cli_json_str(j, "stage", s->stage == TW_STAGE_UNKNOWN ? NULL : tw_stage_name(s->stage));
	cli_json_time(j, "stage_set", s->stage_at);
	cli_json_str(j, "title", s->title);
	cli_json_str(j, "org", s->org);
	cli_json_str(j, "met", s->how_met);
	cli_json_str(j, "homework", s->homework);
	cli_json_time(j, "created", s->created);
	cli_json_time(j, "updated", s->updated);
	cli_json_close(j, '}');
}

/* The day the stage was last set (by hand or a check-up), "" when never. */
static void stage_day(const struct tw_sponsor *s, char *buf, size_t len)
{
	time_t t = (time_t)s->stage_at;
	struct tm tm;
	buf[0] = '\0';
	if (s->stage && s->stage_at && localtime_r(&t, &tm))
		strftime(buf, len, "%Y-%m-%d", &tm);
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", NULL, &json }, { NULL, NULL, NULL } };
	int rc = cli_parse("sponsor list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_store_sponsor_list(ctx->store, p.id, &v, &nv, &err)) {
		tw_profile_finish(&p);
		return cli_fail("%s", err.message);
	}
	static const struct cli_col cols[] = {
		{ "ID", 4, true },     { "NAME", 0, false }, { "STAGE", 0, false },
		{ "SINCE", 0, false }, { "TITLE", 0, false }, { "ORG", 0, false },
		{ NULL, 0, false },
	};
	struct cli_table t = { .cols = cols };
	for (size_t i = 0; i < nv && !json; i++) {
		char id[24], since[16];
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		stage_day(&v[i], since, sizeof since);
		cli_table_row(&t, id, v[i].name, tw_stage_name(v[i].stage), since, v[i].title,
			      v[i].org);
	}
	if (json) {
		struct cli_json j = { 0 };
		cli_json_open(&j, NULL, '{');
		cli_json_open(&j, "sponsors", '[');
		for (size_t i = 0; i < nv; i++)
			json_sponsor(&j, NULL, &v[i]);
		cli_json_close(&j, ']');
		cli_json_close(&j, '}');
	} else if (nv == 0)
		puts("no sponsors yet (add one with 'twoway sponsor add NAME')");
	else if (!cli_table_print(&t, " "))
		rc = cli_fail("out of memory");
	tw_sponsors_free(v, nv);
	tw_profile_finish(&p);
	return rc;
}

static void field(const char *label, const char *value)
{
	printf("%-10s ", label);
	cli_put(stdout, value && *value ? value : "-", "           ");
	putchar('\n');
}

static int show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", NULL, &json }, { NULL, NULL, NULL } };
	int rc = cli_parse("sponsor show", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("sponsor show", "missing the sponsor NAME or ID");
	struct tw_profile p = { 0 };
	if (!cli_profile(ctx, &p))
		return CLI_FAIL;
	struct tw_sponsor s = { 0 };
	if (!cli_sponsor(ctx, p.id, pos[0], &s)) {
		tw_profile_finish(&p);
		return CLI_FAIL;
	}
	if (json) {
		struct cli_json j = { 0 };
		json_sponsor(&j, NULL, &s);
		tw_sponsor_finish(&s);
		tw_profile_finish(&p);
		return CLI_OK;
	}
	printf("%-10s %lld\n", "id", (long long)s.id);
	field("name", s.name);
	field("title", s.title);
	field("org", s.org);
	field("met", s.how_met);
	char since[16], stage[64];
	stage_day(&s, since, sizeof since);
	snprintf(stage, sizeof stage, *since ? "%s (since %s)" : "%s", tw_stage_label(s.stage), since);
	field("stage", stage);
	field("homework", s.homework);
	tw_sponsor_finish(&s);
	tw_profile_finish(&p);
	return CLI_OK;
}

int cmd_sponsor(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show }, { "edit", edit }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "sponsor", subs, help, argc, argv);
}
