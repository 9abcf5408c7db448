#!/bin/sh
# Chapter 30 on 4 GiB: QEMU moves 1 GiB of RAM above 4 GiB, past the PCI hole.  memblock knows
# it (memory[0x2]) but current_limit keeps allocations below what the early page tables map.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 4G --timeout 180 \
  --cmdline "test=memblock,memblock_boot,e820 memblock=debug" \
  --expect '^BIOS-e820: \[mem 0x0000000000100000-0x00000000bffdffff\] usable$' \
  --expect '^BIOS-e820: \[mem 0x0000000100000000-0x000000013fffffff\] usable$' \
  --expect '^last_pfn = 0x140000 max_arch_pfn = 0x400000000$' \
  --expect '^last_pfn = 0xbffe0 max_arch_pfn = 0x400000000$' \
  --expect '^ memory\.cnt  = 0x3$' \
  --expect '^ memory\[0x2\]\t\[0x0000000100000000-0x000000013fffffff\], 0x0000000040000000 bytes flags: 0x0$' \
  --expect 'max_pfn 0x140000: a struct page array needs 81920 KiB; memblock would place it at \[mem 0x[0-9a-f]{8,9}-0x[0-9a-f]{8,9}\]'
