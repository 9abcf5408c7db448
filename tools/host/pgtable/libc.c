/* tools/host/pgtable/libc.c: the C library's part of the direct-map harness, kept out of
 * the kernel's headers.  "Physical memory" is a window of host address space reserved
 * PROT_NONE: the RAM of a map is made readable and writable (memblock hands out its
 * page-table pages from there, and zeroes them), every hole stays inaccessible, so a
 * builder that touched a hole would crash the harness at once. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "machine.h"

unsigned long host_window_reserve(unsigned long long span, unsigned long long align)
{
	char *p = mmap(NULL, span + align, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		host_die("cannot reserve the physical-memory window");
	return ((unsigned long)p + align - 1) & ~(unsigned long)(align - 1);
}

void host_window_ram(unsigned long addr, unsigned long long len)
{
	if (mprotect((void *)addr, len, PROT_READ | PROT_WRITE))
		host_die("mprotect of a RAM range failed");
}

void host_window_clear(unsigned long addr, unsigned long long len)
{
	if (madvise((void *)addr, len, MADV_DONTNEED) || mprotect((void *)addr, len, PROT_NONE))
		host_die("cannot give the window back");
}

void *host_calloc(unsigned long long n)
{
	void *p = calloc(1, n);

	if (!p)
		host_die("out of memory");
	return p;
}

void host_free(void *p)
{
	free(p);
}

void host_die(const char *msg)
{
	fprintf(stderr, "pgtable harness: %s\n", msg);
	abort();
}
