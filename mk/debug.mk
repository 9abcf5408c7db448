# mk/debug.mk: the kernel under gdb.
#   debug   boot halted with QEMU's gdb stub and attach gdb with build/kernel.elf's symbols,
#           the chapters as its source and tools/gdb/kernel.py's commands (tools/debug).
#           Takes run's knobs: SMP, MEM, NUMA, CMDLINE, QEMUFLAGS.
# Its test is tools/tests/40-debug.t (part of test-kernel).
.PHONY: debug

debug: build ## Boot halted under gdb: break at chapter lines, lx-dmesg, lx-buddyinfo (README)
	@tools/debug --smp "$(SMP)" --mem "$(MEM)" --numa "$(NUMA)" --cmdline "$(CMDLINE)" -- $(QEMUFLAGS)
