#!/bin/sh
# Chapter 35: writing one byte past a one-page vmalloc area hits its guard page, which is
# never mapped: a not-present write fault at the page right after the area, in memset.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=vmalloc_linear_overflow" \
  --expect '^lkdtm: Attempting vmalloc linear overflow \.\.\.\nBUG: unable to handle page fault for address: ffffc900000[0-9a-f]{2}000$' \
  --expect '^#PF: supervisor write access in kernel mode\n#PF: error_code\(0x0002\) - not-present page$' \
  --expect '^PGD [0-9a-f]+ P4D [0-9a-f]+ PUD [0-9a-f]+ PMD [0-9a-f]+ PTE 0 $' \
  --expect '^RIP: 0010:memset\+'
