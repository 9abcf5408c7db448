#!/bin/sh
# Chapter 31 on the q35 machine with 4 GiB: QEMU puts 2 GiB below the PCI hole and 2 GiB
# above 4 GiB; the direct map follows memblock, and the page tables still check out.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 4G --timeout 240 \
  --cmdline "debug test=pgtable,ptdump" \
  --expect '^init_memory_mapping: \[mem 0x00100000-0x7ffdefff\]$' \
  --expect '^init_memory_mapping: \[mem 0x100000000-0x17fffffff\]$' \
  --expect '^ \[mem 0x100000000-0x17fffffff\] page 1G$' \
  --expect '^x86/mm: Checked W\+X mappings: passed, no W\+X pages found\.$' \
  -- -machine q35
