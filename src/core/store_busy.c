/* How a twoway connection waits for the write lock another window or
 * command holds: a look every millisecond until the timeout, and the
 * pause an import makes between its batches so that such a writer gets
 * its turn. */
#include <stdlib.h>
#include <time.h>

#include "store_internal.h"

/* How long a write waits for another twoway window before giving up;
 * TWOWAY_BUSY_TIMEOUT_MS (1 to 600000) shortens it for the tests. */
#define BUSY_TIMEOUT_DEFAULT_MS 10000

/* How often a waiting writer looks again. SQLite's own timeout naps
 * longer the longer it waits (100 ms apart after the first third of a
 * second), so a writer that gave the lock back for a moment between
 * short transactions (an import's batches) was rarely looking in that
 * moment, and the waiter sat out most of the import. A look costs a few
 * system calls. */
#define BUSY_LOOK_NS 1000000L

/* How long an import leaves the lock free after a batch: two looks of a
 * waiting writer, so one lands in it; and how long it holds it at least
 * between two such gaps. Half of a 100k import's batches take under 5 ms:
 * a gap after each one cost the import 9% (94 gaps), where a waiting
 * writer waits for the longest batch (~100 ms) either way. */
#define BATCH_GAP_NS (2 * BUSY_LOOK_NS)
#define BATCH_GAP_EVERY_MS 20

int store_busy_timeout_ms(void)
{
	const char *s = getenv("TWOWAY_BUSY_TIMEOUT_MS");
	char *end = NULL;
	long v = s ? strtol(s, &end, 10) : 0;
	return s && *s && end && !*end && v > 0 && v <= 600000 ? (int)v : BUSY_TIMEOUT_DEFAULT_MS;
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* SQLite's busy handler: tries counts the calls for one wait (0 first).
 * Nonzero: look again. */
static int busy_look(void *arg, int tries)
{
	struct store_busy *b = arg;
	int64_t now = now_ms();
	if (tries == 0)
		b->since_ms = now;
	if (now - b->since_ms >= b->timeout_ms)
		return 0; /* SQLITE_BUSY goes to the caller */
	struct timespec nap = { 0, BUSY_LOOK_NS };
	nanosleep(&nap, NULL);
	return 1;
}

void store_busy_wait(sqlite3 *db, struct store_busy *b)
{
	b->timeout_ms = store_busy_timeout_ms();
	b->since_ms = 0;
	sqlite3_busy_handler(db, busy_look, b);
}

void store_busy_gap(int64_t *last_ms)
{
	int64_t now = now_ms();
	if (*last_ms && now - *last_ms < BATCH_GAP_EVERY_MS)
		return;
	struct timespec gap = { 0, BATCH_GAP_NS };
	nanosleep(&gap, NULL);
	*last_ms = now_ms();
}
