"""Where the book is, the grader's own error, and output."""
import os

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WORK = '.work'                          # where the working copies live, git-ignored
MARK = 'EXERCISE'                       # the hole marker: /* EXERCISE NAME ... */


class GradeError(Exception):
    """A problem that is not the reader's answer: a bad spec, a missing file, QEMU failing."""


def say(*a):
    print(*a, flush=True)
