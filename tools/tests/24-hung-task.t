#!/bin/sh
# The hung-task detector: crash=HUNG_TASK puts the boot task to sleep uninterruptibly with
# nothing to wake it; khungtaskd reports it with its stack and, as on every test boot, panics.
exec "$(dirname "$0")/../ktest" --smp 1 --mem 128M --timeout 90 --status panic --no-ktap \
  --cmdline "crash=HUNG_TASK sysctl.kernel.hung_task_timeout_secs=2" \
  --expect '^INFO: task swapper/0:1 blocked for more than [0-9]+ seconds\.\n      Not tainted 0\.1 #1\n"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message\.\ntask:swapper/0       state:D stack:[0-9 ]+pid:1     tgid:1     ppid:0      flags:0x[0-9a-f]{8}$' \
  --expect '^Call Trace:\n <TASK>\n __schedule\+0x[0-9a-f]+/0x[0-9a-f]+' \
  --expect '^ lkdtm_HUNG_TASK\+0x' \
  --expect '^Kernel panic - not syncing: hung_task: blocked tasks$'
