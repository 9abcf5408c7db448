#!/bin/sh
# Every KUnit suite on the largest machine: 4 CPUs, 4 GiB (ACPI tables sit near 3 GiB).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 4G --cmdline "test=all" --timeout 300 \
  --expect '^smp: Brought up 1 node, 4 CPUs$'
