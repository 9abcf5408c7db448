# tools/host/slub/rules.mk: included by tools/host/Makefile.  The slab chapter's SLUB
# (mm/slub.c, mm/slab_common.c) on the host over a page allocator of the harness's own
# (slub/host.c): a randomized model-based test under ASan+UBSan, without and with
# slab_debug=FZPU, and a libFuzzer target on alloc/free streams with slab_debug on.
# slub/include/ shadows the two headers a user-space program cannot use as they are
# (asm/irqflags.h: cli/sti; asm/page.h: the direct map's address).
.PHONY: slub-unit slub-fuzz
unit: slub-unit
fuzz: slub-fuzz
SLUB_KSRC := mm/slub.c mm/slab_common.c lib/list_debug.c fs/seq_file.c
SLUB_CFLAGS = -Islub/include $(KCFLAGS) -I$(TANGLE)/mm -Islub
SLUB_HOST := slub/host.c slub/model.c
SLUB_OBJ   = $(addprefix $(OUT)/slub/,$(SLUB_KSRC:.c=.o)) $(OUT)/slub/host.o $(OUT)/slub/model.o
SLUB_FOBJ  = $(addprefix $(OUT)/slub/fuzz/,$(SLUB_KSRC:.c=.o)) $(OUT)/slub/fuzz/host.o $(OUT)/slub/fuzz/model.o
SLUB_DEPS := slub/rules.mk slub/host.h slub/model.h $(wildcard slub/include/asm/*.h)
$(OUT)/slub/%.o: $(TANGLE)/%.c $(SLUB_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (slub)"
	$(Q)$(CC) $(SLUB_CFLAGS) -c $< -o $@
$(OUT)/slub/%.o: slub/%.c $(SLUB_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  slub/$*.c"
	$(Q)$(CC) $(SLUB_CFLAGS) -c $< -o $@
$(OUT)/slub/fuzz/%.o: $(TANGLE)/%.c $(SLUB_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (slub fuzzer)"
	$(Q)$(CC) $(SLUB_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/slub/fuzz/%.o: slub/%.c $(SLUB_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  slub/$*.c (fuzzer)"
	$(Q)$(CC) $(SLUB_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/slub-test: $(OUT)/slub/test.o $(SLUB_OBJ) $(KOBJ) slub/libc.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -DNO_MAIN -o $@ slub/libc.c stubs.c $(OUT)/slub/test.o $(SLUB_OBJ) $(KOBJ) -Wl,-T,sections.ld
$(OUT)/fuzz-slub: $(OUT)/slub/fuzz/fuzz.o $(SLUB_FOBJ) $(FKOBJ) slub/libc.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -fsanitize=fuzzer -DNO_MAIN -o $@ slub/libc.c stubs.c $(OUT)/slub/fuzz/fuzz.o $(SLUB_FOBJ) $(FKOBJ) -Wl,-T,sections.ld
# A few seconds each: two seeds without debugging, one with slab_debug=FZPU.
slub-unit: $(OUT)/slub-test
	$(Q)for a in "1 60000" "2 60000" "3 30000 slab_debug=FZPU"; do \
	  $(OUT)/slub-test $$a > $(OUT)/slub-test.log 2>&1 || { tail -40 $(OUT)/slub-test.log; exit 1; }; \
	  sed 's/^/host slub (ASan+UBSan): /' $(OUT)/slub-test.log; done
slub-fuzz: $(OUT)/fuzz-slub
	@mkdir -p $(OUT)/corpus-slub
	@echo "fuzz-slub: $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-slub -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 -artifact_prefix=$(OUT)/ \
	    $(OUT)/corpus-slub 2>$(OUT)/fuzz-slub.log || { tail -40 $(OUT)/fuzz-slub.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-slub.log | tail -1 | sed "s/^/fuzz-slub: /"
-include $(SLUB_OBJ:.o=.d) $(SLUB_FOBJ:.o=.d)

# The benchmark: no sanitizers, gcc -O2 with the kernel's code-generation flags (those of
# tangle/Makefile that a user-space program can keep), then callgrind's instruction
# counts per alloc+free pair, ours against glibc's malloc and mimalloc (slub/bench-callgrind).
.PHONY: slub-bench
SLUB_BENCH_CFLAGS := -std=gnu11 -O2 -gdwarf-4 -fno-builtin -mno-red-zone -fno-pie \
    -mno-sse -mno-sse2 -mno-mmx -mno-80387 -fno-stack-protector -fno-omit-frame-pointer \
    -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables -fno-strict-aliasing \
    -Wall -Wextra -Werror -Wno-unused-parameter -Wno-format -Wno-format-extra-args $(RENAME) \
    -Islub/include -I$(TANGLE)/include -I$(TANGLE)/arch/x86/include -I$(TANGLE)/mm -Islub -MMD -MP -DHOST_NO_SETUP
SLUB_BENCH_KSRC := $(SLUB_KSRC) lib/string.c lib/vsprintf.c lib/kstrtox.c
SLUB_BOBJ = $(addprefix $(OUT)/slub/bench/,$(SLUB_BENCH_KSRC:.c=.o)) $(OUT)/slub/bench/host.o $(OUT)/slub/bench/bench.o
$(OUT)/slub/bench/%.o: $(TANGLE)/%.c $(SLUB_DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC      $*.c (slub bench, -O2)"
	$(Q)gcc $(SLUB_BENCH_CFLAGS) -c $< -o $@
$(OUT)/slub/bench/%.o: slub/%.c $(SLUB_DEPS) slub/bench.h
	@mkdir -p $(dir $@)
	@echo "  CC      slub/$*.c (bench, -O2)"
	$(Q)gcc $(SLUB_BENCH_CFLAGS) -c $< -o $@
$(OUT)/bench-slub: $(SLUB_BOBJ) slub/bench_libc.c slub/libc.c stubs.c
	@echo "  LD      $@"
	$(Q)gcc -std=gnu11 -O2 -gdwarf-4 -fno-builtin -fno-pie -no-pie -Wall -Wextra -Werror $(RENAME) -DNO_MAIN \
	    -o $@ slub/bench_libc.c slub/libc.c stubs.c $(SLUB_BOBJ) -ldl
slub-bench: $(OUT)/bench-slub
	$(Q)slub/bench-callgrind $(OUT)/bench-slub
-include $(SLUB_BOBJ:.o=.d)
