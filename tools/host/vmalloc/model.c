/*
 * tools/host/vmalloc/model.c: a model of chapter 35's area allocator, written without
 * its trees, and the checks that hold the kernel's allocator to it after every operation.
 *
 * The model is two sorted arrays, the busy areas and the lazy (freed, not yet purged)
 * ones.  Free space is whatever lies between them in [1, ULONG_MAX), so the model's
 * free ranges are merged by construction.  Its lowest fit is a walk over those gaps in
 * address order.  After every operation the kernel's three lists must be exactly the
 * model's busy areas, lazy areas and gaps; the trees must pass vmh_check_structure();
 * vmap_lazy_nr, the drain work and every TLB flush must be what the model says.
 *
 * The one place where the model cannot name the answer is Linux's trade-off for an
 * alignment above a page (adjust_search_size): the search looks for size + align - 1
 * bytes, and may pass over a tighter hole that happens to be aligned.  There the model
 * checks what Linux does promise: the answer is a free, aligned range inside the bounds,
 * no higher than the lowest hole of size + align - 1 bytes, and the allocation neither
 * fails nor purges while such a hole exists.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

#define PAGE vmh_page_size
#define LAZY_MAX_PAGES 8192UL	/* fls(1 CPU) * 32 MiB / 4 KiB, as the chapter's lazy_max_pages() */

struct model_stats stats;
static unsigned long w0, w1;	/* the window */
static struct vmh_range *busy, *lazy, *scratch;
static int nbusy, nlazy, cap;
static unsigned long lazy_pages;
static int work_pending;

static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "vmalloc harness: FAILED after %lu operations: ", stats.ops);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void insert_sorted(struct vmh_range *a, int *n, struct vmh_range r)
{
	int i = *n;

	while (i > 0 && a[i - 1].start > r.start) {
		a[i] = a[i - 1];
		i--;
	}
	a[i] = r;
	(*n)++;
}

static void remove_at(struct vmh_range *a, int *n, int i)
{
	memmove(&a[i], &a[i + 1], (*n - i - 1) * sizeof(*a));
	(*n)--;
}

/* The gaps between busy and lazy areas, in address order: the free ranges. */
static int model_gaps(struct vmh_range *out)
{
	unsigned long cursor = 1;
	int i = 0, j = 0, n = 0;

	while (i < nbusy || j < nlazy) {
		struct vmh_range u = (j >= nlazy || (i < nbusy && busy[i].start < lazy[j].start)) ?
				     busy[i++] : lazy[j++];

		if (u.start > cursor)
			out[n++] = (struct vmh_range){ cursor, u.start };
		cursor = u.end;
	}
	if (cursor < ~0UL)
		out[n++] = (struct vmh_range){ cursor, ~0UL };
	return n;
}

static unsigned long align_up(unsigned long x, unsigned long a, int *wrapped)
{
	unsigned long r = (x + a - 1) & ~(a - 1);

	*wrapped = r < x;
	return r;
}

/* The lowest aligned start of size bytes in [vstart, vend) over free pages; 0 if none.
 * With minlen > size: only in a gap of at least minlen bytes above vstart (the adjusted
 * search's promise). */
static unsigned long model_lowest(unsigned long size, unsigned long align, unsigned long vstart,
				  unsigned long vend, unsigned long minlen)
{
	int n = model_gaps(scratch);

	for (int i = 0; i < n; i++) {
		struct vmh_range g = scratch[i];
		unsigned long lo = g.start > vstart ? g.start : vstart, s;
		int wrapped;

		if (g.end <= vstart)
			continue;
		if (minlen > size && (g.start < vstart || g.end - g.start < minlen))
			continue;
		s = align_up(lo, align, &wrapped);
		if (wrapped || s + size < s)
			return 0;
		if (s + size <= g.end)
			return s + size <= vend ? s : 0;
	}
	return 0;
}

static int model_is_free(unsigned long s, unsigned long e)
{
	int n = model_gaps(scratch);

	for (int i = 0; i < n; i++)
		if (scratch[i].start <= s && e <= scratch[i].end)
			return 1;
	return 0;
}

static void compare_list(int which, const char *name, const struct vmh_range *want, int nwant)
{
	static struct vmh_range *got;
	static int gotcap;
	int n = vmh_list(which, got, gotcap);

	if (n > gotcap) {
		gotcap = n + 1024;
		got = realloc(got, gotcap * sizeof(*got));
		n = vmh_list(which, got, gotcap);
	}
	for (int i = 0; i < n || i < nwant; i++) {
		if (i >= n)
			fail("%s list: kernel ends after %d ranges, model has %#lx-%#lx next", name, n,
			     want[i].start, want[i].end);
		if (i >= nwant)
			fail("%s list: kernel has %#lx-%#lx beyond the model's %d ranges", name,
			     got[i].start, got[i].end, nwant);
		if (got[i].start != want[i].start || got[i].end != want[i].end)
			fail("%s list, range %d: kernel %#lx-%#lx, model %#lx-%#lx", name, i,
			     got[i].start, got[i].end, want[i].start, want[i].end);
	}
}

static void check_all(void)
{
	const char *e = vmh_check_structure();

	if (e)
		fail("structure: %s", e);
	compare_list(0, "free", scratch, model_gaps(scratch));
	compare_list(1, "busy", busy, nbusy);
	compare_list(2, "lazy", lazy, nlazy);
	if (vmh_lazy_nr() != lazy_pages)
		fail("vmap_lazy_nr is %lu, the model has %lu lazy pages", vmh_lazy_nr(), lazy_pages);
	if (vmh_work_pending() != work_pending)
		fail("drain work %s, the model says %s (lazy pages %lu, limit %lu)",
		     vmh_work_pending() ? "queued" : "not queued", work_pending ? "queued" : "not",
		     lazy_pages, LAZY_MAX_PAGES);
	if (nbusy > (long)stats.max_busy)
		stats.max_busy = nbusy;
	if (lazy_pages > stats.max_lazy_pages)
		stats.max_lazy_pages = lazy_pages;
}

void model_reset(unsigned long npages, const struct vmh_range *early_pages, int nr_early)
{
	struct vmh_range early[8];

	w0 = vmh_vmalloc_start;
	w1 = w0 + npages * PAGE;
	if (cap < (int)npages + 16) {
		cap = npages + 16;
		busy = realloc(busy, cap * sizeof(*busy));
		lazy = realloc(lazy, cap * sizeof(*lazy));
		scratch = realloc(scratch, (2 * cap + 2) * sizeof(*scratch));
	}
	if (vmh_lazy_max_pages() != LAZY_MAX_PAGES)
		fail("lazy_max_pages() is %lu on one CPU, Linux 6.12's rule gives %lu",
		     vmh_lazy_max_pages(), LAZY_MAX_PAGES);
	nbusy = nlazy = 0;
	lazy_pages = 0;
	work_pending = 0;
	for (int i = 0; i < nr_early && i < 8; i++) {
		early[i] = (struct vmh_range){ w0 + early_pages[i].start * PAGE, w0 + early_pages[i].end * PAGE };
		busy[nbusy++] = early[i];
	}
	vmh_reset(early, nr_early < 8 ? nr_early : 8);
	check_all();
}

unsigned long model_nr_busy(void)
{
	return nbusy;
}

/* The purge: one flush over [first lazy start, last lazy end), every lazy range freed. */
static void model_purge(unsigned long flushes_before, struct vmh_range flush)
{
	if (!nlazy) {
		if (vmh_flushes != flushes_before)
			fail("a purge with nothing lazy flushed the TLB");
		return;
	}
	if (vmh_flushes != flushes_before + 1)
		fail("a purge of %d lazy areas made %lu flushes, not one", nlazy,
		     vmh_flushes - flushes_before);
	if (flush.start != lazy[0].start || flush.end != lazy[nlazy - 1].end)
		fail("the purge flushed %#lx-%#lx, the lazy areas span %#lx-%#lx",
		     flush.start, flush.end, lazy[0].start, lazy[nlazy - 1].end);
	nlazy = 0;
	lazy_pages = 0;
	stats.purges++;
}

static int order_base_2(unsigned long x)
{
	int o = 0;

	while ((1UL << o) < x)
		o++;
	return o;
}

void op_alloc(unsigned long size, unsigned long align, int kind, unsigned long first_page,
	      unsigned long end_page, int nowarn)
{
	unsigned long vstart = w0 + first_page * PAGE, vend = w0 + end_page * PAGE;
	unsigned long area = (size + PAGE - 1) & ~(PAGE - 1), want, got, fl = vmh_flushes;
	unsigned long purges = vmh_purge_count(), warns = vmh_warnings;
	int adjust, purged, had_lazy = nlazy > 0;

	stats.ops++;
	if (kind == VMH_IOREMAP && area) {
		int o = order_base_2(area);

		o = o < 12 ? 12 : o > (int)vmh_ioremap_max_order ? (int)vmh_ioremap_max_order : o;
		align = 1UL << o;
	}
	if (kind != VMH_NO_GUARD && area)
		area += PAGE;		/* the guard page */
	got = vmh_get_area(size, align, kind, vstart, vend, nowarn);
	purged = vmh_purge_count() != purges;
	if (vmh_warnings != warns)
		fail("alloc of %#lx: %lu warning(s)", size, vmh_warnings - warns);
	if (!area || !align || (align & (align - 1))) {
		/* refused before any search: no range, no purge */
		if (got || purged || vmh_flushes != fl)
			fail("alloc of %#lx align %#lx: should be refused at once, got %#lx%s", size,
			     align, got, purged ? " after a purge" : "");
		stats.refused++;
		goto out;
	}
	adjust = align > PAGE && vend - vstart != area;
	want = model_lowest(area, align, vstart, vend, adjust ? area + align - 1 : area);
	if (purged) {
		/* only when the first search failed */
		if (want)
			fail("alloc of %#lx pages align %#lx in %#lx-%#lx purged although %#lx fits",
			     area / PAGE, align, vstart, vend, want);
		model_purge(fl, vmh_last_flush);
		want = model_lowest(area, align, vstart, vend, adjust ? area + align - 1 : area);
	} else if (!want && had_lazy && (!adjust || !got)) {
		fail("alloc of %#lx pages align %#lx in %#lx-%#lx: %s without purging the lazy areas",
		     area / PAGE, align, vstart, vend, got ? "took a range" : "failed");
	} else if (vmh_flushes != fl) {
		fail("alloc flushed the TLB without purging");
	}
	if (!adjust) {
		if (got != want)
			fail("alloc of %#lx pages align %#lx in %#lx-%#lx: kernel %#lx, lowest fit %#lx",
			     area / PAGE, align, vstart, vend, got, want);
	} else {
		if (want && (!got || got > want))
			fail("aligned alloc of %#lx pages align %#lx in %#lx-%#lx: kernel %#lx, above %#lx "
			     "in the lowest hole of size+align-1", area / PAGE, align, vstart, vend, got, want);
	}
	if (got) {
		if (got & (align - 1) || got < vstart || got + area > vend || !model_is_free(got, got + area))
			fail("alloc of %#lx pages align %#lx in %#lx-%#lx gave %#lx: not aligned, "
			     "out of bounds or not free", area / PAGE, align, vstart, vend, got);
		insert_sorted(busy, &nbusy, (struct vmh_range){ got, got + area });
		stats.allocs++;
	} else {
		stats.failed++;
	}
out:
	check_all();
}

static void model_free_busy(int i)
{
	struct vmh_range r = busy[i];

	remove_at(busy, &nbusy, i);
	insert_sorted(lazy, &nlazy, r);
	lazy_pages += (r.end - r.start) / PAGE;
	if (lazy_pages > LAZY_MAX_PAGES)
		work_pending = 1;
}

void op_remove_nth(unsigned long n)
{
	unsigned long fl = vmh_flushes;

	stats.ops++;
	if (!nbusy)
		return;
	n %= nbusy;
	if (!vmh_remove(busy[n].start))
		fail("remove_vm_area(%#lx) found no area", busy[n].start);
	if (vmh_flushes != fl)
		fail("remove_vm_area() flushed the TLB: it should leave that to the purge");
	model_free_busy(n);
	stats.removes++;
	check_all();
}

void op_remove_bad(unsigned long page, unsigned long offset)
{
	unsigned long addr = w0 + page * PAGE + offset % PAGE, warns = vmh_warnings;
	int start = 0;

	stats.ops++;
	for (int i = 0; i < nbusy; i++)
		if (busy[i].start == addr)
			start = 1;
	if (start)
		return;		/* a real area: op_remove_nth's business */
	if (vmh_remove(addr))
		fail("remove_vm_area(%#lx) removed something, and no area starts there", addr);
	if (vmh_warnings - warns != (addr % PAGE != 0))
		fail("remove_vm_area(%#lx): %lu warnings, want %d", addr, vmh_warnings - warns,
		     addr % PAGE != 0);
	check_all();
}

void op_find(unsigned long page, unsigned long offset)
{
	unsigned long addr = w0 + page * PAGE + offset % PAGE, want = 0, got;

	stats.ops++;
	for (int i = 0; i < nbusy; i++)
		if (busy[i].start <= addr && addr < busy[i].end)
			want = busy[i].start;
	got = vmh_find(addr);
	if (got != want)
		fail("find_vmap_area(%#lx): kernel %#lx, model %#lx", addr, got, want);
	stats.finds++;
}

void op_purge(void)
{
	unsigned long fl = vmh_flushes;

	stats.ops++;
	vmh_purge();
	model_purge(fl, vmh_last_flush);
	check_all();
}

void op_run_work(void)
{
	unsigned long fl = vmh_flushes;
	int ran;

	stats.ops++;
	ran = vmh_run_work();
	if (ran != work_pending)
		fail("the drain work %s, the model %s it", ran ? "ran" : "was not queued",
		     work_pending ? "queued" : "did not queue");
	if (ran) {
		work_pending = 0;
		model_purge(fl, vmh_last_flush);
		stats.works++;
	}
	check_all();
}
