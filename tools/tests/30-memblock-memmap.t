#!/bin/sh
# A bad memory map fed through memmap= (Linux's own override): unsorted, overlapping, a
# zero-length entry, one beyond 2^52.  Each problem is reported, and the map the kernel then
# uses is the clean one below; the suites check memblock against it.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 512M --timeout 120 \
  --cmdline 'test=memblock_boot,e820 memmap=exactmap memmap=0x1e000000@0x1000000 memmap=0xf00000@0x100000,0x9f000@0 memmap=0x100000$0x2000000 memmap=0@0x3000000 memmap=1G@0x10000000000000 memmap=0x1000#0x2000000' \
  --expect '^e820: dropping a zero-length entry at 0x0000000003000000$' \
  --expect '^e820: dropping \[mem 0x0010000000000000-0x001000003fffffff\]: beyond the 52-bit physical address space$' \
  --expect '^e820: entry \[mem 0x0000000002000000-0x00000000020fffff\] reserved overlaps$' \
  --expect '^user-defined physical RAM map:$' \
  --expect '^user: \[mem 0x0000000000000000-0x000000000009efff\] usable\nuser: \[mem 0x0000000000100000-0x0000000001ffffff\] usable\nuser: \[mem 0x0000000002000000-0x0000000002000fff\] ACPI data\nuser: \[mem 0x0000000002001000-0x00000000020fffff\] reserved\nuser: \[mem 0x0000000002100000-0x000000001effffff\] usable\n'
