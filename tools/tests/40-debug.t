#!/bin/sh
# make debug's path, scripted: gdb in batch mode stops at chapter lines in start_kernel and
# in the page_alloc suite, and checks list, print, lx-dmesg, lx-per-cpu, lx-buddyinfo
# (against the kernel's own /proc/buddyinfo view) and lx-ps.  One boot of a few seconds.
exec "$(dirname "$0")/debug-check" --smp 2 --mem 256M
