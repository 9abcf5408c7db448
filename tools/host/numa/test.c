/* tools/host/numa/test.c: chapter 32's SRAT/SLIT parser, node set-up, zone sizes and
 * watermarks on the host, under ASan+UBSan, one case per process.
 *
 * Parser cases hand crafted tables to the kernel's own boot path (acpi_table_init,
 * x86_numa_init) and check what it decided (memblock's nodes, distances, the CPUs'
 * nodes) and what it said, in Linux's words; damaged tables must end in the single
 * fake node.  Zone cases then run the chapter's zone_sizes_init(),
 * build_all_zonelists() and init_per_zone_wmark_min() and compare every node and zone
 * with a model written here from the definitions, not from the chapter's code. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/topology.h>
#include <linux/numa_memblks.h>
#include <acpi/acpi_numa.h>
#include <asm/numa.h>
#include "host.h"
#include "srat.h"

#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

/* QEMU's PC: RAM below 640 KiB (page 0 is not RAM to memblock), from 1 MiB to the
 * top of low memory, and above 4 GiB what does not fit below 3 GiB. */
static void pc_memory(struct host_machine *m, u64 ram)
{
	u64 low = ram > 3 * GiB ? 3 * GiB : ram;

	m->nr_mem = 0;
	m->mem[m->nr_mem++] = (struct host_range){ 0x1000, 0x9f000 };
	m->mem[m->nr_mem++] = (struct host_range){ MiB, low - 0x20000 };
	if (ram > 3 * GiB)
		m->mem[m->nr_mem++] = (struct host_range){ 4 * GiB, 4 * GiB + ram - 3 * GiB };
}

static struct host_srat srat;
static u8 slit[8 + 64];

/* The nodes the test expects: node n spans [node_start[n], node_end[n]) in bytes. */
static int model_nodes;
static u64 model_node_start[MAX_NUMNODES], model_node_end[MAX_NUMNODES];

static void boot(struct host_machine *m)
{
	host_machine_boot(m);
}

static int memblock_nid_of(u64 addr)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base <= addr && addr < r->base + r->size)
			return r->nid;
	}
	return -2;
}

/* What a damaged table must end in: the fake node over all of memory. */
static void check_fell_back(void)
{
	char line[128];

	CHECK_LOG("No NUMA configuration found\n");
	snprintf(line, sizeof(line), "Faking a node at [mem 0x0000000000000000-%#018Lx]\n",
		((u64)max_pfn << PAGE_SHIFT) - 1);
	if (!host_log_has(line))
		host_check_failed(__FILE__, __LINE__, line);
	CHECK(num_online_nodes() == 1 && node_online(0));
	CHECK(nodes_weight(node_possible_map) == 1);
	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		CHECK(memblock.memory.regions[i].nid == 0);
	CHECK(node_distance(0, 0) == LOCAL_DISTANCE);
}

/* ---------------------------------------------------------------- the parser */

/* NUMA=2 on 512 MiB: QEMU's SRAT (node 0 from 0, node 1 the upper half), CPU 1 on
 * node 1, a SLIT with 21 between them. */
static void numa2_tables(struct host_machine *m, u8 remote)
{
	u8 matrix[4] = { 10, remote, remote, 10 };

	pc_memory(m, 512 * MiB);
	srat.len = 0;
	srat_cpu(&srat, 0, 0);
	srat_cpu(&srat, 1, 1);
	srat_mem(&srat, 0, 0, 0xa0000);
	srat_mem(&srat, 0, MiB, 256 * MiB - MiB);
	srat_mem(&srat, 1, 256 * MiB, 256 * MiB);
	m->srat = srat.buf;
	m->srat_len = srat.len;
	m->slit = slit;
	m->slit_len = slit_body(slit, 2, matrix);
	model_nodes = 2;
	model_node_start[0] = 0x1000, model_node_end[0] = 256 * MiB;
	model_node_start[1] = 256 * MiB, model_node_end[1] = 512 * MiB - 0x20000;
}

static void srat_two_nodes(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Node 0 PXM 0 [mem 0x00000000-0x0009ffff]\n");
	CHECK_LOG("ACPI: SRAT: Node 0 PXM 0 [mem 0x00100000-0x0fffffff]\n");
	CHECK_LOG("ACPI: SRAT: Node 1 PXM 1 [mem 0x10000000-0x1fffffff]\n");
	/* The SRAT's end of the low range stays: the cleanup trims only the ends of RAM. */
	CHECK_LOG("NUMA: Node 0 [mem 0x00001000-0x0009ffff] + [mem 0x00100000-0x0fffffff] -> [mem 0x00001000-0x0fffffff]\n");
	CHECK_LOG("NODE_DATA(0) allocated [mem 0x");
	CHECK_LOG("NODE_DATA(1) allocated [mem 0x1ff");
	CHECK_NO_LOG("No NUMA configuration found");
	CHECK(num_online_nodes() == 2);
	CHECK(memblock_nid_of(0x1000) == 0 && memblock_nid_of(256 * MiB - 1) == 0);
	CHECK(memblock_nid_of(256 * MiB) == 1 && memblock_nid_of(512 * MiB - 0x20001) == 1);
	CHECK(node_distance(0, 1) == 21 && node_distance(1, 0) == 21);
	CHECK(node_distance(0, 0) == 10 && node_distance(1, 1) == 10);
	CHECK(numa_cpu_node(0) == 0 && numa_cpu_node(1) == 1);
	CHECK(pxm_to_node(1) == 1 && node_to_pxm(1) == 1);
}

static void srat_none(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 512 * MiB);
	boot(&m);
	CHECK_NO_LOG("SRAT");
	check_fell_back();
	CHECK(node_distance(0, 1) == REMOTE_DISTANCE);
}

static void srat_bad_checksum(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	m.bad_srat_checksum = 1;
	boot(&m);
	CHECK_LOG("ACPI BIOS Warning (bug): Incorrect checksum in table [SRAT]");
	CHECK_NO_LOG("ACPI: SRAT: Node");
	check_fell_back();
}

/* Node 1's range starts inside node 0's: nobody can tell whose the overlap is. */
static void srat_overlapping_nodes(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat_mem(&srat, 1, 200 * MiB, 100 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("node 0 [mem 0x00100000-0x0fffffff] overlaps with node 1 [mem 0x0c800000-0x12bfffff]\n");
	check_fell_back();
}

/* Two ranges of one node that overlap are merged, with a warning, and kept. */
static void srat_overlap_within_node(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat_mem(&srat, 0, 128 * MiB, 64 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("Warning: node 0 [mem 0x00001000-0x0fffffff] overlaps with itself [mem 0x08000000-0x0bffffff]\n");
	CHECK_NO_LOG("No NUMA configuration found");
	CHECK(num_online_nodes() == 2);
}

/* A memory range in a domain beyond what the kernel tracks: it maps to no node. */
static void srat_pxm_maps_nowhere(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat_mem(&srat, MAX_PXM_DOMAINS + 44, 600 * MiB, 64 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Too many proximity domains.\n");
	CHECK_LOG("ACPI: SRAT: SRAT not used.\n");
	check_fell_back();
}

/* The same for a CPU's domain. */
static void srat_cpu_pxm_maps_nowhere(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat.len = 0;
	srat_cpu(&srat, 0, 0);
	srat_cpu(&srat, 1, 0x12345);
	srat_mem(&srat, 0, 0, 512 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Too many proximity domains 12345\n");
	CHECK_LOG("ACPI: SRAT: SRAT not used.\n");
	check_fell_back();
}

/* SRAT revision 1: only the low byte of a memory domain counts. */
static void srat_revision1_domains(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat.len = 0;
	srat_mem(&srat, 0x100, 0, 256 * MiB);
	srat_mem(&srat, 0x101, 256 * MiB, 256 * MiB);
	m.srat_len = srat.len;
	m.srat_revision = 1;
	m.slit = NULL;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Node 1 PXM 1 [mem 0x10000000-0x1fffffff]\n");
	CHECK(num_online_nodes() == 2 && pxm_to_node(0) == 0);
}

/* A memory entry shorter than its structure: the SRAT is dropped. */
static void srat_truncated_entry(void)
{
	struct host_machine m = { 0 };
	struct acpi_srat_mem_affinity *ma;

	numa2_tables(&m, 21);
	ma = srat_mem(&srat, 1, 300 * MiB, MiB);
	ma->header.length = 24;
	srat.len -= sizeof(*ma) - 24;
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Unexpected header length: 24\n");
	CHECK_LOG("ACPI: SRAT: SRAT not used.\n");
	check_fell_back();
}

/* A processor entry of the wrong size. */
static void srat_bad_cpu_entry_length(void)
{
	struct host_machine m = { 0 };
	struct acpi_srat_cpu_affinity *pa;

	numa2_tables(&m, 21);
	pa = srat_cpu(&srat, 2, 1);
	pa->header.length = sizeof(*pa) - 4;
	srat.len -= 4;
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: SRAT not used.\n");
	check_fell_back();
}

/* The last entry's length runs past the end of the table. */
static void srat_entry_past_end(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat_mem(&srat, 1, 300 * MiB, MiB);
	m.srat_len = srat.len - 8;
	boot(&m);
	CHECK_LOG("[SRAT:0x01] Invalid zero length\n");
	check_fell_back();
}

/* A zero length would loop for ever without the walker's check. */
static void srat_zero_length(void)
{
	struct host_machine m = { 0 };
	struct acpi_srat_mem_affinity *ma;

	numa2_tables(&m, 21);
	ma = srat_mem(&srat, 1, 300 * MiB, MiB);
	ma->header.length = 0;
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Unexpected header length: 0\n");
	CHECK_LOG("[SRAT:0x01] Invalid zero length\n");
	check_fell_back();
}

/* A table whose own length is shorter than its fixed part (valid entries follow it). */
static void srat_table_too_short(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	m.srat_cut = srat.len + 8;
	boot(&m);
	CHECK_NO_LOG("ACPI: SRAT: Node");
	check_fell_back();
}

/* A range that wraps around 2^64. */
static void srat_range_wraps(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat_mem(&srat, 1, 0ULL - MiB, 2 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("ACPI: SRAT: Failed to add memblk to node 1 [mem 0xfffffffffff00000-0x000fffff]\n");
	CHECK_LOG("ACPI: SRAT: SRAT not used.\n");
	check_fell_back();
}

/* The SRAT names node 1 (a CPU) but describes only the first 256 MiB: the rest of RAM
 * would be on no node.  Linux refuses more than 1 MiB of that. */
static void srat_partial_coverage(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat.len -= sizeof(struct acpi_srat_mem_affinity);	/* node 1's memory */
	m.srat_len = srat.len;
	boot(&m);
	CHECK_LOG("NUMA: no nodes coverage for 255MB of 511MB RAM\n");
	check_fell_back();
}

/* Up to 1 MiB without a node is tolerated, as in Linux. */
static void srat_coverage_threshold(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat.len -= sizeof(struct acpi_srat_mem_affinity);
	srat_mem(&srat, 1, 256 * MiB, 256 * MiB - 0x20000 - MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_NO_LOG("no nodes coverage");
	CHECK(num_online_nodes() == 2);
	CHECK(memblock_nid_of(512 * MiB - 0x20001) == NUMA_NO_NODE);
}

/* Node 1 is given half a page of RAM: it stays possible but never comes online (it has
 * no whole page), and the half page keeps its node in memblock, as in Linux. */
static void srat_node_under_a_page(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	srat.len = 0;
	srat_cpu(&srat, 0, 0);
	srat_mem(&srat, 0, 0, 0x9e800);
	srat_mem(&srat, 1, 0x9e800, 0x800);
	srat_mem(&srat, 0, MiB, 511 * MiB);
	m.srat_len = srat.len;
	boot(&m);
	CHECK_NO_LOG("No NUMA configuration found");
	CHECK(node_possible(1) && !node_online(1) && num_online_nodes() == 1);
	CHECK(memblock_nid_of(0x9e800) == 1 && memblock_nid_of(0x9e7ff) == 0);
}

/* A SLIT that says remote is as near as local: ignored, the defaults stay. */
static void slit_invalid_values(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 10);
	boot(&m);
	CHECK_LOG("ACPI: SLIT table looks invalid. Not used.\n");
	CHECK(num_online_nodes() == 2);
	CHECK(node_distance(0, 1) == REMOTE_DISTANCE && node_distance(1, 1) == LOCAL_DISTANCE);
}

/* A SLIT whose count promises more than the table holds; what follows the table in
 * memory is the rest of a valid matrix, so only the length check can refuse it. */
static void slit_count_past_end(void)
{
	struct host_machine m = { 0 };
	u8 matrix[9] = { 10, 21, 22, 21, 10, 21, 22, 21, 10 };

	numa2_tables(&m, 21);
	m.slit_len = slit_body(slit, 3, matrix);
	m.slit_cut = 5;
	boot(&m);
	CHECK_LOG("ACPI: SLIT table looks invalid. Not used.\n");
	CHECK(node_distance(0, 1) == REMOTE_DISTANCE);
}

static void slit_bad_checksum(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	m.bad_slit_checksum = 1;
	boot(&m);
	CHECK_LOG("Incorrect checksum in table [SLIT]");
	CHECK(num_online_nodes() == 2);
	CHECK(node_distance(0, 1) == REMOTE_DISTANCE);
}

/* ------------------------------------------------- the zones: an independent model */

/* The definitions: DMA below 16 MiB, DMA32 below 4 GiB, Normal the rest; each zone
 * starts where the one below ends (the first at the first page of RAM); a node's zone
 * is the zone's range cut to the node's extent; its present pages are the RAM pages in
 * it.  ZONE_MOVABLE (movablecore=) starts at the lowest page p at or above the start of
 * the highest non-empty zone at which the RAM below p reaches the kernel's share,
 * rounded up to 1024 pages (an order-10 block), and takes the rest of the node. */
struct model_zone {
	unsigned long start, spanned, present;
};
static struct model_zone model[MAX_NUMNODES][MAX_NR_ZONES];
static unsigned long model_movable_bytes;

static unsigned long ram_pages_in(const struct host_machine *m, unsigned long s, unsigned long e)
{
	unsigned long n = 0;

	for (int i = 0; i < m->nr_mem; i++) {
		unsigned long rs = m->mem[i].start >> 12, re = m->mem[i].end >> 12;

		rs = rs < s ? s : rs;
		re = re > e ? e : re;
		if (rs < re)
			n += re - rs;
	}
	return n;
}

static void model_zones(const struct host_machine *m)
{
	unsigned long top = 0, first = ~0UL, lo[3], hi[3], limit[3];
	unsigned long movable_start = 0;
	int movable_zone = 0;

	for (int i = 0; i < m->nr_mem; i++) {
		top = m->mem[i].end >> 12 > top ? m->mem[i].end >> 12 : top;
		first = m->mem[i].start >> 12 < first ? m->mem[i].start >> 12 : first;
	}
	limit[0] = 0x1000 < top ? 0x1000 : top;
	limit[1] = 0x100000 < top ? 0x100000 : top;
	limit[2] = top;
	for (int z = 0; z < 3; z++) {
		lo[z] = z ? hi[z - 1] : first;
		hi[z] = limit[z] > lo[z] ? limit[z] : lo[z];
		if (hi[z] > lo[z])
			movable_zone = z;
	}
	if (model_movable_bytes) {		/* one node only, in these cases */
		unsigned long total = ram_pages_in(m, 0, top);
		unsigned long movable = ((model_movable_bytes >> 12) + 1023) / 1024 * 1024;
		unsigned long kernel = total - (movable < total ? movable : total);

		for (movable_start = lo[movable_zone];
		     ram_pages_in(m, 0, movable_start) < kernel; movable_start++)
			;
		movable_start = (movable_start + 1023) / 1024 * 1024;
		if (movable_start >= top)
			movable_start = 0;
	}
	memset(model, 0, sizeof(model));
	for (int n = 0; n < model_nodes; n++) {
		unsigned long ns = model_node_start[n] >> 12, ne = model_node_end[n] >> 12;

		for (int z = 0; z < MAX_NR_ZONES; z++) {
			unsigned long s, e;

			if (z == ZONE_MOVABLE) {
				if (!movable_start)
					continue;
				s = movable_start;
				e = ne < hi[movable_zone] ? ne : hi[movable_zone];
			} else if (z < 3) {
				s = ns > lo[z] ? ns : lo[z];
				e = ne < hi[z] ? ne : hi[z];
				if (movable_start && z == movable_zone && e > movable_start)
					e = movable_start > s ? movable_start : s;
			} else {
				continue;
			}
			if (s >= e)
				continue;
			model[n][z].start = s;
			model[n][z].spanned = e - s;
			model[n][z].present = ram_pages_in(m, s, e);
		}
	}
}

static void check_zones_against_model(const struct host_machine *m)
{
	char what[160];

	model_zones(m);
	for (int n = 0; n < model_nodes; n++) {
		pg_data_t *pgdat = NODE_DATA(n);
		unsigned long node_present = 0, first = 0, last = 0;

		CHECK(pgdat != NULL);
		if (!pgdat)
			return;
		for (int z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &pgdat->node_zones[z];
			struct model_zone *mz = &model[n][z];

			if (zone->zone_start_pfn != mz->start || zone->spanned_pages != mz->spanned ||
			    zone->present_pages != mz->present) {
				snprintf(what, sizeof(what), "node %d zone %s: start %#lx spanned %lu present %lu, model %#lx %lu %lu",
					n, zone_names[z], zone->zone_start_pfn, zone->spanned_pages,
					zone->present_pages, mz->start, mz->spanned, mz->present);
				host_check_failed(__FILE__, __LINE__, what);
			}
			node_present += mz->present;
			if (mz->spanned && !first)
				first = mz->start;
			if (mz->spanned && mz->start + mz->spanned > last)
				last = mz->start + mz->spanned;
		}
		CHECK(pgdat->node_present_pages == node_present);
		CHECK(pgdat->node_spanned_pages == last - first);
		CHECK(!node_present || pgdat->node_start_pfn == first);
	}
	/* Every page of RAM knows its node and zone. */
	for (int i = 0; i < m->nr_mem; i++)
		for (unsigned long pfn = m->mem[i].start >> 12; pfn < m->mem[i].end >> 12; pfn++) {
			struct page *page = pfn_to_page(pfn);
			int n = memblock_nid_of(pfn << 12), z;

			for (z = 0; z < MAX_NR_ZONES; z++)
				if (model[n][z].start <= pfn && pfn < model[n][z].start + model[n][z].spanned)
					break;
			if (page_to_nid(page) != n || (int)page_zonenum(page) != z) {
				snprintf(what, sizeof(what), "pfn %#lx: node %d zone %d, model node %d zone %d",
					pfn, page_to_nid(page), page_zonenum(page), n, z);
				host_check_failed(__FILE__, __LINE__, what);
				return;
			}
		}
}

/* The watermarks from their definitions: min_free_kbytes = floor(sqrt(16 x lowmem
 * KiB)) clamped to [128, 262144]; each zone's min its share of that by managed pages
 * (Movable: managed/1024 clamped to [32, 128]); low and high one and two gaps above,
 * a gap being the larger of a quarter of the share and 0.1% of the zone; the reserve
 * of zone i against zone j the managed pages of the zones above i up to j over i's
 * ratio (256, 256, 32). */
static unsigned long model_isqrt(unsigned long x)
{
	unsigned long r = 0;

	for (unsigned long bit = 1UL << 31; bit; bit >>= 1)
		if ((r + bit) * (r + bit) <= x)
			r += bit;
	return r;
}

static void check_watermarks(void)
{
	static const int ratio[MAX_NR_ZONES] = { 256, 256, 32, 0, 0 };
	unsigned long lowmem = 0, mfk;
	char what[160];
	int nid;

	for_each_online_node(nid)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			if (z <= ZONE_NORMAL)
				lowmem += model[nid][z].present;
	mfk = model_isqrt(lowmem * 4 * 16);
	mfk = mfk < 128 ? 128 : mfk > 262144 ? 262144 : mfk;
	CHECK(min_free_kbytes == (int)mfk);
	for_each_online_node(nid)
		for (int z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long managed = model[nid][z].present;
			unsigned long share = lowmem ? (mfk / 4) * managed / lowmem : 0;
			unsigned long min = share, gap;

			if (z == ZONE_MOVABLE)
				min = managed / 1024 < 32 ? 32 : managed / 1024 > 128 ? 128 : managed / 1024;
			gap = share / 4 > managed * 10 / 10000 ? share / 4 : managed * 10 / 10000;
			if (zone->_watermark[WMARK_MIN] != min || zone->_watermark[WMARK_LOW] != min + gap ||
			    zone->_watermark[WMARK_HIGH] != min + 2 * gap) {
				snprintf(what, sizeof(what), "node %d zone %s: min/low/high %lu/%lu/%lu, model %lu/%lu/%lu",
					nid, zone_names[z], zone->_watermark[WMARK_MIN],
					zone->_watermark[WMARK_LOW], zone->_watermark[WMARK_HIGH],
					min, min + gap, min + 2 * gap);
				host_check_failed(__FILE__, __LINE__, what);
			}
			for (int j = z + 1; j < MAX_NR_ZONES; j++) {
				unsigned long above = 0;
				long reserve;

				for (int k = z + 1; k <= j; k++)
					above += model[nid][k].present;
				reserve = ratio[z] && managed ? above / ratio[z] : 0;
				if (zone->lowmem_reserve[j] != reserve) {
					snprintf(what, sizeof(what), "node %d zone %s: lowmem_reserve[%d] %ld, model %ld",
						nid, zone_names[z], j, zone->lowmem_reserve[j], reserve);
					host_check_failed(__FILE__, __LINE__, what);
				}
			}
		}
}

static void zones_case(struct host_machine *m)
{
	boot(m);
	host_machine_zones();
	check_zones_against_model(m);
	check_watermarks();
}

static void zones_128m(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 128 * MiB);
	model_nodes = 1, model_node_start[0] = 0x1000, model_node_end[0] = 128 * MiB - 0x20000;
	zones_case(&m);
	CHECK_LOG("Zone ranges:\n  DMA      [mem 0x0000000000001000-0x0000000000ffffff]\n"
		  "  DMA32    [mem 0x0000000001000000-0x0000000007fdffff]\n  Normal   empty\n");
	CHECK_LOG("Initmem setup node 0 [mem 0x0000000000001000-0x0000000007fdffff]\n");
	CHECK_LOG("On node 0, zone DMA: 1 pages in unavailable ranges\n");
	CHECK_LOG("On node 0, zone DMA: 97 pages in unavailable ranges\n");
}

static void zones_numa2(void)
{
	struct host_machine m = { 0 };

	numa2_tables(&m, 21);
	zones_case(&m);
	CHECK_LOG("Initmem setup node 1 [mem 0x0000000010000000-0x000000001ffdffff]\n");
	CHECK_LOG("Fallback order for Node 0: 0 1 \n");
	CHECK_LOG("Fallback order for Node 1: 1 0 \n");
}

static void zones_4g(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 4 * GiB);
	model_nodes = 1, model_node_start[0] = 0x1000, model_node_end[0] = 5 * GiB;
	zones_case(&m);
	CHECK_LOG("  Normal   [mem 0x0000000100000000-0x000000013fffffff]\n");
}

/* Four nodes of 1 GiB on 4 GiB: node 3 lies above 4 GiB, alone in Normal. */
static void zones_four_nodes(void)
{
	struct host_machine m = { 0 };
	u8 matrix[16];

	pc_memory(&m, 4 * GiB);
	srat.len = 0;
	srat_mem(&srat, 0, 0, 0xa0000);
	srat_mem(&srat, 0, MiB, GiB - MiB);
	srat_mem(&srat, 1, GiB, GiB);
	srat_mem(&srat, 2, 2 * GiB, GiB);
	srat_mem(&srat, 3, 4 * GiB, GiB);
	for (int i = 0; i < 4; i++) {
		srat_cpu(&srat, i, i);
		for (int j = 0; j < 4; j++)
			matrix[4 * i + j] = i == j ? 10 : 20 + (i > j ? i - j : j - i);
	}
	m.srat = srat.buf, m.srat_len = srat.len;
	m.slit = slit, m.slit_len = slit_body(slit, 4, matrix);
	model_nodes = 4;
	model_node_start[0] = 0x1000, model_node_end[0] = GiB;
	model_node_start[1] = GiB, model_node_end[1] = 2 * GiB;
	model_node_start[2] = 2 * GiB, model_node_end[2] = 3 * GiB - 0x20000;
	model_node_start[3] = 4 * GiB, model_node_end[3] = 5 * GiB;
	zones_case(&m);
	CHECK(num_online_nodes() == 4);
	CHECK_LOG("Fallback order for Node 0: 0 1 2 3 \n");
	CHECK_LOG("Fallback order for Node 3: 3 2 1 0 \n");
}

/* CPU 1 in a domain with no memory: the node is possible, gets its pg_data_t from
 * free_area_init() and no zones, and comes online for its CPU. */
static void zones_memoryless_node(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 512 * MiB);
	srat.len = 0;
	srat_cpu(&srat, 0, 0);
	srat_cpu(&srat, 1, 1);
	srat_mem(&srat, 0, 0, 512 * MiB);
	m.srat = srat.buf, m.srat_len = srat.len;
	model_nodes = 2;
	model_node_start[0] = 0x1000, model_node_end[0] = 512 * MiB - 0x20000;
	model_node_start[1] = model_node_end[1] = 0;
	zones_case(&m);
	CHECK_LOG("Initmem setup node 1 as memoryless\n");
	CHECK(node_online(1) && cpu_to_node(1) == 1 && !node_state(1, N_MEMORY));
}

static void zones_movablecore(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 4 * GiB);
	m.cmdline_param = "movablecore", m.cmdline_value = "512M";
	model_movable_bytes = 512 * MiB;
	model_nodes = 1, model_node_start[0] = 0x1000, model_node_end[0] = 5 * GiB;
	zones_case(&m);
	CHECK_LOG("Movable zone start for each node\n  Node 0: 0x0000000120000000\n");
}

/* RAM that ends 128 pages past a 4 MiB boundary: the kernel's share ends off an
 * order-10 block, and the movable zone's start is rounded up to one. */
static void zones_movablecore_odd_end(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 4 * GiB);
	m.mem[2].end += 0x80000;
	m.cmdline_param = "movablecore", m.cmdline_value = "600M";
	model_movable_bytes = 600 * MiB;
	model_nodes = 1, model_node_start[0] = 0x1000, model_node_end[0] = 5 * GiB + 0x80000;
	zones_case(&m);
	CHECK_LOG("  Node 0: 0x");
}

static void zones_movablecore_percent_dma32(void)
{
	struct host_machine m = { 0 };

	pc_memory(&m, 512 * MiB);
	m.cmdline_param = "movablecore", m.cmdline_value = "25%";
	model_movable_bytes = (512 * MiB - 0x20000 - MiB + 0x9e000) / 4;
	model_nodes = 1, model_node_start[0] = 0x1000, model_node_end[0] = 512 * MiB - 0x20000;
	zones_case(&m);
	CHECK_LOG("  Node 0: 0x");
}

static const struct {
	const char *name;
	void (*fn)(void);
} cases[] = {
#define CASE(f) { #f, f }
	CASE(srat_two_nodes), CASE(srat_none), CASE(srat_bad_checksum),
	CASE(srat_overlapping_nodes), CASE(srat_overlap_within_node), CASE(srat_pxm_maps_nowhere),
	CASE(srat_cpu_pxm_maps_nowhere), CASE(srat_revision1_domains), CASE(srat_truncated_entry),
	CASE(srat_bad_cpu_entry_length), CASE(srat_entry_past_end), CASE(srat_zero_length),
	CASE(srat_table_too_short), CASE(srat_range_wraps), CASE(srat_partial_coverage),
	CASE(srat_coverage_threshold), CASE(srat_node_under_a_page), CASE(slit_invalid_values),
	CASE(slit_count_past_end), CASE(slit_bad_checksum),
	CASE(zones_128m), CASE(zones_numa2), CASE(zones_4g), CASE(zones_four_nodes),
	CASE(zones_memoryless_node), CASE(zones_movablecore), CASE(zones_movablecore_odd_end),
	CASE(zones_movablecore_percent_dma32),
};

int main(int argc, char **argv)
{
	int failed = 0, n = ARRAY_SIZE(cases);

	for (int i = 0; i < n; i++)
		if (argc < 2 || !strcmp(argv[1], cases[i].name))
			failed += host_run_case(cases[i].name, cases[i].fn);
	printk("# numa: %d cases, %d failed\n", n, failed);
	return failed ? 1 : 0;
}
