#!/bin/sh
# Four CPUs found in the MADT, per-CPU areas set up, the three APs started with INIT-SIPI-SIPI,
# in Linux's boot-log format (chapter 12).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --no-ktap --timeout 60 --cmdline "" \
  --expect '^ACPI: LAPIC \(acpi_id\[0x03\] lapic_id\[0x03\] enabled\)$' \
  --expect '^smpboot: Allowing 4 CPUs, 0 hotplug CPUs$' \
  --expect '^setup_percpu: NR_CPUS:16 nr_cpumask_bits:16 nr_cpu_ids:4 nr_node_ids:1$' \
  --expect '^percpu: Embedded \d+ pages/cpu s\d+ r0 d\d+ u\d+$' \
  --expect '^smp: Bringing up secondary CPUs \.\.\.$' \
  --expect '^\.\.\.\. node  #0, CPUs:      #1 #2 #3$' \
  --expect '^smp: Brought up 1 node, 4 CPUs$' \
  --expect '^smpboot: Total of 4 processors activated \(\d+\.\d\d BogoMIPS\)$' \
  --reject 'failed to report alive state'
