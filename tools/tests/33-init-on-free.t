#!/bin/sh
# Chapter 33's memory auto-initialisation (Linux 6.12's init_on_alloc=/init_on_free=): both on
# must be reported by the mem auto-init lines, and crash=READ_BUDDY_AFTER_FREE must find the
# freed page cleared. A malformed page_poison= value is refused with Linux's warning, and
# poisoning stays off: nothing may be reported as corrupted. The page_alloc suite must pass
# with every page cleared on free.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --timeout 180 \
  --cmdline "init_on_alloc=1 init_on_free=on page_poison=maybe crash=READ_BUDDY_AFTER_FREE test=page_alloc" \
  --expect "^Malformed early option 'page_poison'$" \
  --expect '^mem auto-init: stack:off, heap alloc:on, heap free:on\nmem auto-init: clearing system memory may take some time\.\.\.$' \
  --expect '^lkdtm: Value in memory before free: 12345678\nlkdtm: Attempting to read from freed memory\nlkdtm: Memory correctly poisoned \(0\)$' \
  --reject 'pagealloc:|FAIL: Buddy page'
