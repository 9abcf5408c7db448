#!/bin/sh
# The boot log shows the firmware map and reaches start_kernel (chapter 01), on the default machine.
exec "$(dirname "$0")/../ktest" --no-ktap --cmdline "" --timeout 60 \
  --expect '^Book kernel version' \
  --expect '^start_kernel: reached on the boot CPU' \
  --expect '^Command line: ' \
  --expect '^BIOS-e820: \[mem 0x0000000000000000-0x[0-9a-f]{16}\] usable$' \
  --expect '^ACPI: RSDP 0x[0-9A-F]{16} 0000(14|24) \(v0[02] BOCHS \)$' \
  --expect '^start_kernel: start-up complete' \
  --reject 'Malformed early option' --reject 'Unknown kernel command line'
