#!/bin/sh
# Chapter 33 on the default machine (2 CPUs, 512 MiB): the page_alloc suite, the Memory:
# line and the buddyinfo lines against the log's own firmware map and kernel.elf's symbols.
KTEST_NAME="buddy 512M" exec "$(dirname "$0")/buddy-check" -- --smp 2 --mem 512M \
  --timeout 120 --cmdline "test=page_alloc"
