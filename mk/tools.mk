# mk/tools.mk: checks of the tools themselves and of the machine the book is made on.
#   test-tools    the one boot-log reader (tools/lib/bootlog.py) on recorded logs
#   test-deps     tools/deps names every package the build, the boots and the PDF use, and
#                 every package it names is used (tools/depcheck; it reads the list of
#                 files xelatex opened for the PDF, so it runs after test-pdf)
#   test-browser  the HTML book in headless chromium: search, dark mode, no sideways
#                 scrolling at 390 px (tools/browsertest; after test-book wove the HTML)
.PHONY: test-tools test-deps test-browser

test-tools: ## Test the boot-log reader on recorded logs (broken ones too)
	@python3 -m unittest discover -s tools/lib/tests

test-deps: build ## Prove tools/deps complete: every file the book uses comes from its packages
	@[ -f $(BUILD)/book/pdf/book.fls ] || $(MAKE) --no-print-directory pdf
	@tools/depcheck --fls $(BUILD)/book/pdf/book.fls

test-browser: deps-book ## The HTML book in headless chromium: search, dark mode, 390 px wide
	@[ -f $(BUILD)/book/html/index.html ] || $(MAKE) --no-print-directory html
	@tools/browsertest --html $(BUILD)/book/html

TEST_TARGETS += test-tools test-deps test-browser
