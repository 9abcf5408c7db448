/* tools/host/slub/test.c: the slab allocator of the slab chapter on the host, under
 * ASan and UBSan, against a model (model.c).
 *
 *   slub-test [SEED [OPS [slab_debug=FLAGS]]]
 *
 * Random operations: allocations from caches of many sizes, alignments and flags and
 * from kmalloc (small and large), frees in random order (some through the wrong entry:
 * kfree of a cache's object, as Linux allows), kmem_cache_shrink(), and destroying a
 * cache once it is empty and making it again.  After every operation the object is
 * checked; every 32 operations, and after every shrink and destroy, every slab of every
 * cache is.  At the end everything is freed and destroyed and every page must be back. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "slab.h"
#include "host.h"
#include "model.h"

#include "../xorshift.h"

static unsigned int below(unsigned int n)
{
	return rnd() % n;
}

static void ctor_fill(void *p)
{
	memset(p, 0xc7, 8);
}

static const struct {
	const char *name;
	unsigned int size, align;
	slab_flags_t flags;
	void (*ctor)(void *);
} specs[] = {
	{ "t8", 8, 0, 0, NULL },
	{ "t24", 24, 0, 0, NULL },
	{ "t40_ctor", 40, 0, 0, ctor_fill },
	{ "t64_hw", 64, 0, SLAB_HWCACHE_ALIGN, NULL },
	{ "t100_a32", 100, 32, 0, NULL },
	{ "t192", 192, 0, 0, NULL },
	{ "t700", 700, 0, SLAB_HWCACHE_ALIGN, NULL },
	{ "t2000", 2000, 0, 0, NULL },
	{ "t5000", 5000, 64, 0, NULL },
};
#define NR_SPECS ARRAY_SIZE(specs)
static struct kmem_cache *caches[NR_SPECS];

static void make_cache(unsigned int i)
{
	caches[i] = kmem_cache_create(specs[i].name, specs[i].size, specs[i].align,
				      specs[i].flags, specs[i].ctor);
	if (!caches[i])
		host_fail("kmem_cache_create failed");
	if (caches[i]->align < specs[i].align)
		host_fail("cache alignment below the asked one");
}

static unsigned long ops_done, frees_done, allocs_done, shrinks, destroys;

static void do_alloc(void)
{
	u8 tag = 1 + below(255);

	if (below(3)) {
		unsigned int i = below(NR_SPECS);
		gfp_t gfp = below(4) ? GFP_KERNEL : GFP_KERNEL | __GFP_ZERO;
		u8 *p = kmem_cache_alloc(caches[i], gfp);

		if (gfp & __GFP_ZERO)
			for (unsigned int k = 0; p && k < specs[i].size; k++)
				if (p[k])
					host_fail("__GFP_ZERO object not zeroed");
		if (p && specs[i].ctor && !(gfp & __GFP_ZERO) && !kmem_cache_debug(caches[i]) &&
		    *(u64 *)p != 0xc7c7c7c7c7c7c7c7ULL && caches[i]->offset >= 8)
			host_fail("constructed object lost its constructor's bytes");
		model_alloc_done(p, caches[i], specs[i].size, -1, tag);
	} else {
		unsigned int size = below(8) ? 1 + below(KMALLOC_MAX_CACHE_SIZE) : 1 + below(40000);
		void *p = kmalloc(size, GFP_KERNEL);

		if (size > KMALLOC_MAX_CACHE_SIZE)
			model_alloc_done(p, NULL, size, get_order(size), tag);
		else
			model_alloc_done(p, kmalloc_slab(size), size, -1, tag);
	}
	allocs_done++;
}

static void do_free(void)
{
	unsigned int i = below(model_nr_objs);
	struct model_obj o = model_objs[i];

	model_free(i);
	if (o.s && o.s->ctor)
		o.s->ctor(o.p);		/* the caller's duty: give it back constructed */
	if (o.order >= 0 || (o.s->flags & SLAB_KMALLOC) || !below(8))
		kfree(o.p);		/* kfree() of a cache's object is allowed too */
	else
		kmem_cache_free(o.s, o.p);
	frees_done++;
}

static void free_all_of(struct kmem_cache *s)
{
	for (unsigned int i = 0; i < model_nr_objs; )
		if (model_objs[i].s == s) {
			void *p = model_objs[i].p;

			model_free(i);
			if (s->ctor)
				s->ctor(p);
			kmem_cache_free(s, p);
		} else {
			i++;
		}
}

static void do_shrink(void)
{
	unsigned int i = below(NR_SPECS);

	kmem_cache_shrink(caches[i]);
	model_check_shrunk(caches[i]);
	model_check_all();
	shrinks++;
}

static void do_destroy(void)
{
	unsigned int i = below(NR_SPECS);
	struct kmem_cache *old = caches[i];
	unsigned long warnings = host_warnings;

	free_all_of(old);
	kmem_cache_destroy(old);
	if (host_warnings != warnings)
		host_fail("kmem_cache_destroy of an empty cache warned");
	model_check_gone(old);
	make_cache(i);
	model_check_all();
	destroys++;
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? host_strtoul(argv[1]) : 1;
	unsigned long ops = argc > 2 ? host_strtoul(argv[2]) : 100000;
	unsigned long warnings, bad;

	rng_seed(seed);
	host_quiet = 1;
	host_memory_init(4096);
	model_init();
	if (argc > 3 && !strncmp(argv[3], "slab_debug", 10))
		host_setup("slab_debug", argv[3] + 10);
	kmem_cache_init();
	kmem_cache_init_late();
	for (unsigned int i = 0; i < NR_SPECS; i++)
		make_cache(i);
	model_check_all();
	warnings = host_warnings;
	bad = host_bad_pages;

	for (ops_done = 0; ops_done < ops; ops_done++) {
		unsigned int r = below(1000);

		if (r < 3)
			do_shrink();
		else if (r < 4)
			do_destroy();
		else if (r < 6)
			host_rcu_grace_period();
		/* alloc a little more often than free, to a ceiling, then drain */
		else if (model_nr_objs && (model_nr_objs >= 3000 || r < 480 ||
					   (ops_done / 20000) % 2))
			do_free();
		else
			do_alloc();
		if (!(ops_done % 32))
			model_check_all();
		if (host_warnings != warnings || host_bad_pages != bad)
			host_fail("the kernel reported a problem on valid use");
	}
	model_check_all();

	/* Give everything back: every page must return to the page allocator but those of
	 * the caches that describe the kmalloc caches. */
	while (model_nr_objs)
		do_free();
	for (unsigned int i = 0; i < NR_SPECS; i++) {
		kmem_cache_destroy(caches[i]);
		model_check_gone(caches[i]);
	}
	for (unsigned int i = 0; i <= KMALLOC_SHIFT_HIGH; i++)
		if (kmalloc_caches[i]) {
			kmem_cache_shrink(kmalloc_caches[i]);
			model_check_shrunk(kmalloc_caches[i]);
		}
	model_check_all();
	if (host_warnings != warnings || host_bad_pages != bad)
		host_fail("the kernel reported a problem on valid use");
	host_quiet = 0;
	printk("slub-test%s: seed %lu: %lu operations (%lu allocs, %lu frees, %lu shrinks, %lu destroys), "
	       "all checks passed, %lu pages in use at the end\n",
	       argc > 3 ? " (slab_debug)" : "", seed, ops_done, allocs_done, frees_done, shrinks,
	       destroys, host_pages_in_use);
	return 0;
}
