#!/bin/sh
# WARN_ON() prints a backtrace through dump_stack() and the boot goes on (chapter 10).
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --no-ktap --timeout 60 \
  --cmdline "crash=warn" \
  --expect '^WARNING: at chapters/10-interrupts.nw:\d+ crash_warn\(\)$' \
  --expect '^Call Trace:$' \
  --expect '^ crash_warn\+0x[0-9a-f]+/0x[0-9a-f]+  <<lkdtm: the crashes>> \(10-interrupts.nw:\d+\)\n lkdtm_perform\+0x' \
  --expect '^---\[ end trace \]---$' \
  --expect '^start_kernel: start-up complete$'
