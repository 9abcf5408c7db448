#!/bin/sh
# CONFIG_DEBUG_LIST: deleting an entry twice is caught at the second list_del(), reported in
# Linux's form, and stops the kernel with BUG() (the data-structures chapter).
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=CORRUPT_LIST_DEL" \
  --expect '^lkdtm: attempting double list_del\(\)$' \
  --expect '^list_del corruption, [0-9a-f]{16}->next is LIST_POISON1 \(dead000000000100\)$' \
  --expect '^Kernel panic - not syncing: kernel BUG at ' \
  --reject 'corruption not detected'
