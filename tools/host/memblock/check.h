/* tools/host/memblock/check.h: memblock's invariants, checked from outside. */
#ifndef CHECK_H
#define CHECK_H
#include "stub.h"
#include <linux/memblock.h>

/*
 * Check rules 1-3 of chapter 30 on one type: sorted, disjoint, no empty
 * region, no region past PHYS_ADDR_MAX, compatible neighbours merged,
 * total_size the sum of the sizes, cnt within max.  Returns NULL or a
 * description of the first violation.
 */
const char *memblock_check_type(const struct memblock_type *type);
const char *memblock_check_all(void);

/* Put memblock back into its boot-time state (static arrays, no regions). */
void memblock_host_reset(void);
/* The static arrays (remembered before any test could double them). */
extern struct memblock_region *host_init_memory_regions, *host_init_reserved_regions;
#endif
