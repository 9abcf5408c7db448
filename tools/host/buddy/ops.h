/* tools/host/buddy/ops.h */
#ifndef HOST_BUDDY_OPS_H
#define HOST_BUDDY_OPS_H
void op_alloc(u8 r, u8 s);
void op_free(unsigned int i, u8 how);
void op_get(unsigned int i);
void op_split(unsigned int i);
void op_drain(void);
void op_bad_free(unsigned long pfn);
void free_everything(void);
#endif
