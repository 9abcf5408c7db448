#!/bin/sh
# Chapter 32 on a q35 machine with 4 GiB in two nodes: q35's lower RAM ends at 2 GiB, so node 0
# has DMA and DMA32 and node 1 has part of DMA32 (none here) and all of Normal.
KTEST_NAME="zones q35 4G NUMA=2" exec "$(dirname "$0")/zones-check" -- --smp 2 --mem 4G --numa 2 \
  --timeout 180 --cmdline "test=mm_init" -- -machine q35
