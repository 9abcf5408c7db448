/* tools/host/pgtable/test.c: chapter 31's direct-map builder against random memory maps,
 * under ASan and UBSan.  Every map is built three ways, as three CPUs would: 4 KiB pages
 * only, up to 2 MiB, up to 1 GiB (gbpages); after each, every page of the window is
 * checked (machine.c, pgt_check()).
 *   pgtable-test SEED MAPS */
#include <stdio.h>
#include <stdlib.h>
#include "machine.h"

static const unsigned long masks[] = { PGT_MASK_4K, PGT_MASK_2M, PGT_MASK_2M | PGT_MASK_1G };
static const char *const mask_name[] = { "4k only", "up to 2M", "up to 1G" };

static void print_map(const struct pgt_map *map)
{
	for (int i = 0; i < map->nr; i++)
		fprintf(stderr, "  RAM [mem %#018llx-%#018llx]\n", map->start[i], map->end[i] - 1);
}

int main(int argc, char **argv)
{
	struct pgt_rand r = { 0 };
	unsigned long maps = argc > 2 ? strtoul(argv[2], NULL, 0) : 200, done = 0;
	unsigned long long pages = 0, leaves[3] = { 0 }, tables = 0, largest = 0;

	pgt_rand_seed(argc > 1 ? strtoull(argv[1], NULL, 0) : 1);
	pgt_machine_init();
	host_quiet = 1;
	while (done < maps) {
		struct pgt_map map;

		pgt_random_map(&r, &map);
		if (!pgt_map_valid(&map))
			continue;
		for (int m = 0; m < 3; m++) {
			struct pgt_stats st;
			const char *err;

			pgt_build(&map, masks[m]);
			if ((err = pgt_check(&map, masks[m], &st))) {
				fprintf(stderr, "FAIL: map %lu (seed %s), %s: %s\n", done,
					argc > 1 ? argv[1] : "1", mask_name[m], err);
				print_map(&map);
				return 1;
			}
			pages += st.pages_checked;
			tables += st.tables;
			for (int l = 0; l < 3; l++)
				leaves[l] += st.leaves[l];
			pgt_reset(&map);
		}
		if (map.end[map.nr - 1] > largest)
			largest = map.end[map.nr - 1];
		done++;
	}
	printf("%lu random memory maps (seed %s, up to %llu MiB), each built 3 ways: %llu pages checked, "
	       "%llu 4k + %llu 2M + %llu 1G leaves, %llu page-table pages: all correct\n",
	       maps, argc > 1 ? argv[1] : "1", largest >> 20, pages, leaves[0], leaves[1], leaves[2], tables);
	return 0;
}
