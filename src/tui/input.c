/* The input layer: reads one whole key from the terminal, whatever it
 * sends. Escape sequences curses does not know (End as ESC [ 4 ~ under
 * xterm, ctrl'd arrows, mouse reports on the linux console, answers to
 * queries) are read to their last byte with a short timeout and either
 * decoded or swallowed: never Esc plus letters. Also bracketed paste. */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define FOLLOW_MS 40        /* the next byte of a sequence arrives within this */
#define PASTE_MS 1000       /* a paste with no end marker ends after this pause */
#define PASTE_MAX 65536     /* characters kept of one paste */
#define SEQ_MAX 64          /* bytes of one sequence kept for decoding */

/* A key read but not yet returned (a sequence cut short by it). */
static struct {
	bool have, code;
	wint_t k;
	int r;
} pending;

static wchar_t *paste_buf;
static size_t paste_len;
static bool paste_cut;

/* curses codes of terminfo's extended keys (kLFT5 ...), which ncurses
 * numbers at run time, and what they mean here. */
struct ext_key {
	int code;
	wint_t key;
};
static struct ext_key ext_keys[96];
static size_t n_ext;

static int next(wint_t *k, bool *code, int ms)
{
	if (pending.have) {
		pending.have = false;
		*k = pending.k;
		*code = pending.code;
		return pending.r;
	}
	timeout(ms);
	int r = get_wch(k);
	*code = r == KEY_CODE_YES;
	return r;
}

static void push_back(int r, wint_t k, bool code)
{
	pending.have = true;
	pending.r = r;
	pending.k = k;
	pending.code = code;
}

/* Modifier parameter of xterm-style sequences: 2 shift, 3 alt, 5 ctrl, ... */
static bool plain_mod(int mod)
{
	return mod <= 2; /* none or shift: shift selects nothing here */
}

static wint_t arrow(char final, int mod)
{
	bool p = plain_mod(mod);
	switch (final) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return p ? KEY_RIGHT : TUI_KEY_C_RIGHT;
	case 'D': return p ? KEY_LEFT : TUI_KEY_C_LEFT;
	case 'H': return p ? KEY_HOME : TUI_KEY_C_HOME;
	case 'F': return p ? KEY_END : TUI_KEY_C_END;
	case 'P': return mod <= 1 ? KEY_F(1) : TUI_KEY_IGNORED;
	case 'Q': return mod <= 1 ? KEY_F(2) : TUI_KEY_IGNORED;
	case 'R': return mod <= 1 ? KEY_F(3) : TUI_KEY_IGNORED;
	case 'S': return mod <= 1 ? KEY_F(4) : TUI_KEY_IGNORED;
	case 'Z': return KEY_BTAB;
	case 'M': return mod <= 1 ? KEY_ENTER : TUI_KEY_IGNORED; /* keypad Enter (SS3 M) */
	default: return TUI_KEY_IGNORED;
	}
}

static wint_t tilde(int n, int mod)
{
	bool p = plain_mod(mod);
	static const int fkeys[][2] = { { 11, 1 }, { 12, 2 }, { 13, 3 }, { 14, 4 }, { 15, 5 },
					{ 17, 6 }, { 18, 7 }, { 19, 8 }, { 20, 9 }, { 21, 10 },
					{ 23, 11 }, { 24, 12 } };
	switch (n) {
	case 1: case 7: return p ? KEY_HOME : TUI_KEY_C_HOME;
	case 4: case 8: return p ? KEY_END : TUI_KEY_C_END;
	case 2: return KEY_IC;
	case 3: return p ? KEY_DC : TUI_KEY_C_DC;
	case 5: return KEY_PPAGE;
	case 6: return KEY_NPAGE;
	case 200: return TUI_KEY_PASTE_START;
	case 201: return TUI_KEY_PASTE_END;
	default: break;
	}
	for (size_t i = 0; i < sizeof(fkeys) / sizeof(fkeys[0]); i++)
		if (fkeys[i][0] == n)
			return mod <= 1 ? (wint_t)KEY_F(fkeys[i][1]) : TUI_KEY_IGNORED;
	return TUI_KEY_IGNORED;
}

/* After ESC [ (CSI) or ESC O (SS3): reads parameters, intermediates and
 * the final byte, then decodes. A byte that cannot belong to a sequence
 * ends it (kept for the next read) and the sequence is ignored. */
static wint_t read_sequence(bool ss3)
{
	char seq[SEQ_MAX];
	size_t n = 0;
	wint_t c;
	bool code;
	int r;
	for (;;) {
		r = next(&c, &code, FOLLOW_MS);
		if (r == ERR)
			return TUI_KEY_IGNORED; /* cut short: drop what came */
		if (code || c < 0x20 || c > 0x7E) {
			push_back(r, c, code);
			return TUI_KEY_IGNORED;
		}
		if (!ss3 && n == 0 && c == '[') {
			/* linux console F1-F5: ESC [ [ A..E */
			r = next(&c, &code, FOLLOW_MS);
			if (r != ERR && !code && c >= 'A' && c <= 'E')
				return (wint_t)KEY_F(1 + (int)(c - 'A'));
			if (r != ERR && (code || c < 0x20 || c > 0x7E))
				push_back(r, c, code);
			return TUI_KEY_IGNORED;
		}
		if (c >= 0x40 && c <= 0x7E)
			break; /* the final byte */
		if (n + 1 < sizeof(seq))
			seq[n++] = (char)c;
	}
	seq[n] = '\0';
	char final = (char)c;
	if (!ss3 && n == 0 && final == 'M') {
		/* an X10 mouse report: three more bytes */
		for (int i = 0; i < 3; i++)
			if (next(&c, &code, FOLLOW_MS) == ERR)
				break;
		return TUI_KEY_IGNORED;
	}
	if (n && strchr("<=>?", seq[0]))
		return TUI_KEY_IGNORED; /* private: SGR mouse, query answers */
	int a = 0, b = 0, *p = &a;
	for (size_t i = 0; i < n; i++) {
		if (seq[i] >= '0' && seq[i] <= '9') {
			if (*p < 100000)
				*p = *p * 10 + (seq[i] - '0');
		} else if (seq[i] == ';' && p == &a) {
			p = &b;
		} else {
			return TUI_KEY_IGNORED; /* sub-parameters, intermediates */
		}
	}
	if (ss3)
		return arrow(final, a ? a : 1); /* ESC O 5 D: rxvt-style ctrl-left */
	if (final == '~')
		return tilde(a, b);
	if (a > 1 && !b)
		return TUI_KEY_IGNORED; /* ESC [ 2 A is a cursor movement, not a key */
	return arrow(final, b);
}

/* After ESC: a lone Esc, Alt+key, or a sequence. */
static wint_t read_escape(bool *code_out)
{
	wint_t c;
	bool code;
	int r = next(&c, &code, FOLLOW_MS);
	*code_out = true;
	if (r == ERR) {
		*code_out = false;
		return TUI_ESC;
	}
	if (code && (c == KEY_RESIZE || c == KEY_MOUSE)) {
		/* the terminal changed size (or a mouse report came) just after
		 * Esc: neither was typed with it, so the Esc stands */
		push_back(r, c, code);
		*code_out = false;
		return TUI_ESC;
	}
	if (code) {
		/* curses decoded what followed: Alt + that key; take the key */
		push_back(r, c, code);
		return TUI_KEY_IGNORED;
	}
	if (c == '[')
		return read_sequence(false);
	if (c == 'O')
		return read_sequence(true);
	if (c == 27) {
		/* ESC ESC ...: Alt + a sequence, or Esc pressed twice */
		bool inner;
		wint_t k = read_escape(&inner);
		if (!inner) { /* two Escs: this one now, the other next */
			push_back(OK, TUI_ESC, false);
			*code_out = false;
			return TUI_ESC;
		}
		return k;
	}
	if (c >= 0x20 && c < 0x7F)
		return TUI_KEY_ALT(c);
	return TUI_KEY_IGNORED; /* Alt + a control or non-ASCII character */
}

/* curses' own codes for shifted keys and the vt220 keypad mean the plain key. */
static wint_t plain_code(wint_t k)
{
	switch (k) {
	case KEY_SLEFT: return KEY_LEFT;
	case KEY_SRIGHT: return KEY_RIGHT;
	case KEY_SR: return KEY_UP;
	case KEY_SF: return KEY_DOWN;
	case KEY_SHOME: case KEY_A1: case KEY_FIND: return KEY_HOME;
	case KEY_SEND: case KEY_C1: case KEY_SELECT: return KEY_END;
	case KEY_SDC: return KEY_DC;
	case KEY_SPREVIOUS: case KEY_A3: return KEY_PPAGE;
	case KEY_SNEXT: case KEY_C3: return KEY_NPAGE;
	default: break;
	}
	for (size_t i = 0; i < n_ext; i++)
		if (ext_keys[i].code == (int)k)
			return ext_keys[i].key;
	return k;
}

static void paste_add(wchar_t c)
{
	if (paste_len >= PASTE_MAX) {
		paste_cut = true;
		return;
	}
	if (!paste_buf && !(paste_buf = malloc((PASTE_MAX + 1) * sizeof(*paste_buf))))
		return;
	paste_buf[paste_len++] = c;
	paste_buf[paste_len] = 0;
}

/* Reads a bracketed paste up to its end marker: every byte is text,
 * sequences inside it are dropped, CR and CR LF become LF. */
static void read_paste(void)
{
	paste_len = 0;
	paste_cut = false;
	bool cr = false;
	for (;;) {
		wint_t c;
		bool code;
		int r = next(&c, &code, PASTE_MS);
		if (r == ERR)
			break;
		if (!code && c == 27) {
			bool sc;
			wint_t k = read_escape(&sc);
			if (sc && k == TUI_KEY_PASTE_END)
				break;
			continue;
		}
		if (code) {
			if (c == KEY_ENTER)
				paste_add(L'\n');
			continue;
		}
		if (c == L'\r') {
			paste_add(L'\n');
			cr = true;
			continue;
		}
		if (c == L'\n' && cr) {
			cr = false;
			continue;
		}
		cr = false;
		paste_add((wchar_t)c);
	}
}

const wchar_t *tui_input_paste(size_t *len, bool *cut)
{
	if (len)
		*len = paste_len;
	if (cut)
		*cut = paste_cut;
	return paste_buf ? paste_buf : L"";
}

int tui_input_read(wint_t *k, bool *code, int wait_ms)
{
	int r = next(k, code, wait_ms);
	if (r == ERR)
		return ERR;
	if (*code) {
		*k = plain_code(*k);
	} else if (*k == TUI_ESC) {
		*k = read_escape(code);
		if (*code && *k == TUI_KEY_PASTE_END)
			*k = TUI_KEY_IGNORED; /* an end without a start */
	}
	if (*code && *k == TUI_KEY_PASTE_START) {
		read_paste();
		*k = TUI_KEY_PASTE;
	}
	return OK;
}

/* Maps terminfo's extended key names with modifiers 2-8 to keys here. */
static void map_extended(void)
{
	static const struct {
		const char *name;
		wint_t plain, ctrl;
	} names[] = {
		{ "kLFT", KEY_LEFT, TUI_KEY_C_LEFT }, { "kRIT", KEY_RIGHT, TUI_KEY_C_RIGHT },
		{ "kUP", KEY_UP, KEY_UP },            { "kDN", KEY_DOWN, KEY_DOWN },
		{ "kHOM", KEY_HOME, TUI_KEY_C_HOME }, { "kEND", KEY_END, TUI_KEY_C_END },
		{ "kDC", KEY_DC, TUI_KEY_C_DC },      { "kPRV", KEY_PPAGE, KEY_PPAGE },
		{ "kNXT", KEY_NPAGE, KEY_NPAGE },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		for (int mod = 2; mod <= 8; mod++) {
			char cap[16];
			if (mod == 2)
				snprintf(cap, sizeof(cap), "%s", names[i].name);
			else
				snprintf(cap, sizeof(cap), "%s%d", names[i].name, mod);
			const char *s = tigetstr(cap);
			if (!s || s == (char *)-1)
				continue;
			int code = key_defined(s);
			if (code <= 0 || n_ext >= sizeof(ext_keys) / sizeof(ext_keys[0]))
				continue;
			ext_keys[n_ext].code = code;
			ext_keys[n_ext].key = mod == 2 ? names[i].plain : names[i].ctrl;
			n_ext++;
		}
	}
}

static void terminal_write(const char *cap, const char *fallback)
{
	const char *s = tigetstr(cap);
	if (!s || s == (char *)-1)
		s = fallback;
	putp(s);
	fflush(stdout);
}

void tui_input_init(void)
{
	n_ext = 0;
	map_extended();
	tui_input_resume();
}

void tui_input_suspend(void)
{
	terminal_write("BD", "\033[?2004l");
}

void tui_input_resume(void)
{
	terminal_write("BE", "\033[?2004h");
}

void tui_input_finish(void)
{
	tui_input_suspend();
	free(paste_buf);
	paste_buf = NULL;
	paste_len = 0;
}
