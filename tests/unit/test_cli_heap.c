/* The one-shot command's heap (src/cli/heap.c): once prepared, the small
 * allocations a command makes land on pages the kernel already mapped, so
 * touching them takes (almost) no page fault; unprepared, the same
 * allocations fault page by page; the second call changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "heap.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

enum { PIECE = 3000, PIECES = 60 }; /* 176 KiB in pieces SQLite would ask for */

static long minor_faults(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

/* Faults taken to allocate and fill PIECES pieces (kept: freeing them
 * would hand the same pages out again). */
static long faults_to_fill(void **keep)
{
	long before = minor_faults();
	for (int i = 0; i < PIECES; i++) {
		keep[i] = malloc(PIECE);
		if (keep[i])
			memset(keep[i], 0x5a, PIECE);
	}
	return minor_faults() - before;
}

static bool kernel_populates(void)
{
	struct utsname u;
	int major = 0, minor = 0;
	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return false;
	return major > 5 || (major == 5 && minor >= 14);
}

static void test_prepared_heap_takes_no_faults(void **state)
{
	(void)state;
#ifdef UNDER_ASAN
	skip(); /* the sanitizer's allocator keeps its own heap */
#endif
	if (!kernel_populates())
		skip();
	/* the control, in a child that never prepares: the same pieces
	 * fault page by page, so the measure below can tell */
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		void *keep[PIECES];
		long f = faults_to_fill(keep);
		_exit(write(fds[1], &f, sizeof f) == (ssize_t)sizeof f ? 0 : 1);
	}
	long unprepared = -1;
	assert_int_equal(read(fds[0], &unprepared, sizeof unprepared), (ssize_t)sizeof unprepared);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fds[0]);
	close(fds[1]);
	assert_true(unprepared >= 30);

	long made = cli_heap_prepare(CLI_HEAP_BYTES);
	assert_int_equal(made, CLI_HEAP_BYTES);
	void *keep[PIECES];
	long prepared = faults_to_fill(keep);
	assert_true(prepared <= 4);
	assert_true(prepared < unprepared / 8);
	for (int i = 0; i < PIECES; i++) {
		assert_non_null(keep[i]);
		free(keep[i]);
	}
	/* once per process: a second call maps nothing more */
	assert_int_equal(cli_heap_prepare(CLI_HEAP_BYTES), 0);
}

/* Whatever the heap went through, memory still comes and goes: large
 * blocks (mmap), blocks past the prepared part, and all of it given back. */
static void test_heap_still_serves_every_size(void **state)
{
	(void)state;
	(void)cli_heap_prepare(CLI_HEAP_BYTES);
	const size_t sizes[] = { 1, 100, 4096, 70000, 300000, 5u << 20 };
	enum { N = sizeof sizes / sizeof sizes[0] };
	void *p[N];
	for (size_t i = 0; i < N; i++) {
		p[i] = malloc(sizes[i]);
		assert_non_null(p[i]);
		memset(p[i], (int)i, sizes[i]);
	}
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(((unsigned char *)p[i])[sizes[i] - 1], (unsigned char)i);
		free(p[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prepared_heap_takes_no_faults),
		cmocka_unit_test(test_heap_still_serves_every_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
