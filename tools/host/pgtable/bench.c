/* tools/host/pgtable/bench.c: the direct map of 4 GiB built three ways by chapter 31's
 * builder (4 KiB pages only, up to 2 MiB, up to 1 GiB), each between two callgrind client
 * requests so that bench-callgrind reads the instructions of the build alone; the
 * page-table pages and leaves of each build are printed on stdout.  Two memory maps: the
 * one QEMU's pc machine gives a 4 GiB guest (RAM to 0xbffe0000, the PCI hole, the last
 * gigabyte above 4 GiB: the map the kernel's boot transcript shows), and 4 GiB with no hole.
 * Built with gcc -O2 and no sanitizers (rules.mk). */
#include <stdio.h>
#include <valgrind/callgrind.h>
#include "machine.h"

void pgt_setup(const struct pgt_map *map);
void pgt_map_all(unsigned long mask);

static const struct { const char *name; struct pgt_map map; } maps[] = {
	{ "qemu4g", { 3, { 0, 0x100000, 0x100000000ULL }, { 0x9f000, 0xbffe0000, 0x140000000ULL } } },
	{ "flat4g", { 1, { 0 }, { 0x100000000ULL } } },
};
static const struct { const char *name; unsigned long mask; } ways[] = {
	{ "4k", PGT_MASK_4K }, { "2M", PGT_MASK_2M }, { "1G", PGT_MASK_2M | PGT_MASK_1G },
};

int main(void)
{
	pgt_machine_init_span(8ULL << 30, 1ULL << 30);
	host_quiet = 1;
	for (unsigned m = 0; m < sizeof(maps) / sizeof(maps[0]); m++)
		for (unsigned w = 0; w < sizeof(ways) / sizeof(ways[0]); w++) {
			struct pgt_stats st;
			const char *err;
			char dump[32];

			snprintf(dump, sizeof(dump), "%s_%s", maps[m].name, ways[w].name);
			pgt_setup(&maps[m].map);
			CALLGRIND_ZERO_STATS;
			pgt_map_all(ways[w].mask);
			CALLGRIND_DUMP_STATS_AT(dump);
			if ((err = pgt_check(&maps[m].map, ways[w].mask, &st))) {
				fprintf(stderr, "bench-pgtable: %s: %s\n", dump, err);
				return 1;
			}
			printf("%s tables=%lu 4k=%lu 2M=%lu 1G=%lu\n", dump, st.tables,
			       st.leaves[0], st.leaves[1], st.leaves[2]);
			pgt_reset(&maps[m].map);
		}
	return 0;
}
