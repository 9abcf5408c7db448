#!/bin/sh
# rcutorture can fail under the non-preemptible flavour too (rcu_flavour=sched): the busted
# type, whose grace period waits for nothing, ends in FAILURE with readers that saw pipe counts
# above 1, while the real rcu type in the same boot succeeds.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 240 --status fail \
  --cmdline "rcu_flavour=sched test=rcutorture rcutorture.torture_type=busted,rcu rcutorture.nfakewriters=0 rcutorture.shutdown_secs=4" \
  --expect '^rcu: Hierarchical RCU implementation\.$' \
  --expect '^busted-torture: !!! Reader Pipe:  [0-9]+ [0-9]+ ([0-9]+ )*[1-9][0-9]*' \
  --expect '^busted-torture:--- End of test: FAILURE: ' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
