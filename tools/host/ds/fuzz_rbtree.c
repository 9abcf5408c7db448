/* libFuzzer target: an operation stream drives a plain red-black tree and the augmented
 * gap tree of the data-structures chapter, checked against a model after every operation.
 * Each input byte pair is one operation: the first byte's low bit picks insert-or-erase
 * of the key in the second byte (present keys are erased, absent ones inserted, so every
 * byte pair changes the trees), the rest of the first byte is the gap tree's range size. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "fuzz_rbtree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        const char *err;

        fuzz_rbtree_reset();
        for (size_t i = 0; i + 1 < size; i += 2) {
                err = fuzz_rbtree_step(data[i], data[i + 1]);
                if (err) {
                        fprintf(stderr, "fuzz-rbtree: after operation %zu: %s\n", i / 2, err);
                        abort();
                }
        }
        return 0;
}
