# tools/host/vmalloc/rules.mk: included by tools/host/Makefile.  Chapter 35's area
# allocator (mm/vmalloc.c as tangled, included by vmalloc/area.c so that its static
# functions and trees are reachable) over a fake address space, against an independent
# model of sorted arrays (vmalloc/model.c): a randomized test under ASan+UBSan checked
# after every operation, and a libFuzzer target on operation streams.
.PHONY: vmalloc-unit vmalloc-fuzz
unit: vmalloc-unit
fuzz: vmalloc-fuzz
VMH_KSRC := lib/rbtree.c lib/list_debug.c
VMH_KCFLAGS = -Islub/include $(KCFLAGS) -I$(TANGLE)
VMH_DEPS := vmalloc/rules.mk vmalloc/vmh.h vmalloc/model.h vmalloc/ops.h xorshift.h $(wildcard slub/include/asm/*.h)
VMH_OBJ  = $(addprefix $(OUT)/vmalloc/,$(VMH_KSRC:.c=.o) area.o model.o ops.o)
VMH_FOBJ = $(addprefix $(OUT)/vmalloc/fuzz/,$(VMH_KSRC:.c=.o) area.o model.o ops.o)
$(OUT)/vmalloc/%.o: $(TANGLE)/%.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (vmalloc)"
	$(Q)$(CC) $(VMH_KCFLAGS) -c $< -o $@
$(OUT)/vmalloc/fuzz/%.o: $(TANGLE)/%.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (vmalloc fuzzer)"
	$(Q)$(CC) $(VMH_KCFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
# area.c is kernel code (it includes mm/vmalloc.c); model.c and ops.c are the C library's.
$(OUT)/vmalloc/area.o: vmalloc/area.c $(TANGLE)/mm/vmalloc.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  vmalloc/area.c (mm/vmalloc.c)"
	$(Q)$(CC) $(VMH_KCFLAGS) -c $< -o $@
$(OUT)/vmalloc/fuzz/area.o: vmalloc/area.c $(TANGLE)/mm/vmalloc.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  vmalloc/area.c (mm/vmalloc.c, fuzzer)"
	$(Q)$(CC) $(VMH_KCFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/vmalloc/%.o: vmalloc/%.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  vmalloc/$*.c"
	$(Q)$(CC) $(HCFLAGS) -MMD -MP -c $< -o $@
$(OUT)/vmalloc/fuzz/%.o: vmalloc/%.c $(VMH_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  vmalloc/$*.c (fuzzer)"
	$(Q)$(CC) $(HCFLAGS) -MMD -MP -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/vmalloc-test: vmalloc/test.c $(VMH_OBJ) $(KOBJ) slub/libc.c stubs.c sections.ld $(VMH_DEPS)
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -DNO_MAIN -o $@ vmalloc/test.c slub/libc.c stubs.c $(VMH_OBJ) $(KOBJ) -Wl,-T,sections.ld
$(OUT)/fuzz-vmalloc: vmalloc/fuzz.c $(VMH_FOBJ) $(FKOBJ) slub/libc.c stubs.c sections.ld $(VMH_DEPS)
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -fsanitize=fuzzer -DNO_MAIN -o $@ vmalloc/fuzz.c slub/libc.c stubs.c $(VMH_FOBJ) $(FKOBJ) -Wl,-T,sections.ld
# Two seeds of 20000 operations each (a few seconds under ASan).
vmalloc-unit: $(OUT)/vmalloc-test
	$(Q)for s in 1 2; do \
	  $(OUT)/vmalloc-test $$s 20000 > $(OUT)/vmalloc-test.log 2>&1 || { tail -40 $(OUT)/vmalloc-test.log; exit 1; }; \
	  sed 's/^/host vmalloc (ASan+UBSan): /' $(OUT)/vmalloc-test.log; done
# A bounded run: the seed corpus, then at most VMH_FUZZ_RUNS inputs or FUZZ_SECONDS.
VMH_FUZZ_RUNS ?= 200000
vmalloc-fuzz: $(OUT)/fuzz-vmalloc
	@mkdir -p $(OUT)/corpus-vmalloc
	@echo "fuzz-vmalloc: $(VMH_FUZZ_RUNS) runs or $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-vmalloc -runs=$(VMH_FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -max_len=2048 -print_final_stats=0 \
	    -artifact_prefix=$(OUT)/ $(OUT)/corpus-vmalloc corpus/vmalloc 2>$(OUT)/fuzz-vmalloc.log \
	    || { tail -40 $(OUT)/fuzz-vmalloc.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-vmalloc.log | tail -1 | sed "s/^/fuzz-vmalloc: /"
-include $(VMH_OBJ:.o=.d) $(VMH_FOBJ:.o=.d)
