#!/bin/sh
# Bad phantom_cpu= values: not a number (Linux's "Malformed early option"), and an APIC ID
# the MADT already lists (reported and ignored); the boot goes on with the real CPUs.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 128M --no-ktap --timeout 60 \
  --cmdline "phantom_cpu=seven phantom_cpu=1" \
  --expect "^Malformed early option 'phantom_cpu'$" \
  --expect '^ACPI: APIC ID 0x1 listed twice; ignored$' \
  --expect '^smpboot: Allowing 2 CPUs, 0 hotplug CPUs$' \
  --expect '^smp: Brought up 1 node, 2 CPUs$' \
  --reject 'failed to report alive state'
