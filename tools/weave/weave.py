#!/usr/bin/env python3
"""tools/weave/weave.py: weave chapters/*.nw into Pandoc Markdown, one file per page.

    weave.py md  [--chapters DIR] [--out DIR] [--tangle DIR]

noweb computes every cross-reference (markup | finduses | noidx over all chapters at
once); this program turns that stream into Pandoc Markdown: documentation chunks pass
through as they are, code chunks become raw HTML and raw LaTeX blocks (both are written;
pandoc keeps the one for its output format).  It also writes the generated appendices
(exercises, questions answered, glossary, the two indexes, bibliography) and book.json,
which lists the pages for the HTML assembler and the PDF build.

A file is rewritten only when its content changes, so one edited chapter makes pandoc
rerun only for the pages whose Markdown really changed.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from noweb import Code, Doc, WeaveError, parse, run_pipeline  # noqa: E402

# The questions' topics are tags in the learner's list ("sleeping-locks"); the appendix
# shows them as headings.
TOPIC_TITLES = {'rcu': 'RCU', 'sleeping-locks': 'Sleeping locks', 'tools-debugging': 'Tools and debugging',
                'memblock': 'memblock', 'fixmap-ioremap': 'Fixmap and ioremap', 'nodes-zones': 'Nodes and zones',
                'buddy': 'The buddy allocator', 'pcp': 'Per-CPU page lists', 'slab': 'The slab allocator',
                'vmalloc': 'vmalloc', 'start_kernel-flow': 'The `start_kernel` flow', 'boot': 'Booting'}
from render import LANG, RANG, Renderer, code_inline, esc, name_html, name_tex, raw_block, raw_inline, tex, texcode, transcript_blocks  # noqa: E402
from highlight import classify, lang_of  # noqa: E402
import scope  # noqa: E402

ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']


def write_if_changed(path, text):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    try:
        with open(path, encoding='utf-8') as f:
            if f.read() == text:
                return False
    except FileNotFoundError:
        pass
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)
    return True


def parse_attrs(s):
    """Pandoc attribute text '{#id .cls key=val key="v w"}' -> (id, classes, dict)."""
    ident, classes, kv = None, [], {}
    for m in re.finditer(r'#([^\s}]+)|\.([^\s}=]+)|([\w-]+)=("([^"]*)"|[^\s}]+)', s):
        if m.group(1):
            ident = m.group(1)
        elif m.group(2):
            classes.append(m.group(2))
        else:
            kv[m.group(3)] = m.group(5) if m.group(5) is not None else m.group(4)
    return ident, classes, kv


class Book:
    def __init__(self, args):
        self.args = args
        self.root = args.root
        self.chapter_paths = sorted(glob.glob(os.path.join(args.chapters, '*.nw')))
        if not self.chapter_paths:
            raise WeaveError(f'no chapters in {args.chapters}/*.nw')
        self.stream = parse(run_pipeline(self.chapter_paths))
        self.chunks_by_label = {}
        self.name_roots = {}
        self.pages = []
        self.questions_found = {}    # n -> [(page, anchor, chapter title)]
        self.figures = []            # figure specs for figures.py
        self.transcripts = []
        self.errors = []
        self.notes = []
        self.number_chunks()
        self.resolve_links()

    # -- numbering -------------------------------------------------------------
    def number_chunks(self):
        self.chapters = []
        for i, f in enumerate(self.stream.files, 1):
            stem = os.path.splitext(os.path.basename(f.path))[0]
            k = 0
            for c in f.chunks:
                if isinstance(c, Code):
                    k += 1
                    c.file = stem
                    c.anchor = f'f-{stem}-{k}'
                    c.number = f'{i}.{k}'
                    if c.label:
                        self.chunks_by_label[c.label] = c
            self.chapters.append({'stem': stem, 'number': i, 'file': f, 'path': f.path})
        # which chunk names flow into which file roots (for the language of a chunk)
        self.users_of = {}
        for name, first, uses, defs in self.stream.chunk_index:
            self.users_of[name] = [self.chunks_by_label[u].name for u in uses
                                   if u in self.chunks_by_label]

    # -- which identifier occurrences are links ------------------------------------
    def resolve_links(self):
        """Decide, for every identifier noweb marked in the code, whether it is a link
        and to which definition (scope.py says which occurrences are global uses), and
        rebuild from that the "Uses" and "used in" lists and the identifier index, so that
        they list only real uses."""
        verdicts, files_of, statics = scope.analyze(self)
        self.files_of = files_of
        defs = {name: list(d) for name, d, u in self.stream.ident_index}
        static_defs = set()
        for name, labels in defs.items():
            for lab in labels:
                fs = files_of.get(lab, set())
                if fs and all(name in statics.get(f, ()) for f in fs):
                    static_defs.add((name, lab))
        order = {}
        self.link_target = {}
        uses_of = {}                  # (name, def label) -> [chunk labels], book order
        for f in self.stream.files:
            for c in f.chunks:
                if not isinstance(c, Code):
                    continue
                order[c.label] = len(order)
                lang = self.lang_of_name(c.name)
                flat, pos = [], []
                for ln in c.lines:
                    for it in ln:
                        pos.append(sum(len(x) for x in flat))
                        flat.append('\0' if it[0] == 'use' else it[1])
                    flat.append('\n')
                    pos.append(None)
                cls = classify(''.join(flat), lang)
                k = 0
                mine = {}
                for li, ln in enumerate(c.lines):
                    for ii, it in enumerate(ln):
                        start = pos[k]
                        k += 1
                        if it[0] != 'ident':
                            continue
                        target = None
                        v = verdicts.get((c.label, li, ii))
                        hidden = any(x in ('c', 's') for x in cls[start:start + len(it[1])])
                        if not hidden and (v is None or v == {'global'}):
                            target = self._resolve(it[1], it[2], files_of.get(c.label, set()),
                                                   defs, static_defs, files_of)
                        if target == c.label:
                            target = None       # a definition does not link to itself
                        self.link_target[(c.label, li, ii)] = target
                        if target and target != c.label:
                            mine.setdefault(it[1], target)
                    k += 1
                defined = {d for d, _ in c.defines}
                c.uses = [(n, t) for n, t in mine.items() if n not in defined]
                for n, t in mine.items():
                    lst = uses_of.setdefault((n, t), [])
                    if c.label not in lst:
                        lst.append(c.label)
        for f in self.stream.files:
            for c in f.chunks:
                if isinstance(c, Code):
                    c.defines = [(ident, uses_of.get((ident, c.label), [])) for ident, _ in c.defines]
        self.stream.ident_index = [
            (name, d, sorted({u for lab in d for u in uses_of.get((name, lab), [])},
                             key=lambda lab: order.get(lab, 0)))
            for name, d, _ in self.stream.ident_index]

    @staticmethod
    def _resolve(name, ref, use_files, defs, static_defs, files_of):
        cands = defs.get(name) or ([ref] if ref else [])
        same = [d for d in cands if files_of.get(d, set()) & use_files]
        if same:
            return ref if ref in same else same[0]
        public = [d for d in cands if (name, d) not in static_defs]
        if not public:
            return None
        return ref if ref in public else public[0]

    def lang_of_name(self, name, seen=None):
        if name in self.name_roots:
            return self.name_roots[name]
        seen = seen or set()
        if name in seen:
            return 'c'
        seen.add(name)
        users = self.users_of.get(name, [])
        if not users:
            lang = lang_of(name) if re.match(r'^[\w./-]+$', name) else 'c'
        else:
            lang = self.lang_of_name(users[0], seen)
        self.name_roots[name] = lang
        return lang

    # -- chapters ----------------------------------------------------------------
    def doc_markdown(self, d, r):
        out = []
        for it in d.items:
            if it[0] == 'text':
                out.append(it[1])
            elif it[0] == 'nl':
                out.append('\n')
            elif it[0] == 'quote':
                out.append(r.quote(it[1]))
        return ''.join(out)

    def chapter_markdown(self, ch):
        r = Renderer(self)
        parts = []
        for c in ch['file'].chunks:
            if isinstance(c, Doc):
                parts.append(self.process_doc(self.doc_markdown(c, r), ch))
            else:
                parts.append('\n' + r.code(c) + '\n')
        md = ''.join(parts)
        m = re.search(r'^# +(.+?)\s*\{([^}]*)\}\s*$', md, re.M)
        if not m:
            raise WeaveError(f'{ch["path"]}: the first documentation chunk must start with '
                             '"# Title {#ch:name}"')
        ident, _, _ = parse_attrs('{' + m.group(2) + '}')
        if not ident:
            raise WeaveError(f'{ch["path"]}: the chapter heading needs an id, e.g. {{#ch:name}}')
        ch['id'] = ident
        ch['title_md'] = m.group(1)
        self.number_question_marks(md, ch)
        prose = re.sub(r'^(`{3,}|~{3,}).*?^\1[ \t]*$', '', md, flags=re.M | re.S)
        for extra in list(re.finditer(r'^# +(.+)$', prose, re.M))[1:]:
            # every chapter is one page with one title; a second "# " makes a second chapter
            # in the PDF and a stray number in the HTML
            self.notes.append(f'{ch["path"]}: a second top-level heading "# {extra.group(1).strip()}": '
                              'sections are "## "')
        return md

    def number_question_marks(self, md, ch):
        """The section that holds each question marker of the chapter, numbered as pandoc
        numbers it (--number-sections, the chapter's number as the offset), for the
        appendix: "Answered in chapter 5, *Contexts*: §5.2, §5.4.1"."""
        self.q_section = getattr(self, 'q_section', {})
        prose = re.sub(r'^(`{3,}|~{3,}).*?^\1[ \t]*$', lambda m: ' ' * len(m.group(0)), md, flags=re.M | re.S)
        heads = []
        counters = [0, 0, 0, 0, 0, 0]
        for h in re.finditer(r'^(#{1,6}) +(.*?)\s*(\{[^}]*\})?\s*$', prose, re.M):
            level = len(h.group(1))
            attrs = h.group(3) or ''
            if re.search(r'\{-|\s-\}|\.unnumbered', attrs) or level == 1:
                heads.append((h.start(), None if level > 1 else str(ch['number'])))
                continue
            counters[level - 1] += 1
            for k in range(level, 6):
                counters[k] = 0
            heads.append((h.start(), '.'.join([str(ch['number'])] + [str(c) for c in counters[1:level]])))
        for m in re.finditer(r'[{\s]#([\w:.-]+)[\s}]', prose):
            num = None
            for pos, n in heads:
                if pos > m.start():
                    break
                num = n if n is not None else num
            self.q_section[m.group(1)] = num

    def process_doc(self, md, ch):
        page = ch['stem']

        # Question markers: any attribute block with q=N (span or div).
        def qmark(m):
            ident, classes, kv = parse_attrs(m.group(0))
            nums = [int(x) for x in re.findall(r'\d+', kv.get('q', ''))]
            if not nums:
                self.errors.append(f'{ch["path"]}: question marker without a number: {m.group(0)}')
                return m.group(0)
            body = m.group(0)[1:-1]
            if not ident:
                n = sum(len(v) for v in self.questions_found.values()) + 1
                ident = f'q{nums[0]}-{n}'
                body = f'#{ident} ' + body
            if 'answer' not in classes:
                body += ' .answer'
            for n in nums:
                self.questions_found.setdefault(n, []).append((page, ident, ch))
            return '{' + body + '}'
        md = re.sub(r'\{[^{}\n]*\bq=[^{}\n]*\}', qmark, md)

        # The short form [Qn]{.q} (or [Q36, Q37]{.q}): the span's text names the questions.
        def qshort(m):
            ident, classes, kv = parse_attrs(m.group(2))
            nums = [int(x) for x in re.findall(r'\d+', m.group(1))]
            if not ident:
                n = sum(len(v) for v in self.questions_found.values()) + 1
                ident = f'q{nums[0]}-{n}'
            for n in nums:
                self.questions_found.setdefault(n, []).append((page, ident, ch))
            links = ', '.join(f'[Q{n}](#Q{n})' for n in nums)
            return f'[{links}]{{#{ident} .q title="a reader\'s question, answered here; see the appendix"}}'
        md = re.sub(r'\[(Q\d+(?:\s*(?:,|and|&)?\s*Q\d+)*)\](\{[^{}\n]*\.q\b[^{}\n]*\})', qshort, md)

        # Transcripts: ::: {.transcript cmdline="..." ...} ::: (any content is replaced)
        def transcript(m):
            ident, classes, kv = parse_attrs(m.group(1))
            spec = {'cmdline': kv.get('cmdline', ''), 'smp': kv.get('smp', '2'),
                    'mem': kv.get('mem', '512M'), 'timeout': kv.get('timeout', '120'),
                    'numa': kv.get('numa', ''), 'match': kv.get('match', ''),
                    'from': kv.get('from', ''), 'to': kv.get('to', ''),
                    'status': kv.get('status', 'pass'), 'where': ch['path'],
                    'input': kv.get('input', ''), 'gdb': kv.get('gdb', '')}
            self.transcripts.append(spec)
            body = self.transcript_text(spec)
            if spec['gdb']:
                cap = (f'Captured by booting the tangled kernel (SMP={spec["smp"]}, MEM={spec["mem"]}'
                       + (f', command line `{spec["cmdline"]}`' if spec['cmdline'] else '')
                       + ') halted, as `make debug` does, and typing into gdb: '
                       + ', '.join(f'`{c.strip()}`' for c in spec['gdb'].split(';') if c.strip()) + '.')
            elif spec['input']:
                cap = (f'Captured by booting the tangled kernel (SMP={spec["smp"]}, MEM={spec["mem"]}'
                       + (f', command line `{spec["cmdline"]}`' if spec['cmdline'] else '')
                       + ') and typing into its monitor, one key at a time: '
                       + ', '.join(f'`{c.strip()}`' for c in spec['input'].split(';') if c.strip()) + '.')
            else:
                cap = (f'Captured by booting the tangled kernel with `{spec["cmdline"]}`'
                       f' (SMP={spec["smp"]}, MEM={spec["mem"]}'
                       + (f', NUMA={spec["numa"]}' if spec['numa'] else '') + ')'
                       + ('; the kernel panics, as intended.' if spec['status'] == 'panic' else '.'))
            idpart = f'#{ident} ' if ident else ''
            return (f'::: {{{idpart}.transcript}}\n' + transcript_blocks(body) + '\n'
                    f'[{cap}]{{.transcript-caption}}\n:::\n')
        md = re.sub(r'^:::+ *(\{[^}\n]*\.transcript\b[^}\n]*\})[ \t]*\n(?:(?!:::).*\n)*?:::+[ \t]*$',
                    transcript, md, flags=re.M)

        # Disassemblies: ::: {.disasm symbol=NAME} ::: (objdump's listing of one function of
        # the built kernel; any content is replaced)
        def disasm(m):
            ident, classes, kv = parse_attrs(m.group(1))
            sym = kv.get('symbol', '')
            body = self.disasm_text(sym, ch['path'])
            cap = (f'Disassembled from the kernel the book builds: `objdump -d --no-show-raw-insn'
                   f' --disassemble={sym} build/kernel.elf`.')
            idpart = f'#{ident} ' if ident else ''
            return (f'::: {{{idpart}.transcript}}\n' + transcript_blocks(body) + '\n'
                    f'[{cap}]{{.transcript-caption}}\n:::\n')
        md = re.sub(r'^:::+ *(\{[^}\n]*\.disasm\b[^}\n]*\})[ \t]*\n(?:(?!:::).*\n)*?:::+[ \t]*$',
                    disasm, md, flags=re.M)

        # State figures: ::: {.statefig #fig:x name=NAME cmdline="..."} caption :::
        # The kernel draws its own state; tools/weave/statefig.py turns it into graphviz.
        def statefig_div(m):
            import statefig
            ident, classes, kv = parse_attrs(m.group(1))
            name = kv.get('name', '')
            if not re.match(r'^[A-Za-z0-9_-]+$', name) or not kv.get('cmdline'):
                self.errors.append(f'{ch["path"]}: statefig needs name=NAME and cmdline="..."')
                return m.group(0)
            spec = {'cmdline': kv['cmdline'], 'smp': kv.get('smp', '2'),
                    'mem': kv.get('mem', '512M'), 'timeout': kv.get('timeout', '120'),
                    'numa': kv.get('numa', ''), 'match': '', 'from': '', 'to': '',
                    'status': kv.get('status', 'pass'), 'where': ch['path']}
            try:
                dot = statefig.dot_from_log(self.transcript_text(spec), name)
            except statefig.StateFigError as e:
                raise WeaveError(f'{ch["path"]}: {e}')
            self.figures.append({'kind': 'statefig', 'name': f'statefig-{name}', 'dot': dot,
                                 'where': ch['path']})
            cap = (m.group(2).strip() + ' ' if m.group(2).strip() else '') + \
                f'(Drawn from the kernel\'s own state, booted with `{spec["cmdline"]}`.)'
            idpart = f'#{ident} ' if ident else ''
            return f'![{cap}](figures/statefig-{name}){{{idpart}.statefig}}\n'
        md = re.sub(r'^:::+ *(\{[^}\n]*\.statefig\b[^}\n]*\})[ \t]*\n((?:(?!:::).*\n)*?):::+[ \t]*$',
                    statefig_div, md, flags=re.M)

        # Call graphs: ::: {.callgraph #fig:x root=f depth=3} caption :::
        def callgraph(m):
            ident, classes, kv = parse_attrs(m.group(1))
            root, depth = kv.get('root'), kv.get('depth', '3')
            if not root or not depth.isdigit():
                self.errors.append(f'{ch["path"]}: callgraph needs root=FUNCTION and depth=N')
                return m.group(0)
            name = f'callgraph-{root}-{depth}'
            hide = kv.get('hide', '').split()
            if hide:
                name += '-' + hashlib.sha1(' '.join(sorted(hide)).encode()).hexdigest()[:6]
            self.figures.append({'kind': 'callgraph', 'name': name, 'root': root,
                                 'depth': int(depth), 'hide': hide, 'where': ch['path']})
            cap = m.group(2).strip() or f'What `{root}` calls, {depth} levels deep.'
            idpart = f'#{ident} ' if ident else ''
            return f'![{cap}](figures/{name}){{{idpart}.callgraph}}\n'
        md = re.sub(r'^:::+ *(\{[^}\n]*\.callgraph\b[^}\n]*\})[ \t]*\n((?:(?!:::).*\n)*?):::+[ \t]*$',
                    callgraph, md, flags=re.M)

        # Hand-drawn figures: ](figures/NAME.dot) -> ](figures/NAME); the extension is
        # chosen per format (--default-image-extension svg or pdf).
        def dotfig(m):
            name = m.group(1)
            src = os.path.join(self.args.figures, name + '.dot')
            if not os.path.exists(src):
                self.errors.append(f'{ch["path"]}: no figure source {src}')
            self.figures.append({'kind': 'dot', 'name': name, 'where': ch['path']})
            return f'](figures/{name})'
        md = re.sub(r'\]\(figures/([\w-]+)\.dot\)', dotfig, md)
        return md

    def sample_fragments(self, md, where):
        """::: {.sample-fragment name="NAME"} ::: shows the header of a real fragment
        (its number, name and link), so the front page's example cannot name a fragment
        that does not exist."""
        r = Renderer(self)

        def one(m):
            _, _, kv = parse_attrs(m.group(1))
            name = kv.get('name', '')
            c = next((c for c in self.chunks_by_label.values() if c.name == name and not c.first), None)
            if c is None:
                c = next((c for c in self.chunks_by_label.values() if c.name == name), None)
            if c is None:
                self.errors.append(f'{where}: sample-fragment: no fragment is named "{name}"')
                return ''
            h = (f'<div class="nw-sample"><div class="nw-head"><a class="nw-tag" href="#{c.anchor}">{c.number}</a>'
                 f'<span class="nw-name"><a href="#{c.anchor}">{LANG}{name_html(c.name, c.root)}&#8239;'
                 f'<span class="nw-n">{c.number}</span>{RANG}</a></span><span class="nw-eq">&#8801;</span></div></div>')
            t = (r'\begin{quote}\nwsample{%s}{%s}\end{quote}' % (c.anchor, name_tex(c.name, c.root)))
            return raw_block(h, 'html') + raw_block(t, 'latex')
        return re.sub(r'^:::+ *(\{[^}\n]*\.sample-fragment\b[^}\n]*\})[ \t]*\n:::+[ \t]*$', one, md, flags=re.M)

    def disasm_text(self, symbol, where):
        import transcript
        try:
            return transcript.disassemble(symbol, self.args)
        except transcript.TranscriptError as e:
            raise WeaveError(f'{where}: disassembly: {e}')

    def transcript_text(self, spec):
        import transcript
        try:
            return transcript.capture(spec, self.args)
        except transcript.TranscriptError as e:
            raise WeaveError(f'{spec["where"]}: transcript: {e}')

    # -- appendices ----------------------------------------------------------------
    def exercises(self):
        out = []
        for readme in sorted(glob.glob(os.path.join(self.args.exercises, '*', 'README.md'))):
            name = os.path.basename(os.path.dirname(readme))
            with open(readme, encoding='utf-8') as f:
                text = f.read()
            m = re.search(r'^# +(.+)$', text, re.M)
            cm = re.search(r'^Chapter: *(\S+)', text, re.M)
            dm = re.search(r'^Difficulty: *(\S+)', text, re.M)
            if not (m and cm and dm):
                self.errors.append(f'{readme}: needs "# Title", "Chapter: NN-name" and '
                                   '"Difficulty: ★☆☆" lines')
                continue
            body = text[m.end():]
            body = re.sub(r'^(Chapter|Difficulty):.*\n?', '', body, flags=re.M)
            # demote headings by two levels, outside fenced code
            lines, fenced = [], False
            for ln in body.split('\n'):
                if re.match(r'^(```|~~~)', ln):
                    fenced = not fenced
                if not fenced and re.match(r'^#{1,4} ', ln):
                    # an exercise's own headings (Goal, Hints, ...) are neither numbered
                    # ("A.0.0.40 Hints" in the PDF) nor listed in the contents
                    a = re.match(r'^(.*?)\s*\{([^{}]*)\}\s*$', ln)
                    ln = ('##' + a.group(1) + ' {' + a.group(2) + ' .unnumbered .unlisted}' if a
                          else '##' + ln.rstrip() + ' {.unnumbered .unlisted}')
                lines.append(ln)
            out.append({'name': name, 'title': m.group(1).strip(), 'chapter': cm.group(1),
                        'difficulty': dm.group(1), 'body': '\n'.join(lines).strip()})
        return out

    def build(self):
        out = self.args.out
        md_dir = os.path.join(out, 'md')
        os.makedirs(md_dir, exist_ok=True)
        exercises = self.exercises()
        by_stem = {ch['stem']: ch for ch in self.chapters}
        for ex in exercises:
            if ex['chapter'] not in by_stem:
                self.errors.append(f'exercise {ex["name"]}: no chapter {ex["chapter"]}')

        pages = []
        front = os.path.join(self.args.bookdir, 'front.md')
        with open(front, encoding='utf-8') as f:
            pages.append({'file': 'index', 'kind': 'front', 'md': self.sample_fragments(f.read(), front)})

        parts = self.args.parts
        for ch in self.chapters:
            md = self.chapter_markdown(ch)
            mine = [e for e in exercises if e['chapter'] == ch['stem']]
            if mine:
                items = ''.join(f'- [{e["title"]}](#ex-{e["name"]}) {e["difficulty"]}\n' for e in mine)
                own = re.search(r'^## +Exercises\b.*\n', md, re.M)
                if own:
                    # the chapter has its own "Exercises" section: the graded ones go at
                    # its top, not under a second heading of the same name
                    md = (md[:own.end()] + '\n::: {.exercises-list}\nGraded exercises, with their '
                          'tasks in the [Exercises appendix](#app:exercises):\n\n' + items + ':::\n\n'
                          + md[own.end():])
                else:
                    md += '\n\n## Exercises {.unnumbered .exercises-list}\n\n' + items
            part = int(re.match(r'(\d+)', ch['stem']).group(1)) // 10 if re.match(r'\d', ch['stem']) else 0
            pages.append({'file': ch['stem'], 'kind': 'chapter', 'number': ch['number'],
                          'id': ch['id'], 'md': md, 'source': ch['path'],
                          'part': part, 'part_title': parts.get(str(part), ''),
                          'exercises': [e['name'] for e in mine]})
        if self.errors:
            raise WeaveError('\n'.join(self.errors))
        # Links to chapters that are planned but not written yet ([the SMP chapter](#ch:smp))
        # become plain text marked "forthcoming"; they are reported on every build.
        chapter_ids = {ch['id'] for ch in self.chapters}
        self.forthcoming = set()

        def later(m):
            if m.group(2) in chapter_ids:
                return m.group(0)
            self.forthcoming.add(m.group(2))
            return f'[{m.group(1)}]{{.forthcoming title="not written yet"}}'
        for p in pages:
            if p['kind'] == 'chapter':
                p['md'] = re.sub(r'\[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]\(#(ch:[\w-]+)\)', later, p['md'])

        pages.append({'file': 'exercises', 'kind': 'appendix', 'md': self.exercises_md(exercises, by_stem)})
        pages.append({'file': 'questions', 'kind': 'appendix', 'md': self.questions_md()})
        pages.append({'file': 'glossary', 'kind': 'appendix', 'md': self.glossary_md()})
        pages.append({'file': 'fragments', 'kind': 'appendix', 'md': self.fragment_index_md()})
        pages.append({'file': 'identifiers', 'kind': 'appendix', 'md': self.ident_index_md()})
        pages.append({'file': 'bibliography', 'kind': 'appendix', 'md': self.bibliography_md()})

        changed = []
        for p in pages:
            if write_if_changed(os.path.join(md_dir, p['file'] + '.md'), p.pop('md')):
                changed.append(p['file'])
        # remove pages of chapters that no longer exist
        keep = {p['file'] + '.md' for p in pages}
        for f in os.listdir(md_dir):
            if f.endswith('.md') and f not in keep:
                os.remove(os.path.join(md_dir, f))
        meta = {'pages': pages, 'figures': self.figures,
                'fragments': sorted({c.name for c in self.chunks_by_label.values()}),
                'identifiers': sorted({e[0] for e in self.stream.ident_index}),
                'ident_anchor': {e[0]: self.chunks_by_label[e[1][0]].anchor
                                 for e in self.stream.ident_index
                                 if e[1] and e[1][0] in self.chunks_by_label}}
        write_if_changed(os.path.join(out, 'book.json'), json.dumps(meta, indent=1, ensure_ascii=False))
        return changed

    def exercises_md(self, exercises, by_stem):
        md = ['# Exercises {#app:exercises}\n',
              'Each exercise patches a chapter: `make exercise EX=name` removes the solution and '
              'leaves a marked hole; `make grade EX=name` tangles, builds, boots and scores your '
              'answer. ★☆☆ is a warm-up, ★★★ a small project.\n']
        if not exercises:
            md.append('*No exercises have been written yet.*\n')
        for ch in self.chapters:
            mine = [e for e in exercises if e['chapter'] == ch['stem']]
            if not mine:
                continue
            md.append(f'\n## For chapter {ch["number"]}: {ch["title_md"]} '
                      f'{{.unnumbered #ex-ch-{ch["stem"]}}}\n\n'
                      f'These exercises patch [chapter {ch["number"]}](#{ch["id"]}).\n')
            for e in mine:
                md.append(f'\n### {e["title"]} {{.unnumbered #ex-{e["name"]}}}\n\n'
                          f'[Difficulty: {e["difficulty"]} · `make exercise EX={e["name"]}`]'
                          f'{{.exercise-meta}}\n\n{e["body"]}\n')
        return ''.join(md)

    def questions_md(self):
        path = os.path.join(self.args.bookdir, 'questions.md')
        with open(path, encoding='utf-8') as f:
            text = f.read()
        qs = []
        topic = None
        for ln in text.split('\n'):
            h = re.match(r'^## +(.+)$', ln)
            if h:
                topic = h.group(1).strip()
            m = re.match(r'^- Q(\d+) \[([^\]]+)\] (.+?)(?: — \(original: .*)?$', ln)
            if m:
                qs.append((int(m.group(1)), m.group(2), m.group(3).strip()))
        known = {n for n, _, _ in qs}
        unknown = sorted(set(self.questions_found) - known)
        if unknown:
            raise WeaveError(f'question markers name unknown questions: {unknown}')
        answered = sum(1 for n, _, _ in qs if n in self.questions_found)
        md = ['# Questions answered {#app:questions}\n',
              f'This book was written to answer {len(qs)} questions that a learner asked while '
              'studying how Linux synchronizes and manages memory. Each links to the sections '
              f'that answer it; {answered} of {len(qs)} are answered so far, and the rest are '
              'listed as not yet answered.\n']
        last = None
        for n, t, q in qs:
            if t != last:
                md.append(f'\n## {TOPIC_TITLES.get(t, t[:1].upper() + t[1:].replace("-", " "))} '
                          f'{{.unnumbered #topic-{t}}}\n\n')
                last = t
            where = self.questions_found.get(n)
            if where:
                by_ch = {}
                for page, ident, ch in where:
                    by_ch.setdefault(ch['number'], (ch, []))[1].append(ident)
                def place(i):
                    sec = getattr(self, 'q_section', {}).get(i)
                    return f'[§{sec}](#{i})' if sec and '.' in sec else f'[the opening](#{i})'
                links = '; '.join(
                    f'chapter {num}, *{ch["title_md"]}*: ' + ', '.join(place(i) for i in ids)
                    for num, (ch, ids) in sorted(by_ch.items()))
                status = f'Answered in {links}.'
                cls = '.answered'
            else:
                status = '*Not yet answered.*'
                cls = '.unanswered'
            md.append(f'::: {{#Q{n} .question {cls}}}\n**Q{n}.** {q}\\\n{status}\n:::\n\n')
        return ''.join(md)

    def glossary_md(self):
        path = os.path.join(self.args.bookdir, 'glossary.md')
        with open(path, encoding='utf-8') as f:
            text = f.read()
        text = re.sub(r'^# .*\n', '', text, count=1, flags=re.M)
        return ('# Glossary: English and 中文 {#app:glossary}\n\n' + text)

    def fragment_index_md(self):
        r = Renderer(self)
        rows_h, rows_t = [], []
        for name, first, uses, defs in sorted(self.stream.chunk_index, key=lambda e: e[0].lower()):
            fc = self.chunks_by_label.get(first)
            if fc is None:
                continue
            d_h = ', '.join(r.link_html(l) for l in defs)
            u_h = ', '.join(r.link_html(l) for l in uses)
            rows_h.append(f'<li data-frag="{esc(name)}">{r.ref_html(name, first)} '
                          f'<span class="ix-defs">{d_h}</span>'
                          + (f' <span class="ix-uses">used in {u_h}</span>' if uses else
                             ' <span class="ix-uses">root</span>') + '</li>')
            d_t = ', '.join(r'\nwpageref{%s}' % r.anchor(l) for l in defs)
            u_t = ', '.join(r'\nwpageref{%s}' % r.anchor(l) for l in uses)
            rows_t.append(r'\item %s\quad %s%s' % (r.ref_tex(name, first), d_t,
                                                   (r'\quad\emph{used in} ' + u_t) if uses else r'\quad\emph{root}'))
        md = ('# Index of fragments {#app:fragments}\n\n'
              'Every code fragment of the book, by name. The numbers after the name are the '
              'places that define it (the first one, then its continuations); "used in" lists '
              'the fragments that include it, and "root" marks the files it tangles into.\n\n')
        md += raw_block('<ul class="nw-index frag-index">\n' + '\n'.join(rows_h) + '\n</ul>', 'html')
        md += raw_block('\\begin{nwindex}\n' + '\n'.join(rows_t) + '\n\\end{nwindex}', 'latex')
        return md

    def ident_index_md(self):
        r = Renderer(self)
        rows_h, rows_t = [], []
        for name, defs, uses in sorted(self.stream.ident_index, key=lambda e: (e[0].lower().lstrip('_'), e[0])):
            d_h = ', '.join(f'<a class="ix-def" href="#{r.anchor(l)}">{r.num(l)}</a>' for l in defs)
            u_h = ', '.join(r.link_html(l) for l in uses)
            rows_h.append(f'<li data-ident="{esc(name)}"><code>{esc(name)}</code>: '
                          f'<span class="ix-defs">defined in {d_h}</span>'
                          + (f'; <span class="ix-uses">used in {u_h}</span>' if uses else '') + '</li>')
            d_t = ', '.join(r'\textbf{\nwpageref{%s}}' % r.anchor(l) for l in defs)
            u_t = ', '.join(r'\nwpageref{%s}' % r.anchor(l) for l in uses)
            rows_t.append(r'\item \texttt{%s}\quad %s%s' % (texcode(name), d_t, (', ' + u_t) if uses else ''))
        md = ('# Index of identifiers {#app:identifiers}\n\n'
              'Every identifier that a fragment defines: functions, variables, types and macros '
              'of the kernel. The first numbers are the fragments that define it; the others '
              'use it (a word in a comment, a member after `.` or `->`, a local variable of the '
              'same name, or another file\'s `static` is not a use).\n\n')
        md += raw_block('<ul class="nw-index ident-index">\n' + '\n'.join(rows_h) + '\n</ul>', 'html')
        md += raw_block('\\begin{multicols}{2}\\begin{nwindex}\n' + '\n'.join(rows_t)
                        + '\n\\end{nwindex}\\end{multicols}', 'latex')
        return md

    def bibliography_md(self):
        return ('---\nnocite: "@*"\n---\n\n# Bibliography {#app:bibliography}\n\n'
                'Books, manuals and source trees this book draws on. Chapters cite them, and '
                'each chapter page lists the works it cites.\n\n::: {#refs}\n:::\n')


def parse_args(commands, extra=None):
    """The options both entry points (this file and book.py) take, parsed; the book's
    part titles (book/parts.json) are loaded into args.parts."""
    ap = argparse.ArgumentParser()
    ap.add_argument('command', choices=commands)
    ap.add_argument('--root', default='.')
    ap.add_argument('--chapters', default='chapters')
    ap.add_argument('--bookdir', default='book')
    ap.add_argument('--figures', default='figures')
    ap.add_argument('--exercises', default='exercises')
    ap.add_argument('--tangle', default='tangle')
    ap.add_argument('--out', default='build/book')
    if extra:
        extra(ap)
    args = ap.parse_args()
    try:
        with open(os.path.join(args.bookdir, 'parts.json'), encoding='utf-8') as f:
            args.parts = json.load(f)
    except FileNotFoundError:
        args.parts = {}
    return args


def main():
    args = parse_args(['md'], lambda ap: ap.add_argument('--no-transcripts', action='store_true'))
    try:
        book = Book(args)
        changed = book.build()
    except WeaveError as e:
        print(f'weave: error: {e}', file=sys.stderr)
        sys.exit(1)
    if book.forthcoming:
        print('weave: links to chapters not written yet: ' + ', '.join(sorted(book.forthcoming)))
    print(f'weave: {len(book.chapters)} chapters, {len(book.chunks_by_label)} fragments, '
          f'{len(changed)} pages changed' + (f' ({", ".join(changed)})' if changed else ''))


if __name__ == '__main__':
    main()
