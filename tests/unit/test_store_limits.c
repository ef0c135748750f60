/* Unit tests of the limits the store enforces on every text field: more
 * than 1 MiB is refused with a clear message (nothing saved), and text made
 * only of white space and invisible characters (zero-width, direction
 * marks, the byte-order mark) counts as empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_store_common.h"
#include "twoway/store.h"
#include "twoway/util.h"

/* n bytes of 'a' (plus a NUL); the caller frees. */
static char *big(size_t n)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	memset(s, 'a', n);
	s[n] = '\0';
	return s;
}

static void assert_too_long(bool ok, const struct tw_error *err)
{
	assert_false(ok);
	assert_int_equal(err->code, TW_ERR_INVALID);
	if (!strstr(err->message, "longer than 1 MiB"))
		fail_msg("message: %s", err->message);
}

static void test_text_over_one_mib_refused(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	char *over = big(TW_TEXT_MAX_BYTES + 1);
	char *at = big(TW_TEXT_MAX_BYTES);

	assert_too_long(tw_store_reflection_save(f->st, f->profile, "g/s/i", over, TW_PRIVACY_KEEP, NULL,
						 &err), &err);
	struct tw_reflection r;
	assert_false(tw_store_reflection_get_item(f->st, f->profile, "g/s/i", &r, &err));
	assert_int_equal(err.code, TW_ERR_NOTFOUND);
	int64_t id;
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", at, TW_PRIVACY_KEEP, &id, &err));
	assert_too_long(tw_store_reflection_update(f->st, id, over, TW_PRIVACY_KEEP, &err), &err);
	assert_too_long(tw_store_draft_put(f->st, f->profile, "g/s/i", over, false, &err), &err);

	struct tw_action a = { .profile_id = f->profile, .text = over };
	assert_too_long(tw_store_action_add(f->st, &a, &err), &err);
	struct tw_sponsor s = { .profile_id = f->profile, .name = "Dana", .homework = over };
	assert_too_long(tw_store_sponsor_add(f->st, &s, &err), &err);
	s.homework = "";
	assert_true(tw_store_sponsor_add(f->st, &s, &err));
	struct tw_meeting m = { .profile_id = f->profile, .sponsor_id = s.id, .when = 1800000000,
				.agenda = over };
	assert_too_long(tw_store_meeting_add(f->st, &m, &err), &err);
	m.agenda = "";
	assert_true(tw_store_meeting_add(f->st, &m, &err));
	assert_too_long(tw_store_meeting_mark_held(f->st, m.id, over, "", &err), &err);
	assert_too_long(tw_store_profile_add(f->st, "Bo", over, "", NULL, &err), &err);
	int64_t cs;
	assert_true(tw_store_coaching_start(f->st, f->profile, "Coach", &cs, &err));
	assert_too_long(tw_store_coaching_notes(f->st, cs, over, &err), &err);
	assert_true(tw_store_check(f->st, &err));
	free(over);
	free(at);
}

static void test_invisible_text_is_empty(void **state)
{
	struct fixture *f = *state;
	struct tw_error err;
	static const char *const blank[] = {
		"\xe2\x80\x8b",                         /* zero-width space */
		"\xe2\x80\x8e\xe2\x80\x8f",             /* LRM, RLM */
		"\xef\xbb\xbf",                         /* BOM */
		" \xe2\x80\x8c\xe2\x80\x8d\n\t",        /* ZWNJ, ZWJ, spaces */
		"\xe2\x81\xa0\xe2\x81\xa6\xe2\x81\xa9", /* word joiner, LRI, PDI */
		"\xc2\xa0\xe3\x80\x80",                 /* no-break and ideographic space */
		"\xc2\xad\xef\xb8\x8f",                 /* soft hyphen, VS16 */
	};
	for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		assert_false(tw_text_nonblank(blank[i]));
		assert_false(tw_store_reflection_save(f->st, f->profile, "g/s/i", blank[i], TW_PRIVACY_KEEP,
						      NULL, &err));
		assert_int_equal(err.code, TW_ERR_INVALID);
		assert_non_null(strstr(err.message, "must not be empty"));
		struct tw_action a = { .profile_id = f->profile, .text = (char *)blank[i] };
		assert_false(tw_store_action_add(f->st, &a, &err));
		struct tw_sponsor s = { .profile_id = f->profile, .name = (char *)blank[i] };
		assert_false(tw_store_sponsor_add(f->st, &s, &err));
		assert_false(tw_store_profile_add(f->st, blank[i], "", "", NULL, &err));
	}
	/* one visible character among them is text */
	assert_true(tw_text_nonblank("\xe2\x80\x8bx\xe2\x80\x8b"));
	assert_true(tw_text_nonblank("\xf0\x9f\x91\x8d")); /* thumbs up */
	assert_true(tw_text_nonblank("\xe2\x80\x94"));     /* em dash */
	assert_true(tw_store_reflection_save(f->st, f->profile, "g/s/i", "\xe2\x80\x8bok", TW_PRIVACY_KEEP,
					     NULL, &err));
}

static void test_fresh_store_has_no_notice(void **state)
{
	struct fixture *f = *state;
	assert_null(tw_store_notice(f->st));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_over_one_mib_refused, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_invisible_text_is_empty, store_setup,
						store_teardown),
		cmocka_unit_test_setup_teardown(test_fresh_store_has_no_notice, store_setup,
						store_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
