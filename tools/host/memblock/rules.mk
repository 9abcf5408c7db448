# tools/host/memblock/rules.mk: included by tools/host/Makefile.  mm/memblock.c and the
# e820 sanitizer under ASan+UBSan (unit tests) and libFuzzer (FUZZ_SECONDS each).
.PHONY: memblock-unit memblock-fuzz
unit: memblock-unit
fuzz: memblock-fuzz
memblock-unit:
	@$(MAKE) --no-print-directory -C memblock unit TANGLE=$(TANGLE) OUT=$(OUT)
memblock-fuzz:
	@$(MAKE) --no-print-directory -C memblock fuzz TANGLE=$(TANGLE) OUT=$(OUT) FUZZ_SECONDS=$(FUZZ_SECONDS)
