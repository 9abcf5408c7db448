# mk/book.mk: weave chapters/*.nw into the HTML and PDF book (tools/weave/).
# The converter, the link checker, the call-graph extractor and the transcript capture
# live in tools/weave/; book-level sources (templates, CSS/JS, LaTeX preamble,
# bibliography, glossary, questions) in book/.  Output goes to build/book/.
WEAVE := python3 tools/weave/book.py
BOOK_OUT := $(BUILD)/book

.PHONY: book html pdf figures test-book test-pdf deps-book

deps-book:
	@tools/deps book

book: html pdf ## Weave the book: HTML (build/book/html/) and PDF (build/book/book.pdf)

html: deps-book tangle ## Weave the HTML book into build/book/html/ (open index.html)
	@$(WEAVE) html --out $(BOOK_OUT)

pdf: deps-book tangle ## Weave the PDF book into build/book/book.pdf (pandoc + xelatex)
	@$(WEAVE) pdf --out $(BOOK_OUT)

figures: deps-book tangle ## Render figures/*.dot and the call graphs to SVG and PDF
	@$(WEAVE) figures --out $(BOOK_OUT)

# First the literate style: in every chapter at least 70% of the code lines sit in fragments
# named for what they do (tools/fragment-share).  Then the weaver's own tests on a fixture
# book (both formats, PDF bookmarks included), then the real book's HTML: it builds with no
# warning, every internal link resolves, the indexes are complete, the figures exist, and no
# workshop word (a file number, an exercise directory, @ %def, unquoted "the notes") reaches
# the reader (tools/weave/words.py).  test-pdf adds the real PDF: it builds with no warning
# and has a bookmark for every chapter.  `make test` runs both.
test-book: deps-book tangle ## Check the book: named fragments, fixture, clean HTML build, links, indexes, figures, words
	@tools/fragment-share --min 70 >/dev/null
	@tools/weave/tests/run-fixture
	@$(WEAVE) html --out $(BOOK_OUT)
	@python3 tools/weave/linkcheck.py $(BOOK_OUT)/html
	@python3 tools/weave/check.py --out $(BOOK_OUT)
	@python3 tools/weave/words.py --out $(BOOK_OUT)

test-pdf: test-book ## test-book, plus the real PDF: clean build, a bookmark per chapter, figures
	@$(WEAVE) pdf --out $(BOOK_OUT)
	@python3 tools/weave/check.py --out $(BOOK_OUT) --pdf

TEST_TARGETS += test-pdf
