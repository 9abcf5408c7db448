/* tools/host/slub/fuzz.c: a libFuzzer target for the slab allocator with
 * slab_debug=FZPU: each input is a stream of operations, valid and not.
 *
 *   alloc      from one of the test's caches or kmalloc (a size from the input)
 *   free       a live object, through kmem_cache_free() or kfree()
 *   double     free a pointer that was freed before and is not live again
 *   middle     free a pointer into the middle of a live object
 *   stray      free a pointer anywhere in the machine's memory (8-byte aligned)
 *   overflow   write one byte past a live object (into its red zone), then free it
 *
 * A valid operation must not make the kernel report anything; every invalid one must
 * make it report (a slab_debug BUG counted through slab_kunit_errors, as Linux's KUnit
 * tests count them, a WARN, or a bad page), change nothing the model can see, and never
 * let ASan see a wild access.  After each input every object is freed and every slab
 * of every cache is checked against the model (model.c). */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "slab.h"
#include "host.h"
#include "model.h"

static const struct { const char *name; unsigned int size, align; } specs[] = {
	{ "f16", 16, 0 }, { "f60", 60, 0 }, { "f128_a64", 128, 64 }, { "f900", 900, 0 },
};
static struct kmem_cache *caches[ARRAY_SIZE(specs)];
static int slab_errors;
#define NR_FREED 64U
static void *freed[NR_FREED];		/* pointers freed earlier, for double frees */
static unsigned int nr_freed;

static void setup(void)
{
	host_quiet = 1;
	host_memory_init(2048);
	model_init();
	host_setup("slab_debug", "=FZPU");
	kmem_cache_init();
	kmem_cache_init_late();
	for (unsigned int i = 0; i < ARRAY_SIZE(specs); i++)
		caches[i] = kmem_cache_create(specs[i].name, specs[i].size, specs[i].align, 0, NULL);
	slab_kunit_errors = &slab_errors;
}

static unsigned long reports(void)
{
	return slab_errors + host_warnings + host_bad_pages;
}

static void expect_quiet(unsigned long before, const char *what)
{
	if (reports() != before)
		host_fail(what);
}

static void expect_report(unsigned long before, const char *what)
{
	if (reports() == before)
		host_fail(what);
}

/* Free live object i through the entry its kind calls for. */
static void free_live(unsigned int i, bool by_kfree)
{
	struct model_obj o = model_objs[i];
	unsigned long before = reports();

	model_free(i);
	if (o.order >= 0 || by_kfree)
		kfree(o.p);
	else
		kmem_cache_free(o.s, o.p);
	expect_quiet(before, "a valid free was reported");
	freed[nr_freed++ % NR_FREED] = o.p;
}

/* Free p that the model does not hold: it must be reported. */
static void free_wrong(void *p, struct kmem_cache *s)
{
	unsigned long before = reports();
	int i = model_find(p);
	struct slab *slab = virt_to_slab(p);

	/* The caches of caches hold the allocator's own live objects, which the model
	 * cannot tell from free ones: a stray free there would free a kmem_cache, as it
	 * would in Linux (after its WARN). */
	if (slab && (slab->slab_cache == kmem_cache || !strcmp(slab->slab_cache->name, "kmem_cache_node")))
		return;
	if (i >= 0) {			/* it is live after all: a valid free */
		free_live(i, false);
		return;
	}
	kmem_cache_free(s, p);
	expect_report(before, "a free of a pointer the caller does not hold went unreported");
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool ready;
	size_t k = 0;

	if (!ready) {
		setup();
		ready = true;
	}
#define NEXT() (k < size ? data[k++] : 0)
	while (k < size) {
		u8 op = NEXT() % 8, a = NEXT(), b = NEXT();

		switch (op) {
		case 0: case 1: case 2: {	/* alloc */
			u8 tag = 1 + a % 255;

			if (a % 5 < 4 && model_nr_objs < MODEL_MAX_OBJS) {
				unsigned int i = b % ARRAY_SIZE(caches);

				model_alloc_done(kmem_cache_alloc(caches[i], GFP_KERNEL), caches[i],
						 specs[i].size, -1, tag);
			} else if (model_nr_objs < MODEL_MAX_OBJS) {
				unsigned int bytes = 1 + b * 40;	/* to 10201: some large */

				model_alloc_done(kmalloc(bytes, GFP_KERNEL),
						 bytes > KMALLOC_MAX_CACHE_SIZE ? NULL : kmalloc_slab(bytes),
						 bytes, bytes > KMALLOC_MAX_CACHE_SIZE ? (int)get_order(bytes) : -1,
						 tag);
			}
			break;
		}
		case 3: case 4:			/* free */
			if (model_nr_objs)
				free_live((a << 8 | b) % model_nr_objs, a & 1);
			break;
		case 5:				/* double free */
			if (nr_freed)
				free_wrong(freed[(a << 8 | b) % min(nr_freed, NR_FREED)], caches[a % ARRAY_SIZE(caches)]);
			break;
		case 6: {			/* a pointer into the middle of a live object */
			struct model_obj *o;
			unsigned long before = reports();

			if (!model_nr_objs)
				break;
			o = &model_objs[a % model_nr_objs];
			if (o->order >= 0 || o->s->object_size < 2)
				break;
			kmem_cache_free(o->s, o->p + 1 + b % (o->s->object_size - 1));
			expect_report(before, "a free into the middle of an object went unreported");
			if (model_find(o->p) < 0)
				host_fail("the object lost by a wrong free");
			break;
		}
		case 7: {			/* a stray pointer, or a write past the end */
			unsigned long pfn = (a << 8 | b) % host_nr_pages;
			u8 c = NEXT();

			if (c & 1) {
				free_wrong(page_address(&host_pages[pfn]) + (NEXT() << 3) % PAGE_SIZE,
					   caches[c % ARRAY_SIZE(caches)]);
			} else if (model_nr_objs) {
				unsigned int i = (a << 8 | b) % model_nr_objs;
				struct model_obj *o = &model_objs[i];
				unsigned long before = reports();
				u8 *end;

				if (o->order >= 0 || !(o->s->flags & SLAB_RED_ZONE))
					break;
				end = o->p + o->s->object_size;
				*end ^= 0xff;		/* one byte past the object */
				kmem_cache_free(o->s, o->p);
				expect_report(before, "a write past the end went unreported at free");
				if (*end != SLUB_RED_ACTIVE)
					host_fail("the red zone was not restored");
				/* slab_debug refused the free: the object is still the caller's */
			}
			break;
		}
		}
	}
	while (model_nr_objs)
		free_live(model_nr_objs - 1, false);
	model_check_all();
	return 0;
}
