#!/bin/sh
# Chapter 33 on a tiny machine (1 CPU, 32 MiB): fewer pages than pageblocks times migrate
# types would need, so grouping by mobility is off; the allocator must still pass its suite.
KTEST_NAME="buddy 32M" exec "$(dirname "$0")/buddy-check" -- --smp 1 --mem 32M \
  --timeout 120 --cmdline "test=page_alloc"
