"""Figures: graphviz sources (figures/*.dot) and call-flow graphs from the tangled code.

Call graphs come from GNU cflow run over every C file of tangle/.  Only functions the
tangled kernel defines are drawn (cflow says where each is defined); a call into a macro
or an undefined name is left out.  Each node links to the fragment that defines the
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
                out.append(os.path.join(dirpath, fn))
    return out


def cflow_tree(tangle, root, depth):
    files = c_files(tangle)
    if not files:
        raise FigureError(f'no C files under {tangle}/ for the call graph of {root}')
    cmd = ['cflow', '--omit-arguments', '-i', '_', '-d', str(depth + 1), '-m', root] + files
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise FigureError('cflow failed: ' + p.stderr.strip()[-1000:])
    nodes = []   # (level, name, defined_at)
    for ln in p.stdout.split('\n'):
        if not ln.strip():
            continue
        m = re.match(r'^( *)(\w+)\(\)(?: <[^>]* at ([^>]+)>)?', ln)
        if not m:
            continue
        nodes.append((len(m.group(1)) // 4, m.group(2), m.group(3)))
    if not nodes or nodes[0][1] != root or nodes[0][2] is None:
        raise FigureError(f'call graph: the tangled kernel defines no function {root}()')
    return nodes


def callgraph_dot(tangle, root, depth, anchors):
    nodes = cflow_tree(tangle, root, depth)
    defined = {n for _, n, at in nodes if at}
    edges, stack, seen_nodes, more = [], [], [], set()
    for level, name, at in nodes:
        stack = stack[:level]
        if name not in defined:
            stack.append(None)
            continue
        if level > depth:          # only to know that a node has callees beyond the cut
            if stack and stack[-1]:
                more.add(stack[-1])
            stack.append(None)
            continue
        parent = next((s for s in reversed(stack) if s), None) if stack else None
        if stack and stack[-1] is None:
            parent = None           # called from a non-drawn node: skip
        if parent and (parent, name) not in edges and parent != name:
            edges.append((parent, name))
        if name not in seen_nodes:
            seen_nodes.append(name)
        stack.append(name)
    lines = ['digraph callgraph {',
             '  graph [rankdir=LR, nodesep=0.12, ranksep=0.35, fontname="Charis SIL", bgcolor="transparent"];',
             '  node [shape=box, style="rounded", fontname="JetBrains Mono", fontsize=10, height=0.28, margin="0.08,0.03"];',
             '  edge [arrowsize=0.6];']
    for n in seen_nodes:
        attrs = [f'label="{n}()' + (' …' if n in more else '') + '"', f'id="cg-{n}"']
        if n in anchors:
            attrs += [f'URL="#{anchors[n]}"', f'tooltip="{n}: fragment {anchors[n]}"', 'target="_top"']
        if n == root:
            attrs.append('penwidth=1.6')
        lines.append(f'  "{n}" [{", ".join(attrs)}];')
    for a, b in edges:
        lines.append(f'  "{a}" -> "{b}";')
    lines.append('}')
    return '\n'.join(lines) + '\n'


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
            dot = callgraph_dot(tangle, f['root'], f['depth'], anchors)
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
    return done
