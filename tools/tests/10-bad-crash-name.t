#!/bin/sh
# An unknown crash= name is reported with the list of known ones, and the boot goes on.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --no-ktap --timeout 60 \
  --cmdline "crash=nonsense" \
  --expect "^lkdtm: unknown crash type 'nonsense'; known types: divide_error invalid_op page_fault double_fault warn" \
  --expect '^start_kernel: start-up complete$' --reject '^Oops'
