/* tools/host/slub/bench_libc.c: callgrind's client requests around each measured loop,
 * and the same sequence of pairs on glibc's malloc/free and on mimalloc's
 * mi_malloc/mi_free (Debian's libmimalloc-dev, version 2.0.9 in Debian 12).  Built with -fno-builtin like the
 * kernel's code, so that the compiler cannot drop a malloc/free pair. */
#include <stdio.h>
#include <stdlib.h>
#include <dlfcn.h>
#include <mimalloc.h>
#include <valgrind/callgrind.h>
#include "bench.h"

static void *volatile sink;

/* mimalloc's shared library replaces malloc and free (and glibc's __libc_malloc) in
 * every program it is linked into; opened later with dlopen(RTLD_LOCAL) it replaces
 * nothing, and the program's malloc stays glibc's. */
static typeof(mi_malloc) *mimalloc_malloc;
static typeof(mi_free) *mimalloc_free;

/* One callgrind dump per loop, named after it: the dump holds the instructions run
 * between the two requests, n pairs and the loop around them. */
void bench_measure(const char *name, void (*loop)(long n), long n)
{
        CALLGRIND_ZERO_STATS;
        loop(n);
        CALLGRIND_DUMP_STATS_AT(name);
        printf("%s %ld\n", name, n);
}

static __attribute__((noinline)) void pairs_glibc(long n)
{
        for (long i = 0; i < n; i++) {
                void *p = malloc(64);

                sink = p;
                free(p);
        }
}

static __attribute__((noinline)) void pairs_mimalloc(long n)
{
        for (long i = 0; i < n; i++) {
                void *p = mimalloc_malloc(64);

                sink = p;
                mimalloc_free(p);
        }
}

void bench_libc(long n)
{
        void *lib = dlopen("libmimalloc.so", RTLD_NOW | RTLD_LOCAL);

        if (!lib || !(mimalloc_malloc = (typeof(mi_malloc) *)dlsym(lib, "mi_malloc")) ||
            !(mimalloc_free = (typeof(mi_free) *)dlsym(lib, "mi_free"))) {
                fprintf(stderr, "bench-slub: cannot open mimalloc (libmimalloc-dev): %s\n", dlerror());
                exit(1);
        }
        pairs_glibc(1);
        bench_measure("glibc", pairs_glibc, n);
        pairs_mimalloc(1);
        bench_measure("mimalloc", pairs_mimalloc, n);
}
