/* The export dialog: a box over the screen it was opened from, with the
 * target file in a one-line field (form.h). Enter writes the export as the
 * core makes it (tw_export_file_*); an existing file is only replaced
 * after "replace it? y/n". Results go to the status line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export_dialog.h"
#include "form.h"
#include "twoway/export.h"
#include "twoway/util.h"

#define PATH_CHARS 1024
#define SLUG_BYTES 48

struct export_dialog {
	struct tui_screen base;
	enum tui_export_kind kind;
	int64_t id;          /* the meeting or coaching session */
	int64_t profile_id;  /* whose records are exported */
	struct tui_form fm;  /* one field: the file */
	char *confirm;       /* the expanded path waiting for y/n, or NULL */
};

static const char *what(enum tui_export_kind kind)
{
	switch (kind) {
	case TUI_EXPORT_BRIEF: return "your private brief (Markdown)";
	case TUI_EXPORT_AGENDA: return "the send-ahead agenda (Markdown)";
	case TUI_EXPORT_COACHING: return "the coaching summary (Markdown)";
	case TUI_EXPORT_ICS: return "all meetings (iCalendar)";
	case TUI_EXPORT_MEETINGS_CSV: return "all meetings (CSV)";
	case TUI_EXPORT_ACTIONS_CSV: return "all action items (CSV)";
	}
	return "";
}

/* ---- file names ---- */

/* ASCII for U+00C0..U+017F: the letter without its accent ('-' for the
 * multiplication and division signs); ligatures are handled by the caller. */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
			     "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
static const char latin_ext_a[] = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
				  "iiiijjkkklllllll" "lllnnnnnnnnnoooo" "oooorrrrrrssssss"
				  "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
_Static_assert(sizeof(latin1) == 64 + 1, "one letter for each of U+00C0..U+00FF");
_Static_assert(sizeof(latin_ext_a) == 128 + 1, "one letter for each of U+0100..U+017F");

void export_slug(const char *utf8, char *out, size_t size)
{
	size_t k = 0, len = utf8 ? strlen(utf8) : 0;
	bool dash = false;
	if (!size)
		return;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = tw_utf8_decode((const unsigned char *)utf8 + i, len - i, &cp);
		i += n ? n : 1;
		const char *ascii = NULL;
		char one[2] = { 0, 0 };
		if (!n)
			cp = '?';
		if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
			one[0] = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			one[0] = (char)(cp - 'A' + 'a');
		else if (cp == 0xC6 || cp == 0xE6)
			ascii = "ae";
		else if (cp == 0xDE || cp == 0xFE)
			ascii = "th";
		else if (cp == 0xDF)
			ascii = "ss";
		else if (cp == 0x152 || cp == 0x153)
			ascii = "oe";
		else if (cp >= 0xC0 && cp <= 0xFF)
			one[0] = latin1[cp - 0xC0];
		else if (cp >= 0x100 && cp <= 0x17F)
			one[0] = latin_ext_a[cp - 0x100];
		if (one[0] && one[0] != '-')
			ascii = one;
		if (!ascii) {
			dash = k > 0;
			continue;
		}
		size_t m = strlen(ascii);
		if (k + (dash ? 1 : 0) + m >= size)
			break;
		if (dash)
			out[k++] = '-';
		dash = false;
		memcpy(out + k, ascii, m);
		k += m;
	}
	out[k] = '\0';
}

char *export_expand_path(const char *path)
{
	if (path[0] != '~' || (path[1] && path[1] != '/'))
		return strdup(path);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	size_t hl = strlen(home);
	while (hl > 1 && home[hl - 1] == '/')
		hl--;
	return tw_strdup_printf("%.*s%s", (int)hl, home, path + 1);
}

/* The default file, "~/twoway-..." (or just the name without HOME); fills
 * *profile_id with whose records go in. NULL with the error shown. */
static char *default_path(struct tui_app *app, enum tui_export_kind kind, int64_t id,
			  int64_t *profile_id)
{
	char name[160], slug[SLUG_BYTES], when[32];
	struct tw_error err = { 0 };
	*profile_id = app->profile.id;
	switch (kind) {
	case TUI_EXPORT_BRIEF:
	case TUI_EXPORT_AGENDA: {
		struct tw_meeting m;
		if (!tw_store_meeting_get(app->store, id, &m, &err)) {
			tui_error(app, "%s", err.message);
			return NULL;
		}
		*profile_id = m.profile_id;
		tw_time_format(m.when, when, sizeof(when));
		export_slug(m.sponsor_name, slug, sizeof(slug));
		snprintf(name, sizeof(name), "twoway-%s-%.10s%s%s.md",
			 kind == TUI_EXPORT_AGENDA ? "agenda" : "brief", when, *slug ? "-" : "", slug);
		tw_meeting_finish(&m);
		break;
	}
	case TUI_EXPORT_COACHING: {
		struct tw_coaching c;
		struct tw_profile p;
		if (!tw_store_coaching_get(app->store, id, &c, &err)) {
			tui_error(app, "%s", err.message);
			return NULL;
		}
		*profile_id = c.profile_id;
		tw_time_format(c.started, when, sizeof(when));
		slug[0] = '\0';
		if (tw_store_profile_get(app->store, c.profile_id, &p, &err)) {
			export_slug(p.name, slug, sizeof(slug));
			tw_profile_finish(&p);
		}
		snprintf(name, sizeof(name), "twoway-coaching-%.10s%s%s.md", when, *slug ? "-" : "",
			 slug);
		tw_coaching_finish(&c);
		break;
	}
	case TUI_EXPORT_ICS: snprintf(name, sizeof(name), "twoway-meetings.ics"); break;
	case TUI_EXPORT_MEETINGS_CSV: snprintf(name, sizeof(name), "twoway-meetings.csv"); break;
	case TUI_EXPORT_ACTIONS_CSV: snprintf(name, sizeof(name), "twoway-actions.csv"); break;
	default: return NULL;
	}
	const char *home = getenv("HOME");
	return home && *home ? tw_strdup_printf("~/%s", name) : strdup(name);
}

/* ---- writing ---- */

static bool build(struct tui_app *app, struct export_dialog *d, struct tw_buf *b,
		  struct tw_error *err)
{
	char today[11];
	switch (d->kind) {
	case TUI_EXPORT_BRIEF:
		tw_today(today, sizeof(today));
		return tw_export_md_brief(app->store, app->lib, d->profile_id, d->id, today, b, err);
	case TUI_EXPORT_AGENDA: {
		/* Read through a coach view: no private text can reach it. */
		struct tw_store *coach = tw_store_open_view(tw_store_path(app->store),
							    TW_VIEW_COACH, err);
		tw_today(today, sizeof(today));
		bool ok = coach && tw_export_md_agenda(coach, app->lib, d->profile_id, d->id, today,
						       b, err);
		tw_store_close(coach);
		return ok;
	}
	case TUI_EXPORT_COACHING:
		return tw_export_md_coaching(app->store, app->lib, d->profile_id, d->id, b, err);
	case TUI_EXPORT_ICS:
		tw_today(today, sizeof(today));
		return tw_export_ics(app->store, app->lib, d->profile_id, today, b, err);
	case TUI_EXPORT_MEETINGS_CSV:
		tw_today(today, sizeof(today));
		return tw_export_csv_meetings(app->store, app->lib, d->profile_id, today, b, err);
	case TUI_EXPORT_ACTIONS_CSV:
		return tw_export_csv_actions(app->store, d->profile_id, b, err);
	}
	return tw_error_set(err, TW_ERR_INVALID, "unknown export");
}

/* Writes the export to path (taking it) as it is made, through a temporary
 * file put into place at the end (a large calendar never sits whole in
 * memory): done, the dialog closes; an existing file without force, it
 * asks; else the error shows and nothing is left behind. */
static void write_to(struct tui_app *app, struct export_dialog *d, char *path, bool force)
{
	struct tw_error err = { 0 };
	struct tw_export_file *file = tw_export_file_open(path, force, &err);
	if (!file) {
		if (err.code == TW_ERR_EXISTS && !force) {
			free(d->confirm);
			d->confirm = path;
		} else {
			tui_error(app, "not exported: %s", err.message);
			free(path);
		}
		return;
	}
	struct tw_buf b = { .sink = tw_export_file_sink, .sink_ctx = file };
	bool ok = false;
	if (build(app, d, &b, &err) && tw_buf_drain(&b) && tw_buf_ok(&b, &err))
		ok = tw_export_file_commit(file, &err);
	else /* a failed write, if that stopped it, is what err says */
		(void)tw_export_file_abort(file, &err);
	tw_buf_free(&b);
	if (ok) {
		tui_msg(app, "wrote %s", path);
		free(path);
		tui_pop(app, false);
	} else if (err.code == TW_ERR_EXISTS && !force) { /* made since the check */
		free(d->confirm);
		d->confirm = path;
	} else {
		tui_error(app, "not exported: %s", err.message);
		free(path);
	}
}

static void submit(struct tui_app *app, struct export_dialog *d)
{
	char *text = tui_form_text(&d->fm, 0);
	if (!text) {
		tui_error(app, "out of memory");
		return;
	}
	if (!tw_text_nonblank(text)) {
		tui_error(app, "name the file to write (Esc cancels)");
		free(text);
		return;
	}
	char *path = export_expand_path(text);
	free(text);
	if (!path) {
		tui_error(app, "HOME is not set: write the whole path instead of ~");
		return;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		tui_error(app, "'%s' is a directory: add a file name", path);
		free(path);
		return;
	}
	write_to(app, d, path, false);
}

/* ---- the screen ---- */

static bool meeting_export(const struct tui_screen *s);

static void draw(struct tui_app *app, struct tui_screen *s, struct tui_rect r)
{
	struct export_dialog *d = (struct export_dialog *)s;
	/* The screen it was opened from stays visible around the box. */
	if (app->depth >= 2 && app->stack[app->depth - 1] == s) {
		struct tui_screen *below = app->stack[app->depth - 2];
		below->ops->draw(app, below, r);
		app->cursor_y = -1;
	}
	char prompt[128];
	snprintf(prompt, sizeof(prompt), "Export %s to:", what(d->kind));
	int w = r.w - 4 > 76 ? 76 : r.w - 4;
	int ph = tui_text_width(prompt) > w - 4 ? 2 : 1; /* wrapped on narrow screens */
	int h = 5 + ph;
	int y0 = r.y + (r.h - h) / 2, x0 = r.x + (r.w - w) / 2;
	for (int y = 0; y < h; y++)
		tui_fill(y0 + y, x0, w, A_NORMAL);
	tui_box(y0, x0, h, w, tui_attr(app, TUI_HEADING) & ~A_UNDERLINE);
	tui_text(y0, x0 + 2, w - 4, " Export ", tui_attr(app, TUI_HEADING));
	tui_text_block((struct tui_rect){ y0 + 1, x0 + 2, ph, w - 4 }, prompt, A_BOLD);
	int y = y0 + 1 + ph;
	tui_form_draw(&d->fm, app, (struct tui_rect){ y, x0 + 1, 1, w - 2 });
	if (d->confirm) {
		app->cursor_y = -1;
		tui_text(y + 1, x0 + 2, w - 4, "The file exists: replace it? y/n",
			 tui_attr(app, TUI_WARN) | A_BOLD);
	}
	tui_text(y + 2, x0 + 2, w - 4,
		 d->confirm ? "y replaces it  n keeps it"
		 : meeting_export(s) ? "enter writes  Tab brief/agenda  Esc cancels"
				     : "enter writes  Esc cancels",
		 tui_attr(app, TUI_DIM));
}

/* The file exists: replace it or keep it. */
static bool confirming(const struct tui_screen *s)
{
	return ((const struct export_dialog *)s)->confirm != NULL;
}

static bool editing(const struct tui_screen *s)
{
	return !confirming(s);
}

enum { A_WRITE = 1, A_CANCEL, A_REPLACE, A_KEEP, A_FIELD, A_SWITCH, A_KEYS };

/* A meeting's two exports: Tab goes from one to the other. */
static bool meeting_export(const struct tui_screen *s)
{
	const struct export_dialog *d = (const struct export_dialog *)s;
	return !d->confirm && (d->kind == TUI_EXPORT_BRIEF || d->kind == TUI_EXPORT_AGENDA);
}

static void switch_kind(struct tui_app *app, struct export_dialog *d)
{
	enum tui_export_kind to = d->kind == TUI_EXPORT_BRIEF ? TUI_EXPORT_AGENDA
							     : TUI_EXPORT_BRIEF;
	int64_t pid;
	char *path = default_path(app, to, d->id, &pid);
	if (path && tui_form_set_text(&d->fm, 0, path)) {
		d->kind = to;
		tui_msg(app, to == TUI_EXPORT_AGENDA
				     ? "the send-ahead agenda: a few lines, nothing private (Tab: your brief)"
				     : "your private brief (Tab: the send-ahead agenda)");
	}
	free(path);
}

static bool act(struct tui_app *app, struct tui_screen *s, int action, wint_t k, bool code)
{
	struct export_dialog *d = (struct export_dialog *)s;
	switch (action) {
	case A_REPLACE: {
		char *path = d->confirm;
		d->confirm = NULL;
		write_to(app, d, path, true);
		return true;
	}
	case A_KEEP:
		tui_msg(app, "kept the existing file; nothing written");
		free(d->confirm);
		d->confirm = NULL;
		return true;
	case A_CANCEL:
		tui_msg(app, "export cancelled");
		tui_pop(app, false);
		return true;
	case A_WRITE:
		submit(app, d);
		return true;
	case A_SWITCH:
		switch_kind(app, d);
		return true;
	case A_FIELD:
		return tui_form_key(&d->fm, k, code) != TUI_FORM_IGNORED;
	}
	return false; /* F1: the app's help */
}

/* Typing: the file name (q, ? and / are text). While asking, nothing but
 * the answer's keys does anything. */
static bool key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	(void)app;
	struct export_dialog *d = (struct export_dialog *)s;
	if ((code && k == KEY_F(1)) || (!code && k == TUI_CTRL('c')))
		return false;
	if (d->confirm)
		return true;
	if ((!code && k == L'\t') || (code && (k == KEY_UP || k == KEY_DOWN || k == KEY_BTAB)))
		return true;
	enum tui_form_result res = tui_form_key(&d->fm, k, code);
	if (res == TUI_FORM_IGNORED)
		return !(code || k < 0x20);
	return true; /* typed text, q ? and / included */
}

static void destroy(struct tui_screen *s)
{
	struct export_dialog *d = (struct export_dialog *)s;
	tui_form_free(&d->fm);
	free(d->confirm);
	free(d);
}

static const struct tui_binding bindings[] = {
	{ A_WRITE, { TUI_K('\n'), TUI_K(TUI_CTRL('s')) }, "write the file (private: mode 0600)",
	  "write", editing, TUI_VERB_NONE },
	{ A_CANCEL, { TUI_K(TUI_ESC) }, "cancel", "cancel", editing, TUI_VERB_BACK },
	{ A_FIELD, { TUI_K(TUI_CTRL('u')) }, "clear the field", NULL, editing, TUI_VERB_NONE },
	{ A_SWITCH, { TUI_K('\t') }, "a meeting: your brief or the send-ahead agenda",
	  "brief/agenda", meeting_export, TUI_VERB_NONE },
	{ A_REPLACE, { TUI_K('y'), TUI_K('Y') }, "the file exists: replace it", "replace",
	  confirming, TUI_VERB_NONE },
	{ A_KEEP, { TUI_K('n'), TUI_K('N'), TUI_K(TUI_ESC) }, "the file exists: keep it", "keep",
	  confirming, TUI_VERB_NONE },
	{ A_KEYS, { TUI_KC(KEY_F(1)) }, "these keys", "keys", NULL, TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_help notes[] = {
	{ "typing", "edit the file name (~ is your home; q, ? and / are text)" },
	{ NULL, NULL },
};
const struct tui_keymap export_dialog_keys = { "export", bindings, notes };

static const struct tui_screen_ops ops = {
	.name = "export",
	.draw = draw,
	.keys = &export_dialog_keys,
	.act = act,
	.key = key,
	.destroy = destroy,
};

bool export_dialog_push(struct tui_app *app, enum tui_export_kind kind, int64_t id)
{
	struct export_dialog *d = calloc(1, sizeof(*d));
	if (!d) {
		tui_error(app, "out of memory");
		return false;
	}
	d->base.ops = &ops;
	d->kind = kind;
	d->id = id;
	char *path = default_path(app, kind, id, &d->profile_id);
	bool ok = path && tui_form_init(&d->fm, 1) &&
		  tui_form_line(&d->fm, 0, "", path, PATH_CHARS);
	free(path);
	if (!ok) {
		if (!app->status_error)
			tui_error(app, "could not open the export dialog");
		tui_form_free(&d->fm);
		free(d);
		return false;
	}
	struct tui_screen *top = tui_top(app);
	tui_screen_set_title(&d->base, "%.100s: export", top ? top->title : "Export");
	return tui_push(app, &d->base);
}
