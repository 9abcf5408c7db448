#!/bin/sh
# The threads chapter's suites on four CPUs: scheduler, kthreads, wait queues, completions and
# timers (sched), and the demonstrations for Q4, Q5 and Q10 (threads_demo).
# No "BUG: sleeping function": start-up keeps quiet (system_state is SYSTEM_BOOTING until ksoftirqd runs).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 180 --cmdline "test=sched,threads_demo" \
  --expect '^BUG: scheduling while atomic: swapper/0/1/0x00000002$' \
  --expect '^q5: q5-A after schedule\(\):  preempt_count\(\) = 0x0, at the switch: 0x2$' \
  --expect '^\[001\] sched_switch: prev_comm=spinner prev_pid=\d+ prev_prio=120 prev_state=R\+ ==> ' \
  --expect '^q4: flood: +\d+ tasklet runs, +[1-9]\d* deferrals to ksoftirqd/0' \
  --expect '^q4: burst: +5 tasklet runs, +0 deferrals' \
  --reject 'corrupted preempt_count|corrupted stack end|WARNING:|BUG: spinlock|BUG: rwlock|BUG: sleeping function'
