#!/bin/sh
# A fault that cannot be delivered (the stack points at unmapped memory) becomes a double
# fault, which the CPU delivers on its IST stack, so the kernel can still report it (chapter 10).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=double_fault" \
  --expect '^PANIC: double fault, error_code: 0x0$' \
  --expect '^Oops: double fault: 0000 \[#1\] SMP$' \
  --expect '^RIP: 0010:crash_double_fault\+0x' \
  --expect '^RSP: 0018:ffff800000000040 ' \
  --expect '^ crash_double_fault\+0x[0-9a-f]+/0x[0-9a-f]+  <<lkdtm: the crashes>>' \
  --expect '^ start_kernel\+0x' \
  --expect '^Kernel panic - not syncing: Fatal exception$'
