/*
 * tools/host/memblock/fuzz.c: libFuzzer target for mm/memblock.c.
 *
 * The input is a program: a mode byte, then operations.  After EVERY
 * operation the harness checks memblock's invariants (sorted, disjoint,
 * merged, total_size = sum of sizes, cnt <= max).
 *
 * Mode 0 ("model") works on 4 KiB units inside a small physical window and
 * keeps an independent, obviously-correct model: one cell per unit saying
 * whether it is memory (with node and flags) and whether it is reserved.
 * memblock must agree with the model after every operation, every
 * allocation must return exactly the address the model predicts (the
 * highest fitting one top-down, the lowest bottom-up, with node fallback),
 * non-raw allocations must be zeroed, and when a region array is doubled
 * the new array must have been free memory.
 *
 * Mode 1 ("wide") uses arbitrary 64-bit bases and sizes, including ranges
 * that run into PHYS_ADDR_MAX, and checks the invariants only.
 *
 * Further modes are added by other parts of the harness (fuzz_extra()).
 */
#include "check.h"
#include "host.h"
#include <stdio.h>
#include <stdlib.h>

#define UNIT		0x1000ULL
#define UNITS		512			/* a 2 MiB window */
#define MAX_OPS		256

#include "fuzz_input.h"

static void die(const char *what)
{
	fprintf(stderr, "memblock fuzz: %s\n", what);
	abort();
}

static void check_invariants(const char *after)
{
	const char *bad = memblock_check_all();

	if (bad) {
		fprintf(stderr, "memblock fuzz: after %s: %s\n", after, bad);
		abort();
	}
}

/* ---- the model ------------------------------------------------------- */

struct cell {
	bool mem, res;
	int nid;
	int flags;
};
static struct cell model[UNITS];

static void model_reserve(u64 b, u64 n)
{
	for (u64 u = b; u < b + n && u < UNITS; u++)
		model[u].res = true;
}

static void model_unreserve(u64 b, u64 n)
{
	for (u64 u = b; u < b + n && u < UNITS; u++)
		model[u].res = false;
}

static bool same_region(int a, int b)
{
	return model[a].mem && model[b].mem && model[a].nid == model[b].nid &&
	       model[a].flags == model[b].flags;
}

static bool unit_free(int u, int nid)
{
	return model[u].mem && !model[u].res && !(model[u].flags & MEMBLOCK_NOMAP) &&
	       (!numa_valid_node(nid) || model[u].nid == nid);
}

/* memblock_find_in_range_node() for the model: a unit index or -1. */
static long model_find(u64 size_u, u64 align_u, u64 start, u64 end, int nid)
{
	u64 s_u, e_u;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	start = max(start, (u64)PAGE_SIZE);
	end = max(start, end);
	s_u = DIV_ROUND_UP(start, UNIT);
	e_u = min(end / UNIT, (u64)UNITS);
	if (size_u == 0 || s_u + size_u > e_u)
		return -1;
	for (u64 k = 0; k <= e_u - size_u - s_u; k++) {
		u64 p = memblock_bottom_up() ? s_u + k : e_u - size_u - k;
		bool ok = p % align_u == 0;

		for (u64 u = p; ok && u < p + size_u; u++)
			ok = unit_free((int)u, nid) && same_region((int)p, (int)u);
		if (ok)
			return (long)p;
	}
	return -1;
}

static long model_alloc_range_nid(u64 size_u, u64 align_u, u64 start, u64 end, int nid, bool exact)
{
	long r;

	if (nid == MAX_NUMNODES)
		nid = NUMA_NO_NODE;
	r = model_find(size_u, align_u, start, end, nid);
	if (r < 0 && numa_valid_node(nid) && !exact)
		r = model_find(size_u, align_u, start, end, NUMA_NO_NODE);
	return r;
}

/* Compare memblock with the model, unit by unit. */
static void compare_with_model(const char *after)
{
	static struct cell have[UNITS];
	u64 mem_units = 0, res_units = 0;

	memset(have, 0, sizeof(have));
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];
		if (r->base % UNIT || r->size % UNIT || r->base + r->size > UNITS * UNIT)
			die("a memory region is not made of whole units of the window");
		for (u64 u = r->base / UNIT; u < (r->base + r->size) / UNIT; u++) {
			have[u].mem = true;
			have[u].nid = r->nid;
			have[u].flags = r->flags;
		}
	}
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		struct memblock_region *r = &memblock.reserved.regions[i];
		if (r->base % UNIT || r->size % UNIT || r->base + r->size > UNITS * UNIT)
			die("a reserved region is not made of whole units of the window");
		for (u64 u = r->base / UNIT; u < (r->base + r->size) / UNIT; u++)
			have[u].res = true;
	}
	for (int u = 0; u < UNITS; u++) {
		struct cell *m = &model[u], *h = &have[u];
		if (m->mem != h->mem || m->res != h->res ||
		    (m->mem && (m->nid != h->nid || m->flags != h->flags))) {
			fprintf(stderr, "memblock fuzz: after %s: unit %#llx: memblock says mem=%d nid=%d "
				"flags=%#x res=%d, the model says mem=%d nid=%d flags=%#x res=%d\n",
				after, u * UNIT, h->mem, h->nid, h->flags, h->res,
				m->mem, m->nid, m->flags, m->res);
			abort();
		}
		mem_units += m->mem;
		res_units += m->res;
	}
	if (memblock_phys_mem_size() != mem_units * UNIT || memblock_reserved_size() != res_units * UNIT)
		die("phys_mem_size or reserved_size disagree with the model");
}

/* Check the free-range walks, both directions, against the model's runs. */
static void compare_free_ranges(int nid)
{
	phys_addr_t s, e, want[UNITS][2];
	int n = 0, k = 0, m;
	u64 i;

	for (int u = 0; u < UNITS; ) {
		if (!unit_free(u, nid)) { u++; continue; }
		int v = u + 1;
		while (v < UNITS && unit_free(v, nid) && same_region(u, v))
			v++;
		want[n][0] = u * UNIT;
		want[n][1] = v * UNIT;
		n++;
		u = v;
	}
	for_each_free_mem_range(i, nid, MEMBLOCK_NONE, &s, &e, NULL) {
		if (k >= n || s != want[k][0] || e != want[k][1])
			die("for_each_free_mem_range disagrees with the model");
		k++;
	}
	if (k != n)
		die("for_each_free_mem_range missed ranges");
	m = n;
	for_each_free_mem_range_reverse(i, nid, MEMBLOCK_NONE, &s, &e, NULL) {
		m--;
		if (m < 0 || s != want[m][0] || e != want[m][1])
			die("for_each_free_mem_range_reverse disagrees with the model");
	}
	if (m != 0)
		die("for_each_free_mem_range_reverse missed ranges");
}

/* The region arrays memblock allocated for itself. */
struct arrays { struct memblock_region *mem, *res; unsigned long mem_max, res_max; };

static struct arrays arrays_now(void)
{
	return (struct arrays){ memblock.memory.regions, memblock.reserved.regions,
				memblock.memory.max, memblock.reserved.max };
}

static bool is_static(struct memblock_region *a)
{
	return a == host_init_memory_regions || a == host_init_reserved_regions;
}

static void array_range(struct memblock_region *a, unsigned long max, u64 *b, u64 *n)
{
	*b = __pa(a) / UNIT;
	*n = PAGE_ALIGN(max * sizeof(struct memblock_region)) / UNIT;
}

/* Does [b, b+n) units overlap a dynamically allocated region array? */
static bool hits_arrays(u64 b, u64 n)
{
	struct memblock_region *a[2] = { memblock.memory.regions, memblock.reserved.regions };
	unsigned long mx[2] = { memblock.memory.max, memblock.reserved.max };

	for (int i = 0; i < 2; i++) {
		u64 ab, an;
		if (is_static(a[i]))
			continue;
		array_range(a[i], mx[i], &ab, &an);
		if (b < ab + an && ab < b + n)
			return true;
	}
	return false;
}

/* After an operation: account for arrays memblock doubled during it. */
static void model_follow_arrays(struct arrays before, const struct cell *snapshot, u64 avoid_b, u64 avoid_n)
{
	struct arrays now = arrays_now();
	struct memblock_region *old[2] = { before.mem, before.res }, *new[2] = { now.mem, now.res };
	unsigned long old_max[2] = { before.mem_max, before.res_max }, new_max[2] = { now.mem_max, now.res_max };

	for (int i = 0; i < 2; i++) {
		u64 b, n;
		if (old[i] == new[i])
			continue;
		if (new_max[i] < 2 * old_max[i])
			die("a region array changed without doubling");
		if (!is_static(old[i])) {
			array_range(old[i], old_max[i], &b, &n);
			model_unreserve(b, n);
		}
		array_range(new[i], new_max[i], &b, &n);
		for (u64 u = b; u < b + n; u++) {
			if (u >= UNITS || !snapshot[u].mem || snapshot[u].res || (snapshot[u].flags & MEMBLOCK_NOMAP))
				die("memblock put a doubled array on memory that was not free");
			if (i == 1 && u >= avoid_b && u < avoid_b + avoid_n)
				die("the doubled reserved array overlaps the range being reserved");
		}
		model_reserve(b, n);
	}
}

/* ---- mode 0: the model ------------------------------------------------ */

static const int nids[4] = { 0, 1, 2, MAX_NUMNODES };

static int run_model(void)
{
	static struct cell snapshot[UNITS];

	memset(model, 0, sizeof(model));
	memset(__va(0), 0xa5, UNITS * UNIT);
	memblock_allow_resize();

	for (int op = 0; op < MAX_OPS && in_left; op++) {
		u8 code = (u8)take(1);
		u64 b = take(2) % UNITS, n = take(1) % 64 + 1;
		int nid = nids[take(1) % 4];
		struct arrays before = arrays_now();
		const char *name = "?";
		u64 avoid_b = 0, avoid_n = 0;

		if (b + n > UNITS)
			n = UNITS - b;
		memcpy(snapshot, model, sizeof(model));
		host_log_clear();
		switch (code % 12) {
		case 0: {	/* add */
			int fl = (code & 0x80) ? MEMBLOCK_HOTPLUG : 0;
			name = "memblock_add_node";
			if (nid == MAX_NUMNODES && !fl) {
				name = "memblock_add";
				memblock_add(b * UNIT, n * UNIT);
			} else {
				memblock_add_node(b * UNIT, n * UNIT, nid, fl);
			}
			for (u64 u = b; u < b + n; u++)
				if (!model[u].mem)
					model[u] = (struct cell){ true, model[u].res, nid, fl };
			break;
		}
		case 1:
			name = "memblock_remove";
			memblock_remove(b * UNIT, n * UNIT);
			for (u64 u = b; u < b + n; u++)
				model[u].mem = false;
			break;
		case 2:
			name = "memblock_reserve";
			memblock_reserve(b * UNIT, n * UNIT);
			model_reserve(b, n);
			avoid_b = b; avoid_n = n;
			break;
		case 3:
			name = "memblock_phys_free";
			if (hits_arrays(b, n))
				continue;	/* freeing memblock's own array is a caller bug */
			memblock_phys_free(b * UNIT, n * UNIT);
			model_unreserve(b, n);
			break;
		case 4: {	/* flags */
			int which = take(1) % 4;
			static const char *names[4] = { "memblock_mark_nomap", "memblock_clear_nomap",
							"memblock_mark_hotplug", "memblock_clear_hotplug" };
			int (*fns[4])(phys_addr_t, phys_addr_t) = { memblock_mark_nomap, memblock_clear_nomap,
								   memblock_mark_hotplug, memblock_clear_hotplug };
			int flag = which < 2 ? MEMBLOCK_NOMAP : MEMBLOCK_HOTPLUG;
			name = names[which];
			fns[which](b * UNIT, n * UNIT);
			for (u64 u = b; u < b + n; u++)
				if (model[u].mem)
					model[u].flags = (which % 2 == 0) ? (model[u].flags | flag) : (model[u].flags & ~flag);
			break;
		}
		case 5:
			name = "memblock_set_node";
			memblock_set_node(b * UNIT, n * UNIT, &memblock.memory, nid);
			for (u64 u = b; u < b + n; u++)
				if (model[u].mem)
					model[u].nid = nid;
			break;
		case 6: case 7: {	/* physical allocations */
			u64 align_u = 1ULL << (take(1) % 6);
			u64 start = (take(2) % (UNITS + 1)) * UNIT, end = (take(2) % (UNITS + 2)) * UNIT;
			bool exact = code & 0x40, ranged = code & 0x20;
			long want;
			phys_addr_t got;

			if (!ranged) {
				start = 0;
				end = MEMBLOCK_ALLOC_ACCESSIBLE;
			}
			name = "memblock_alloc_range_nid";
			want = model_alloc_range_nid(n, align_u, start, end, nid, exact);
			if (code % 12 == 6 && nid == MAX_NUMNODES && !exact) {
				name = "memblock_phys_alloc_range";
				got = memblock_phys_alloc_range(n * UNIT, align_u * UNIT, start, end);
			} else {
				got = memblock_alloc_range_nid(n * UNIT, align_u * UNIT, start, end, nid, exact);
			}
			if (strstr(host_log(), "Failed to double"))
				return 0;	/* the window is too full to grow an array: stop here */
			if ((want < 0 && got != 0) || (want >= 0 && got != (u64)want * UNIT)) {
				fprintf(stderr, "memblock fuzz: %s(%#llx, align %#llx, %#llx, %#llx, nid %d%s) "
					"returned %#llx, the model says %#llx\n", name, n * UNIT, align_u * UNIT,
					start, end, nid, exact ? ", exact" : "", got,
					want < 0 ? 0 : (u64)want * UNIT);
				abort();
			}
			if (want >= 0) {
				model_reserve((u64)want, n);
				avoid_b = (u64)want; avoid_n = n;
			}
			break;
		}
		case 8: case 9: {	/* virtual allocations: clamp, retry from 0, zeroing */
			u64 align_u = 1ULL << (take(1) % 6);
			u64 min_addr = (take(2) % (UNITS + 1)) * UNIT, max_addr = (take(2) % (UNITS + 2)) * UNIT;
			int kind = take(1) % 3;
			long want;
			void *p;
			u64 m = max_addr;
			bool exact = kind == 2;

			if (m > memblock.current_limit)
				m = memblock.current_limit;
			want = model_alloc_range_nid(n, align_u, min_addr, m, nid, exact);
			if (want < 0 && min_addr)
				want = model_alloc_range_nid(n, align_u, 0, m, nid, exact);
			name = kind == 0 ? "memblock_alloc_try_nid" : kind == 1 ? "memblock_alloc_try_nid_raw"
									: "memblock_alloc_exact_nid_raw";
			if (kind == 0)
				p = memblock_alloc_try_nid(n * UNIT, align_u * UNIT, min_addr, max_addr, nid);
			else if (kind == 1)
				p = memblock_alloc_try_nid_raw(n * UNIT, align_u * UNIT, min_addr, max_addr, nid);
			else
				p = memblock_alloc_exact_nid_raw(n * UNIT, align_u * UNIT, min_addr, max_addr, nid);
			if (strstr(host_log(), "Failed to double"))
				return 0;
			if ((want < 0) != (p == NULL) || (p && __pa(p) != (u64)want * UNIT)) {
				fprintf(stderr, "memblock fuzz: %s(%#llx, align %#llx, %#llx, %#llx, nid %d) returned "
					"%#llx, the model says %#llx\n", name, n * UNIT, align_u * UNIT, min_addr,
					max_addr, nid, p ? __pa(p) : 0, want < 0 ? 0 : (u64)want * UNIT);
				abort();
			}
			if (p && kind == 0)
				for (u64 k = 0; k < n * UNIT; k++)
					if (((u8 *)p)[k])
						die("memblock_alloc_try_nid returned memory that is not zeroed");
			if (p) {
				memset(p, 0xa5, n * UNIT);	/* dirty it again for the next one */
				model_reserve((u64)want, n);
				avoid_b = (u64)want; avoid_n = n;
			}
			break;
		}
		case 10:
			name = "memblock_set_bottom_up";
			memblock_set_bottom_up(code & 0x80);
			break;
		case 11: {
			u64 lim = take(2) % (UNITS + 4);
			name = "memblock_set_current_limit";
			memblock_set_current_limit(lim > UNITS ? MEMBLOCK_ALLOC_ANYWHERE : lim * UNIT);
			break;
		}
		}
		if (strstr(host_log(), "Failed to double"))
			return 0;
		model_follow_arrays(before, snapshot, avoid_b, avoid_n);
		check_invariants(name);
		compare_with_model(name);
		compare_free_ranges(NUMA_NO_NODE);
		compare_free_ranges(nids[op % 3]);
		/* point and range queries */
		{
			u64 u = take(2) % UNITS, k = take(1) % 8 + 1;
			bool all_one_region = true, any_res = false;
			if (u + k > UNITS)
				k = UNITS - u;
			for (u64 v = u; v < u + k; v++) {
				all_one_region &= same_region((int)u, (int)v);
				any_res |= model[v].res;
			}
			if (memblock_is_memory(u * UNIT + 5) != model[u].mem ||
			    memblock_is_reserved(u * UNIT + 5) != model[u].res ||
			    memblock_is_region_memory(u * UNIT, k * UNIT) != all_one_region ||
			    memblock_is_region_reserved(u * UNIT, k * UNIT) != any_res)
				die("a memblock_is_* query disagrees with the model");
		}
	}
	/* trimming at the end: to a random power-of-two number of units */
	{
		u64 align_u = 1ULL << (take(1) % 5);
		memblock_trim_memory(align_u * UNIT);
		for (int u = 0; u < UNITS; ) {
			if (!model[u].mem) { u++; continue; }
			int v = u + 1;
			while (v < UNITS && same_region(u, v))
				v++;
			u64 s = round_up((u64)u, align_u), e = round_down((u64)v, align_u);
			for (int w = u; w < v; w++)
				if ((u64)w < s || (u64)w >= e)
					model[w].mem = false;
			u = v;
		}
		check_invariants("memblock_trim_memory");
		compare_with_model("memblock_trim_memory");
	}
	return 0;
}

/* ---- mode 1: wide addresses ------------------------------------------ */

static u64 wide_value(void)
{
	u8 kind = (u8)take(1);

	switch (kind % 4) {
	case 0: return take(8);				/* anything */
	case 1: return PHYS_ADDR_MAX - take(3);		/* near the top */
	case 2: return take(2) * UNIT;			/* page-ish */
	default: return take(4);			/* below 4 GiB */
	}
}

static int run_wide(void)
{
	memblock_allow_resize();
	memblock_set_current_limit(HOST_PHYS_SIZE);	/* arrays must be reachable */
	for (int op = 0; op < MAX_OPS && in_left; op++) {
		u8 code = (u8)take(1);
		u64 b = wide_value(), n = wide_value();
		int nid = nids[code >> 6];
		const char *name = "?";

		host_log_clear();
		switch (code % 8) {
		case 0: name = "memblock_add_node"; memblock_add_node(b, n, nid, code & 0x20 ? MEMBLOCK_HOTPLUG : 0); break;
		case 1: name = "memblock_remove"; memblock_remove(b, n); break;
		case 2: name = "memblock_reserve"; memblock_reserve(b, n); break;
		case 3:
			name = "memblock_phys_free";
			if (b < HOST_PHYS_SIZE && hits_arrays(b / UNIT, DIV_ROUND_UP(min(n, HOST_PHYS_SIZE), UNIT) + 1))
				continue;
			memblock_phys_free(b, n);
			break;
		case 4: name = "memblock_mark_nomap"; memblock_mark_nomap(b, n); break;
		case 5: name = "memblock_set_node"; memblock_set_node(b, n, &memblock.reserved, nid); break;
		case 6: {
			u64 align = 1ULL << (take(1) % 40);
			phys_addr_t got;
			name = "memblock_phys_alloc_range";
			memblock_set_bottom_up(code & 0x20);
			got = memblock_phys_alloc_range(n, align, b, wide_value());
			if ((got && !n) || (got && (got % align || !memblock_is_region_reserved(got, n)))) {
				fprintf(stderr, "memblock fuzz: memblock_phys_alloc_range(%#llx, %#llx, %#llx, ...) = %#llx\n",
					n, align, b, got);
				die("memblock_phys_alloc_range returned a bad block");
			}
			break;
		}
		case 7: name = "memblock_trim_memory"; memblock_trim_memory(1ULL << (take(1) % 30)); break;
		}
		check_invariants(name);
		if (memblock_end_of_DRAM() < memblock_start_of_DRAM())
			die("end_of_DRAM below start_of_DRAM");
	}
	return 0;
}

/* Other fuzz modes (the e820 sanitizer) live in their own files. */
int fuzz_extra(const u8 *data, size_t size) __attribute__((weak));

/*
 * FUZZ_MODE=memblock or FUZZ_MODE=e820 restricts a run to the memblock modes
 * (0, 1) or the e820 mode (2); make test runs the two as separate fuzzers.
 */
static int fuzz_only = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *m = getenv("FUZZ_MODE");

	(void)argc;
	(void)argv;
	if (m && !strcmp(m, "memblock"))
		fuzz_only = 0;
	else if (m && !strcmp(m, "e820"))
		fuzz_only = 2;
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	int mode;

	if (size < 1)
		return 0;
	in = data + 1;
	in_left = size - 1;
	memblock_host_reset();
	host_log_clear();
	mode = data[0] % 3;
	if (fuzz_only == 0)
		mode = data[0] % 2;
	else if (fuzz_only == 2)
		mode = 2;
	switch (mode) {
	case 0: return run_model();
	case 1: return run_wide();
	default: return fuzz_extra ? fuzz_extra(data + 1, size - 1) : run_model();
	}
}
