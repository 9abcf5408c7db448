#!/usr/bin/env python3
"""tools/weave/words.py: find the workshop's words in the woven book.

    words.py --out build/book      (reads build/book/html/*.html and build/book/book.json)

The reader has the book, not the workshop: the source files' numbering, the exercises'
directory names, noweb's markup, the team's files and the learner's private notes mean
nothing to them.  This reads every HTML page as a reader sees it (prose and code, comments
included) and reports:

  * a chapter called by its file number: "chapter 01", "(chapter 30)", "chapters 10-12"
    when the book has no such chapter ("chapter 3" is fine: it is the third chapter);
  * an exercise's directory name used as a word ("11-bh-enable"), except in the command
    that starts it ("make exercise EX=11-bh-enable");
  * noweb's "@ %def";
  * the team's files: "questions.md", "seeds/", "seed 000", "seed file";
  * a "Seen in" column (the glossary's list of note files);
  * "the notes" (or "the study notes", "the learner's notes") in a paragraph that quotes
    nothing from them: where the book corrects the notes, it quotes them first.

Prints one line per finding (page, what, the words around it); exit status 1 if any.
"""
import argparse
import glob
import html
import json
import os
import re
import sys
from html.parser import HTMLParser

BLOCKS = {'p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'dt', 'dd',
          'caption', 'summary', 'span.cl', 'span.tl', 'div.nw-foot', 'div.nw-head', 'title'}
SKIP = {'script', 'style', 'nav', 'aside', 'header'}


class Blocks(HTMLParser):
    """The text of a page, block by block: (kind, text, quoted).  kind is 'code' for a line
    of a code fragment or a transcript, else 'prose'.  A block inside a <blockquote> (or
    followed by one) counts as quoting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.stack = []          # open block texts
        self.skip = 0
        self.bq = 0
        self.tags = []

    def _key(self, tag, attrs):
        cls = dict(attrs).get('class') or ''
        for c in cls.split():
            if f'{tag}.{c}' in BLOCKS:
                return f'{tag}.{c}'
        return tag if tag in BLOCKS else None

    def handle_starttag(self, tag, attrs):
        if tag in ('br', 'img', 'input', 'meta', 'link', 'hr', 'wbr', 'col', 'source'):
            if tag == 'br' and self.stack:
                self.stack[-1][1].append(' ')
            return
        self.tags.append(tag)
        if tag in SKIP:
            self.skip += 1
        if tag == 'blockquote':
            self.bq += 1
            if self.out and self.out[-1][0] == 'prose':
                k, t, q = self.out[-1]
                self.out[-1] = (k, t, True)     # the paragraph that introduces a quotation
        key = self._key(tag, attrs)
        if key:
            kind = 'code' if key in ('span.cl', 'span.tl') else 'prose'
            self.stack.append((len(self.tags), [], kind, self.bq > 0))

    def handle_endtag(self, tag):
        if tag not in self.tags:
            return
        while self.tags:
            t = self.tags.pop()
            self._close(t, len(self.tags) + 1)
            if t == tag:
                break

    def _close(self, tag, depth):
        if tag in SKIP:
            self.skip -= 1
        if tag == 'blockquote':
            self.bq -= 1
        if self.stack and self.stack[-1][0] == depth:
            _, parts, kind, quoted = self.stack.pop()
            own = ''.join(parts)
            text = re.sub(r'\s+', ' ', own).strip() if kind == 'prose' else own
            if text and not self.skip:
                self.out.append((kind, text, quoted))

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1].append(data)


NOTES = re.compile(r"\bthe (?:learner's |study |seed |original |own )?notes\b", re.I)
# a quotation: quote marks, or a run of Chinese (the notes are in Chinese)
QUOTE = re.compile(r'[“”«»「」『』]|"[^"]{3,}"|‘[^’]{3,}’|[\u4e00-\u9fff]{4,}')


def findings(text, kind, quoted, numbers, stems, exercises):
    out = []
    for m in re.finditer(r'\b(chapters?)\s+(\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*)', text, re.I):
        for n in re.findall(r'\d+', m.group(2)):
            if (len(n) > 1 and n.startswith('0')) or (int(n) in stems and int(n) not in numbers):
                out.append((f'a chapter called by its file number ("{m.group(0)}")', m.start()))
                break
    for e in exercises:
        for m in re.finditer(r'(?<![\w/=-])' + re.escape(e) + r'(?![\w-])', text):
            out.append((f'an exercise directory name as a word ("{e}"; say the exercise\'s title)', m.start()))
    for m in re.finditer(r'@ ?%def\b', text):
        out.append(('noweb markup ("@ %def")', m.start()))
    for m in re.finditer(r'\bquestions\.md\b|\bseeds/|\bseeds? (?:file|\d{3})\b|\bseed-file\b', text, re.I):
        out.append((f'a file of the team\'s ("{m.group(0)}")', m.start()))
    if kind == 'prose':
        for m in re.finditer(r'^Seen in\b', text):
            out.append(('a "Seen in" column (which note files hold a term)', m.start()))
        if not quoted and not QUOTE.search(text):
            for m in NOTES.finditer(text):
                out.append((f'"{m.group(0)}" without quoting them (the reader does not have them)', m.start()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='build/book')
    a = ap.parse_args()
    with open(os.path.join(a.out, 'book.json'), encoding='utf-8') as f:
        meta = json.load(f)
    chapters = [p for p in meta['pages'] if p['kind'] == 'chapter']
    numbers = {p['number'] for p in chapters}
    stems = {int(m.group(1)) for p in chapters for m in [re.match(r'(\d+)-', p['file'])] if m}
    exercises = sorted({e for p in chapters for e in p.get('exercises', [])}, key=len, reverse=True)
    bad = []
    seen = set()
    pages = sorted(glob.glob(os.path.join(a.out, 'html', '*.html')))
    if len(pages) < len(chapters):
        sys.exit(f'words: {a.out}/html has {len(pages)} pages but the book has {len(chapters)} '
                 'chapters: weave the HTML first (make html)')
    for path in pages:
        p = Blocks()
        with open(path, encoding='utf-8') as f:
            p.feed(f.read())
        for kind, text, quoted in p.out:
            for what, pos in findings(text, kind, quoted, numbers, stems, exercises):
                ctx = text[max(0, pos - 50):pos + 70].replace('\n', ' ')
                line = f'{os.path.basename(path)}: {what}: …{ctx}…'
                if line not in seen:
                    seen.add(line)
                    bad.append(line)
    for b in bad:
        print('words: ' + b)
    print(f'words: {len(bad)} workshop words in {len(pages)} pages of {a.out}/html')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
