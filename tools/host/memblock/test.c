/*
 * tools/host/memblock/test.c: unit tests for mm/memblock.c on the host,
 * under AddressSanitizer and UBSan.  Each test runs in its own child
 * process, so memblock's static state (the resize switch, the mirror flag)
 * starts fresh, and a crash fails one test, not the run.  Output is TAP.
 *
 * Tests that depend on the allocation direction run twice, top-down and
 * bottom-up, and say so in their names.
 */
#include "check.h"
#include "host.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;
static int bottom_up;			/* direction for TEST_BOTH tests */

#define FAIL(...) do { printf("#   %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
		       printf("\n"); failures++; } while (0)
#define CHECK(c) do { if (!(c)) FAIL("check failed: %s", #c); } while (0)
#define EQ(a, b) do { unsigned long long _a = (unsigned long long)(a), _b = (unsigned long long)(b); \
		      if (_a != _b) FAIL("%s == %#llx, expected %s == %#llx", #a, _a, #b, _b); } while (0)
#define LOG_HAS(s) do { if (!strstr(host_log(), s)) FAIL("log lacks \"%s\"; log is:\n%s", s, host_log()); } while (0)
#define LOG_LACKS(s) do { if (strstr(host_log(), s)) FAIL("log has \"%s\"", s); } while (0)

#define R(b, s, n, f)	((struct memblock_region){ .base = (b), .size = (s), .nid = (n), .flags = (f) })
#define NONODE		MAX_NUMNODES

/* Compare a type with the expected regions. */
static void expect_regions(const char *what, int line, struct memblock_type *t,
			   unsigned long n, const struct memblock_region *want)
{
	int bad = t->cnt != n;

	for (unsigned long i = 0; !bad && i < n; i++)
		bad = t->regions[i].base != want[i].base || t->regions[i].size != want[i].size ||
		      t->regions[i].nid != want[i].nid || t->regions[i].flags != want[i].flags;
	if (!bad)
		return;
	printf("#   %s:%d: %s differs. Have %lu:\n", __FILE__, line, what, t->cnt);
	for (unsigned long i = 0; i < t->cnt; i++)
		printf("#     [%#llx-%#llx) nid %d flags %#x\n", t->regions[i].base,
		       t->regions[i].base + t->regions[i].size, t->regions[i].nid, t->regions[i].flags);
	printf("#   want %lu:\n", n);
	for (unsigned long i = 0; i < n; i++)
		printf("#     [%#llx-%#llx) nid %d flags %#x\n", want[i].base,
		       want[i].base + want[i].size, want[i].nid, want[i].flags);
	failures++;
}
#define EXPECT(type, ...) do { const struct memblock_region _w[] = { __VA_ARGS__ }; \
	expect_regions(#type, __LINE__, &memblock.type, ARRAY_SIZE(_w), _w); } while (0)
#define EXPECT_EMPTY(type) expect_regions(#type, __LINE__, &memblock.type, 0, NULL)

/* ------------------------------------------------------------------------ */

static void t_initial_state(void)
{
	EQ(memblock.memory.cnt, 0);
	EQ(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	EQ(memblock.reserved.cnt, 0);
	EQ(memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(!strcmp(memblock.memory.name, "memory"));
	CHECK(!strcmp(memblock.reserved.name, "reserved"));
	EQ(memblock.current_limit, MEMBLOCK_ALLOC_ANYWHERE);
	CHECK(!memblock_bottom_up());
	EQ(memblock_phys_mem_size(), 0);
	EQ(memblock_start_of_DRAM(), 0);
	EQ(memblock_end_of_DRAM(), 0);
	CHECK(!memblock_is_memory(0));
}

static void t_add_simple(void)
{
	EQ(memblock_add(0x1000, 0x9e000), 0);
	EXPECT(memory, R(0x1000, 0x9e000, NONODE, 0));
	EQ(memblock.memory.total_size, 0x9e000);
	EQ(memblock_add(0x100000, 0x1000000), 0);
	EXPECT(memory, R(0x1000, 0x9e000, NONODE, 0), R(0x100000, 0x1000000, NONODE, 0));
	EQ(memblock_phys_mem_size(), 0x9e000 + 0x1000000);
	/* a lower region goes in front: the array stays sorted */
	EQ(memblock_add(0x0, 0x800), 0);
	EQ(memblock.memory.regions[0].base, 0);
	EQ(memblock.memory.cnt, 3);
	/* size 0 changes nothing */
	EQ(memblock_add(0x5000000, 0), 0);
	EQ(memblock.memory.cnt, 3);
}

static void t_add_merges_neighbours(void)
{
	memblock_add(0x10000, 0x1000);
	memblock_add(0x11000, 0x1000);		/* touches above */
	EXPECT(memory, R(0x10000, 0x2000, NONODE, 0));
	memblock_add(0xf000, 0x1000);		/* touches below */
	EXPECT(memory, R(0xf000, 0x3000, NONODE, 0));
	memblock_add(0x20000, 0x1000);
	memblock_add(0x12000, 0xe000);		/* fills the hole exactly: three become one */
	EXPECT(memory, R(0xf000, 0x12000, NONODE, 0));
	EQ(memblock.memory.total_size, 0x12000);
}

static void t_add_overlaps(void)
{
	memblock_add(0x10000, 0x10000);
	memblock_add(0x18000, 0x10000);		/* overlaps the top */
	EXPECT(memory, R(0x10000, 0x18000, NONODE, 0));
	memblock_add(0x8000, 0x10000);		/* overlaps the bottom */
	EXPECT(memory, R(0x8000, 0x20000, NONODE, 0));
	memblock_add(0x9000, 0x1000);		/* inside */
	memblock_add(0x8000, 0x20000);		/* the same again */
	EXPECT(memory, R(0x8000, 0x20000, NONODE, 0));
	memblock_add(0x40000, 0x1000);
	memblock_add(0x0, 0x100000);		/* covers everything */
	EXPECT(memory, R(0x0, 0x100000, NONODE, 0));
	EQ(memblock.memory.total_size, 0x100000);
}

static void t_add_node_merge_rules(void)
{
	/* same node: merge */
	memblock_add_node(0x0, 0x1000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x1000, 0x1000, 0, MEMBLOCK_NONE);
	/* another node touching: no merge */
	memblock_add_node(0x2000, 0x1000, 1, MEMBLOCK_NONE);
	/* other flags touching: no merge */
	memblock_add_node(0x3000, 0x1000, 1, MEMBLOCK_HOTPLUG);
	EXPECT(memory, R(0x0, 0x2000, 0, 0), R(0x2000, 0x1000, 1, 0),
	       R(0x3000, 0x1000, 1, MEMBLOCK_HOTPLUG));
	/* an overlapping add keeps what is there and fills only the gaps */
	memblock_add_node(0x1000, 0x5000, 2, MEMBLOCK_NONE);
	EXPECT(memory, R(0x0, 0x2000, 0, 0), R(0x2000, 0x1000, 1, 0),
	       R(0x3000, 0x1000, 1, MEMBLOCK_HOTPLUG), R(0x4000, 0x2000, 2, 0));
}

static void t_add_fills_several_gaps(void)
{
	memblock_add(0x2000, 0x1000);
	memblock_add(0x6000, 0x1000);
	memblock_add_node(0x0, 0xa000, 3, 0);	/* three gaps of node 3 */
	EXPECT(memory, R(0x0, 0x2000, 3, 0), R(0x2000, 0x1000, NONODE, 0),
	       R(0x3000, 0x3000, 3, 0), R(0x6000, 0x1000, NONODE, 0), R(0x7000, 0x3000, 3, 0));
	EQ(memblock.memory.total_size, 0xa000);
}

static void t_add_clipped_at_top(void)
{
	memblock_add(PHYS_ADDR_MAX - 0xfff, 0x100000);
	EXPECT(memory, R(PHYS_ADDR_MAX - 0xfff, 0xfff, NONODE, 0));
	EQ(memblock_end_of_DRAM(), PHYS_ADDR_MAX);
	memblock_add(0x1000, ULLONG_MAX);	/* "everything from 4K" */
	EXPECT(memory, R(0x1000, PHYS_ADDR_MAX - 0x1000, NONODE, 0));
	EQ(memblock.memory.total_size, PHYS_ADDR_MAX - 0x1000);
	memblock_remove(0x2000, ULLONG_MAX);
	EXPECT(memory, R(0x1000, 0x1000, NONODE, 0));
}

static void t_reserve(void)
{
	/* reserving needs no memory */
	EQ(memblock_reserve(0x1000000, 0x200000), 0);
	EQ(memblock_reserve(0x0, 0x10000), 0);
	EQ(memblock_reserve(0x10000, 0xf0000), 0);	/* touches: merges */
	EXPECT(reserved, R(0x0, 0x100000, NONODE, 0), R(0x1000000, 0x200000, NONODE, 0));
	EQ(memblock_reserved_size(), 0x300000);
	EXPECT_EMPTY(memory);
	CHECK(memblock_is_reserved(0xfffff));
	CHECK(!memblock_is_reserved(0x100000));
	CHECK(memblock_is_region_reserved(0xff000, 0x2000));
	CHECK(!memblock_is_region_reserved(0x100000, 0xf00000));
}

static void t_remove(void)
{
	memblock_add(0x0, 0x100000);
	memblock_remove(0x40000, 0x10000);		/* middle: split */
	EXPECT(memory, R(0x0, 0x40000, NONODE, 0), R(0x50000, 0xb0000, NONODE, 0));
	memblock_remove(0x0, 0x1000);			/* head */
	memblock_remove(0xff000, 0x10000);		/* tail, past the end */
	EXPECT(memory, R(0x1000, 0x3f000, NONODE, 0), R(0x50000, 0xaf000, NONODE, 0));
	memblock_remove(0x200000, 0x1000);		/* nothing there */
	EQ(memblock.memory.cnt, 2);
	memblock_remove(0x30000, 0x30000);		/* spans the hole */
	EXPECT(memory, R(0x1000, 0x2f000, NONODE, 0), R(0x60000, 0x9f000, NONODE, 0));
	memblock_remove(0x0, 0x1000000);		/* everything */
	EXPECT_EMPTY(memory);
	EQ(memblock.memory.total_size, 0);
	EQ(memblock_end_of_DRAM(), 0);
}

static void t_remove_keeps_node_and_flags(void)
{
	memblock_add_node(0x0, 0x10000, 1, MEMBLOCK_HOTPLUG);
	memblock_remove(0x4000, 0x1000);
	EXPECT(memory, R(0x0, 0x4000, 1, MEMBLOCK_HOTPLUG), R(0x5000, 0xb000, 1, MEMBLOCK_HOTPLUG));
}

static void t_free(void)
{
	memblock_add(0x100000, 0x1000000);
	memblock_reserve(0x200000, 0x100000);
	memblock_phys_free(0x240000, 0x10000);
	EXPECT(reserved, R(0x200000, 0x40000, NONODE, 0), R(0x250000, 0xb0000, NONODE, 0));
	memblock_free(__va(0x200000), 0x40000);
	EXPECT(reserved, R(0x250000, 0xb0000, NONODE, 0));
	memblock_free(NULL, 0x1000);			/* NULL is ignored */
	EQ(memblock.reserved.cnt, 1);
}

static void t_flags(void)
{
	memblock_add(0x0, 0x10000);
	EQ(memblock_mark_nomap(0x4000, 0x2000), 0);
	EXPECT(memory, R(0x0, 0x4000, NONODE, 0), R(0x4000, 0x2000, NONODE, MEMBLOCK_NOMAP),
	       R(0x6000, 0xa000, NONODE, 0));
	EQ(memblock.memory.total_size, 0x10000);
	EQ(memblock_mark_hotplug(0x5000, 0x2000), 0);
	EXPECT(memory, R(0x0, 0x4000, NONODE, 0), R(0x4000, 0x1000, NONODE, MEMBLOCK_NOMAP),
	       R(0x5000, 0x1000, NONODE, MEMBLOCK_NOMAP | MEMBLOCK_HOTPLUG),
	       R(0x6000, 0x1000, NONODE, MEMBLOCK_HOTPLUG), R(0x7000, 0x9000, NONODE, 0));
	CHECK(memblock_is_nomap(&memblock.memory.regions[1]));
	CHECK(memblock_is_hotpluggable(&memblock.memory.regions[3]));
	EQ(memblock_clear_hotplug(0x0, 0x10000), 0);
	EQ(memblock_clear_nomap(0x0, 0x10000), 0);
	EXPECT(memory, R(0x0, 0x10000, NONODE, 0));	/* merged back into one */
}

static void t_set_node(void)
{
	memblock_add(0x0, 0x100000);
	memblock_add(0x200000, 0x100000);
	EQ(memblock_set_node(0x80000, 0x200000, &memblock.memory, 1), 0);
	EXPECT(memory, R(0x0, 0x80000, NONODE, 0), R(0x80000, 0x80000, 1, 0),
	       R(0x200000, 0x80000, 1, 0), R(0x280000, 0x80000, NONODE, 0));
	EQ(memblock_set_node(0x0, 0x80000, &memblock.memory, 0), 0);
	EQ(memblock_set_node(0x280000, ULLONG_MAX, &memblock.memory, 1), 0);
	EXPECT(memory, R(0x0, 0x80000, 0, 0), R(0x80000, 0x80000, 1, 0), R(0x200000, 0x100000, 1, 0));
	/* one node for everything: the touching pair merges */
	EQ(memblock_set_node(0x0, ULLONG_MAX, &memblock.memory, 0), 0);
	EXPECT(memory, R(0x0, 0x100000, 0, 0), R(0x200000, 0x100000, 0, 0));
	/* the reserved type takes nodes too */
	memblock_reserve(0x1000, 0x1000);
	EQ(memblock_set_node(0x0, ULLONG_MAX, &memblock.reserved, 1), 0);
	EXPECT(reserved, R(0x1000, 0x1000, 1, 0));
}

static void t_queries(void)
{
	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, 0x7ee0000);
	memblock_add_node(0x7fe0000, 0x20000, 1, 0);
	EQ(memblock_start_of_DRAM(), 0x1000);
	EQ(memblock_end_of_DRAM(), 0x8000000);
	EQ(memblock_phys_mem_size(), 0x9e000 + 0x7ee0000 + 0x20000);
	CHECK(memblock_is_memory(0x1000));
	CHECK(memblock_is_memory(0x9efff));
	CHECK(!memblock_is_memory(0x9f000));
	CHECK(!memblock_is_memory(0xfff));
	CHECK(memblock_is_memory(0x7ffffff));
	CHECK(!memblock_is_memory(0x8000000));
	CHECK(memblock_is_region_memory(0x100000, 0x1000));
	CHECK(!memblock_is_region_memory(0x9e000, 0x2000));	/* runs into the hole */
	CHECK(!memblock_is_region_memory(0x7fd0000, 0x20000));	/* spans two regions */
	CHECK(!memblock_is_region_memory(0x0, 0x1000));
	CHECK(memblock_overlaps_region(&memblock.memory, 0x0, 0x1001));
	CHECK(!memblock_overlaps_region(&memblock.memory, 0x0, 0x1000));
	CHECK(!memblock_overlaps_region(&memblock.memory, 0x9f000, 0x61000));
	CHECK(memblock_overlaps_region(&memblock.memory, 0x9f000, 0x61001));
	CHECK(memblock_overlaps_region(&memblock.memory, 0x7fff000, ULLONG_MAX));	/* clipped */
	CHECK(!memblock_overlaps_region(&memblock.reserved, 0x0, ULLONG_MAX));
}

static void t_trim(void)
{
	memblock_add(0x0, 0x9fc00);		/* QEMU's 639 KiB */
	memblock_add(0x100400, 0x800);		/* no whole page */
	memblock_add(0x200800, 0x2000);		/* one whole page inside */
	memblock_add_node(0x300000, 0x100000, 1, 0);
	memblock_trim_memory(PAGE_SIZE);
	EXPECT(memory, R(0x0, 0x9f000, NONODE, 0), R(0x201000, 0x1000, NONODE, 0),
	       R(0x300000, 0x100000, 1, 0));
	EQ(memblock.memory.total_size, 0x9f000 + 0x1000 + 0x100000);
}

static void t_trim_large_align(void)
{
	memblock_add(0x0, 0x9fc00);
	memblock_add(0x300000, 0x300000);
	memblock_trim_memory(0x200000);
	EXPECT(memory, R(0x400000, 0x200000, NONODE, 0));
	EQ(memblock.memory.total_size, 0x200000);
}

static void t_limit_and_direction(void)
{
	memblock_set_current_limit(0x4000000);
	EQ(memblock_get_current_limit(), 0x4000000);
	memblock_set_bottom_up(true);
	CHECK(memblock_bottom_up());
	memblock_set_bottom_up(false);
	CHECK(!memblock_bottom_up());
}

/* ---- allocation ------------------------------------------------------- */

#define MEM_BASE	0x100000ULL
#define MEM_SIZE	0x1000000ULL		/* 16 MiB at 1 MiB */
#define MEM_END		(MEM_BASE + MEM_SIZE)

static void setup_direction(void)
{
	memblock_set_bottom_up(bottom_up);
}

static void t_alloc_basic(void)
{
	phys_addr_t a, b;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	a = memblock_phys_alloc(0x1000, 0x1000);
	b = memblock_phys_alloc(0x1000, 0x1000);
	if (!bottom_up) {
		EQ(a, MEM_END - 0x1000);		/* the very top */
		EQ(b, MEM_END - 0x2000);		/* just below */
		EXPECT(reserved, R(MEM_END - 0x2000, 0x2000, NONODE, 0));
	} else {
		EQ(a, MEM_BASE);
		EQ(b, MEM_BASE + 0x1000);
		EXPECT(reserved, R(MEM_BASE, 0x2000, NONODE, 0));
	}
	EQ(memblock_reserved_size(), 0x2000);
}

static void t_alloc_skips_reserved(void)
{
	phys_addr_t a;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	/* leave only a 0x3000 gap at MEM_BASE + 0x800000 */
	memblock_reserve(MEM_BASE, 0x800000);
	memblock_reserve(MEM_BASE + 0x803000, MEM_SIZE - 0x803000);
	a = memblock_phys_alloc(0x2000, 0x1000);
	EQ(a, bottom_up ? MEM_BASE + 0x800000 : MEM_BASE + 0x801000);
	a = memblock_phys_alloc(0x2000, 0x1000);	/* only 0x1000 left */
	EQ(a, 0);
	a = memblock_phys_alloc(0x1000, 0x1000);
	EQ(a, bottom_up ? MEM_BASE + 0x802000 : MEM_BASE + 0x800000);
	EXPECT(reserved, R(MEM_BASE, MEM_SIZE, NONODE, 0));	/* all merged */
	EQ(memblock_phys_alloc(0x1000, 0x1000), 0);		/* full */
}

static void t_alloc_alignment(void)
{
	phys_addr_t a;

	setup_direction();
	memblock_add(MEM_BASE + 0x1000, MEM_SIZE - 0x3000);	/* unaligned ends */
	a = memblock_phys_alloc(0x1000, 0x100000);
	EQ(a & 0xfffff, 0);
	EQ(a, bottom_up ? MEM_BASE + 0x100000 : MEM_END - 0x100000);
	a = memblock_phys_alloc(0x10, 0x10);
	EQ(a & 0xf, 0);
	CHECK(a >= MEM_BASE + 0x1000 && a + 0x10 <= MEM_END - 0x2000);
}

static void t_alloc_bad_alignment(void)
{
	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	host_log_clear();
	EQ(memblock_phys_alloc(0x1000, 0x3000), 0);		/* not a power of two */
	LOG_HAS("is not a power of two");
	EQ(memblock.reserved.cnt, 0);
	host_log_clear();
	phys_addr_t a = memblock_phys_alloc(0x100, 0);		/* 0: a cache line */
	LOG_HAS("called with align 0, using 64");
	CHECK(a != 0);
	EQ(a % SMP_CACHE_BYTES, 0);
}

static void t_alloc_never_page_zero(void)
{
	setup_direction();
	memblock_add(0x0, 0x2000);
	EQ(memblock_phys_alloc(0x1000, 0x1000), 0x1000);
	EQ(memblock_phys_alloc(0x1000, 0x1000), 0);			/* page 0 is never handed out */
	CHECK(!memblock_is_reserved(0x0));
}

static void t_alloc_respects_range_and_limit(void)
{
	phys_addr_t a;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	a = memblock_phys_alloc_range(0x1000, 0x1000, MEM_BASE + 0x200000, MEM_BASE + 0x300000);
	EQ(a, bottom_up ? MEM_BASE + 0x200000 : MEM_BASE + 0x2ff000);
	EQ(memblock_phys_alloc_range(0x200000, 0x1000, MEM_BASE + 0x200000, MEM_BASE + 0x300000), 0);
	memblock_set_current_limit(MEM_BASE + 0x400000);
	a = memblock_phys_alloc(0x1000, 0x1000);			/* ACCESSIBLE: below the limit */
	CHECK(a + 0x1000 <= MEM_BASE + 0x400000);
	/* an explicit end above the limit is honoured by the phys interface ... */
	a = memblock_phys_alloc_range(0x1000, 0x1000, 0, MEM_END);
	if (!bottom_up)
		EQ(a, MEM_END - 0x1000);
	/* ... but memblock_alloc_try_nid clamps it */
	void *p = memblock_alloc_try_nid(0x1000, 0x1000, 0, MEM_END, NUMA_NO_NODE);
	CHECK(p && __pa(p) + 0x1000 <= MEM_BASE + 0x400000);
	/* ANYWHERE means no limit at all */
	a = memblock_phys_alloc_range(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_ANYWHERE);
	if (!bottom_up)
		EQ(a, MEM_END - 0x2000);
}

static void t_alloc_zeroes_unless_raw(void)
{
	unsigned char *p;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	memset(__va(MEM_BASE), 0xa5, MEM_SIZE);
	p = memblock_alloc(0x3000, 0x1000);
	CHECK(p != NULL);
	for (int i = 0; p && i < 0x3000; i++)
		if (p[i]) { FAIL("memblock_alloc memory not zeroed at +%#x", i); break; }
	p = memblock_alloc_raw(0x1000, 0x1000);
	CHECK(p != NULL);
	CHECK(p && p[0] == 0xa5 && p[0xfff] == 0xa5);	/* raw: untouched */
	p = memblock_alloc_try_nid_raw(0x1000, 0x1000, 0, 0, NUMA_NO_NODE);
	CHECK(p && p[0] == 0xa5);
	p = memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, NUMA_NO_NODE);
	CHECK(p && p[0] == 0xa5);
	EQ(memblock_reserved_size(), 0x6000);
}

static void t_alloc_from(void)
{
	void *p;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	memblock_set_bottom_up(true);			/* min_addr only shows bottom-up */
	p = memblock_alloc_from(0x1000, 0x1000, MEM_BASE + 0x500000);
	EQ(__pa(p), MEM_BASE + 0x500000);
	/* nothing fits above min_addr: the lower bound is dropped */
	p = memblock_alloc_from(0x100000, 0x1000, MEM_END - 0x1000);
	CHECK(p != NULL);
	EQ(__pa(p), MEM_BASE);
}

static void t_alloc_low(void)
{
	void *p;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	memblock_add(0x100000000ULL, 0x1000000);	/* 16 MiB above 4 GiB */
	p = memblock_alloc(0x1000, 0x1000);
	if (!bottom_up)
		EQ(__pa(p), 0x100000000ULL + 0x1000000 - 0x1000);
	p = memblock_alloc_low(0x1000, 0x1000);
	CHECK(p && __pa(p) < 0x100000000ULL);
}

static void t_alloc_nodes(void)
{
	phys_addr_t a;
	void *p;

	setup_direction();
	memblock_add_node(MEM_BASE, 0x800000, 0, 0);
	memblock_add_node(MEM_BASE + 0x800000, 0x800000, 1, 0);
	p = memblock_alloc_node(0x1000, 0x1000, 0);
	CHECK(p && __pa(p) >= MEM_BASE && __pa(p) < MEM_BASE + 0x800000);
	a = memblock_phys_alloc_try_nid(0x1000, 0x1000, 1);
	CHECK(a >= MEM_BASE + 0x800000 && a < MEM_END);
	/* node 0 full: try_nid falls back, exact_nid does not */
	memblock_reserve(MEM_BASE, 0x800000);
	p = memblock_alloc_try_nid(0x1000, 0x1000, 0, 0, 0);
	CHECK(p && __pa(p) >= MEM_BASE + 0x800000);
	p = memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 0);
	CHECK(p == NULL);
	p = memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 1);
	CHECK(p && __pa(p) >= MEM_BASE + 0x800000);
	/* an allocation never spans two nodes, even where they touch */
	memblock_phys_free(MEM_BASE + 0x7ff000, 0x1000);
	memblock_phys_free(MEM_BASE + 0x800000, 0x1000);
	EQ(memblock_phys_alloc_range(0x2000, 0x1000, MEM_BASE + 0x7ff000, MEM_BASE + 0x801000), 0);
	/* MAX_NUMNODES as a node is taken as "any", with a warning */
	host_log_clear();
	a = memblock_phys_alloc_try_nid(0x1000, 0x1000, MAX_NUMNODES);
	CHECK(a != 0);
	LOG_HAS("MAX_NUMNODES is deprecated");
}

static void t_alloc_fails_cleanly(void)
{
	setup_direction();
	EQ(memblock_phys_alloc(0x1000, 0x1000), 0);		/* no memory at all */
	CHECK(memblock_alloc(0x1000, 0x1000) == NULL);
	memblock_add(MEM_BASE, MEM_SIZE);
	CHECK(memblock_alloc(MEM_SIZE + 0x1000, 0x1000) == NULL);	/* too big */
	EQ(memblock_phys_alloc(ULLONG_MAX, 0x1000), 0);
	EQ(memblock.reserved.cnt, 0);				/* nothing leaked */
	memblock_mark_nomap(MEM_BASE, MEM_SIZE);
	EQ(memblock_phys_alloc(0x1000, 0x1000), 0);		/* nomap is never allocated */
}

static void t_alloc_prefers_mirror(void)
{
	phys_addr_t a;

	setup_direction();
	memblock_add(MEM_BASE, MEM_SIZE);
	memblock_mark_mirror(MEM_BASE + 0x400000, 0x2000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	CHECK(a >= MEM_BASE + 0x400000 && a < MEM_BASE + 0x402000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	CHECK(a >= MEM_BASE + 0x400000 && a < MEM_BASE + 0x402000);
	host_log_clear();
	a = memblock_phys_alloc(0x1000, 0x1000);		/* mirror used up */
	CHECK(a != 0 && (a < MEM_BASE + 0x400000 || a >= MEM_BASE + 0x402000));
	LOG_HAS("Could not allocate 0x0000000000001000 bytes of mirrored memory");
}

/* ---- iterators -------------------------------------------------------- */

static void t_iterate_free(void)
{
	phys_addr_t s, e, fwd[8][2];
	int nid, n = 0, m;
	u64 i;

	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, 0x700000);
	memblock_add_node(0x800000, 0x100000, 1, 0);
	memblock_reserve(0x0, 0x10000);			/* covers the start of region 0 */
	memblock_reserve(0x200000, 0x100000);		/* splits region 1 */
	memblock_reserve(0x7ff000, 0x2000);		/* straddles regions 1 and 2 */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, &nid) {
		CHECK(n < 8);
		if (n < 8) { fwd[n][0] = s; fwd[n][1] = e; }
		n++;
	}
	EQ(n, 4);
	EQ(fwd[0][0], 0x10000);   EQ(fwd[0][1], 0x9f000);
	EQ(fwd[1][0], 0x100000);  EQ(fwd[1][1], 0x200000);
	EQ(fwd[2][0], 0x300000);  EQ(fwd[2][1], 0x7ff000);
	EQ(fwd[3][0], 0x801000);  EQ(fwd[3][1], 0x900000);
	m = n;
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL) {
		m--;
		CHECK(m >= 0);
		if (m >= 0 && m < 8) { EQ(s, fwd[m][0]); EQ(e, fwd[m][1]); }
	}
	EQ(m, 0);
	/* one node only */
	n = 0;
	for_each_free_mem_range(i, 1, MEMBLOCK_NONE, &s, &e, &nid) {
		EQ(s, 0x801000); EQ(e, 0x900000); EQ(nid, 1);
		n++;
	}
	EQ(n, 1);
}

static void t_iterate_memory_and_reserved(void)
{
	phys_addr_t s, e;
	int n = 0;
	u64 i;
	struct memblock_region *r;

	memblock_add(0x1000, 0x1000);
	memblock_add(0x4000, 0x1000);
	memblock_add(0x8000, 0x1000);
	memblock_mark_nomap(0x4000, 0x1000);
	for_each_mem_range(i, &s, &e) {			/* nomap is skipped */
		EQ(s, n == 0 ? 0x1000 : 0x8000);
		n++;
	}
	EQ(n, 2);
	n = 0;
	for_each_mem_range_rev(i, &s, &e) {
		EQ(s, n == 0 ? 0x8000 : 0x1000);
		n++;
	}
	EQ(n, 2);
	n = 0;
	for_each_mem_region(r)
		n++;
	EQ(n, 3);
	memblock_reserve(0x2000, 0x10);
	memblock_reserve(0x3000, 0x10);
	n = 0;
	for_each_reserved_mem_range(i, &s, &e)
		n++;
	EQ(n, 2);
	n = 0;
	for_each_reserved_mem_region(r)
		n++;
	EQ(n, 2);
	/* empty types iterate zero times */
	memblock_host_reset();
	n = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	EQ(n, 0);
}

static void t_iterate_pfn(void)
{
	unsigned long s, e;
	int nid, i, n = 0;

	memblock_add(0x0, 0x9fc00);
	memblock_add(0x100800, 0x400);			/* no whole page: skipped */
	memblock_add_node(0x200800, 0x2000, 1, 0);
	for_each_mem_pfn_range(i, NUMA_NO_NODE, &s, &e, &nid) {
		if (n == 0) { EQ(s, 0); EQ(e, 0x9f); }
		if (n == 1) { EQ(s, 0x201); EQ(e, 0x202); EQ(nid, 1); }
		n++;
	}
	EQ(n, 2);
	n = 0;
	for_each_mem_pfn_range(i, 1, &s, &e, NULL)
		n++;
	EQ(n, 1);
}

/* ---- growing the arrays ----------------------------------------------- */

static void t_resize_forbidden_panics(void)
{
	int i;

	memblock_add(0x0, 0x10000000);
	for (i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		memblock_reserve(0x100000 + i * 0x2000, 0x1000);
	EQ(memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(HOST_PANICS(memblock_reserve(0x8000000, 0x1000)));
	CHECK(strstr(host_last_panic(), "memblock: cannot resize reserved array") != NULL);
	/* the panic came before any change */
	EQ(memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(memblock_check_all() == NULL);
}

static void t_resize_reserved(void)
{
	phys_addr_t first_array, first_size, addr = 0x8000000;
	int i, n = 0;

	setup_direction();
	memblock_add(0x0, 0x10000000);
	memblock_allow_resize();
	/* one-page reservations going down, a page apart: none can merge */
	while (memblock.reserved.max == INIT_MEMBLOCK_RESERVED_REGIONS && n < 1000) {
		EQ(memblock_reserve(addr - n * 0x2000, 0x1000), 0);
		n++;
	}
	EQ(n, INIT_MEMBLOCK_RESERVED_REGIONS + 1);
	EQ(memblock.reserved.max, 2 * INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(memblock.reserved.regions != host_init_reserved_regions);
	first_array = __pa(memblock.reserved.regions);
	first_size = PAGE_ALIGN(2 * INIT_MEMBLOCK_RESERVED_REGIONS * sizeof(struct memblock_region));
	/* the new array is itself reserved, and overlaps none of the pages */
	CHECK(memblock_is_region_reserved(first_array, first_size));
	for (i = 0; i < n; i++) {
		phys_addr_t page = addr - i * 0x2000;
		CHECK(memblock_is_reserved(page));
		CHECK(page + 0x1000 <= first_array || page >= first_array + first_size);
	}
	/* double again: the first dynamic array is freed */
	while (memblock.reserved.max == 2 * INIT_MEMBLOCK_RESERVED_REGIONS && n < 1000) {
		EQ(memblock_reserve(addr - n * 0x2000, 0x1000), 0);
		n++;
	}
	EQ(memblock.reserved.max, 4 * INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(!memblock_is_region_reserved(first_array, first_size));
	for (i = 0; i < n; i++)
		CHECK(memblock_is_reserved(addr - i * 0x2000));
	CHECK(memblock_check_all() == NULL);
}

static void t_resize_memory(void)
{
	int i;

	setup_direction();
	memblock_add(0x10000000, 0x1000000);		/* room for the new array */
	memblock_allow_resize();
	for (i = 0; i < INIT_MEMBLOCK_REGIONS + 10; i++)
		EQ(memblock_add(i * 0x2000, 0x1000), 0);
	EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS + 11);
	EQ(memblock.memory.max, 2 * INIT_MEMBLOCK_REGIONS);
	EQ(memblock.reserved.cnt, 1);			/* the new memory array */
	EQ(memblock.reserved.regions[0].size, PAGE_ALIGN(2 * INIT_MEMBLOCK_REGIONS *
							  sizeof(struct memblock_region)));
	EQ(memblock.memory.regions[5].base, 5 * 0x2000);
	EQ(memblock.memory.total_size, 0x1000000 + (INIT_MEMBLOCK_REGIONS + 10) * 0x1000ULL);
}

static void t_resize_fails_cleanly(void)
{
	int i, ret = 0;

	memblock_allow_resize();
	/* 128 one-page regions and no free page anywhere for a new array */
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_add(0x100000 + i * 0x2000, 0x1000);
	memblock_reserve(0x0, 0x10000000);
	host_log_clear();
	ret = memblock_add(0x8000000, 0x1000);
	EQ(ret, -ENOMEM);
	LOG_HAS("memblock: Failed to double memory array from 128 to 256 entries !");
	EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);	/* unchanged */
	CHECK(!memblock_is_memory(0x8000000));
}

/* ---- output ----------------------------------------------------------- */

static void t_dump_format(void)
{
	memblock_add(0x1000, 0x9e000);
	memblock_add_node(0x100000, 0x1fee0000, 0, 0);
	memblock_reserve(0x0, 0x10000);
	memblock_mark_nomap(0x2000, 0x1000);
	host_log_clear();
	memblock_dump_all();				/* memblock_debug is off */
	EQ(strlen(host_log()), 0);
	memblock_debug = 1;
	__memblock_dump_all();
	const char *want =
		"MEMBLOCK configuration:\n"
		" memory size = 0x000000001ff7e000 reserved size = 0x0000000000010000\n"
		" memory.cnt  = 0x4\n"
		" memory[0x0]\t[0x0000000000001000-0x0000000000001fff], 0x0000000000001000 bytes flags: 0x0\n"
		" memory[0x1]\t[0x0000000000002000-0x0000000000002fff], 0x0000000000001000 bytes flags: 0x4\n"
		" memory[0x2]\t[0x0000000000003000-0x000000000009efff], 0x000000000009c000 bytes flags: 0x0\n"
		" memory[0x3]\t[0x0000000000100000-0x000000001ffdffff], 0x000000001fee0000 bytes on node 0 flags: 0x0\n"
		" reserved.cnt  = 0x1\n"
		" reserved[0x0]\t[0x0000000000000000-0x000000000000ffff], 0x0000000000010000 bytes flags: 0x0\n";
	if (strcmp(host_log(), want))
		FAIL("dump differs:\n%s\nwanted:\n%s", host_log(), want);
}

static void t_debug_param(void)
{
	char arg[] = "debug";

	EQ(memblock_debug, 0);
	host_log_clear();
	memblock_add(0x1000, 0x1000);
	EQ(strlen(host_log()), 0);			/* quiet by default */
	EQ(host_run_param("memblock", arg), 0);
	EQ(memblock_debug, 1);
	memblock_add(0x100000, 0x1000);
	LOG_HAS("memblock_add: [0x0000000000100000-0x0000000000100fff] 0x");
	memblock_reserve(0x100000, 0x10);
	LOG_HAS("memblock_reserve: [0x0000000000100000-0x000000000010000f]");
	memblock_phys_alloc(0x10, 0x10);
	LOG_HAS("memblock_phys_alloc_range: 16 bytes align=0x10 from=0x0000000000000000 max_addr=0x0000000000000000");
	memblock_alloc(0x10, 0x10);
	LOG_HAS("memblock_alloc_try_nid: 16 bytes align=0x10 nid=-1 from=0x0000000000000000 max_addr=0x0000000000000000");
}

/* ------------------------------------------------------------------------ */

struct test { const char *name; void (*fn)(void); int both; };
#define T(fn) { &#fn[2], fn, 0 }
#define TB(fn) { &#fn[2], fn, 1 }
static const struct test tests[] = {
	T(t_initial_state), T(t_add_simple), T(t_add_merges_neighbours), T(t_add_overlaps),
	T(t_add_node_merge_rules), T(t_add_fills_several_gaps), T(t_add_clipped_at_top),
	T(t_reserve), T(t_remove), T(t_remove_keeps_node_and_flags), T(t_free), T(t_flags),
	T(t_set_node), T(t_queries), T(t_trim), T(t_trim_large_align), T(t_limit_and_direction),
	TB(t_alloc_basic), TB(t_alloc_skips_reserved), TB(t_alloc_alignment),
	TB(t_alloc_bad_alignment), TB(t_alloc_never_page_zero),
	TB(t_alloc_respects_range_and_limit), TB(t_alloc_zeroes_unless_raw), TB(t_alloc_from),
	TB(t_alloc_low), TB(t_alloc_nodes), TB(t_alloc_fails_cleanly), TB(t_alloc_prefers_mirror),
	T(t_iterate_free), T(t_iterate_memory_and_reserved), T(t_iterate_pfn),
	T(t_resize_forbidden_panics), TB(t_resize_reserved), TB(t_resize_memory),
	T(t_resize_fails_cleanly), T(t_dump_format), T(t_debug_param),
};

static int run_one(const struct test *t, int up)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		const char *bad;

		bottom_up = up;
		memblock_host_reset();
		host_log_clear();
		t->fn();
		bad = memblock_check_all();
		if (bad)
			FAIL("invariant broken after the test: %s", bad);
		fflush(stdout);
		_exit(failures ? 1 : 0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		perror("fork/waitpid");
		return 1;
	}
	if (WIFSIGNALED(status)) {
		printf("#   crashed with signal %d\n", WTERMSIG(status));
		return 1;
	}
	return WEXITSTATUS(status) != 0;
}

int main(int argc, char **argv)
{
	int n = 0, bad = 0, total = 0;
	const char *only = argc > 1 ? argv[1] : NULL;

	for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
		if (!only || strstr(tests[i].name, only))
			total += tests[i].both ? 2 : 1;
	printf("1..%d\n", total);
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		if (only && !strstr(tests[i].name, only))
			continue;
		for (int up = 0; up <= tests[i].both; up++) {
			int fail = run_one(&tests[i], up);
			bad += fail;
			printf("%sok %d - %s%s\n", fail ? "not " : "", ++n, tests[i].name,
			       tests[i].both ? (up ? " (bottom-up)" : " (top-down)") : "");
		}
	}
	return bad ? 1 : 0;
}
