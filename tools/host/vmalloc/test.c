/*
 * tools/host/vmalloc/test.c: the randomized model-based test of chapter 35's area
 * allocator.  vmalloc-test SEED OPS: OPS random operations (allocations of every kind,
 * size, alignment and range, removals good and bad, look-ups, purges, the drain work)
 * on a window of 32768 pages (128 MiB, four times lazy_max_pages(), so the drain work
 * is queued and run), everything checked after each one (model.c); every 4096
 * operations it starts again from vmalloc_init().
 */
#include <stdio.h>
#include <stdlib.h>
#include "../xorshift.h"
#include "model.h"
#include "ops.h"

#define NPAGES 32768

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? strtoul(argv[1], NULL, 0) : 1;
	unsigned long nops = argc > 2 ? strtoul(argv[2], NULL, 0) : 20000;
	extern int host_quiet;

	host_quiet = 1;		/* the kernel's pr_warn for a failed allocation */
	rng_seed(seed);
	for (unsigned long i = 0; i < nops; i++) {
		/* a fuller window now and then: bias towards allocating */
		unsigned long what = rnd() % 16;

		if (i % 4096 == 0)
			ops_start(NPAGES, rnd());
		if ((i / 1024) % 3 == 1 && what >= 7 && what <= 10 && rnd() % 2)
			what = rnd() % 7;
		/* explicit purges rare, so that the lazy pages pile up past lazy_max_pages() */
		if (what == 14 && rnd() % 16)
			what = 7;
		op_decode(NPAGES, what, rnd(), rnd(), rnd(), rnd(), rnd());
	}
	printf("seed %lu: %lu operations: %lu areas allocated, %lu allocations failed, %lu refused, "
	       "%lu removed, %lu look-ups, %lu purges (%lu by the drain work); up to %lu busy areas and "
	       "%lu lazy pages; every operation matched the model and the trees' invariants\n",
	       seed, stats.ops, stats.allocs, stats.failed, stats.refused, stats.removes, stats.finds,
	       stats.purges, stats.works, stats.max_busy, stats.max_lazy_pages);
	return 0;
}
