"""Assemble the HTML book from pandoc's page bodies.

pandoc turns each page's Markdown into a body (build/book/frag/PAGE.html, made with
book/templates/fragment.html: the page's own table of contents, then the body).  This
step wraps every body in book/templates/page.html with the book's table of contents,
previous/next links and the search box; rewrites '#anchor' links whose anchor lives on
another page to 'page.html#anchor'; inlines the SVG figures (so call-graph nodes are links
and the figures follow the light/dark theme); and writes the search index.
"""
import html
import json
import os
import re

ID_RE = re.compile(r'\sid="([^"]+)"')


def strip_tags(s):
    s = re.sub(r'<(script|style)\b.*?</\1>', ' ', s, flags=re.S)
    s = re.sub(r'</?code\b[^>]*>', '', s)      # inline code, as in a fragment's name
    s = re.sub(r'<[^>]+>', ' ', s)
    return re.sub(r'\s+', ' ', html.unescape(s)).strip()


class Page:
    def __init__(self, meta, frag_html):
        self.meta = meta
        self.file = meta['file'] + '.html'
        m = re.search(r'<!--TOC-->(.*?)<!--/TOC-->(.*)', frag_html, re.S)
        self.toc, self.body = (m.group(1).strip(), m.group(2)) if m else ('', frag_html)
        h = re.search(r'<h1[^>]*>(.*?)</h1>', self.body, re.S)
        self.title_html = h.group(1).strip() if h else meta['file']
        self.title_text = strip_tags(self.title_html)
        # the chapter number pandoc adds: <span class="header-section-number">3</span>
        self.title_plain = strip_tags(re.sub(r'<span class="header-section-number">.*?</span>', '',
                                             self.title_html))
        self.ids = set()


def inline_svg(body, figdir, errors, page):
    def repl(m):
        tag = m.group(0)
        src = re.search(r'src="figures/([\w-]+)\.svg"', tag).group(1)
        path = os.path.join(figdir, src + '.svg')
        if not os.path.exists(path):
            errors.append(f'{page}: figure {path} was not built')
            return tag
        with open(path, encoding='utf-8') as f:
            svg = f.read()
        svg = svg[svg.index('<svg'):]
        # graphviz ids (graph0, node1, edge2, a_node1) would clash between figures
        svg = re.sub(r'\bid="((?:graph|node|edge|clust|a_)[^"]*)"', lambda k: f'id="{src}-{k.group(1)}"', svg)
        svg = re.sub(r'<title>[^<]*</title>\s*', '', svg, count=1)
        alt = re.search(r'alt="([^"]*)"', tag)
        cls = re.search(r'class="([^"]*)"', tag)
        # the figure's own id ({#fig:x} in the chapter) is what links to it point at
        ident = re.search(r'\bid="([^"]*)"', tag)
        idattr = f'id="{ident.group(1)}" ' if ident else ''
        svg = svg.replace('<svg ', f'<svg {idattr}role="img" aria-label="{alt.group(1) if alt else src}" '
                          f'class="figure-svg{" " + cls.group(1) if cls else ""}" ', 1)
        return svg
    body = re.sub(r'<img [^>]*src="figures/[\w-]+\.svg"[^>]*>', repl, body)
    # a table scrolls sideways inside its own box on a narrow screen, never the page
    body = re.sub(r'(<table\b.*?</table>)', r'<div class="table-wrap">\1</div>', body, flags=re.S)
    return re.sub(r'<figure>(\s*<svg [^>]*class="figure-svg callgraph")', r'<figure class="callgraph">\1', body)


def book_toc(pages, current):
    """The whole book's contents, with the current page's sections unfolded."""
    out = ['<nav class="book-toc" aria-label="Contents"><ul>']
    part = None
    appendix = False
    for p in pages:
        k = p.meta['kind']
        if k == 'chapter' and p.meta.get('part') != part:
            part = p.meta.get('part')
            t = p.meta.get('part_title')
            if t:
                out.append(f'<li class="toc-part">{html.escape(t)}</li>')
        if k == 'appendix' and not appendix:
            appendix = True
            out.append('<li class="toc-part">Appendices</li>')
        cls = ' class="current"' if p is current else ''
        num = f'<span class="toc-num">{p.meta["number"]}</span> ' if k == 'chapter' else ''
        title = p.title_plain if k != 'front' else 'About this book'
        out.append(f'<li{cls}><a href="{p.file}">{num}{html.escape(title)}</a>')
        if p is current and p.toc and k != 'front':
            sub = page_sections(p.toc)
            if sub:                 # only when the page has sections below its title
                out.append(sub)
        out.append('</li>')
    out.append('</ul></nav>')
    return '\n'.join(out)


def balanced(s, i, tag):
    """End index of the element <tag> that starts at s[i]."""
    depth = 0
    for m in re.finditer(r'<(/?)%s\b[^>]*>' % tag, s[i:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return i + m.end()
    return len(s)


def page_sections(toc):
    """The sections of a page for the sidebar: pandoc's table of contents has the page's
    title as its first item and the sections inside it; other top-level items (the
    "References" a chapter with citations ends with) follow it.  Returns the sections
    and those items as one list, or '' when the page has no sections."""
    toc = toc.strip()
    if not toc.startswith('<ul>'):
        return ''
    inner = toc[4:balanced(toc, 0, 'ul') - 5]
    items = []
    i = 0
    while True:
        m = re.compile(r'<li\b').search(inner, i)
        if not m:
            break
        e = balanced(inner, m.start(), 'li')
        items.append(inner[m.start():e])
        i = e
    if not items:
        return ''
    first = items[0]
    u = first.find('<ul>')
    secs = ''
    if u >= 0:
        secs = first[u + 4:balanced(first, u, 'ul') - 5]
    rest = ''.join(items[1:])
    if not secs.strip():
        return ''
    return '<ul>' + secs + rest + '</ul>'


def front_contents(pages):
    out = ['<section class="contents" id="contents"><h2>Contents</h2><ol class="contents-list">']
    part = None
    appendix = False
    for p in pages:
        k = p.meta['kind']
        if k == 'front':
            continue
        if k == 'chapter' and p.meta.get('part') != part:
            part = p.meta.get('part')
            if p.meta.get('part_title'):
                out.append(f'<li class="contents-part">{html.escape(p.meta["part_title"])}</li>')
        if k == 'appendix' and not appendix:
            appendix = True
            out.append('<li class="contents-part">Appendices</li>')
        num = f'<span class="toc-num">{p.meta["number"]}</span>' if k == 'chapter' else ''
        out.append(f'<li><a href="{p.file}">{num}{html.escape(p.title_plain)}</a></li>')
    out.append('</ol></section>')
    return '\n'.join(out)


def search_entries(p):
    entries = []
    body = p.body
    # sections (pandoc --section-divs): index each heading with the text up to the next.
    # In the exercises appendix an exercise is one entry, titled by the exercise: its
    # "Goal", "Hints" ... headings (h4 and below) are part of its text.
    top = 3 if p.meta['file'] == 'exercises' else 4
    heads = list(re.finditer(r'<h([1-%d])[^>]*>(.*?)</h\1>' % top, body, re.S))
    for i, h in enumerate(heads):
        sec = re.search(r'<section id="([^"]+)"[^>]*>\s*$', body[:h.start()])
        anchor = sec.group(1) if sec else None
        if anchor is None:
            hid = re.search(r'id="([^"]+)"', h.group(0))
            anchor = hid.group(1) if hid else ''
        end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
        text = body[h.end():end]
        text = re.sub(r'<pre class="nw-code.*?</pre>', ' ', text, flags=re.S)
        text = re.sub(r'<div class="nw-foot">.*?</div>', ' ', text, flags=re.S)
        where = p.title_plain
        if p.meta['kind'] == 'chapter':
            where = f'Chapter {p.meta["number"]}: {p.title_plain}'
        if top == 3 and h.group(1) == '3':
            sec = re.search(r'<h2[^>]*>(.*?)</h2>(?!.*<h2)', body[:h.start()], re.S)
            where = 'Exercise' + (' · ' + strip_tags(sec.group(1)) if sec else '')
        entries.append({'p': p.file, 'a': anchor, 't': strip_tags(h.group(2)),
                        'c': where, 'x': strip_tags(text)[:4000], 'k': 's'})
    for m in re.finditer(r'<div class="nw-chunk" id="([^"]+)">\s*<div class="nw-head">.*?class="nw-tag"[^>]*>([^<]*)</a>'
                         r'<span class="nw-name[^"]*">(.*?)&#8239;<span class="nw-n">', body, re.S):
        entries.append({'p': p.file, 'a': m.group(1), 't': strip_tags(m.group(3)).lstrip('\u27e8') + ' ' + m.group(2),
                        'c': chapter_label(p), 'x': '', 'k': 'f'})
    return entries


def chapter_label(p):
    if p.meta['kind'] == 'chapter':
        return f'Chapter {p.meta["number"]}: {p.title_plain}'
    return p.title_plain


def ident_entry(name, anchor, pages_by_file, where):
    """A search entry for an identifier: where it is defined (chapter and fragment) and,
    as its snippet, the line of code that defines it."""
    pl = where.get(anchor)
    if not pl:
        return None
    p = pages_by_file[pl[0]]
    m = re.search(r'<div class="nw-chunk" id="%s">(.*?)</pre>' % re.escape(anchor), p.body, re.S)
    snip, frag = '', ''
    if m:
        n = re.search(r'<span class="nw-name[^"]*">(.*?)&#8239;<span class="nw-n">([^<]*)', m.group(1), re.S)
        if n:
            frag = f'{strip_tags(n.group(1))} {n.group(2)}\u27e9'
        lines = [html.unescape(re.sub(r'<[^>]+>', '', ln))
                 for ln in re.findall(r'<span class="cl">(.*?)</span>(?=<span class="cl">|</code>)', m.group(1), re.S)]
        rx = re.compile(r'(?<![\w.>-])' + re.escape(name) + r'\b')
        hit = next((ln for ln in lines if rx.search(ln) and not ln.lstrip().startswith(('/*', '*', '//'))), None)
        snip = ' '.join(hit.split()) if hit else ''
    return {'p': p.file, 'a': anchor, 't': name, 'c': chapter_label(p),
            'x': (f'Defined in {frag}: ' if frag else '') + snip, 'k': 'i'}


# Prose code such as `zone->lock` or `-cpu max,-pse` must not break after its hyphen, which
# browsers allow: a short inline <code> holding one gets class "nobr" (white-space: nowrap in
# book.css). Longer ones may still wrap at their spaces rather than overflow a phone's
# column. Code blocks (<pre ...><code>) are left alone.
NOBR_MAX = 36
INLINE_CODE_RE = re.compile(r'<code>([^<]*-[^<]*)</code>')
PRE_RE = re.compile(r'<pre[\s>].*?</pre>', re.S)
# A number written with spaces between groups of three digits ("5 789 381") must not break
# inside a table cell: the spaces become no-break spaces.
TD_RE = re.compile(r'(<td[^>]*>)(.*?)(</td>)', re.S)
DIGIT_GROUP_RE = re.compile(r'(?<=\d) (?=\d{3}(?!\d))')


def keep_together(body):
    def code(m):
        text = html.unescape(m.group(1))
        if len(text) > NOBR_MAX:
            return m.group(0)
        return f'<code class="nobr">{m.group(1)}</code>'
    out, k = [], 0
    for m in PRE_RE.finditer(body):
        out += [INLINE_CODE_RE.sub(code, body[k:m.start()]), m.group(0)]
        k = m.end()
    body = ''.join(out) + INLINE_CODE_RE.sub(code, body[k:])
    return TD_RE.sub(lambda m: m.group(1) + DIGIT_GROUP_RE.sub('\u00a0', m.group(2)) + m.group(3), body)


def assemble(meta, frag_dir, out_dir, template, figdir):
    pages = []
    for pm in meta['pages']:
        with open(os.path.join(frag_dir, pm['file'] + '.html'), encoding='utf-8') as f:
            pages.append(Page(pm, f.read()))
    errors = []
    where = {}
    for p in pages:
        p.body = keep_together(inline_svg(p.body, figdir, errors, p.file))
        p.ids = set(ID_RE.findall(p.body))
        for i in p.ids:
            where.setdefault(i, []).append(p.file)
    idents = meta.get('ident_anchor', {})

    def fix(p):
        def repl(m):
            attr, target = m.group(1), m.group(2)
            if target in p.ids:
                return m.group(0)
            pl = where.get(target)
            if not pl:
                return m.group(0)         # left for the link checker to report
            if len(pl) > 1:
                errors.append(f'{p.file}: link to #{target} is ambiguous: defined in {", ".join(pl)}')
            return f'{attr}="{pl[0]}#{target}"'
        return re.sub(r'((?:xlink:)?href)="#([^"]+)"', repl, p.body)

    index = []
    for i, p in enumerate(pages):
        body = fix(p)
        if p.meta['kind'] == 'front':
            # the contents come before the front page's references, not after them
            refs = re.search(r'<section[^>]*id="(?:references|bibliography)"|<div id="refs"', body)
            k = refs.start() if refs else len(body)
            body = body[:k] + front_contents(pages) + body[k:]
        prev = pages[i - 1] if i > 0 else None
        nxt = pages[i + 1] if i + 1 < len(pages) else None

        def navlink(q, rel, label):
            if q is None:
                return f'<span class="pn-{rel} pn-none"></span>'
            return (f'<a class="pn-{rel}" rel="{rel}" href="{q.file}"><span class="pn-label">{label}</span>'
                    f'<span class="pn-title">{html.escape(q.title_text)}</span></a>')
        pn = f'<nav class="prevnext">{navlink(prev, "prev", "Previous")}{navlink(nxt, "next", "Next")}</nav>'
        pagehtml = (template
                    .replace('{{title}}', html.escape(p.title_text) + ' — ' + html.escape(meta['title']))
                    .replace('{{booktitle}}', html.escape(meta['title']))
                    .replace('{{toc}}', book_toc(pages, p))
                    .replace('{{prevnext}}', pn)
                    .replace('{{prevlink}}', f'<link rel="prev" href="{prev.file}">' if prev else '')
                    .replace('{{nextlink}}', f'<link rel="next" href="{nxt.file}">' if nxt else '')
                    .replace('{{kind}}', p.meta['kind'])
                    .replace('{{body}}', body))
        dst = os.path.join(out_dir, p.file)
        old = None
        if os.path.exists(dst):
            with open(dst, encoding='utf-8') as f:
                old = f.read()
        if old != pagehtml:
            with open(dst, 'w', encoding='utf-8') as f:
                f.write(pagehtml)
        index.extend(search_entries(p))
    by_file = {p.file: p for p in pages}
    for name, anchor in sorted(idents.items()):
        e = ident_entry(name, anchor, by_file, where)
        if e:
            index.append(e)
    js = 'window.BOOK_INDEX = ' + json.dumps(index, ensure_ascii=False, separators=(',', ':')) + ';\n'
    with open(os.path.join(out_dir, 'search-index.js'), 'w', encoding='utf-8') as f:
        f.write(js)
    return errors
