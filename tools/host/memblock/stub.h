/*
 * tools/host/memblock/stub.h: the small kernel environment that lets
 * mm/memblock.c (and arch/x86/kernel/e820.c) compile unchanged as host code.
 *
 * The kernel headers memblock.c includes that are not pure data layouts
 * (types, printk, BUG_ON, __va, ...) are shadowed by one-line files under
 * include/ that all land here.  Pure headers (linux/memblock.h,
 * linux/numa.h, asm/e820/types.h) come from tangle/ unchanged.
 *
 * "Physical memory" is a window of host address space, HOST_PHYS_SIZE
 * bytes, reserved with mmap(MAP_NORESERVE): __va(phys) points into it and
 * is an error outside it, so a memblock bug that touches memory it never
 * allocated shows up as an abort with a message, not as silent corruption.
 */
#ifndef HOST_STUB_H
#define HOST_STUB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <limits.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;

#define __init
#define __initdata
#define COMMAND_LINE_SIZE	2048
#define __initconst
#define __refdata
#define __packed		__attribute__((packed))
#define __aligned(x)		__attribute__((aligned(x)))
#define __maybe_unused		__attribute__((unused))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(t, a, b)		min((t)(a), (t)(b))
#define max_t(t, a, b)		max((t)(a), (t)(b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)
#define __round_mask(x, y)	((__typeof__(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__round_mask(x, y))
#define ALIGN(x, a)		round_up(x, a)
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define SZ_1K			0x00000400
#define SZ_4K			0x00001000
#define SZ_64K			0x00010000
#define SZ_1M			0x00100000
#define SZ_16M			0x01000000
#define SZ_1G			0x40000000
#define SZ_4G			0x100000000ULL

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		ALIGN(x, PAGE_SIZE)
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))
#define L1_CACHE_BYTES		64
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#define EPERM			1
#define ENOENT			2
#define ENOMEM			12
#define EINVAL			22
#define ENOSPC			28
#define ERANGE			34

/* printk: Linux's levels and the subset of its format extensions we use. */
#define KERN_SOH		"\001"
#define KERN_EMERG		KERN_SOH "0"
#define KERN_ERR		KERN_SOH "3"
#define KERN_WARNING		KERN_SOH "4"
#define KERN_NOTICE		KERN_SOH "5"
#define KERN_INFO		KERN_SOH "6"
#define KERN_DEBUG		KERN_SOH "7"
#define KERN_CONT		KERN_SOH "c"
__printf(1, 2) int printk(const char *fmt, ...);
__printf(3, 4) int snprintf_linux(char *buf, size_t size, const char *fmt, ...);
#define pr_emerg(fmt, ...)	printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/* panic and BUG report and leave; the harness may catch panics (host.c). */
__printf(1, 2) __attribute__((noreturn)) void panic(const char *fmt, ...);
__attribute__((noreturn)) void host_bug(const char *file, int line, const char *cond);
#define BUG()			host_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(c)		do { if (c) host_bug(__FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c)		({ int _c = !!(c); if (_c) host_warn(__FILE__, __LINE__, #c); _c; })
#define WARN_ON_ONCE(c)		WARN_ON(c)
#define WARN(c, fmt, ...)	({ int _c = !!(c); if (_c) { printk(KERN_WARNING fmt, ##__VA_ARGS__); host_warn(__FILE__, __LINE__, #c); } _c; })
#define WARN_ONCE(c, fmt, ...)	WARN(c, fmt, ##__VA_ARGS__)
void host_warn(const char *file, int line, const char *cond);
void dump_stack(void);

/* The physical-memory window. */
#define HOST_PHYS_SIZE		(16ULL << 30)
void *host_va(phys_addr_t phys);
phys_addr_t host_pa(const void *virt);
#define __va(x)			host_va(x)
#define __pa_symbol(x)		host_pa(x)
#define __pa(x)			host_pa(x)
#define phys_to_virt(x)		host_va(x)
#define virt_to_phys(x)		host_pa(x)

/* asm/sections.h: the harness defines these inside the physical window. */
extern char _text[], _end[];
extern unsigned long max_pfn_mapped;

/* Kernel parameters: early_param() registers the handler with the harness. */
void host_register_param(const char *name, int (*fn)(char *), int early);
#define early_param(str, fn)						\
	static void __attribute__((constructor)) host_param_##fn(void)	\
	{ host_register_param(str, fn, 1); }
#define __setup(str, fn)						\
	static void __attribute__((constructor)) host_setup_##fn(void)	\
	{ host_register_param(str, fn, 0); }
int host_run_param(const char *name, char *value);

/* string.h extras the kernel has and the host C library spells differently. */
unsigned long long memparse(const char *ptr, char **retptr);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);

#endif /* HOST_STUB_H */
