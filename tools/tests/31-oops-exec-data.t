#!/bin/sh
# Chapter 31: data is mapped NX (EFER.NXE is on); running code copied into it faults.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --no-ktap --status panic --timeout 60 \
  --cmdline "crash=exec_data" \
  --expect '^lkdtm: attempting bad execution at ffffffff81[0-9a-f]{6}$' \
  --expect '^kernel tried to execute NX-protected page - exploit attempt\? \(uid: 0\)$' \
  --expect '^#PF: supervisor instruction fetch in kernel mode$' \
  --expect '^#PF: error_code\(0x0011\) - permissions violation$' \
  --reject 'FAIL: func returned'
