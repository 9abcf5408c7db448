#!/usr/bin/env python3
"""tools/weave/book.py: build the woven book.

    book.py html      build/book/html/   one page per chapter, appendices, search
    book.py pdf       build/book/book.pdf through pandoc and xelatex
    book.py figures   figures/*.dot and the call graphs, as SVG and PDF
    book.py md        only the Markdown (build/book/md/) and book.json

Options name the inputs so the tests can weave a fixture: --chapters, --exercises,
--figures, --tangle, --out.  Any noweb, pandoc, dot or LaTeX warning is an error.
"""
import sys
sys.dont_write_bytecode = True
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import assemble  # noqa: E402
import figures  # noqa: E402
import weave  # noqa: E402
from noweb import WeaveError  # noqa: E402

FONTS = {
    'CharisSIL-Regular.woff2': '/usr/share/fonts-sil-charis/woff2/CharisSIL-Regular.woff2',
    'CharisSIL-Italic.woff2': '/usr/share/fonts-sil-charis/woff2/CharisSIL-Italic.woff2',
    'CharisSIL-Bold.woff2': '/usr/share/fonts-sil-charis/woff2/CharisSIL-Bold.woff2',
    'CharisSIL-BoldItalic.woff2': '/usr/share/fonts-sil-charis/woff2/CharisSIL-BoldItalic.woff2',
    'JetBrainsMono-Regular.ttf': '/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf',
    'JetBrainsMono-Bold.ttf': '/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Bold.ttf',
    'JetBrainsMono-Italic.ttf': '/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Italic.ttf',
}


def log(msg):
    print(f'book: {msg}', flush=True)


def copy_if_changed(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.exists(dst) and os.path.getsize(dst) == os.path.getsize(src):
        with open(src, 'rb') as a, open(dst, 'rb') as b:
            if a.read() == b.read():
                return
    shutil.copyfile(src, dst)


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return p


class Builder:
    def __init__(self, a):
        self.a = a
        self.out = a.out
        self.bookdir = a.bookdir

    def md(self):
        t = time.time()
        book = weave.Book(self.a)
        changed = book.build()
        for n in book.notes:
            log('warning: ' + n)
        if book.forthcoming:
            log('links to chapters not written yet (shown as plain text): ' + ', '.join(sorted(book.forthcoming)))
        log(f'woven {len(book.chapters)} chapters, {len(book.chunks_by_label)} fragments '
            f'in {time.time() - t:.1f}s; {len(changed)} pages changed')
        with open(os.path.join(self.out, 'book.json'), encoding='utf-8') as f:
            self.meta = json.load(f)
        self.meta['title'] = self.book_title()
        return changed

    def build_info(self):
        """LaTeX macros for the title page and the colophon: the tagline from
        book/metadata.yaml, and the commit the book was built from (its date, not the
        build's, so that one commit always makes the same book)."""
        from render import tex
        with open(os.path.join(self.bookdir, 'metadata.yaml'), encoding='utf-8') as f:
            m = re.search(r'^tagline: *"?(.*?)"?\s*$', f.read(), re.M)
        out = ['% written by tools/weave/book.py', r'\def\nwsubtitle{%s}' % tex(m.group(1) if m else '')]
        g = run(['git', 'log', '-1', '--format=%h %cs'], cwd=self.a.root)
        built = ''
        if g.returncode == 0 and g.stdout.strip():
            sha, date = g.stdout.split()
            d = run(['git', 'status', '--porcelain', '--', 'chapters', 'book', 'tools/weave'], cwd=self.a.root)
            built = (f'Built from commit {sha} of {date}'
                     + (', with changes not yet committed' if d.stdout.strip() else '') + '.')
        out.append(r'\def\nwbuildinfo{%s}' % tex(built))
        return '\n'.join(out) + '\n'

    def book_title(self):
        with open(os.path.join(self.bookdir, 'metadata.yaml'), encoding='utf-8') as f:
            m = re.search(r'^title: *"?(.*?)"?\s*$', f.read(), re.M)
        return m.group(1) if m else 'The book'

    def figures(self, fmts):
        outs = {'svg': os.path.join(self.out, 'html-figures'),
                'pdf': os.path.join(self.out, 'pdf'),
                'gen': os.path.join(self.out, 'callgraphs')}
        # svg go to a staging folder: they are inlined into the pages
        outs['svg'] = os.path.join(self.out, 'svg')
        done = figures.build(self.meta, self.a.figures, self.a.tangle,
                             {'svg': outs['svg'], 'pdf': outs['pdf'], 'gen': outs['gen']}, fmts)
        # every figures/*.dot is rendered, used or not, so `make figures` shows them all
        import glob
        for src in sorted(glob.glob(os.path.join(self.a.figures, '*.dot'))):
            name = os.path.splitext(os.path.basename(src))[0]
            for fmt in fmts:
                dst = os.path.join(outs[fmt], 'figures', f'{name}.{fmt}')
                if figures.newer([src], dst):
                    figures.run_dot(src, dst, fmt)
                done.append(dst)
        return done

    # -- HTML -------------------------------------------------------------------
    def pandoc_html_args(self, page):
        args = ['pandoc', '--from=markdown', '--to=html5', '--fail-if-warnings',
                '--template', os.path.join(self.bookdir, 'templates', 'fragment.html'),
                '--toc', '--toc-depth=3', '--section-divs',
                '--metadata-file', os.path.join(self.bookdir, 'metadata.yaml'),
                '--citeproc', '--bibliography', os.path.join(self.bookdir, 'references.bib'),
                '-M', 'link-citations=true', '-M', 'reference-section-title=References',
                '--default-image-extension=svg', '--highlight-style=pygments']
        if page['kind'] == 'chapter':
            args += ['--number-sections', f'--number-offset={page["number"] - 1}']
        return args

    def html(self):
        t0 = time.time()
        self.md()
        self.figures(['svg'])
        frag = os.path.join(self.out, 'frag')
        os.makedirs(frag, exist_ok=True)
        # A change in the templates, the bibliography or this program rebuilds every page.
        h = hashlib.sha256()
        for f in ['templates/fragment.html', 'references.bib', 'metadata.yaml']:
            with open(os.path.join(self.bookdir, f), 'rb') as fh:
                h.update(fh.read())
        with open(__file__, 'rb') as fh:
            h.update(fh.read())
        stamp = os.path.join(frag, '.settings')
        settings = h.hexdigest()
        old = open(stamp).read() if os.path.exists(stamp) else ''
        todo = []
        for p in self.meta['pages']:
            src = os.path.join(self.out, 'md', p['file'] + '.md')
            dst = os.path.join(frag, p['file'] + '.html')
            if old != settings or not os.path.exists(dst) or os.path.getmtime(src) > os.path.getmtime(dst):
                todo.append((p, src, dst))

        def one(job):
            p, src, dst = job
            r = run(self.pandoc_html_args(p) + [src, '-o', dst + '.tmp'])
            if r.returncode != 0 or r.stderr.strip():
                return f'pandoc failed on {src}:\n{r.stderr.strip()}'
            os.replace(dst + '.tmp', dst)
            return None
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
            errs = [e for e in ex.map(one, todo) if e]
        if errs:
            raise WeaveError('\n'.join(errs))
        with open(stamp, 'w') as f:
            f.write(settings)
        t1 = time.time()
        html_dir = os.path.join(self.out, 'html')
        os.makedirs(html_dir, exist_ok=True)
        with open(os.path.join(self.bookdir, 'templates', 'page.html'), encoding='utf-8') as f:
            template = f.read()
        errs = assemble.assemble(self.meta, frag, html_dir, template,
                                 os.path.join(self.out, 'svg', 'figures'))
        if errs:
            raise WeaveError('\n'.join(errs))
        for f in ['book.css', 'book.js', 'search.js']:
            copy_if_changed(os.path.join(self.bookdir, 'web', f), os.path.join(html_dir, f))
        for name, src in FONTS.items():
            if not os.path.exists(src):
                raise WeaveError(f'font {src} is missing: run tools/deps book')
            copy_if_changed(src, os.path.join(html_dir, 'fonts', name))
        log(f'HTML: {len(todo)} of {len(self.meta["pages"])} pages through pandoc in {t1 - t0:.1f}s, '
            f'assembled in {time.time() - t1:.1f}s -> {html_dir}/index.html')

    # -- PDF ----------------------------------------------------------------------
    def pdf(self):
        t0 = time.time()
        self.md()
        self.figures(['pdf'])
        pdfdir = os.path.join(self.out, 'pdf')
        os.makedirs(pdfdir, exist_ok=True)
        parts = []
        part = None
        appendix = False
        for p in self.meta['pages']:
            with open(os.path.join(self.out, 'md', p['file'] + '.md'), encoding='utf-8') as f:
                md = f.read()
            if p['kind'] == 'front':
                # the title page already has the book's title: the front page is "About this book"
                md = re.sub(r'^# (.*?)\s*(\{[^}]*\})?\s*$',
                            lambda m: f'# About this book {{-{" " + m.group(2)[1:-1] if m.group(2) else ""}}}',
                            md, count=1, flags=re.M)
                parts.append('```{=latex}\n\\frontmatter\n\\setcounter{secnumdepth}{-1}\n```\n\n' + md +
                             '\n\n```{=latex}\n\\tableofcontents\n\\mainmatter\n\\setcounter{secnumdepth}{3}\n```\n')
                continue
            md = self.split_callgraphs(md)
            if p['kind'] == 'chapter' and p.get('part') != part:
                part = p.get('part')
                if p.get('part_title'):
                    parts.append('\n```{=latex}\n\\part{%s}\n```\n' % p['part_title'].split('. ', 1)[-1])
            if p['kind'] == 'appendix' and not appendix:
                appendix = True
                parts.append('\n```{=latex}\n\\bookmarksetup{startatroot}\n\\appendix\n\\addtocontents{toc}{\\protect\\contentsline{part}{Appendices}{}{}}\n```\n')
            parts.append('\n\n' + md + '\n')
        src = os.path.join(pdfdir, 'book.md')
        weave.write_if_changed(src, '\n'.join(parts))
        info = os.path.join(pdfdir, 'buildinfo.tex')
        weave.write_if_changed(info, self.build_info())
        tex = os.path.join(pdfdir, 'book.tex')
        args = ['pandoc', '--from=markdown', '--to=latex', '--standalone', '--fail-if-warnings',
                '--metadata-file', os.path.join(self.bookdir, 'metadata.yaml'),
                '--include-in-header', info,
                '--include-in-header', os.path.join(self.bookdir, 'latex', 'preamble.tex'),
                '--top-level-division=chapter', '--number-sections',
                '--citeproc', '--bibliography', os.path.join(self.bookdir, 'references.bib'),
                '-M', 'link-citations=true',
                '--default-image-extension=pdf', '--resource-path', pdfdir,
                '--highlight-style=tango',
                '-V', 'documentclass=book', '-V', 'classoption=oneside', '-V', 'fontsize=11pt',
                '-V', 'papersize=a4', '-V', 'geometry:left=32mm,right=28mm,top=25mm,bottom=28mm',
                '-V', 'mainfont=Charis SIL', '-V', 'monofont=JetBrains Mono',
                '-V', 'monofontoptions=Scale=MatchLowercase,RawFeature=-calt,HyphenChar=None',
                '-V', 'sansfont=DejaVu Sans', '-V', 'sansfontoptions=Scale=0.88',
                '-V', 'CJKmainfont=Noto Serif CJK SC', '-V', 'CJKoptions=AutoFakeSlant',
                '-V', 'colorlinks=true', '-V', 'linkcolor=[HTML]{1F3F8F}', '-V', 'urlcolor=[HTML]{1F3F8F}',
                '-V', 'citecolor=[HTML]{1F3F8F}', '-V', 'toccolor=black',
                src, '-o', tex + '.tmp']
        r = run(args)
        if r.returncode != 0 or r.stderr.strip():
            raise WeaveError(f'pandoc failed on {src}:\n{r.stderr.strip()}')
        with open(tex + '.tmp', encoding='utf-8') as f:
            text = f.read()
        with open(tex + '.tmp', 'w', encoding='utf-8') as f:
            f.write(latex_breaks(text))
        os.replace(tex + '.tmp', tex)
        t1 = time.time()
        runs = 0
        prev = None
        # Start from nothing: an .aux or .toc left by an earlier run (one killed half-way
        # leaves a truncated .aux, on which xelatex's first pass stops) must not decide this one.
        for stale in ('book.aux', 'book.toc', 'book.out'):
            if os.path.exists(os.path.join(pdfdir, stale)):
                os.remove(os.path.join(pdfdir, stale))
        while True:
            runs += 1
            r = run(['xelatex', '-recorder', '-interaction=nonstopmode', '-halt-on-error', '-file-line-error',
                     'book.tex'], cwd=pdfdir)
            logf = os.path.join(pdfdir, 'book.log')
            if r.returncode != 0:
                with open(logf, encoding='utf-8', errors='replace') as f:
                    lg = f.read()
                errs = re.findall(r'^(?:\./book\.tex:\d+:|!).*(?:\n.*){0,3}', lg, re.M)
                raise WeaveError('xelatex failed:\n' + '\n'.join(errs[:5] or [lg[-2000:]]))
            with open(os.path.join(pdfdir, 'book.aux'), 'rb') as f:
                aux = hashlib.sha256(f.read()).hexdigest()
            with open(logf, encoding='utf-8', errors='replace') as f:
                lg = f.read()
            rerun = re.search(r'Rerun to get|Label\(s\) may have changed|There were undefined references', lg)
            if (aux == prev and not rerun) or runs >= 4:
                break
            prev = aux
        warnings = self.latex_warnings(lg)
        if warnings:
            raise WeaveError('LaTeX warnings (fix them, the book must build clean):\n' + '\n'.join(warnings[:20]))
        shutil.copyfile(os.path.join(pdfdir, 'book.pdf'), os.path.join(self.out, 'book.pdf'))
        log(f'PDF: pandoc {t1 - t0:.1f}s, xelatex x{runs} {time.time() - t1:.1f}s -> {self.out}/book.pdf')

    def split_callgraphs(self, md):
        """A call graph too tall for a page appears in the PDF as its parts (figures.py),
        one figure each, at a size that can be read."""
        for fg in self.meta['figures']:
            parts = fg.get('parts')
            if not parts:
                continue

            def repl(m, parts=parts, root=fg['root']):
                cap, attrs = m.group(1), m.group(2)
                bare = re.sub(r'#\S+\s*', '', attrs).strip()
                out = []
                for k, pt in enumerate(parts, 1):
                    span = (f'`{pt["first"]}`' if pt['first'] == pt['last']
                            else f'`{pt["first"]}` to `{pt["last"]}`')
                    if pt.get('via'):
                        c = (f'{cap} Part {k} of {len(parts)}: what `{root}` calls through '
                             f'`{pt["via"]}`, from {span}.')
                    else:
                        c = (f'{cap} Part {k} of {len(parts)}: what `{root}` calls, from {span}.')
                    out.append(f'![{c}](figures/{pt["file"]}){{{attrs if k == 1 else bare}}}')
                return '\n\n'.join(out)
            md = re.sub(r'!\[((?:[^\[\]]|\[[^\]]*\])*)\]\(figures/%s\)\{([^}]*)\}' % re.escape(fg['name']),
                        repl, md)
        return md

    @staticmethod
    def latex_warnings(lg):
        out = []
        for m in re.finditer(r'^(?:LaTeX|Package \w+|Class \w+) Warning: (.*(?:\n\(\w+\) .*)*)', lg, re.M):
            w = m.group(0)
            # harmless and expected: hyperref's note about pdfTeX-only options and the
            # last-run messages that the loop above has already acted on
            if re.search(r'Rerun|Label\(s\) may have changed|Token not allowed in a PDF string', w):
                continue
            out.append(w.replace('\n', ' '))
        for m in re.finditer(r'^Missing character: There is no (.*)$', lg, re.M):
            out.append('Missing character: ' + m.group(1))
        return out


def latex_breaks(text):
    """Places to break in what pandoc wrote: inline code (\\texttt) may break after a
    slash, a dot, an equals sign, a comma or a minus (\\nwib, book/latex/preamble.tex), and a code block in
    the prose is a Verbatim (fancyvrb), whose long lines fvextra wraps with the mark."""
    head, sep, body = text.partition('\\begin{document}')
    if not sep:
        return text
    body = re.sub(r'\\(begin|end)\{verbatim\}', r'\\\1{Verbatim}', body)
    out, i, key = [], 0, '\\texttt{'
    while True:
        j = body.find(key, i)
        if j < 0:
            out.append(body[i:])
            break
        k = j + len(key)
        out.append(body[i:k])
        depth = 1
        while k < len(body):
            ch = body[k]
            if ch == '\\':
                m = re.match(r'\\(?:[A-Za-z@]+|.)', body[k:], re.S)
                out.append(m.group(0))
                k += len(m.group(0))
                continue
            if ch == '{':
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0:
                    break
            out.append(ch)
            k += 1
            if (depth == 1 and ch in '/.=,-' and k < len(body) and body[k] not in '}/.=,- \n\\'
                    and not (ch == '-' and (body.startswith('\\textgreater', k)
                                            or not body[k - 2].isalnum()))):
                out.append('\\nwib{}')
        i = k
    return head + sep + ''.join(out)


def main():
    a = weave.parse_args(['md', 'html', 'pdf', 'figures', 'all'])
    b = Builder(a)
    try:
        if a.command == 'md':
            b.md()
        elif a.command == 'figures':
            b.md()
            done = b.figures(['svg', 'pdf'])
            log(f'{len(done)} figure files up to date')
        if a.command in ('html', 'all'):
            b.html()
        if a.command in ('pdf', 'all'):
            b.pdf()
    except (WeaveError, figures.FigureError) as e:
        print(f'book: error: {e}', file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
