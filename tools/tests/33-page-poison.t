#!/bin/sh
# Chapter 33's page poisoning (Linux 6.12's mm/page_poison.c): page_poison=1 fills every freed
# page with PAGE_POISON (0xaa) and checks the fill when the page is allocated again; it takes
# precedence over init_on_free=1, as the mem auto-init lines must say. crash=
# WRITE_BUDDY_AFTER_FREE overwrites a whole freed page with 'x' and allocates it again: the
# report must be 6.12's (the hex dump of all 4096 bytes, the stack through the lkdtm function,
# dump_page's reason), and no corruption may be reported before it. The page_alloc suite then
# runs with poisoning on (its poison case is skipped otherwise).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 128M --timeout 180 \
  --cmdline "page_poison=1 init_on_free=1 crash=WRITE_BUDDY_AFTER_FREE test=page_alloc" \
  --expect '^mem auto-init: CONFIG_PAGE_POISONING is on, will take precedence over init_on_alloc and init_on_free$' \
  --expect '^mem auto-init: stack:off, heap alloc:off, heap free:off$' \
  --expect '^lkdtm: Attempting bad write to the buddy page after free\npagealloc: memory corruption\n[0-9a-f]{13}000: (78 ){15}78  x{16}\n' \
  --expect '^[0-9a-f]{13}ff0: (78 ){15}78  x{16}\nCPU: \d+ PID: ' \
  --expect '^ lkdtm_WRITE_BUDDY_AFTER_FREE\+0x' \
  --expect '^page dumped because: pagealloc: corrupted page details$' \
  --reject '(?s)pagealloc: .*Performing direct entry WRITE_BUDDY_AFTER_FREE'
