/* tools/host/buddy/model.c: the buddy allocator's state, checked against what its
 * callers hold (the model), after every operation of the randomized test and the fuzzer.
 *
 * Each page of the zone must be in exactly one place: in a free block on one of the
 * free lists, on a per-CPU list, or in a block a caller holds.  Besides:
 *   - a free block's head is PageBuddy with its order in page_private, aligned to its
 *     size, and its tails are not PageBuddy;
 *   - free_area[order].nr_free is the number of blocks on that order's lists, and the
 *     zone's NR_FREE_PAGES and nr_free_highatomic are the pages on them;
 *   - a free block is on the list of its pageblock's migrate type (every pageblock it
 *     covers, for a block of a pageblock or more), and no pageblock is of a type that
 *     does not exist;
 *   - two buddies are never both free at the same order, except at pageblock order and
 *     above between pageblocks whose types may not merge (MIGRATE_HIGHATOMIC), as
 *     __free_one_page() decides;
 *   - each per-CPU list holds pages of its order, not PageBuddy, and pcp->count is what
 *     the lists hold;
 *   - a block a caller holds has its reference count, and its compound head and tails
 *     when it was asked for with __GFP_COMP. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pageblock-flags.h>
#include "../slub/host.h"
#include "machine.h"
#include "model.h"

struct model_block model_blocks[MODEL_MAX_BLOCKS];
unsigned int model_nr_blocks;
static unsigned char *where;		/* per pfn: 0 nowhere yet, 'F', 'P' or 'A' */
static unsigned char *free_head;	/* per pfn: 1 + order of a free block's head, else 0 */

void model_init(void)
{
	where = host_zalloc(host_nr_pages, 1);
	free_head = host_zalloc(host_nr_pages, 1);
}

static void __attribute__((noreturn)) fail(const char *what, unsigned long pfn)
{
	host_quiet = 0;
	printk("buddy model check failed: %s (pfn %#lx)\n", what, pfn);
	host_fail(what);
}

static void claim(unsigned long pfn, unsigned int order, unsigned char as)
{
	if (pfn & ((1UL << order) - 1))
		fail("block not aligned to its size", pfn);
	if (pfn + (1UL << order) > host_nr_pages)
		fail("block past the end of the zone", pfn);
	for (unsigned long p = pfn; p < pfn + (1UL << order); p++) {
		if (where[p])
			fail(where[p] == 'A' || as == 'A' ? "a page both free and allocated" :
			     "a page in two free places", p);
		where[p] = as;
	}
}

static bool mergeable(int mt)
{
	return mt < MIGRATE_PCPTYPES;
}

static int block_type(unsigned long pfn)
{
	return get_pfnblock_migratetype(pfn_to_page(pfn), pfn);
}

void model_check(void)
{
	struct zone *zone = host_zone;
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, 0);
	unsigned long free_pages = 0, highatomic_pages = 0, pcp_pages = 0, highatomic_blocks = 0;

	memset(where, 0, host_nr_pages);
	memset(free_head, 0, host_nr_pages);
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
		unsigned long blocks = 0;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			struct list_head *pos;

			/* list_for_each(), not list_for_each_entry(): the latter forms a
			 * struct page pointer from the list head itself, misaligned here */
			list_for_each(pos, &zone->free_area[o].free_list[mt]) {
				struct page *page = list_entry(pos, struct page, buddy_list);
				unsigned long pfn = page_to_pfn(page);

				if (!PageBuddy(page) || page_private(page) != o)
					fail("a page on a free list is not a buddy of that order", pfn);
				claim(pfn, o, 'F');
				for (unsigned long p = pfn + 1; p < pfn + (1UL << o); p++)
					if (PageBuddy(pfn_to_page(p)))
						fail("a free block's tail page is PageBuddy", p);
				for (unsigned long b = pageblock_start_pfn(pfn); b < pfn + (1UL << o);
				     b += pageblock_nr_pages)
					if (block_type(b) != mt)
						fail("a free block on the list of another migrate type", pfn);
				free_head[pfn] = o + 1;
				blocks++;
				free_pages += 1UL << o;
				if (mt == MIGRATE_HIGHATOMIC)
					highatomic_pages += 1UL << o;
			}
		}
		if (zone->free_area[o].nr_free != blocks)
			fail("nr_free is not the number of free blocks of its order", o);
	}
	if (zone_page_state(zone, NR_FREE_PAGES) != free_pages)
		fail("NR_FREE_PAGES is not the pages on the free lists", free_pages);
	if (zone->nr_free_highatomic != highatomic_pages)
		fail("nr_free_highatomic is not the pages on the HighAtomic lists", highatomic_pages);

	for (int pindex = 0; pindex < NR_PCP_LISTS; pindex++) {
		unsigned int order = pindex / MIGRATE_PCPTYPES;
		struct list_head *pos;

		list_for_each(pos, &pcp->lists[pindex]) {
			struct page *page = list_entry(pos, struct page, pcp_list);
			unsigned long pfn = page_to_pfn(page);

			if (PageBuddy(page))
				fail("a page on a per-CPU list is PageBuddy", pfn);
			claim(pfn, order, 'P');
			pcp_pages += 1UL << order;
		}
	}
	if ((unsigned long)pcp->count != pcp_pages)
		fail("pcp->count is not what the per-CPU lists hold", pcp_pages);

	for (unsigned int i = 0; i < model_nr_blocks; i++) {
		struct model_block *b = &model_blocks[i];
		struct page *page = pfn_to_page(b->pfn);

		claim(b->pfn, b->order, 'A');
		if (PageBuddy(page))
			fail("an allocated page is PageBuddy", b->pfn);
		if (page_ref_count(page) != b->refs)
			fail("an allocated page's refcount is not what its owner holds", b->pfn);
		if (b->comp && b->order) {
			if (!PageHead(page) || compound_order(page) != b->order)
				fail("a __GFP_COMP block is not a compound page of its order", b->pfn);
			for (unsigned long p = 1; p < (1UL << b->order); p++)
				if (page[p].compound_head != (unsigned long)page + 1)
					fail("a compound page's tail does not point at its head", b->pfn + p);
		}
	}
	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++)
		if (!where[pfn])
			fail("a page is neither free, on a per-CPU list, nor allocated (lost)", pfn);

	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++) {
		unsigned int o;
		unsigned long buddy;

		if (!free_head[pfn] || (o = free_head[pfn] - 1) >= MAX_PAGE_ORDER)
			continue;
		buddy = pfn ^ (1UL << o);
		if (buddy < host_nr_pages && free_head[buddy] == o + 1 &&
		    !(o >= pageblock_order && (!mergeable(block_type(pfn)) || !mergeable(block_type(buddy)))))
			fail("two buddies both free at the same order", pfn);
	}
	for (unsigned long b = 0; b < host_nr_pages; b += pageblock_nr_pages) {
		int mt = block_type(b);

		if (mt >= MIGRATE_TYPES || mt == MIGRATE_ISOLATE)
			fail("a pageblock of a migrate type that cannot be there", b);
		highatomic_blocks += mt == MIGRATE_HIGHATOMIC;
	}
	if (zone->nr_reserved_highatomic != highatomic_blocks * pageblock_nr_pages)
		fail("nr_reserved_highatomic is not the HighAtomic pageblocks", highatomic_blocks);
	if (zone_managed_pages(zone) != host_nr_pages || totalram_pages() != host_nr_pages)
		fail("managed pages are not the zone's pages", zone_managed_pages(zone));
}

/* With nothing allocated and the per-CPU lists drained, everything has merged: into
 * blocks of at least a pageblock, and into whole MAX_PAGE_ORDER blocks where no
 * HighAtomic pageblock keeps them apart. */
void model_check_merged(void)
{
	struct zone *zone = host_zone;

	model_check();
	for (unsigned long pfn = 0; pfn < host_nr_pages; pfn++) {
		if (!free_head[pfn])
			continue;
		if (free_head[pfn] - 1 < pageblock_order)
			fail("a free block below pageblock order with nothing allocated", pfn);
		if (!zone->nr_reserved_highatomic && free_head[pfn] - 1 != MAX_PAGE_ORDER)
			fail("free blocks did not merge back to MAX_PAGE_ORDER", pfn);
	}
}
