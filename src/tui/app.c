/* The app: startup (content, store, profile), the curses session, the
 * screen stack and the main loop (keys, mouse, resize, ticks, signals).
 * Screens live in their own files and are reached through screens.c. */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "screens.h"
#include "tw_config.h"
#include "twoway/backup.h"
#include "twoway/util.h"

static volatile sig_atomic_t got_signal; /* SIGTERM/SIGHUP: save and leave */

static void on_signal(int sig)
{
	got_signal = sig;
}

struct tui_screen *tui_top(struct tui_app *app)
{
	return app->depth ? app->stack[app->depth - 1] : NULL;
}

void tui_screen_set_title(struct tui_screen *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->title, sizeof(s->title), fmt, ap);
	va_end(ap);
}

void tui_cursor(struct tui_app *app, int y, int x)
{
	app->cursor_y = y;
	app->cursor_x = x;
}

bool tui_push(struct tui_app *app, struct tui_screen *s)
{
	if (app->depth >= TUI_STACK_MAX) {
		s->ops->destroy(s);
		tui_error(app, "too many screens open; go back first");
		return false;
	}
	app->stack[app->depth++] = s;
	app->help_open = false;
	tui_status_age(app, true);
	if (s->ops->on_focus)
		s->ops->on_focus(app, s);
	return true;
}

bool tui_pop(struct tui_app *app, bool forced)
{
	struct tui_screen *s = tui_top(app);
	if (!s)
		return false;
	if (s->ops->on_leave && !s->ops->on_leave(app, s, forced) && !forced)
		return false;
	app->depth--;
	s->ops->destroy(s);
	app->help_open = false;
	tui_status_age(app, true);
	struct tui_screen *t = tui_top(app);
	if (!t)
		app->quit = true;
	else if (t->ops->on_focus && !forced)
		t->ops->on_focus(app, t);
	return true;
}

static void pop_all(struct tui_app *app)
{
	while (app->depth)
		tui_pop(app, true);
}

/* ---- keys ---- */

/* Ctrl-Z: the terminal as it was before the app, the process stopped
 * like any job; on fg the screen comes back whole. */
static void suspend(struct tui_app *app)
{
	tui_log(app, "suspended (Ctrl-Z)");
	def_prog_mode();
	tui_input_suspend();
	endwin();
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	kill(0, SIGTSTP); /* the whole job, as the shell expects */
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	tui_input_resume();
	app->redraw_all = true;
	tui_msg(app, "welcome back");
}

/* The keys that work on every screen (unless the screen's own table takes
 * the key first: an editor types q and ?). */
enum { G_HELP = 1, G_BACK, G_SEARCH, G_REDRAW, G_SUSPEND, G_QUIT };
static const struct tui_binding global_bindings[] = {
	{ G_HELP, { TUI_K('?'), TUI_KC(KEY_F(1)) }, "show these keys (F1 where you type text)",
	  NULL, NULL, TUI_VERB_NONE },
	{ G_BACK, { TUI_K('q'), TUI_K(TUI_ESC) },
	  "back (Esc where you type text); on Home only q quits", NULL, NULL, TUI_VERB_BACK },
	{ G_SEARCH, { TUI_K('/') }, "search", NULL, NULL, TUI_VERB_SEARCH },
	{ G_REDRAW, { TUI_K(TUI_CTRL('l')) }, "redraw the screen", NULL, NULL, TUI_VERB_NONE },
	{ G_SUSPEND, { TUI_K(TUI_CTRL('z')) }, "suspend to the shell (fg comes back)", NULL, NULL,
	  TUI_VERB_NONE },
	{ G_QUIT, { TUI_K(TUI_CTRL('c')) }, "quit (typed text is saved)", NULL, NULL,
	  TUI_VERB_NONE },
	{ 0 },
};
static const struct tui_keymap global_keys = { "everywhere", global_bindings, NULL };

const struct tui_keymap *tui_keymap_global(void)
{
	return &global_keys;
}

static void global_key(struct tui_app *app, wint_t k, bool code)
{
	if (code && k == TUI_KEY_PASTE) {
		tui_msg(app, "nothing to paste into here: the paste was ignored");
		return;
	}
	if (code && k == TUI_KEY_IGNORED) {
		tui_msg(app, "that key does nothing here");
		return;
	}
	const struct tui_binding *b = tui_keymap_find(&global_keys, NULL, k, code);
	switch (b ? b->action : 0) {
	case G_HELP:
		app->help_open = true;
		app->help_scroll = 0;
		return;
	case G_BACK:
		if (k == TUI_ESC && app->depth <= 1)
			tui_msg(app, "this is Home: q quits");
		else
			tui_pop(app, false);
		return;
	case G_SEARCH:
		tui_open(app, TUI_SCREEN_SEARCH, NULL);
		return;
	case G_REDRAW:
		app->redraw_all = true;
		return;
	case G_SUSPEND:
		suspend(app);
		return;
	case G_QUIT:
		pop_all(app);
		return;
	default:
		break;
	}
	if (!code && k >= 0x20 && k != 0x7f && !(k >= 0x80 && k < 0xa0)) {
		/* A letter that is no key here: the user is likely typing
		 * where no text goes; keys right behind it are taken as typing
		 * too (see dispatch), never as commands. */
		wchar_t w[2] = { (wchar_t)k, 0 };
		char *u = tui_utf8_from_wcs(w, 1);
		tui_msg(app, "'%s' is not a key here: nothing changed (? lists the keys)", u ? u : "?");
		free(u);
		app->typing_screen = tui_top(app);
		app->typing_until = tui_now_ms() + TUI_TYPING_MS;
	}
}

/* True when k is a printable key arriving while the user is typing on a
 * screen that takes no text: it is swallowed (and extends the window). A
 * special key (an arrow, Home, PgDn, a function key) ends the window: a
 * hand that reaches for those has stopped typing prose. */
static bool typing_guard(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	if (code && k != KEY_MOUSE && k != KEY_RESIZE) {
		app->typing_screen = NULL;
		return false;
	}
	if (code || app->typing_screen != s || k < 0x20 || k == 0x7f)
		return false;
	long now = tui_now_ms();
	if (now >= app->typing_until)
		return false;
	app->typing_until = now + TUI_TYPING_MS;
	tui_msg(app, "typing where no text goes: keys ignored until you pause");
	return true;
}

/* The screen's answer to key k: a question it is asking first, then its
 * table, then its own key() (typing, screens without a table); false when
 * none took the key. */
static bool screen_key(struct tui_app *app, struct tui_screen *s, wint_t k, bool code)
{
	bool asked = s->ops->asking && s->ops->asking(s) && s->ops->key;
	if (asked && s->ops->key(app, s, k, code))
		return true;
	const struct tui_binding *b = tui_keymap_find(s->ops->keys, s, k, code);
	if (b && s->ops->act && s->ops->act(app, s, b->action, k, code))
		return true;
	return !asked && s->ops->key && s->ops->key(app, s, k, code);
}

static void mouse_event(struct tui_app *app, struct tui_screen *s)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		wint_t k = (ev.bstate & BUTTON4_PRESSED) ? KEY_UP : KEY_DOWN;
		for (int i = 0; i < 3; i++)
			screen_key(app, s, k, true);
		return;
	}
	if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && s->ops->click && ev.y >= 1 &&
	    ev.y < LINES - 2)
		s->ops->click(app, s, ev.y, ev.x);
}

static void dispatch(struct tui_app *app, wint_t k, bool code)
{
	struct tui_screen *s = tui_top(app);
	if (!s)
		return;
	if (code && k >= TUI_KEY_ALT0 && k < TUI_KEY_ALT0 + 0x80) {
		/* Alt+letter: the editor's word keys (Alt-b, Alt-f, Alt-d) where
		 * text is edited; anywhere else Esc, then the letter, as the two
		 * keys a fast typist (or a script) meant */
		wint_t c = k - TUI_KEY_ALT0;
		bool word = c == L'b' || c == L'f' || c == L'd';
		if (!(word && !app->help_open && screen_key(app, s, k, code))) {
			dispatch(app, TUI_ESC, false);
			dispatch(app, c, false);
		}
		return;
	}
	app->keys++;
	tui_status_age(app, false);
	if (app->help_open) {
		if (!tui_help_key(app, k, code))
			app->help_open = false;
		return;
	}
	if (code && k == KEY_MOUSE) {
		mouse_event(app, s);
		return;
	}
	const struct tui_binding *g = tui_keymap_find(&global_keys, NULL, k, code);
	if (g && g->action == G_SUSPEND) {
		suspend(app);
		return;
	}
	if (typing_guard(app, s, k, code))
		return;
	if (!screen_key(app, s, k, code))
		global_key(app, k, code);
}

static void tick(struct tui_app *app)
{
	struct tui_screen *s = tui_top(app);
	if (s && s->ops->on_tick)
		s->ops->on_tick(app, s);
	/* A failed automatic backup never failed the save; it is said once. */
	const char *problem = tw_store_backup_problem(app->store);
	if (problem && problem != app->backup_warned) {
		app->backup_warned = problem;
		tui_error(app, "%s", problem);
	}
}

/* While idle: when another window or the CLI has written to the database,
 * the top screen reloads (if it can). Asked on every idle tick, so the
 * version seen stays current on screens that do not refresh; never on the
 * keystroke path. */
static void refresh_if_changed(struct tui_app *app)
{
	struct tui_screen *s = tui_top(app);
	if (tw_store_changed(app->store) && s && s->ops->on_refresh && !app->help_open)
		s->ops->on_refresh(app, s);
}

/* ---- benchmark figures (TWOWAY_BENCH_STATS=FILE) ---- */

struct key_stats {
	long keys;
	long long cpu_ns, max_ns;
};

static long long cpu_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Writes keys handled, CPU per key (work plus redraw) and peak memory. */
static void write_stats(const struct key_stats *ks)
{
	const char *path = getenv("TWOWAY_BENCH_STATS");
	if (!path || !*path)
		return;
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(f, "keys %ld\ncpu_per_key_us %.1f\nmax_key_us %.1f\nmaxrss_kb %ld\n", ks->keys,
		ks->keys ? (double)ks->cpu_ns / (double)ks->keys / 1000.0 : 0.0,
		(double)ks->max_ns / 1000.0, ru.ru_maxrss);
	fclose(f);
}

/* ---- startup ---- */

/* "twoway: message" on stderr before the screen starts, as one line with
 * control characters shown as '?': a database path or a profile name
 * never drives the terminal. */
static void startup_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void startup_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (unsigned char *c = (unsigned char *)msg; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			*c = *c == '\n' ? ' ' : '?';
	fprintf(stderr, "twoway: %s\n", msg);
}

static bool start_core(struct tui_app *app, const struct tw_tui_options *opt)
{
	char *bundled = tw_library_bundled_dir(TW_BUNDLED_CONTENT, TW_CONTENT_FROM_BIN);
	app->lib = bundled ? tw_library_load_default(bundled, opt->content_dir) : NULL;
	free(bundled);
	if (!app->lib) {
		fprintf(stderr, "twoway: out of memory loading content\n");
		return false;
	}
	char *def = NULL;
	const char *path = opt->db_path;
	if (!path) {
		def = tw_store_default_path();
		if (!def) {
			fprintf(stderr, "twoway: cannot find a home for the database: set HOME or use --db PATH\n");
			return false;
		}
		path = def;
	}
	struct tw_error err = { 0 };
	/* `twoway --coach` never opens the sponsee's own view of the store */
	app->store = tw_store_open_view(path, opt->coach ? TW_VIEW_COACH : TW_VIEW_OWNER, &err);
	free(def);
	if (!app->store) {
		startup_error("%s", err.message);
		return false;
	}
	/* Watch for other windows from before the first screen loads: a change
	 * made before the first idle tick was never shown (a restore was the
	 * case found). */
	tw_store_changed(app->store);
	if (tw_store_notice(app->store))
		tui_log(app, "%s", tw_store_notice(app->store));
	bool ok = opt->profile ? tw_store_profile_find(app->store, opt->profile, &app->profile, &err)
			       : tw_store_profile_current(app->store, &app->profile, &err);
	if (!ok) {
		if (err.code == TW_ERR_NOTFOUND && opt->profile)
			startup_error("no profile named '%s' (see 'twoway profile list')",
				      opt->profile);
		else
			startup_error("%s", err.message);
		return false;
	}
	tw_store_scope(app->store, app->profile.id);
	for (size_t i = 0; i < app->lib->problems.n; i++) {
		char *line = tw_diag_format(&app->lib->problems.v[i]);
		if (line)
			tui_log(app, "content skipped: %s", line);
		free(line);
	}
	for (size_t i = 0; i < app->lib->n_notices; i++)
		tui_log(app, "content: %s", app->lib->notices[i]);
	return true;
}

static void finish_core(struct tui_app *app)
{
	tw_store_close(app->store);
	tw_library_free(app->lib);
	tw_profile_finish(&app->profile);
	free(app->log_path);
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

int tw_tui_run(const struct tw_tui_options *opt)
{
	setlocale(LC_ALL, "");
	struct tui_app app;
	memset(&app, 0, sizeof(app));
	app.opt = opt;
	app.cursor_y = -1;
	const char *bench = getenv("TWOWAY_BENCH");
	app.bench = bench && *bench ? atoi(bench) : 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "twoway: the app needs a terminal; see 'twoway --help' for commands\n");
		return 1;
	}
	if (!start_core(&app, opt)) {
		finish_core(&app);
		return 1;
	}
	catch_signals();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *term = getenv("TERM");
		fprintf(stderr, "twoway: cannot use the terminal (TERM=%s)\n", term ? term : "");
		finish_core(&app);
		return 1;
	}
	set_term(scr);
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(TUI_TICK_MS);
	tui_input_init();
	tui_theme_init(&app);
	const char *m = getenv("TWOWAY_MOUSE");
	if (!(m && strcmp(m, "0") == 0)) {
		mouseinterval(0);
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	}
	tui_log(&app, "started, profile '%s', %zu guides", app.profile.name, app.lib->n_guides);
	if (app.lib->n_skipped)
		tui_error(&app, "%zu content file%s skipped (see Home)", app.lib->n_skipped,
			  app.lib->n_skipped == 1 ? "" : "s");

	/* --coach: coach mode alone, leaving it leaves twoway (no Home) */
	tui_open(&app, opt->coach ? TUI_SCREEN_COACH : TUI_SCREEN_HOME, NULL);

	struct key_stats ks = { 0 };
	long long key_t0 = 0;
	while (!app.quit && app.depth) {
		if (got_signal) {
			tui_log(&app, "signal %d: saving and leaving", (int)got_signal);
			pop_all(&app);
			break;
		}
		tui_frame_draw(&app);
		if (key_t0) {
			long long d = cpu_now_ns() - key_t0;
			ks.keys++;
			ks.cpu_ns += d;
			if (d > ks.max_ns)
				ks.max_ns = d;
			key_t0 = 0;
		}
		if (app.bench == 1) {
			pop_all(&app);
			break;
		}
		wint_t k;
		bool code;
		int r = tui_input_read(&k, &code, TUI_TICK_MS);
		if (r == ERR) {
			refresh_if_changed(&app);
			tick(&app);
			continue;
		}
		key_t0 = cpu_now_ns();
		if (code && k == KEY_RESIZE) {
			for (size_t i = 0; i < app.depth; i++)
				if (app.stack[i]->ops->on_resize)
					app.stack[i]->ops->on_resize(&app, app.stack[i]);
			continue;
		}
		dispatch(&app, k, code);
		tick(&app);
	}
	tui_input_finish();
	endwin();
	delscreen(scr);
	write_stats(&ks);
	tui_log(&app, "quit");
	finish_core(&app);
	return got_signal ? 128 + (int)got_signal : 0;
}
