#!/bin/sh
# A divide error (vector 0) gives an oops with the exception's name, the registers, the
# faulting bytes and a symbolized backtrace, then a panic (chapter 10), on one CPU.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=divide_error" \
  --expect '^lkdtm: Performing direct entry divide_error$' \
  --expect '^Oops: divide error: 0000 \[#1\] SMP$' \
  --expect '^CPU: 0 PID: 1 Comm: swapper/0 ' \
  --expect '^RIP: 0010:crash_divide_error\+0x[0-9a-f]+/0x[0-9a-f]+$' \
  --expect '^Code:(?: [0-9a-f]{2}){42} <f7> f1(?: [0-9a-f]{2}){20}$' \
  --expect '^RSP: 0018:[0-9a-f]{16} EFLAGS: [0-9a-f]{8}$' \
  --expect '^Call Trace:\n <TASK>\n crash_divide_error\+0x[0-9a-f]+/0x[0-9a-f]+  <<lkdtm: the crashes>> \(10-interrupts.nw:\d+\)$' \
  --expect '^ (?:\? )?lkdtm_run\+0x[0-9a-f]+/0x[0-9a-f]+  ' \
  --expect '^ start_kernel\+0x[0-9a-f]+/0x[0-9a-f]+  <<start_kernel: bring the kernel up in order>> \(01-booting.nw:\d+\)$' \
  --expect '^ </TASK>\n---\[ end trace 0000000000000000 \]---$' \
  --expect '^Kernel panic - not syncing: Fatal exception$'
