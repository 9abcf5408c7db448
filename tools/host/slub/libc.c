/* tools/host/slub/libc.c: the harness's calls into the C library, in a file of their own
 * because the kernel's headers and the C library's cannot share one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sanitizer/asan_interface.h>

void host_fail(const char *why)
{
        fflush(stdout);
        fprintf(stderr, "host harness: FAILED: %s\n", why);
        abort();
}

void *host_zalloc(unsigned long size, unsigned long align)
{
        void *p = NULL;

        if (align < sizeof(void *))
                align = sizeof(void *);
        if (posix_memalign(&p, align, size ? size : 1))
                host_fail("out of host memory");
        memset(p, 0, size);
        return p;
}

void host_free(void *p)
{
        free(p);
}

/* size bytes aligned to align: the machine's memory.  From the heap, so that
 * LeakSanitizer scans it (the kernel's structures keep pointers there). */
void *host_map_aligned(unsigned long size, unsigned long align)
{
        void *p = NULL;

        if (posix_memalign(&p, align, size))
                host_fail("out of host memory for the machine");
        return p;
}

void host_poison(void *p, unsigned long size)
{
        ASAN_POISON_MEMORY_REGION(p, size);
        (void)p; (void)size;
}

void host_unpoison(void *p, unsigned long size)
{
        ASAN_UNPOISON_MEMORY_REGION(p, size);
        (void)p; (void)size;
}

unsigned long host_strtoul(const char *s)
{
        return strtoul(s, NULL, 0);
}
