"""Building a tree: the reader's (make build) and CI's incremental scratch builds, with the
build errors a reader needs; applying a hole's patch and finding its markers."""
import glob
import os
import re
import shutil
import subprocess

from .common import TOP, MARK
import nwtangle   # noqa: E402  tools/lib is on the path (tools/grade)


def build_errors(output, tree):
    """From make's output, the lines a reader needs: tangle errors and the compiler's or
    linker's messages, which cite chapters/NN.nw:LINE thanks to #line.  The compiler
    cannot show the source line (it runs in tangle/), so we add it from the chapter."""
    lines = output.split('\n')
    keep, i = [], 0
    for i, ln in enumerate(lines):
        if re.match(r'tangle: (error|.*failed)', ln) or re.search(r'\.nw:\d+:(\d+:)? (fatal )?error', ln) \
                or re.search(r'\.nw:\d+: (undefined reference|multiple definition)', ln) \
                or re.search(r'\.nw:\d+:(\d+:)? note:', ln) or re.match(r'notangle|noroots', ln) \
                or re.search(r'\.nw: In function', ln):
            keep.append(ln)
            m = re.match(r'(chapters/[\w.-]+\.nw):(\d+):', ln)
            if m and 'error' in ln:
                try:
                    with open(os.path.join(tree, m.group(1)), encoding='utf-8') as f:
                        src = f.read().split('\n')[int(m.group(2)) - 1]
                    keep.append(f'{int(m.group(2)):6} | {src}')
                except (OSError, IndexError):
                    pass
    if not keep:
        keep = [l for l in lines if l.strip()][-15:]
    return keep[:40]


def make_build(tree):
    p = subprocess.run(['make', '--no-print-directory', '-C', tree, 'build'],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding='utf-8',
                       errors='replace', stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout


def git_apply(cwd, patch, check=False):
    """git apply outside any repository (GIT_CEILING_DIRECTORIES stops the search), so the
    patch's paths are taken relative to cwd."""
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=os.path.dirname(os.path.abspath(cwd)))
    args = ['git', 'apply'] + (['--check'] if check else []) + [os.path.abspath(patch)]
    return subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, encoding='utf-8', errors='replace')


def holes(tree, name):
    """Where the hole markers for exercise name are: [(file, line, fragment)]."""
    found = []
    for path in sorted(glob.glob(os.path.join(tree, 'chapters', '*.nw'))):
        chunk = None
        with open(path, encoding='utf-8') as f:
            for n, ln in enumerate(f, 1):
                m = re.match(r'^<<(.+)>>=\s*$', ln)
                if m:
                    chunk = m.group(1)
                elif re.match(r'^@( |$)', ln):
                    chunk = None
                if re.search(rf'\b{MARK} {re.escape(name)}\b', ln):
                    found.append((os.path.relpath(path, tree), n, chunk))
    return found


def fast_tangle(cwd, keep_lines=False):
    """tools/tangle's job for a scratch tree (tools/lib/nwtangle.py), returning (ok, messages)
    instead of raising.  keep_lines: leave alone a file whose only change is in its #line
    directives.  A hole that adds or removes lines shifts the #line numbers of everything
    after it in its chapter, headers included, which would recompile most of the kernel;
    the code is the same, so CI keeps the old files (their diagnostics cite lines off by the
    hole's size).  The reader's `make grade` tangles everything, as `make build` always does."""
    chapters = sorted(glob.glob(os.path.join(cwd, 'chapters', '*.nw')))
    try:
        nwtangle.tangle([os.path.relpath(c, cwd) for c in chapters], 'tangle', cwd, keep_lines)
    except nwtangle.TangleError as e:
        return False, str(e).split('\n')
    return True, []


def fast_tangle_agrees():
    """Does fast_tangle() write exactly what tools/tangle wrote into tangle/?"""
    tmp = os.path.join(TOP, 'build', 'exercises', 'tangle-check')
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    shutil.copytree(os.path.join(TOP, 'chapters'), os.path.join(tmp, 'chapters'))
    if not fast_tangle(tmp)[0]:
        return False
    p = subprocess.run(['diff', '-r', '-q', os.path.join(TOP, 'tangle'), os.path.join(tmp, 'tangle')],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(tmp, ignore_errors=True)
    return p.returncode == 0


def scratch_build(ex, scratch, fast=False):
    """Tangle and build the patched chapters in scratch, reusing the pristine build's objects
    (copied with their times, dependency files re-pointed) so only what changed recompiles."""
    stree = os.path.join(scratch, 'tangle')
    sbuild = os.path.join(scratch, 'build')
    subprocess.run(['cp', '-a', os.path.join(TOP, 'tangle'), stree], check=True)
    os.makedirs(sbuild, exist_ok=True)
    subprocess.run(['cp', '-a', os.path.join(TOP, 'build', 'obj'), os.path.join(sbuild, 'obj')], check=True)
    old = os.path.join(TOP, 'build') + '/'
    for d in glob.glob(os.path.join(sbuild, 'obj', '**', '*.d'), recursive=True):
        with open(d, encoding='utf-8') as f:
            s = f.read()
        st = os.stat(d)
        with open(d, 'w', encoding='utf-8') as f:
            f.write(s.replace(old, sbuild + '/'))
        os.utime(d, (st.st_atime, st.st_mtime))
    if fast:
        ok, msgs = fast_tangle(scratch, keep_lines=True)
        p = subprocess.CompletedProcess([], 0 if ok else 1, '\n'.join(msgs))
    else:
        p = subprocess.run([os.path.join(TOP, 'tools', 'tangle')], cwd=scratch, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, encoding='utf-8', errors='replace')
    out = p.stdout
    if p.returncode == 0:
        q = subprocess.run(['make', '--no-print-directory', f'-j{os.cpu_count() or 1}', '-C', stree,
                            f'O={sbuild}', 'iso'],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding='utf-8', errors='replace')
        out += q.stdout
        p = q
    if p.returncode:
        return None, build_errors(out, scratch)
    iso = os.path.join(sbuild, 'kernel.iso')
    # tools/qemu-run caches an ISO per command line, keyed by this stamp
    h = subprocess.run(['sha1sum', iso], stdout=subprocess.PIPE, text=True, check=True).stdout.split()[0]
    with open(iso + '.stamp', 'w') as f:
        f.write(h + '\n')
    return iso, None
