#!/bin/sh
# Chapter 33 on 4 CPUs and 4 GiB (DMA, DMA32 and Normal): the page_alloc suite, the Memory:
# line and the buddyinfo lines against the firmware map.
KTEST_NAME="buddy 4G smp4" exec "$(dirname "$0")/buddy-check" -- --smp 4 --mem 4G \
  --timeout 180 --cmdline "test=page_alloc"
