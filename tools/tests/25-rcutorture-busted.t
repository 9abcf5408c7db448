#!/bin/sh
# rcutorture can fail: Linux's busted type (a grace period that waits for nothing) and ours,
# busted_srcu (synchronize_srcu() without its second wait), both end in FAILURE with readers
# that saw pipe counts above 1; the real types in the same boot still succeed.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 512M --timeout 240 --status fail \
  --cmdline "test=rcutorture rcutorture.torture_type=busted,busted_srcu,rcu rcutorture.shutdown_secs=2" \
  --expect '^busted-torture: !!! Reader Pipe:  [0-9]+ [0-9]+ ([0-9]+ )*[1-9][0-9]*' \
  --expect '^busted-torture:--- End of test: FAILURE: ' \
  --expect '^busted_srcu-torture: !!! Reader Pipe:  [0-9]+ [0-9]+ ([0-9]+ )*[1-9][0-9]*' \
  --expect '^busted_srcu-torture:--- End of test: FAILURE: ' \
  --expect '^rcu-torture:--- End of test: SUCCESS: '
