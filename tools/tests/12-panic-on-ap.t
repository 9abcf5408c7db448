#!/bin/sh
# An oops on CPU 1, inside a cross-CPU function call, names CPU 1 and its backtrace runs
# through the IPI handler; the panic stops the other CPUs (chapter 12).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=divide_error@1" \
  --expect '^Oops: divide error: 0000 \[#1\] SMP$' \
  --expect '^CPU: 1 PID: 0 Comm: swapper/1 ' \
  --expect '^ crash_divide_error\+0x' \
  --expect '^ sysvec_call_function\+0x[0-9a-f]+/0x[0-9a-f]+  <<The IPI that runs them>>' \
  --expect '^ common_interrupt_entry\+0x' \
  --expect '^ (?:\? )?start_secondary\+0x' \
  --expect '^Kernel panic - not syncing: Fatal exception' \
  --reject 'failed to stop secondary CPUs'
