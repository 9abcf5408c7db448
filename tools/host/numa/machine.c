/* tools/host/numa/machine.c: a PC for chapter 32's code on the host.
 *
 * The kernel's own files do the work (drivers/acpi/tables.c finds and checks the
 * tables, drivers/acpi/numa/srat.c and arch/x86/mm/srat.c parse them, mm/numa_memblks.c
 * and arch/x86/mm/numa.c decide the nodes, mm/memblock.c records them, mm/mm_init.c
 * sizes the zones and their watermarks); this file is only what the boot before them
 * leaves behind:
 * - "physical memory" is one window of host address space (mmap, reserved lazily),
 *   __va(phys) = host_page_offset + phys (../slub/include/asm/page.h);
 * - usable RAM is added to memblock as e820 would, with a stand-in for the kernel
 *   image reserved at 16 MiB;
 * - the ACPI tables (RSDP, XSDT, SRAT, SLIT) are written into the hole below 1 MiB,
 *   with checksums, and boot_params points at the RSDP, as the boot loader would;
 * - the sections are marked present where memory is, each with its part of one flat
 *   array of struct page, as sparse_init would leave them (classic SPARSEMEM: the host
 *   cannot map vmemmap at 0xffffea0000000000; ../slub/include/asm/sparsemem.h turns the
 *   kernel's CONFIG_SPARSEMEM_VMEMMAP off for every harness that takes that directory);
 * - four CPUs, APIC IDs 0 to 3; the steps run in setup_arch()'s and
 *   mm_core_init()'s order.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/acpi.h>
#include <acpi/actbl3.h>
#include <asm/bootparam.h>
#include <asm/numa.h>
#include <asm/io.h>
#include "host.h"

unsigned long host_page_offset;
static unsigned long host_window;
struct mem_section **mem_section;
unsigned int nr_cpu_ids = 4;
struct cpumask __cpu_possible_mask = { .bits = { 0xf } };
int cpu_number;
u32 x86_cpu_to_apicid[NR_CPUS] = { 0, 1, 2, 3 };
unsigned long host_warnings;

void __warn(const char *file, int line, const char *func)
{
	host_warnings++;
	printk("WARNING: at %s:%d %s()\n", file, line, func);
}

/* The tables are in the window; anything else is not memory the kernel may map. */
void *memremap(resource_size_t offset, size_t size, unsigned long flags)
{
	if (offset >= host_window || size > host_window - offset)
		return NULL;
	return __va(offset);
}
void memunmap(void *addr)
{
}

unsigned long host_top_pfn(void)
{
	return host_window >> PAGE_SHIFT;
}

#define TABLES_AT	0xe0000UL	/* in the hole below 1 MiB, never RAM here */
#define SRAT_AT		0xe1000UL
#define SLIT_AT		0xf0000UL

static u8 host_sum(const void *p, unsigned int len)
{
	u8 sum = 0;

	for (unsigned int i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum;
}

static void host_table(unsigned long phys, const char *sig, const void *body, unsigned int len,
		       size_t fixed, u8 revision, bool bad_checksum, unsigned int cut)
{
	struct acpi_table_header *h = __va(phys);

	memcpy(h->signature, sig, 4);
	h->length = fixed + len;
	h->revision = revision;
	memcpy(h->oem_id, "BOCHS ", 6);
	memcpy(h->oem_table_id, "BXPC    ", 8);
	h->oem_revision = 1;
	memcpy(h->asl_compiler_id, "BXPC", 4);
	h->asl_compiler_revision = 1;
	if (!strcmp(sig, ACPI_SIG_SRAT))
		((struct acpi_table_srat *)h)->table_revision = 1;
	memcpy((u8 *)h + fixed, body, len);
	h->length -= cut;	/* the rest of the body lies just past the table's end */
	h->checksum = 0;
	h->checksum = -host_sum(h, h->length) + (bad_checksum ? 1 : 0);
}

/* RSDP revision 2 -> XSDT -> the SRAT and the SLIT the machine has. */
static void host_install_tables(const struct host_machine *m)
{
	struct acpi_table_rsdp *rsdp = __va(TABLES_AT);
	struct acpi_table_header *xsdt = __va(TABLES_AT + 0x40);
	u8 *entries = (u8 *)(xsdt + 1);
	u64 at;
	int n = 0;

	if (m->srat) {
		host_table(SRAT_AT, ACPI_SIG_SRAT, m->srat, m->srat_len, sizeof(struct acpi_table_srat),
			   m->srat_revision ? m->srat_revision : 3, m->bad_srat_checksum, m->srat_cut);
		at = SRAT_AT;
		memcpy(entries + 8 * n++, &at, 8);
	}
	if (m->slit) {
		host_table(SLIT_AT, ACPI_SIG_SLIT, m->slit, m->slit_len, sizeof(struct acpi_table_header),
			   1, m->bad_slit_checksum, m->slit_cut);
		at = SLIT_AT;
		memcpy(entries + 8 * n++, &at, 8);
	}
	memcpy(xsdt->signature, "XSDT", 4);
	xsdt->length = sizeof(*xsdt) + n * sizeof(u64);
	xsdt->revision = 1;
	xsdt->checksum = -host_sum(xsdt, xsdt->length);
	memcpy(rsdp->signature, "RSD PTR ", 8);
	memcpy(rsdp->oem_id, "BOCHS ", 6);
	rsdp->revision = 2;
	rsdp->length = sizeof(*rsdp);
	rsdp->xsdt_physical_address = TABLES_AT + 0x40;
	rsdp->checksum = -host_sum(rsdp, 20);
	rsdp->extended_checksum = -host_sum(rsdp, 36);
	boot_params.acpi_rsdp_addr = TABLES_AT;
}

static int host_early_param(const char *param, const char *value)
{
	static char buf[256];

	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (strcmp(p->str, param) || !p->early)
			continue;
		strscpy(buf, value, sizeof(buf));
		return p->setup_func(buf);
	}
	host_fail("no such early parameter");
}

void host_machine_boot(const struct host_machine *m)
{
	u64 top = (1UL << 20);

	for (int i = 0; i < m->nr_mem; i++)
		top = max(top, (u64)m->mem[i].end);
	host_window = round_up(top, PAGES_PER_SECTION << PAGE_SHIFT);
	host_page_offset = (unsigned long)host_mmap(host_window);
	for (int i = 0; i < m->nr_mem; i++)
		memblock_add(m->mem[i].start, m->mem[i].end - m->mem[i].start);
	if (top > (16UL << 20) + (4UL << 20))
		memblock_reserve((16UL << 20), (4UL << 20));	/* the kernel image's place */
	max_pfn = max_low_pfn = PFN_DOWN(memblock_end_of_DRAM());
	host_install_tables(m);
	if (m->cmdline_param)
		host_early_param(m->cmdline_param, m->cmdline_value);
	acpi_table_init();
	x86_numa_init();
}

/* What sparse_init() leaves: a section is present, with a map, where memblock has
 * memory; one flat array of struct page serves every section. */
static void host_sections(void)
{
	unsigned long start, end, nr_pfns = round_up(max_pfn, PAGES_PER_SECTION);
	struct page *map = host_mmap(nr_pfns * sizeof(struct page));
	int i;

	mem_section = host_zalloc(NR_SECTION_ROOTS * sizeof(*mem_section), 64);
	for_each_mem_pfn_range(i, MAX_NUMNODES, &start, &end, NULL) {
		for (unsigned long pfn = round_down(start, PAGES_PER_SECTION); pfn < end;
		     pfn += PAGES_PER_SECTION) {
			unsigned long nr = pfn_to_section_nr(pfn);
			unsigned long root = SECTION_NR_TO_ROOT(nr);

			if (!mem_section[root])
				mem_section[root] = host_zalloc(PAGE_SIZE, PAGE_SIZE);
			mem_section[root][nr & SECTION_ROOT_MASK].section_mem_map =
				(unsigned long)map | SECTION_MARKED_PRESENT |
				SECTION_HAS_MEM_MAP | SECTION_IS_ONLINE | SECTION_IS_EARLY;
		}
	}
}

void host_machine_zones(void)
{
	host_sections();
	/* A host program has no kernel threads to finish a deferred memory map
	 * (mm/deferred_init.c is not compiled here): every struct page now. */
	host_early_param("deferred_struct_page_init", "off");
	zone_sizes_init();
	init_cpu_to_node();
	build_all_zonelists(NULL);
	init_per_zone_wmark_min();
}
