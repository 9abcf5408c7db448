#!/bin/sh
# An invalid opcode (vector 6, ud2) gives an oops with a symbolized backtrace (chapter 10), on
# four CPUs.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=invalid_op" \
  --expect '^Oops: invalid opcode: 0000 \[#1\] SMP$' \
  --expect '^RIP: 0010:crash_invalid_op\+0x0/0x[0-9a-f]+$' \
  --expect '^Code:(?: [0-9a-f]{2}){42} <0f> 0b' \
  --expect '^ crash_invalid_op\+0x0/0x[0-9a-f]+  <<lkdtm: the crashes>> \(10-interrupts.nw:\d+\)$' \
  --expect '^ start_kernel\+0x[0-9a-f]+/0x[0-9a-f]+  ' \
  --expect '^ x86_64_start_kernel\+0x' \
  --expect '^Kernel panic - not syncing: Fatal exception$'
