#!/usr/bin/env python3
"""Propose candidate page summaries (standfirst/dek, key-point lists) for tests/data/page-summaries.json.

usage: scripts/propose_summaries.py [--shared ../shared] [PAGE ...]

For every corpus page (readability, aeb-dev) and the bundled sample, prints what could be the page's own
summary, for a person to check against the HTML: the og:/twitter:/meta/JSON-LD descriptions and whether their
text is *shown* in the page body (outside <head>, <script>, <style>, <noscript>, <template>), then the visible
elements whose class or id contains a dek-like word, and the text that follows a summary-box label. It
decides nothing: `page-summaries.json` holds only what was confirmed by reading the page.
Uses only the standard library (html.parser), so it runs anywhere the scorer runs.
"""
import argparse, glob, gzip, html, json, os, re, sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEK_WORDS = ('dek', 'standfirst', 'subtitle', 'sub-title', 'subhead', 'sub-head', 'summary', 'strapline',
             'description', 'excerpt', 'intro', 'deck', 'subline', 'lead', 'teaser', 'key-points', 'keypoints',
             'highlights', 'bullets', 'synopsis', 'chapo', 'chapeau', 'kicker', 'abstract', 'tldr')
LABELS = ('key points', 'story highlights', 'in brief', 'highlights', 'at a glance', 'what you need to know',
          'the big picture', 'summary', 'key takeaways', 'takeaways', 'in short', 'en bref', "l'essentiel",
          'à retenir', 'das wichtigste', 'in kürze', 'auf einen blick', 'en resumen', 'lo esencial', 'claves',
          'in breve', 'in sintesi', 'samenvatting', 'kort gezegd', 'em resumo', 'главное', 'коротко')
SKIP = {'script', 'style', 'noscript', 'template', 'head', 'svg', 'title'}
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'}


def ws(s):
    return ' '.join((s or '').split())


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.jsonld, self.stack, self.text = {}, [], [], []
        self.elements = []  # (tag, id+class, start offset in self.text)
        self.skip = 0
        self._ld = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'meta':
            key = (a.get('property') or a.get('name') or '').lower()
            if key in ('og:description', 'twitter:description', 'description') and a.get('content'):
                self.meta.setdefault(key, html.unescape(a['content']))
        if tag == 'script' and (a.get('type') or '').lower() == 'application/ld+json':
            self._ld = []
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip += 1
        ic = ((a.get('id') or '') + ' ' + (a.get('class') or '')).lower().strip()
        self.elements.append([tag, ic, len(''.join(self.text)), None, self.skip > 0])
        self.open_idx = getattr(self, 'open_idx', []) + [len(self.elements) - 1]

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            t = self.stack.pop()
            i = self.open_idx.pop()
            self.elements[i][3] = len(''.join(self.text))
            if t in SKIP:
                self.skip -= 1
            if t == tag:
                break
        if tag == 'script' and self._ld is not None:
            self.jsonld.append(''.join(self._ld))
            self._ld = None

    def handle_data(self, data):
        if self._ld is not None:
            self._ld.append(data)
        elif not self.skip:
            self.text.append(data + ' ')


def descriptions(ld_texts):
    out = []
    def walk(x):
        if isinstance(x, dict):
            if isinstance(x.get('description'), str):
                out.append(x['description'])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for t in ld_texts:
        try:
            walk(json.loads(t))
        except ValueError:
            pass
    return out


def propose(path):
    raw = open(path, 'rb').read()
    if raw[:2] == b'\x1f\x8b':
        raw = gzip.decompress(raw)
    p = Page()
    p.feed(raw.decode('utf-8', 'replace'))
    text = ''.join(p.text)
    flat = ws(text)
    lines = []
    for key, val in list(p.meta.items()) + [('json-ld', d) for d in descriptions(p.jsonld)]:
        v = ws(html.unescape(val))
        if len(v.split()) >= 4:
            shown = v in flat
            lines.append(f'  {key}: {"SHOWN" if shown else "not shown"}: {v[:160]}')
    for tag, ic, s, e, hidden in p.elements:
        if hidden or e is None or not ic:
            continue
        if any(w in ic for w in DEK_WORDS) and not any(w in ic for w in ('byline', 'caption', 'credit')):
            t = ws(text[s:e])
            if 4 <= len(t.split()) <= 80:
                lines.append(f'  class {tag}.{ic[:50]}: {t[:160]}')
    for lab in LABELS:
        for m in re.finditer(r'(?i)(?:^|\s)' + re.escape(lab) + r'\s*:?\s', flat):
            lines.append(f'  label {lab!r}: {flat[m.start():m.start() + 200]}')
    return lines


def pages(shared):
    for d in sorted(glob.glob(os.path.join(shared, 'corpus/readability/*/source.html'))):
        yield 'readability/' + d.split('/')[-2], d
    for f in sorted(glob.glob(os.path.join(shared, 'corpus/aeb-dev/html/*.html.gz'))):
        yield 'aeb-dev/' + os.path.basename(f)[:12], f
    yield 'sample', os.path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('only', nargs='*')
    a = ap.parse_args()
    for name, path in pages(a.shared):
        if a.only and not any(o in name for o in a.only):
            continue
        lines = propose(path)
        if lines:
            print(name)
            print('\n'.join(dict.fromkeys(lines)))


if __name__ == '__main__':
    main()
