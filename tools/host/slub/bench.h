/* tools/host/slub/bench.h: the benchmark's measuring, on the C library's side. */
#ifndef HOST_SLUB_BENCH_H
#define HOST_SLUB_BENCH_H
void bench_measure(const char *name, void (*loop)(long n), long n);
void bench_libc(long n);
#endif
