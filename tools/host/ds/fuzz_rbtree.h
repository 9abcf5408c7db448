/* The kernel-side half of the rbtree fuzzer (fuzz_rbtree_ops.c, compiled with the
 * kernel's headers), called from the libFuzzer entry point (fuzz_rbtree.c). */
#ifndef FUZZ_RBTREE_H
#define FUZZ_RBTREE_H
void fuzz_rbtree_reset(void);
const char *fuzz_rbtree_step(unsigned char op, unsigned char key);   /* NULL: all well */
#endif
