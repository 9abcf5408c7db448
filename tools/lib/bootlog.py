"""bootlog: the one reader of a boot's serial log.

Every tool that looks at what a booted kernel printed reads it through this module:
tools/ktest (the boot tests), tools/grade (the exercises), tools/weave/transcript.py (the
book's transcripts) and the benchmarks.  It gives

  - the log cleaned of what the terminal and QEMU add (ANSI sequences, carriage returns,
    stray control bytes, undecodable bytes), with and without the kernel's timestamps;
  - the KTAP tree: the top-level plan, each suite and its cases (nested subtests at any
    depth), their results, SKIP directives and diagnostics, and any place where the KTAP
    text breaks its own rules (a plan that does not match, a parent "ok" over a failed
    child, a subtest cut off);
  - how the boot ended (`ended`): pass, fail (a test failed), panic, reset (QEMU exited 0:
    a reset or triple fault), timeout, or error (QEMU itself failed), from tools/qemu-run's
    exit status, which this module alone translates;
  - the oops or panic text, and where the log stopped (which suite and case were running).

    import bootlog
    b = bootlog.read('build/logs/x.log', status=2)
    b.ended, b.verdict, b.ktap.find('vsprintf.vsprintf_test_signed'), b.oops(), b.where()

Run as a program it prints a summary (`python3 tools/lib/bootlog.py LOG [STATUS]`),
the cases (`... cases LOG`), the cleaned kernel lines (`... lines LOG`), or the failures
and "N passed, M failed" of any TAP/KTAP log (`... tally LOG`, for the host harnesses).
"""
import re
import sys

# tools/qemu-run's exit status -> how the boot ended.  qemu-run turns QEMU's own exit
# status (isa-debug-exit: 33 pass, 35 fail, 37 panic; 0 reset) into these.
STATUS = {0: 'pass', 1: 'fail', 2: 'panic', 3: 'reset', 124: 'timeout', 4: 'error'}
ENDED_TEXT = {
    'pass': 'powered off reporting success',
    'fail': 'powered off reporting a failed test',
    'panic': 'panicked',
    'reset': 'reset or triple-faulted (QEMU exit status 0)',
    'timeout': 'hung: no poweroff within the time limit',
    'error': 'QEMU failed',
    'unknown': 'ended without saying how',
}
STATUS_OF = {v: k for k, v in STATUS.items()}

_ANSI = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[c78=>]')
_CTRL = re.compile(r'[\x00-\x08\x0b-\x1f\x7f]')
_STAMP = re.compile(r'^\[\s*\d+\.\d+\] ')


def clean(raw):
    """Text of a serial log as a reader sees it: bytes decoded (undecodable ones become
    U+FFFD), carriage returns dropped, ANSI sequences and other control bytes removed."""
    if isinstance(raw, bytes):
        raw = raw.decode('utf-8', errors='replace')
    raw = raw.replace('\r', '')
    raw = _ANSI.sub('', raw)
    return _CTRL.sub('', raw)


def is_stamped(line):
    """Does the console line start with the kernel's timestamp (GRUB's lines do not)?"""
    return bool(_STAMP.match(line))


def unstamp(line):
    """A console line without the kernel's "[    0.123456] " timestamp."""
    return _STAMP.sub('', line)


# ---------------------------------------------------------------------------------------
# KTAP
# ---------------------------------------------------------------------------------------

_RESULT = re.compile(r'(ok|not ok) (\d+)(?: -)?(?: ([^#]*?))?\s*(?:# (.*))?')
_PLAN = re.compile(r'1\.\.(\d+)')


class Test:
    """A KTAP test: a case, or a suite (a subtest) with children.  The root is the whole
    run (no name); its children are the suites."""
    def __init__(self, name=None, depth=0, parent=None):
        self.name, self.depth, self.parent = name, depth, parent
        self.number = None
        self.ok = None              # None: no result line (yet)
        self.directive = ''
        self.plan = None
        self.children = []
        self.diag = []              # diagnostic lines ("# ...", "Expected ...") of this test
        self.output = []            # other kernel lines printed while it ran
        self.version = None         # its "KTAP version N" line

    @property
    def skip(self):
        return bool(re.match(r'SKIP\b', self.directive, re.I))

    @property
    def path(self):
        parts, t = [], self
        while t is not None and t.name is not None:
            parts.append(t.name)
            t = t.parent
        return '.'.join(reversed(parts))

    def walk(self):
        for c in self.children:
            yield c
            yield from c.walk()

    def cases(self):
        """The leaves: tests with no children."""
        return [t for t in self.walk() if not t.children]

    def find(self, path):
        """The test called SUITE or SUITE.CASE (or deeper), or None."""
        t = self
        for part in path.split('.'):
            t = next((c for c in t.children if c.name == part), None)
            if t is None:
                return None
        return t

    def failures(self):
        """The failed leaves under this test (itself when it is a failed leaf)."""
        if not self.children:
            return [self] if self.ok is False else []
        return [t for c in self.children for t in c.failures()]

    def __repr__(self):
        return f'<Test {self.path or "(root)"} ok={self.ok} {self.directive!r}>'


class Ktap:
    """The KTAP tree of one boot, and what is wrong with the KTAP text itself."""
    def __init__(self):
        self.root = Test()
        self.version = None         # the top-level "KTAP version N", if printed
        self.problems = []          # the KTAP text breaks its own rules
        self.open = []              # subtests started and not finished when the log ended

    @property
    def plan(self):
        return self.root.plan

    @property
    def suites(self):
        return self.root.children

    def find(self, path):
        return self.root.find(path)

    @property
    def complete(self):
        """A plan was printed, every test it announced reported, nothing was left open."""
        return self.plan is not None and not self.open and len(self.suites) == self.plan

    @property
    def all_ok(self):
        return all(t.ok for t in self.suites)


def parse_ktap(lines):
    """Build the KTAP tree from timestamp-free lines.  A test's own KTAP lines (its version
    line, "# Subtest:", plan, its children's results and diagnostics) are indented by four
    spaces per level of nesting; its own result line is one level out, in its parent.
    Any other line is the kernel's own output: kept with the test that was running, or,
    when indented inside a subtest, taken as a diagnostic of it."""
    k = Ktap()
    stack = [k.root]                # the open tests: stack[d] prints at indentation d
    pending = {}                    # indentation -> diagnostic lines awaiting a result
    last = None                     # the last test that reported

    def close_deeper(d):
        """Keep stack[0..d]; what was open deeper never printed its result."""
        while len(stack) > d + 1:
            t = stack.pop()
            pending.pop(len(stack), None)
            k.problems.append(f'subtest {t.path or "(unnamed)"} ended without a result line')

    def fresh(t):
        return t.plan is None and not t.children

    for ln in lines:
        body = ln.lstrip(' ')
        ind = len(ln) - len(body)
        body = body.rstrip()
        d = ind // 4
        if ind % 4 == 0 and d < len(stack) + 1:
            m = re.fullmatch(r'KTAP version (\d+)', body)
            if m:
                if d == 0:
                    if k.version is None and fresh(k.root):
                        k.version = int(m.group(1))
                    continue
                if len(stack) > d and fresh(stack[d]) and stack[d].version is None:
                    stack[d].version = int(m.group(1))      # after its "# Subtest:" line
                    continue
                close_deeper(d - 1)
                t = Test(None, d, stack[d - 1])
                t.version = int(m.group(1))
                stack.append(t)
                continue
            m = re.fullmatch(r'# Subtest: (\S+)', body)
            if m and d >= 1:
                if len(stack) > d and fresh(stack[d]) and stack[d].name is None:
                    stack[d].name = m.group(1)              # after its "KTAP version" line
                    continue
                close_deeper(d - 1)
                t = Test(m.group(1), d, stack[d - 1])
                t.version = None
                stack.append(t)
                continue
            m = _PLAN.fullmatch(body)
            if m and len(stack) > d and fresh(stack[d]):
                stack[d].plan = int(m.group(1))
                continue
            m = _RESULT.fullmatch(body)
            if m and m.group(3) and len(stack) > d:
                parent = stack[d]
                diag = pending.pop(d, [])
                if len(stack) > d + 1:                      # the result of an open subtest
                    close_deeper(d + 1)
                    t = stack.pop()
                    diag = pending.pop(d + 1, []) + diag
                    if t.name is None:
                        t.name = m.group(3)
                    elif t.name != m.group(3):
                        k.problems.append(f'subtest {t.path} reported as "{m.group(3)}"')
                        t.name = m.group(3)
                else:
                    t = Test(m.group(3), d + 1, parent)
                t.ok = m.group(1) == 'ok'
                t.number = int(m.group(2))
                t.directive = (m.group(4) or '').strip()
                t.diag += diag
                parent.children.append(t)
                if t.number != len(parent.children):
                    k.problems.append(f'{t.path}: numbered {t.number}, but it is result '
                                      f'{len(parent.children)} of {parent.path or "the run"}')
                last = t
                continue
            if body.startswith('#') and len(stack) > d:
                if d >= 1 and not re.fullmatch(r'# \S+: pass:\d+ fail:\d+ skip:\d+ total:\d+', body):
                    pending.setdefault(d, []).append(body)
                continue                # top-level comments: "# Totals: ..."
        if ind >= 4 and len(stack) > 1 and body:
            # indented, not KTAP ("Expected x == y, but"): a diagnostic of the innermost
            # open subtest at or above this indentation
            pending.setdefault(min(len(stack) - 1, d), []).append(body)
            continue
        if body:
            (stack[-1] if len(stack) > 1 else k.root).output.append(ln)

    k.open = stack[1:]
    for t in k.open:
        k.problems.append(f'subtest {t.path or "(unnamed)"} was cut off: no result line')
    # a test's plan must match the results it printed; a parent must not pass over a
    # failed child
    for t in [k.root] + list(k.root.walk()):
        if t in k.open or (t is k.root and k.open):
            continue
        if t.plan is not None and t.plan != len(t.children):
            k.problems.append(f'{t.path or "the run"}: plan 1..{t.plan}, but '
                              f'{len(t.children)} result(s)')
        if t.ok and not t.skip and any(c.ok is False for c in t.children):
            k.problems.append(f'{t.path}: "ok", but a test inside it is "not ok"')
    k.last = last
    return k


# ---------------------------------------------------------------------------------------
# A whole boot
# ---------------------------------------------------------------------------------------

_OOPS_START = re.compile(r'BUG:|Oops|PANIC:|cut here|general protection|double fault|'
                         r'unable to handle|divide error|invalid opcode|WARNING:')


class BootLog:
    """One boot: its log, and (when known) tools/qemu-run's exit status."""
    def __init__(self, raw, status=None, path=None):
        self.path = path
        self.text_stamped = clean(raw)
        self.console = self.text_stamped.split('\n')     # cleaned, timestamps kept
        self.lines = [unstamp(l) for l in self.console]  # cleaned, timestamps removed
        self.text = '\n'.join(self.lines)
        self.status = status
        self.ktap = parse_ktap(self.lines)
        self.ended = self._ended()

    # -- how it ended --------------------------------------------------------------------
    def _ended(self):
        if self.status is not None:
            return STATUS.get(self.status, 'error')
        # without the status, the log alone: the kernel's last words
        for l in reversed(self.lines):
            m = re.match(r'reboot: Power down \(exit status (0x1[01])\)', l)
            if m:
                return 'pass' if m.group(1) == '0x10' else 'fail'
            if l.startswith('Kernel panic - not syncing'):
                return 'panic'
        return 'unknown'

    @property
    def panicked(self):
        return any(l.startswith('Kernel panic - not syncing') for l in self.lines)

    @property
    def verdict(self):
        """How the boot ended, made stricter by its KTAP: a boot that reports success
        while its KTAP shows a failure, or is incomplete, or breaks KTAP's rules, fails."""
        if self.ended == 'pass' and self.ktap.plan is not None and \
                (not self.ktap.all_ok or not self.ktap.complete or self.ktap.problems):
            return 'fail'
        return self.ended

    def ended_text(self, timeout=None):
        if self.ended == 'timeout' and timeout:
            return f'hung: no poweroff within {timeout}s'
        if self.ended == 'error' and self.status not in (None, 4):
            return f'ended with qemu-run status {self.status}'
        return ENDED_TEXT[self.ended]

    # -- where it stopped, and the oops --------------------------------------------------
    def where(self):
        """Where the kernel was when the log stopped."""
        k = self.ktap
        if k.open:
            t = k.open[-1]
            name = t.path or (t.parent.path + '.?' if t.parent and t.parent.path else 'a suite')
            done = [c for c in t.children if c.ok is not None]
            after = f', after case {done[-1].name}' if done else ', in its first case'
            return f'while suite {name} was running{after}'
        if k.plan is None:
            return 'before the tests started'
        if len(k.suites) < k.plan:
            return f'between suites, after {k.suites[-1].name if k.suites else "the plan"}'
        return 'after the last test result'

    def last_lines(self, n):
        ls = [l for l in self.lines if l.strip()]
        return ls[-n:]

    def oops(self):
        """The oops or panic text: from where the report starts (BUG:, Oops:, PANIC:, the
        "cut here" line ...) to the "Kernel panic" line; without a panic, the last lines."""
        lines = [l for l in self.lines if l.strip()]
        panic = max((i for i, l in enumerate(lines) if 'Kernel panic' in l and '---[ end' not in l),
                    default=None)
        if panic is None:
            return lines[-12:]
        first = panic
        for i in range(panic - 1, max(panic - 80, -1), -1):
            l = lines[i]
            if re.match(r'\s*(ok|not ok) \d+ |\s*# Subtest:', l):
                break               # a test result: the report starts after it
            if _OOPS_START.search(l):
                first = i
        text = lines[first:panic + 2]
        if len(text) > 40:
            text = text[:30] + [f'… ({len(text) - 35} lines, see the log)'] + text[-5:]
        return text

    # -- summaries -----------------------------------------------------------------------
    def summary(self):
        k = self.ktap
        out = [f'ended: {self.ended} ({self.ended_text()}); verdict: {self.verdict}']
        if k.plan is None:
            out.append('KTAP: no plan printed')
        else:
            cases = k.root.cases()
            out.append(f'KTAP: plan 1..{k.plan}, {len(k.suites)} suite result(s); cases: '
                       f'{sum(1 for c in cases if c.ok and not c.skip)} ok, '
                       f'{sum(1 for c in cases if c.ok is False)} not ok, '
                       f'{sum(1 for c in cases if c.skip)} skipped')
        for p in k.problems:
            out.append(f'KTAP problem: {p}')
        for t in k.root.failures():
            out.append(f'not ok: {t.path}')
            out += ['    ' + d for d in t.diag]
        if self.ended in ('panic', 'reset', 'timeout', 'unknown'):
            out.append(f'stopped {self.where()}')
        if self.ended in ('panic', 'reset'):
            out += ['    ' + l for l in self.oops()]
        return out


def parse(raw, status=None, path=None):
    return BootLog(raw, status, path)


def read(path, status=None):
    """Read a log file (a missing file reads as empty: QEMU never started)."""
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except OSError:
        raw = b''
    return BootLog(raw, status, path)


def main(argv):
    if not argv or argv[0] in ('-h', '--help'):
        print(__doc__.strip())
        return 0 if argv else 2
    what = 'summary'
    if argv[0] in ('summary', 'cases', 'lines', 'tally'):
        what, argv = argv[0], argv[1:]
    if not argv:
        print('usage: bootlog.py [summary|cases|lines|tally] LOG [QEMU-RUN-STATUS]', file=sys.stderr)
        return 2
    status = int(argv[1]) if len(argv) > 1 else None
    b = read(argv[0], status)
    if what == 'tally':
        # the failures with their diagnostics, then "N passed, M failed" (a TAP or KTAP log
        # of any program: the host harnesses print the same format)
        cases = b.ktap.root.cases()
        for t in b.ktap.root.failures():
            print(f'not ok {t.path}')
            for d in t.diag:
                print(f'    {d}')
        for p in b.ktap.problems:
            print(f'problem: {p}')
        print(f'{sum(1 for c in cases if c.ok)} passed, {sum(1 for c in cases if c.ok is False)} failed')
        return 1 if b.ktap.root.failures() or b.ktap.problems else 0
    if what == 'lines':
        for l in b.lines:
            print(l)
    elif what == 'cases':
        # one line per case: PATH ok|not-ok|skip [directive]
        for t in b.ktap.root.cases():
            st = 'skip' if t.skip else ('ok' if t.ok else 'not-ok' if t.ok is False else 'cut-off')
            print(f'{t.path} {st}' + (f' {t.directive}' if t.directive else ''))
    else:
        for l in b.summary():
            print(l)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
