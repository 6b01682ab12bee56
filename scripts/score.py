#!/usr/bin/env python3
"""Print Lede's quality scores with the project's scorers, in one command.

usage: scripts/score.py [--shared ../shared] [--lede target/release/lede] [--out out/score] [-v]

  * body extraction on corpus/aeb-dev with tools/score_aeb.py (the CLI's `body` as `articleBody`);
  * headline, quotes and entities on gold/dev with tools/score_nlp.py (all articles, then English only);
  * summary bullets with scripts/score_bullets.py: detection of the page's own summary, and ROUGE of the
    key points on the same pages with that summary removed, beside Lead-3 and TextRank.
Gold ids map to pages: aeb-<12 hex> -> corpus/aeb-dev/html/<hex>*.html.gz, seed-scmp -> the bundled
sample, any other id -> corpus/readability/<id>/source.html.
"""
import argparse, glob, gzip, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html')


def run_lede(lede, page):
    out = subprocess.run([lede, page], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f'lede failed on {page}: {out.stderr.strip()}')
    return json.loads(out.stdout)


def html_text(path):
    """Text of expected.html: tags removed, entities unescaped (paragraph breaks don't matter to shingles)."""
    import html, re
    raw = open(path, encoding='utf-8').read()
    raw = re.sub(r'(?is)<(script|style)[^>]*>.*?</\1>', ' ', raw)
    return html.unescape(re.sub(r'<[^>]+>', ' ', raw))


def readability(a, tools):
    import re
    sys.path.insert(0, tools)
    from score_aeb import shingles
    dirs = sorted(d for d in glob.glob(os.path.join(a.shared, 'corpus/readability/*')) if os.path.isdir(d))
    with ThreadPoolExecutor(2) as ex:
        res = list(ex.map(lambda d: run_lede(a.lede, os.path.join(d, 'source.html')), dirs))
    ws = lambda s: ' '.join((s or '').split())
    artefacts = json.load(open(os.path.join(ROOT, 'tests/data/readability-artefacts.json'), encoding='utf-8'))['pages']
    f1s, heads, bylines, langs, dirs_ok, not_found = [], [], [], [], [], []
    heads_fixed, bylines_fixed = [], []
    misses = []
    for d, r in zip(dirs, res):
        meta = json.load(open(os.path.join(d, 'expected-metadata.json'), encoding='utf-8'))
        name = os.path.basename(d)
        if meta.get('readerable', True):
            t, _ = shingles(html_text(os.path.join(d, 'expected.html')))
            p, _ = shingles(r['body'])
            tp = sum((t & p).values()); fp = sum((p - t).values()); fn = sum((t - p).values())
            P = tp / (tp + fp) if tp + fp else 0.0; R = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * P * R / (P + R) if P + R else 0.0)
        else:
            not_found.append(not r['article_found'])
        if meta.get('title'):
            ok = ws(r['headline']) == ws(meta['title'])
            heads.append(ok)
            fix = artefacts.get(name, {}).get('headline')
            heads_fixed.append(ws(r['headline']) == ws(fix['correct']) if fix else ok)
            if not ok: misses.append(f'  headline {name}: {r["headline"]!r} != {meta["title"]!r}')
        if meta.get('byline'):
            # "By Erin Cunningham" and "Erin Cunningham" name the same author
            nb = lambda s: re.sub(r'^(by|par|von)\s+', '', ws(s), flags=re.I).lower()
            ok = nb(meta['byline']) in (nb(', '.join(r['byline'])), nb(' and '.join(r['byline'])))
            bylines.append(ok)
            fix = artefacts.get(name, {}).get('byline')
            bylines_fixed.append(r['byline'] == fix['correct'] if fix else ok)
            if not ok: misses.append(f'  byline {name}: {r["byline"]!r} != {meta["byline"]!r}')
        if meta.get('lang'):
            langs.append((r['lang'] or '').lower() == meta['lang'].lower())
        if meta.get('dir'):
            dirs_ok.append(r['dir'] == meta['dir'])
    pct = lambda xs: f'{100 * sum(xs) / len(xs):.1f}% of {len(xs)}' if xs else 'n/a'
    print(f'body F1 {sum(f1s) / len(f1s):.3f} over {len(f1s)} readerable pages; '
          f'no-article said on {pct(not_found)} non-readerable pages')
    print(f'headline exact {pct(heads)}; byline {pct(bylines)}; lang {pct(langs)}; dir {pct(dirs_ok)}')
    print(f'with the recorded Readability artefacts corrected (tests/data/readability-artefacts.json): '
          f'headline {pct(heads_fixed)}; byline {pct(bylines_fixed)}')
    if a.verbose:
        print('\n'.join(misses))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--lede', default=os.path.join(ROOT, 'target/release/lede'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'out/score'))
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tools = os.path.join(a.shared, 'tools')

    # ---- aeb-dev body
    pages = sorted(glob.glob(os.path.join(a.shared, 'corpus/aeb-dev/html/*.html.gz')))
    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(lambda p: run_lede(a.lede, p), pages))
    pred = {os.path.basename(p).split('.')[0]: {'articleBody': r['body']} for p, r in zip(pages, results)}
    pred_path = os.path.join(a.out, 'aeb-pred.json')
    json.dump(pred, open(pred_path, 'w'), ensure_ascii=False)
    print('== body extraction, aeb-dev (score_aeb.py)', flush=True)
    subprocess.run([sys.executable, os.path.join(tools, 'score_aeb.py'), pred_path,
                    os.path.join(a.shared, 'corpus/aeb-dev/ground-truth.json')], check=True)

    # ---- readability corpus: body against expected.html, headline, byline, lang, dir
    print('\n== readability corpus: body (shingle F1 vs expected.html, readerable pages), metadata', flush=True)
    readability(a, tools)

    # ---- gold NLP
    gold_dir = os.path.join(a.shared, 'gold/dev')
    pred_dir = os.path.join(a.out, 'gold-pred')
    os.makedirs(pred_dir, exist_ok=True)
    for g in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        gid = os.path.basename(g)[:-5]
        if gid == 'seed-scmp':
            page = SAMPLE
        elif gid.startswith('aeb-'):
            page = glob.glob(os.path.join(a.shared, 'corpus/aeb-dev/html', gid[4:] + '*.html.gz'))[0]
        else:
            page = os.path.join(a.shared, 'corpus/readability', gid, 'source.html')
        json.dump(run_lede(a.lede, page), open(os.path.join(pred_dir, gid + '.json'), 'w'), ensure_ascii=False)
    extra = ['-v'] if a.verbose else []
    print('\n== quotes, entities, headline: gold/dev, all languages (score_nlp.py)', flush=True)
    subprocess.run([sys.executable, os.path.join(tools, 'score_nlp.py'), pred_dir, gold_dir] + extra, check=True)
    print('\n== gold/dev, English articles', flush=True)
    subprocess.run([sys.executable, os.path.join(tools, 'score_nlp.py'), pred_dir, gold_dir, '--lang', 'en'], check=True)

    # ---- summary bullets: the page's own summary detected, key points against it (scripts/score_bullets.py)
    print('\n== summary bullets: tests/data/page-summaries.json (score_bullets.py)', flush=True)
    subprocess.run([sys.executable, os.path.join(ROOT, 'scripts/score_bullets.py'), '--shared', a.shared,
                    '--lede', a.lede] + extra, check=True)


if __name__ == '__main__':
    main()
