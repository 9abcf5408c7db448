/* tools/host/vmalloc/ops.c: random operation streams for the test (test.c) and the
 * decoding of the fuzzer's bytes into the same operations (fuzz.c). */
#include "model.h"
#include "ops.h"

/* One operation from six numbers: what, then its parameters. */
void op_decode(unsigned npages, unsigned what, unsigned long a, unsigned long b,
	       unsigned long c, unsigned long d, unsigned long e)
{
	switch (what % 16) {
	case 0 ... 6: {
		/* sizes: mostly a few pages, some hundreds, a few thousands; some not a page
		 * multiple, some zero */
		unsigned long pages = a % 100 < 70 ? 1 + b % 16 : a % 100 < 92 ? 1 + b % 256 : 1 + b % 2048;
		unsigned long size = c % 8 == 0 ? (pages - 1) * vmh_page_size + 1 + d % vmh_page_size
					      : c % 61 == 1 ? 0 : pages * vmh_page_size;
		/* alignments: a page or less mostly, up to 64 pages, now and then not a power of two */
		unsigned long align = e % 4 ? 1UL << (e / 4 % 13) : e % 64 == 2 ? 3 * vmh_page_size
					    : e % 64 == 6 ? 0 : vmh_page_size << (e / 4 % 7);
		unsigned long first = 0, end = npages;

		if (d % 5 < 2) {		/* a random sub-range of the window */
			first = (d / 5) % npages;
			end = first + 1 + (d / 5 / npages) % (npages - first);
		}
		op_alloc(size, align, (int)(a / 100 % VMH_KINDS), first, end, (int)(c / 8 % 2));
		break;
	}
	case 7 ... 10:
		op_remove_nth(a);
		break;
	case 11:
		op_remove_bad(a % npages, b % 3 ? 0 : b);
		break;
	case 12 ... 13:
		op_find(a % npages, b);
		break;
	case 14:
		op_purge();
		break;
	case 15:
		op_run_work();
		break;
	}
}

void ops_start(unsigned npages, unsigned long r)
{
	/* up to three early areas, as early ioremap()s would leave */
	struct vmh_range early[3];
	int n = 0;
	unsigned long at = r % 64;

	for (int i = 0; i < (int)(r / 64 % 4) && at + 8 < npages; i++) {
		unsigned long len = 1 + (r >> (8 + 4 * i)) % 8;

		early[n++] = (struct vmh_range){ at, at + len };
		at += len + (r >> (20 + 3 * i)) % 3 * 17;
	}
	model_reset(npages, early, n);
}
