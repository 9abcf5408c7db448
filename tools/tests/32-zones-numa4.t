#!/bin/sh
# Chapter 32 on four nodes of 256 MiB, one CPU each, all at the default distance 20: the
# fallback orders spread over the neighbours (1 2 3 0, 2 3 0 1, ...) by Linux's node_load rule.
# The SMP boot announces each CPU after its node, as Linux 6.12's announce_cpu() does.
KTEST_NAME="zones NUMA=4" exec "$(dirname "$0")/zones-check" -- --smp 4 --mem 1G \
  --timeout 180 --cmdline "test=mm_init" \
  --expect '^\.\.\.\. node  #1, CPUs:      #1$' --expect '^\.\.\.\. node  #2, CPUs:   #2$' \
  --expect '^\.\.\.\. node  #3, CPUs:   #3$' --expect '^smp: Brought up 4 nodes, 4 CPUs$' -- \
  -object memory-backend-ram,id=m0,size=256M -object memory-backend-ram,id=m1,size=256M \
  -object memory-backend-ram,id=m2,size=256M -object memory-backend-ram,id=m3,size=256M \
  -numa node,nodeid=0,memdev=m0,cpus=0 -numa node,nodeid=1,memdev=m1,cpus=1 \
  -numa node,nodeid=2,memdev=m2,cpus=2 -numa node,nodeid=3,memdev=m3,cpus=3
