/* pairrun: times two commands run alternately (A, B, A, B ...), each a
 * whole process started with fork and exec, no shell in between, its
 * output sent to /dev/null. Prints the medians in microseconds, then the
 * spread of the runs' own CPU ratios:
 *   WALL_A CPU_A WALL_B CPU_B LOW HIGH
 * where CPU is user + system time from wait4's rusage (microseconds, not
 * the 10 ms clock ticks that the shell's `times` reports), and LOW and
 * HIGH are the lower and upper quartiles of CPU_B / CPU_A over the
 * alternations (each B against the A just before it): how far one
 * alternation's ratio strays from the ratio of the medians.
 *   pairrun RUNS -- COMMAND_A ARGS... -- COMMAND_B ARGS...
 * One untimed run of each goes first, so both start with a warm page cache. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long usec_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Runs argv once; *wall and *cpu get microseconds. Exits on a failure to
 * start, and says so when the command itself fails. */
static void run(char **argv, long long *wall, long long *cpu)
{
	long long t0 = usec_now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("pairrun: fork");
		exit(2);
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("pairrun: wait4");
		exit(2);
	}
	*wall = usec_now() - t0;
	*cpu = (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
	       (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
		fprintf(stderr, "pairrun: '%s' did not run (status %d)\n", argv[0], status);
		exit(2);
	}
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static long long median(long long *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[(n - 1) / 2];
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile (0..1) of the n sorted values, by linear interpolation
 * between the two nearest ranks. */
static double quantile(const double *sorted, int n, double q)
{
	double pos = q * (n - 1);
	int i = (int)pos;
	if (i >= n - 1)
		return sorted[n - 1];
	return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 0;
	if (runs < 1 || argc < 6 || strcmp(argv[2], "--") != 0) {
		fprintf(stderr, "usage: pairrun RUNS -- COMMAND_A... -- COMMAND_B...\n");
		return 2;
	}
	char **a = argv + 3, **b = NULL;
	for (int i = 3; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			b = argv + i + 1;
			break;
		}
	if (!b || !*a || !*b) {
		fprintf(stderr, "pairrun: two commands are needed, each after --\n");
		return 2;
	}
	long long *v = calloc((size_t)runs * 4, sizeof *v);
	if (!v)
		return 2;
	double *ratio = calloc((size_t)runs, sizeof *ratio);
	if (!ratio) {
		free(v);
		return 2;
	}
	long long w, c;
	run(a, &w, &c);
	run(b, &w, &c);
	for (int r = 0; r < runs; r++) {
		run(a, &v[r], &v[runs + r]);
		run(b, &v[2 * runs + r], &v[3 * runs + r]);
		long long cpu_a = v[runs + r] > 0 ? v[runs + r] : 1;
		ratio[r] = (double)v[3 * runs + r] / (double)cpu_a;
	}
	qsort(ratio, (size_t)runs, sizeof *ratio, cmp_double);
	double low = quantile(ratio, runs, 0.25), high = quantile(ratio, runs, 0.75);
	printf("%lld %lld %lld %lld %.3f %.3f\n", median(v, runs), median(v + runs, runs),
	       median(v + 2 * runs, runs), median(v + 3 * runs, runs), low, high);
	free(ratio);
	free(v);
	return 0;
}
