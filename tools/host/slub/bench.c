/* tools/host/slub/bench.c: instructions per allocation+free pair on the slab allocator's
 * fast paths, against the C library's malloc and mimalloc on the same sequence
 * (bench_libc.c).  Built without sanitizers at -O2 with the kernel's code-generation
 * flags (slub/rules.mk); run under callgrind by slub/bench-callgrind, which reads one
 * dump per measured loop.
 *
 * The sequence, for each allocator: one warm-up pair (so that the CPU has a slab, the
 * C library a bin or page of that size class), then N pairs of "allocate 64 bytes, keep
 * the pointer, free it", every one of which takes the fast path of both calls. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "slab.h"
#include "host.h"
#include "bench.h"

static void *volatile sink;
static struct kmem_cache *cache64;

static noinline void pairs_kmem_cache(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = kmem_cache_alloc(cache64, GFP_KERNEL);

		sink = p;
		kmem_cache_free(cache64, p);
	}
}

/* kmalloc(64): the size is a constant, so kmalloc() picks the cache at compile time and
 * calls __kmalloc_cache_noprof() with it, as Linux 6.12's kmalloc_noprof() does. */
static noinline void pairs_kmalloc(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		sink = p;
		kfree(p);
	}
}

/* The same with a size the compiler cannot know: __kmalloc() looks the class up. */
static volatile size_t size64 = 64;

static noinline void pairs_kmalloc_var(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = kmalloc(size64, GFP_KERNEL);

		sink = p;
		kfree(p);
	}
}

/* The slow paths, for contrast: allocate three slabs' worth of objects, then free them
 * all, so that the CPU slab runs dry and is replaced (___slab_alloc: new slabs, then
 * partial ones) and most frees are to a slab that is no longer the CPU's (__slab_free). */
static noinline void pairs_kmem_cache_refill(long n)
{
	static void *objs[3 * 64];
	unsigned int per = 3 * oo_objects(cache64->oo);

	for (long i = 0; i < n; i += per) {
		for (unsigned int k = 0; k < per; k++)
			objs[k] = kmem_cache_alloc(cache64, GFP_KERNEL);
		for (unsigned int k = 0; k < per; k++)
			kmem_cache_free(cache64, objs[k]);
	}
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? (long)host_strtoul(argv[1]) : 100000;

	host_quiet = 1;
	host_memory_init(1024);
	kmem_cache_init();
	kmem_cache_init_late();
	cache64 = kmem_cache_create("bench64", 64, 0, 0, NULL);
	if (!cache64 || oo_objects(cache64->oo) > 64)
		host_fail("bench cache");
	pairs_kmem_cache(1);
	bench_measure("kmem_cache", pairs_kmem_cache, n);
	pairs_kmalloc(1);
	bench_measure("kmalloc", pairs_kmalloc, n);
	pairs_kmalloc_var(1);
	bench_measure("kmalloc_var", pairs_kmalloc_var, n);
	bench_measure("kmem_cache_refill", pairs_kmem_cache_refill, n - n % (3 * oo_objects(cache64->oo)));
	bench_libc(n);
	return 0;
}
