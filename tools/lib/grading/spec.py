"""Exercises and their grading specs: README.md's fields and grade.spec, parsed and checked
(the format: HACKING.md, "Exercises")."""
import glob
import os
import re
import shlex

from .common import GradeError


class Check:
    """One line of a spec: pass/fail TEST, log/nolog REGEX, exit pass|fail; with points."""
    def __init__(self, kind, arg, points, on, where):
        self.kind, self.arg, self.points, self.on, self.where = kind, arg, points, on, where
        self.regex = re.compile(arg, re.M) if kind in ('log', 'nolog') else None

    def title(self):
        return {'pass': f'{self.arg}',
                'fail': f'{self.arg} is reported as failing',
                'log': f'the log matches /{self.arg}/',
                'nolog': f'the log does not match /{self.arg}/',
                'exit': {'pass': 'the kernel powers off reporting success',
                         'fail': 'the kernel powers off reporting a failure',
                         'panic': 'the kernel panics'}.get(self.arg, ''),
                }[self.kind]


class Machine:
    def __init__(self, label, smp, mem, numa, cmdline, timeout, ends='poweroff'):
        self.label, self.smp, self.mem, self.numa = label, smp, mem, numa
        self.ends = ends                   # poweroff, or panic for a machine meant to crash
        self.cmdline, self.timeout = cmdline, timeout
        self.derived = cmdline is None     # test=<the suites the checks name>: CI may share it

    def desc(self):
        return f'SMP={self.smp} MEM={self.mem}' + (f' NUMA={self.numa}' if self.numa else '')


class Spec:
    KINDS = ('pass', 'fail', 'log', 'nolog', 'exit')
    HOLES = ('fail', 'crash', 'timeout', 'build-error')

    def __init__(self, path):
        self.path = path
        self.machines, self.checks = [], []
        self.timeout, self.hole = 60, 'fail'
        try:
            with open(path, encoding='utf-8') as f:
                lines = f.read().split('\n')
        except OSError as e:
            raise GradeError(f'{path}: cannot read the grading spec: {e.strerror}')
        for n, line in enumerate(lines, 1):
            where = f'{path}:{n}'
            try:
                w = shlex.split(line, comments=True)
            except ValueError as e:
                raise GradeError(f'{where}: {e}')
            if w:
                self._line(w, where)
        if not self.machines:
            raise GradeError(f'{path}: no "machine" line: say which machine(s) to boot')
        if not any(c.points for c in self.checks):
            raise GradeError(f'{path}: no check carries points')
        labels = {m.label for m in self.machines}
        for c in self.checks:
            for lab in c.on or []:
                if lab not in labels:
                    raise GradeError(f'{c.where}: no machine labelled "{lab}"')
        for m in self.machines:
            if m.cmdline is None:
                continue
            sel = re.search(r'(?:^| )test=(\S+)', m.cmdline)
            names = sel.group(1).split(',') if sel else []
            for c in self.checks_on(m):
                if c.kind in ('pass', 'fail') and 'all' not in names \
                        and c.arg.split('.')[0] not in names:
                    raise GradeError(f'{c.where}: machine "{m.label}" does not run suite '
                                     f'{c.arg.split(".")[0]} (cmdline=\'{m.cmdline}\'); '
                                     'say which machines the check is for with "on LABEL"')
        for m in self.machines:
            if m.timeout is None:
                m.timeout = self.timeout
            if m.cmdline is None:
                suites = []
                for c in self.checks_on(m):
                    if c.kind in ('pass', 'fail'):
                        s = c.arg.split('.')[0]
                        if s not in suites:
                            suites.append(s)
                if not suites:
                    raise GradeError(f'{path}: machine "{m.label}" names no cmdline= and no '
                                     'pass/fail check names a suite for it')
                m.cmdline = 'test=' + ','.join(suites)
        self.total = sum(c.points for c in self.checks)

    def _line(self, w, where):
        key = w[0]
        if key == 'machine':
            if len(w) < 2 or '=' in w[1]:
                raise GradeError(f'{where}: "machine LABEL smp=N mem=SIZE [numa=2] '
                                 '[cmdline=...] [timeout=S]"')
            opts = {'smp': '1', 'mem': '128M', 'numa': '', 'cmdline': None, 'timeout': None,
                    'ends': 'poweroff'}
            for kv in w[2:]:
                k, eq, v = kv.partition('=')
                if not eq or k not in opts:
                    raise GradeError(f'{where}: unknown machine setting "{kv}" '
                                     '(smp=, mem=, numa=, cmdline=, timeout=, ends=)')
                opts[k] = v
            if not re.fullmatch(r'[1-9]\d*', opts['smp']) or not re.fullmatch(r'[1-9]\d*[MG]', opts['mem']):
                raise GradeError(f'{where}: smp= must be a number and mem= like 128M or 4G')
            if any(m.label == w[1] for m in self.machines):
                raise GradeError(f'{where}: machine label "{w[1]}" used twice')
            if opts['ends'] not in ('poweroff', 'panic'):
                raise GradeError(f'{where}: ends= is poweroff (the default) or panic')
            t = opts['timeout']
            if t is not None and not t.isdigit():
                raise GradeError(f'{where}: timeout= must be seconds')
            self.machines.append(Machine(w[1], opts['smp'], opts['mem'], opts['numa'],
                                         opts['cmdline'], int(t) if t else None, opts['ends']))
        elif key == 'timeout':
            if len(w) != 2 or not w[1].isdigit():
                raise GradeError(f'{where}: "timeout SECONDS"')
            self.timeout = int(w[1])
        elif key == 'hole':
            if len(w) != 2 or w[1] not in self.HOLES:
                raise GradeError(f'{where}: "hole" takes one of {", ".join(self.HOLES)}')
            self.hole = w[1]
        elif key in self.KINDS:
            on = None
            if len(w) == 5 and w[3] == 'on':
                on = w[4].split(',')
                w = w[:3]
            if len(w) != 3 or not w[2].isdigit():
                raise GradeError(f'{where}: "{key} {"TEST" if key in ("pass", "fail") else "ARG"} '
                                 'POINTS [on LABEL,...]"')
            if key in ('pass', 'fail') and not re.fullmatch(r'[\w+-]+(\.[\w+.-]+)?', w[1]):
                raise GradeError(f'{where}: a test is SUITE or SUITE.CASE, not "{w[1]}"')
            if key == 'exit' and w[1] not in ('pass', 'fail', 'panic'):
                raise GradeError(f'{where}: "exit pass", "exit fail" or "exit panic"')
            try:
                self.checks.append(Check(key, w[1], int(w[2]), on, where))
            except re.error as e:
                raise GradeError(f'{where}: bad regular expression: {e}')
        else:
            raise GradeError(f'{where}: unknown line "{key}" (machine, timeout, hole, '
                             + ', '.join(self.KINDS) + ')')

    def checks_on(self, m):
        return [c for c in self.checks if c.on is None or m.label in c.on]


class Exercise:
    def __init__(self, d):
        self.dir = d
        self.name = os.path.basename(d)
        self.readme = os.path.join(d, 'README.md')
        self.patch = os.path.join(d, 'hole.patch')
        self.spec_path = os.path.join(d, 'grade.spec')
        self.title = self.chapter = self.difficulty = None
        try:
            with open(self.readme, encoding='utf-8') as f:
                text = f.read()
        except OSError:
            raise GradeError(f'{d}: no README.md')
        m = re.search(r'^# +(.+)$', text, re.M)
        c = re.search(r'^Chapter: *(\S+) *$', text, re.M)
        s = re.search(r'^Difficulty: *([★☆]{3}) *$', text, re.M)
        if not (m and c and s):
            raise GradeError(f'{self.readme}: needs a "# Title" line, "Chapter: NN-name" and '
                             '"Difficulty: ★☆☆" (one to three ★ out of three)')
        self.title, self.chapter, self.difficulty = m.group(1).strip(), c.group(1), s.group(1)
        self.text = text
        for p in (self.patch, self.spec_path):
            if not os.path.isfile(p):
                raise GradeError(f'{d}: no {os.path.basename(p)}')
        self.spec = Spec(self.spec_path)


def exercises(top):
    out = []
    for d in sorted(glob.glob(os.path.join(top, 'exercises', '*', ''))):
        out.append(Exercise(d.rstrip('/')))
    return out


def find(top, name):
    names = [os.path.basename(d.rstrip('/')) for d in glob.glob(os.path.join(top, 'exercises', '*', ''))]
    if name in names:
        return Exercise(os.path.join(top, 'exercises', name))
    hits = [n for n in names if n.endswith('-' + name) or n.split('-', 1)[-1] == name]
    if len(hits) == 1:
        return Exercise(os.path.join(top, 'exercises', hits[0]))
    raise GradeError(f'no exercise "{name}"' + (f' (it could be {", ".join(hits)})' if hits else '')
                     + '; `make exercises` lists them')
