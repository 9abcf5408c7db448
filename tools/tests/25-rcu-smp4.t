#!/bin/sh
# The RCU chapter on four CPUs: the rcu suite (grace periods wait for old readers, preempted
# readers, callbacks, rcu_barrier, expedited, the suspicious-usage report), the Q16/Q17
# demonstrations and the traced grace period (rcu_demo), and rcutorture of rcu and srcu.
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
  --expect '^rcu: rcu_trace: +[0-9]+ us cpu3 g[0-9]+ reader-end\n(.*\n)*rcu: rcu_trace: +[0-9]+ us cpu3 g[0-9]+ cpuqs\n(.*\n)*rcu: rcu_trace: +[0-9]+ us cpu0 g[0-9]+ end$' \
  --reject 'End of test: FAILURE|!!!' \
  --reject 'self-detected stall|detected stalls on CPUs'
