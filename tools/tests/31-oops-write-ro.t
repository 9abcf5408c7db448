#!/bin/sh
# Chapter 31: .rodata is mapped read-only; a write to it is a permissions violation.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=write_ro" \
  --expect '^lkdtm: attempting bad rodata write at ffffffff81[0-9a-f]{6}$' \
  --expect '^#PF: supervisor write access in kernel mode$' \
  --expect '^#PF: error_code\(0x0003\) - permissions violation$' \
  --expect '^PGD [0-9a-f]+ P4D [0-9a-f]+ PUD [0-9a-f]+ PMD [0-9a-f]+ PTE 8[0-9a-f]{12}1[02]1 $' \
  --reject 'FAIL: survived'
