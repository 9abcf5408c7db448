#!/bin/sh
# Chapter 31 on 4 GiB (pc): the direct map uses 4k, 2M and 1G pages as the alignment allows,
# maps the gigabyte QEMU puts above 4 GiB, and the suites walk every page of it.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 4G --timeout 240 \
  --cmdline "debug test=pgtable,ptdump" \
  --expect '^Using GB pages for direct mapping$' \
  --expect '^init_memory_mapping: \[mem 0x00000000-0x000fffff\]$' \
  --expect '^ \[mem 0x00000000-0x000fffff\] page 4k$' \
  --expect '^init_memory_mapping: \[mem 0x00100000-0xbffdffff\]$' \
  --expect '^ \[mem 0x00200000-0x3fffffff\] page 2M$' \
  --expect '^ \[mem 0x40000000-0x7fffffff\] page 1G$' \
  --expect '^ \[mem 0xbfe00000-0xbffdffff\] page 4k$' \
  --expect '^init_memory_mapping: \[mem 0x100000000-0x13fffffff\]$' \
  --expect '^ \[mem 0x100000000-0x13fffffff\] page 1G$' \
  --expect 'pgtable_test_direct_map_covers_memory: leaves seen: [0-9]+ of 4k, [0-9]+ of 2M, 2 of 1G' \
  --expect '^Freeing unused kernel image \(initmem\) memory: [0-9]+K$' \
  --expect '^x86/mm: Checked W\+X mappings: passed, no W\+X pages found\.$'
