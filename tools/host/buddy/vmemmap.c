/* tools/host/buddy/vmemmap.c: the one call into the C library that buddy/machine.c needs
 * (mapping the struct pages where asm/pgtable_64_types.h says vmemmap is), in a file of
 * its own because the kernel's headers and the C library's cannot share one. */
#include <stdio.h>
#include <sys/mman.h>

void host_fail(const char *why) __attribute__((noreturn));

void *host_map_fixed(unsigned long addr, unsigned long size)
{
	void *p = mmap((void *)addr, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED || p != (void *)addr) {
		fprintf(stderr, "host buddy: cannot map %#lx bytes at vmemmap %#lx%s\n", size, addr,
			p == MAP_FAILED ? " (address taken?)" : "");
		host_fail("no vmemmap");
	}
	return p;
}
