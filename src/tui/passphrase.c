/* The passphrase prompt of a locked profile: asked once, when a sealed
 * private reflection is opened. Nothing typed is echoed (one dot a
 * character); the right passphrase opens the profile's key for the session
 * and then the reflection, Esc goes back with the text still sealed. */
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "twoway/seal.h"
#include "twoway/util.h"

#define PASS_MAX 1024

struct passphrase {
	struct tui_screen base;
	struct tui_args args; /* the reflection to open afterwards */
	char *item_id;        /* owned copy of args.item_id */
	char buf[PASS_MAX];   /* UTF-8; wiped on every exit */
	size_t len;
	size_t chars;
	int tries;
};

static void wipe(struct passphrase *p)
{
	explicit_bzero(p->buf, sizeof p->buf);
	p->len = 0;
	p->chars = 0;
}

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct passphrase *p = (struct passphrase *)s;
	int w = r.w - 4, y = r.y + 1;
	tui_textf(y++, r.x + 2, w, tui_attr(app, TUI_HEADING), "Profile '%s' is locked",
		  app->profile.name);
	y++;
	y += tui_text_block((struct tui_rect){ y, r.x + 2, 3, w },
			    "This reflection is private and sealed. Type the profile's passphrase "
			    "to read it; it is asked once while the app stays open.",
			    A_NORMAL);
	y++;
	tui_text(y, r.x + 2, w, "Passphrase:", A_NORMAL);
	int fx = r.x + 14, fw = r.w - 16;
	if (fw < 4)
		fw = 4;
	tui_fill(y, fx, fw, tui_attr(app, TUI_SELECTED));
	size_t shown = p->chars < (size_t)fw - 1 ? p->chars : (size_t)fw - 1;
	for (size_t i = 0; i < shown; i++)
		tui_text(y, fx + (int)i, 1, "*", tui_attr(app, TUI_SELECTED));
	tui_cursor(app, y, fx + (int)shown);
	if (p->tries)
		tui_textf(y + 2, r.x + 2, w, tui_attr(app, TUI_WARN),
			  "Wrong passphrase (%d %s). Try again, or Esc to go back.", p->tries,
			  p->tries == 1 ? "try" : "tries");
	tui_text(y + 4, r.x + 2, w, "Esc goes back; the text stays sealed.",
		 tui_attr(app, TUI_DIM));
}

/* Appends the character k as UTF-8. */
static void put_char(struct passphrase *p, wint_t k)
{
	char u[8];
	size_t n;
	unsigned c = (unsigned)k;
	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	if (p->len + n + 1 >= sizeof p->buf)
		return;
	memcpy(p->buf + p->len, u, n);
	p->len += n;
	p->buf[p->len] = '\0';
	p->chars++;
	explicit_bzero(u, sizeof u);
}

static void back_char(struct passphrase *p)
{
	if (!p->len)
		return;
	do
		p->len--;
	while (p->len && ((unsigned char)p->buf[p->len] & 0xC0) == 0x80);
	explicit_bzero(p->buf + p->len, sizeof p->buf - p->len);
	p->chars--;
}

static void submit(struct tui_app *app, struct passphrase *p)
{
	struct tw_error err = { 0 };
	bool ok = tw_store_profile_key_open(app->store, app->profile.id, p->buf, &err);
	wipe(p);
	if (!ok) {
		if (err.code == TW_ERR_PASSPHRASE)
			p->tries++;
		else
			tui_error(app, "%s", err.message);
		return;
	}
	/* Replace this prompt with the reflection it stood for. */
	struct tui_args args = p->args;
	char *item = p->item_id;
	p->item_id = NULL;
	args.item_id = item;
	tui_pop(app, false);
	tui_msg(app, "passphrase accepted: private text opens until the app closes");
	tui_open(app, TUI_SCREEN_REFLECTION, &args);
	free(item);
}

enum { A_OPEN = 1, A_ERASE, A_CLEAR, A_BACK };

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct passphrase *p = (struct passphrase *)s;
	switch (action) {
	case A_OPEN:
		if (p->len)
			submit(app, p);
		return true;
	case A_ERASE:
		back_char(p);
		return true;
	case A_CLEAR:
		wipe(p);
		return true;
	case A_BACK:
		wipe(p);
		tui_pop(app, false);
		tui_msg(app, "the reflection stays sealed");
		return true;
	}
	return false;
}

/* Typing: every printable character is the passphrase's (q, ? and / too). */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	struct passphrase *p = (struct passphrase *)s;
	if (code && k == KEY_F(1))
		return false; /* the help */
	if (!code && k >= 0x20 && k != 0x7F && !(k >= 0x80 && k < 0xA0) && k <= 0x10FFFF) {
		put_char(p, k);
		return true;
	}
	return true; /* other keys do nothing here */
}

static bool on_leave(struct tui_app *app, struct tui_screen *s, bool forced)
{
	wipe((struct passphrase *)s);
	return true;
}

static void destroy(struct tui_screen *s)
{
	struct passphrase *p = (struct passphrase *)s;
	wipe(p);
	free(p->item_id);
	free(p);
}

static const struct tui_binding bindings[] = {
	{ A_OPEN, { TUI_K('\n') }, "open the profile's key with the passphrase", "open", NULL,
	  TUI_VERB_NONE },
	{ A_ERASE, { TUI_KC(KEY_BACKSPACE), TUI_K(0x7F), TUI_K(TUI_CTRL('h')) },
	  "delete the last character", NULL, NULL, TUI_VERB_NONE },
	{ A_CLEAR, { TUI_K(TUI_CTRL('u')) }, "clear what was typed", NULL, NULL, TUI_VERB_NONE },
	{ A_BACK, { TUI_K(TUI_ESC) }, "back; the text stays sealed", "back", NULL, TUI_VERB_BACK },
	{ 0 },
};
const struct tui_keymap passphrase_keys = { "passphrase", bindings, NULL };

static const struct tui_screen_ops ops = {
	.name = "passphrase",
	.draw = draw,
	.keys = &passphrase_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
	.on_leave = on_leave,
};

struct tui_screen *passphrase_open(struct tui_app *app, const struct tui_args *args)
{
	struct passphrase *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &ops;
	p->args = *args;
	if (args->item_id && !(p->item_id = strdup(args->item_id))) {
		free(p);
		return NULL;
	}
	p->args.item_id = NULL;
	tui_screen_set_title(&p->base, "Passphrase");
	return &p->base;
}

bool tui_needs_passphrase(struct tui_app *app, const struct tw_reflection *r)
{
	enum tw_lock_state state;
	struct tw_error err = { 0 };
	return r->locked && tw_store_profile_lock_state(app->store, r->profile_id, &state, &err) &&
	       state == TW_LOCK_SEALED;
}
