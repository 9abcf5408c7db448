#!/bin/sh
# Chapter 31 on a CPU without 1 GiB pages (pdpe1gb off) and 4 GiB: the 2 MiB path maps
# everything that 1 GiB pages would, and the suites hold it to the largest legal size.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 4G --timeout 240 \
  --cmdline "debug test=pgtable" \
  --reject 'Using GB pages' \
  --expect '^ \[mem 0x00200000-0xbfdfffff\] page 2M$' \
  --expect '^ \[mem 0x100000000-0x13fffffff\] page 2M$' \
  --expect 'leaves seen: [0-9]+ of 4k, [0-9]+ of 2M, 0 of 1G' \
  -- -cpu max,pdpe1gb=off
