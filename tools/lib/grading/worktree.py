"""The reader's working copies: .work/NAME, a git worktree on branch exercise/NAME;
starting one, listing them, grading them."""
import json
import os
import subprocess

from .common import TOP, WORK, GradeError, say
from .spec import exercises, find
from .judge import Result, boot
from .build import build_errors, git_apply, holes, make_build


def main_top(top):
    """The book's main checkout: top itself, or two levels up from .work/NAME."""
    parent = os.path.dirname(top)
    if os.path.basename(parent) == WORK:
        return os.path.dirname(parent)
    return top


def this_exercise(top):
    """If top is a working copy .work/NAME, the NAME."""
    if os.path.basename(os.path.dirname(top)) == WORK:
        return os.path.basename(top)
    return None


def git(*args, cwd=TOP, check=True):
    p = subprocess.run(['git'] + list(args), cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, encoding='utf-8', errors='replace')
    if check and p.returncode:
        raise GradeError(f'git {" ".join(args)} failed:\n{p.stdout.strip()}')
    return p.stdout.strip()


def cmd_start(name):
    mtop = main_top(TOP)
    ex = find(mtop, name)
    tree = os.path.join(mtop, WORK, ex.name)
    rel = os.path.relpath(tree)
    if os.path.isdir(tree):
        say(f'exercise {ex.name}: your working copy is already there: {rel}')
    else:
        if git('rev-parse', '--is-inside-work-tree', cwd=mtop, check=False) != 'true':
            raise GradeError(f'{mtop} is not a git checkout; `make exercise` needs git '
                             '(clone the book rather than copying it)')
        dirty = git('status', '--porcelain', '--', 'chapters', 'exercises', cwd=mtop)
        if dirty:
            say('note: chapters/ or exercises/ have uncommitted changes here; the working '
                'copy starts from the last commit (HEAD) without them')
        branch = f'exercise/{ex.name}'
        have = git('branch', '--list', branch, cwd=mtop)
        if have:
            git('worktree', 'add', tree, branch, cwd=mtop)
            say(f'exercise {ex.name}: {rel} checks out your existing branch {branch}')
        else:
            git('worktree', 'add', '-b', branch, tree, 'HEAD', cwd=mtop)
            p = git_apply(tree, os.path.join(tree, 'exercises', ex.name, 'hole.patch'))
            if p.returncode:
                git('worktree', 'remove', '--force', tree, cwd=mtop)
                git('branch', '-D', branch, cwd=mtop)
                raise GradeError(f'the patch of {ex.name} does not apply to these chapters '
                                 f'(they changed since it was written):\n{p.stdout.strip()}')
            ident = []
            if not git('config', 'user.email', cwd=tree, check=False):
                ident = ['-c', 'user.name=Book reader', '-c', 'user.email=reader@localhost']
            git(*ident, 'commit', '-q', '-a', '-m', f'exercise {ex.name}: start, with the solution removed',
                cwd=tree)
            say(f'exercise {ex.name}: created {rel}, a git worktree on branch {branch},')
            say('with the solution removed from the chapter and committed, so `git diff` there '
                'shows your own changes.')
    say('')
    say(f'  {ex.title}   ({ex.difficulty}, chapter {ex.chapter})')
    say(f'  the task: exercises/{ex.name}/README.md')
    hs = holes(tree, ex.name)
    if hs:
        say('  edit:')
        for f, n, chunk in hs:
            say(f'    {rel}/{f}:{n}' + (f'   in <<{chunk}>>' if chunk else ''))
    say('')
    say(f'  then: make grade EX={ex.name}     (from here, or simply `make grade` inside {rel})')
    say(f'  and `make run` inside {rel} boots your kernel.')


def cmd_list():
    mtop = main_top(TOP)
    exs = exercises(mtop)
    if not exs:
        say('no exercises yet')
        return 0
    wn = max(len(e.name) for e in exs)
    wc = max(len(e.chapter) for e in exs)
    say(f'{"exercise":{wn}}  {"chapter":{wc}}  level  status')
    for e in exs:
        tree = os.path.join(mtop, WORK, e.name)
        st = 'not started'
        if os.path.isdir(tree):
            st = f'started in {os.path.relpath(tree)}, not graded yet'
            rj = os.path.join(tree, 'build', 'grade', e.name + '.json')
            if os.path.isfile(rj):
                with open(rj, encoding='utf-8') as f:
                    r = json.load(f)
                how = {'solved': 'SOLVED', 'fail': 'not solved (tests fail)',
                       'crash': 'not solved (the kernel crashed)',
                       'timeout': 'not solved (the kernel hung)',
                       'build-error': 'not solved (build error)'}.get(r['outcome'], r['outcome'])
                st = f'{how}, {r["score"]}/{r["total"]} points (graded {r["time"]})'

        say(f'{e.name:{wn}}  {e.chapter:{wc}}  {e.difficulty}    {st}')
        say(f'{"":{wn}}  {e.title}')
    say('')
    say('start one with `make exercise EX=NAME`; `make grade` grades every one you started')
    return 0


def grade_tree(ex, tree, quiet=False):
    """Build tree with make, boot each machine of ex's spec, return the Result."""
    say(f'== {ex.name}: {ex.title}')
    here = os.path.realpath(tree) == os.path.realpath(os.getcwd())
    say(f'   tangling and building {"this tree" if here else os.path.relpath(tree)} …')
    rc, out = make_build(tree)
    if rc:
        res = Result(ex, build_error=build_errors(out, tree))
    else:
        boots = {}
        for m in ex.spec.machines:
            log = os.path.join(tree, 'build', 'logs', f'grade-{ex.name}-{m.label}.log')
            boots[m.label] = boot(tree, os.path.join(tree, 'build', 'kernel.iso'), m, log)
        res = Result(ex, boots)
    d = os.path.join(tree, 'build', 'grade')
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, ex.name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(res.to_json(), f, indent=1, ensure_ascii=False)
    for l in res.report('   '):
        say(l)
    return res


def cmd_grade(names, here=False):
    mtop = main_top(TOP)
    mine = this_exercise(TOP)
    jobs = []
    if here:
        if len(names) != 1:
            raise GradeError('--here grades this tree for one exercise: tools/grade grade --here NAME')
        jobs.append((find(TOP, names[0]), TOP))
    elif names:
        for n in names:
            ex = find(mtop, n)
            tree = os.path.join(mtop, WORK, ex.name)
            if mine == ex.name:
                tree = TOP
            if not os.path.isdir(tree):
                raise GradeError(f'exercise {ex.name} is not started: `make exercise EX={ex.name}` '
                                 'first (grading the book as it is would only grade the solution)')
            jobs.append((find(tree, ex.name), tree))
    elif mine:
        jobs.append((find(TOP, mine), TOP))
    else:
        for ex in exercises(mtop):
            tree = os.path.join(mtop, WORK, ex.name)
            if os.path.isdir(tree):
                jobs.append((find(tree, ex.name), tree))
        if not jobs:
            say('no exercise started yet: `make exercises` lists them, '
                '`make exercise EX=NAME` starts one')
            return 0
    results = [grade_tree(ex, tree) for ex, tree in jobs]
    if len(results) > 1:
        say('')
        for r in results:
            say(f'{r.ex.name:30} {r.score:3}/{r.ex.spec.total:<3} {r.outcome}')
    return 0 if all(r.outcome == 'solved' for r in results) else 1
