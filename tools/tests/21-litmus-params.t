#!/bin/sh
# Chapters 20 and 21: a malformed litmus.iterations= is reported and the default kept; the
# atomic_bench parameter prints its measurements (their values are for `make bench`).
exec "$(dirname "$0")/../ktest" --smp 2 --mem 128M --timeout 60 \
  --cmdline "test=litmus_report,bitops litmus.iterations=12x atomic_bench" \
  --expect '^litmus: iterations=12x is not a number from 1 to 10\^9; keeping 2000$' \
  --expect '^atomic_bench: lock addq, aligned +[0-9]+ cycles/op$' \
  --expect '^atomic_bench: lock addq, split lock +[0-9]+ cycles/op$' \
  --reject 'Unknown kernel command line'
