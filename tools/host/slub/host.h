/* tools/host/slub/host.h: what the slab harness's host side offers the tests. */
#ifndef HOST_SLUB_HOST_H
#define HOST_SLUB_HOST_H
#include <linux/types.h>

/* libc.c: the C library, kept out of the kernel's headers. */
void host_fail(const char *why) __attribute__((noreturn));
void *host_zalloc(unsigned long size, unsigned long align);
void host_free(void *p);
void *host_map_aligned(unsigned long size, unsigned long align);
void host_poison(void *p, unsigned long size);
void host_unpoison(void *p, unsigned long size);
unsigned long host_strtoul(const char *s);
extern int host_quiet;			/* ../stubs.c: silence the kernel's printk */

/* host.c: the machine. */
void host_memory_init(unsigned long nr_pages);
void host_rcu_grace_period(void);
bool host_page_is_free(unsigned long pfn);
int host_block_order(unsigned long pfn);
int host_setup(const char *param, const char *value);	/* a __setup() handler, as the command line would */
extern struct page *host_pages;
extern unsigned long host_nr_pages, host_pages_in_use;
extern unsigned long host_warnings, host_bad_pages;
extern bool host_fail_next_alloc;
#endif
