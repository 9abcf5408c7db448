#!/bin/sh
# The contexts chapter's suites on four CPUs, with the decoded preempt_count of every context,
# the four fields non-zero at once (Q9), and might_sleep()'s report in an atomic section.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 120 --cmdline "test=contexts,contexts_demo" \
  --expect '# contexts_demo_decode: hardirq interrupting a tasklet +00010101 = nmi 0 hardirq 1 softirq 1 preempt 1 ' \
  --expect '# contexts_demo_decode: NMI in a hardirq in a tasklet +00120102 = nmi 1 hardirq 2 softirq 1 preempt 2 ' \
  --expect '# contexts_demo_overflow: 256 x preempt_disable\(\) +00000100 = nmi 0 hardirq 0 softirq 1 preempt 0 serving-softirq' \
  --expect '^DEBUG_LOCKS_WARN_ON\(\(preempt_count\(\) & PREEMPT_MASK\) >= PREEMPT_MASK - 10\)$' \
  --expect '^BUG: sleeping function called from invalid context at chapters/11-contexts.nw:\d+\nin_atomic\(\): 1, irqs_disabled\(\): 1, non_block: 0, pid: 1, name: swapper/0\npreempt_count: 10000, expected: 0$'
