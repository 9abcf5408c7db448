"""tap: print TAP (the Test Anything Protocol) for prove: results, comments, the plan.
Only writes TAP; tools/lib/bootlog.py is the one reader of KTAP."""
import sys


class Tap:
    def __init__(self, out=None):
        self.n, self.failed = 0, 0
        self.out = out or sys.stdout

    def _say(self, s):
        self.out.write(s + '\n')
        self.out.flush()

    def result(self, ok, desc, diag=()):
        self.n += 1
        self.failed += not ok
        self._say(f'{"ok" if ok else "not ok"} {self.n} - {desc}')
        for d in diag:
            self._say(f'# {d}')
        return bool(ok)

    def comment(self, text):
        self._say(f'# {text}')

    def plan(self):
        self._say(f'1..{self.n}')
