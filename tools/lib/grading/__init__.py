"""The exercise grader behind tools/grade, split along its jobs:

  common    where the book is, the error type, output
  spec      exercises/NN-name/: README.md's fields and grade.spec (the format: HACKING.md)
  judge     booting a machine and judging each check on its log (through tools/lib/bootlog)
  build     building a tree: the reader's `make build`, CI's incremental scratch builds
  worktree  the reader's working copies .work/NAME: start, list, grade
  ci        every exercise both ways: the hole fails its checks, the book passes them
"""
