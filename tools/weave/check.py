#!/usr/bin/env python3
"""tools/weave/check.py: check a woven book against its sources.

    check.py --chapters DIR --out build/book [--pdf] [--figures DIR]

  * every fragment name and every `@ %def` identifier of the chapters (read afresh with
    noweb's markup, not from the weaver) has an entry in its index page;
  * every figure the chapters use, and every figures/*.dot, exists as SVG (inlined into
    its page) and as PDF;
  * with --pdf: the PDF has a bookmark for every chapter and appendix (mutool's outline).
Prints one line per problem; exit status 1 if any.
"""
import argparse
import glob
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser


class Attrs(HTMLParser):
    def __init__(self, attr):
        super().__init__()
        self.attr, self.values = attr, set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == self.attr:
                self.values.add(v)


def index_entries(path, attr):
    p = Attrs(attr)
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    return p.values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--chapters', default='chapters')
    ap.add_argument('--figures', default='figures')
    ap.add_argument('--out', default='build/book')
    ap.add_argument('--pdf', action='store_true')
    a = ap.parse_args()
    bad = []
    chapters = sorted(glob.glob(os.path.join(a.chapters, '*.nw')))
    p = subprocess.run(['/usr/lib/noweb/markup'] + chapters, capture_output=True, text=True, check=True)
    frags, idents = set(), set()
    for ln in p.stdout.split('\n'):
        if ln.startswith('@defn '):
            frags.add(ln[6:])
        elif ln.startswith('@index defn '):
            idents.add(ln[12:])
    html_dir = os.path.join(a.out, 'html')
    have_f = index_entries(os.path.join(html_dir, 'fragments.html'), 'data-frag')
    have_i = index_entries(os.path.join(html_dir, 'identifiers.html'), 'data-ident')
    for f in sorted(frags - have_f):
        bad.append(f'fragment <<{f}>> is missing from the Index of fragments')
    for i in sorted(idents - have_i):
        bad.append(f'identifier {i} (@ %def) is missing from the Index of identifiers')
    with open(os.path.join(a.out, 'book.json'), encoding='utf-8') as f:
        meta = json.load(f)
    # figures: SVG inlined into the page that uses it, PDF beside the LaTeX
    pages_text = {}
    for pg in meta['pages']:
        with open(os.path.join(html_dir, pg['file'] + '.html'), encoding='utf-8') as f:
            pages_text[pg['file']] = f.read()
    names = {fg['name'] for fg in meta['figures']}
    names |= {os.path.splitext(os.path.basename(x))[0] for x in glob.glob(os.path.join(a.figures, '*.dot'))}
    for n in sorted(names):
        svg = os.path.join(a.out, 'svg', 'figures', n + '.svg')
        if not os.path.exists(svg) or os.path.getsize(svg) == 0:
            bad.append(f'figure {n}: no SVG {svg}')
        if a.pdf:
            pdf = os.path.join(a.out, 'pdf', 'figures', n + '.pdf')
            if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
                bad.append(f'figure {n}: no PDF {pdf}')
    for fg in meta['figures']:
        if not any(f'id="{fg["name"]}-graph0"' in t for t in pages_text.values()):
            bad.append(f'figure {fg["name"]} (used in {fg["where"]}) is not in any HTML page')
    if a.pdf:
        pdf = os.path.join(a.out, 'book.pdf')
        o = subprocess.run(['mutool', 'show', pdf, 'outline'], capture_output=True, text=True)
        if o.returncode != 0:
            bad.append(f'mutool cannot read the outline of {pdf}: {o.stderr.strip()}')
        marks = [m.group(1) for m in re.finditer(r'"(.*)"\t#page=', o.stdout)]
        for pg in meta['pages']:
            if pg['kind'] == 'front':
                continue
            h1 = re.search(r'<h1[^>]*>(.*?)</h1>', pages_text[pg['file']], re.S)
            title = re.sub(r'<span class="header-section-number">.*?</span>', '', h1.group(1)) if h1 else ''
            title = re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', title))).strip()
            if title not in marks:
                bad.append(f'the PDF has no bookmark for "{title}" ({pg["file"]})')
    for b in bad:
        print('check: ' + b, file=sys.stderr)
    print(f'check: {len(frags)} fragments, {len(idents)} identifiers, {len(names)} figures'
          + (', PDF bookmarks' if a.pdf else '') + f': {len(bad)} problems')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
