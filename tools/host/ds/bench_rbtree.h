/* The kernel-side half of bench-rbtree (bench_ops.c, compiled with the kernel's headers). */
#ifndef BENCH_RBTREE_H
#define BENCH_RBTREE_H
#include <stddef.h>
size_t bench_node_size(void);
void bench_set_key(void *nodes, long i, unsigned long key);
void bench_phase_insert(void *nodes, long n);
long bench_phase_find(const unsigned long *keys, long n);
void bench_phase_erase(void *nodes, const long *order, long n);
int bench_empty(void);
#endif
