/* tools/host/pgtable/fuzz.c: libFuzzer target: the input is the random stream from which
 * map.c draws a memory map and the CPU's page sizes; the chapter's builder maps it and
 * pgt_check() holds every page to the rules.  A broken rule aborts with the map.  Maps
 * stay below 3 GiB here (three 1 GiB blocks), so that the fuzzer runs several a second. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

static const unsigned long masks[] = { PGT_MASK_4K, PGT_MASK_2M, PGT_MASK_2M | PGT_MASK_1G };

int LLVMFuzzerInitialize(int *argc __attribute__((unused)), char ***argv __attribute__((unused)))
{
	pgt_machine_init();
	host_quiet = 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pgt_rand r = { .data = data, .len = size, .span = 3ULL << 30 };
	unsigned long mask = masks[pgt_rand_below(&r, 3)];
	struct pgt_map map;
	struct pgt_stats st;
	const char *err;

	pgt_random_map(&r, &map);
	if (!pgt_map_valid(&map))
		return 0;
	pgt_build(&map, mask);
	if ((err = pgt_check(&map, mask, &st))) {
		fprintf(stderr, "pgtable fuzz: page_size_mask %#lx: %s\n", mask, err);
		for (int i = 0; i < map.nr; i++)
			fprintf(stderr, "  RAM [mem %#018llx-%#018llx]\n", map.start[i], map.end[i] - 1);
		abort();
	}
	pgt_reset(&map);
	return 0;
}
