/* tools/host/slub/model.c: the model the slab allocator is checked against, shared by
 * the randomized test and the fuzz target.
 *
 * The model knows only what the callers know: which pointers they hold, from which cache
 * or kmalloc size, and what they wrote into them.  The checks compare it with what the
 * allocator's own structures say, read straight from the struct pages of the machine
 * (not through SLUB's lists, which are what is being checked):
 *   - every object handed out is new (its bytes overlap no live object), inside a slab
 *     page of its cache, at an object boundary, aligned as the cache promises;
 *   - what a caller wrote into an object is still there when it frees it;
 *   - every slab: its free list and the CPU's free list hold only free object slots,
 *     each once; objects - inuse is the length of its free list; inuse minus what the CPU
 *     holds is the number of live objects in it; its order is the block the page
 *     allocator handed out;
 *   - the node's counters (nr_slabs, total_objects, nr_partial) match the slabs found;
 *   - every page the page allocator handed out is a slab page or a large kmalloc.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "slab.h"
#include "host.h"
#include "model.h"

struct model_obj model_objs[MODEL_MAX_OBJS];
unsigned int model_nr_objs;

/* One byte per 8 bytes of the machine's memory: 0 free, 1 first granule of a live
 * object, 2 the rest of it.  Objects are at least 8-byte aligned. */
static unsigned char *live_map;

void model_init(void)
{
	live_map = host_zalloc(host_nr_pages << (PAGE_SHIFT - 3), 1);
}

static unsigned long granule(const void *p)
{
	return ((unsigned long)p - PAGE_OFFSET) >> 3;
}

static bool in_machine(const void *p)
{
	return (unsigned long)p >= PAGE_OFFSET &&
	       (unsigned long)p < PAGE_OFFSET + (host_nr_pages << PAGE_SHIFT);
}

static void __attribute__((noreturn)) fail(const char *what, const void *p)
{
	host_quiet = 0;
	printk("model check failed: %s (object %px)\n", what, p);
	host_fail(what);
}

static unsigned int usable(struct kmem_cache *s, unsigned int asked)
{
	return s ? s->object_size : asked;
}

/* A pointer the model holds, or -1. */
int model_find(const void *p)
{
	if (!in_machine(p) || live_map[granule(p)] != 1)
		return -1;
	for (unsigned int i = 0; i < model_nr_objs; i++)
		if (model_objs[i].p == p)
			return i;
	fail("live map and object list disagree", p);
}

void model_alloc_done(void *p, struct kmem_cache *s, unsigned int size, int order, u8 tag)
{
	struct model_obj *o;
	unsigned int bytes = order >= 0 ? PAGE_SIZE << order : size;

	if (!p)
		fail("allocation failed with memory to spare", p);
	if (!in_machine(p))
		fail("object outside the machine's memory", p);
	if (order >= 0) {		/* a large kmalloc: a compound block of its own */
		struct page *page = virt_to_page(p);

		if (((unsigned long)p & ~PAGE_MASK) || host_block_order(page_to_pfn(page)) != order ||
		    (order && compound_order(page) != (unsigned int)order) || PageSlab(page))
			fail("large kmalloc is not a block of the page allocator", p);
	} else {
		struct slab *slab = virt_to_slab(p);
		void *base;
		unsigned long off;

		if (!slab)
			fail("object not in a slab page", p);
		if (slab->slab_cache != s)
			fail("object in a slab of another cache", p);
		base = slab_address(slab);
		off = (unsigned long)(p - base) - s->red_left_pad;
		if ((unsigned long)(p - base) < s->red_left_pad || off % s->size ||
		    off / s->size >= slab->objects)
			fail("object not at an object boundary of its slab", p);
		if ((unsigned long)p % s->align)
			fail("object not aligned as its cache promises", p);
		if ((s->flags & SLAB_KMALLOC) && is_power_of_2(s->object_size) &&
		    (unsigned long)p % s->object_size)
			fail("power-of-two kmalloc object not naturally aligned", p);
	}
	for (unsigned long g = granule(p); g < granule(p) + DIV_ROUND_UP(usable(s, bytes), 8); g++)
		if (live_map[g])
			fail("object overlaps a live object", p);
	if (model_nr_objs == MODEL_MAX_OBJS)
		fail("model full", p);
	live_map[granule(p)] = 1;
	for (unsigned long g = granule(p) + 1; g < granule(p) + DIV_ROUND_UP(usable(s, bytes), 8); g++)
		live_map[g] = 2;
	o = &model_objs[model_nr_objs++];
	*o = (struct model_obj){ .p = p, .s = s, .size = size, .order = order, .tag = tag };
	memset(p, tag, size);
}

/* The caller is about to free model_objs[i]: check its bytes and forget it. */
void model_free(unsigned int i)
{
	struct model_obj *o = &model_objs[i];
	unsigned int bytes = o->order >= 0 ? PAGE_SIZE << o->order : o->size;
	u8 *b = o->p;

	for (unsigned int k = 0; k < o->size; k++)
		if (b[k] != o->tag)
			fail("a live object's bytes changed under its owner", o->p);
	live_map[granule(o->p)] = 0;
	for (unsigned long g = granule(o->p) + 1; g < granule(o->p) + DIV_ROUND_UP(usable(o->s, bytes), 8); g++)
		live_map[g] = 0;
	*o = model_objs[--model_nr_objs];
}

/* Walk a free list of slab: count its objects, mark them in seen[], refuse live,
 * misplaced or repeated ones. */
static unsigned int walk_freelist(struct kmem_cache *s, struct slab *slab, void *fp,
				  unsigned char *seen)
{
	void *base = slab_address(slab);
	unsigned int n = 0;

	while (fp) {
		unsigned long off = (unsigned long)(fp - base) - s->red_left_pad;

		if (fp < base || off % s->size || off / s->size >= slab->objects)
			fail("free list points outside its slab's objects", fp);
		if (seen[off / s->size]++)
			fail("free list holds an object twice (or loops)", fp);
		if (live_map[granule(fp)])
			fail("free list holds a live object", fp);
		n++;
		fp = get_freepointer(s, fp);
	}
	return n;
}

static unsigned int live_in_slab(struct kmem_cache *s, struct slab *slab)
{
	void *p, *base = slab_address(slab);
	unsigned int n = 0;

	for_each_object(p, s, base, slab->objects)
		n += live_map[granule(p)] == 1;
	return n;
}

/* Check every slab of cache s and the node's counters; returns the number of pages its
 * slabs hold.  The model owns every object of a cache the tests made and of the kmalloc
 * caches; the caches of caches (kmem_cache, kmem_cache_node) hold the allocator's own. */
unsigned long model_check_cache(struct kmem_cache *s)
{
	static unsigned char seen[MAX_OBJS_PER_PAGE + 1];
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, 0);
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long slabs = 0, objects = 0, pages = 0, partial = 0;
	struct slab *slab;
	bool owned = s != kmem_cache && strcmp(s->name, "kmem_cache_node");

	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++) {
		struct page *page = &host_pages[pfn];
		unsigned int nf, nc = 0, live;

		if (!PageSlab(page) || page_slab(page)->slab_cache != s)
			continue;
		slab = page_slab(page);
		if (host_block_order(pfn) != (int)slab_order(slab))
			fail("slab's order is not the block the page allocator gave", slab_address(slab));
		if (slab->objects != oo_objects(s->oo) && slab->objects != oo_objects(s->min))
			fail("slab's object count matches neither of the cache's orders", slab_address(slab));
		memset(seen, 0, slab->objects);
		nf = walk_freelist(s, slab, slab->freelist, seen);
		if (c->slab == slab)
			nc = walk_freelist(s, slab, c->freelist, seen);
		live = owned ? live_in_slab(s, slab) : slab->inuse - nc;
		if (slab->inuse > slab->objects || nf != slab->objects - slab->inuse)
			fail("slab's inuse disagrees with its free list", slab_address(slab));
		if (live != slab->inuse - nc)
			fail("slab's inuse is not the number of live objects in it", slab_address(slab));
		if (live + nf + nc != slab->objects)
			fail("a slab lost track of an object", slab_address(slab));
		slabs++;
		objects += slab->objects;
		pages += 1UL << slab_order(slab);
	}
	if (c->slab && (!PageSlab(slab_page(c->slab)) || c->slab->slab_cache != s))
		fail("the CPU slab is not a slab of this cache", c->slab);
	if (!c->slab && c->freelist)
		fail("a CPU free list without a CPU slab", c->freelist);
	list_for_each_entry(slab, &n->partial, slab_list) {
		if (!PageSlab(slab_page(slab)) || slab->slab_cache != s)
			fail("node partial list holds a page that is not a slab of the cache", slab);
		if (slab->inuse == slab->objects && !kmem_cache_debug(s))
			fail("a full slab on the node's partial list", slab);
		partial++;
	}
	if (partial != n->nr_partial)
		fail("nr_partial is not the length of the partial list", s);
	if ((unsigned long)atomic_long_read(&n->nr_slabs) != slabs ||
	    (unsigned long)atomic_long_read(&n->total_objects) != objects)
		fail("node's nr_slabs/total_objects disagree with the slabs found", s);
	return pages;
}

/* Every page handed out by the page allocator is a slab page or a large kmalloc. */
void model_check_pages(void)
{
	unsigned long pages = 0;

	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++) {
		struct page *page = &host_pages[pfn];

		if (PageSlab(page))
			pages += 1UL << slab_order(page_slab(page));
	}
	for (unsigned int i = 0; i < model_nr_objs; i++)
		if (model_objs[i].order >= 0)
			pages += 1UL << model_objs[i].order;
	if (pages != host_pages_in_use)
		fail("pages in use are neither slabs nor large kmallocs (a leak)", NULL);
}

/* No page of the machine belongs to cache s any more (after its destruction). */
void model_check_gone(struct kmem_cache *s)
{
	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++)
		if (PageSlab(&host_pages[pfn]) && page_slab(&host_pages[pfn])->slab_cache == s)
			fail("a destroyed cache still holds a slab", page_address(&host_pages[pfn]));
}

/* After kmem_cache_shrink(): no slab of s without a live object. */
void model_check_shrunk(struct kmem_cache *s)
{
	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++) {
		struct page *page = &host_pages[pfn];

		if (PageSlab(page) && page_slab(page)->slab_cache == s &&
		    !live_in_slab(s, page_slab(page)))
			fail("an empty slab survived kmem_cache_shrink()", page_address(page));
	}
}

void model_check_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		model_check_cache(s);
	model_check_pages();
}
