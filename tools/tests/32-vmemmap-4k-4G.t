#!/bin/sh
# Chapter 32's vmemmap on 4 GiB with a CPU without PSE (-cpu max,-pse): 4 KiB pages only, as
# Linux 6.12 maps it; the 8 sections of the PCI hole get no PTEs, the others 512 each, and
# the census counts one PTE table per section plus the PMD and PUD tables above them.
KTEST_NAME="vmemmap 4k 4G" exec "$(dirname "$0")/vmemmap-check" --base-pages -- --smp 2 --mem 4G \
  --timeout 240 --cmdline "debug test=mm_init" -- -cpu max,-pse
