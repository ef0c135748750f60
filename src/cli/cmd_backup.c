/* `twoway backup list|now|restore`: the database's backups (one a day is
 * taken automatically before the first write), one taken on demand, and
 * putting one back (the state it replaces is backed up first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "twoway/backup.h"
#include "twoway/util.h"

static void help(void)
{
	puts("usage: twoway backup list [--json]\n"
	     "       twoway backup now\n"
	     "       twoway backup restore DATE|ID\n"
	     "\n"
	     "Before the first change of each day twoway copies the database into a\n"
	     "'backups' directory beside it ($XDG_DATA_HOME/twoway/backups for the\n"
	     "default database), files 0600 in a 0700 directory. It keeps every backup\n"
	     "of the last 7 days and the newest of each of the last 4 weeks (weeks\n"
	     "start on Monday).\n"
	     "\n"
	     "  list             the backups, newest first: ID, when, kind, size\n"
	     "                   (--json: one JSON document, see twoway(1))\n"
	     "  now              take a backup now\n"
	     "  restore DATE|ID  put a backup back: DATE (YYYY-MM-DD) takes that day's\n"
	     "                   backup, ID one from 'list'. The current state is backed\n"
	     "                   up first, and other twoway windows may stay open.");
}

/* "812 B", "48 KiB", "3.2 MiB" */
static void human_size(int64_t n, char *buf, size_t len)
{
	if (n < 1024)
		snprintf(buf, len, "%lld B", (long long)n);
	else if (n < 10 * 1024 * 1024)
		snprintf(buf, len, "%lld KiB", (long long)((n + 512) / 1024));
	else
		snprintf(buf, len, "%.1f MiB", (double)n / (1024.0 * 1024.0));
}

/* The kind as one stable word for scripts. */
static const char *kind_word(enum tw_backup_kind kind)
{
	switch (kind) {
	case TW_BACKUP_DAILY: return "daily";
	case TW_BACKUP_MANUAL: return "manual";
	case TW_BACKUP_RESTORE: return "restore";
	case TW_BACKUP_UPGRADE: return "upgrade";
	}
	return "daily";
}

/* {"directory", "backups": [{"id", "date", "kind", "taken", "size", "path"}]} */
static int list_json(const char *db, const struct tw_backup *v, size_t nv)
{
	char *dir = tw_backup_dir(db);
	if (!dir)
		return cli_fail("out of memory");
	struct cli_json j = { 0 };
	cli_json_open(&j, NULL, '{');
	cli_json_str(&j, "directory", dir);
	cli_json_open(&j, "backups", '[');
	for (size_t i = 0; i < nv; i++) {
		cli_json_open(&j, NULL, '{');
		cli_json_str(&j, "id", v[i].id);
		cli_json_str(&j, "date", v[i].date);
		cli_json_str(&j, "kind", kind_word(v[i].kind));
		cli_json_time(&j, "taken", v[i].taken);
		cli_json_int(&j, "size", (long long)v[i].size);
		cli_json_str(&j, "path", v[i].path);
		cli_json_close(&j, '}');
	}
	cli_json_close(&j, ']');
	cli_json_close(&j, '}');
	free(dir);
	return CLI_OK;
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", NULL, &json }, { NULL, NULL, NULL } };
	int rc = cli_parse("backup list", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	/* The database is not opened: listing must work when it is damaged. */
	char *db = cli_db_path(ctx);
	if (!db)
		return CLI_FAIL;
	struct tw_backup *v = NULL;
	size_t nv = 0;
	struct tw_error err = { 0 };
	if (!tw_backup_list(db, &v, &nv, &err)) {
		free(db);
		return cli_fail("%s", err.message);
	}
	if (json) {
		rc = list_json(db, v, nv);
		tw_backup_list_free(v, nv);
		free(db);
		return rc;
	}
	if (nv == 0) {
		char *dir = tw_backup_dir(db);
		fputs("no backups yet (they go to ", stdout);
		cli_put(stdout, dir ? dir : "backups", "");
		puts(")");
		free(dir);
	}
	static const struct cli_col cols[] = { { "ID", 0, false },   { "TAKEN", 0, false },
					       { "KIND", 0, false }, { "SIZE", 0, true },
					       { NULL, 0, false } };
	struct cli_table t = { .cols = cols };
	for (size_t i = 0; i < nv; i++) {
		char when[32], size[32];
		tw_time_format(v[i].taken, when, sizeof when);
		human_size(v[i].size, size, sizeof size);
		cli_table_row(&t, v[i].id, when, tw_backup_kind_name(v[i].kind), size);
	}
	if (nv && !cli_table_print(&t, " "))
		rc = cli_fail("out of memory");
	tw_backup_list_free(v, nv);
	free(db);
	return rc;
}

static int now(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("backup now", argc, argv, opts, pos, 0, &n);
	if (rc)
		return rc;
	struct tw_store *st = cli_store(ctx);
	if (!st)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	char *id = NULL;
	if (!tw_store_backup_now(st, TW_BACKUP_MANUAL, &id, &err))
		return cli_fail("%s", err.message);
	fputs("backed up as ", stdout);
	cli_put(stdout, id, "");
	puts(" (see 'twoway backup list')");
	free(id);
	return CLI_OK;
}

static int restore(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = { { NULL, NULL, NULL } };
	int rc = cli_parse("backup restore", argc, argv, opts, pos, 1, &n);
	if (rc)
		return rc;
	if (n < 1)
		return cli_usage("backup restore", "missing the DATE or ID of the backup");
	if (!cli_text_ok("the backup DATE or ID", pos[0], true))
		return CLI_FAIL;
	char *db = cli_db_path(ctx);
	if (!db)
		return CLI_FAIL;
	struct tw_error err = { 0 };
	char *restored = NULL, *before = NULL;
	ctx->store = tw_store_open(db, &err);
	if (!ctx->store && err.code == TW_ERR_CORRUPT) {
		/* What backups are for: the damaged file is set aside. */
		if (!tw_backup_restore_damaged(db, pos[0], &restored, &before, &err)) {
			free(db);
			return cli_fail("%s", err.message);
		}
		fputs("restored the backup ", stdout);
		cli_put(stdout, restored, "");
		fputs("; the damaged database is kept as ", stdout);
	} else if (!ctx->store) {
		free(db);
		return cli_fail("%s", err.message);
	} else {
		if (!tw_store_backup_restore(ctx->store, pos[0], &restored, &before, &err)) {
			free(db);
			return cli_fail("%s", err.message);
		}
		fputs("restored the backup ", stdout);
		cli_put(stdout, restored, "");
		fputs("; the state it replaced is kept as backup ", stdout);
	}
	cli_put(stdout, before, "");
	putchar('\n');
	free(db);
	free(restored);
	free(before);
	return CLI_OK;
}

int cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "list", list }, { "now", now }, { "restore", restore }, { NULL, NULL }
	};
	return cli_dispatch(ctx, "backup", subs, help, argc, argv);
}
