#!/bin/sh
# A map with usable RAM only below 1 MiB cannot hold the kernel: a clean panic that says why.
exec "$(dirname "$0")/../ktest" --no-ktap --smp 1 --mem 128M --timeout 60 --status panic \
  --cmdline 'memmap=exactmap memmap=0x9f000@0 memmap=0x7000000$0x100000' \
  --expect '^user: \[mem 0x0000000000100000-0x00000000070fffff\] reserved$' \
  --expect '^Kernel panic - not syncing: e820: the memory map has no usable RAM above 1 MiB after mem=/memmap=; cannot continue$'
