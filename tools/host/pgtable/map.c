/* tools/host/pgtable/map.c: random physical memory maps, from a seed (the unit test) or
 * from the fuzzer's bytes.  Sizes and holes are drawn to land on and next to the
 * boundaries that decide the page size (2 MiB, 1 GiB), and one map in four starts like a
 * PC's: low memory below 640 KiB, RAM from 1 MiB, the PCI hole, RAM again above 4 GiB. */
#include "machine.h"
#include "../xorshift.h"

#define P2M	512ULL		/* pages in 2 MiB */
#define P1G	262144ULL	/* pages in 1 GiB */

void pgt_rand_seed(unsigned long long seed)
{
	rng_seed(seed);
}

unsigned long long pgt_rand_below(struct pgt_rand *r, unsigned long long n)
{
	unsigned long long v = 0;

	if (n <= 1)
		return 0;
	if (r->data) {
		for (int i = 0; i < 8 && r->pos < r->len; i++)
			v |= (unsigned long long)r->data[r->pos++] << (8 * i);
	} else {
		v = rnd();
	}
	return v % n;
}

/* A size in pages, at least 1. */
static unsigned long long rand_pages(struct pgt_rand *r)
{
	unsigned long long jitter = pgt_rand_below(r, 9);

	switch (pgt_rand_below(r, 8)) {
	case 0: return 1 + pgt_rand_below(r, 8);
	case 1: return P2M - 4 + jitter;
	case 2: return P2M * (1 + pgt_rand_below(r, 16)) + (pgt_rand_below(r, 2) ? jitter : 0);
	case 3: return P1G * (1 + pgt_rand_below(r, 3)) - (pgt_rand_below(r, 2) ? P2M * pgt_rand_below(r, 3) : 0) + jitter;
	case 4: return 1 + pgt_rand_below(r, 2 * P1G);
	case 5: return P1G - P2M * pgt_rand_below(r, 4) + 1;
	default: return 1 + pgt_rand_below(r, 4096);
	}
}

static void add(struct pgt_map *map, unsigned long long span, unsigned long long start, unsigned long long end)
{
	if (map->nr < PGT_MAX_RANGES && start < end && end <= span) {
		map->start[map->nr] = start;
		map->end[map->nr++] = end;
	}
}

void pgt_random_map(struct pgt_rand *r, struct pgt_map *map)
{
	unsigned long long pos = 0, nr = 1 + pgt_rand_below(r, 12);
	unsigned long long span = r->span ? r->span : PGT_MAX_SPAN;

	map->nr = 0;
	if (pgt_rand_below(r, 4) == 0) {	/* a PC: 0-640K, 1M-below 4G, maybe above 4G */
		unsigned long long low = (3ULL << 30) - pgt_rand_below(r, 3) * (1ULL << 29) - 0x20000;

		add(map, span, 0, 0x9f000);
		add(map, span, 0x100000, low);
		if (pgt_rand_below(r, 2))
			add(map, span, 4ULL << 30, (4ULL << 30) + rand_pages(r) * 4096);
		return;
	}
	if (pgt_rand_below(r, 3))
		pos = rand_pages(r) * 4096;
	for (unsigned long long i = 0; i < nr && pos < span; i++) {
		unsigned long long end = pos + rand_pages(r) * 4096;

		add(map, span, pos, end);
		pos = end + rand_pages(r) * 4096;	/* a hole of at least one page */
	}
}

/* Sorted, page-aligned, disjoint, not touching, inside the window; and RAM enough for the
 * page tables of the worst case (4 KiB pages everywhere), so that memblock never runs out. */
bool pgt_map_valid(const struct pgt_map *map)
{
	unsigned long long ram = 0, tables;

	if (map->nr < 1 || map->nr > PGT_MAX_RANGES)
		return false;
	for (int i = 0; i < map->nr; i++) {
		if (map->start[i] % 4096 || map->end[i] % 4096 || map->start[i] >= map->end[i] ||
		    map->end[i] > PGT_MAX_SPAN || (i && map->start[i] <= map->end[i - 1]))
			return false;
		ram += map->end[i] - map->start[i];
	}
	tables = ram / (2ULL << 20) + 2 * map->nr + map->end[map->nr - 1] / (1ULL << 30) + 8;
	return ram / 4096 >= 2 * tables;
}
