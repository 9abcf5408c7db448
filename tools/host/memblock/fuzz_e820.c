/*
 * tools/host/memblock/fuzz_e820.c: the fuzzer's e820 mode (see fuzz.c).
 *
 * Builds an e820 table from the input (any addresses, sizes and types, in any
 * order, up to the table's capacity), runs the tangled e820__update_table(),
 * and checks the result two ways:
 *
 *  - invariants: sorted, disjoint, no empty entry, nothing at or above 2^52,
 *    touching entries of one type merged (except the no-merge types);
 *  - an oracle, point by point: at every boundary of every input entry (and
 *    one byte before it) the output's type must be the largest type of the
 *    input entries covering that point, after the documented corrections
 *    (zero length dropped, beyond 2^52 dropped or clipped, type 0 reserved).
 *
 * Then it applies random __e820__range_update/__e820__range_remove calls and
 * re-checks with the oracle, feeds random strings to the memmap= and mem=
 * parsers, and runs e820__memory_setup() on a random boot_params map: it may
 * only panic when e820__check_table() says the result is unusable.
 */
#include "check.h"
#include "host.h"
#include <asm/e820/api.h>
#include <asm/bootparam.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT	(1ULL << 52)

struct boot_params boot_params;
char _text[1], _end[1];		/* never used by the fuzzer: outside the window */
unsigned long max_pfn_mapped;

#include "fuzz_input.h"

static u64 some_addr(void)
{
	switch (take(1) % 6) {
	case 0: return take(2) * 0x1000;		/* small, page aligned */
	case 1: return take(3) * 0x400;			/* 1 KiB granularity */
	case 2: return take(8);				/* anything */
	case 3: return LIMIT - take(3);			/* just below 2^52 */
	case 4: return ~0ULL - take(2);			/* near 2^64 */
	default: return take(1) * 0x100000;		/* whole MiB */
	}
}

static u32 some_type(void)
{
	static const u32 types[] = { 0, 1, 1, 1, 2, 2, 3, 4, 5, 7, 12, 128, 0xefffffff, 99 };
	u8 k = (u8)take(1);

	return k == 0xff ? (u32)take(4) : types[k % ARRAY_SIZE(types)];
}

static void die(const char *what, u64 at)
{
	fprintf(stderr, "e820 fuzz: %s (at %#llx)\n%s", what, at, host_log());
	abort();
}

/* The corrected input, as the chapter documents it. */
static struct e820_entry ref[E820_MAX_ENTRIES * 3];
static u32 nref;

static void ref_from(const struct e820_table *t)
{
	nref = 0;
	for (u32 i = 0; i < t->nr_entries; i++) {
		struct e820_entry e = t->entries[i];

		if (e.size == 0 || e.addr >= LIMIT)
			continue;
		if (e.size > LIMIT - e.addr)
			e.size = LIMIT - e.addr;
		if (e.type == 0)
			e.type = E820_TYPE_RESERVED;
		ref[nref++] = e;
	}
}

static u32 ref_type_at(u64 p)
{
	u32 best = 0;

	for (u32 i = 0; i < nref; i++)
		if (p >= ref[i].addr && p - ref[i].addr < ref[i].size && ref[i].type > best)
			best = ref[i].type;
	return best;
}

static u32 table_type_at(const struct e820_table *t, u64 p)
{
	for (u32 i = 0; i < t->nr_entries; i++)
		if (p >= t->entries[i].addr && p - t->entries[i].addr < t->entries[i].size)
			return t->entries[i].type;
	return 0;
}

static bool nomerge(u32 type)
{
	return type == E820_TYPE_PRAM || type == E820_TYPE_SOFT_RESERVED;
}

static void check_clean(const struct e820_table *t)
{
	for (u32 i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (e->size == 0 || e->type == 0)
			die("an empty or untyped entry survived", e->addr);
		if (e->addr >= LIMIT || e->size > LIMIT - e->addr)
			die("an entry reaches past 2^52", e->addr);
		if (i + 1 < t->nr_entries) {
			const struct e820_entry *n = e + 1;
			if (e->addr + e->size > n->addr)
				die("entries are unsorted or overlap", n->addr);
			if (e->addr + e->size == n->addr && e->type == n->type && !nomerge(e->type))
				die("touching entries of one type were not merged", n->addr);
		}
	}
}

static void check_oracle(const struct e820_table *t)
{
	if (strstr(host_log(), "too many entries"))
		return;		/* the output was cut, as announced */
	for (u32 i = 0; i < nref; i++) {
		u64 pts[4] = { ref[i].addr, ref[i].addr + ref[i].size - 1,
			       ref[i].addr ? ref[i].addr - 1 : 0, ref[i].addr + ref[i].size };
		for (int k = 0; k < 4; k++) {
			if (pts[k] >= LIMIT)
				continue;
			if (table_type_at(t, pts[k]) != ref_type_at(pts[k]))
				die("the sanitized type differs from the largest covering type", pts[k]);
		}
	}
}

static struct e820_table t;

static void run_table(void)
{
	t.nr_entries = (u32)(take(1) % (E820_MAX_ENTRIES + 1));
	for (u32 i = 0; i < t.nr_entries; i++)
		t.entries[i] = (struct e820_entry){ some_addr(), some_addr() % (take(1) & 1 ? 0x10000000 : ~0ULL),
						    (enum e820_type)some_type() };
	ref_from(&t);
	host_log_clear();
	e820__update_table(&t);
	check_clean(&t);
	check_oracle(&t);

	/* edits on the clean table, checked by the same oracle */
	for (int k = 0; k < 8 && in_left; k++) {
		u64 start = some_addr(), size = some_addr();
		u32 old = some_type(), new = some_type();

		if (t.nr_entries && (take(1) & 1)) {
			/* aim at an existing entry: its type, a range cutting it */
			const struct e820_entry *e = &t.entries[take(1) % t.nr_entries];
			old = e->type;
			start = e->addr + (take(1) % 4) * (e->size / 4);
			size = (take(1) % 6) * (e->size / 4) + (take(1) & 1);
		}
		bool remove = take(1) & 1, check_type = take(1) & 1;
		u64 end;

		if (!old || !new)
			continue;
		if (size > ~0ULL - start)
			size = ~0ULL - start;
		end = start + size;
		ref_from(&t);
		host_log_clear();
		if (remove) {
			__e820__range_remove(&t, start, size, old, check_type);
		} else {
			if (old == new)
				continue;
			__e820__range_update(&t, start, size, old, new);
		}
		for (u32 i = 0; i < nref; i++)		/* apply the edit to the reference */
			if (ref[i].addr < end && start < ref[i].addr + ref[i].size &&
			    (remove ? (!check_type || ref[i].type == old) : ref[i].type == old)) {
				/* split the reference entry around [start, end) */
				struct e820_entry e = ref[i];
				u64 s = max(e.addr, start), x = min(e.addr + e.size, end);
				ref[i].size = s - e.addr;
				if (e.addr + e.size > x && nref < ARRAY_SIZE(ref))
					ref[nref++] = (struct e820_entry){ x, e.addr + e.size - x, e.type };
				if (!remove && nref < ARRAY_SIZE(ref))
					ref[nref++] = (struct e820_entry){ s, x - s, new };
			}
		e820__update_table(&t);
		check_clean(&t);
		check_oracle(&t);
	}
}

static void run_params(void)
{
	char buf[96];
	size_t n = take(1) % (sizeof(buf) - 1);

	for (size_t i = 0; i < n; i++) {
		static const char alphabet[] = "0123456789abcdefxKMG@#$!,exactmap";
		buf[i] = alphabet[take(1) % (sizeof(alphabet) - 1)];
	}
	buf[n] = 0;
	e820_table->nr_entries = 0;
	e820__range_add(0, 0x9fc00, E820_TYPE_RAM);
	e820__range_add(0x100000, 0x7ee0000, E820_TYPE_RAM);
	host_run_param(take(1) & 1 ? "memmap" : "mem", buf);
	e820__update_table(e820_table);
	check_clean(e820_table);
}

static void run_memory_setup(void)
{
	const char *why;
	bool panicked;

	memset(&boot_params, 0, sizeof(boot_params));
	boot_params.e820_entries = (u8)(take(1) % (E820_MAX_ENTRIES_ZEROPAGE + 1));
	for (u32 i = 0; i < boot_params.e820_entries; i++)
		boot_params.e820_table[i] = (struct boot_e820_entry){ some_addr(), some_addr() % 0x40000000,
								      some_type() };
	boot_params.mem_upper_kb = take(1) & 1 ? (u32)take(3) : 0;
	panicked = HOST_PANICS(e820__memory_setup());
	why = e820__check_table(e820_table);
	if (panicked != (why != NULL))
		die(panicked ? "e820__memory_setup panicked on a usable map" :
			       "e820__memory_setup accepted an unusable map", 0);
	check_clean(e820_table);
}

int fuzz_extra(const u8 *data, size_t size)
{
	in = data + (size ? 1 : 0);
	in_left = size ? size - 1 : 0;
	switch (size ? data[0] % 3 : 0) {
	case 0: run_table(); break;
	case 1: run_params(); break;
	default: run_memory_setup(); break;
	}
	return 0;
}
