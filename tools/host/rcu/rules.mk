# tools/host/rcu/rules.mk: included by tools/host/Makefile.  The RCU chapter's segmented
# callback list (kernel/rcu/rcu_segcblist.c as tangled) under ASan+UBSan against a model
# of what RCU promises its callbacks (rcu/test.c).
.PHONY: rcu-unit
unit: rcu-unit
RCU_OBJ = $(OUT)/rcu/kernel/rcu/rcu_segcblist.o $(OUT)/rcu/test.o $(OUT)/slub/libc.o
$(OUT)/rcu/kernel/rcu/%.o: $(TANGLE)/kernel/rcu/%.c rcu/rules.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  kernel/rcu/$*.c"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(OUT)/rcu/test.o: rcu/test.c rcu/rules.mk slub/host.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  rcu/test.c"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(OUT)/rcu-segcblist-test: $(OUT)/rcu/kernel/rcu/rcu_segcblist.o $(OUT)/rcu/test.o $(KOBJ) slub/libc.c stubs.c sections.ld
	@echo "  HOSTLD  $@"
	$(Q)$(CC) $(HCFLAGS) -DNO_MAIN -o $@ slub/libc.c stubs.c $(OUT)/rcu/test.o $(OUT)/rcu/kernel/rcu/rcu_segcblist.o $(KOBJ) -Wl,-T,sections.ld
rcu-unit: $(OUT)/rcu-segcblist-test
	$(Q)for s in 1 2; do \
	  $(OUT)/rcu-segcblist-test $$s 100000 > $(OUT)/rcu-segcblist-test.log 2>&1 || { tail -20 $(OUT)/rcu-segcblist-test.log; exit 1; }; \
	  sed 's/^/host rcu (ASan+UBSan): /' $(OUT)/rcu-segcblist-test.log; done
