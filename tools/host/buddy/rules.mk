# tools/host/buddy/rules.mk: included by tools/host/Makefile.  Chapter 33's buddy
# allocator (mm/page_alloc.c as tangled) on the host, over a machine of one node and
# one zone set up the way chapters 32 and 30 leave it (buddy/machine.c, on top of the
# slab harness's slub/host.c built with HOST_BUDDY): a randomized model-based test under
# ASan+UBSan checked after every operation, a libFuzzer target on an operation stream,
# and callgrind counts for make bench.
.PHONY: buddy-unit buddy-fuzz buddy-bench
unit: buddy-unit
fuzz: buddy-fuzz
# page poisoning (mm/page_poison.c, lib/hexdump.c) when the chapter has it
BUDDY_KSRC := mm/page_alloc.c lib/list_debug.c fs/seq_file.c \
              $(patsubst $(TANGLE)/%,%,$(wildcard $(TANGLE)/mm/page_poison.c $(TANGLE)/lib/hexdump.c))
# Linux 6.12 builds with -fno-strict-overflow, under which find_buddy_page_pfn()'s
# page + (buddy_pfn - pfn) may wrap (buddy below page); clang 14 still flags it as a
# pointer overflow, so that one check is off here, and only here.
BUDDY_CFLAGS = -Ibuddy/include -Islub/include $(KCFLAGS) -I$(TANGLE)/mm -DHOST_BUDDY -fno-strict-overflow -fno-sanitize=pointer-overflow
BUDDY_DEPS := buddy/rules.mk buddy/machine.h buddy/model.h buddy/ops.h slub/host.h $(wildcard slub/include/asm/*.h buddy/include/asm/*.h)
BUDDY_HOST := host.o machine.o model.o ops.o
BUDDY_OBJ   = $(addprefix $(OUT)/buddy/,$(BUDDY_KSRC:.c=.o) $(BUDDY_HOST))
BUDDY_FOBJ  = $(addprefix $(OUT)/buddy/fuzz/,$(BUDDY_KSRC:.c=.o) $(BUDDY_HOST))
$(OUT)/buddy/%.o: $(TANGLE)/%.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (buddy)"
	$(Q)$(CC) $(BUDDY_CFLAGS) -c $< -o $@
$(OUT)/buddy/host.o: slub/host.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BUDDY_CFLAGS) -c $< -o $@
$(OUT)/buddy/%.o: buddy/%.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  buddy/$*.c"
	$(Q)$(CC) $(BUDDY_CFLAGS) -c $< -o $@
$(OUT)/buddy/fuzz/%.o: $(TANGLE)/%.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $*.c (buddy fuzzer)"
	$(Q)$(CC) $(BUDDY_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/buddy/fuzz/host.o: slub/host.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(BUDDY_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/buddy/fuzz/%.o: buddy/%.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  buddy/$*.c (fuzzer)"
	$(Q)$(CC) $(BUDDY_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(OUT)/buddy-test: $(OUT)/buddy/test.o $(BUDDY_OBJ) $(KOBJ) slub/libc.c buddy/vmemmap.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -DNO_MAIN -o $@ slub/libc.c buddy/vmemmap.c stubs.c $(OUT)/buddy/test.o $(BUDDY_OBJ) $(KOBJ) -Wl,-T,sections.ld
$(OUT)/fuzz-buddy: $(OUT)/buddy/fuzz/fuzz.o $(BUDDY_FOBJ) $(FKOBJ) slub/libc.c buddy/vmemmap.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -fsanitize=fuzzer -DNO_MAIN -o $@ slub/libc.c buddy/vmemmap.c stubs.c $(OUT)/buddy/fuzz/fuzz.o $(BUDDY_FOBJ) $(FKOBJ) -Wl,-T,sections.ld
buddy-unit: $(OUT)/buddy-test
	$(Q)for s in 1 2; do \
	  $(OUT)/buddy-test $$s 20000 > $(OUT)/buddy-test.log 2>&1 || { tail -40 $(OUT)/buddy-test.log; exit 1; }; \
	  sed 's/^/host buddy (ASan+UBSan): /' $(OUT)/buddy-test.log; done
buddy-fuzz: $(OUT)/fuzz-buddy
	@mkdir -p $(OUT)/corpus-buddy
	@echo "fuzz-buddy: $(FUZZ_SECONDS) s"
	$(Q)$(OUT)/fuzz-buddy -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 -artifact_prefix=$(OUT)/ \
	    $(OUT)/corpus-buddy 2>$(OUT)/fuzz-buddy.log || { tail -40 $(OUT)/fuzz-buddy.log; exit 1; }
	@grep -E '^#[0-9]+' $(OUT)/fuzz-buddy.log | tail -1 | sed "s/^/fuzz-buddy: /"
-include $(BUDDY_OBJ:.o=.d) $(BUDDY_FOBJ:.o=.d)

# The benchmark: no sanitizers, gcc -O2 with the kernel's flags (as slub's), and
# buddy/bench.c includes the tangled page_alloc.c to reach its pcp_bypass switch.
BUDDY_BOBJ = $(OUT)/buddy/bench/bench.o $(OUT)/buddy/bench/machine.o $(OUT)/buddy/bench/host.o \
             $(addprefix $(OUT)/slub/bench/,lib/list_debug.o fs/seq_file.o lib/string.o lib/vsprintf.o lib/kstrtox.o \
               $(patsubst $(TANGLE)/%.c,%.o,$(wildcard $(TANGLE)/mm/page_poison.c $(TANGLE)/lib/hexdump.c)))
$(OUT)/buddy/bench/host.o: slub/host.c $(BUDDY_DEPS)
	@mkdir -p $(dir $@)
	$(Q)gcc -Ibuddy/include $(SLUB_BENCH_CFLAGS) -DHOST_BUDDY -c $< -o $@
$(OUT)/buddy/bench/%.o: buddy/%.c $(BUDDY_DEPS) $(TANGLE)/mm/page_alloc.c
	@mkdir -p $(dir $@)
	@echo "  CC      buddy/$*.c (bench, -O2)"
	$(Q)gcc -Ibuddy/include $(SLUB_BENCH_CFLAGS) -DHOST_BUDDY -c $< -o $@
$(OUT)/bench-buddy-host: $(BUDDY_BOBJ) slub/bench_libc.c slub/libc.c buddy/vmemmap.c stubs.c
	@echo "  LD      $@"
	$(Q)gcc -std=gnu11 -O2 -gdwarf-4 -fno-builtin -fno-pie -no-pie -Wall -Wextra -Werror $(RENAME) -DNO_MAIN \
	    -o $@ slub/bench_libc.c slub/libc.c buddy/vmemmap.c stubs.c $(BUDDY_BOBJ) -ldl
# The same benchmark built again with Linux's debugging options turned off, which only
# the harness does (the kernel is built like a debug kernel and always checks): once with
# CONFIG_DEBUG_LIST defined as 0 (chapter 22's list checks), once more with
# CONFIG_DEBUG_VM as 0 too (chapter 33's check_pages_enabled off, Linux 6.12's default
# without CONFIG_DEBUG_VM), run side by side, so that the report shows what the checks
# cost and never hides them.
BUDDY_BENCH_COMMON = $(filter-out $(OUT)/buddy/bench/%,$(BUDDY_BOBJ))
define buddy_bench_variant
$$(OUT)/buddy/bench-$(1)/host.o: slub/host.c $$(BUDDY_DEPS)
	@mkdir -p $$(dir $$@)
	$$(Q)gcc -Ibuddy/include $$(SLUB_BENCH_CFLAGS) -DHOST_BUDDY $(2) -c $$< -o $$@
$$(OUT)/buddy/bench-$(1)/%.o: buddy/%.c $$(BUDDY_DEPS) $$(TANGLE)/mm/page_alloc.c
	@mkdir -p $$(dir $$@)
	@echo "  CC      buddy/$$*.c (bench, -O2, $(2))"
	$$(Q)gcc -Ibuddy/include $$(SLUB_BENCH_CFLAGS) -DHOST_BUDDY $(2) -c $$< -o $$@
$$(OUT)/bench-buddy-host-$(1): $$(addprefix $$(OUT)/buddy/bench-$(1)/,bench.o machine.o host.o) $$(BUDDY_BENCH_COMMON) slub/bench_libc.c slub/libc.c buddy/vmemmap.c stubs.c
	@echo "  LD      $$@"
	$$(Q)gcc -std=gnu11 -O2 -gdwarf-4 -fno-builtin -fno-pie -no-pie -Wall -Wextra -Werror $$(RENAME) -DNO_MAIN \
	    -o $$@ slub/bench_libc.c slub/libc.c buddy/vmemmap.c stubs.c $$(filter %.o,$$^) -ldl
-include $$(addprefix $$(OUT)/buddy/bench-$(1)/,bench.d machine.d host.d)
endef
$(eval $(call buddy_bench_variant,nodebuglist,-DCONFIG_DEBUG_LIST=0))
$(eval $(call buddy_bench_variant,nodebug,-DCONFIG_DEBUG_LIST=0 -DCONFIG_DEBUG_VM=0))
buddy-bench: $(OUT)/bench-buddy-host $(OUT)/bench-buddy-host-nodebuglist $(OUT)/bench-buddy-host-nodebug
	$(Q)buddy/bench-callgrind $(OUT)/bench-buddy-host $(OUT)/bench-buddy-host-nodebuglist \
	    $(OUT)/bench-buddy-host-nodebug
-include $(BUDDY_BOBJ:.o=.d)
