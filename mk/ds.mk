# mk/ds.mk: the data-structures chapter's benchmark.  The host harness builds the kernel's
# lib/rbtree.c without sanitizers and counts instructions per insert, find and erase with
# callgrind for N = 10^3 .. 10^6 (tools/host/ds/bench-callgrind).
BENCH_TARGETS += bench-rbtree
.PHONY: bench-rbtree
bench-rbtree: tangle ## Red-black tree: instructions (callgrind) and ns per operation, N = 10^3..10^6
	@$(MAKE) --no-print-directory -C tools/host TANGLE=$(CURDIR)/$(TANGLE) OUT=$(CURDIR)/$(BUILD)/host ds-bench
