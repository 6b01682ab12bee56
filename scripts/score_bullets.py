#!/usr/bin/env python3
"""Score Lede's summary bullets; `scripts/score.py` calls this, or run it alone.

usage: scripts/score_bullets.py [--shared ../shared] [--lede target/release/lede] [-v]

Two measures over `tests/data/page-summaries.json` (every corpus page and the sample that shows its own summary;
the file says how it was built):

1. Detection of the page's own summary. Every page of ../shared/corpus (readability and aeb-dev) and the sample
   is run; each `page`-kind bullet Lede prints is a prediction. A prediction matches an expected bullet of the
   same page when their word overlap is >= 0.8 (common word tokens / the longer one's, one-to-one, greedy: the
   rule of ../shared/tools/score_nlp.py). Precision over all predictions, recall over all expected bullets.
2. Key points. On the same pages with the summary *removed from the HTML* (each expected bullet's outermost
   element whose text is exactly that bullet is cut out of the source; the script checks the text is gone),
   ROUGE-1/2/L F1 of the bullets against the removed text, for Lede (`--bullets auto`, what the reader sees)
   and, in the same run, two baselines of the CLI: Lead-3 (`--bullets lead3`) and TextRank alone
   (`--bullets textrank`).

ROUGE (Lin 2004) is implemented here, small and self-checked against the examples in the rouge-score package's
README at start-up: tokens are lower-cased Unicode word characters (`\\w+`; rouge-score's default tokenizer keeps
only [a-z0-9], which would drop the Russian and French pages), no stemming and no stop-word removal; ROUGE-N is
clipped n-gram overlap; ROUGE-L is the longest common subsequence of the whole bullet text (bullets joined)
against the whole reference. F1 per page, averaged over pages (macro).
"""
import argparse, glob, gzip, json, os, re, subprocess, sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html')
DATA = os.path.join(ROOT, 'tests/data/page-summaries.json')
METHODS = ('auto', 'lead3', 'textrank')


# ---------------------------------------------------------------- ROUGE

def tokens(s):
    return re.findall(r'\w+', s.lower())


def ngrams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def prf(overlap, n_pred, n_ref):
    p = overlap / n_pred if n_pred else 0.0
    r = overlap / n_ref if n_ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rouge_n(pred, ref, n):
    a, b = ngrams(tokens(pred), n), ngrams(tokens(ref), n)
    return prf(sum((a & b).values()), sum(a.values()), sum(b.values()))


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(pred, ref):
    a, b = tokens(pred), tokens(ref)
    return prf(lcs(a, b), len(a), len(b))


def _self_check():
    # the examples of the rouge-score README (google-research/rouge), same tokens for these English strings
    t, p = 'The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.'
    assert [round(x, 4) for x in rouge_n(p, t, 1)] == [0.75, 0.6667, 0.7059]
    assert [round(x, 4) for x in rouge_l(p, t)] == [0.625, 0.5556, 0.5882]
    assert [round(x, 4) for x in rouge_n(p, t, 2)] == [0.2857, 0.25, 0.2667]


# ---------------------------------------------------------------- removing the summary from the HTML

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'}
RAW = {'script', 'style', 'noscript', 'template', 'title', 'textarea'}


class Elements(HTMLParser):
    """Source spans and text of every element (end = just past its end tag; implicit ends close at the parent's)."""

    def __init__(self, src):
        super().__init__(convert_charrefs=True)
        self.src, self.stack, self.done, self.text = src, [], [], []
        self.line_starts = [0] + [m.end() for m in re.finditer('\n', src)]
        self.raw = 0
        self.feed(src)
        self.close()
        for e in self.stack:
            self.done.append((e[0], e[1], len(src), e[2], len(self.text)))

    def source_pos(self):
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, self.source_pos(), len(self.text)))
        if tag in RAW:
            self.raw += 1

    def handle_endtag(self, tag):
        if not any(e[0] == tag for e in self.stack):
            return
        end = self.src.find('>', self.source_pos()) + 1
        while self.stack:
            t, start, tstart = self.stack.pop()
            self.done.append((t, start, end, tstart, len(self.text)))
            if t in RAW:
                self.raw -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if not self.raw:
            self.text.extend(data.split())


def ws(s):
    return ' '.join(s.replace('\xa0', ' ').split())


def remove_summary(src, bullets):
    """The page source with each bullet's outermost element whose whole text is the bullet cut out."""
    for b in bullets:
        want = ws(b)
        els = Elements(src)
        hits = [(s, e) for t, s, e, ts, te in els.done
                if t not in ('html', 'body', 'head') and ws(' '.join(els.text[ts:te])) == want]
        if not hits:
            raise SystemExit(f'summary text not found as an element: {b[:60]!r}')
        s, e = min(hits, key=lambda h: (h[0], -h[1]))  # first in the source, outermost
        src = src[:s] + src[e:]
    return src


# ---------------------------------------------------------------- running Lede

def read(path):
    raw = open(path, 'rb').read()
    if raw[:2] == b'\x1f\x8b':
        raw = gzip.decompress(raw)
    return raw.decode('utf-8', 'replace')


def page_path(shared, name):
    if name == 'sample':
        return SAMPLE
    if name.startswith('aeb-dev/'):
        return glob.glob(os.path.join(shared, 'corpus/aeb-dev/html', name[8:] + '*.html.gz'))[0]
    return os.path.join(shared, 'corpus', name, 'source.html')


def lede(exe, page=None, html=None, method='auto'):
    args = [exe, page or '-'] + ([] if method == 'auto' else ['--bullets', method])
    out = subprocess.run(args, input=html, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f'lede failed ({page or "stdin"}, {method}): {out.stderr.strip()}')
    return json.loads(out.stdout)


def overlap(a, b):
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    return sum((ta & tb).values()) / max(sum(ta.values()), sum(tb.values()), 1)


def greedy(pred, gold, thr=0.8):
    pairs = sorted(((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, n = set(), set(), 0
    for o, i, j in pairs:
        if o >= thr and i not in used_p and j not in used_g:
            used_p.add(i); used_g.add(j); n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--lede', default=os.path.join(ROOT, 'target/release/lede'))
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    _self_check()
    data = json.load(open(DATA, encoding='utf-8'))['pages']
    expected = {e['page']: e['bullets'] for e in data}

    # ---- 1. detection on every corpus page and the sample
    names = ['readability/' + os.path.basename(os.path.dirname(p))
             for p in sorted(glob.glob(os.path.join(a.shared, 'corpus/readability/*/source.html')))]
    names += ['aeb-dev/' + os.path.basename(p)[:12]
              for p in sorted(glob.glob(os.path.join(a.shared, 'corpus/aeb-dev/html/*.html.gz')))]
    names.append('sample')
    with ThreadPoolExecutor(2) as ex:
        res = list(ex.map(lambda n: lede(a.lede, page_path(a.shared, n)), names))
    tp = n_pred = n_gold = 0
    misses = []
    for n, r in zip(names, res):
        pred = [b['text'] for b in r['bullet_details'] if b['kind'] == 'page']
        gold = expected.get(n, [])
        m = greedy(pred, gold)
        tp += m; n_pred += len(pred); n_gold += len(gold)
        if m < max(len(pred), len(gold)):
            misses.append(f'  {n}: page bullets {[p[:70] for p in pred]} expected {[g[:70] for g in gold]}')
    P, R, F = prf(tp, n_pred, n_gold)
    print(f'page summary detection ({len(names)} pages, {len(data)} show one): '
          f'P={P:.3f} R={R:.3f} F1={F:.3f} (tp {tp}, predicted {n_pred}, expected {n_gold})')
    if a.verbose:
        print('\n'.join(misses))

    # ---- 2. key points on the pages with their summary removed
    stripped = [remove_summary(read(page_path(a.shared, e['page'])), e['bullets']) for e in data]
    jobs = [(i, m) for i in range(len(data)) for m in METHODS]
    with ThreadPoolExecutor(2) as ex:
        outs = list(ex.map(lambda j: lede(a.lede, html=stripped[j[0]], method=j[1]), jobs))
    scores = {m: [] for m in METHODS}
    counts = {m: [] for m in METHODS}
    lines = []
    for (i, m), r in zip(jobs, outs):
        ref = ' '.join(data[i]['bullets'])
        hyp = ' '.join(r['bullets'])
        scores[m].append((rouge_n(hyp, ref, 1)[2], rouge_n(hyp, ref, 2)[2], rouge_l(hyp, ref)[2]))
        counts[m].append(len(r['bullets']))
        if a.verbose and m == 'auto':
            lines.append(f'  {data[i]["page"]}: R1 {scores[m][-1][0]:.2f}\n    ref: {ref[:150]}\n'
                         + '\n'.join(f'    - [{b["kind"]}] {b["text"][:150]}' for b in r['bullet_details']))
    print(f'key points with the summary removed ({len(data)} pages): ROUGE F1, mean over pages')
    label = {'auto': 'Lede', 'lead3': 'Lead-3', 'textrank': 'TextRank alone'}
    for m in METHODS:
        s = scores[m]
        mean = [sum(x[k] for x in s) / len(s) for k in range(3)]
        print(f'  {label[m]:<15} R1 {mean[0]:.3f}  R2 {mean[1]:.3f}  RL {mean[2]:.3f}  '
              f'(bullets per page {sum(counts[m]) / len(counts[m]):.1f})')
    if a.verbose:
        print('\n'.join(lines))


if __name__ == '__main__':
    main()
