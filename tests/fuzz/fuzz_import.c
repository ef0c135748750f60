/* libFuzzer target for `twoway import`: any bytes go through
 * tw_store_import_json into an empty database and into one that already
 * holds records; a refused file must leave the database exactly as it was,
 * an accepted one must import again without change and round-trip. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "twoway/export.h"
#include "twoway/store.h"
#include "twoway/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the second database holds before every input: records with fixed
 * uids (tests/data/export/corpus/base-merge.json names them), a profile
 * whose name an export from the CLI also uses ("Alice": merged by name),
 * a reflection on an item the seed exports also reflect on (a conflict),
 * and soft-deleted records. */
static const char base_json[] =
	"{\"app\":\"twoway\",\"schema\":3,"
	"\"profiles\":["
	"{\"uid\":\"base-alice\",\"id\":1,\"name\":\"Alice\",\"role\":\"Lead\",\"goals\":\"Grow\","
	"\"created\":1000,\"deleted_at\":null},"
	"{\"uid\":\"base-gone\",\"id\":2,\"name\":\"Gone\",\"role\":\"\",\"goals\":\"\","
	"\"created\":1001,\"deleted_at\":1500}],"
	"\"sponsors\":[{\"uid\":\"base-maria\",\"id\":1,\"profile\":\"base-alice\","
	"\"name\":\"Maria Lopez\",\"title\":\"VP\",\"org\":\"\",\"how_met\":\"\",\"homework\":\"\","
	"\"stage\":\"mentor\",\"created\":1002,\"updated\":1003,\"deleted_at\":null}],"
	"\"progress\":[{\"profile\":\"base-alice\",\"item\":\"cli-test/prepare/agenda\","
	"\"ticked\":true,\"rating\":0,\"changed\":1004}],"
	"\"ratings\":[{\"profile\":\"base-alice\",\"item\":\"cli-test/prepare/confidence\","
	"\"rating\":3,\"at\":1005}],"
	"\"reflections\":[{\"uid\":\"base-refl\",\"id\":1,\"profile\":\"base-alice\","
	"\"item\":\"cli-test/debrief/lesson\",\"text\":\"base two\",\"private\":true,\"version\":2,"
	"\"created\":1006,\"updated\":1007,\"deleted_at\":null,\"versions\":["
	"{\"version\":1,\"text\":\"base one\",\"private\":false,\"saved\":1006},"
	"{\"version\":2,\"text\":\"base two\",\"private\":true,\"saved\":1007}]}],"
	"\"drafts\":[{\"profile\":\"base-alice\",\"item\":\"\",\"text\":\"draft\",\"saved\":1008}],"
	"\"meetings\":[{\"uid\":\"base-meeting\",\"id\":1,\"profile\":\"base-alice\","
	"\"sponsor\":\"base-maria\",\"at\":2000,\"agenda\":\"a\",\"notes\":\"\",\"outcome\":\"\","
	"\"held\":false,\"created\":1009,\"updated\":1009,\"deleted_at\":null}],"
	"\"actions\":[{\"uid\":\"base-action\",\"id\":1,\"profile\":\"base-alice\","
	"\"meeting\":\"base-meeting\",\"text\":\"Do it\",\"owner\":\"me\",\"due\":\"2030-01-01\","
	"\"done\":\"\",\"created\":1010,\"deleted_at\":null},"
	"{\"uid\":\"base-action-gone\",\"id\":2,\"profile\":\"base-alice\",\"meeting\":null,"
	"\"text\":\"Gone\",\"owner\":\"sponsor\",\"due\":\"\",\"done\":\"\",\"created\":1011,"
	"\"deleted_at\":1012}],"
	"\"coaching\":[{\"uid\":\"base-coaching\",\"id\":1,\"profile\":\"base-alice\","
	"\"coach\":\"Kim\",\"started\":1013,\"ended\":1014,\"notes\":\"n\",\"covered\":\"c\","
	"\"deleted_at\":null}]}";

enum { EMPTY, BASE, NDB };

struct db {
	char pristine[300]; /* the state before every input */
	char work[300];     /* the copy the inputs are imported into */
	struct tw_store *st;
	char *fp;           /* the pristine state's export */
};

static char dir[256]; /* under $TMPDIR (or /tmp) */
static struct db dbs[NDB];

static void must(bool ok)
{
	if (!ok)
		abort(); /* libFuzzer reports the input */
}

/* The whole database as its JSON export: the fingerprint compared before
 * and after. */
static char *fingerprint(struct tw_store *st)
{
	char *out = NULL;
	size_t len = 0;
	struct tw_error err = { 0 };
	must(tw_store_export_json(st, 0, &out, &len, &err));
	must(strlen(out) == len);
	return out;
}

static void copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	must(in >= 0 && out >= 0);
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		must(write(out, buf, (size_t)n) == n);
	must(n == 0);
	close(in);
	close(out);
}

static void unlink_db(const char *path)
{
	char side[320];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* Puts db back in its pristine state (after an accepted input). */
static void reset(struct db *db)
{
	struct tw_error err = { 0 };
	tw_store_close(db->st);
	unlink_db(db->work);
	copy_file(db->pristine, db->work);
	db->st = tw_store_open(db->work, &err);
	must(db->st != NULL);
}

static void cleanup(void)
{
	for (int i = 0; i < NDB; i++) {
		tw_store_close(dbs[i].st);
		free(dbs[i].fp);
		unlink_db(dbs[i].work);
		unlink_db(dbs[i].pristine);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/tw-fuzz-import-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	must(mkdtemp(dir) != NULL);
	atexit(cleanup);
	for (int i = 0; i < NDB; i++) {
		struct db *db = &dbs[i];
		snprintf(db->pristine, sizeof db->pristine, "%s/%d-pristine.db", dir, i);
		snprintf(db->work, sizeof db->work, "%s/%d-work.db", dir, i);
		struct tw_error err = { 0 };
		struct tw_store *st = tw_store_open(db->pristine, &err);
		must(st != NULL);
		if (i == BASE) {
			struct tw_diags d = { 0 };
			must(tw_store_import_json(st, base_json, sizeof base_json - 1, "base", NULL, &d));
			/* and records written the ordinary way */
			int64_t pid = 0, rid = 0;
			must(tw_store_profile_add(st, "Zoë 名前", "", "", &pid, &err));
			must(tw_store_progress_rate(st, pid, "cli-test/prepare/confidence", 4, &err));
			must(tw_store_reflection_save(st, pid, NULL, "free text", false, &rid, &err));
			free(fingerprint(st)); /* gives those records their uids */
		}
		tw_store_close(st);
		copy_file(db->pristine, db->work);
		db->st = tw_store_open(db->work, &err);
		must(db->st != NULL);
		db->fp = fingerprint(db->st);
	}
	return 0;
}

/* A problem the user is shown: one line of valid text, never a control
 * character taken from the file. */
static void check_diags(const struct tw_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const char *m = d->v[i].message;
		must(m && *m);
		bool plain = tw_text_valid(m, strlen(m)) && !strchr(m, '\n') && !strchr(m, '\t');
		/* the checks name the record at fault before an insert fails */
		if (!plain || strncmp(m, "importing:", 10) == 0) {
			fprintf(stderr, "bad message: %s\n", plain ? m : "(not plain text)");
			abort();
		}
	}
}

static void one(struct db *db, const uint8_t *data, size_t size)
{
	struct tw_diags d = { 0 };
	struct tw_import_stats s = { 0 };
	bool ok = tw_store_import_json(db->st, (const char *)data, size, "fuzz.json", &s, &d);
	check_diags(&d);
	must(ok == (d.n == 0));
	tw_diags_clear(&d);
	char *after = fingerprint(db->st);
	if (!ok) {
		/* refused: nothing changed */
		must(strcmp(after, db->fp) == 0);
		free(after);
		return;
	}
	must(s.added <= s.records);
	struct tw_error err = { 0 };
	must(tw_store_check(db->st, &err));
	/* the same file again adds and changes nothing */
	struct tw_import_stats s2 = { 0 };
	must(tw_store_import_json(db->st, (const char *)data, size, "fuzz.json", &s2, &d));
	must(d.n == 0 && s2.added == 0 && s2.records == s.records);
	char *again = fingerprint(db->st);
	must(strcmp(after, again) == 0);
	free(again);
	reset(db);
	if (db == &dbs[EMPTY]) {
		/* what was imported exports and imports back exactly */
		must(tw_store_import_json(db->st, after, strlen(after), "export.json", NULL, &d));
		must(d.n == 0);
		char *round = fingerprint(db->st);
		must(strcmp(after, round) == 0);
		free(round);
		reset(db);
	}
	free(after);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the syntax check on its own: located, one line */
	struct tw_diags d = { 0 };
	bool ok = tw_export_json_check((const char *)data, size, "fuzz.json", &d);
	check_diags(&d);
	must(ok == (d.n == 0));
	for (size_t i = 0; i < d.n; i++)
		must(d.v[i].line >= 1 && d.v[i].column >= 1);
	tw_diags_clear(&d);
	for (int i = 0; i < NDB; i++)
		one(&dbs[i], data, size);
	return 0;
}
