#!/bin/sh
# slab_debug=FZPU on kmalloc-64: the slub_test suite (Linux's slub_kunit cases and ours), and
# a double free through crash=SLAB_FREE_DOUBLE reported in Linux's format and refused.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --timeout 180 \
  --cmdline "slab_debug=FZPU,kmalloc-64 test=slub_test crash=SLAB_FREE_DOUBLE" \
  --expect '^BUG kmalloc-64 \(Not tainted\): Object already free$' \
  --expect '^Allocated in lkdtm_SLAB_FREE_DOUBLE\+0x[0-9a-f]+/0x[0-9a-f]+ age=[0-9]+ cpu=[0-9]+ pid=1$' \
  --expect '^Freed in lkdtm_SLAB_FREE_DOUBLE\+0x[0-9a-f]+/0x[0-9a-f]+ age=[0-9]+ cpu=[0-9]+ pid=1$' \
  --expect '^Object   [0-9a-f]+: (6b ){15}a5  k{15}\.$' \
  --expect '^Redzone  [0-9a-f]+: (bb ){7}bb {26}\.{8}$' \
  --expect '^FIX kmalloc-64: Object at 0x[0-9a-f]+ not freed$'
