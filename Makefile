# The book's entry point.  `make help` lists the targets.
# Each area of work keeps its targets in mk/NAME.mk; this file holds the core ones.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Knobs for `make run` (the tests use the same runner, tools/qemu-run).
SMP       ?= 2
MEM       ?= 512M
NUMA      ?=
CMDLINE   ?=
QEMUFLAGS ?=
TIMEOUT   ?=

TANGLE := tangle
BUILD  := build
KERNEL := $(BUILD)/kernel.elf
ISO    := $(BUILD)/kernel.iso

.PHONY: help deps deps-core tangle build run test test-kernel test-host clean

help: ## Show this list
	@echo "Targets:"; grep -h -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	  sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 24
	@echo "Knobs for run: SMP=$(SMP) MEM=$(MEM) NUMA=$(NUMA) CMDLINE='$(CMDLINE)' QEMUFLAGS='$(QEMUFLAGS)'"

deps: ## Install every Debian package the book needs (sudo when not root)
	@tools/deps all

deps-core:
	@tools/deps core

tangle: deps-core ## Extract the kernel from chapters/*.nw into tangle/
	@tools/tangle

# The kernel's own makefile is tangled from chapter 01; it builds out of tree into build/.
build: tangle ## Compile the kernel and make build/kernel.iso
	@$(MAKE) --no-print-directory -C $(TANGLE) O=$(CURDIR)/$(BUILD) iso

run: build ## Boot the kernel in QEMU (quit with Ctrl-A X)
	@tools/qemu-run --smp "$(SMP)" --mem "$(MEM)" --numa "$(NUMA)" \
	  --cmdline "$(CMDLINE)" --interactive $(if $(TIMEOUT),--timeout $(TIMEOUT)) -- $(QEMUFLAGS)

# Each mk/*.mk may append its own checks to TEST_TARGETS.
TEST_TARGETS := test-host test-kernel
test: build ## Run every test: host harnesses, fuzzers, boots (and what mk/*.mk add)
	@$(MAKE) --no-print-directory -k $(TEST_TARGETS)

test-kernel: build ## Boot the test machines through prove
	@prove -f $(PROVEFLAGS) tools/tests/

test-host: tangle ## Host harnesses under ASan/UBSan and the bounded fuzz runs
	@$(MAKE) --no-print-directory -C tools/host TANGLE=$(CURDIR)/$(TANGLE) OUT=$(CURDIR)/$(BUILD)/host test

clean: ## Remove tangle/ and build/
	rm -rf $(TANGLE) $(BUILD)

-include $(sort $(wildcard mk/*.mk))
