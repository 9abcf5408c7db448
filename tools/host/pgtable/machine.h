/* tools/host/pgtable/machine.h: the direct-map harness, as its tests see it.  No kernel
 * header is included here, so that test.c, bench.c and fuzz.c are plain C programs. */
#ifndef HOST_PGTABLE_MACHINE_H
#define HOST_PGTABLE_MACHINE_H
#include <stdbool.h>

#define PGT_MAX_RANGES	64
#define PGT_MAX_SPAN	(64ULL << 30)	/* the highest physical address a map may reach */
#define PGT_MASK_4K	0UL		/* page_size_mask: 4 KiB pages only */
#define PGT_MASK_2M	(1UL << 2)	/* 1 << PG_LEVEL_2M */
#define PGT_MASK_1G	(1UL << 3)	/* 1 << PG_LEVEL_1G */

/* A physical memory map: sorted, page-aligned, disjoint, not touching [start, end). */
struct pgt_map {
	int nr;
	unsigned long long start[PGT_MAX_RANGES], end[PGT_MAX_RANGES];
};

struct pgt_stats {
	unsigned long leaves[3];	/* 4K, 2M, 1G */
	unsigned long tables;		/* page-table pages below init_top_pgt */
	unsigned long pages_checked;
};

/* machine.c (kernel headers): build the direct map of MAP with the chapter's code, check it. */
void pgt_machine_init(void);
void pgt_machine_init_span(unsigned long long span, unsigned long long align);
void pgt_build(const struct pgt_map *map, unsigned long page_size_mask);
const char *pgt_check(const struct pgt_map *map, unsigned long page_size_mask, struct pgt_stats *st);
void pgt_reset(const struct pgt_map *map);
extern int host_quiet;

/* libc.c: the host side (address space, memory). */
unsigned long host_window_reserve(unsigned long long span, unsigned long long align);
void host_window_ram(unsigned long addr, unsigned long long len);
void host_window_clear(unsigned long addr, unsigned long long len);
void *host_calloc(unsigned long long n);
void host_free(void *p);
void host_die(const char *msg) __attribute__((noreturn));

/* map.c: random memory maps from a stream of bytes or a seed. */
struct pgt_rand {
	const unsigned char *data;	/* fuzzer input, or NULL: xorshift64 (pgt_rand_seed()) */
	unsigned long len, pos;
	unsigned long long span;		/* the highest address a map may reach; 0: PGT_MAX_SPAN */
};
void pgt_rand_seed(unsigned long long seed);
unsigned long long pgt_rand_below(struct pgt_rand *r, unsigned long long n);
void pgt_random_map(struct pgt_rand *r, struct pgt_map *map);
bool pgt_map_valid(const struct pgt_map *map);
#endif
