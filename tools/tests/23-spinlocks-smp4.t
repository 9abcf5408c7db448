#!/bin/sh
# The spinlocks chapter on four CPUs: lockdep's reports from runs that did not deadlock
# (circular, inconsistent irq state, recursive locking, irq-safe -> irq-unsafe),
# the DEBUG_SPINLOCK recursion and lockup reports (the boot continues), every locktorture
# type succeeding and the busted one failing, from the command line and as a suite; the suite
# includes the threads chapter's sleeping types (mutex_lock, rwsem_lock, sem), run in kernel threads.
exec "$(dirname "$0")/../ktest" --smp 4 --mem 256M --timeout 180 \
  --cmdline "locktorture.torture_type=lock_busted locktorture.shutdown_secs=1 test=spinlock_demo,locktorture" \
  --expect '^lock_busted-torture:--- Start of test \[debug\]: long_hold=100 nreaders_stress=0 nwriters_stress=4 shutdown_secs=1$' \
  --expect '^Writes:  Total: [0-9]+  Max/Min: [0-9]+/[0-9]+ (\?\?\?)?  Fail: 1 !!!$' \
  --expect '^lock_busted-torture:--- End of test: FAILURE ' \
  --expect '^spin_lock-torture:--- End of test: SUCCESS ' \
  --expect '^spin_lock_irq-torture:--- End of test: SUCCESS ' \
  --expect '^raw_spin_lock-torture:--- End of test: SUCCESS ' \
  --expect '^raw_spin_lock_irq-torture:--- End of test: SUCCESS ' \
  --expect '^Reads :  Total: [0-9]+  Max/Min: [0-9]+/[0-9]+ (\?\?\?)?  Fail: 0 $' \
  --expect '^rw_lock-torture:--- End of test: SUCCESS ' \
  --expect '^rw_lock_irq-torture:--- End of test: SUCCESS ' \
  --expect '^seqlock-torture:--- End of test: SUCCESS ' \
  --expect '^mutex_lock-torture:--- End of test: SUCCESS \[debug\]: long_hold=100 nreaders_stress=0 nwriters_stress=4 ' \
  --expect '^Writes:  Total: [1-9][0-9]*  Max/Min: [0-9]+/[0-9]+ (\?\?\?)?  Fail: 0 \nReads :  Total: [1-9][0-9]*  Max/Min: [0-9]+/[0-9]+ (\?\?\?)?  Fail: 0 \nrwsem_lock-torture:--- End of test: SUCCESS \[debug\]: long_hold=100 nreaders_stress=4 nwriters_stress=4 ' \
  --expect '^sem-torture:--- End of test: SUCCESS \[debug\]: long_hold=100 nreaders_stress=0 nwriters_stress=4 ' \
  --expect '^lock-torture: invalid torture type: "no_such_lock"\nlock-torture types: lock_busted spin_lock ' \
  --expect '^WARNING: possible circular locking dependency detected\n0\.1 #1 Not tainted\n-+\nswapper/0/1 is trying to acquire lock:\n[0-9a-f]{16} \(lock_a\)\{\+\.\+\.\}-\{2:2\}, at: take_b_then_a\+0x' \
  --expect '^       CPU0                    CPU1\n       ----                    ----\n  lock\(lock_b\);\n {31}lock\(lock_a\);\n {31}lock\(lock_b\);\n  lock\(lock_a\);\n\n \*\*\* DEADLOCK \*\*\*$' \
  --expect '^inconsistent \{IN-HARDIRQ-W\} -> \{HARDIRQ-ON-W\} usage\.\nswapper/0/1 \[HC0\[0\]:SC0\[0\]:HE1:SE1\] takes:\n[0-9a-f]{16} \(irq_lock\)\{\?\.\.\.\}' \
  --expect '^WARNING: possible recursive locking detected\n0\.1 #1 Not tainted\n-+\nswapper/0/1 is trying to acquire lock:\n[0-9a-f]{16} \(&node->lock\)\{\+\.\+\.\}-\{2:2\}, at: lock_parent_then_child\+0x' \
  --expect '^  lock\(&node->lock\);\n  lock\(&node->lock\);\n\n \*\*\* DEADLOCK \*\*\*\n\n May be due to missing lock nesting notation$' \
  --expect '^WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected\n0\.1 #1 Not tainted\n-+\nswapper/0/1 \[HC0\[0\]:SC0\[0\]:HE0:SE1\] is trying to acquire:\n[0-9a-f]{16} \(unsafe_lock\)' \
  --expect '^ Possible interrupt unsafe locking scenario:\n\n       CPU0                    CPU1\n       ----                    ----\n  lock\(unsafe_lock\);\n {31}local_irq_disable\(\);\n {31}lock\(safe_lock\);\n {31}lock\(unsafe_lock\);\n  <Interrupt>\n    lock\(safe_lock\);$' \
  --expect '^BUG: spinlock recursion on CPU#0, swapper/0/1$' \
  --expect '^BUG: spinlock lockup suspected on CPU#0, swapper/0/1\n lock: 0x[0-9a-f]+, \.magic: dead4ead, \.owner: swapper/0/1, \.owner_cpu: 0$' \
  --reject '^(spin_lock|spin_lock_irq|raw_spin_lock|raw_spin_lock_irq|rw_lock|rw_lock_irq|seqlock|mutex_lock|rwsem_lock|sem)-torture:--- End of test: FAILURE'
