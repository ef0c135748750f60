/* The heap of a one-shot command, made ready in one step: see heap.c for
 * why and for what was measured. */
#ifndef TWOWAY_CLI_HEAP_H
#define TWOWAY_CLI_HEAP_H

#include <stddef.h>

/* Grows the heap to at least `bytes` past its current start and has the
 * kernel map those pages in one call, before a command opens its
 * database. Runs once per process (later calls do nothing and say 0).
 * Returns the bytes made resident, 0 where the kernel or C library cannot
 * (nothing is changed then but malloc's settings), -1 on an error the
 * kernel gave; a command goes on whatever it says. */
long cli_heap_prepare(size_t bytes);

/* What a command opening a database asks for: the heap pages an export, a
 * search or an add of 10,000 records first touches (measured: 66 to 75
 * pages; more than 80 saved no further fault). */
enum { CLI_HEAP_BYTES = 80 * 4096 };

#endif
