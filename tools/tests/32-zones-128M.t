#!/bin/sh
# Chapter 32 on the smallest machine (1 CPU, 128 MiB, no SRAT: one fake node): the zone lines
# against values derived from the log's own firmware map, and the mm_init suite.
KTEST_NAME="zones 128M" exec "$(dirname "$0")/zones-check" -- --smp 1 --mem 128M \
  --timeout 120 --cmdline "test=mm_init"
