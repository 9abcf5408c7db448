# Benchmarks: measured side by side, never timed tests.  Each area appends its own target
# to BENCH_TARGETS; `make bench` runs them all.
BENCH_TARGETS += bench-boot
.PHONY: bench bench-boot
bench: build ## Run every benchmark (boot time, …) and print the figures
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)

BENCH_RUNS ?= 9
bench-boot: build ## QEMU wall time from start to the kernel's exit (test mode, 512M), min and median
	@tools/bench-boot --runs $(BENCH_RUNS) --mem 512M --smp 2 --cmdline "test=all"

# Chapters 20 and 21: cycles per atomic operation (aligned, split lock, barriers), litmus
# iterations per second at -smp 2, and how often SB's reordering shows (tools/bench-litmus).
BENCH_TARGETS += bench-litmus
.PHONY: bench-litmus
bench-litmus: build ## Atomics and litmus tests: cycles per op, litmus iterations/s, SB reorder rate
	@tools/bench-litmus

# Chapter 23: uncontended lock cost (test-and-set, ticket, qspinlock, spin_lock with lockdep)
# and contended throughput and fairness at -smp 2 and 4 (tools/bench-locks).
BENCH_TARGETS += bench-locks
.PHONY: bench-locks
bench-locks: build ## Spinlocks: cycles per uncontended lock, contended throughput and max/min fairness
	@tools/bench-locks

# The buddy allocator's per-CPU lists: order-0 pairs through them and bypassing them, with
# 1, 2 and 4 CPUs allocating at once, one boot each, side by side (tools/bench-buddy).
BENCH_TARGETS += bench-buddy
.PHONY: bench-buddy
bench-buddy: build ## Buddy allocator: cycles per order-0 alloc+free through the pcp lists vs the buddy lists, on 1/2/4 vCPUs at once
	@tools/bench-buddy

# Chapter 35: vmalloc+vfree against alloc_pages, flush IPIs lazy against immediate, and the
# augmented tree's search against a list walk as busy areas grow (tools/bench-vmalloc).
BENCH_TARGETS += bench-vmalloc
.PHONY: bench-vmalloc
bench-vmalloc: build ## vmalloc: cost against alloc_pages, flush IPIs lazy vs immediate, tree vs list search
	@tools/bench-vmalloc

# Chapter 34 on the host: callgrind's instructions per alloc+free pair on the slab
# allocator's fast paths (kmem_cache, kmalloc(64)) beside glibc's malloc and mimalloc's on
# the same sequence, in one run (tools/host/slub/bench-callgrind).
BENCH_TARGETS += bench-slab-host
.PHONY: bench-slab-host
bench-slab-host: tangle ## Slab allocator on the host: instructions per alloc+free pair vs glibc malloc and mimalloc
	@$(MAKE) --no-print-directory -C tools/host TANGLE=$(CURDIR)/$(TANGLE) OUT=$(CURDIR)/$(BUILD)/host slub-bench

# Chapter 33 on the host: callgrind's instructions per alloc_pages()+__free_pages() pair,
# order 0 through the per-CPU lists and bypassing them, order 3 through the free lists
# (tools/host/buddy/bench-callgrind), as the kernel is built and with its debugging checks
# off (harness only); the in-guest cycles are bench-buddy's.
BENCH_TARGETS += bench-buddy-host
.PHONY: bench-buddy-host
bench-buddy-host: tangle ## Buddy allocator on the host: instructions per order-0 pair with and without the pcp lists, order 3; as built, CONFIG_DEBUG_LIST=0, and CONFIG_DEBUG_VM=0 too, side by side
	@$(MAKE) --no-print-directory -C tools/host TANGLE=$(CURDIR)/$(TANGLE) OUT=$(CURDIR)/$(BUILD)/host buddy-bench

# Chapter 31: the direct map of 4 GiB built three ways by the chapter's builder on the host
# (4 KiB pages only, up to 2 MiB, up to 1 GiB): page-table pages and callgrind instructions,
# with the ratios to the 1 GiB build (tools/host/pgtable/bench-callgrind); then the boot
# time, start to poweroff without tests, at 4 GiB against 512 MiB (tools/bench-boot), and
# the ratio of the medians.
BENCH_TARGETS += bench-pgtable
.PHONY: bench-pgtable
bench-pgtable: build ## Page tables: the 4 GiB direct map in 4k/2M/1G pages (tables, instructions); boot time 4G vs 512M
	@$(MAKE) --no-print-directory -C tools/host TANGLE=$(CURDIR)/$(TANGLE) OUT=$(CURDIR)/$(BUILD)/host pgtable-bench
	@mkdir -p $(BUILD)/logs
	@small=$$(tools/bench-boot --runs $(BENCH_RUNS) --mem 512M --smp 2 --cmdline "") && echo "$$small" && \
	 big=$$(tools/bench-boot --runs $(BENCH_RUNS) --mem 4G --smp 2 --cmdline "") && echo "$$big" && \
	 m1=$$(echo "$$small" | sed -n 's/.*median \([0-9]*\) ms.*/\1/p') && \
	 m2=$$(echo "$$big" | sed -n 's/.*median \([0-9]*\) ms.*/\1/p') && \
	 awk -v a="$$m1" -v b="$$m2" 'BEGIN { if (a == "" || b == "" || a == 0) { print "bench-pgtable: no medians to compare"; exit 1 } \
	   printf "bench-pgtable: boot to poweroff at 4G takes %.2f x the time at 512M (median %d ms against %d ms)\n", b / a, b, a }'

# Chapter 24: a context switch between two kthreads on one CPU, an uncontended mutex against a
# spinlock, and the latency from complete() to the woken task running, in one boot
# (tools/bench-threads).
BENCH_TARGETS += bench-threads
.PHONY: bench-threads
bench-threads: build ## Threads: cycles per context switch, mutex vs spinlock, complete() wake-up latency
	@tools/bench-threads

# Chapter 32: the cost of struct pages.  Boot to poweroff (no tests) at 4 GiB against
# 512 MiB in one run, with deferred struct page initialisation and without
# (deferred_struct_page_init=off), the ratio of the medians each way (the goal: 4G <= 1.15 x
# 512M) and pgdatinit0's own time, and at each
# size the mm_init suite's own line: present sections, the number and size of struct
# pages, the memmap's KiB and its share of RAM (tools/bench-nodes).
BENCH_TARGETS += bench-nodes
.PHONY: bench-nodes
bench-nodes: build ## Nodes and zones: boot time 4G vs 512M (ratio, deferred init on and off), sizeof(struct page) and the memmap's share of RAM
	@tools/bench-nodes --runs $(BENCH_RUNS)

# RCU: readers against an rwlock's on 1, 2 and 4 CPUs, grace-period latency normal and
# expedited, call_rcu() throughput, side by side in each boot (tools/bench-rcu).
BENCH_TARGETS += bench-rcu
.PHONY: bench-rcu
bench-rcu: build ## RCU: reader cost vs an rwlock at 1/2/4 vCPUs, synchronize_rcu vs expedited, call_rcu throughput
	@tools/bench-rcu

# Chapter 34: kmem_cache_alloc+free in the guest: the fast path as a whole loop, then each
# call timed and sorted into fast and slow path, and remote frees, on 1, 2 and 4 vCPUs at
# once (tools/bench-slab).
BENCH_TARGETS += bench-slab
.PHONY: bench-slab
bench-slab: build ## Slab allocator: cycles per alloc+free pair, fast vs slow path vs remote free, on 1/2/4 vCPUs
	@tools/bench-slab
