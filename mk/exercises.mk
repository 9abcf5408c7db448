# Exercises that patch chapters, graded by booting (tools/grade; HACKING.md, "Exercises").
.PHONY: exercises exercise grade test-exercises

exercises: ## List the exercises, with how far you got in each
	@tools/grade list

exercise: ## Start exercise EX=name: a working copy in .work/name with the solution removed
	@tools/grade start $(EX)

grade: ## Tangle, build, boot and score exercise EX=name (without EX: every one started)
	@tools/grade grade $(EX)

# CI: every exercise, both ways: the hole fails its tests, the pristine chapters pass them.
TEST_TARGETS += test-exercises
test-exercises: build ## Prove every exercise: its hole fails the graded tests, the book passes
	@tools/grade ci $(EX)
