/*
 * tools/host/vmalloc/area.c: chapter 35's area allocator on the host.
 *
 * This file includes mm/vmalloc.c as tangled, so that the harness can call the
 * allocator's static functions (__get_vm_area_node(), vmap_init_free_space(), the
 * drain work) and read its static trees, and supplies what the allocator needs
 * around it:
 * - a fake address space: nothing is mapped.  init_top_pgt is all empty, so the unmap
 *   that remove_vm_area() does walks down to an empty top-level entry and stops; every
 *   page-level call (the buddy allocator, page tables, /proc, the monitor) panics;
 * - vmap_areas and vm_structs from the C library's heap, so AddressSanitizer sees every
 *   use after free of a node the allocator gave back;
 * - one CPU (per-CPU offset 0, user space's %gs base 0: this_cpu_*() reach the
 *   variables themselves), locks that fail when taken twice, a work queue that only
 *   records what was queued (the harness runs the drain itself, as an operation),
 *   and flush_tlb_kernel_range() recording its range for the model to check.
 * vmh_check_structure() checks the trees directly: order, red-black shape, every
 * subtree_max_size, tree against list, merged free ranges, and the tiling of
 * [1, ULONG_MAX) by the free, busy and lazy ranges.
 */
#include "mm/vmalloc.c"
#include "vmh.h"

void host_fail(const char *why) __attribute__((noreturn));
void *host_zalloc(unsigned long size, unsigned long align);
void host_free(void *p);
extern int host_quiet;

/* The machine: one CPU, nothing mapped. */
struct cpumask __cpu_possible_mask = { .bits = { 1 } };
struct cpumask __cpu_online_mask = { .bits = { 1 } };
unsigned int nr_cpu_ids = 1;
int x86_cpu_to_node_map[NR_CPUS];
unsigned long __per_cpu_offset[NR_CPUS];
unsigned long this_cpu_off;
int cpu_number;
int __preempt_count;
pgd_t init_top_pgt[PTRS_PER_PGD];
pteval_t __supported_pte_mask = ~0UL, __default_kernel_pte_mask = ~0UL;
struct mem_section **mem_section;
unsigned long host_page_offset;
struct workqueue_struct *system_wq;

#define NEVER() panic("vmalloc harness: %s() called: the area allocator has no pages", __func__)
struct page *__alloc_pages_noprof(gfp_t gfp, unsigned int order, int preferred_nid,
				  nodemask_t *nodemask) { NEVER(); }
unsigned long get_zeroed_page(gfp_t gfp) { NEVER(); }
void __free_pages(struct page *page, unsigned int order) { NEVER(); }
void free_pages(unsigned long addr, unsigned int order) { NEVER(); }
void warn_alloc(gfp_t gfp_mask, nodemask_t *nodemask, const char *fmt, ...) { NEVER(); }
unsigned long totalram_pages(void) { NEVER(); }
void ioremap_areas_to_vmalloc(void) { NEVER(); }
void monitor_printf(const char *fmt, ...) { NEVER(); }
int monitor_parse_ulong(const char *s, const char *what, unsigned long *val) { NEVER(); }
int monitor_remember(const char *kind, unsigned long addr, unsigned long size) { NEVER(); }
int monitor_forget(const char *kind, unsigned long addr, unsigned long *size) { NEVER(); }
void seq_printf(struct seq_file *m, const char *fmt, ...) { NEVER(); }
void seq_puts(struct seq_file *m, const char *s) { NEVER(); }
void seq_putc(struct seq_file *m, char c) { NEVER(); }
void rbtree_statefig(const char *name, const struct rb_root *root,
		     void (*label)(const struct rb_node *, char *, size_t)) { NEVER(); }
int _cond_resched(void) { return 0; }

unsigned long vmh_warnings, vmh_flushes;
struct vmh_range vmh_last_flush;

void __warn(const char *file, int line, const char *func)
{
	vmh_warnings++;
	if (!host_quiet)
		printk("WARNING: at %s:%d %s()\n", file, line, func);
}
void __might_sleep(const char *file, int line)
{
	if (__preempt_count)
		host_fail("might_sleep() with a spinlock held");
}

/* Locks: one CPU, so a lock found taken is a lock taken twice. */
void _raw_spin_lock(raw_spinlock_t *lock)
{
	if (lock->owner_cpu == 0)
		host_fail("spinlock recursion");
	lock->owner_cpu = 0;
	__preempt_count++;
}
void _raw_spin_unlock(raw_spinlock_t *lock)
{
	if (lock->owner_cpu != 0)
		host_fail("spinlock already unlocked");
	lock->owner_cpu = -1;
	__preempt_count--;
}
void mutex_lock(struct mutex *lock)
{
	if (atomic_long_read(&lock->owner))
		host_fail("mutex recursion");
	if (__preempt_count)
		host_fail("mutex_lock() with a spinlock held");
	atomic_long_set(&lock->owner, 1);
}
void mutex_unlock(struct mutex *lock)
{
	if (!atomic_long_read(&lock->owner))
		host_fail("mutex unlocked twice");
	atomic_long_set(&lock->owner, 0);
}

/* The work queue: queue_work_on() only marks the work pending, as the real one does
 * when it returns true; the harness runs it (vmh_run_work) when its stream says so. */
static struct work_struct *queued_work;
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	if (work != &drain_vmap_work)
		host_fail("queue_work_on(): only the drain work is expected here");
	if (queued_work)
		return false;
	queued_work = work;
	return true;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if (__preempt_count)
		host_fail("flush_tlb_kernel_range() with a spinlock held (it waits for IPIs)");
	vmh_flushes++;
	vmh_last_flush = (struct vmh_range){ start, end };
}

/* Slab caches and kmalloc from the heap. */
struct kmem_cache {
	unsigned int size;
};
static struct kmem_cache vmap_area_cache = { sizeof(struct vmap_area) };
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	NEVER();
}
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	/* not zeroed unless asked: ASan cannot see uninitialised reads, but the fill
	 * makes a field the allocator forgot to set look like garbage, not like 0 */
	void *p = host_zalloc(s->size, 8);

	if (!(flags & __GFP_ZERO))
		__builtin_memset(p, 0xa5, s->size);
	return p;
}
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	return kmem_cache_alloc(s, flags);
}
void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	host_free(objp);
}
void *__kmalloc(size_t size, gfp_t flags)
{
	void *p = host_zalloc(size, 16);

	if (!(flags & __GFP_ZERO))
		__builtin_memset(p, 0xa5, size);
	return p;
}
void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return __kmalloc(size, flags);
}
/* kmalloc() of a constant size names its kmalloc cache (chapter 34); here every size is
 * host memory, and the cache is not looked at. */
struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size)
{
	return __kmalloc(size, flags);
}
void kfree(const void *objp)
{
	host_free((void *)objp);
}

const unsigned long vmh_page_size = PAGE_SIZE, vmh_ioremap_max_order = IOREMAP_MAX_ORDER;
const unsigned long vmh_vmalloc_start = VMALLOC_START, vmh_vmalloc_end = VMALLOC_END;

static void free_list(struct list_head *head, bool busy)
{
	struct vmap_area *va, *n;

	list_for_each_entry_safe(va, n, head, list) {
		if (busy)
			kfree(va->vm);
		kmem_cache_free(vmap_area_cachep, va);
	}
	INIT_LIST_HEAD(head);
}

void vmh_reset(const struct vmh_range *early, int nr_early)
{
	free_list(&free_vmap_area_list, false);
	free_list(&vmap_area_list, true);
	free_list(&purge_vmap_area_list, false);
	free_vmap_area_root = vmap_area_root = purge_vmap_area_root = RB_ROOT;
	kmem_cache_free(vmap_area_cachep, this_cpu_xchg(ne_fit_preload_node, NULL));
	atomic_long_set(&vmap_lazy_nr, 0);
	vmap_purge_count = 0;
	queued_work = NULL;
	vmh_warnings = vmh_flushes = 0;

	/* vmalloc_init(), without the page-level parts: the cache, the early areas
	 * imported into the busy tree as it does, then the free space around them */
	vmap_area_cachep = &vmap_area_cache;
	for (int i = 0; i < nr_early; i++) {
		struct vmap_area *va = kmem_cache_zalloc(vmap_area_cachep, GFP_NOWAIT);
		struct vm_struct *vm = kzalloc(sizeof(*vm), GFP_NOWAIT);

		vm->addr = (void *)early[i].start;
		vm->size = early[i].end - early[i].start;
		vm->flags = VM_IOREMAP;
		va->va_start = early[i].start;
		va->va_end = early[i].end;
		va->vm = vm;
		insert_vmap_area(va, &vmap_area_root, &vmap_area_list);
	}
	vmap_init_free_space();
	vmap_initialized = true;
}

unsigned long vmh_get_area(unsigned long size, unsigned long align, int kind,
			   unsigned long vstart, unsigned long vend, int nowarn)
{
	static const unsigned long flags[VMH_KINDS] = {
		[VMH_ALLOC] = VM_ALLOC, [VMH_NO_GUARD] = VM_ALLOC | VM_NO_GUARD,
		[VMH_IOREMAP] = VM_IOREMAP,
	};
	struct vm_struct *vm;

	vm = __get_vm_area_node(size, align, flags[kind], vstart, vend, NUMA_NO_NODE,
				GFP_KERNEL | (nowarn ? __GFP_NOWARN : 0), __builtin_return_address(0));
	return vm ? (unsigned long)vm->addr : 0;
}

int vmh_remove(unsigned long addr)
{
	struct vm_struct *vm = remove_vm_area((void *)addr);

	kfree(vm);
	return vm != NULL;
}

unsigned long vmh_find(unsigned long addr)
{
	struct vmap_area *va = find_vmap_area(addr);

	return va ? va->va_start : 0;
}

void vmh_purge(void)
{
	vm_unmap_aliases();
}

int vmh_work_pending(void)
{
	return queued_work != NULL;
}

int vmh_run_work(void)
{
	struct work_struct *w = queued_work;

	if (!w)
		return 0;
	queued_work = NULL;	/* cleared before the function runs, as the worker does */
	w->func(w);
	return 1;
}

unsigned long vmh_lazy_nr(void) { return atomic_long_read(&vmap_lazy_nr); }
unsigned long vmh_purge_count(void) { return vmap_purge_count; }
unsigned long vmh_lazy_max_pages(void) { return lazy_max_pages(); }

int vmh_list(int which, struct vmh_range *out, int max)
{
	struct list_head *heads[3] = { &free_vmap_area_list, &vmap_area_list, &purge_vmap_area_list };
	struct vmap_area *va;
	int n = 0;

	list_for_each_entry(va, heads[which], list) {
		if (n < max)
			out[n] = (struct vmh_range){ va->va_start, va->va_end };
		n++;
	}
	return n;
}

/* The structural checks. */
static char why[256];
#define BROKEN(...) ({ snprintf(why, sizeof(why), __VA_ARGS__); return -1L; })

/* Walk a subtree in order, comparing each node with the list's next entry; check the
 * parent links, the red-black rules, and for the free tree each subtree_max_size.
 * Returns the subtree's black height, or -1 (why says what broke). */
static long walk(struct rb_node *n, struct rb_node *parent, struct list_head *head,
		 struct list_head **pos, bool augment, unsigned long *max)
{
	struct vmap_area *va;
	unsigned long lmax = 0, rmax = 0;
	long lh, rh;

	*max = 0;
	if (!n)
		return 1;
	va = rb_entry(n, struct vmap_area, rb_node);
	if (rb_parent(n) != parent)
		BROKEN("node %#lx-%#lx: wrong parent link", va->va_start, va->va_end);
	if (rb_is_red(n) && parent && rb_is_red(parent))
		BROKEN("node %#lx-%#lx: red child of a red parent", va->va_start, va->va_end);
	lh = walk(n->rb_left, n, head, pos, augment, &lmax);
	if (lh < 0)
		return lh;
	*pos = (*pos)->next;
	if (*pos == head || *pos != &va->list)
		BROKEN("tree and list disagree at %#lx-%#lx", va->va_start, va->va_end);
	if (va->va_start >= va->va_end)
		BROKEN("empty or inverted range %#lx-%#lx", va->va_start, va->va_end);
	rh = walk(n->rb_right, n, head, pos, augment, &rmax);
	if (rh < 0)
		return rh;
	if (lh != rh)
		BROKEN("black heights %ld and %ld under %#lx", lh, rh, va->va_start);
	*max = va->va_end - va->va_start;
	if (lmax > *max)
		*max = lmax;
	if (rmax > *max)
		*max = rmax;
	if (augment && va->subtree_max_size != *max)
		BROKEN("subtree_max_size of %#lx-%#lx is %#lx, the subtree's largest range is %#lx",
		       va->va_start, va->va_end, va->subtree_max_size, *max);
	return lh + !rb_is_red(n);
}

static const char *check_tree(const char *name, struct rb_root *root, struct list_head *head,
			      bool augment)
{
	struct list_head *pos = head;
	struct vmap_area *va, *prev = NULL;
	unsigned long max;

	if (root->rb_node && rb_is_red(root->rb_node))
		return snprintf(why, sizeof(why), "%s tree: red root", name), why;
	if (walk(root->rb_node, NULL, head, &pos, augment, &max) < 0 || (pos->next != head &&
	    (snprintf(why, sizeof(why), "list longer than tree"), 1))) {
		static char out[300];

		snprintf(out, sizeof(out), "%s tree: %s", name, why);
		return out;
	}
	list_for_each_entry(va, head, list) {
		if (prev && prev->va_end > va->va_start)
			return snprintf(why, sizeof(why), "%s list: %#lx-%#lx overlaps %#lx-%#lx", name,
					prev->va_start, prev->va_end, va->va_start, va->va_end), why;
		if (augment && prev && prev->va_end == va->va_start)
			return snprintf(why, sizeof(why), "free list: %#lx-%#lx and %#lx-%#lx not merged",
					prev->va_start, prev->va_end, va->va_start, va->va_end), why;
		prev = va;
	}
	return NULL;
}

const char *vmh_check_structure(void)
{
	struct list_head *heads[3] = { &free_vmap_area_list, &vmap_area_list, &purge_vmap_area_list };
	static const char *names[3] = { "free", "busy", "lazy" };
	struct list_head *pos[3];
	unsigned long covered = 1;
	const char *e;

	if ((e = check_tree("free", &free_vmap_area_root, &free_vmap_area_list, true)) ||
	    (e = check_tree("busy", &vmap_area_root, &vmap_area_list, false)) ||
	    (e = check_tree("lazy", &purge_vmap_area_root, &purge_vmap_area_list, false)))
		return e;
	/* the three sorted lists, merged by address, tile [1, ULONG_MAX) */
	for (int i = 0; i < 3; i++)
		pos[i] = heads[i]->next;
	for (;;) {
		struct vmap_area *va = NULL;
		int which = -1;

		for (int i = 0; i < 3; i++) {
			struct vmap_area *c;

			if (pos[i] == heads[i])
				continue;
			c = list_entry(pos[i], struct vmap_area, list);
			if (!va || c->va_start < va->va_start)
				va = c, which = i;
		}
		if (!va)
			break;
		pos[which] = pos[which]->next;
		if (va->va_start != covered)
			return snprintf(why, sizeof(why), "%s range %#lx-%#lx: %s before it (covered to %#lx)",
					names[which], va->va_start, va->va_end,
					va->va_start > covered ? "a gap" : "an overlap", covered), why;
		covered = va->va_end;
	}
	if (covered != ULONG_MAX)
		return snprintf(why, sizeof(why), "the ranges stop at %#lx, not ULONG_MAX", covered), why;
	if (atomic_long_read(&vmap_lazy_nr) < 0)
		return "vmap_lazy_nr below zero";
	return NULL;
}
