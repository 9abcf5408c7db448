/* tools/host/slub/host.c: the surroundings of the kernel's slab allocator (mm/slub.c,
 * mm/slab_common.c as the slab chapter tangles them), for a host program.
 *
 * - "Physical memory" is one block of host memory aligned to the largest buddy block,
 *   described by an array of struct page that this file owns and reaches the kernel's
 *   way: mem_section's one section points at it, so pfn_to_page(), virt_to_page() and
 *   page_address() are the kernel's own macros.
 * - A page allocator that is deliberately not the buddy allocator (that one is tested
 *   on its own, tools/host/buddy): an aligned first fit over a bitmap, which hands out
 *   compound pages the way chapter 33's prep_compound_page() makes them and checks
 *   every free against what it handed out.  Free pages are poisoned for ASan, so the
 *   slab code touching a page it gave back is an ASan report.
 *   (tools/host/buddy compiles this file with HOST_BUDDY and runs the real one.)
 * - One CPU: the per-CPU offset is 0 and user space's GS base is 0, so the kernel's
 *   %gs-relative this_cpu_*() read and write the variables themselves.
 * - Locks that check they are not taken twice, a queue of RCU callbacks that the
 *   harness runs at a grace period of its choosing, and counters of the reports the
 *   kernel code makes (WARN, bad pages) for the tests to compare with what they expect.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/topology.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <linux/lockdep.h>
#include <linux/sched/mm.h>
#include "host.h"

/* The machine: one node, one CPU. */
unsigned long host_eflags = X86_EFLAGS_IF;
unsigned int nr_cpu_ids = 1;
unsigned int nr_node_ids = 1;
struct cpumask __cpu_possible_mask = { .bits = { 1 } };
struct cpumask __cpu_present_mask = { .bits = { 1 } };
struct cpumask __cpu_online_mask = { .bits = { 1 } };
nodemask_t node_states[NR_NODE_STATES] = {
	[N_POSSIBLE] = { .bits = { 1 } }, [N_ONLINE] = { .bits = { 1 } },
	[N_NORMAL_MEMORY] = { .bits = { 1 } }, [N_MEMORY] = { .bits = { 1 } },
	[N_CPU] = { .bits = { 1 } },
};
int x86_cpu_to_node_map[NR_CPUS];
unsigned long __per_cpu_offset[NR_CPUS];
unsigned long this_cpu_off;
int cpu_number;
int __preempt_count;
static struct task_struct host_task = { .pid = 1, .comm = "host" };
struct task_struct *current_task = &host_task;
unsigned long volatile jiffies = 4294937296UL;		/* INITIAL_JIFFIES */
int debug_locks = 1;

/* Reports the kernel code made; the tests compare them with what they expect. */
unsigned long host_warnings, host_bad_pages;

void __warn(const char *file, int line, const char *func)
{
	host_warnings++;
	if (!host_quiet)
		printk("WARNING: at %s:%d %s()\n", file, line, func);
}

void dump_stack(void)
{
}

void __might_sleep(const char *file, int line)
{
	if (preempt_count() || !(host_eflags & X86_EFLAGS_IF)) {
		printk("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
		host_fail("might_sleep in atomic context");
	}
}
void preempt_count_add(int val) { __preempt_count += val; }
void preempt_count_sub(int val)
{
	__preempt_count -= val;
	if (__preempt_count < 0)
		host_fail("preempt count underflow");
}
void preempt_schedule(void) { }
int lock_is_held(const struct lockdep_map *lock) { return 1; }

/* Spinlocks: one CPU, so a lock found taken is a lock taken twice. */
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key,
			  short inner)
{
	lock->magic = SPINLOCK_MAGIC;
	lock->owner_cpu = -1;
	lock->owner = SPINLOCK_OWNER_INIT;
}
static void host_lock(raw_spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		host_fail("spinlock bad magic");
	if (lock->owner_cpu != (unsigned int)-1)
		host_fail("spinlock recursion");
	lock->owner_cpu = 0;
	__preempt_count++;
}
static void host_unlock(raw_spinlock_t *lock)
{
	if (lock->owner_cpu != 0)
		host_fail("spinlock already unlocked");
	lock->owner_cpu = -1;
	__preempt_count--;
}
void _raw_spin_lock(raw_spinlock_t *lock) { host_lock(lock); }
void _raw_spin_unlock(raw_spinlock_t *lock) { host_unlock(lock); }
void _raw_spin_lock_irq(raw_spinlock_t *lock) { local_irq_disable(); host_lock(lock); }
void _raw_spin_unlock_irq(raw_spinlock_t *lock) { host_unlock(lock); local_irq_enable(); }
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	host_lock(lock);
	return flags;
}
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	host_unlock(lock);
	local_irq_restore(flags);
}
void mutex_lock(struct mutex *lock)
{
	if (atomic_long_read(&lock->owner))
		host_fail("mutex recursion");
	atomic_long_set(&lock->owner, (long)current);
}
void mutex_unlock(struct mutex *lock)
{
	if (!atomic_long_read(&lock->owner))
		host_fail("mutex unlocked twice");
	atomic_long_set(&lock->owner, 0);
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

/* RCU: callbacks wait in a queue until the harness ends a grace period. */
static struct rcu_head *rcu_queue, **rcu_tail = &rcu_queue;

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	head->next = NULL;
	*rcu_tail = head;
	rcu_tail = &head->next;
}
void host_rcu_grace_period(void)
{
	struct rcu_head *list = rcu_queue;

	rcu_queue = NULL;
	rcu_tail = &rcu_queue;
	while (list) {
		struct rcu_head *next = list->next;

		list->func(list);
		list = next;
	}
}
void synchronize_rcu(void) { host_rcu_grace_period(); }
void rcu_barrier(void)
{
	while (rcu_queue)
		host_rcu_grace_period();
}

bool is_vmalloc_addr(const void *x) { return false; }
void vfree(const void *addr)
{
	if (addr)
		host_fail("vfree: there is no vmalloc here");
}

/* Per-CPU memory: with one CPU at offset 0, a per-CPU pointer is a plain pointer. */
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	return host_zalloc(size, align);
}
void free_percpu(void __percpu *ptr)
{
	host_free(ptr);
}

/* Physical memory and its struct pages. */
unsigned long host_page_offset;
struct page *host_pages;
struct mem_section **mem_section;
#ifndef HOST_BUDDY
static unsigned char *page_used;	/* 0 free, else 1 + the order of the block it heads, or 0xff for a tail */
#endif
unsigned long host_nr_pages, host_pages_in_use;

void host_memory_init(unsigned long nr_pages)
{
	static struct mem_section *roots[NR_SECTION_ROOTS];
	static struct mem_section section0[SECTIONS_PER_ROOT];

	if (nr_pages > PAGES_PER_SECTION)
		host_fail("host memory: one section only");
	host_nr_pages = nr_pages;
	host_page_offset = (unsigned long)host_map_aligned(nr_pages << PAGE_SHIFT,
							   PAGE_SIZE << MAX_PAGE_ORDER);
	host_pages = host_zalloc(nr_pages * sizeof(struct page), 64);
#ifndef HOST_BUDDY
	page_used = host_zalloc(nr_pages, 1);
#endif
	for (unsigned long pfn = 0; pfn < nr_pages; pfn++) {
		set_page_links(&host_pages[pfn], ZONE_NORMAL, 0, pfn);
		host_pages[pfn].page_type = UINT_MAX;
	}
	section0[0].section_mem_map = (unsigned long)host_pages | SECTION_MARKED_PRESENT |
				      SECTION_HAS_MEM_MAP;
	roots[0] = section0;
	mem_section = roots;
#ifndef HOST_BUDDY
	host_poison(__va(0), nr_pages << PAGE_SHIFT);
#endif
}

#ifndef HOST_BUDDY	/* the buddy harness runs chapter 33's allocator instead */
bool host_page_is_free(unsigned long pfn)
{
	return !page_used[pfn];
}

/* A pfn the page allocator handed out as the head of a block, or -1. */
int host_block_order(unsigned long pfn)
{
	return page_used[pfn] && page_used[pfn] != 0xff ? page_used[pfn] - 1 : -1;
}

struct page *__alloc_pages_noprof(gfp_t gfp, unsigned int order, int preferred_nid,
				  nodemask_t *nodemask)
{
	unsigned long n = 1UL << order;

	might_alloc(gfp);
	if (order > MAX_PAGE_ORDER || host_fail_next_alloc) {
		host_fail_next_alloc = false;
		return NULL;
	}
	for (unsigned long pfn = 0; pfn + n <= host_nr_pages; pfn += n) {
		unsigned long i;
		struct page *page = &host_pages[pfn];

		for (i = 0; i < n && !page_used[pfn + i]; i++)
			;
		if (i < n)
			continue;
		page_used[pfn] = 1 + order;
		for (i = 1; i < n; i++)
			page_used[pfn + i] = 0xff;
		host_pages_in_use += n;
		host_unpoison(page_address(page), PAGE_SIZE << order);
		set_page_private(page, 0);
		set_page_refcounted(page);
		if (gfp & __GFP_ZERO)
			memset(page_address(page), 0, PAGE_SIZE << order);
		else
			memset(page_address(page), 0x5a, PAGE_SIZE << order);	/* not zero by luck */
		if (order && (gfp & __GFP_COMP)) {
			__SetPageHead(page);
			for (i = 1; i < n; i++)
				page[i].compound_head = (unsigned long)page + 1;
			page[1].flags = (page[1].flags & ~0xffUL) | order;
		}
		return page;
	}
	return NULL;
}

static void bad_page(struct page *page, const char *reason)
{
	host_bad_pages++;
	if (!host_quiet)
		printk("BUG: Bad page state: pfn:%lx %s\n", page_to_pfn(page), reason);
}

/* The kernel's dump_page() lives in chapter 33's page allocator, which the harness replaces. */
void dump_page(const struct page *page, const char *reason)
{
	if (!host_quiet)
		printk("page: pfn:%lx flags: %#lx: %s\n", page_to_pfn(page), page->flags, reason);
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn, n = 1UL << order;

	if (page < host_pages || page >= host_pages + host_nr_pages) {
		host_bad_pages++;
		if (!host_quiet)
			printk("BUG: Bad page state: %px is not a struct page of this machine\n", page);
		return;
	}
	pfn = page_to_pfn(page);
	if (host_block_order(pfn) != (int)order) {
		bad_page(page, page_used[pfn] ? "freed with another order" : "already free");
		return;
	}
	if (page_ref_dec_return(page))
		return;
	if (PageSlab(page)) {
		bad_page(page, "still a slab page");
		return;
	}
	if (PageHead(page)) {
		for (unsigned long i = 1; i < n; i++)
			page[i].compound_head = 0;
		page[1].flags &= ~0xffUL;
		__ClearPageHead(page);
	}
	for (unsigned long i = 0; i < n; i++)
		page_used[pfn + i] = 0;
	host_pages_in_use -= n;
	host_poison(page_address(page), PAGE_SIZE << order);
}

#endif /* HOST_BUDDY */

bool host_fail_next_alloc;		/* the next page allocation fails, once */

#ifndef HOST_NO_SETUP		/* the benchmark has no linker script to gather them */
/* Run the __setup() handler of a kernel parameter the way the command line's parser
 * would: slab_debug's handler gets "=FZPU" for slab_debug=FZPU. */
int host_setup(const char *param, const char *value)
{
	static char buf[256];

	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (strcmp(p->str, param))
			continue;
		strscpy(buf, value, sizeof(buf));
		return p->setup_func(buf);
	}
	host_fail("no such kernel parameter");
}
#endif

/* The slab chapter registers the monitor's kmalloc and kfree commands in mm/slub.c. The
 * monitor is not part of the harness and nothing here runs a command, so these only
 * satisfy the linker; a call is a harness error. */
#include <linux/monitor.h>
void monitor_printf(const char *fmt, ...)
{
	host_fail("monitor_printf: the monitor is not part of the host harness");
}
int monitor_parse_ulong(const char *s, const char *what, unsigned long *val)
{
	host_fail("monitor_parse_ulong: the monitor is not part of the host harness");
}
int monitor_remember(const char *kind, unsigned long addr, unsigned long size)
{
	host_fail("monitor_remember: the monitor is not part of the host harness");
}
int monitor_forget(const char *kind, unsigned long addr, unsigned long *size)
{
	host_fail("monitor_forget: the monitor is not part of the host harness");
}
