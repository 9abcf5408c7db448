/*
 * tools/host/pgtable/machine.c: chapter 31's direct-map builder on the host.
 *
 * The builder is the chapter's own code, as tangled: init_memory_mapping() and
 * init_range_memory_mapping() of arch/x86/mm/init.c (split_mem_range(),
 * adjust_range_page_size_mask(), the pfn_mapped[] bookkeeping) and
 * kernel_physical_mapping_init() of arch/x86/mm/init_64.c (phys_pud_init() down to
 * phys_pte_init()), over chapter 30's memblock (mm/memblock.c, as tangled), which hands
 * out the page-table pages.  "Physical memory" is a window of host address space, and
 * PAGE_OFFSET is where the window starts (aligned to 512 GiB, as the kernel's is), so
 * __va() and __pa() are the kernel's own arithmetic.
 *
 * pgt_build() does what init_mem_mapping() does between probe_page_size_mask() and the
 * switch of CR3 (those two write MSRs and control registers, which a user-space program
 * cannot): the first megabyte, then every range of memblock.memory above it.
 * pgt_check() then walks init_top_pgt the way the MMU does and holds every page of the
 * window to the rules of the issue: RAM mapped exactly once, at __va(pa), to itself, with
 * the kernel's flags; no hole mapped (the first megabyte excepted, which Linux maps whole);
 * each page mapped by the largest page that the CPU (page_size_mask) and the map allow:
 * 1 GiB if its whole 1 GiB block is RAM and the CPU has gbpages, else 2 MiB if its whole
 * 2 MiB block is RAM, else 4 KiB.  The expectations come from the harness's own copy of
 * the map, never from memblock or the builder.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/e820/types.h>
#include "machine.h"

void host_init_c_reset(void);

unsigned long host_page_offset;
unsigned long max_pfn_mapped;
int after_bootmem;
/* The kernel image's section symbols: map_kernel_image() and free_initmem() are not run. */
char _text[1], _etext[1], _sdata[1], _edata[1], __bss_start[1], __bss_stop[1], _end[1];
char __init_begin[1], __init_end[1], __start_rodata[1], __end_rodata[1];

/* What the two files link to but the direct map of a boot never reaches. */
#define NEVER(fn) panic("pgtable harness: %s() called while building the direct map", fn)
unsigned long __get_free_pages(gfp_t gfp, unsigned int order) { NEVER(__func__); }
unsigned long free_reserved_area(void *s, void *e, int p, const char *w) { NEVER(__func__); }
int set_memory_nx(unsigned long addr, int n) { NEVER(__func__); }
int set_memory_rw(unsigned long addr, int n) { NEVER(__func__); }
/* vmemmap_populate()'s helpers (chapter 32, in init_64.c) reach these; it is not run here. */
void *sparse_buffer_alloc(unsigned long size) { NEVER(__func__); }
int early_pfn_to_nid(unsigned long pfn) { NEVER(__func__); }
int __node_distance(int from, int to) { NEVER(__func__); }
void __warn(const char *file, int line, const char *func)
{
	panic("pgtable harness: WARNING at %s:%d %s()", file, line, func);
}

/* memblock as the kernel starts it, to start every map from. */
static struct memblock pristine;
static void __attribute__((constructor)) remember_pristine(void)
{
	pristine = memblock;
}

void pgt_machine_init(void)
{
	host_page_offset = host_window_reserve(PGT_MAX_SPAN, PGDIR_SIZE);
}

/* A smaller window for callgrind, which cannot reserve 576 GiB: aligned to ALIGN only, but
 * inside one top-level entry, so that the tables are the ones the kernel would build. */
void pgt_machine_init_span(unsigned long long span, unsigned long long align)
{
	host_page_offset = host_window_reserve(span, align);
	if (pgd_index(host_page_offset) != pgd_index(host_page_offset + span - 1))
		panic("pgtable harness: the window crosses a 512 GiB boundary; run again");
}

void pgt_setup(const struct pgt_map *map)
{
	for (int i = 0; i < map->nr; i++) {
		host_window_ram(host_page_offset + map->start[i], map->end[i] - map->start[i]);
		if (memblock_add(map->start[i], map->end[i] - map->start[i]))
			panic("pgtable harness: memblock_add failed");
	}
	max_pfn = PFN_DOWN(map->end[map->nr - 1]);
}

/* init_mem_mapping() without the CPU's registers: the CPU's answers are the mask. */
void pgt_map_all(unsigned long mask)
{
	__supported_pte_mask = ~0UL;		/* NX and GLOBAL, as x86_configure_nx() and */
	__default_kernel_pte_mask = ~0UL;	/* probe_page_size_mask() leave them on QEMU */
	page_size_mask = mask;
	max_pfn_mapped = 0;
	init_memory_mapping(0, ISA_END_ADDRESS, PAGE_KERNEL);
	init_range_memory_mapping(ISA_END_ADDRESS, max_pfn << PAGE_SHIFT);
	if (max_pfn > max_low_pfn)
		max_low_pfn = max_pfn;
}

void pgt_build(const struct pgt_map *map, unsigned long mask)
{
	int quiet = host_quiet;

	host_quiet = 1;		/* the init_memory_mapping: lines, one set per map */
	pgt_setup(map);
	pgt_map_all(mask);
	host_quiet = quiet;
}

void pgt_reset(const struct pgt_map *map)
{
	memset(init_top_pgt, 0, sizeof(pgd_t) * PTRS_PER_PGD);
	memset(pristine.memory.regions, 0, pristine.memory.max * sizeof(struct memblock_region));
	memset(pristine.reserved.regions, 0, pristine.reserved.max * sizeof(struct memblock_region));
	memblock = pristine;
	host_init_c_reset();
	memset(direct_pages_count, 0, sizeof(direct_pages_count));
	max_pfn_mapped = max_pfn = max_low_pfn = 0;
	for (int i = 0; i < map->nr; i++)
		host_window_clear(host_page_offset + map->start[i], map->end[i] - map->start[i]);
}

/* ---- the check --------------------------------------------------------------------- */

static char msg[512];
#define FAIL(...) ({ snprintf(msg, sizeof(msg), __VA_ARGS__); msg; })

static const char *const size_name[] = { "none", "4k", "2M", "1G" };

static bool map_has_ram(const struct pgt_map *map, u64 start, u64 end)	/* all of it */
{
	for (int i = 0; i < map->nr; i++)
		if (map->start[i] <= start && end <= map->end[i])
			return true;
	return false;
}

struct walk {
	const struct pgt_map *map;
	unsigned char *level;		/* per page frame of the window: the size that maps it */
	unsigned long nr_pages;
	struct pgt_stats *st;
};

static const char *check_table(struct walk *w, u64 val, const char *what)
{
	u64 pa = val & PTE_PFN_MASK;

	if ((val & PTE_FLAGS_MASK) != _KERNPG_TABLE)
		return FAIL("%s entry %#llx: flags are not _KERNPG_TABLE", what, val);
	if (!map_has_ram(w->map, pa, pa + PAGE_SIZE) || !memblock_is_region_reserved(pa, PAGE_SIZE))
		return FAIL("%s entry %#llx: the table is not a reserved page of RAM", what, val);
	w->st->tables++;
	return NULL;
}

/* A leaf of SIZE (1: 4k, 2: 2M, 3: 1G) at virtual address VA with entry VAL. */
static const char *check_leaf(struct walk *w, unsigned long va, int size, u64 val)
{
	unsigned long bytes = PAGE_SIZE << (9 * (size - 1));
	u64 pa = val & PTE_PFN_MASK, flags = val & PTE_FLAGS_MASK;
	u64 want = __PAGE_KERNEL | (size > 1 ? _PAGE_PSE : 0);

	if (flags != want)
		return FAIL("%s page at %#lx: flags %#llx, not %#llx", size_name[size], va, flags, want);
	if (pa & (bytes - 1))
		return FAIL("%s page at %#lx maps %#llx, not aligned to its size", size_name[size], va, pa);
	if (va < host_page_offset || va - host_page_offset != pa)
		return FAIL("%s page at __va(%#lx) maps %#llx, not itself", size_name[size],
			    va - host_page_offset, pa);
	if (PFN_DOWN(pa + bytes) > w->nr_pages)
		return FAIL("%s page maps %#llx, beyond all RAM", size_name[size], pa);
	for (unsigned long pfn = PFN_DOWN(pa); pfn < PFN_DOWN(pa + bytes); pfn++) {
		if (w->level[pfn])
			return FAIL("page %#lx mapped twice", pfn << PAGE_SHIFT);
		w->level[pfn] = size;
	}
	w->st->leaves[size - 1]++;
	return NULL;
}

static const char *walk_pmd(struct walk *w, pmd_t *pmd, unsigned long va)
{
	const char *err;

	for (int i = 0; i < PTRS_PER_PMD; i++, va += PMD_SIZE) {
		if (pmd_none(pmd[i]))
			continue;
		if (pmd_leaf(pmd[i])) {
			if ((err = check_leaf(w, va, 2, pmd_val(pmd[i]))))
				return err;
			continue;
		}
		if ((err = check_table(w, pmd_val(pmd[i]), "pmd")))
			return err;
		for (int j = 0; j < PTRS_PER_PTE; j++) {
			pte_t pte = ((pte_t *)pmd_page_vaddr(pmd[i]))[j];

			if (!pte_none(pte) && (err = check_leaf(w, va + j * PAGE_SIZE, 1, pte_val(pte))))
				return err;
		}
	}
	return NULL;
}

static const char *walk_all(struct walk *w)
{
	const char *err;

	for (int i = 0; i < PTRS_PER_PGD; i++) {
		p4d_t *p4d = p4d_offset(&init_top_pgt[i], 0);
		unsigned long va = (unsigned long)i << PGDIR_SHIFT;

		if (p4d_none(*p4d))
			continue;
		if ((err = check_table(w, p4d_val(*p4d), "p4d")))
			return err;
		for (int j = 0; j < PTRS_PER_PUD; j++, va += PUD_SIZE) {
			pud_t pud = p4d_pgtable(*p4d)[j];

			if (pud_none(pud))
				continue;
			if (pud_leaf(pud))
				err = check_leaf(w, va, 3, pud_val(pud));
			else if (!(err = check_table(w, pud_val(pud), "pud")))
				err = walk_pmd(w, pud_pgtable(pud), va);
			if (err)
				return err;
		}
	}
	return NULL;
}

/* Whether the aligned block of 2^ORDER pages around PFN is all RAM, for every block. */
static unsigned char *full_blocks(const struct pgt_map *map, unsigned long nr_pages, int order)
{
	unsigned long nr = nr_pages >> order;
	unsigned long *ram = host_calloc(nr * sizeof(*ram));
	unsigned char *full = host_calloc(nr);

	for (int i = 0; i < map->nr; i++)
		for (unsigned long pfn = PFN_DOWN(map->start[i]); pfn < PFN_DOWN(map->end[i]); ) {
			unsigned long next = min((pfn | ((1UL << order) - 1)) + 1, (unsigned long)PFN_DOWN(map->end[i]));

			ram[pfn >> order] += next - pfn;
			pfn = next;
		}
	for (unsigned long b = 0; b < nr; b++)
		full[b] = ram[b] == 1UL << order;
	host_free(ram);
	return full;
}

static const char *check_pages(struct walk *w, unsigned long mask)
{
	unsigned char *full2m = full_blocks(w->map, w->nr_pages, PMD_SHIFT - PAGE_SHIFT);
	unsigned char *full1g = full_blocks(w->map, w->nr_pages, PUD_SHIFT - PAGE_SHIFT);
	const char *err = NULL;
	int r = 0;

	for (unsigned long pfn = 0; pfn < w->nr_pages && !err; pfn++) {
		bool ram, isa = pfn < PFN_DOWN(ISA_END_ADDRESS);
		int want, got = w->level[pfn];

		while (r < w->map->nr && PFN_DOWN(w->map->end[r]) <= pfn)
			r++;
		ram = r < w->map->nr && PFN_DOWN(w->map->start[r]) <= pfn;
		w->st->pages_checked++;
		if (!ram && !isa) {
			if (got)
				err = FAIL("hole page %#lx is mapped (by a %s page)", pfn << PAGE_SHIFT, size_name[got]);
			continue;
		}
		if (!got) {
			err = FAIL("%s page %#lx is not mapped", ram ? "RAM" : "ISA", pfn << PAGE_SHIFT);
			continue;
		}
		want = (mask & PGT_MASK_1G) && full1g[pfn >> (PUD_SHIFT - PAGE_SHIFT)] ? 3 :
		       (mask & PGT_MASK_2M) && full2m[pfn >> (PMD_SHIFT - PAGE_SHIFT)] ? 2 : 1;
		if (got == 3 && !(mask & PGT_MASK_1G))
			err = FAIL("page %#lx is in a 1G page, but the CPU has no gbpages", pfn << PAGE_SHIFT);
		else if (got != want)
			err = FAIL("page %#lx is mapped by a %s page; the largest legal is %s",
				   pfn << PAGE_SHIFT, size_name[got], size_name[want]);
	}
	host_free(full2m);
	host_free(full1g);
	return err;
}

static const char *check_bookkeeping(struct walk *w)
{
	const struct pgt_map *map = w->map;
	unsigned long end_pfn = max_t(unsigned long, PFN_DOWN(map->end[map->nr - 1]), PFN_DOWN(ISA_END_ADDRESS));

	for (int l = 0; l < 3; l++)
		if (direct_pages_count[PG_LEVEL_4K + l] != w->st->leaves[l])
			return FAIL("direct_pages_count[%s] is %lu, the tables have %lu", size_name[l + 1],
				    direct_pages_count[PG_LEVEL_4K + l], w->st->leaves[l]);
	if (memblock.reserved.total_size != w->st->tables * PAGE_SIZE)
		return FAIL("memblock gave %llu bytes, the tables use %lu pages",
			    memblock.reserved.total_size, w->st->tables);
	if (max_pfn_mapped != end_pfn)
		return FAIL("max_pfn_mapped is %#lx, RAM ends at pfn %#lx", max_pfn_mapped, end_pfn);
	if (!pfn_range_is_mapped(0, PFN_DOWN(ISA_END_ADDRESS)))
		return FAIL("pfn_range_is_mapped() says the first megabyte is not mapped");
	for (int i = 0; i < map->nr; i++) {
		unsigned long s = max_t(unsigned long, PFN_DOWN(map->start[i]), PFN_DOWN(ISA_END_ADDRESS));
		unsigned long e = PFN_DOWN(map->end[i]);

		if (s < e && !pfn_range_is_mapped(s, e))
			return FAIL("pfn_range_is_mapped(%#lx, %#lx) is false for RAM", s, e);
		if (e >= PFN_DOWN(ISA_END_ADDRESS) && pfn_range_is_mapped(e, e + 1))
			return FAIL("pfn_range_is_mapped() is true for the hole at %#lx", e << PAGE_SHIFT);
	}
	return NULL;
}

const char *pgt_check(const struct pgt_map *map, unsigned long mask, struct pgt_stats *st)
{
	struct walk w = { .map = map, .st = st };
	const char *err;

	memset(st, 0, sizeof(*st));
	w.nr_pages = PFN_DOWN(round_up(max(map->end[map->nr - 1], (u64)ISA_END_ADDRESS), PUD_SIZE));
	w.level = host_calloc(w.nr_pages);
	if (!(err = walk_all(&w)) && !(err = check_pages(&w, mask)))
		err = check_bookkeeping(&w);
	host_free(w.level);
	return err;
}
