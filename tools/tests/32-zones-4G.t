#!/bin/sh
# Chapter 32 on 4 GiB (the PC machine moves 1 GiB above 4 GiB): DMA, DMA32 and Normal all
# populated, the hole below 4 GiB in Normal's count, and the mm_init suite.
KTEST_NAME="zones 4G" exec "$(dirname "$0")/zones-check" -- --smp 2 --mem 4G \
  --timeout 180 --cmdline "test=mm_init"
