"""Figures: graphviz sources (figures/*.dot) and call-flow graphs from the tangled code.

Call graphs come from the compiler: every C file of tangle/ is compiled once more with
gcc -fcallgraph-info at -O0 (so no call is inlined away; macros such as pr_info are
already expanded to the functions they call).  Only functions the tangled kernel defines
are drawn; the graph is cut at the requested depth, and a node with callees beyond the
cut is marked with an ellipsis.  Each node links to the fragment that defines the
function (from noweb's identifier index), so the HTML graph is a map into the book.
"""
import os
import re
import subprocess


class FigureError(Exception):
    pass


def newer(src_list, dst):
    if not os.path.exists(dst):
        return True
    t = os.path.getmtime(dst)
    return any(os.path.getmtime(s) > t for s in src_list if os.path.exists(s))


def run_dot(src_text_or_path, out, fmt):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if os.path.exists(src_text_or_path):
        cmd = ['dot', f'-T{fmt}', src_text_or_path, '-o', out + '.tmp']
        p = subprocess.run(cmd, capture_output=True, text=True)
    else:
        cmd = ['dot', f'-T{fmt}', '-o', out + '.tmp']
        p = subprocess.run(cmd, input=src_text_or_path, capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        raise FigureError(f'dot failed on {out}: {p.stderr.strip()}')
    os.replace(out + '.tmp', out)


def c_files(tangle):
    out = []
    for dirpath, dirnames, filenames in os.walk(tangle):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith('.c'):
                out.append(os.path.relpath(os.path.join(dirpath, fn), tangle))
    return out


def kernel_cflags(tangle):
    """The C flags of the tangled kernel makefile (CFLAGS := / += lines), minus what
    would stop a call-graph compile (optimisation inlines calls away; -Werror, deps)."""
    mk = os.path.join(tangle, 'Makefile')
    flags = []
    if os.path.exists(mk):
        with open(mk) as f:
            text = f.read().replace('\\\n', ' ')
        for m in re.finditer(r'^CFLAGS\s*(?::=|\+=|=)(.*)$', text, re.M):
            flags += m.group(1).split()
    flags = [x for x in flags if not re.match(r'^-(O\d?|g\d?|MMD|MP|Werror.*|W.*|flto.*)$', x)
             and '$' not in x]
    if not flags:
        flags = ['-std=gnu11', '-ffreestanding', '-nostdlib', '-Iinclude', '-Iarch/x86/include']
    return flags + ['-O0', '-w', '-fcallgraph-info']


_graphs = {}


def call_graph(tangle):
    """{function: [callees]} and the set of defined functions, from gcc -fcallgraph-info
    (the compiler's own call graph; -O0 so that no call is inlined away)."""
    import hashlib
    import tempfile
    import concurrent.futures
    files = c_files(tangle)
    if not files:
        raise FigureError(f'no C files under {tangle}/ for the call graphs')
    h = hashlib.sha256()
    for fn in files:
        with open(os.path.join(tangle, fn), 'rb') as f:
            h.update(fn.encode() + b'\0' + f.read())
    for dirpath, _, filenames in os.walk(tangle):
        for fn in sorted(filenames):
            if fn.endswith('.h') or fn == 'Makefile':
                with open(os.path.join(dirpath, fn), 'rb') as f:
                    h.update(fn.encode() + b'\0' + f.read())
    key = h.hexdigest()
    if key in _graphs:
        return _graphs[key]
    flags = kernel_cflags(tangle)
    tmp = tempfile.mkdtemp(prefix='callgraph-')

    def compile_one(i_fn):
        i, fn = i_fn
        obj = os.path.join(tmp, f'{i}.o')
        p = subprocess.run(['gcc'] + flags + ['-c', fn, '-o', obj], cwd=tangle,
                           capture_output=True, text=True)
        if p.returncode != 0:
            return fn, None, p.stderr
        with open(os.path.join(tmp, f'{i}.ci')) as f:
            return fn, f.read(), None
    calls, defined = {}, set()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
            results = list(ex.map(compile_one, enumerate(files)))
    finally:
        subprocess.run(['rm', '-rf', tmp])
    for fn, ci, err in results:
        if ci is None:
            raise FigureError(f'gcc -fcallgraph-info failed on tangle/{fn}:\n{err[-1500:]}')
        for m in re.finditer(r'^node: \{ title: "([^"]+)" label: "[^"]*"( shape : ellipse)?', ci, re.M):
            if not m.group(2):
                defined.add(m.group(1).split(':')[-1])
        for m in re.finditer(r'^edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"', ci, re.M):
            a, b = m.group(1).split(':')[-1], m.group(2).split(':')[-1]
            lst = calls.setdefault(a, [])
            if b not in lst:
                lst.append(b)
    _graphs[key] = (calls, defined)
    return calls, defined


def callgraph_levels(tangle, root, depth, hide=()):
    """Breadth-first walk of the call graph from root, cut at depth: (order of the nodes,
    level of each, edges, nodes with callees beyond the cut)."""
    calls, defined = call_graph(tangle)
    if root not in defined:
        raise FigureError(f'call graph: the tangled kernel defines no function {root}()')
    level = {root: 0}
    order, edges, more = [root], [], set()
    frontier = [root]
    for d in range(1, depth + 1):
        nxt = []
        for f in frontier:
            for g in calls.get(f, []):
                if g not in defined or g in hide or g == f:
                    continue
                if (f, g) not in edges:
                    edges.append((f, g))
                if g not in level:
                    level[g] = d
                    order.append(g)
                    nxt.append(g)
        frontier = nxt
    for f in frontier:
        if any(g in defined and g not in hide and g != f for g in calls.get(f, [])):
            more.add(f)
    return order, level, edges, more


def callgraph_dot(tangle, root, depth, anchors, hide=(), keep=None):
    """The graph as dot; keep: draw only these nodes (and their edges), for one part of a
    graph split across pages."""
    order, level, edges, more = callgraph_levels(tangle, root, depth, hide)
    if keep is not None:
        order = [n for n in order if n in keep]
        edges = [(a, b) for a, b in edges if a in keep and b in keep]
    lines = ['digraph callgraph {',
             '  graph [rankdir=LR, nodesep=0.12, ranksep=0.35, bgcolor="transparent"];',
             '  node [shape=box, style="rounded", fontname="JetBrains Mono", fontsize=10, height=0.28, margin="0.08,0.03"];',
             '  edge [arrowsize=0.6];']
    for n in order:
        attrs = [f'label="{n}()' + (' …' if n in more else '') + '"']
        if n in anchors:
            attrs += [f'URL="#{anchors[n]}"', f'tooltip="{n}(): where the book defines it"', 'target="_top"']
        if n == root:
            attrs.append('penwidth=1.6')
        lines.append(f'  "{n}" [{", ".join(attrs)}];')
    for a, b in edges:
        lines.append(f'  "{a}" -> "{b}";')
    lines.append('}')
    return '\n'.join(lines) + '\n'


# A page of the PDF holds about this many boxes in one column of a left-to-right graph
# (A4, 10-point labels at full size).
PAGE_ROWS = 24


def callgraph_parts(tangle, root, depth, hide=()):
    """Split a call graph that is too tall for a page into parts, each the root with some
    of its callees and everything first reached through them; None if it fits.  A callee
    whose own part would still be too tall is split the same way by its callees: each of
    those parts is the root, that callee and some of its callees.  Returns
    [(group, via, nodes)]: the callees the part is about, the callee they are reached
    through (None for the root's own), the nodes drawn."""
    order, level, edges, more = callgraph_levels(tangle, root, depth, hide)
    owner = {root: None}
    owner2 = {}
    for a, b in edges:                       # breadth-first order: a's owner is known
        if b in owner:
            continue
        owner[b] = b if a == root else owner.get(a)
        if level.get(b, 0) >= 2:
            owner2[b] = b if level.get(a) == 1 else owner2.get(a)
    kids = [n for n in order if level.get(n) == 1]

    def rows(nodes):
        per = {}
        for n in nodes:
            per[level[n]] = per.get(level[n], 0) + 1
        return max(per.values(), default=0)

    def owned(group):
        return {n for n in order if owner.get(n) in group}

    def owned2(group):
        return {n for n in order if owner2.get(n) in group}
    if rows(owned(set(kids))) <= PAGE_ROWS:
        return None

    def pack(items, nodes_of):
        groups, cur = [], []
        for k in items:
            if cur and rows(nodes_of(set(cur + [k]))) > PAGE_ROWS:
                groups.append(cur)
                cur = []
            cur.append(k)
        if cur:
            groups.append(cur)
        return groups
    parts = []
    for group in pack(kids, owned):
        if len(group) == 1 and rows(owned(set(group))) > PAGE_ROWS:
            k = group[0]
            grand = [n for n in order if level.get(n) == 2 and owner.get(n) == k and owner2.get(n) == n]
            rest = owned(set(group)) - {k} - owned2(set(grand))
            subs = pack(grand, owned2)
            for i, sub in enumerate(subs):
                keep = owned2(set(sub)) | {root, k} | (rest if i == 0 else set())
                parts.append((sub, k, keep))
            continue
        parts.append((group, None, owned(set(group)) | {root}))
    return parts


def build(meta, figdir, tangle, out, fmts):
    """Render every figure the chapters use, plus every figures/*.dot, in fmts."""
    done = []
    anchors = meta.get('ident_anchor', {})
    names = set()
    for f in meta['figures']:
        names.add(f['name'])
        if f['kind'] == 'dot':
            src = os.path.join(figdir, f['name'] + '.dot')
            for fmt in fmts:
                dst = os.path.join(out[fmt], 'figures', f'{f["name"]}.{fmt}')
                if newer([src], dst):
                    run_dot(src, dst, fmt)
                done.append(dst)
        else:
            if f['kind'] == 'statefig':         # drawn by the kernel (statefig.py)
                dot = f['dot']
            else:
                dot = callgraph_dot(tangle, f['root'], f['depth'], anchors, set(f.get('hide', [])))
            gv = os.path.join(out['gen'], f['name'] + '.dot')
            os.makedirs(out['gen'], exist_ok=True)
            old = open(gv).read() if os.path.exists(gv) else None
            if old != dot:
                with open(gv, 'w') as fh:
                    fh.write(dot)
            for fmt in fmts:
                dst = os.path.join(out[fmt], 'figures', f'{f["name"]}.{fmt}')
                if newer([gv], dst):
                    run_dot(gv, dst, fmt)
                done.append(dst)
            # the PDF cannot scroll: a graph taller than a page is also drawn in parts
            # (book.py uses them instead of the whole, which would be shrunk unreadable)
            if 'pdf' in fmts and f['kind'] == 'callgraph':
                parts = callgraph_parts(tangle, f['root'], f['depth'], set(f.get('hide', [])))
                f['parts'] = []
                for k, (group, via, keep) in enumerate(parts or [], 1):
                    pdot = callgraph_dot(tangle, f['root'], f['depth'], anchors,
                                         set(f.get('hide', [])), keep)
                    pgv = os.path.join(out['gen'], f'{f["name"]}-part{k}.dot')
                    old = open(pgv).read() if os.path.exists(pgv) else None
                    if old != pdot:
                        with open(pgv, 'w') as fh:
                            fh.write(pdot)
                    dst = os.path.join(out['pdf'], 'figures', f'{f["name"]}-part{k}.pdf')
                    if newer([pgv], dst):
                        run_dot(pgv, dst, 'pdf')
                    done.append(dst)
                    f['parts'].append({'file': f'{f["name"]}-part{k}', 'first': group[0], 'last': group[-1],
                                       'via': via})
    return done
