#!/bin/sh
# Every KUnit suite on the smallest machine: 1 CPU, 128 MiB.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --cmdline "test=all" --timeout 300 \
  --expect '^smp: Brought up 1 node, 1 CPU$' --reject 'Bringing up secondary'
