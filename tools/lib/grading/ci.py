"""CI: every exercise in both directions.  The README and the patch are checked; the
pristine chapters must pass every check (boots shared between exercises); each hole, built
incrementally in build/exercises/NAME/, must fail every check that carries points and keep
every 0-point check."""
import glob
import os
import re
import shutil
import time

from tap import Tap
from .common import TOP, MARK, GradeError, say
from .spec import exercises, find, Machine
from .judge import Result, boot
from .build import git_apply, holes, fast_tangle_agrees, scratch_build


def static_checks(ex, tap, scratch):
    """README fields and links, the patch applies, the hole is marked in the right chapter."""
    problems = []
    chapters = {os.path.basename(p)[:-3]: p for p in glob.glob(os.path.join(TOP, 'chapters', '*.nw'))}
    if ex.chapter not in chapters:
        problems.append(f'README.md says "Chapter: {ex.chapter}", but there is no chapters/{ex.chapter}.nw')
    anchors = set()
    for p in chapters.values():
        with open(p, encoding='utf-8') as f:
            anchors |= set(re.findall(r'\{#([\w:-]+)', f.read()))
    for a in re.findall(r'\]\(#([\w:-]+)\)', ex.text):
        if a not in anchors and not a.startswith(('app:', 'ex-')):
            problems.append(f'README.md links to #{a}, which no chapter defines')
    for sect in ('Goal', 'Read first', 'Hints'):
        if not re.search(rf'^## {sect}\b', ex.text, re.M):
            problems.append(f'README.md has no "## {sect}" section')
    tap.result(not problems, f'{ex.name}: README.md has what the book and the reader need', problems)

    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    shutil.copytree(os.path.join(TOP, 'chapters'), os.path.join(scratch, 'chapters'))
    p = git_apply(scratch, ex.patch, check=True)
    if not tap.result(p.returncode == 0, f'{ex.name}: hole.patch applies to chapters/ (git apply --check)',
                      ([f'STALE PATCH: the chapter changed under exercises/{ex.name}/hole.patch; '
                        're-make it (HACKING.md, "Exercises")'] + p.stdout.strip().split('\n'))
                      if p.returncode else []):
        return False
    git_apply(scratch, ex.patch)
    with open(ex.patch, encoding='utf-8') as f:
        touched = set(re.findall(r'^\+\+\+ b/(\S+)', f.read(), re.M))
    hs = holes(scratch, ex.name)
    bad = [t for t in touched if not t.startswith('chapters/')]
    where = {f for f, _, _ in hs}
    msgs = [f'the patch touches {t}, outside chapters/' for t in bad]
    if not hs:
        msgs.append(f'the patched chapters have no "{MARK} {ex.name}" marker')
    elif where != {f'chapters/{ex.chapter}.nw'}:
        msgs.append(f'markers are in {", ".join(sorted(where))}, but README.md says chapter {ex.chapter}')
    return tap.result(not msgs, f'{ex.name}: the hole is marked ({len(hs)} marker(s) in '
                      f'{", ".join(sorted(where)) or "no chapter"})', msgs)


def cmd_ci(names):
    t0 = time.time()
    exs = [find(TOP, n) for n in names] if names else exercises(TOP)
    iso = os.path.join(TOP, 'build', 'kernel.iso')
    if not os.path.isfile(iso):
        raise GradeError('no build/kernel.iso: run `make build` first')
    say(f'# {len(exs)} exercises: static checks, the pristine chapters (boots shared), '
        'then each hole')
    tap = Tap()
    base = os.path.join(TOP, 'build', 'exercises')
    good = [ex for ex in exs if static_checks(ex, tap, os.path.join(base, ex.name))]

    # The pristine kernel: one boot per distinct machine, shared by every exercise.
    groups = {}
    for ex in good:
        for m in ex.spec.machines:
            key = (m.smp, m.mem, m.numa, m.ends)
            custom = None if m.derived else m.cmdline
            gkey = key + (custom,)
            g = groups.setdefault(gkey, {'suites': [], 'timeout': 0, 'members': []})
            if custom is None:
                for s in m.cmdline[5:].split(','):
                    if s not in g['suites']:
                        g['suites'].append(s)
            g['timeout'] = max(g['timeout'], m.timeout)
            g['members'].append((ex, m))
    shared = {}
    for i, (gkey, g) in enumerate(groups.items()):
        smp, mem, numa, ends, custom = gkey
        cmdline = custom or 'test=' + ','.join(g['suites'])
        gm = Machine(f'shared{i}', smp, mem, numa, cmdline, g['timeout'], ends)
        b = boot(TOP, iso, gm, os.path.join(base, 'pristine', f'boot{i}.log'))
        say(f'# pristine boot {gm.desc()} "{cmdline}": {b.ended}, {b.seconds:.1f}s')
        for ex, m in g['members']:
            shared[(ex.name, m.label)] = b
    for ex in good:
        res = Result(ex, {m.label: shared[(ex.name, m.label)] for m in ex.spec.machines})
        ok = res.outcome == 'solved' and res.score == ex.spec.total
        tap.result(ok, f'{ex.name}: the pristine chapters score {res.score}/{ex.spec.total}',
                   [] if ok else res.report())

    # Each hole: its own incremental build, its own boots; it must fail the intended way.
    fast = fast_tangle_agrees()
    if not fast:
        say('# the quick tangle does not reproduce tangle/ here: using tools/tangle (slower)')
    for ex in good:
        scratch = os.path.join(base, ex.name)
        siso, errors = scratch_build(ex, scratch, fast)
        if siso is None:
            res = Result(ex, build_error=errors)
        else:
            boots = {m.label: boot(TOP, siso, m, os.path.join(scratch, 'logs', f'{m.label}.log'), True)
                     for m in ex.spec.machines}
            res = Result(ex, boots)
        why = []
        if res.outcome != ex.spec.hole:
            why.append(f'with the hole the grade should end in "{ex.spec.hole}", '
                       f'but it ended in "{res.outcome}"')
        for c, v, _ in res.checks:
            if c.points and v == 'pass':
                why.append(f'"{c.kind} {c.arg}" passes with the hole: its {c.points} point(s) are free')
            if not c.points and v != 'pass' and res.outcome not in ('build-error', 'crash', 'timeout'):
                why.append(f'"{c.kind} {c.arg}" (0 points: must keep working) fails with the hole')
        failing = [f'{c.arg}' for c, v, _ in res.checks if c.points and v != 'pass']
        tap.result(not why, f'{ex.name}: with the hole, the grade is "{res.outcome}" on '
                   f'{", ".join(failing)} (score {res.score}/{ex.spec.total})',
                   why + (res.report() if why else []))
    say(f'1..{tap.n}')
    say(f'# {time.time() - t0:.0f}s')
    return 1 if tap.failed else 0
