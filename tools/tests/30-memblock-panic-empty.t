#!/bin/sh
# memmap=exactmap with no ranges leaves no memory: a clean panic that says why.
exec "$(dirname "$0")/../ktest" --no-ktap --smp 1 --mem 128M --timeout 60 --status panic \
  --cmdline 'memmap=exactmap' \
  --expect '^Kernel panic - not syncing: e820: the memory map is empty after mem=/memmap=; cannot continue$'
