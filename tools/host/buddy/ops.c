/* tools/host/buddy/ops.c: the operations the randomized test and the fuzzer apply to
 * the buddy allocator, each checking what its caller can see and updating the model.
 * The byte r picks among the variants of an operation, so that both drivers reach all. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include "../slub/host.h"
#include "machine.h"
#include "model.h"
#include "ops.h"

extern unsigned long nr_bad_pages;

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_KERNEL | __GFP_RECLAIMABLE, GFP_HIGHUSER_MOVABLE, GFP_ATOMIC, GFP_NOWAIT,
};

static void __attribute__((noreturn)) fail(const char *what, unsigned long pfn)
{
	host_quiet = 0;
	printk("buddy check failed: %s (pfn %#lx)\n", what, pfn);
	host_fail(what);
}

static void stamp(unsigned long pfn, unsigned int order, u8 tag)
{
	for (unsigned long p = pfn; p < pfn + (1UL << order); p++) {
		u8 *a = page_address(pfn_to_page(p));

		a[0] = tag;
		a[PAGE_SIZE - 1] = tag;
	}
}

static void check_stamp(struct model_block *b)
{
	for (unsigned long p = b->pfn; p < b->pfn + (1UL << b->order); p++) {
		u8 *a = page_address(pfn_to_page(p));

		if (a[0] != b->tag || a[PAGE_SIZE - 1] != b->tag)
			fail("an allocated page changed under its owner", p);
	}
}

/* May the allocator refuse this?  When, even before the reserves that gfp may dig into,
 * the free pages outside the HighAtomic reserve are at the min watermark, or when no
 * free block of the order or above is on a list an ordinary allocation may take from. */
static bool refusal_allowed(unsigned int order)
{
	struct zone *zone = host_zone;
	long free = zone_page_state(zone, NR_FREE_PAGES) - zone->nr_free_highatomic;

	if (free - (1L << order) + 1 <= (long)min_wmark_pages(zone))
		return true;
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++)
		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!list_empty(&zone->free_area[o].free_list[mt]))
				return false;
	return true;
}

/* May the allocator grant this?  Only if the free pages it saw, less the 2^order - 1 the
 * check always removes, were above the lowest mark this request may go down to.  A request
 * that may sleep: the min mark, with the free HighAtomic pages not counted.  One that may
 * not (ALLOC_NON_BLOCK, one of the reserves): the min mark, HighAtomic pages counted.
 * GFP_ATOMIC, with __GFP_HIGH too: min halved, then a quarter of that off again, which is
 * still above a quarter of min.  (The lowmem reserve only raises the bar, so leaving it
 * out keeps these true bounds.) */
static bool success_allowed(unsigned int order, gfp_t gfp, long free_before, long highatomic)
{
	long min = min_wmark_pages(host_zone);
	long usable = free_before - (1L << order) + 1;

	if (gfp & __GFP_HIGH)
		return usable > min / 4;
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		return usable > min;
	return usable - highatomic > min;
}

void op_alloc(u8 r, u8 s)
{
	unsigned int order = r < 150 ? 0 : r < 200 ? 1 + r % 3 : r % (MAX_PAGE_ORDER + 1);
	gfp_t gfp = gfps[s % ARRAY_SIZE(gfps)];
	struct page *page;
	struct model_block *b;
	unsigned long bad = nr_bad_pages;
	long free_before, highatomic;

	if (s & 0x10)
		gfp |= __GFP_COMP;
	if (s & 0x20)
		gfp |= __GFP_ZERO;
	if (model_nr_blocks == MODEL_MAX_BLOCKS)
		return;
	free_before = zone_page_state(host_zone, NR_FREE_PAGES);
	highatomic = host_zone->nr_free_highatomic;
	page = alloc_pages(gfp | __GFP_NOWARN, order);
	if (nr_bad_pages != bad)
		fail("an allocation reported a bad page", 0);
	if (!page) {
		if (!refusal_allowed(order)) {
			host_quiet = 0;
			printk("refused: order %u gfp %#x, free %lu, highatomic free %lu\n", order, gfp,
			       zone_page_state(host_zone, NR_FREE_PAGES), host_zone->nr_free_highatomic);
			fail("an allocation refused with a free block to spare", order);
		}
		return;
	}
	if (page < host_pages || page >= host_pages + host_nr_pages)
		fail("a page outside the zone", 0);
	if (!success_allowed(order, gfp, free_before, highatomic)) {
		host_quiet = 0;
		printk("granted: order %u gfp %#x, free before %ld, min watermark %lu\n", order, gfp,
		       free_before, min_wmark_pages(host_zone));
		fail("an allocation granted below every watermark it may use", page_to_pfn(page));
	}
	if (gfp & __GFP_ZERO)
		for (unsigned long i = 0; i < (PAGE_SIZE << order); i += 512)
			if (((u8 *)page_address(page))[i])
				fail("a __GFP_ZERO block not zeroed", page_to_pfn(page) + i / PAGE_SIZE);
	b = &model_blocks[model_nr_blocks++];
	*b = (struct model_block){ .pfn = page_to_pfn(page), .order = order, .refs = 1,
				   .comp = !!(gfp & __GFP_COMP), .tag = 1 + (r ^ s) % 255 };
	stamp(b->pfn, order, b->tag);
}

void op_free(unsigned int i, u8 how)
{
	struct model_block b;
	struct page *page;
	unsigned long bad = nr_bad_pages;

	if (!model_nr_blocks)
		return;
	i %= model_nr_blocks;
	b = model_blocks[i];
	check_stamp(&b);
	page = pfn_to_page(b.pfn);
	if (b.refs > 1) {			/* drop one extra reference */
		model_blocks[i].refs--;
		if (b.comp)
			put_page(page);
		else
			__free_pages(page, b.order);
		return;
	}
	model_blocks[i] = model_blocks[--model_nr_blocks];
	if (b.comp && how % 3 == 0)
		put_page(page);
	else if (how % 3 == 1)
		free_pages((unsigned long)page_address(page), b.order);
	else
		__free_pages(page, b.order);
	if (nr_bad_pages != bad)
		fail("a valid free reported a bad page", b.pfn);
}

void op_get(unsigned int i)
{
	if (!model_nr_blocks)
		return;
	i %= model_nr_blocks;
	if (model_blocks[i].refs < 3 && (model_blocks[i].comp || !model_blocks[i].order)) {
		get_page(pfn_to_page(model_blocks[i].pfn));
		model_blocks[i].refs++;
	}
}

/* split_page(): a non-compound block becomes 2^order blocks of one page. */
void op_split(unsigned int i)
{
	struct model_block b;

	if (!model_nr_blocks)
		return;
	i %= model_nr_blocks;
	b = model_blocks[i];
	if (b.comp || !b.order || b.refs != 1 ||
	    model_nr_blocks - 1 + (1U << b.order) > MODEL_MAX_BLOCKS)
		return;
	split_page(pfn_to_page(b.pfn), b.order);
	model_blocks[i] = model_blocks[--model_nr_blocks];
	for (unsigned long p = b.pfn; p < b.pfn + (1UL << b.order); p++)
		model_blocks[model_nr_blocks++] = (struct model_block){ .pfn = p, .order = 0,
			.refs = 1, .tag = b.tag };
}

void op_drain(void)
{
	drain_all_pages(NULL);
	if (per_cpu_ptr(host_zone->per_cpu_pageset, 0)->count)
		fail("drain_all_pages() left pages on the per-CPU lists", 0);
}

/* A free of a block nobody holds: a page that is free already (a double free), or a
 * tail page of an allocated block.  It must be reported as a bad page, and change
 * nothing the model can see. */
void op_bad_free(unsigned long pfn)
{
	struct page *page;
	unsigned long bad = nr_bad_pages;

	pfn %= host_nr_pages;
	page = pfn_to_page(pfn);
	for (unsigned int i = 0; i < model_nr_blocks; i++)
		if (pfn == model_blocks[i].pfn)
			return;			/* that one is held: not a bad free */
	if (page_ref_count(page))
		return;				/* a tail of a block whose head holds the count */
	__free_pages(page, 0);
	if (nr_bad_pages == bad)
		fail("a double free was not reported", pfn);
}

void free_everything(void)
{
	while (model_nr_blocks) {
		struct model_block *b = &model_blocks[model_nr_blocks - 1];

		while (b->refs > 1)
			op_free(model_nr_blocks - 1, 0);
		op_free(model_nr_blocks - 1, 0);
	}
}
