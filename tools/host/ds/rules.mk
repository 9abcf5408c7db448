# tools/host/ds/rules.mk: included by tools/host/Makefile.  The data-structures chapter on
# the host: its KUnit suites (lists, hash lists, lock-less lists, red-black trees with the
# randomized model tests) under ASan+UBSan, a libFuzzer target that drives the trees with an
# operation stream, and the benchmark (`make bench`: instructions per operation from
# callgrind, N = 10^3 .. 10^6).  llist_smp needs several CPUs and runs only in the kernel.
.PHONY: ds-unit ds-fuzz ds-bench
unit: ds-unit
fuzz: ds-fuzz
DS_KSRC  := lib/rbtree.c lib/llist.c lib/list_debug.c lib/rbtree_check.c lib/rbtree_gaps.c
DS_TESTS := lib/list-test.c lib/rbtree_kunit.c lib/llist_kunit.c
DS_OBJ    = $(addprefix $(OUT)/k/,$(DS_KSRC:.c=.o) $(DS_TESTS:.c=.o))
DS_HDRS  := include/linux/list.h include/linux/llist.h include/linux/rbtree.h \
            include/linux/rbtree_types.h include/linux/rbtree_augmented.h \
            include/linux/container_of.h include/linux/poison.h lib/rbtree_check.h lib/rbtree_gaps.h
$(DS_OBJ): $(addprefix $(TANGLE)/,$(DS_HDRS)) ds/rules.mk
$(OUT)/kunit-ds: $(KOBJ) $(DS_OBJ) stubs.c ds/stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -o $@ stubs.c ds/stubs.c $(KOBJ) $(DS_OBJ) -Wl,-T,sections.ld
ds-unit: $(OUT)/kunit-ds
	$(Q)$(OUT)/kunit-ds list-kunit-test,hlist,llist,rbtree > $(OUT)/kunit-ds.log 2>&1 || { cat $(OUT)/kunit-ds.log; exit 1; }
	@grep -E '^# Totals|random operations' $(OUT)/kunit-ds.log | sed 's/^/kunit-ds (ASan+UBSan): /'

# The fuzzer: the tree code and its checker built for libFuzzer's coverage, and the
# kernel-side half of the target compiled with the kernel's headers.
DS_FSRC := lib/rbtree.c lib/rbtree_check.c lib/rbtree_gaps.c
DS_FOBJ  = $(addprefix $(OUT)/k/fuzz/,$(DS_FSRC:.c=.o)) $(OUT)/k/fuzz/ds/fuzz_rbtree_ops.o
$(OUT)/k/fuzz/ds/fuzz_rbtree_ops.o: ds/fuzz_rbtree_ops.c ds/fuzz_rbtree.h $(addprefix $(TANGLE)/,$(DS_HDRS)) ds/rules.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  ds/fuzz_rbtree_ops.c (fuzzer)"
	$(Q)$(CC) $(KCFLAGS) -I$(TANGLE)/lib -Ids -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/fuzz-rbtree: ds/fuzz_rbtree.c stubs.c ds/stubs.c $(FKOBJ) $(DS_FOBJ) sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -fsanitize=fuzzer -DNO_MAIN -Ids -o $@ ds/fuzz_rbtree.c stubs.c ds/stubs.c $(FKOBJ) $(DS_FOBJ) -Wl,-T,sections.ld
ds-fuzz: $(OUT)/fuzz-rbtree
	@mkdir -p $(OUT)/corpus-rbtree
	@echo "fuzz-rbtree: $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-rbtree -max_total_time=$(FUZZ_SECONDS) -max_len=1024 -print_final_stats=0 -artifact_prefix=$(OUT)/ \
	    $(OUT)/corpus-rbtree corpus/rbtree 2>$(OUT)/fuzz-rbtree.log || { tail -40 $(OUT)/fuzz-rbtree.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-rbtree.log | tail -1 | sed "s/^/fuzz-rbtree: /"

# The benchmark: optimised, no sanitizers, so that the counts are those of the real code;
# DWARF 4, which the valgrind of Debian 12 reads (clang 14 writes DWARF 5 by default).
BENCH_CFLAGS := -std=gnu11 -O2 -gdwarf-4 -fno-builtin -Wall -Wextra -Werror -Wno-unused-parameter \
                -I$(TANGLE)/include -I$(TANGLE)/arch/x86/include
$(OUT)/bench/%.o: $(TANGLE)/lib/%.c $(addprefix $(TANGLE)/,$(DS_HDRS)) ds/rules.mk
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BENCH_CFLAGS) -c $< -o $@
$(OUT)/bench/bench_ops.o: ds/bench_ops.c ds/bench_rbtree.h $(addprefix $(TANGLE)/,$(DS_HDRS)) ds/rules.mk
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BENCH_CFLAGS) -c $< -o $@
$(OUT)/bench-rbtree: ds/bench_rbtree.c ds/bench_rbtree.h $(OUT)/bench/bench_ops.o $(OUT)/bench/rbtree.o
	@echo "  HOSTLD  $@"
	$(Q)$(CC) -std=gnu11 -O2 -gdwarf-4 -Wall -Wextra -Werror -o $@ ds/bench_rbtree.c $(OUT)/bench/bench_ops.o $(OUT)/bench/rbtree.o
ds-bench: $(OUT)/bench-rbtree
	$(Q)ds/bench-callgrind $(OUT)/bench-rbtree
