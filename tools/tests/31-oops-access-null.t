#!/bin/sh
# Chapter 31: without the boot identity map, a NULL pointer faults, with Linux's report.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=access_null" \
  --expect '^BUG: kernel NULL pointer dereference, address: 0000000000000000$' \
  --expect '^#PF: supervisor read access in kernel mode$' \
  --expect '^#PF: error_code\(0x0000\) - not-present page$' \
  --expect '^PGD 0 P4D 0 $' \
  --expect '^RIP: 0010:lkdtm_ACCESS_NULL\+0x'
