/* The store benchmark: on a database made by gen_db, times a search for a
 * common word (and peak memory of a fresh process doing one open and one
 * search), listing one profile's open action items, and adding a reflection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "twoway/store.h"

#define RUNS 21

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[n / 2];
}

static int fail(const char *what, const struct tw_error *err)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, err->message);
	return 1;
}

static long max_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* One open and one search, then the peak memory: run in a fresh process. */
static int rss_mode(const char *db, const char *word)
{
	struct tw_error err;
	double t0 = now_ms();
	struct tw_store *st = tw_store_open(db, &err);
	if (!st)
		return fail("open", &err);
	double t1 = now_ms();
	struct tw_profile p;
	if (!tw_store_profile_current(st, &p, &err))
		return fail("profile", &err);
	struct tw_hit *h;
	size_t n;
	if (!tw_store_search(st, p.id, word, 50, &h, &n, &err))
		return fail("search", &err);
	double t2 = now_ms();
	printf("fresh process: open %.2f ms, first search '%s' %.2f ms (%zu hits), "
	       "peak RSS %.1f MB\n", t1 - t0, word, t2 - t1, n, max_rss_kb() / 1024.0);
	tw_hits_free(h, n);
	tw_profile_finish(&p);
	tw_store_close(st);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_store DB [rss]\n");
		return 2;
	}
	const char *word = "sponsor";
	if (argc > 2 && strcmp(argv[2], "rss") == 0)
		return rss_mode(argv[1], word);
	struct tw_error err;
	struct tw_store *st = tw_store_open(argv[1], &err);
	if (!st)
		return fail("open", &err);
	struct tw_profile p;
	if (!tw_store_profile_current(st, &p, &err))
		return fail("profile", &err);
	double t[RUNS];
	size_t n = 0;

	for (int i = 0; i < RUNS; i++) {
		struct tw_hit *h;
		double t0 = now_ms();
		if (!tw_store_search(st, p.id, word, 50, &h, &n, &err))
			return fail("search", &err);
		t[i] = now_ms() - t0;
		tw_hits_free(h, n);
	}
	printf("search '%s' in one profile: median %.2f ms (%zu hits shown)   [target < 20 ms]\n",
	       word, median(t, RUNS), n);
	for (int i = 0; i < RUNS; i++) {
		struct tw_hit *h;
		double t0 = now_ms();
		if (!tw_store_search(st, 0, word, 50, &h, &n, &err))
			return fail("search", &err);
		t[i] = now_ms() - t0;
		tw_hits_free(h, n);
	}
	printf("search '%s' in all profiles: median %.2f ms\n", word, median(t, RUNS));
	for (int i = 0; i < RUNS; i++) {
		struct tw_hit *h;
		double t0 = now_ms();
		if (!tw_store_search(st, p.id, "team", 50, &h, &n, &err))
			return fail("search", &err);
		t[i] = now_ms() - t0;
		tw_hits_free(h, n);
	}
	printf("search 'team' (in ~40%% of texts) in one profile: median %.2f ms\n",
	       median(t, RUNS));
	for (int i = 0; i < RUNS; i++) {
		struct tw_hit *h;
		double t0 = now_ms();
		if (!tw_store_search(st, p.id, "sponsor promotion visib", 50, &h, &n, &err))
			return fail("search", &err);
		t[i] = now_ms() - t0;
		tw_hits_free(h, n);
	}
	printf("search 'sponsor promotion visib' (prefix): median %.2f ms (%zu hits)\n",
	       median(t, RUNS), n);

	for (int i = 0; i < RUNS; i++) {
		struct tw_action *a;
		double t0 = now_ms();
		if (!tw_store_action_list(st, p.id, 0, TW_ACTIONS_OPEN, NULL, &a, &n, &err))
			return fail("actions", &err);
		t[i] = now_ms() - t0;
		tw_actions_free(a, n);
	}
	printf("open action items of one profile: median %.2f ms (%zu items)   [target < 10 ms]\n",
	       median(t, RUNS), n);

	for (int i = 0; i < RUNS; i++) {
		char text[200];
		snprintf(text, sizeof text, "benchmark reflection %d about my sponsor and %ld", i,
			 (long)time(NULL));
		double t0 = now_ms();
		if (!tw_store_reflection_save(st, p.id, NULL, text, false, NULL, &err))
			return fail("save", &err);
		t[i] = now_ms() - t0;
	}
	printf("add one reflection (with commit): median %.2f ms   [target < 5 ms]\n",
	       median(t, RUNS));
	for (int i = 0; i < RUNS; i++) {
		struct tw_reflection *r;
		double t0 = now_ms();
		if (!tw_store_reflection_list(st, p.id, 20, &r, &n, &err))
			return fail("list", &err);
		t[i] = now_ms() - t0;
		tw_reflections_free(r, n);
	}
	printf("20 latest reflections of one profile: median %.2f ms\n", median(t, RUNS));
	printf("peak RSS of this process: %.1f MB\n", max_rss_kb() / 1024.0);
	tw_profile_finish(&p);
	tw_store_close(st);
	return 0;
}
