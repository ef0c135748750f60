/* Unit tests of the store's profile scope (tw_store_scope) through
 * store.h: once a handle is scoped to a profile, no call that takes a bare
 * record id reads or changes another profile's record, and nothing of it
 * changes; unscoped and rightly scoped handles reach it as before. */
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
#include "twoway/store.h"

struct records {
	int64_t b; /* the other profile */
	struct tw_sponsor s;
	struct tw_meeting m;
	struct tw_action a;
	int64_t r, c;
};

/* Records of every kind in the fixture's profile (A), and a profile B. */
static void make_records(struct fixture *f, struct records *rec)
{
	struct tw_error err;
	memset(rec, 0, sizeof(*rec));
	assert_true(tw_store_profile_add(f->st, "B", "", "", &rec->b, &err));
	rec->s = (struct tw_sponsor){ .profile_id = f->profile, .name = "Dana" };
	assert_true(tw_store_sponsor_add(f->st, &rec->s, &err));
	rec->m = (struct tw_meeting){ .profile_id = f->profile, .sponsor_id = rec->s.id,
				      .when = (tw_time)time(NULL) + 60 };
	assert_true(tw_store_meeting_add(f->st, &rec->m, &err));
	rec->a = (struct tw_action){ .profile_id = f->profile, .text = "A's action",
				     .owner = TW_OWNER_ME };
	assert_true(tw_store_action_add(f->st, &rec->a, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "A's words v1", false,
					     &rec->r, &err));
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "A's words v2", false,
					     &rec->r, &err));
	assert_true(tw_store_coaching_start(f->st, f->profile, "Robin", &rec->c, &err));
}

#define REFUSED(call)                                                  \
	do {                                                           \
		struct tw_error e_ = { 0 };                            \
		struct tw_error *err = &e_;                            \
		assert_false(call);                                    \
		assert_int_equal(e_.code, TW_ERR_NOTFOUND);            \
		assert_non_null(strstr(e_.message, "in this profile")); \
	} while (0)

static void test_other_profile_refused(void **state)
{
	struct fixture *f = *state;
	struct records rec;
	make_records(f, &rec);
	tw_store_scope(f->st, rec.b);
	assert_int_equal(tw_store_scope_of(f->st), rec.b);

	struct tw_sponsor s;
	struct tw_meeting m;
	struct tw_action a;
	struct tw_reflection r;
	struct tw_coaching c;
	struct tw_reflection_version *v;
	struct tw_coaching_event *ev;
	size_t n;
	REFUSED(tw_store_sponsor_get(f->st, rec.s.id, &s, err));
	REFUSED(tw_store_meeting_get(f->st, rec.m.id, &m, err));
	REFUSED(tw_store_action_get(f->st, rec.a.id, &a, err));
	REFUSED(tw_store_reflection_get(f->st, rec.r, &r, err));
	REFUSED(tw_store_reflection_history(f->st, rec.r, &v, &n, err));
	REFUSED(tw_store_coaching_get(f->st, rec.c, &c, err));
	REFUSED(tw_store_coaching_covered(f->st, rec.c, &ev, &n, err));

	struct tw_sponsor s2 = rec.s;
	s2.name = "Changed";
	REFUSED(tw_store_sponsor_update(f->st, &s2, err));
	struct tw_meeting m2 = rec.m;
	m2.agenda = "changed";
	REFUSED(tw_store_meeting_update(f->st, &m2, err));
	REFUSED(tw_store_meeting_mark_held(f->st, rec.m.id, "B's notes", NULL, err));
	struct tw_action a2 = rec.a;
	a2.text = "changed";
	REFUSED(tw_store_action_update(f->st, &a2, err));
	REFUSED(tw_store_action_done(f->st, rec.a.id, NULL, err));
	REFUSED(tw_store_reflection_update(f->st, rec.r, "B's words", TW_PRIVACY_KEEP, err));
	REFUSED(tw_store_reflection_restore(f->st, rec.r, 1, err));
	REFUSED(tw_store_coaching_notes(f->st, rec.c, "B's notes", err));
	REFUSED(tw_store_coaching_mark(f->st, rec.c, "g/s/i", TW_MARK_VISITED, 0, err));
	REFUSED(tw_store_coaching_end(f->st, rec.c, "covered", err));

	/* nothing changed: read back with A's scope */
	struct tw_error err;
	tw_store_scope(f->st, f->profile);
	assert_true(tw_store_sponsor_get(f->st, rec.s.id, &s, &err));
	assert_string_equal(s.name, "Dana");
	tw_sponsor_finish(&s);
	assert_true(tw_store_meeting_get(f->st, rec.m.id, &m, &err));
	assert_false(m.held);
	assert_true(m.notes == NULL || m.notes[0] == '\0');
	tw_meeting_finish(&m);
	assert_true(tw_store_action_get(f->st, rec.a.id, &a, &err));
	assert_string_equal(a.text, "A's action");
	assert_string_equal(a.done, "");
	tw_action_finish(&a);
	assert_true(tw_store_reflection_get(f->st, rec.r, &r, &err));
	assert_string_equal(r.text, "A's words v2");
	assert_int_equal(r.version, 2);
	tw_reflection_finish(&r);
	assert_true(tw_store_coaching_get(f->st, rec.c, &c, &err));
	assert_true(c.notes == NULL || c.notes[0] == '\0');
	assert_int_equal(c.ended, 0);
	tw_coaching_finish(&c);
	assert_true(tw_store_coaching_covered(f->st, rec.c, &ev, &n, &err));
	assert_int_equal(n, 0);
	free(ev);
}

static void test_own_and_unscoped_reach(void **state)
{
	struct fixture *f = *state;
	struct records rec;
	make_records(f, &rec);
	struct tw_error err;
	struct tw_action a;

	/* scoped to A: A's records work as ever */
	tw_store_scope(f->st, f->profile);
	assert_true(tw_store_action_done(f->st, rec.a.id, NULL, &err));
	assert_true(tw_store_meeting_mark_held(f->st, rec.m.id, "held", NULL, &err));
	assert_true(tw_store_reflection_update(f->st, rec.r, "A's words v3", TW_PRIVACY_KEEP,
					       &err));
	assert_true(tw_store_coaching_notes(f->st, rec.c, "notes", &err));

	/* a missing record is still named as missing, scope or not */
	assert_false(tw_store_action_get(f->st, 9999, &a, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	assert_null(strstr(err.message, "in this profile"));

	/* 0 lifts the scope: tools and exports read every profile */
	tw_store_scope(f->st, rec.b);
	tw_store_scope(f->st, 0);
	assert_int_equal(tw_store_scope_of(f->st), 0);
	assert_true(tw_store_action_get(f->st, rec.a.id, &a, &err));
	assert_string_not_equal(a.done, "");
	tw_action_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_other_profile_refused, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_own_and_unscoped_reach, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
