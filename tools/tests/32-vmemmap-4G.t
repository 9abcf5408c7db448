#!/bin/sh
# Chapter 32's vmemmap on 4 GiB (RAM to 3 GiB, then 4 to 5 GiB): node 0's one line spans the
# slices of the 8 sections of the PCI hole, which get no memory; the mm_init suite checks
# the same from the page tables.
KTEST_NAME="vmemmap 4G" exec "$(dirname "$0")/vmemmap-check" -- --smp 2 --mem 4G \
  --timeout 180 --cmdline "debug test=mm_init"
