#!/bin/sh
# A CPU that the MADT lists but that never answers (phantom_cpu= adds one) does not hang the
# boot: the kernel waits a bounded time, reports it, and runs with the others (chapter 12).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --timeout 60 --cmdline "phantom_cpu=7 test=smp" \
  --expect '^smpboot: phantom_cpu: APIC ID 0x7 added as CPU2; it will never answer$' \
  --expect '^smpboot: Allowing 3 CPUs, 0 hotplug CPUs$' \
  --expect '^CPU2 failed to report alive state$' \
  --expect '^smp: Brought up 1 node, 2 CPUs$'
