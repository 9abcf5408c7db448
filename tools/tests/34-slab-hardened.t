#!/bin/sh
# Without slab_debug, the hardened free list catches the simplest double free: BUG, panic.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --timeout 120 --no-ktap --status panic \
  --cmdline "crash=SLAB_FREE_DOUBLE" \
  --expect '^lkdtm: Attempting double slab free' \
  --expect '^Kernel panic - not syncing: kernel BUG at chapters/34-slab\.nw:[0-9]+!$'
