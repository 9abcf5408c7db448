"""Read noweb's cross-referenced markup stream into Python objects.

The stream comes from noweb's own tools, run over every chapter at once so that
cross-references span chapters:

    /usr/lib/noweb/markup chapters/*.nw | /usr/lib/noweb/finduses | /usr/lib/noweb/noidx

(see "The noweb Hacker's Guide" for the keywords).  Nothing here guesses a
cross-reference: every label, "used in", "continued in" and index entry is noweb's.
"""
import subprocess
import sys

LIB = '/usr/lib/noweb'


class WeaveError(Exception):
    pass


class Doc:
    kind = 'docs'

    def __init__(self):
        self.items = []      # ('text', s) | ('nl',) | ('quote', [items])


class Code:
    kind = 'code'

    def __init__(self):
        self.label = None     # noweb's label of this chunk
        self.name = None
        self.first = None     # label of the first definition of this name
        self.root = False
        self.prevdef = None
        self.nextdef = None
        self.contdefs = []    # in the first chunk only: labels of the continuations
        self.usedin = []      # labels of the chunks that use this name
        self.lines = [[]]     # lines of ('text', s) | ('use', name, label) | ('ident', name, label)
        self.defines = []     # [(identifier, [labels of chunks using it])]
        self.uses = []        # [(identifier, label of the defining chunk)]
        self.line = 0         # line number in the .nw file
        # filled in by the weaver
        self.file = None
        self.anchor = None
        self.number = None


class File:
    def __init__(self, path):
        self.path = path
        self.chunks = []


class Stream:
    def __init__(self):
        self.files = []
        self.chunk_index = []   # [(name, first label, [use labels], [def labels])]
        self.ident_index = []   # [(identifier, [def labels], [use labels])]


def run_pipeline(paths):
    """Run markup | finduses | noidx; fail on any warning."""
    cmd = (f'{LIB}/markup {" ".join(paths)} | {LIB}/finduses -noquote | {LIB}/noidx')
    # -noquote would stop finduses from looking inside [[...]] quotes; we want it to
    # look there (identifiers quoted in prose link to their definition), so drop it.
    cmd = cmd.replace(' -noquote', '')
    p = subprocess.run(['bash', '-o', 'pipefail', '-c', cmd], capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        raise WeaveError('noweb pipeline failed or warned:\n' + p.stderr.strip())
    return p.stdout


def parse(text, paths=None):
    s = Stream()
    f = None
    chunk = None
    quote = None          # list collecting quoted items while in @quote
    ref = None            # the last @xref ref label, consumed by the next use/defn
    mode = None           # sub-list we are in: 'defs', 'uses', 'xdefs', 'xuses', 'chunks', 'index'
    pending_isused = []
    pending_isdefined = None
    ident_next = None     # @index use X: the next @text X is the identifier
    entry = None
    line_no = {}
    for raw in text.split('\n'):
        if not raw:
            continue
        kw, _, arg = raw.partition(' ')
        if kw == '@file':
            f = File(arg)
            s.files.append(f)
            line_no[arg] = 1
        elif kw == '@begin':
            what = arg.split()[0]
            chunk = Doc() if what == 'docs' else Code()
            if what == 'code':
                chunk.line = line_no.get(f.path, 0)
            f.chunks.append(chunk)
        elif kw == '@end':
            if isinstance(chunk, Code) and chunk.lines and chunk.lines[-1] == []:
                chunk.lines.pop()
            chunk = None
        elif kw == '@text':
            if ident_next is not None and arg == ident_next[0]:
                item = ('ident', arg, ident_next[1])
            else:
                item = ('text', arg)
            ident_next = None
            if quote is not None:
                quote.append(item)
            elif isinstance(chunk, Code):
                chunk.lines[-1].append(item)
            elif isinstance(chunk, Doc):
                chunk.items.append(item)
        elif kw == '@nl':
            if f is not None:
                line_no[f.path] = line_no.get(f.path, 1) + 1
            if quote is not None:
                quote.append(('text', ' '))
            elif isinstance(chunk, Code):
                if chunk.name is None:
                    continue
                if chunk.lines == [[]] and not getattr(chunk, '_started', False):
                    chunk._started = True   # the newline after @defn
                    continue
                chunk.lines.append([])
            elif isinstance(chunk, Doc):
                chunk.items.append(('nl',))
        elif kw == '@defn':
            chunk.name = arg
            chunk.first = ref
            ref = None
        elif kw == '@use':
            item = ('use', arg, ref)
            ref = None
            if quote is not None:
                quote.append(item)
            elif isinstance(chunk, Code):
                chunk.lines[-1].append(item)
        elif kw == '@quote':
            quote = []
        elif kw == '@endquote':
            chunk.items.append(('quote', quote))
            quote = None
        elif kw == '@xref':
            sub, _, rest = arg.partition(' ')
            if sub == 'label':
                if isinstance(chunk, Code) and chunk.label is None:
                    chunk.label = rest
            elif sub == 'ref':
                ref = rest
            elif sub == 'notused':
                chunk.root = True
            elif sub == 'prevdef':
                chunk.prevdef = rest
            elif sub == 'nextdef':
                chunk.nextdef = rest
            elif sub == 'begindefs':
                mode = 'xdefs'
            elif sub == 'beginuses':
                mode = 'xuses'
            elif sub == 'defitem' and mode == 'xdefs':
                chunk.contdefs.append(rest)
            elif sub == 'useitem' and mode == 'xuses':
                chunk.usedin.append(rest)
            elif sub in ('enddefs', 'enduses'):
                mode = None
            elif sub == 'beginchunks':
                mode = 'chunks'
            elif sub == 'chunkbegin':
                lab, _, name = rest.partition(' ')
                entry = [name, lab, [], []]
            elif sub == 'chunkuse':
                entry[2].append(rest)
            elif sub == 'chunkdefn':
                entry[3].append(rest)
            elif sub == 'chunkend':
                s.chunk_index.append(tuple(entry))
                entry = None
            elif sub == 'endchunks':
                mode = None
        elif kw == '@index':
            sub, _, rest = arg.partition(' ')
            if sub == 'use':
                ident_next = (rest, ref)
                if isinstance(chunk, Code) and quote is None:
                    chunk.uses.append((rest, ref))
                ref = None
            elif sub == 'defn':
                ref = None
            elif sub == 'begindefs':
                mode = 'defs'
                pending_isused = []
            elif sub == 'isused' and mode == 'defs':
                pending_isused.append(rest)
            elif sub == 'defitem':
                chunk.defines.append((rest, pending_isused))
                pending_isused = []
            elif sub == 'beginuses':
                mode = 'uses'
            elif sub == 'isdefined':
                pending_isdefined = rest
            elif sub == 'useitem':
                pending_isdefined = None
            elif sub in ('enddefs', 'enduses'):
                mode = None
            elif sub == 'beginindex':
                mode = 'index'
            elif sub == 'entrybegin':
                lab, _, name = rest.partition(' ')
                entry = [name, [], []]
            elif sub == 'entrydefn':
                entry[1].append(rest)
            elif sub == 'entryuse':
                entry[2].append(rest)
            elif sub == 'entryend':
                s.ident_index.append(tuple(entry))
                entry = None
            elif sub == 'endindex':
                mode = None
        elif kw in ('@language', '@header', '@trailer', '@fatal'):
            if kw == '@fatal':
                raise WeaveError('noweb: ' + arg)
    # A code chunk's uses list repeats an identifier per occurrence; keep first of each.
    for f in s.files:
        for c in f.chunks:
            if isinstance(c, Code):
                seen = {}
                for name, lab in c.uses:
                    seen.setdefault(name, lab)
                defined = {d for d, _ in c.defines}
                c.uses = [(n, l) for n, l in seen.items() if n not in defined]
    return s
