#!/bin/sh
# A page fault (vector 14) gives Linux's page-fault report (address, access, error code, the
# page-table walk), the oops with CR2, and a backtrace (chapter 10), on two CPUs.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=page_fault" \
  --expect '^BUG: unable to handle page fault for address: ffff800000000000$' \
  --expect '^#PF: supervisor read access in kernel mode$' \
  --expect '^#PF: error_code\(0x0000\) - not-present page$' \
  --expect '^PGD 0 P4D 0 $' \
  --expect '^Oops: Oops: 0000 \[#1\] SMP$' \
  --expect '^RIP: 0010:crash_page_fault\+0x[0-9a-f]+/0x[0-9a-f]+$' \
  --expect '^CR2: ffff800000000000 CR3: [0-9a-f]{16} CR4: [0-9a-f]{16}$' \
  --expect '^ crash_page_fault\+0x[0-9a-f]+/0x[0-9a-f]+  <<lkdtm: the crashes>>' \
  --expect '^ start_kernel\+0x' \
  --expect '^CR2: ffff800000000000\n---\[ end trace' \
  --expect '^Kernel panic - not syncing: Fatal exception$'
