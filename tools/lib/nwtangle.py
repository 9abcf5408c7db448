"""Tangle chapters/*.nw into files: noweb's notangle, for every root in one pass.

noweb's own `notangle -R FILE` reads and parses every chapter again for each of the ~300
files the kernel has; this module runs noweb's `markup` once over all chapters and expands
every root from that one parse.  Its output is byte for byte what
`notangle -t '-L#line %L "%F"%N'` writes for C, headers and assembly, and what
`notangle -t8` writes for every other file (tools/tests/00-tangle-errors.t compares the two
on every file the chapters make):

- the code of a chunk is the concatenation of all its definitions, in chapter order;
- C, headers and assembly get a `#line N "chapters/F.nw"` directive before the first text
  of each definition and before the first text that follows an expanded reference, so the
  compiler cites the chapter's line; a reference that does not start its line is moved to
  a line of its own for it, and with directives nested chunks are not indented;
- in other files a reference's column indents every line of the chunk it expands (tabs for
  each 8 columns, then spaces), the way `make` recipes need;
- the last newline of an expanded chunk is dropped: the referring line supplies its own.

It fails, naming the chunk and its chapter line, on a root that is not a file path (an
unused or misspelt chunk), on a reference to a chunk that is never defined, and on a chunk
that refers to itself.  A file is rewritten only when its content changed, and a file no
chapter makes any more is removed.
"""
import os
import re
import shutil
import subprocess


class TangleError(Exception):
    pass


def noweb_lib():
    """Where noweb keeps `markup` (notangle is a shell script that names the directory)."""
    nt = shutil.which('notangle')
    if nt:
        with open(nt, encoding='utf-8', errors='replace') as f:
            m = re.search(r'^LIB=(\S+)', f.read(), re.M)
        if m and os.path.isfile(os.path.join(m.group(1), 'markup')):
            return m.group(1)
    raise TangleError('tangle: noweb is not installed (no notangle on PATH): run tools/deps core')


def parse(markup):
    """noweb's markup stream -> (chunks, uses).  chunks maps a name to its definitions, each
    (chapter, first code line, items); an item is ('text', s), ('nl',) or ('use', name).
    uses maps a name to the first (chapter, line) that refers to it."""
    chunks, uses = {}, {}
    cur, chapter, line = None, None, 0
    for raw in markup.split('\n'):
        kw, _, rest = raw.partition(' ')
        if kw == '@file':
            chapter, line = rest, 1
        elif kw == '@nl' or (kw == '@index' and rest == 'nl'):   # `@ %def` lines count too
            if cur is not None and kw == '@nl':
                cur[2].append(('nl',))
            line += 1
        elif kw == '@defn':
            cur = (chapter, line + 1, [])
            chunks.setdefault(rest, []).append(cur)
        elif kw == '@end':
            cur = None
        elif kw == '@text' and cur is not None:
            cur[2].append(('text', rest))
        elif kw == '@use' and cur is not None:
            cur[2].append(('use', rest))
            uses.setdefault(rest, (chapter, line))
    return chunks, uses


class _Out:
    def __init__(self):
        self.parts, self.col = [], 0

    def write(self, s):
        self.parts.append(s)
        for ch in s:
            self.col = (self.col // 8 + 1) * 8 if ch == '\t' else self.col + 1

    def newline(self):
        self.parts.append('\n')
        self.col = 0


def _expand(chunks, name, out, indent, directives, stack, where):
    if name not in chunks:
        ch, ln = where
        raise TangleError(f'tangle: error: chunk <<{name}>> is used at {ch}:{ln} but never defined')
    if name in stack:
        raise TangleError('tangle: error: chunk <<%s>> refers to itself: %s'
                          % (name, ' -> '.join(f'<<{n}>>' for n in stack + [name])))
    stack.append(name)
    defs = chunks[name]
    for i, (chapter, line, items) in enumerate(defs):
        if items[:1] == [('nl',)]:          # the newline of the `<<name>>=` line itself
            items = items[1:]
        if stack[:-1] and i == len(defs) - 1 and items[-1:] == [('nl',)]:
            items = items[:-1]
        pending = True                      # a #line is due before the next text
        for item in items:
            if item[0] == 'nl':
                out.newline()
                line += 1
                continue
            if directives and pending and item[0] == 'text' and item[1]:
                if out.col:
                    out.newline()
                out.parts.append(f'#line {line} "{chapter}"\n')
                pending = False
            elif not directives and indent and out.col == 0:
                out.write('\t' * (indent // 8) + ' ' * (indent % 8))
            if item[0] == 'text':
                out.write(item[1])
            else:
                _expand(chunks, item[1], out, 0 if directives else out.col, directives, stack,
                        (chapter, line))
                pending = True
    stack.pop()


def is_file_root(name):
    return bool(re.fullmatch(r'[A-Za-z0-9_./-]+', name)) and ('/' in name or '.' in name
                                                            or name == 'Makefile')


def strip_line(text):
    return re.sub(r'^#line .*\n', '', text, flags=re.M)


def tangle(chapters, out_dir, cwd='.', keep_lines=False):
    """Tangle every file root of CHAPTERS (paths relative to CWD) into OUT_DIR.  Returns
    (number of files, number rewritten, removed files).  Raises TangleError.
    keep_lines: leave alone a file whose only change is in its #line directives (the
    exercise grader uses it; see tools/lib/grading/build.py)."""
    if not chapters:
        raise TangleError('tangle: no chapters found')
    p = subprocess.run([os.path.join(noweb_lib(), 'markup'), '-t'] + list(chapters), cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode or p.stderr:
        raise TangleError('tangle: noweb markup failed:\n' + p.stderr.decode(errors='replace'))
    chunks, uses = parse(p.stdout.decode('utf-8', errors='surrogateescape'))
    roots = [n for n in chunks if n not in uses]
    bad = [n for n in roots if not is_file_root(n)]
    if bad:
        raise TangleError('\n'.join(
            f'tangle: error: chunk <<{n}>> is never used and is not a file '
            f'({chunks[n][0][0]}:{chunks[n][0][1] - 1})' for n in bad))
    out_dir = os.path.join(cwd, out_dir)
    changed = 0
    for f in roots:
        out = _Out()
        _expand(chunks, f, out, 0, f.endswith(('.c', '.h', '.S')), [], None)
        text = ''.join(out.parts)
        dst = os.path.join(out_dir, f)
        try:
            with open(dst, encoding='utf-8', errors='surrogateescape') as g:
                old = g.read()
            same = old == text or (keep_lines and strip_line(old) == strip_line(text))
        except OSError:
            same = False
        if not same:
            os.makedirs(os.path.dirname(dst) or '.', exist_ok=True)
            with open(dst, 'w', encoding='utf-8', errors='surrogateescape') as g:
                g.write(text)
            changed += 1
    removed = []
    want = set(roots)
    for d, _, names in os.walk(out_dir):
        for n in names:
            rel = os.path.relpath(os.path.join(d, n), out_dir)
            if rel not in want:
                os.remove(os.path.join(d, n))
                removed.append(rel)
    return len(roots), changed, removed


def main(argv):
    import glob
    import sys
    out = os.environ.get('TANGLE_DIR', 'tangle')
    chapters = os.environ.get('CHAPTERS', '').split() or sorted(glob.glob('chapters/*.nw'))
    expanded = []
    for c in chapters:
        expanded += sorted(glob.glob(c)) if any(ch in c for ch in '*?[') else [c]
    try:
        n, changed, removed = tangle(expanded, out)
    except TangleError as e:
        print(e, file=sys.stderr)
        return 1
    for r in removed:
        print(f'tangle: removed stale {out}/{r}')
    print(f'tangle: {n} files, {changed} changed')
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv[1:]))
