/* tools/host/vmalloc/vmh.h: what area.c (the kernel side: chapter 35's mm/vmalloc.c as
 * tangled, and its surroundings) offers the model and the operation streams (ops.c),
 * in plain C types, so that ops.c can use the C library. */
#ifndef HOST_VMALLOC_VMH_H
#define HOST_VMALLOC_VMH_H

struct vmh_range {
	unsigned long start, end;
};

/* The kinds of area __get_vm_area_node() is asked for. */
enum { VMH_ALLOC, VMH_NO_GUARD, VMH_IOREMAP, VMH_KINDS };

extern const unsigned long vmh_page_size, vmh_ioremap_max_order;
extern const unsigned long vmh_vmalloc_start, vmh_vmalloc_end;

/* Throw every area away and start again, as vmalloc_init() does: the early areas given
 * (sorted, not overlapping) go into the busy tree, the rest of [1, ULONG_MAX) is free. */
void vmh_reset(const struct vmh_range *early, int nr_early);
/* __get_vm_area_node(size, align, kind's flags, vstart, vend): the area's address, or 0. */
unsigned long vmh_get_area(unsigned long size, unsigned long align, int kind,
			   unsigned long vstart, unsigned long vend, int nowarn);
int vmh_remove(unsigned long addr);		/* remove_vm_area(); 1 if it removed one */
unsigned long vmh_find(unsigned long addr);	/* find_vmap_area(): its start, or 0 */
void vmh_purge(void);				/* vm_unmap_aliases() */
int vmh_run_work(void);				/* the drain work, if queued: 1 if it ran */
int vmh_work_pending(void);
unsigned long vmh_lazy_nr(void);		/* vmap_lazy_nr */
unsigned long vmh_purge_count(void);		/* vmap_purge_count */
unsigned long vmh_lazy_max_pages(void);		/* lazy_max_pages() */

/* What the kernel did that the model checks. */
extern unsigned long vmh_warnings;		/* WARN()s */
extern unsigned long vmh_flushes;		/* flush_tlb_kernel_range() calls */
extern struct vmh_range vmh_last_flush;

/* The three lists, in their order: 0 free, 1 busy, 2 lazy.  Returns the count (all of
 * them, even beyond max). */
int vmh_list(int which, struct vmh_range *out, int max);
/* The structural invariants, checked on the trees themselves (not the chapter's
 * vmalloc_check_trees(), which is code under test): NULL if all hold, else what broke. */
const char *vmh_check_structure(void);
#endif
