/* tools/host/numa/fuzz.c: a libFuzzer target for chapter 32's SRAT and SLIT parser,
 * run through the kernel's own x86_numa_init() on a 512 MiB PC (machine.c).
 *
 * The input: one byte of flags (bit 0: there is a SLIT; bit 1: SRAT revision 1, else
 * 3), two bytes (little-endian) of SRAT body length, the SRAT's entries, and the rest
 * is the SLIT's body (its 64-bit count, then the matrix).  Each table is handed over
 * in a heap block of exactly its length, so that ASan reports a read past its end;
 * its checksum is right (the checksum check is chapter 10's and the unit tests'
 * business).  Every run starts from the same memblock and checks what any table,
 * good or bad, must leave: every range of memory that holds a whole page on an online
 * node that has its pg_data_t (a node whose memory is less than a page never comes
 * online, as in Linux; and at most 1 MiB of whole pages on no node, which Linux tolerates), memory neither
 * lost nor invented, node_distance() 10 to itself and more
 * than 10 to any other node. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/topology.h>
#include <linux/numa_memblks.h>
#include <linux/acpi.h>
#include <acpi/actbl3.h>
#include <asm/numa.h>
#include "host.h"

void host_free(void *p);
static struct acpi_table_header *fuzz_srat, *fuzz_slit;

/* The tables come from the fuzzer, not from an RSDP. */
int acpi_table_init(void)
{
	return 0;
}
const struct acpi_table_header *acpi_get_table(const char *signature)
{
	if (!memcmp(signature, ACPI_SIG_SRAT, 4))
		return fuzz_srat;
	if (!memcmp(signature, ACPI_SIG_SLIT, 4))
		return fuzz_slit;
	return NULL;
}

static struct acpi_table_header *fuzz_table(const char *sig, size_t fixed, const u8 *body,
					    size_t len, u8 revision)
{
	struct acpi_table_header *h = host_zalloc(fixed + len, 1);

	memcpy(h->signature, sig, 4);
	h->length = fixed + len;
	h->revision = revision;
	if (fixed == sizeof(struct acpi_table_srat))
		((struct acpi_table_srat *)h)->table_revision = 1;
	memcpy((u8 *)h + fixed, body, len);
	return h;
}

static struct memblock saved;
static struct memblock_region saved_memory[INIT_MEMBLOCK_REGIONS], saved_reserved[INIT_MEMBLOCK_RESERVED_REGIONS];
static struct memblock_region *memory_regions, *reserved_regions;
static unsigned long long saved_max_possible_pfn;
static phys_addr_t total_memory;

static void fuzz_machine(void)
{
	struct host_machine m = { .nr_mem = 2, .mem = { { 0x1000, 0x9f000 }, { 1 << 20, (512 << 20) - 0x20000 } } };

	host_quiet = 1;
	host_machine_boot(&m);	/* no tables: the fake node */
	saved = memblock;
	memory_regions = memblock.memory.regions;
	reserved_regions = memblock.reserved.regions;
	memcpy(saved_memory, memory_regions, sizeof(saved_memory));
	memcpy(saved_reserved, reserved_regions, sizeof(saved_reserved));
	saved_max_possible_pfn = max_possible_pfn;
	total_memory = memblock_phys_mem_size();
}

static void fuzz_reset(void)
{
	memblock = saved;
	memcpy(memory_regions, saved_memory, sizeof(saved_memory));
	memcpy(reserved_regions, saved_reserved, sizeof(saved_reserved));
	max_possible_pfn = saved_max_possible_pfn;
	numa_distance_cnt = 0;	/* its table was in the memblock just restored */
	memset(node_data, 0, sizeof(node_data));
}

static void fuzz_check(void)
{
	phys_addr_t total = 0;

	phys_addr_t nowhere = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		total += r->size;
		if (!numa_valid_node(r->nid)) {	/* whole pages, as Linux 6.12 counts them */
			if (PFN_UP(r->base) < PFN_DOWN(r->base + r->size))	/* none in a sliver */
				nowhere += (phys_addr_t)(PFN_DOWN(r->base + r->size) - PFN_UP(r->base)) << PAGE_SHIFT;
		} else if (PFN_UP(r->base) < PFN_DOWN(r->base + r->size) &&
			 (!node_online(r->nid) || !NODE_DATA(r->nid)))
			host_fail("a whole page of memory on a node that is offline or has no pg_data_t");
	}
	if (nowhere > (1 << 20))	/* memblock_validate_numa_coverage(SZ_1M) lets 1 MiB pass */
		host_fail("more than 1 MiB of memory on no node");
	if (total != total_memory)
		host_fail("memory lost or invented");
	if (!num_online_nodes())
		host_fail("no node online");
	for (int a = 0; a < MAX_NUMNODES; a++)
		for (int b = 0; b < MAX_NUMNODES; b++)
			if (a == b ? node_distance(a, b) != LOCAL_DISTANCE : node_distance(a, b) <= LOCAL_DISTANCE)
				host_fail("node_distance: not 10 to itself, or 10 or less to another node");
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool booted;
	size_t srat_len;

	if (!booted) {
		fuzz_machine();
		booted = true;
	}
	if (size < 3)
		return 0;
	srat_len = data[1] | data[2] << 8;
	if (srat_len > size - 3)
		srat_len = size - 3;
	fuzz_reset();
	fuzz_srat = fuzz_table(ACPI_SIG_SRAT, sizeof(struct acpi_table_srat), data + 3, srat_len,
			       data[0] & 2 ? 1 : 3);
	fuzz_slit = data[0] & 1 ? fuzz_table(ACPI_SIG_SLIT, sizeof(struct acpi_table_header),
					     data + 3 + srat_len, size - 3 - srat_len, 1) : NULL;
	x86_numa_init();
	fuzz_check();
	host_free(fuzz_srat);
	host_free(fuzz_slit);
	fuzz_srat = fuzz_slit = NULL;
	return 0;
}
