#!/bin/sh
# CONFIG_DEBUG_LIST: a stray write into a list is caught at the next list_add() beside it,
# reported in Linux's form, and stops the kernel with BUG() (the data-structures chapter).
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=CORRUPT_LIST_ADD" \
  --expect '^lkdtm: attempting corrupted list addition$' \
  --expect '^list_add corruption\. prev->next should be next \(([0-9a-f]{16})\), but was [0-9a-f]{16}\. \(prev=[0-9a-f]{16}\)\.$' \
  --expect '^Kernel panic - not syncing: kernel BUG at ' \
  --reject 'corruption not detected'
