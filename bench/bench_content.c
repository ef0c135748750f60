/* Content benchmark: loads and validates every guide of a directory (see
 * gen_content.c) REPS times through the library and prints the median and
 * fastest time per load. Usage: bench_content DIR [REPS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "twoway/content.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench_content DIR [REPS]\n");
		return 2;
	}
	int reps = argc == 3 ? atoi(argv[2]) : 200;
	if (reps < 1)
		reps = 1;
	double *t = malloc((size_t)reps * sizeof(*t));
	if (!t)
		return 1;
	size_t guides = 0, items = 0;
	for (int r = 0; r < reps; r++) {
		double t0 = now_ms();
		struct tw_library *lib = tw_library_new();
		if (!lib || !tw_library_add_dir(lib, argv[1], false) || lib->problems.n) {
			fprintf(stderr, "bench_content: %s did not load cleanly\n", argv[1]);
			return 1;
		}
		t[r] = now_ms() - t0;
		guides = lib->n_guides;
		items = 0;
		for (size_t g = 0; g < lib->n_guides; g++)
			for (size_t s = 0; s < lib->guides[g]->n_sections; s++)
				items += lib->guides[g]->sections[s].n_items;
		tw_library_free(lib);
	}
	qsort(t, (size_t)reps, sizeof(*t), by_value);
	printf("content: load+validate %zu guides, %zu items: median %.2f ms, fastest %.2f ms "
	       "(%d runs; target < 5 ms)\n",
	       guides, items, t[reps / 2], t[0], reps);
	free(t);
	return 0;
}
