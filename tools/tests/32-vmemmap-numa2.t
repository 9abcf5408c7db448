#!/bin/sh
# Chapter 32's vmemmap on a two-node machine (2 CPUs, 2 x 256 MiB, QEMU's SRAT), booted with
# `debug`: the "PMD ->" lines cover every section with memory, each from its own node's RAM
# (checked against the log's firmware map and SRAT), and the mm_init suite's page-table walk.
KTEST_NAME="vmemmap NUMA=2" exec "$(dirname "$0")/vmemmap-check" -- --smp 2 --mem 512M --numa 2 \
  --timeout 120 --cmdline "debug test=mm_init"
