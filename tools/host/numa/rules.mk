# tools/host/numa/rules.mk: included by tools/host/Makefile.  Chapter 32's SRAT/SLIT
# parser, node set-up, zone sizes and watermarks (the tangled drivers/acpi/numa/srat.c,
# arch/x86/mm/srat.c, arch/x86/mm/numa.c, mm/numa_memblks.c, mm/numa.c, mm/mm_init.c,
# with chapter 10's drivers/acpi/tables.c and mm/memblock.c) on a host PC (numa/machine.c):
# cases with crafted tables and an independent zone/watermark model under ASan+UBSan,
# one process per case, and a libFuzzer target on the tables.
.PHONY: numa-unit numa-fuzz
unit: numa-unit
fuzz: numa-fuzz
NUMA_KSRC := drivers/acpi/tables.c drivers/acpi/numa/srat.c arch/x86/mm/srat.c arch/x86/mm/numa.c \
             mm/numa_memblks.c mm/numa.c mm/mm_init.c mm/memblock.c lib/math/int_sqrt.c
NUMA_CFLAGS = -Islub/include $(KCFLAGS) -I$(TANGLE)/mm
NUMA_DEPS := numa/rules.mk numa/host.h numa/srat.h $(wildcard slub/include/asm/*.h)
NUMA_OBJ   = $(addprefix $(OUT)/numa/,$(NUMA_KSRC:.c=.o) machine.o)
# The fuzzer hands its tables over itself (fuzz.c's acpi_get_table), without chapter 10's tables.c.
NUMA_FOBJ  = $(addprefix $(OUT)/numa/fuzz/,$(patsubst %.c,%.o,$(filter-out drivers/acpi/tables.c,$(NUMA_KSRC))) machine.o)
$(OUT)/numa/%.o: $(TANGLE)/%.c $(NUMA_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (numa)"
	$(Q)$(CC) $(NUMA_CFLAGS) -c $< -o $@
$(OUT)/numa/%.o: numa/%.c $(NUMA_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  numa/$*.c"
	$(Q)$(CC) $(NUMA_CFLAGS) -c $< -o $@
$(OUT)/numa/fuzz/%.o: $(TANGLE)/%.c $(NUMA_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (numa fuzzer)"
	$(Q)$(CC) $(NUMA_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/numa/fuzz/%.o: numa/%.c $(NUMA_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  numa/$*.c (fuzzer)"
	$(Q)$(CC) $(NUMA_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/numa-test: $(OUT)/numa/test.o $(NUMA_OBJ) $(KOBJ) numa/libc.c slub/libc.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -DNO_MAIN -o $@ numa/libc.c slub/libc.c stubs.c $(OUT)/numa/test.o $(NUMA_OBJ) $(KOBJ) -Wl,-T,sections.ld
$(OUT)/fuzz-numa: $(OUT)/numa/fuzz/fuzz.o $(NUMA_FOBJ) $(FKOBJ) numa/libc.c slub/libc.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -fsanitize=fuzzer -DNO_MAIN -o $@ numa/libc.c slub/libc.c stubs.c $(OUT)/numa/fuzz/fuzz.o $(NUMA_FOBJ) $(FKOBJ) -Wl,-T,sections.ld
numa-unit: $(OUT)/numa-test
	$(Q)$(OUT)/numa-test > $(OUT)/numa-test.log 2>&1; st=$$?; \
	  sed 's/^/host numa (ASan+UBSan): /' $(OUT)/numa-test.log; exit $$st
numa-fuzz: $(OUT)/fuzz-numa
	@mkdir -p $(OUT)/corpus-numa
	@echo "fuzz-numa: $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-numa -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 -artifact_prefix=$(OUT)/ \
	    $(OUT)/corpus-numa corpus/numa 2>$(OUT)/fuzz-numa.log || { tail -40 $(OUT)/fuzz-numa.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-numa.log | tail -1 | sed "s/^/fuzz-numa: /"
-include $(NUMA_OBJ:.o=.d) $(NUMA_FOBJ:.o=.d)
