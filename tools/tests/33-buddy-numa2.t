#!/bin/sh
# Chapter 33 on two nodes: each node's zones get their own free lists; the suite and the
# Memory: line.
KTEST_NAME="buddy numa2" exec "$(dirname "$0")/buddy-check" -- --smp 2 --mem 512M --numa 2 \
  --timeout 120 --cmdline "test=page_alloc"
