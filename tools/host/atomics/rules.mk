# tools/host/atomics/rules.mk: included by tools/host/Makefile.  Chapters 20 and 21 on the
# host: the atomic_t, bit-operation and litmus-bookkeeping KUnit suites, compiled from
# tangle/ for user space and run under ASan+UBSan.  The suites that need several CPUs
# (atomic_test_counter_smp, the litmus tests themselves) run only in the kernel.
.PHONY: atomics-unit
unit: atomics-unit
ATOMICS_KSRC  := lib/find_bit.c lib/litmus_report.c
ATOMICS_TESTS := lib/atomic_test.c lib/bitops_test.c lib/litmus_report_test.c
ATOMICS_OBJ    = $(addprefix $(OUT)/k/,$(ATOMICS_KSRC:.c=.o) $(ATOMICS_TESTS:.c=.o))
$(OUT)/kunit-atomics: $(KOBJ) $(ATOMICS_OBJ) stubs.c atomics/stubs.c sections.ld
	$(CC) $(HCFLAGS) -o $@ stubs.c atomics/stubs.c $(KOBJ) $(ATOMICS_OBJ) -Wl,-T,sections.ld
atomics-unit: $(OUT)/kunit-atomics
	$(OUT)/kunit-atomics atomic,bitops,litmus_report
# The objects depend on the headers these chapters tangle (the pattern rule above knows
# only the .c file).
ATOMICS_HDRS := include/linux/atomic.h include/linux/bitops.h include/linux/find.h \
                include/linux/litmus.h arch/x86/include/asm/atomic.h \
                arch/x86/include/asm/cmpxchg.h arch/x86/include/asm/bitops.h \
                arch/x86/include/asm/barrier.h arch/x86/include/asm/alternative.h
$(ATOMICS_OBJ): $(addprefix $(TANGLE)/,$(ATOMICS_HDRS)) atomics/rules.mk
