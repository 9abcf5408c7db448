#!/bin/sh
# A bad rcu_flavour= is named in an error, and the default flavour, rcu_preempt, stays.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 256M --timeout 240 \
  --cmdline "rcu_flavour=tree test=rcu" \
  --expect '^rcu: rcu_flavour=tree: expected preempt or sched; keeping rcu_preempt$' \
  --expect '^rcu: Preemptible hierarchical RCU implementation\.$' \
  --reject 'Unknown kernel command line parameters.*rcu_flavour'
