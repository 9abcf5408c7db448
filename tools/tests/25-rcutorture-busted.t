#!/bin/sh
# rcutorture can fail: Linux's busted type (a grace period that waits for nothing) and ours,
# busted_srcu (synchronize_srcu() without its second wait), both end in FAILURE with readers
# that saw pipe counts above 1; the real types in the same boot still succeed.
# busted_srcu fails only when the writer replaces the element a sleeping reader holds before the
# next flip of the index: fake writers flip often and close that window, and in 2 s with four of
# them a loaded host once saw no such read (pipe[2] = 0; usually 3..15). With none and 4 s the
# count was 12..120 in four runs, so the test runs that way.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 240 --status fail \
  --cmdline "test=rcutorture rcutorture.torture_type=busted,busted_srcu,rcu rcutorture.nfakewriters=0 rcutorture.shutdown_secs=4" \
  --expect '^busted-torture: !!! Reader Pipe:  [0-9]+ [0-9]+ ([0-9]+ )*[1-9][0-9]*' \
  --expect '^busted-torture:--- End of test: FAILURE: ' \
  --expect '^busted_srcu-torture: !!! Reader Pipe:  [0-9]+ [0-9]+ ([0-9]+ )*[1-9][0-9]*' \
  --expect '^busted_srcu-torture:--- End of test: FAILURE: ' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
