#!/bin/sh
# The RCU CPU stall detector, with a 3-second timeout: a reader preempted over and over inside
# its critical section leaves its CPU quiescent, and the stall report names the task.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 256M --timeout 240 \
  --cmdline "test=rcutorture rcutorture.torture_type=rcu rcutorture.stall_cpu=5 rcutorture.stall_cpu_block=1 rcutorture.stall_cpu_holdoff=1 rcutorture.shutdown_secs=8 rcupdate.rcu_cpu_stall_timeout=3" \
  --expect '^rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:\nrcu: \tTasks blocked on level-0 rcu_node \(CPUs 0-[0-9]+\): P[0-9]+\nrcu: \tP[0-9]+: rcu_torture_sta' \
  --expect '^rcu: \t\(detected by [01], t=[0-9]+ jiffies, g=[0-9]+, q=[0-9]+ ncpus=2\)$' \
  --reject 'self-detected stall' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
