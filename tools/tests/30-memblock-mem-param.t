#!/bin/sh
# mem=100M on a 512 MiB machine: RAM above the address 100 MiB disappears from the map
# ("user-defined physical RAM map"), from memblock and from max_pfn.  mem=0 is refused.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 512M --timeout 120 \
  --cmdline "test=memblock_boot,e820 memblock=debug debug mem=0 mem=100M" \
  --expect "^Malformed early option 'mem'" \
  --expect '^e820: remove \[mem 0x06400000-0xfffffffffffffffe\] usable$' \
  --expect '^user-defined physical RAM map:$' \
  --expect '^user: \[mem 0x0000000000100000-0x00000000063fffff\] usable$' \
  --expect '^last_pfn = 0x6400 max_arch_pfn = 0x400000000$' \
  --expect '^ memory\[0x1\]\t\[0x0000000000100000-0x00000000063fffff\], 0x0000000006300000 bytes flags: 0x0$'
