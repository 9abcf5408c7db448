#!/bin/sh
# The RCU chapter on four CPUs: the rcu suite (grace periods wait for old readers, preempted
# readers, callbacks, rcu_barrier, expedited, the suspicious-usage report), the Q16/Q17
# demonstrations, the reader under the default flavour, rcu_preempt (preempted, queued on the
# blocked-tasks list), and the traced grace period (rcu_demo), and rcutorture of rcu and srcu.
# tools/tests/25-rcu-sched-smp4.t is the same boot under rcu_flavour=sched.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 240 \
  --cmdline "test=rcu,rcu_demo,rcutorture rcutorture.torture_type=rcu,srcu rcutorture.shutdown_secs=2" \
  --expect '^rcu-torture:--- Start of test: nreaders=3 nfakewriters=4 shutdown_secs=2 ' \
  --expect '^rcu-torture: rtc: [0-9a-f]+ ver: [1-9][0-9]* tfle: [01] rta: [1-9][0-9]* rtaf: [0-9]+ rtf: [0-9]+ rtmbe: 0$' \
  --expect '^rcu-torture: Reader Pipe:  [1-9][0-9]* [0-9]+ 0 0 0 0 0 0 0 0 0$' \
  --expect '^rcu-torture: Reader Batch:  [0-9]+ [0-9]+' \
  --expect '^rcu-torture: Free-Block Circulation:  [1-9]' \
  --expect '^rcu-torture:--- End of test: SUCCESS: ' \
  --expect '^srcu-torture: Reader Pipe:  [1-9][0-9]* [0-9]+ 0 0 0 0 0 0 0 0 0$' \
  --expect '^srcu-torture:--- End of test: SUCCESS: ' \
  --expect '^q17: synchronize_rcu\(\) while an RCU reader sleeps 200 ms: [0-9]+ ms, reader had left$' \
  --expect '^q16: synchronize_srcu\(&b\) while an SRCU-a reader sleeps 200 ms: [0-9]+ ms, reader still inside$' \
  --expect '^rcu: Voluntary context switch within RCU read-side critical section!$' \
  --expect '^rcu: Preemptible hierarchical RCU implementation\.$' \
  --expect '^flavour: rcu_preempt: inside rcu_read_lock\(\): preempt_count 0x0, rcu_preempt_depth 1, rcu_read_lock_held 1$' \
  --expect '^flavour: rcu_preempt: the hog ran during the reader.s 100 ms; the reader was queued on the blocked-tasks list$' \
  --expect '^flavour: rcu_preempt: synchronize_rcu\(\) returned after the reader left$' \
  --expect '^rcu: rcu_trace: +[0-9]+ us cpu3 g[0-9]+ reader-end\n(.*\n)*rcu: rcu_trace: +[0-9]+ us cpu3 g[0-9]+ cpuqs\n(.*\n)*rcu: rcu_trace: +[0-9]+ us cpu0 g[0-9]+ end$' \
  --reject 'End of test: FAILURE|!!!' \
  --reject 'self-detected stall|detected stalls on CPUs'
