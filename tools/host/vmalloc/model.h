/* tools/host/vmalloc/model.h: the independent model of the area allocator (model.c) and
 * the operations that drive the kernel's allocator and the model side by side. */
#ifndef HOST_VMALLOC_MODEL_H
#define HOST_VMALLOC_MODEL_H
#include "vmh.h"

/* Start again on a window of npages pages at VMALLOC_START, with the early areas given
 * (in pages from the window's start, sorted, not overlapping). */
void model_reset(unsigned long npages, const struct vmh_range *early_pages, int nr_early);
/* Each runs one operation on the kernel and on the model and checks everything after it;
 * a mismatch prints what differs and aborts.  Page numbers count from the window's start. */
void op_alloc(unsigned long size, unsigned long align, int kind, unsigned long first_page,
	      unsigned long end_page, int nowarn);
void op_remove_nth(unsigned long n);		/* the nth busy area, if any */
void op_remove_bad(unsigned long page, unsigned long offset); /* not an area's start */
void op_find(unsigned long page, unsigned long offset);
void op_purge(void);
void op_run_work(void);
unsigned long model_nr_busy(void);

struct model_stats {
	unsigned long ops, allocs, failed, refused, purges, works, removes, finds, max_busy, max_lazy_pages;
};
extern struct model_stats stats;
#endif
