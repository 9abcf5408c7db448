#!/bin/sh
# panic() stops a CPU that spins with interrupts disabled: the stop IPI cannot reach it, the
# NMI that follows does (chapter 12).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 128M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=hard_lockup_then_panic" \
  --expect '^lkdtm: Performing direct entry hard_lockup_then_panic$' \
  --expect '^Shutting down cpus with NMI$' \
  --expect '^Kernel panic - not syncing: lkdtm: CPU1 spins with interrupts off$' \
  --reject 'failed to stop secondary CPUs'
