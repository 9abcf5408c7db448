#!/usr/bin/env python3
"""tools/weave/linkcheck.py DIR: check every internal link of a static HTML site.

Parses each .html file under DIR with html.parser, collects its anchors (id=, and
name= on <a>), and checks every href/src/xlink:href that is not an external URL: the
file must exist inside DIR and, when there is a #fragment, the target page must have
that anchor.  Prints each broken link with its page; exit status 1 if any.
"""
import os
import sys
import urllib.parse
from html.parser import HTMLParser

LINK_ATTRS = {'href', 'src', 'xlink:href'}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []   # (line, tag, url)
        self.dups = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if v is None:
                continue
            if k == 'id' or (k == 'name' and tag == 'a'):
                if v in self.ids and k == 'id':
                    self.dups.append((self.getpos()[0], v))
                self.ids.add(v)
            elif k in LINK_ATTRS:
                self.links.append((self.getpos()[0], tag, v))

    handle_startendtag = handle_starttag


def check(root):
    root = os.path.abspath(root)
    pages = {}
    for dirpath, _, files in os.walk(root):
        for fn in files:
            if fn.endswith('.html'):
                p = os.path.join(dirpath, fn)
                parser = Page()
                with open(p, encoding='utf-8') as f:
                    parser.feed(f.read())
                pages[p] = parser
    bad = []
    nlinks = 0
    for p, page in sorted(pages.items()):
        rel = os.path.relpath(p, root)
        for line, v in page.dups:
            bad.append(f'{rel}:{line}: duplicate id "{v}"')
        for line, tag, url in page.links:
            u = urllib.parse.urlsplit(url)
            if u.scheme or url.startswith('//'):
                continue          # external: not ours to check offline
            nlinks += 1
            target = p if not u.path else os.path.normpath(os.path.join(os.path.dirname(p), urllib.parse.unquote(u.path)))
            if not target.startswith(root + os.sep) and target != root:
                bad.append(f'{rel}:{line}: <{tag}> {url}: points outside the book')
                continue
            if not os.path.exists(target):
                bad.append(f'{rel}:{line}: <{tag}> {url}: no such file')
                continue
            if u.fragment:
                frag = urllib.parse.unquote(u.fragment)
                tp = pages.get(target)
                if tp is None:
                    bad.append(f'{rel}:{line}: <{tag}> {url}: #fragment into a non-HTML file')
                elif frag not in tp.ids:
                    bad.append(f'{rel}:{line}: <{tag}> {url}: no anchor "{frag}" in {os.path.relpath(target, root)}')
    return pages, nlinks, bad


def main():
    if len(sys.argv) != 2:
        print('usage: linkcheck.py DIR', file=sys.stderr)
        sys.exit(2)
    pages, nlinks, bad = check(sys.argv[1])
    if not pages:
        print(f'linkcheck: no HTML pages under {sys.argv[1]}', file=sys.stderr)
        sys.exit(1)
    for b in bad:
        print('linkcheck: ' + b, file=sys.stderr)
    print(f'linkcheck: {len(pages)} pages, {nlinks} internal links, {len(bad)} broken')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
