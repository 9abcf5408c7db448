#!/bin/sh
# Chapter 30 on a two-node NUMA machine (2 CPUs, 2 x 256 MiB).  The firmware map is the same as
# on one node; nodes come from ACPI's SRAT, which a later chapter reads (memblock_set_node).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --numa 2 --timeout 120 \
  --cmdline "test=memblock,memblock_boot,e820 memblock=debug" \
  --expect '^BIOS-e820: \[mem 0x0000000000100000-0x000000001ffdffff\] usable$' \
  --expect '^ memory\[0x1\]\t\[0x0000000000100000-0x000000001ffdffff\], 0x000000001fee0000 bytes flags: 0x0$'
