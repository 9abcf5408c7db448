#!/bin/sh
# Chapter 32 with a memoryless node: node 1 has CPU 1 and no memory.  It boots, node 1 is
# "Initmem setup node 1 as memoryless", and its zonelist starts on node 0.
KTEST_NAME="zones memoryless node" exec "$(dirname "$0")/zones-check" --memoryless 1 -- --smp 2 --mem 512M \
  --timeout 120 --cmdline "test=mm_init" -- \
  -object memory-backend-ram,id=m0,size=512M \
  -numa node,nodeid=0,memdev=m0,cpus=0 -numa node,nodeid=1,cpus=1
