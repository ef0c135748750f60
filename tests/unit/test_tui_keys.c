/* The app's key tables (src/tui/keymap.h): for every screen's table and
 * the keys that work everywhere, each key named in the help and each key
 * in the footer is found by dispatch on the binding that says so; keys are
 * never bound twice where both would apply; the same verb has the same key
 * on every screen; a key in no table is found nowhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "app.h"
#include "keymap.h"

/* The key a name in a label stands for; ranges ("1-5") give their ends. */
static int parse_label_key(const char *name, wint_t *k, bool *code, wint_t *hi)
{
	*hi = 0;
	if (tui_key_parse(name, k, code))
		return 1;
	const char *dash = strrchr(name, '-');
	if (!dash || dash == name)
		return 0;
	char lo[32];
	snprintf(lo, sizeof lo, "%.*s", (int)(dash - name), name);
	bool c2;
	if (!tui_key_parse(lo, k, code) || !tui_key_parse(dash + 1, hi, &c2) || c2 != *code)
		return 0;
	return 2;
}

/* Every name in b's help label leads dispatch back to b. */
static void check_help(const struct tui_keymap *m, const struct tui_binding *b)
{
	char label[256];
	tui_binding_label(b, label, sizeof label);
	assert_true(label[0]);
	assert_non_null(b->what);
	assert_true(b->what[0]);
	char *save = NULL;
	size_t names = 0;
	for (char *name = strtok_r(label, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		while (*name == ' ')
			name++;
		wint_t k, hi;
		bool code;
		int kind = parse_label_key(name, &k, &code, &hi);
		if (!kind)
			fail_msg("%s: help names key '%s', which no key is called", m->screen, name);
		for (wint_t x = k; x <= (kind == 2 ? hi : k); x++) {
			const struct tui_binding *got = tui_keymap_find(m, NULL, x, code);
			if (got != b && !(got && got->when && b->when))
				fail_msg("%s: help says '%s' does \"%s\", dispatch runs \"%s\"", m->screen,
					 name, b->what, got ? got->what : "nothing");
		}
		names++;
	}
	assert_true(names > 0);
}

static bool holds_key(const struct tui_binding *b, wint_t k, bool code);

/* Each "KEY word" of the footer leads dispatch to a binding with that
 * footer word; every binding with a word is in the footer. */
static void check_footer(const struct tui_keymap *m)
{
	char foot[512];
	tui_keymap_footer(m, NULL, foot, sizeof foot);
	size_t pairs = 0, want = 0;
	for (const struct tui_binding *b = m->b; b->action; b++)
		want += b->foot != NULL;
	for (char *p = foot; *p;) {
		char *end = strstr(p, "  ");
		if (end)
			*end = '\0';
		char *sp = strchr(p, ' ');
		assert_non_null(sp);
		*sp = '\0';
		wint_t k, hi;
		bool code;
		if (!parse_label_key(p, &k, &code, &hi))
			fail_msg("%s: the footer names key '%s', which no key is called", m->screen, p);
		/* the binding the pair comes from; dispatch finds it, or (both
		 * applying only at times) another one of the key */
		const struct tui_binding *from = NULL;
		for (const struct tui_binding *b = m->b; b->action && !from; b++)
			if (b->foot && !strcmp(b->foot, sp + 1) && holds_key(b, k, code))
				from = b;
		const struct tui_binding *got = tui_keymap_find(m, NULL, k, code);
		if (!from || !got || (got != from && !(got->when && from->when)))
			fail_msg("%s: the footer says '%s %s', dispatch runs \"%s\"", m->screen, p, sp + 1,
				 got ? got->what : "nothing");
		pairs++;
		p = end ? end + 2 : p + strlen(p);
	}
	assert_int_equal(pairs, want);
}

static bool same_spec(struct tui_keyspec a, wint_t k, bool code)
{
	return a.code == code && k >= a.lo && k <= (a.hi ? a.hi : a.lo);
}

/* No key is bound twice where both bindings would apply: a binding that
 * always applies takes a key no earlier binding holds. */
static void check_no_shadow(const struct tui_keymap *m)
{
	for (const struct tui_binding *b = m->b; b->action; b++)
		for (size_t i = 0; i < TUI_BINDING_KEYS && b->keys[i].lo; i++) {
			struct tui_keyspec s = b->keys[i];
			for (wint_t k = s.lo; k <= (s.hi ? s.hi : s.lo); k++)
				for (const struct tui_binding *e = m->b; e < b; e++)
					for (size_t j = 0; j < TUI_BINDING_KEYS && e->keys[j].lo; j++)
						if (same_spec(e->keys[j], k, s.code) && !e->when &&
						    e->action != b->action)
							fail_msg("%s: \"%s\" can never run: \"%s\" takes "
								 "its key first", m->screen, b->what,
								 e->what);
		}
}

static bool holds_key(const struct tui_binding *b, wint_t k, bool code)
{
	for (size_t i = 0; i < TUI_BINDING_KEYS && b->keys[i].lo; i++)
		if (same_spec(b->keys[i], k, code))
			return true;
	return false;
}

/* The verbs' keys, the same on every screen: the verb's binding holds its
 * key; and the keys that change or send data (d, u, x) mean that verb
 * wherever they are bound, so x never deletes on one screen and exports on
 * the next (a and e may also open a screen, as on Home; Delete deletes a
 * character in an editor). */
static const struct {
	enum tui_verb verb;
	wint_t k;
	bool code, only;
} verb_keys[] = {
	{ TUI_VERB_ADD, L'a', false, false },    { TUI_VERB_EDIT, L'e', false, false },
	{ TUI_VERB_DELETE, L'd', false, true },  { TUI_VERB_DELETE, KEY_DC, true, false },
	{ TUI_VERB_UNDO, L'u', false, true },    { TUI_VERB_EXPORT, L'x', false, true },
	{ TUI_VERB_SEARCH, L'/', false, true },
};

static void check_verbs(const struct tui_keymap *m)
{
	for (const struct tui_binding *b = m->b; b->action; b++)
		for (size_t v = 0; v < sizeof verb_keys / sizeof verb_keys[0]; v++) {
			if (b->verb == verb_keys[v].verb && !holds_key(b, verb_keys[v].k, verb_keys[v].code))
				fail_msg("%s: \"%s\" is a verb whose key is '%lc' on every screen",
					 m->screen, b->what, (wint_t)verb_keys[v].k);
			if (verb_keys[v].only && b->verb != verb_keys[v].verb &&
			    holds_key(b, verb_keys[v].k, verb_keys[v].code))
				fail_msg("%s: \"%s\" takes the key that means another verb everywhere "
					 "else", m->screen, b->what);
		}
}

static void check_map(const struct tui_keymap *m)
{
	assert_non_null(m->screen);
	assert_true(tui_keymap_count(m) > 0);
	for (const struct tui_binding *b = m->b; b->action; b++)
		check_help(m, b);
	check_footer(m);
	check_no_shadow(m);
	check_verbs(m);
	/* a key in no binding: dispatch finds nothing (the app then says
	 * "'%c' is not a key here") */
	for (wint_t k = L'!'; k < 0x7f; k++) {
		bool bound = false;
		for (const struct tui_binding *b = m->b; b->action && !bound; b++)
			bound = holds_key(b, k, false);
		if (!bound)
			assert_null(tui_keymap_find(m, NULL, k, false));
	}
}

static void test_every_table(void **state)
{
	(void)state;
	size_t n;
	const struct tui_keymap *const *maps = tui_keymaps(&n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		check_map(maps[i]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(maps[i]->screen, maps[j]->screen);
	}
	check_map(tui_keymap_global());
}

/* The names: one key each way, ranges, Enter's forms. */
static void test_names(void **state)
{
	(void)state;
	char buf[64];
	struct tui_keyspec ks[] = {
		TUI_K('a'), TUI_K('\n'), TUI_K(' '), TUI_K(TUI_CTRL('s')), TUI_K(TUI_ESC),
		TUI_KC(KEY_DC), TUI_KC(KEY_NPAGE), TUI_KC(KEY_F(2)), TUI_KC(TUI_KEY_ALT('b')),
		TUI_K(0xe9), TUI_K(TUI_CTRL('_')), TUI_KC(TUI_KEY_C_LEFT),
	};
	const char *want[] = { "a",  "enter",  "space", "Ctrl-S", "Esc",   "Delete",
			       "PgDn", "F2", "Alt-b", "\xc3\xa9", "Ctrl-_", "Ctrl-Left" };
	for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
		assert_string_equal(tui_key_name(ks[i], buf, sizeof buf), want[i]);
		wint_t k;
		bool code;
		assert_true(tui_key_parse(want[i], &k, &code));
		assert_int_equal(k, ks[i].lo);
		assert_int_equal(code, ks[i].code);
	}
	struct tui_keyspec r = TUI_KR('1', '5');
	assert_string_equal(tui_key_name(r, buf, sizeof buf), "1-5");
	wint_t k;
	bool code;
	assert_true(tui_key_parse("^S", &k, &code));
	assert_int_equal(k, TUI_CTRL('s'));
	assert_false(code);
	assert_false(tui_key_parse("Hyper-Q", &k, &code));
	assert_false(tui_key_parse("", &k, &code));

	/* Enter's forms and Backspace's all find the binding written '\n' */
	static const struct tui_binding b[] = {
		{ 1, { TUI_K('\n') }, "open", "open", NULL, TUI_VERB_NONE },
		{ 2, { TUI_KC(KEY_BACKSPACE) }, "back a char", NULL, NULL, TUI_VERB_NONE },
		{ 3, { TUI_K(TUI_CTRL('s')) }, "save", "save", NULL, TUI_VERB_NONE },
		{ 0 },
	};
	struct tui_keymap m = { "test", b, NULL };
	assert_ptr_equal(tui_keymap_find(&m, NULL, L'\r', false), &b[0]);
	assert_ptr_equal(tui_keymap_find(&m, NULL, KEY_ENTER, true), &b[0]);
	assert_ptr_equal(tui_keymap_find(&m, NULL, 127, false), &b[1]);
	assert_null(tui_keymap_find(&m, NULL, L'o', false));
	assert_string_equal(tui_keymap_footer(&m, NULL, buf, sizeof buf), "enter open  ^S save");
}

/* when(): a binding that does not apply now is skipped by dispatch and
 * left out of the footer; the next binding of the key runs. */
static bool never(const struct tui_screen *s)
{
	(void)s;
	return false;
}

static void test_when(void **state)
{
	(void)state;
	static const struct tui_binding b[] = {
		{ 1, { TUI_K(' ') }, "tick", "tick", never, TUI_VERB_NONE },
		{ 2, { TUI_K(' ') }, "say how", NULL, NULL, TUI_VERB_NONE },
		{ 3, { TUI_K('z') }, "zoom", "zoom", NULL, TUI_VERB_NONE },
		{ 0 },
	};
	struct tui_keymap m = { "test", b, NULL };
	struct tui_screen s = { 0 };
	assert_ptr_equal(tui_keymap_find(&m, &s, L' ', false), &b[1]);
	assert_ptr_equal(tui_keymap_find(&m, NULL, L' ', false), &b[0]);
	char buf[64];
	assert_string_equal(tui_keymap_footer(&m, &s, buf, sizeof buf), "z zoom");
	assert_string_equal(tui_keymap_footer(&m, NULL, buf, sizeof buf), "space tick  z zoom");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_every_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
