"""Booting a machine and judging each check of a spec on its log.  The log is read by
tools/lib/bootlog.py, the one reader of boot logs; this module only decides what its
results mean for an exercise."""
import os
import subprocess
import time

import bootlog
from .common import GradeError


class Boot:
    """One boot of one machine: tools/qemu-run's status and what the log says, as
    bootlog reads them, in the grader's words: ended is pass, fail, crash (a panic, a
    reset or a triple fault), timeout, or panic on a machine meant to panic (ends=panic)."""
    def __init__(self, machine, status, log_path, seconds, qemu_stderr=''):
        self.machine, self.status, self.log_path, self.seconds = machine, status, log_path, seconds
        self.log = bootlog.read(log_path, status)
        self.ended = {'pass': 'pass', 'fail': 'fail', 'panic': 'crash', 'reset': 'crash',
                      'timeout': 'timeout'}.get(self.log.ended)
        if self.log.ended == 'panic' and machine.ends == 'panic':
            self.ended = 'panic'            # what this machine is for: an oops on purpose
        if self.ended is None:
            raise GradeError(f'QEMU did not run (tools/qemu-run status {status}) for machine '
                             f'{machine.label}:\n{qemu_stderr.strip()}')
        self.lines, self.text = self.log.lines, self.log.text
        self.results = {}
        for t in self.log.ktap.root.walk():
            self.results[t.path] = {'ok': bool(t.ok), 'skip': t.skip, 'directive': t.directive,
                                    'diag': t.diag}

    def where(self):
        """Where the kernel was when the log stopped, for a crash or a hang."""
        return self.log.where()

    def oops(self):
        """The oops and panic text, or the last lines of the log."""
        return self.log.oops()


def boot(tree, iso, m, log_path, forget=False):
    """Boot machine m from iso with tree's tools/qemu-run; return a Boot.  forget: have
    qemu-run remove the per-command-line ISOs it cached for this (scratch) kernel."""
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    runner = os.path.join(tree, 'tools', 'qemu-run')
    cmd = [runner, '--quiet', '--iso', iso, '--log', log_path,
           '--smp', m.smp, '--mem', m.mem, '--numa', m.numa, '--timeout', str(m.timeout),
           '--cmdline', f'{m.cmdline} poweroff']
    t0 = time.time()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding='utf-8',
                       errors='replace', stdin=subprocess.DEVNULL)
    seconds = time.time() - t0
    if forget:
        subprocess.run([runner, '--clean-cache', '--iso', iso], stdout=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL)
    return Boot(m, p.returncode, log_path, seconds, p.stderr)


# ---------------------------------------------------------------------------------------
# Judging: each check on each machine, then the exercise
# ---------------------------------------------------------------------------------------

def judge_one(c, b):
    """Verdict of check c on boot b: (verdict, detail lines).  Verdicts: pass, fail, skip,
    missing (the test never reported), crash, timeout."""
    cut = b.ended in ('crash', 'timeout')
    if c.kind in ('pass', 'fail'):
        r = b.results.get(c.arg)
        if r is None:
            if cut:
                return b.ended, []
            suite = c.arg.split('.')[0]
            if '.' in c.arg and suite in b.results:
                return 'missing', [f'suite {suite} ran but reported no case {c.arg.split(".")[1]}']
            return 'missing', [f'no result for {c.arg}: it did not run (is it selected by '
                               f'"{b.machine.cmdline}"?)']
        if c.kind == 'pass':
            if r['skip']:
                return 'skip', [f'skipped: {r["directive"][4:].strip() or "no reason given"}']
            if r['ok']:
                return 'pass', []
            return 'fail', r['diag'] or [f'not ok {c.arg}' + (f' # {r["directive"]}' if r['directive'] else '')]
        if not r['ok']:
            return 'pass', []
        return 'fail', [f'expected "not ok", got "ok {c.arg}"']
    if c.kind == 'log':
        if c.regex.search(b.text):
            return 'pass', []
        return (b.ended if cut else 'fail'), [f'no line matches /{c.arg}/']
    if c.kind == 'nolog':
        m = c.regex.search(b.text)
        if m:
            line = b.text[b.text.rfind('\n', 0, m.start()) + 1:].split('\n', 1)[0]
            return 'fail', [f'this line should not be there: {line}']
        return (b.ended if cut else 'pass'), []
    if c.kind == 'exit':
        if cut:
            return b.ended, []
        if b.ended == c.arg:
            return 'pass', []
        return 'fail', [{'pass': 'it powered off reporting success',
                         'fail': 'it powered off reporting a failed test',
                         'panic': 'it panicked'}[b.ended]]
    raise AssertionError(c.kind)


RANK = {'pass': 0, 'skip': 1, 'missing': 2, 'fail': 3, 'crash': 4, 'timeout': 5, 'build-error': 6}


class Result:
    """The grade of one exercise: per check, the verdict on each machine; the score."""
    def __init__(self, ex, boots=None, build_error=None):
        self.ex, self.boots, self.build_error = ex, boots or {}, build_error
        self.checks = []
        for c in ex.spec.checks:
            per = {}
            for m in ex.spec.machines:
                if c.on is not None and m.label not in c.on:
                    continue
                per[m.label] = ('build-error', []) if build_error else judge_one(c, self.boots[m.label])
            worst = max(per.values(), key=lambda v: RANK[v[0]])[0]
            self.checks.append((c, worst, per))
        self.score = sum(c.points for c, v, _ in self.checks if v == 'pass')
        if build_error:
            self.outcome = 'build-error'
        elif any(b.ended == 'timeout' for b in self.boots.values()):
            self.outcome = 'timeout'
        elif any(b.ended == 'crash' for b in self.boots.values()):
            self.outcome = 'crash'
        elif all(v == 'pass' for _, v, _ in self.checks):
            self.outcome = 'solved'
        else:
            self.outcome = 'fail'

    def to_json(self):
        return {'exercise': self.ex.name, 'outcome': self.outcome, 'score': self.score,
                'total': self.ex.spec.total, 'time': time.strftime('%Y-%m-%d %H:%M'),
                'checks': [{'check': f'{c.kind} {c.arg}', 'points': c.points, 'verdict': v,
                            'machines': {k: p[0] for k, p in per.items()}}
                           for c, v, per in self.checks],
                'boots': {k: {'ended': b.ended, 'log': b.log_path} for k, b in self.boots.items()}}

    def report(self, indent=''):
        """The reader's report: one line per check, details under failures."""
        out = []
        if self.build_error:
            out.append('BUILD ERROR: the kernel did not tangle or compile; nothing was booted.')
            out += ['    ' + l for l in self.build_error]
        for label, b in self.boots.items():
            m = b.machine
            how = {'pass': 'powered off: all selected tests passed',
                   'fail': 'powered off: some test failed',
                   'panic': 'panicked, as this machine should',
                   'crash': 'CRASHED ' + b.where(),
                   'timeout': f'TIMEOUT: no poweroff within {m.timeout}s, {b.where()}'}[b.ended]
            out.append(f'machine {label} ({m.desc()}, "{m.cmdline}"): {how}  [{b.seconds:.1f}s]')
            if b.ended == 'crash':
                out.append('    the oops or panic:' if any('panic' in l or 'BUG' in l or 'Oops' in l
                                                         for l in b.oops()) else
                           '    the machine reset without a panic message (a triple fault?); '
                           'the last lines:')
                out += ['      ' + l for l in b.oops()]
            elif b.ended == 'timeout':
                out.append('    the last lines of the log:')
                out += ['      ' + l for l in [l for l in b.lines if l.strip()][-8:]]
            out.append(f'    log: {os.path.relpath(b.log_path)}')
        for c, v, per in ([] if self.build_error else self.checks):
            pts = f'{c.points if v == "pass" else 0}/{c.points}' if c.points else 'kept'
            label = {'pass': 'PASS', 'fail': 'FAIL', 'skip': 'SKIPPED', 'missing': 'NOT RUN',
                     'crash': 'CRASH', 'timeout': 'TIMEOUT', 'build-error': 'NOT BUILT'}[v]
            out.append(f'  {label:9} {pts:>5}  {c.title()}')
            if v in ('pass', 'build-error'):
                continue
            for mlabel, (mv, detail) in per.items():
                if mv == 'pass':
                    continue
                if len(per) > 1:
                    out.append(f'              on machine {mlabel}: {mv}')
                if mv in ('crash', 'timeout'):
                    detail = [f'the machine {"crashed" if mv == "crash" else "hung"} before it '
                              'reported this (see above)']
                out += ['              ' + d for d in detail[:12]]
                if len(detail) > 12:
                    out.append(f'              … {len(detail) - 12} more lines in the log')
        kept = [c for c, v, _ in self.checks if not c.points and v != 'pass']
        verdict = {'solved': 'SOLVED',
                   'fail': 'not solved yet: some tests fail',
                   'crash': 'not solved yet: the kernel crashed',
                   'timeout': 'not solved yet: the kernel hung',
                   'build-error': 'not solved yet: the kernel does not build'}[self.outcome]
        if kept and self.outcome == 'fail':
            verdict += f' ({len(kept)} check(s) that passed before your change now fail)'
        out.append(f'score {self.score}/{self.ex.spec.total}: {verdict}')
        return [indent + l for l in out]
