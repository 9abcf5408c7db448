#!/bin/sh
# The RCU CPU stall detector under rcu_flavour=sched, with a 3-second timeout: a reader that
# spins with preemption disabled on CPU 1, reported under the flavour's name, rcu_sched. As in
# 25-rcu-stall-cpu.t, CPU 1's own tick usually reports it (self-detected), or CPU 0 notices
# first and takes CPU 1's backtrace by NMI; either passes, but it must name CPU 1 and reach
# the stalling code.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 256M --timeout 240 \
  --cmdline "rcu_flavour=sched test=rcutorture rcutorture.torture_type=rcu rcutorture.stall_cpu=5 rcutorture.stall_cpu_holdoff=1 rcutorture.shutdown_secs=8 rcupdate.rcu_cpu_stall_timeout=3" \
  --expect '^rcu_torture_stall start stall episode 1 on CPU 1\.$' \
  --expect '^rcu: INFO: rcu_sched (self-detected stall on CPU|detected stalls on CPUs/tasks:)\nrcu: \t1-\.\.\.\?: \([0-9]+ (ticks this GP|GPs behind)\) softirq=[0-9]+/[0-9]+ fqs=[0-9]+\nrcu: \t\((t=[0-9]+ jiffies g=[0-9]+ q=[0-9]+ ncpus=2\)|detected by 0, t=[0-9]+ jiffies, g=[0-9]+, q=[0-9]+ ncpus=2\)\nSending NMI from CPU 0 to CPUs 1:\nNMI backtrace for cpu 1)\nCPU: 1 PID: [0-9]+ Comm: rcu_torture_sta ' \
  --expect '^Call Trace:\n <TASK>\n(.*\n)* rcu_torture_stall\+' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
