#!/bin/sh
# Chapter 31 with two NUMA nodes and one CPU each: the direct map and the suites do not
# depend on how memory is split between nodes.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --numa 2 --timeout 120 \
  --cmdline "test=pgtable,ptdump" \
  --expect '^x86/mm: Checked W\+X mappings: passed, no W\+X pages found\.$'
