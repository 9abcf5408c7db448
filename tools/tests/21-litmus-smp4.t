#!/bin/sh
# Chapters 20 and 21 on four CPUs: every litmus test runs (WRC and IRIW need 3 and 4 CPUs),
# prints litmus7's report, and no outcome that x86-TSO forbids appears; the plain counters
# lose updates on four CPUs while the atomic ones are exact (the suites assert it).
exec "$(dirname "$0")/../ktest" --smp 4 --mem 256M --timeout 120 \
  --cmdline "test=litmus,atomic_smp" \
  --expect '^Test SB Allowed$' \
  --expect '^Histogram \([1-4] states?\)$' \
  --expect '^[0-9]+ +\*>0:r0=0; 1:r0=0;$' \
  --expect '^Condition exists \(0:r0=0 /\\ 1:r0=0\) is validated$' \
  --expect '^Observation SB Sometimes [1-9][0-9]* [0-9]+$' \
  --expect '^Observation WRC Never 0 [0-9]+$' \
  --expect '^Observation IRIW Never 0 [0-9]+$' \
  --expect '^Condition ~exists \(2:r0=1 /\\ 2:r1=0 /\\ 3:r0=1 /\\ 3:r1=0\) is validated$' \
  --expect '^    # atomic_test_counter_smp: 4 CPUs, [0-9]+ rounds? of ' \
  --reject 'SKIP needs' \
  --reject '^Observation (SB\+mfences|SB\+smp_mbs|MP|LB|R\+mfence|2\+2W|WRC|IRIW) (Sometimes|Always)'
