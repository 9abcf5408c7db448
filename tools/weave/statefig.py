"""State figures: a picture of the running kernel's own data, drawn at build time.

The kernel prints a small graph description between two markers; the weave boots the
tangled kernel (through transcript.capture, so the log is cached like any transcript),
cuts out the lines between the markers and turns them into graphviz.  A chapter asks for
one with

    ::: {.statefig #fig:ID name=NAME cmdline="test=rbtree poweroff" [smp= mem= numa= timeout= status=]}
    The caption.
    :::

and the kernel prints, anywhere in its log (a printk prefix such as the timestamp, a
pr_fmt or KUnit's indentation before "statefig:" is ignored):

    statefig: begin NAME [rankdir=TB|LR] [nodesep=N] [ranksep=N]
    statefig: node ID [label="..."] [xlabel="..."] [fill=COLOUR] [shape=SHAPE] [group=G]
                      [height=INCHES] [width=INCHES]
    statefig: edge ID ID [label="..."] [style=solid|dashed|dotted|invis] [color=COLOUR]
    statefig: rank ID ID ...          (these nodes side by side)
    statefig: end NAME

IDs are letters, digits and underscores.  A value is one word, or a double-quoted string
without double quotes in it; in a label, \n is a line break and no other backslash is
allowed.  COLOUR is a palette name (below), so that every state
figure of the book uses the same colours; a node filled "red" or "black" gets white
text.  SHAPE is one of box, circle, ellipse, point, plaintext, square.  height= and width=
are the node's least size in inches (more than 0, at most 20), for a figure whose boxes
stand for quantities (chapter 31's address-space layout).  Anything else is
an error that names the line, as is an edge to an undeclared node, a missing "end", or
the same NAME printed twice in one log.
"""
import re

PALETTE = {
    'red': '#c0392b', 'black': '#222222', 'white': '#ffffff', 'grey': '#bbbbbb',
    'blue': '#2e6da4', 'lightblue': '#d6e6f5', 'green': '#3c8d40', 'lightgreen': '#d9f0d3',
    'yellow': '#f4d03f', 'orange': '#e67e22',
}
DARK = {'red', 'black', 'blue', 'green'}
SHAPES = {'box', 'circle', 'ellipse', 'point', 'plaintext', 'square'}
STYLES = {'solid', 'dashed', 'dotted', 'invis'}
ATTRS = {
    'begin': {'rankdir': {'TB', 'LR', 'BT', 'RL'}, 'nodesep': float, 'ranksep': float},
    'node': {'label': str, 'xlabel': str, 'fill': set(PALETTE), 'shape': SHAPES, 'group': 'id',
             'height': 'inches', 'width': 'inches'},
    'edge': {'label': str, 'style': STYLES, 'color': set(PALETTE)},
}
ID = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')
TOKEN = re.compile(r'\s*([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|[^\s"]+)|\s*([^\s=]+)')


class StateFigError(Exception):
    pass


def statefig_lines(log):
    """The text after 'statefig: ' of every line that has it, with its line number."""
    out = []
    for i, line in enumerate(log.split('\n'), 1):
        k = line.find('statefig: ')
        if k >= 0:
            out.append((i, line[k + len('statefig: '):].rstrip()))
    return out


def parse_line(text, where):
    """(words, {key: value}) of one statefig line."""
    words, attrs = [], {}
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == '':
                break
            raise StateFigError(f'{where}: cannot read "{text[pos:]}"')
        if m.group(1):
            if m.group(1) in attrs:
                raise StateFigError(f'{where}: {m.group(1)}= given twice')
            attrs[m.group(1)] = m.group(3) if m.group(3) is not None else m.group(2)
        else:
            if attrs:
                raise StateFigError(f'{where}: "{m.group(4)}" after the attributes')
            words.append(m.group(4))
        pos = m.end()
    return words, attrs


def check_attrs(kind, attrs, where):
    allowed = ATTRS[kind]
    for k, v in attrs.items():
        if k not in allowed:
            raise StateFigError(f'{where}: {kind} has no attribute {k}= '
                                f'(known: {", ".join(sorted(allowed))})')
        rule = allowed[k]
        if rule is float:
            try:
                float(v)
            except ValueError:
                raise StateFigError(f'{where}: {k}={v} is not a number')
        elif rule == 'inches':
            try:
                ok = 0 < float(v) <= 20
            except ValueError:
                ok = False
            if not ok:
                raise StateFigError(f'{where}: {k}={v} is not a size in inches (more than 0, at most 20)')
        elif rule is str:
            if re.search(r'\\(?!n)', v):
                raise StateFigError(f'{where}: {k}="{v}": the only backslash allowed is \\n')
        elif rule == 'id':
            if not ID.match(v):
                raise StateFigError(f'{where}: {k}={v} is not an identifier')
        elif isinstance(rule, set) and v not in rule:
            raise StateFigError(f'{where}: {k}={v}: must be one of {", ".join(sorted(rule))}')


def extract(log, name):
    """The graph NAME as (graph attrs, [(id, attrs)], [(a, b, attrs)], [[ids]])."""
    graph, nodes, edges, ranks = None, [], [], []
    seen, done = set(), False
    for lineno, text in statefig_lines(log):
        where = f'statefig {name}, log line {lineno}'
        words, attrs = parse_line(text, where)
        if not words:
            raise StateFigError(f'{where}: an empty statefig line')
        if words[0] == 'begin' and len(words) == 2 and words[1] == name:
            if graph is not None or done:
                raise StateFigError(f'{where}: "begin {name}" printed twice')
            check_attrs('begin', attrs, where)
            graph = attrs
            continue
        if graph is None or done:
            continue                    # another figure's lines, or none of ours yet
        kind = words[0]
        if kind == 'end':
            if words[1:] != [name]:
                raise StateFigError(f'{where}: "end {" ".join(words[1:])}" inside {name}')
            done = True
        elif kind == 'node':
            if len(words) != 2 or not ID.match(words[1]):
                raise StateFigError(f'{where}: expected "node ID attr=value..."')
            if words[1] in seen:
                raise StateFigError(f'{where}: node {words[1]} declared twice')
            check_attrs('node', attrs, where)
            seen.add(words[1])
            nodes.append((words[1], attrs))
        elif kind == 'edge':
            if len(words) != 3 or not all(ID.match(w) for w in words[1:]):
                raise StateFigError(f'{where}: expected "edge ID ID attr=value..."')
            check_attrs('edge', attrs, where)
            edges.append((words[1], words[2], attrs, where))
        elif kind == 'rank':
            if len(words) < 3 or attrs:
                raise StateFigError(f'{where}: expected "rank ID ID..."')
            ranks.append((words[1:], where))
        else:
            raise StateFigError(f'{where}: unknown statefig line "{kind}" '
                                '(begin, node, edge, rank, end)')
    if graph is None:
        raise StateFigError(f'the log has no "statefig: begin {name}" line')
    if not done:
        raise StateFigError(f'statefig {name}: no "statefig: end {name}" line')
    for a, b, _, where in edges:
        for n in (a, b):
            if n not in seen:
                raise StateFigError(f'{where}: edge to undeclared node {n}')
    for ids, where in ranks:
        for n in ids:
            if n not in seen:
                raise StateFigError(f'{where}: rank names undeclared node {n}')
    return graph, nodes, [e[:3] for e in edges], [r[0] for r in ranks]


def q(s):
    return '"' + s + '"'            # check_attrs let no quote and no backslash but \n in


def to_dot(name, graph, nodes, edges, ranks):
    lines = [f'digraph {q("statefig-" + name)} {{',
             f'  graph [rankdir={graph.get("rankdir", "TB")}, nodesep={graph.get("nodesep", "0.25")}, '
             f'ranksep={graph.get("ranksep", "0.35")}, bgcolor="transparent", '
             'fontname="Helvetica"];',
             '  node [shape=circle, style=filled, fillcolor="#ffffff", fontname="Helvetica", '
             'fontsize=10, width=0.4, margin="0.04,0.02"];',
             '  edge [arrowsize=0.5, fontname="Helvetica", fontsize=8];']
    for ident, a in nodes:
        attrs = []
        if 'label' in a:
            attrs.append(f'label={q(a["label"])}')
        if 'xlabel' in a:
            attrs.append(f'xlabel={q(a["xlabel"])}')
        if 'fill' in a:
            attrs.append(f'fillcolor="{PALETTE[a["fill"]]}"')
            if a['fill'] in DARK:
                attrs.append('fontcolor="#ffffff"')
        shape = a.get('shape')
        if shape == 'square':
            attrs += ['shape=box', 'width=0.12', 'height=0.12', 'fixedsize=true', 'label=""']
        elif shape:
            attrs.append(f'shape={shape}')
            if shape == 'plaintext':
                attrs.append('style=""')
        if 'group' in a:
            attrs.append(f'group={a["group"]}')
        for size in ('height', 'width'):
            if size in a and shape != 'square':
                attrs.append(f'{size}={float(a[size]):g}')
        lines.append(f'  {ident} [{", ".join(attrs)}];')
    for a, b, e in edges:
        attrs = []
        if 'label' in e:
            attrs.append(f'label={q(e["label"])}')
        if 'style' in e:
            attrs.append(f'style={e["style"]}')
        if 'color' in e:
            attrs.append(f'color="{PALETTE[e["color"]]}"')
        lines.append(f'  {a} -> {b}' + (f' [{", ".join(attrs)}]' if attrs else '') + ';')
    for ids in ranks:
        lines.append('  { rank=same; ' + '; '.join(ids) + '; }')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def dot_from_log(log, name):
    return to_dot(name, *extract(log, name))


if __name__ == '__main__':
    # statefig.py NAME < LOG: print the graphviz source (for trying a figure by hand).
    import sys
    try:
        sys.stdout.write(dot_from_log(sys.stdin.read(), sys.argv[1]))
    except StateFigError as e:
        sys.exit(f'statefig: {e}')
