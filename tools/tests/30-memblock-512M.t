#!/bin/sh
# Chapter 30 on the default machine (2 CPUs, 512 MiB), with the memblock/e820 suites.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --timeout 120 \
  --cmdline "test=memblock,memblock_boot,e820 memblock=debug" \
  --expect '^BIOS-e820: \[mem 0x0000000000100000-0x000000001ffdffff\] usable$' \
  --expect '^last_pfn = 0x1ffe0 max_arch_pfn = 0x400000000$' \
  --expect '^ memory\[0x1\]\t\[0x0000000000100000-0x000000001ffdffff\], 0x000000001fee0000 bytes flags: 0x0$' \
  --expect 'max_pfn 0x1ffe0: a struct page array needs 8190 KiB' \
  --reject '^e820: update' --reject 'not sorted'
