/* The key tables' machinery: finding the binding of a key, naming keys
 * for the help and the footer (and reading those names back, for tests),
 * and making a screen's footer from its table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "keymap.h"

/* Enter's three forms are one key ('\n'); Backspace's are KEY_BACKSPACE. */
static void canonical(wint_t *k, bool *code)
{
	if (tui_is_enter(*k, *code)) {
		*k = L'\n';
		*code = false;
	} else if (tui_is_backspace(*k, *code)) {
		*k = KEY_BACKSPACE;
		*code = true;
	}
}

static bool spec_holds(struct tui_keyspec s, wint_t k, bool code)
{
	return s.code == code && k >= s.lo && k <= (s.hi ? s.hi : s.lo);
}

const struct tui_binding *tui_keymap_find(const struct tui_keymap *m, const struct tui_screen *s,
					  wint_t k, bool code)
{
	if (!m)
		return NULL;
	canonical(&k, &code);
	for (const struct tui_binding *b = m->b; b->action; b++) {
		bool hit = false;
		for (size_t i = 0; i < TUI_BINDING_KEYS && b->keys[i].lo && !hit; i++)
			hit = spec_holds(b->keys[i], k, code);
		if (hit && (!s || !b->when || b->when(s)))
			return b;
	}
	return NULL;
}

static const struct {
	wint_t k;
	const char *name;
} code_names[] = {
	{ KEY_UP, "Up" },          { KEY_DOWN, "Down" },           { KEY_LEFT, "Left" },
	{ KEY_RIGHT, "Right" },    { KEY_HOME, "Home" },           { KEY_END, "End" },
	{ KEY_PPAGE, "PgUp" },     { KEY_NPAGE, "PgDn" },          { KEY_DC, "Delete" },
	{ KEY_IC, "Insert" },      { KEY_BTAB, "Shift-Tab" },      { KEY_BACKSPACE, "Backspace" },
	{ TUI_KEY_C_LEFT, "Ctrl-Left" }, { TUI_KEY_C_RIGHT, "Ctrl-Right" },
	{ TUI_KEY_C_HOME, "Ctrl-Home" }, { TUI_KEY_C_END, "Ctrl-End" },
	{ TUI_KEY_C_DC, "Ctrl-Delete" },
};

static const struct {
	wint_t k;
	const char *name;
} char_names[] = {
	{ L'\n', "enter" }, { L' ', "space" }, { L'\t', "Tab" }, { 27, "Esc" },
};

static char *single(wint_t k, bool code, char *buf, size_t len)
{
	if (code) {
		for (size_t i = 0; i < sizeof code_names / sizeof code_names[0]; i++)
			if (code_names[i].k == k) {
				snprintf(buf, len, "%s", code_names[i].name);
				return buf;
			}
		if (k >= (wint_t)KEY_F(1) && k <= (wint_t)KEY_F(24))
			snprintf(buf, len, "F%d", (int)(k - KEY_F(0)));
		else if (k >= TUI_KEY_ALT0 && k < TUI_KEY_ALT0 + 0x80)
			snprintf(buf, len, "Alt-%c", (char)(k - TUI_KEY_ALT0));
		else
			snprintf(buf, len, "key %u", (unsigned)k);
		return buf;
	}
	for (size_t i = 0; i < sizeof char_names / sizeof char_names[0]; i++)
		if (char_names[i].k == k) {
			snprintf(buf, len, "%s", char_names[i].name);
			return buf;
		}
	if (k < 0x20) {
		snprintf(buf, len, "Ctrl-%c", (char)(k + '@'));
		return buf;
	}
	wchar_t w[2] = { (wchar_t)k, 0 };
	char *u = tui_utf8_from_wcs(w, 1);
	snprintf(buf, len, "%s", u ? u : "?");
	free(u);
	return buf;
}

char *tui_key_name(struct tui_keyspec k, char *buf, size_t len)
{
	if (!k.hi || k.hi == k.lo)
		return single(k.lo, k.code, buf, len);
	char a[32], b[32];
	snprintf(buf, len, "%s-%s", single(k.lo, k.code, a, sizeof a),
		 single(k.hi, k.code, b, sizeof b));
	return buf;
}

bool tui_key_parse(const char *name, wint_t *k, bool *code)
{
	char buf[32];
	/* every name tui_key_name gives: try the codes, then the characters */
	for (size_t i = 0; i < sizeof code_names / sizeof code_names[0]; i++)
		if (!strcmp(name, code_names[i].name)) {
			*k = code_names[i].k;
			*code = true;
			return true;
		}
	int f;
	char extra;
	if (sscanf(name, "F%d%c", &f, &extra) == 1 && f >= 1 && f <= 24) {
		*k = (wint_t)KEY_F(f);
		*code = true;
		return true;
	}
	if (!strncmp(name, "Alt-", 4) && name[4] && !name[5]) {
		*k = TUI_KEY_ALT((unsigned char)name[4]);
		*code = true;
		return true;
	}
	for (size_t i = 0; i < sizeof char_names / sizeof char_names[0]; i++)
		if (!strcmp(name, char_names[i].name)) {
			*k = char_names[i].k;
			*code = false;
			return true;
		}
	if ((!strncmp(name, "Ctrl-", 5) && name[5] && !name[6]) ||
	    (name[0] == '^' && name[1] && !name[2])) {
		char c = name[0] == '^' ? name[1] : name[5];
		if (c >= '@' && c <= '_') {
			*k = (wint_t)(c - '@');
			*code = false;
			return true;
		}
		return false;
	}
	size_t n;
	wchar_t *w = tui_wcs_from_utf8(name, &n);
	bool ok = w && n == 1;
	if (ok) {
		*k = (wint_t)w[0];
		*code = false;
		ok = !strcmp(single(*k, false, buf, sizeof buf), name);
	}
	free(w);
	return ok;
}

char *tui_binding_label(const struct tui_binding *b, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < TUI_BINDING_KEYS && b->keys[i].lo; i++) {
		char name[64];
		tui_key_name(b->keys[i], name, sizeof name);
		int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

char *tui_keymap_footer(const struct tui_keymap *m, const struct tui_screen *s, char *buf,
			size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const struct tui_binding *b = m ? m->b : NULL; b && b->action; b++) {
		if (!b->foot || (s && b->when && !b->when(s)))
			continue;
		char name[64];
		tui_key_name(b->keys[0], name, sizeof name);
		/* the bar is narrow: Ctrl-S reads ^S there */
		const char *shown = name;
		char caret[8];
		if (!strncmp(name, "Ctrl-", 5) && name[5] && !name[6]) {
			snprintf(caret, sizeof caret, "^%c", name[5]);
			shown = caret;
		}
		int w = snprintf(buf + used, len - used, "%s%s %s", used ? "  " : "", shown, b->foot);
		if (w < 0 || (size_t)w >= len - used) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)w;
	}
	return buf;
}

size_t tui_keymap_count(const struct tui_keymap *m)
{
	size_t n = 0;
	while (m && m->b[n].action)
		n++;
	return n;
}
