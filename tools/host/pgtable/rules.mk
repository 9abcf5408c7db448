# tools/host/pgtable/rules.mk: included by tools/host/Makefile.  Chapter 31's direct-map
# builder (arch/x86/mm/init.c and init_64.c, as tangled) over chapter 30's memblock, on a
# window of host address space that stands for physical memory (pgtable/machine.c): random
# memory maps checked page by page under ASan+UBSan, a libFuzzer target over the memory
# map, and callgrind counts for make bench-pgtable.
.PHONY: pgtable-unit pgtable-fuzz pgtable-bench
unit: pgtable-unit
fuzz: pgtable-fuzz
PGT_KSRC := mm/memblock.c arch/x86/mm/init_64.c
PGT_CFLAGS = -Ipgtable/include $(KCFLAGS) -I$(TANGLE) -Ipgtable
PGT_DEPS := pgtable/rules.mk pgtable/machine.h xorshift.h pgtable/include/asm/page.h slub/include/asm/page.h \
            $(TANGLE)/arch/x86/mm/init.c
PGT_KOBJ  = $(addprefix $(OUT)/pgtable/,$(PGT_KSRC:.c=.o) host_init.o machine.o)
PGT_FKOBJ = $(addprefix $(OUT)/pgtable/fuzz/,$(PGT_KSRC:.c=.o) host_init.o machine.o)
PGT_LIBC := pgtable/libc.c pgtable/map.c
$(OUT)/pgtable/%.o: $(TANGLE)/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (pgtable)"
	$(Q)$(CC) $(PGT_CFLAGS) -c $< -o $@
$(OUT)/pgtable/%.o: pgtable/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  pgtable/$*.c"
	$(Q)$(CC) $(PGT_CFLAGS) -c $< -o $@
$(OUT)/pgtable/fuzz/%.o: $(TANGLE)/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (pgtable fuzzer)"
	$(Q)$(CC) $(PGT_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/pgtable/fuzz/%.o: pgtable/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  pgtable/$*.c (fuzzer)"
	$(Q)$(CC) $(PGT_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/pgtable-test: pgtable/test.c $(PGT_LIBC) xorshift.h $(PGT_KOBJ) $(KOBJ) stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -Ipgtable -DNO_MAIN -o $@ pgtable/test.c $(PGT_LIBC) stubs.c $(PGT_KOBJ) $(KOBJ) -Wl,-T,sections.ld
$(OUT)/fuzz-pgtable: pgtable/fuzz.c $(PGT_LIBC) xorshift.h $(PGT_FKOBJ) $(FKOBJ) stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -Ipgtable -fsanitize=fuzzer -DNO_MAIN -o $@ pgtable/fuzz.c $(PGT_LIBC) stubs.c $(PGT_FKOBJ) $(FKOBJ) -Wl,-T,sections.ld
# Two seeds of 50 maps each, every map built 4k-only, up to 2M and up to 1G.
pgtable-unit: $(OUT)/pgtable-test
	$(Q)for s in 1 2; do \
	  $(OUT)/pgtable-test $$s 50 > $(OUT)/pgtable-test.log 2>&1 || { tail -40 $(OUT)/pgtable-test.log; exit 1; }; \
	  sed 's/^/host pgtable (ASan+UBSan): /' $(OUT)/pgtable-test.log; done
pgtable-fuzz: $(OUT)/fuzz-pgtable
	@mkdir -p $(OUT)/corpus-pgtable
	@echo "fuzz-pgtable: $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-pgtable -max_total_time=$(FUZZ_SECONDS) -max_len=512 -rss_limit_mb=4096 -print_final_stats=0 \
	    -artifact_prefix=$(OUT)/ $(OUT)/corpus-pgtable 2>$(OUT)/fuzz-pgtable.log || { tail -40 $(OUT)/fuzz-pgtable.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-pgtable.log | tail -1 | sed "s/^/fuzz-pgtable: /"
-include $(PGT_KOBJ:.o=.d) $(PGT_FKOBJ:.o=.d)

# The benchmark: no sanitizers, gcc -O2 with the kernel's flags (slub's SLUB_BENCH_CFLAGS,
# whose kernel library objects it shares), callgrind's instruction counts of each build
# and the page-table pages it took (pgtable/bench-callgrind).
PGT_BENCH_CFLAGS = -Ipgtable/include $(SLUB_BENCH_CFLAGS) -I$(TANGLE) -Ipgtable
PGT_BOBJ = $(addprefix $(OUT)/pgtable/bench/,$(PGT_KSRC:.c=.o) host_init.o machine.o bench.o libc.o map.o) \
           $(addprefix $(OUT)/slub/bench/,lib/string.o lib/vsprintf.o lib/kstrtox.o)
$(OUT)/pgtable/bench/%.o: $(TANGLE)/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC      $*.c (pgtable bench, -O2)"
	$(Q)gcc $(PGT_BENCH_CFLAGS) -c $< -o $@
$(OUT)/pgtable/bench/%.o: pgtable/%.c $(PGT_DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC      pgtable/$*.c (bench, -O2)"
	$(Q)gcc $(PGT_BENCH_CFLAGS) -c $< -o $@
$(OUT)/bench-pgtable-host: $(PGT_BOBJ) stubs.c
	@echo "  LD      $@"
	$(Q)gcc -std=gnu11 -O2 -gdwarf-4 -fno-builtin -fno-pie -no-pie -Wall -Wextra -Werror $(RENAME) -DNO_MAIN \
	    -o $@ stubs.c $(PGT_BOBJ)
pgtable-bench: $(OUT)/bench-pgtable-host
	$(Q)pgtable/bench-callgrind $(OUT)/bench-pgtable-host
-include $(PGT_BOBJ:.o=.d)
