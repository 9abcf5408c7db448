#!/bin/sh
# A reader that spins with interrupts disabled on CPU 1: its own tick cannot run, so CPU 0
# reports the stall and asks CPU 1 for its backtrace by NMI (the SMP chapter's
# trigger_single_cpu_backtrace()); the NMI's registers put CPU 1 in rcu_torture_stall().
# The CPU line says "(N ticks this GP)" or, if CPU 1 had not yet seen the grace period start,
# "(N GPs behind)", as Linux 6.12 prints it.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 256M --timeout 240 \
  --cmdline "test=rcutorture rcutorture.torture_type=rcu rcutorture.stall_cpu=5 rcutorture.stall_cpu_irqsoff=1 rcutorture.stall_cpu_holdoff=1 rcutorture.shutdown_secs=8 rcupdate.rcu_cpu_stall_timeout=3" \
  --expect '^rcu_torture_stall start stall episode 1 on CPU 1\.$' \
  --expect '^rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:\nrcu: \t1-\.\.\.\?: \([0-9]+ (ticks this GP|GPs behind)\) softirq=[0-9]+/[0-9]+ fqs=[0-9]+\nrcu: \t\(detected by 0, t=[0-9]+ jiffies, g=[0-9]+, q=[0-9]+ ncpus=2\)\nSending NMI from CPU 0 to CPUs 1:\nNMI backtrace for cpu 1\nCPU: 1 PID: [0-9]+ Comm: rcu_torture_sta ' \
  --expect '^RIP: 0010:rcu_torture_stall\+' \
  --expect '^Call Trace:\n <TASK>\n rcu_torture_stall\+' \
  --reject 'self-detected stall|NMI backtrace: no answer|Uhhuh' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
