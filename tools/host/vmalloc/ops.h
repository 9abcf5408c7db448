/* tools/host/vmalloc/ops.h: see ops.c. */
#ifndef HOST_VMALLOC_OPS_H
#define HOST_VMALLOC_OPS_H
void ops_start(unsigned npages, unsigned long r);
void op_decode(unsigned npages, unsigned what, unsigned long a, unsigned long b,
	       unsigned long c, unsigned long d, unsigned long e);
#endif
