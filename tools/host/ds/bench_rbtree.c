/* bench-rbtree N: insert N random keys into the kernel's red-black tree, find each one,
 * and erase them all in another random order; print nanoseconds per operation for each
 * phase.  Under callgrind (tools/host/ds/bench-callgrind) each phase is dumped on its
 * own, so that its instruction count can be divided by N. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <valgrind/callgrind.h>
#include "bench_rbtree.h"

static unsigned long long state = 0x9e3779b97f4a7c15ULL;

static unsigned long long next_random(void)
{
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
}

static double now(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
        long n = argc > 1 ? atol(argv[1]) : 1000;
        void *nodes = calloc(n, bench_node_size());
        unsigned long *keys = malloc(n * sizeof(*keys));
        long *order = malloc(n * sizeof(*order));
        double t0, t1, t2, t3;
        long found;

        if (n < 1 || !nodes || !keys || !order) {
                fprintf(stderr, "bench-rbtree: N must be a positive number that fits in memory\n");
                return 2;
        }
        for (long i = 0; i < n; i++) {          /* distinct random keys: odd multipliers */
                keys[i] = (next_random() & ~0xfffffUL) | (unsigned long)i;
                bench_set_key(nodes, i, keys[i]);
                order[i] = i;
        }
        for (long i = n - 1; i > 0; i--) {      /* the erase order: a random permutation */
                long j = next_random() % (i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
        }
        CALLGRIND_ZERO_STATS;
        t0 = now();
        bench_phase_insert(nodes, n);
        t1 = now();
        CALLGRIND_DUMP_STATS_AT("insert");
        found = bench_phase_find(keys, n);
        t2 = now();
        CALLGRIND_DUMP_STATS_AT("find");
        bench_phase_erase(nodes, order, n);
        t3 = now();
        CALLGRIND_DUMP_STATS_AT("erase");
        if (found != n || !bench_empty()) {
                fprintf(stderr, "bench-rbtree: found %ld of %ld keys, tree %s\n", found, n,
                        bench_empty() ? "empty" : "not empty");
                return 1;
        }
        printf("N=%ld ns/op: insert %.1f find %.1f erase %.1f\n", n, (t1 - t0) / n,
               (t2 - t1) / n, (t3 - t2) / n);
        return 0;
}
