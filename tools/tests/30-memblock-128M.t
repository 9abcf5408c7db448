#!/bin/sh
# Chapter 30 on the smallest machine (1 CPU, 128 MiB): the cleaned firmware map, Linux's two
# boot-time adjustments, memblock's dump under memblock=debug, and the memblock/e820 suites.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --timeout 120 \
  --cmdline "test=memblock,memblock_boot,e820 memblock=debug debug" \
  --expect '^BIOS-provided physical RAM map:$' \
  --expect '^BIOS-e820: \[mem 0x0000000000000000-0x000000000009fbff\] usable$' \
  --expect '^BIOS-e820: \[mem 0x0000000000100000-0x0000000007fdffff\] usable$' \
  --expect '^e820: update \[mem 0x00000000-0x00000fff\] usable ==> reserved$' \
  --expect '^e820: remove \[mem 0x000a0000-0x000fffff\] usable$' \
  --expect '^last_pfn = 0x7fe0 max_arch_pfn = 0x400000000$' \
  --expect '^MEMBLOCK configuration:$' \
  --expect '^ memory\.cnt  = 0x2$' \
  --expect '^ memory\[0x0\]\t\[0x0000000000001000-0x000000000009efff\], 0x000000000009e000 bytes flags: 0x0$' \
  --expect '^ memory\[0x1\]\t\[0x0000000000100000-0x0000000007fdffff\], 0x0000000007ee0000 bytes flags: 0x0$' \
  --expect '^ reserved\[0x0\]\t\[0x0000000000000000-0x000000000000ffff\], 0x0000000000010000 bytes flags: 0x0$' \
  --expect '^memblock_reserve: \[0x0000000000000000-0x00000000000fffff\] ' \
  --expect 'max_pfn 0x7fe0: a struct page array needs 2046 KiB' \
  --reject 'not sorted' --reject 'Malformed early option'
