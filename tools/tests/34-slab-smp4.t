#!/bin/sh
# The slab allocator on four CPUs: the slub suite (size classes, layout, a cache's life, many
# slabs back to the buddy allocator, the fast path's tid, remote frees, every CPU allocating and
# freeing each other's objects at once (some frees must be remote), kmalloc's relatives,
# a leaking cache's report, kfree_rcu, kvfree_rcu_barrier() against a batch another CPU is
# still freeing, the bootstrap), /proc/slabinfo in Linux's format, and
# alloc_percpu() (a u64 counter bumped on every CPU: 1000, 2000, 3000, 4000 = 10000).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 180 \
  --cmdline "test=slub,slub_test,percpu slabinfo=1" \
  --expect '^percpu_test: sum over 4 CPUs = 10000$' \
  --expect '^SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=[0-9]+, Nodes=1$' \
  --expect '^slabinfo - version: 2\.1$' \
  --expect '^# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>$' \
  --expect '^kmalloc-96 +[0-9]+ +[0-9]+ +96 +42 +1 : tunables +0 +0 +0 : slabdata +[0-9]+ +[0-9]+ +0$' \
  --expect '^kmalloc-8k +[0-9]+ +[0-9]+ +8192 +4 +8 : tunables +0 +0 +0 : slabdata +[0-9]+ +[0-9]+ +0$' \
  --expect '^BUG slub_test_leak \(Not tainted\): Objects remaining in slub_test_leak on __kmem_cache_shutdown\(\)$' \
  --expect '^kmem_cache_destroy slub_test_leak: Slab cache still has objects when called from slub_test_destroy_leak\+' \
  --expect 'slub_test_many_cpus: many_cpus: 4 CPUs, [0-9]+ allocations, [0-9]+ frees of which [1-9][0-9]* remote' \
  --reject 'slub_test_remote_free # SKIP'
