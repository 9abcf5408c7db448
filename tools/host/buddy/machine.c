/* tools/host/buddy/machine.c: a machine for chapter 33's buddy allocator (the tangled
 * mm/page_alloc.c) on the host, on top of the slab harness's (../slub/host.c, built
 * with HOST_BUDDY: its memory, struct pages, mem_section, one CPU, locks).  The struct
 * pages are then moved to vmemmap, because this harness compiles the kernel's own memory
 * model, SPARSEMEM_VMEMMAP (buddy/include/asm/).
 *
 * What chapter 32 and memblock do at boot is done here by hand, the way they leave it:
 * one node, one zone (Normal) spanning all of the machine's pages, its zonelists, its
 * watermarks; memblock knows the machine's memory as one free range, so that the
 * chapter's own memblock_free_all() hands every page to the buddy allocator.  The
 * memblock_alloc() of start-up (the pageblock bitmap) and the real per-CPU pagesets
 * (alloc_percpu(), in ../slub/host.c) come from the C heap, so that every page of the
 * machine is the buddy allocator's.  One CPU, at per-CPU offset 0: the static per-CPU
 * boot_pageset is the variable itself, and this_cpu_ptr() of an alloc_percpu() pointer
 * is that pointer.  Before setup_per_cpu_pageset(), a block of each order the per-CPU
 * lists take goes out and back through the boot pageset, which must keep none. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include "../slub/host.h"
#include "internal.h"
#include "machine.h"

static pg_data_t node0;
struct pglist_data *node_data[MAX_NUMNODES] = { &node0 };
struct cpumask node_to_cpumask_map[MAX_NUMNODES] = { { .bits = { 1 } } };
int page_group_by_mobility_disabled;
unsigned long max_low_pfn;
/* page_alloc_bench()'s start deadline reads it; the harness never runs that benchmark. */
unsigned int tsc_khz;
struct memblock memblock;
/* The kernel image's bounds, which mem_init_print_info() prints: none here. */
char _text[1], _etext[1], _sdata[1], _edata[1], __bss_start[1], __bss_stop[1];
char __init_begin[1], __init_end[1], __start_rodata[1], __end_rodata[1];

void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
			     phys_addr_t max_addr, int nid)
{
	return host_zalloc(size, align);
}
phys_addr_t memblock_reserved_size(void)
{
	return 0;
}

/* Chapter 32's mm_init.c is not linked: this machine has one node and initialises
 * every struct page by hand before the hand-over, so no page is ever deferred. */
int early_pfn_to_nid(unsigned long pfn)
{
	return 0;
}
bool early_page_initialised(unsigned long pfn, int nid)
{
	return true;
}

/* The machine's memory as memblock's one free range: [0, all of it). */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	if (*idx == 0) {
		*out_start = 0;
		*out_end = host_nr_pages << PAGE_SHIFT;
		if (out_nid)
			*out_nid = 0;
		*idx = 1;
	} else {
		*idx = ULLONG_MAX;
	}
}

struct zone *host_zone;

/* The per-CPU lists' trylock (pcp_spin_trylock()), which the slab harness's locks
 * (../slub/host.c) do not stand in for.  One CPU: a lock found taken is one this CPU
 * holds, and the trylock fails, as it does for an interrupt handler in the kernel. */
int _raw_spin_trylock(raw_spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		host_fail("spinlock bad magic");
	if (lock->owner_cpu != (unsigned int)-1)
		return 0;
	lock->owner_cpu = 0;
	__preempt_count_add(1);	/* what ../slub/host.c's host_lock() does */
	return 1;
}

void *host_map_fixed(unsigned long addr, unsigned long size);	/* vmemmap.c */
#ifndef CONFIG_SPARSEMEM_VMEMMAP
#error "the buddy harness compiles SPARSEMEM_VMEMMAP (buddy/include/asm/sparsemem.h)"
#endif

/* host_memory_init() made the struct pages in the heap and linked them to their node,
 * zone and section; with SPARSEMEM_VMEMMAP pfn_to_page(pfn) is vmemmap + pfn, so they
 * move to vmemmap, mapped at the host's VMEMMAP_START, as the kernel's vmemmap_populate()
 * maps them at its own.  mem_section keeps describing the one present section
 * (pfn_valid() reads it, as the kernel's does). */
static void host_vmemmap_init(unsigned long nr_pages)
{
	unsigned long size = PAGE_ALIGN(nr_pages * sizeof(struct page));
	struct page *map = host_map_fixed(VMEMMAP_START, size);

	memcpy(map, host_pages, nr_pages * sizeof(struct page));
	host_free(host_pages);
	host_pages = map;
	if (pfn_to_page(nr_pages - 1) != &map[nr_pages - 1] || page_to_pfn(&map[1]) != 1)
		host_fail("vmemmap: pfn_to_page() is not vmemmap + pfn");
}

void host_buddy_init(unsigned long nr_pages, unsigned long min_wmark)
{
	struct zone *zone = &node0.node_zones[ZONE_NORMAL];

	host_memory_init(nr_pages);
	host_vmemmap_init(nr_pages);
	max_low_pfn = nr_pages;
	node0.node_id = 0;
	node0.node_start_pfn = 0;
	node0.node_present_pages = node0.node_spanned_pages = nr_pages;
	node0.nr_zones = ZONE_NORMAL + 1;
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		node0.node_zones[t].zone_pgdat = &node0;
		node0.node_zones[t].name = "Normal";	/* the empty ones are not printed */
	}
	zone->zone_start_pfn = 0;
	zone->spanned_pages = zone->present_pages = nr_pages;
	zone->initialized = 1;
	zone->_watermark[WMARK_MIN] = min_wmark;
	zone->_watermark[WMARK_LOW] = min_wmark + min_wmark / 4;
	zone->_watermark[WMARK_HIGH] = min_wmark + min_wmark / 2;
	zone->_watermark[WMARK_PROMO] = min_wmark + min_wmark / 2;
	for (int l = 0; l < MAX_ZONELISTS; l++) {
		node0.node_zonelists[l]._zonerefs[0] = (struct zoneref){ zone, ZONE_NORMAL };
		node0.node_zonelists[l]._zonerefs[1] = (struct zoneref){ NULL, 0 };
	}
	host_zone = zone;
	zone_init_free_lists_and_pageblocks();	/* points the zone at boot_pageset */
	boot_pagesets_init();
	memblock_free_all();
	after_bootmem = 1;
	if (zone->per_cpu_pageset != &boot_pageset)
		host_fail("the zone does not start on the boot pageset");
	for (unsigned int order = 0; order <= PAGE_ALLOC_COSTLY_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		if (!page || boot_pageset.count)
			host_fail("an allocation through the boot pageset failed or left pages on it");
		__free_pages(page, order);
		if (boot_pageset.count)
			host_fail("a free through the boot pageset left pages on it");
	}
	setup_per_cpu_pageset();
	if (zone->per_cpu_pageset == &boot_pageset)
		host_fail("setup_per_cpu_pageset() left the zone on the boot pageset");
}
