#!/bin/sh
# Chapter 31: free_initmem() makes the init sections NX; calling an __init function after it
# faults (Q27).  The W+X check passes first.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=exec_init_after_free" \
  --expect '^Freeing unused kernel image \(initmem\) memory: [0-9]+K$' \
  --expect '^x86/mm: Checked W\+X mappings: passed, no W\+X pages found\.$' \
  --expect '^lkdtm: attempting bad execution at ffffffff81[0-9a-f]{6}$' \
  --expect '^kernel tried to execute NX-protected page - exploit attempt\? \(uid: 0\)$' \
  --expect '^#PF: supervisor instruction fetch in kernel mode$' \
  --expect '^#PF: error_code\(0x0011\) - permissions violation$' \
  --expect '^RIP: 0010:init_function\+0x0/0x'
