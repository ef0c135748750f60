/* Unit tests of the coach's summary of a coaching session (export_md.c)
 * for a session that walked the relationship check-up: the run's answers
 * are listed, a shared one with its text, a private one never (neither
 * through a coach's view nor the owner's). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/export.h"
#include "twoway/util.h"

#define EVIDENCE "checkup/continuum/evidence"
#define WHOLE "checkup/trust/whole-person"
#define LEARN "checkup/trust/learn-from-each-other"

static char *summary(struct tw_store *st, int64_t profile, int64_t cid)
{
	struct tw_buf b = { 0 };
	struct tw_error err = { 0 };
	if (!tw_export_md_coaching(st, content_lib, profile, cid, &b, &err))
		fail_msg("export: %s", err.message);
	return tw_buf_take(&b, NULL);
}

/* A session that walked the check-up: the run's shared answer is listed
 * with its text and its run named; the private one shows as "(private)"
 * beside its question (in what was covered too), its text never, whether
 * the summary is read through a coach's view or the owner's. */
static void test_checkup_reflections(void **state)
{
	struct fixture *f = *state;
	struct tw_error err = { 0 };
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Dana Reyes" };
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	int64_t old_run, run, cid;
	tw_time now = (tw_time)time(NULL);
	assert_true(tw_store_checkup_start(f->st, f->profile, s.id, now - 90 * 86400, &old_run,
					   &err));
	/* the run before: a shared answer to the same question as the
	 * private one below (an untied lookup or "the latest" would not
	 * tell them apart) */
	assert_true(tw_store_reflection_save_in(f->st, f->profile, old_run, WHOLE,
						"OLD-RUN-WORDS", TW_PRIVACY_PUBLIC, NULL, &err));
	assert_true(tw_store_checkup_start(f->st, f->profile, s.id, now, &run, &err));
	assert_true(tw_store_coaching_start(f->st, f->profile, "Coach Kim", &cid, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, run, EVIDENCE,
						"SHARED-RUN-WORDS she backed my talk", TW_PRIVACY_PUBLIC,
						NULL, &err));
	assert_true(tw_store_reflection_save_in(f->st, f->profile, run, WHOLE,
						"SECRET-RUN-WORDS", TW_PRIVACY_PRIVATE, NULL, &err));
	assert_true(tw_store_coaching_mark(f->st, cid, EVIDENCE, TW_MARK_REFLECTED, 0, &err));
	assert_true(tw_store_coaching_mark(f->st, cid, WHOLE, TW_MARK_REFLECTED, 0, &err));
	assert_true(tw_store_coaching_end(f->st, cid, "the check-up", &err));

	/* the session's mark stands for this run's answer */
	struct tw_reflection r;
	assert_true(tw_store_coaching_reflection(f->st, cid, WHOLE, &r, &err));
	assert_int_equal(r.checkup_id, run);
	assert_true(r.is_private);
	tw_reflection_finish(&r);
	assert_false(tw_store_coaching_reflection(f->st, cid, LEARN, &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);

	char day[32], run_label[96];
	tw_time_format(now, day, sizeof day);
	day[10] = '\0';
	snprintf(run_label, sizeof run_label, " (check-up with Dana Reyes of %s)", day);
	const struct tw_item *whole = tw_library_item(content_lib, WHOLE, NULL, NULL);
	const struct tw_item *evidence = tw_library_item(content_lib, EVIDENCE, NULL, NULL);
	assert_non_null(whole);
	assert_non_null(evidence);
	char covered_private[512], listed_private[512], listed_shared[512];
	snprintf(covered_private, sizeof covered_private, "\n- %s%s: (private)\n", whole->text,
		 run_label);
	snprintf(listed_private, sizeof listed_private, "- **%s**%s: (private)\n", whole->text,
		 run_label);
	snprintf(listed_shared, sizeof listed_shared,
		 "- **%s**%s:\n  SHARED-RUN-WORDS she backed my talk\n", evidence->text, run_label);

	struct tw_store *coach = tw_store_open_view(f->path, TW_VIEW_COACH, &err);
	assert_non_null(coach);
	struct tw_store *views[] = { coach, f->st };
	for (size_t v = 0; v < 2; v++) {
		char *t = summary(views[v], f->profile, cid);
		assert_non_null(t);
		assert_null(strstr(t, "SECRET"));
		assert_non_null(strstr(t, listed_shared));
		assert_non_null(strstr(t, listed_private));
		assert_non_null(strstr(t, covered_private));
		free(t);
	}
	tw_store_close(coach);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_checkup_reflections, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, content_setup, content_teardown);
}
