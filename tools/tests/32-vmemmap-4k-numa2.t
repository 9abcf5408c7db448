#!/bin/sh
# Chapter 32's vmemmap on a two-node machine whose CPU has no PSE (-cpu max,-pse): as in
# Linux 6.12, vmemmap_populate() maps the struct pages with 4 KiB pages only (no PMD lines)
# and the direct map is 4 KiB pages too; the mm_init suite's census must count 512 PTEs per
# section with memory, each page from its section's node, and the page-table pages they cost.
KTEST_NAME="vmemmap 4k NUMA=2" exec "$(dirname "$0")/vmemmap-check" --base-pages -- --smp 2 --mem 512M \
  --numa 2 --timeout 120 --cmdline "debug test=mm_init" -- -cpu max,-pse
