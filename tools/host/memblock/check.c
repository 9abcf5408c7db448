/* tools/host/memblock/check.c: invariant checks and reset for the harness. */
#include "check.h"
#include <stdio.h>

static char check_msg[256];

const char *memblock_check_type(const struct memblock_type *type)
{
	phys_addr_t sum = 0;

	if (type->cnt > type->max) {
		snprintf(check_msg, sizeof(check_msg), "%s: cnt %lu > max %lu",
			 type->name, type->cnt, type->max);
		return check_msg;
	}
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->size == 0) {
			snprintf(check_msg, sizeof(check_msg), "%s[%lu]: empty region at %#llx",
				 type->name, i, r->base);
			return check_msg;
		}
		if (r->base + r->size < r->base) {
			snprintf(check_msg, sizeof(check_msg), "%s[%lu]: [%#llx + %#llx) wraps",
				 type->name, i, r->base, r->size);
			return check_msg;
		}
		sum += r->size;
		if (i + 1 < type->cnt) {
			const struct memblock_region *n = r + 1;
			phys_addr_t end = r->base + r->size;

			if (n->base < end) {
				snprintf(check_msg, sizeof(check_msg),
					 "%s[%lu..%lu]: unsorted or overlapping: [%#llx-%#llx) then [%#llx-%#llx)",
					 type->name, i, i + 1, r->base, end, n->base, n->base + n->size);
				return check_msg;
			}
			if (n->base == end && n->nid == r->nid && n->flags == r->flags) {
				snprintf(check_msg, sizeof(check_msg),
					 "%s[%lu..%lu]: not merged: [%#llx-%#llx) and [%#llx-%#llx) nid %d flags %#x",
					 type->name, i, i + 1, r->base, end, n->base, n->base + n->size,
					 r->nid, r->flags);
				return check_msg;
			}
		}
	}
	if (sum != type->total_size) {
		snprintf(check_msg, sizeof(check_msg), "%s: total_size %#llx but regions sum to %#llx",
			 type->name, type->total_size, sum);
		return check_msg;
	}
	return NULL;
}

const char *memblock_check_all(void)
{
	const char *m = memblock_check_type(&memblock.memory);

	return m ? m : memblock_check_type(&memblock.reserved);
}

struct memblock_region *host_init_memory_regions, *host_init_reserved_regions;
static struct memblock pristine;

/* Runs before main() and before any test touched memblock. */
static void __attribute__((constructor(200))) remember_pristine(void)
{
	pristine = memblock;
	host_init_memory_regions = memblock.memory.regions;
	host_init_reserved_regions = memblock.reserved.regions;
}

void memblock_host_reset(void)
{
	memset(host_init_memory_regions, 0, pristine.memory.max * sizeof(struct memblock_region));
	memset(host_init_reserved_regions, 0, pristine.reserved.max * sizeof(struct memblock_region));
	memblock = pristine;
	memblock_debug = 0;
}
