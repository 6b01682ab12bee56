#!/usr/bin/env python3
"""Print Lede's quality scores with the project's scorers, in one command.

usage: scripts/score.py [--shared ../shared] [--lede target/release/lede] [--out out/score] [-v]

  * body extraction on corpus/aeb-dev with tools/score_aeb.py (the CLI's `body` as `articleBody`);
  * headline, quotes and entities on gold/dev with tools/score_nlp.py (all articles, then English only).
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


if __name__ == '__main__':
    main()
