#!/bin/sh
# Chapter 32 on a two-node machine (2 CPUs, 2 x 256 MiB, QEMU's SRAT): the NUMA and zone lines
# against values derived from the log's own firmware map and SRAT, and the mm_init suite.
KTEST_NAME="zones NUMA=2" exec "$(dirname "$0")/zones-check" -- --smp 2 --mem 512M --numa 2 \
  --timeout 120 --cmdline "test=mm_init"
