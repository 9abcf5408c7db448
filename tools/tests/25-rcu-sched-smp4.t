#!/bin/sh
# The RCU chapter's non-preemptible flavour (rcu_flavour=sched, Linux's PREEMPT_RCU=n) on four
# CPUs: the rcu suite, the demonstrations (the same reader as under rcu_preempt, now holding its
# CPU; the sleeping reader reported as scheduling while atomic, its grace period ending under
# it), and rcutorture of rcu and srcu, which must succeed.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 240 \
  --cmdline "rcu_flavour=sched test=rcu,rcu_demo,rcutorture rcutorture.torture_type=rcu,srcu rcutorture.shutdown_secs=2" \
  --expect '^rcu: Hierarchical RCU implementation\.$' \
  --expect '^rcu-torture: rtc: [0-9a-f]+ ver: [1-9][0-9]* tfle: [01] rta: [1-9][0-9]* rtaf: [0-9]+ rtf: [0-9]+ rtmbe: 0$' \
  --expect '^rcu-torture: Reader Pipe:  [1-9][0-9]* [0-9]+ 0 0 0 0 0 0 0 0 0$' \
  --expect '^rcu-torture: Free-Block Circulation:  [1-9]' \
  --expect '^rcu-torture:--- End of test: SUCCESS: ' \
  --expect '^srcu-torture:--- End of test: SUCCESS: ' \
  --expect '^flavour: rcu_sched: inside rcu_read_lock\(\): preempt_count 0x1, rcu_preempt_depth 0, rcu_read_lock_held 1$' \
  --expect '^flavour: rcu_sched: the hog never ran during the reader.s 100 ms; the reader was never on the blocked-tasks list$' \
  --expect '^flavour: rcu_sched: synchronize_rcu\(\) returned after the reader left$' \
  --expect '^BUG: scheduling while atomic: demo_sleeper/[0-9]+/0x00000002$' \
  --expect '^q17: synchronize_rcu\(\) while an RCU reader sleeps 200 ms: [0-9]+ ms, reader still inside$' \
  --expect '^q16: synchronize_srcu\(&b\) while an SRCU-a reader sleeps 200 ms: [0-9]+ ms, reader still inside$' \
  --reject 'End of test: FAILURE|!!!' \
  --reject 'rcu_preempt[^_]|Preemptible hierarchical|Voluntary context switch' \
  --reject 'self-detected stall|detected stalls on CPUs' \
  --reject 'DEBUG_LOCKS_WARN_ON'
