"""Render noweb chunks as Pandoc Markdown with raw HTML and raw LaTeX blocks.

Every link is written as '#anchor'.  In the PDF (one document) that is enough; the HTML
assembler (assemble.py) rewrites '#anchor' to 'page.html#anchor' for anchors that live
on another page.  Fragment numbers: the HTML shows 'chapter.k'; the PDF shows noweb's
'page + letter' (12b), computed by LaTeX from the .aux file (see book/preamble.tex).
"""
import html
import re

from highlight import classify
from noweb import Code

LANG = '⟨'
RANG = '⟩'


def esc(s):
    return html.escape(s, quote=True)


_tex_map = {'\\': r'\textbackslash{}', '{': r'\{', '}': r'\}', '$': r'\$', '&': r'\&',
            '#': r'\#', '^': r'\^{}', '_': r'\_', '%': r'\%', '~': r'\textasciitilde{}',
            '<': r'\textless{}', '>': r'\textgreater{}', '|': r'\textbar{}'}


def tex(s):
    return ''.join(_tex_map.get(ch, ch) for ch in s)


def texcode(s):
    """LaTeX for monospaced code: specials escaped, every space a fixed-width space."""
    out = []
    for ch in s:
        if ch == ' ':
            out.append('~')
        elif ch in '\\{}$&#^_%~':
            out.append(_tex_map[ch])
        elif ch == '-':
            out.append('-{}')
        elif ch == "'":
            out.append(r'\textquotesingle{}')
        elif ch == '`':
            out.append(r'\textasciigrave{}')
        else:
            out.append(ch)
    return ''.join(out)


def texbreakable(s, lead=False):
    """LaTeX for a line of code or of a transcript that may wrap: like texcode, but a
    space after the line's indentation is a place to break, and the continued line
    starts with a mark (\\nwsp, book/latex/preamble.tex); so is the place after a
    comma, a slash or a semicolon (\\nwbrk), used only when a line has no space left.
    Nothing is ever hyphenated.  lead: s starts the line (its leading spaces stay)."""
    out = []
    for i, ch in enumerate(s):
        if ch == ' ' and not lead:
            out.append(r'\nwsp{}')
            continue
        if ch != ' ':
            lead = False
        out.append('~' if ch == ' ' else r'\textunderscore{}' if ch == '_' else texcode(ch))
        if ch in ',;/' and i + 1 < len(s) and s[i + 1] != ' ':
            out.append(r'\nwbrk{}')
    return ''.join(out), lead


def transcript_blocks(text):
    """A transcript (what the kernel printed) as raw HTML and raw LaTeX: one element per
    line, so that a long line wraps with a continuation mark instead of being cut."""
    lines = text.split('\n')
    h = ''.join(f'<span class="tl">{esc(ln)}</span>' for ln in lines)
    t = '\n'.join(r'\nwtl{%s}' % texbreakable(ln.replace('\t', '        '), True)[0] for ln in lines)
    return (raw_block(f'<pre class="console"><code>{h}</code></pre>', 'html')
            + raw_block('\\begin{nwtranscript}\n' + t + '\n\\end{nwtranscript}', 'latex'))


# A fragment's name is words with code in them.  As in noweb, [[...]] in a name is code;
# so is a bare word that is an identifier with an underscore (__schedule: in the serif
# italic of a name, two underscores run together into one rule) or a file (core.c,
# mm/page_alloc.c), and the whole name of a root (a file path).
_NAME_QUOTED = re.compile(r'\[\[(.+?\]*)\]\]')
_NAME_WORD = re.compile(r'(?<![\w./-])[\w./-]+(?:\(\))?')


def _codeword(w):
    w = w.rstrip('.')
    return bool(w) and ('_' in w or re.match(r'^[\w.-]+\.(?:c|h|S|ld|mk|cfg|py|sh)$', w) is not None
                        or re.match(r'^[\w.-]+(?:/[\w.-]+)+$', w) is not None)


def name_parts(name, root=False):
    """[(is_code, text), ...] for a fragment name; root: the name is a file path."""
    if root:
        return [(True, name)]
    out = []

    def plain(t):
        pos = 0
        for m in _NAME_WORD.finditer(t):
            w = m.group(0)
            if w.endswith('.') and not w.endswith('()'):
                w = w.rstrip('.')
            if not _codeword(w):
                continue
            if m.start() > pos:
                out.append((False, t[pos:m.start()]))
            out.append((True, w))
            pos = m.start() + len(w)
        if pos < len(t):
            out.append((False, t[pos:]))
    pos = 0
    for m in _NAME_QUOTED.finditer(name):
        plain(name[pos:m.start()])
        out.append((True, m.group(1)))
        pos = m.end()
    plain(name[pos:])
    return out


def name_html(name, root=False):
    return ''.join(f'<code>{esc(t)}</code>' if code else esc(t) for code, t in name_parts(name, root))


def name_tex(name, root=False):
    return ''.join(r'\nwnamecode{%s}' % texcode(t) if code else tex(t) for code, t in name_parts(name, root))


def raw_inline(s, fmt):
    n = max((len(m) for m in re.findall(r'`+', s)), default=0) + 1
    fence = '`' * n
    pad = ' ' if s.startswith('`') or s.endswith('`') else ''
    return f'{fence}{pad}{s}{pad}{fence}{{={fmt}}}'


def raw_block(s, fmt):
    n = max(3, max((len(m) for m in re.findall(r'^`+', s, re.M)), default=0) + 1)
    fence = '`' * n
    return f'\n{fence}{{={fmt}}}\n{s}\n{fence}\n'


def code_inline(s):
    n = max((len(m) for m in re.findall(r'`+', s)), default=0) + 1
    fence = '`' * n
    pad = ' ' if s.startswith('`') or s.endswith('`') else ''
    return f'{fence}{pad}{s}{pad}{fence}'


HL_HTML = {'k': 'kw', 't': 'ty', 'c': 'cm', 's': 'st', 'n': 'nu', 'p': 'pp', 'r': 'va'}
HL_TEX = {'k': 'K', 't': 'T', 'c': 'C', 's': 'S', 'n': 'N', 'p': 'P', 'r': 'R'}


class Renderer:
    """Knows every chunk of the book (by noweb label) and renders them."""

    def __init__(self, book):
        self.book = book          # weave.Book: chunks_by_label, lang_of_name, ...

    # -- names and references -------------------------------------------------
    def chunk(self, label):
        return self.book.chunks_by_label.get(label)

    def num(self, label):
        c = self.chunk(label)
        return c.number if c else '?'

    def anchor(self, label):
        c = self.chunk(label)
        return c.anchor if c else None

    def ref_html(self, name, label, cls='nw-ref'):
        a = self.anchor(label)
        c = self.chunk(label)
        inner = f'{LANG}{name_html(name, bool(c and c.root))}&#8239;<span class="nw-n">{self.num(label)}</span>{RANG}'
        if a is None:
            return f'<span class="{cls} nw-undef">{inner}</span>'
        return f'<a class="{cls}" href="#{a}">{inner}</a>'

    def ref_tex(self, name, label):
        a = self.anchor(label)
        if a is None:
            return r'\nwundef{%s}' % name_tex(name)
        c = self.chunk(label)
        return r'\nwuse{%s}{%s}' % (a, name_tex(name, bool(c and c.root)))

    def tag_tex(self, label):
        a = self.anchor(label)
        return r'\nwtag{%s}' % a if a else '??'

    def target(self, c, li, ii, it):
        """The anchor an identifier occurrence links to, or None (weave.resolve_links)."""
        if it[0] != 'ident':
            return None
        lab = self.book.link_target.get((c.label, li, ii), it[2])
        return self.anchor(lab) if lab else None

    def link_html(self, label):
        a = self.anchor(label)
        return f'<a href="#{a}">{self.num(label)}</a>'

    # -- inline quotes in prose [[...]] -----------------------------------------
    def quote(self, items):
        if all(it[0] == 'text' for it in items):
            text = ''.join(it[1] for it in items).strip()
            return code_inline(text) if text else ''
        h, t = [], []
        for it in items:
            if it[0] == 'text':
                h.append(f'<code>{esc(it[1])}</code>')
                t.append(r'\texttt{%s}' % texcode(it[1]))
            elif it[0] == 'ident':
                a = self.anchor(it[2])
                h.append(f'<a class="nw-id" href="#{a}"><code>{esc(it[1])}</code></a>' if a
                         else f'<code>{esc(it[1])}</code>')
                t.append(r'\nwid{%s}{\texttt{%s}}' % (a, texcode(it[1])) if a
                         else r'\texttt{%s}' % texcode(it[1]))
            elif it[0] == 'use':
                h.append(self.ref_html(it[1], it[2]))
                t.append(self.ref_tex(it[1], it[2]))
        return raw_inline(''.join(h), 'html') + raw_inline(''.join(t), 'latex')

    # -- code chunks --------------------------------------------------------------
    def _flatten(self, c):
        """The chunk's text with each chunk reference as one NUL, for the classifier."""
        parts = []
        for ln in c.lines:
            for it in ln:
                parts.append('\0' if it[0] == 'use' else it[1])
            parts.append('\n')
        return ''.join(parts)

    def _segments(self, c):
        """Yield (kind, text, item, classes) per item, classes per character."""
        lang = self.book.lang_of_name(c.name)
        flat = self._flatten(c)
        cls = classify(flat, lang)
        pos = 0
        for ln in c.lines:
            segs = []
            for it in ln:
                n = 1 if it[0] == 'use' else len(it[1])
                segs.append((it, cls[pos:pos + n]))
                pos += n
            pos += 1
            yield segs

    @staticmethod
    def _runs(text, classes):
        """Split text into runs of the same class."""
        out, start = [], 0
        for i in range(1, len(text) + 1):
            if i == len(text) or classes[i] != classes[start]:
                out.append((classes[start] if text else '', text[start:i]))
                start = i
        return out

    def code_html(self, c):
        first = c.first or c.label
        cont = first != c.label
        lang = self.book.lang_of_name(c.name)
        out = [f'<div class="nw-chunk" id="{c.anchor}">']
        nav = []
        if c.prevdef:
            nav.append(f'<a class="nw-prev" href="#{self.anchor(c.prevdef)}" '
                       f'title="previous part: {self.num(c.prevdef)}">&#9664;&#xFE0E;&#8239;{self.num(c.prevdef)}</a>')
        if c.nextdef:
            nav.append(f'<a class="nw-next" href="#{self.anchor(c.nextdef)}" '
                       f'title="continued in {self.num(c.nextdef)}">{self.num(c.nextdef)}&#8239;&#9654;&#xFE0E;</a>')
        name_cls = 'nw-name nw-file' if c.root else 'nw-name'
        out.append(
            f'<div class="nw-head"><a class="nw-tag" href="#{c.anchor}" title="link to this fragment">'
            f'{c.number}</a><span class="{name_cls}">{LANG}'
            + (f'<a href="#{self.anchor(first)}">{name_html(c.name, c.root)}</a>' if cont else name_html(c.name, c.root))
            + f'&#8239;<span class="nw-n">{self.num(first)}</span>{RANG}</span>'
            f'<span class="nw-eq">{"+&#8801;" if cont else "&#8801;"}</span>'
            f'<span class="nw-nav">{" ".join(nav)}</span></div>')
        body = []
        for li, segs in enumerate(self._segments(c)):
            line = []
            for ii, (it, classes) in enumerate(segs):
                if it[0] == 'use':
                    line.append(self.ref_html(it[1], it[2], 'nw-use'))
                    continue
                runs = ''.join(f'<span class="{HL_HTML[k]}">{esc(t)}</span>' if k else esc(t)
                               for k, t in self._runs(it[1], classes))
                target = self.target(c, li, ii, it)
                if target:
                    line.append(f'<a class="nw-id" href="#{target}">{runs}</a>')
                else:
                    line.append(runs)
            body.append(''.join(line))
        # one block per line: a long line wraps with a continuation mark (book.css)
        out.append(f'<pre class="nw-code lang-{lang}"><code>'
                   + ''.join(f'<span class="cl">{ln}</span>' for ln in body) + '</code></pre>')
        foot = self.foot_html(c)
        if foot:
            out.append(f'<div class="nw-foot">{foot}</div>')
        out.append('</div>')
        return '\n'.join(out)

    def foot_html(self, c):
        parts = []
        for k, (ident, users) in enumerate(c.defines):
            users = [u for u in users if u != c.label]
            us = ', '.join(self.link_html(u) for u in users)
            if len(users) > 8:
                # a long list folds away (the index has it too); the toggle is a checkbox
                # and its label, inline, so the line goes on after it
                cb = f'more-{c.anchor}-{k}'
                us = (f'<span class="nw-more"><input type="checkbox" class="nw-more-cb" id="{cb}">'
                      f'<label for="{cb}">{len(users)} fragments</label>'
                      f'<span class="nw-more-list">: {us}</span></span>')
            parts.append(f'Defines <code class="nw-def">{esc(ident)}</code>'
                         + (f', used in {us}.' if us else ', not used elsewhere.'))
        if c.uses:
            parts.append('Uses ' + ', '.join(
                f'<a class="nw-id" href="#{self.anchor(l)}"><code>{esc(n)}</code></a>&#8239;'
                f'<span class="nw-n">{self.num(l)}</span>'
                for n, l in sorted(c.uses, key=lambda x: x[0].lower()) if self.anchor(l)) + '.')
        if c.contdefs:
            parts.append('This fragment is continued in '
                         + ', '.join(self.link_html(l) for l in c.contdefs) + '.')
        first = self.chunk(c.first) if c.first else c
        users = first.usedin if first else c.usedin
        if users:
            parts.append('Used in ' + ', '.join(
                self.ref_html(self.chunk(u).name, self.chunk(u).first or u) for u in users
                if self.chunk(u)) + '.')
        elif c.root and (c.first in (None, c.label)):
            parts.append('Root: tangled into <code>tangle/' + esc(c.name) + '</code>.')
        return ' '.join(f'<span>{p}</span>' for p in parts)

    def code_tex(self, c):
        first = c.first or c.label
        cont = first != c.label
        nav = []
        if c.prevdef:
            nav.append(r'\nwprev{%s}' % self.anchor(c.prevdef))
        if c.nextdef:
            nav.append(r'\nwnext{%s}' % self.anchor(c.nextdef))
        out = [r'\nwbegin{%s}{%s}{%s}{%s}{%s}' % (
            c.anchor, name_tex(c.name, c.root), self.anchor(first), '+' if cont else '', ''.join(nav))]
        for li, segs in enumerate(self._segments(c)):
            line = []
            lead = True
            for ii, (it, classes) in enumerate(segs):
                if it[0] == 'use':
                    line.append(self.ref_tex(it[1], it[2]))
                    lead = False
                    continue
                runs = []
                for k, t in self._runs(it[1], classes):
                    tt, lead = texbreakable(t, lead)
                    runs.append((r'\nwhl%s{%s}' % (HL_TEX[k], tt)) if k else tt)
                runs = ''.join(runs)
                target = self.target(c, li, ii, it)
                if target:
                    line.append(r'\nwid{%s}{%s}' % (target, runs))
                else:
                    line.append(runs)
            out.append(r'\nwline{%s}' % ''.join(line))
        out.append(r'\nwend')
        foot = self.foot_tex(c)
        if foot:
            out.append(r'\nwfoot{%s}' % foot)
        return '\n'.join(out)

    def foot_tex(self, c):
        parts = []
        for ident, users in c.defines:
            us = ', '.join(r'\nwpageref{%s}' % self.anchor(u) for u in users if u != c.label)
            parts.append(r'Defines \texttt{%s}' % texcode(ident) + (f', used in {us}.' if us else
                                                                    ', not used elsewhere.'))
        if c.uses:
            parts.append('Uses ' + ', '.join(
                r'\nwid{%s}{\texttt{%s}}~\nwpageref{%s}' % (self.anchor(l), texcode(n), self.anchor(l))
                for n, l in sorted(c.uses, key=lambda x: x[0].lower()) if self.anchor(l)) + '.')
        if c.contdefs:
            parts.append('This fragment is continued in ' + ', '.join(
                r'\nwpageref{%s}' % self.anchor(l) for l in c.contdefs) + '.')
        first = self.chunk(c.first) if c.first else c
        users = first.usedin if first else c.usedin
        if users:
            parts.append('Used in ' + ', '.join(
                self.ref_tex(self.chunk(u).name, self.chunk(u).first or u) for u in users
                if self.chunk(u)) + '.')
        elif c.root and (c.first in (None, c.label)):
            parts.append(r'Root: tangled into \texttt{tangle/%s}.' % texcode(c.name))
        return r'\quad '.join(parts)

    def code(self, c):
        return raw_block(self.code_html(c), 'html') + raw_block(self.code_tex(c), 'latex')
