/* tools/host/buddy/bench.c: instructions per alloc_pages()+__free_pages() pair of
 * chapter 33's buddy allocator, counted by callgrind (buddy/bench-callgrind): order 0
 * through the per-CPU lists, order 0 with them bypassed, order 3 through the free lists
 * (order 3 is the highest order the per-CPU lists keep; bypassed here, as the chapter's
 * own in-kernel benchmark does).  The same sequence as that benchmark: 100 pairs to warm
 * up, then N pairs of __free_pages(alloc_pages(GFP_KERNEL, order), order).
 *
 * This file includes the tangled mm/page_alloc.c itself, unchanged, to reach its switch
 * pcp_bypass as the chapter's benchmark does; built at -O2 with the kernel's flags. */
#include "page_alloc.c"
#include "machine.h"
#include "../slub/host.h"
#include "../slub/bench.h"

static unsigned int bench_order;

static noinline void pairs(long n)
{
	for (long i = 0; i < n; i++)
		__free_pages(alloc_pages(GFP_KERNEL, bench_order), bench_order);
}

static void measure(const char *name, unsigned int order, bool bypass, long n)
{
	bench_order = order;
	pcp_bypass = bypass;
	pairs(100);
	bench_measure(name, pairs, n);
	pcp_bypass = false;
	drain_all_pages(NULL);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? (long)host_strtoul(argv[1]) : 100000;

	host_quiet = 1;
	host_buddy_init(4096, 32);
	measure("order0_pcp", 0, false, n);
	measure("order0_buddy", 0, true, n);
	measure("order3_buddy", 3, true, n);
	return 0;
}
