#!/usr/bin/env python3
"""Print Lede's quality scores with the project's scorers, in one command.

usage: scripts/score.py [--shared ../shared] [--lede target/release/lede] [--out out/score] [-v] [--write-docs]

  * body extraction on corpus/aeb-dev with tools/score_aeb.py (the CLI's `body` as `articleBody`);
  * headline, quotes and entities on gold/dev with tools/score_nlp.py (all articles, then English only);
  * summary bullets with scripts/score_bullets.py: detection of the page's own summary, and ROUGE of the
    key points on the same pages with that summary removed, beside Lead-3 and TextRank;
  * quotes and speakers on corpus/polnear's dev split with tools/score_quotes.py: quote F1, speaker accuracy,
    speaker precision and coverage at the attribution model's threshold (data/quote-attribution.txt);
  * the other development sets, each with its own scorer: named entities on corpus/conll2003's dev split
    (score_ner.py), headline, byline, date and dek on corpus/postlight (score_meta.py), key points against
    journalists' highlights on corpus/highlights (score_highlights.py), main content on corpus/wceb-dev
    (score_wceb.py); the last lines printed are the one-line summaries of every set.
With --write-docs, the measured figures in docs/quality.md are rewritten from this run: every
`<!--m:KEY-->value<!--/m-->` there gets the value of KEY (see `figures()`); the rest of the file (reference
and peer figures, explanations) is fixed text. A KEY this run did not measure is an error.
Gold ids map to pages: aeb-<12 hex> -> corpus/aeb-dev/html/<hex>*.html.gz, seed-scmp -> the bundled
sample, any other id -> corpus/readability/<id>/source.html.
"""
import argparse, glob, gzip, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, 'tests/fixtures/sample/xi-putin-summit.html')


TRANSCRIPT = []  # stdout of every scorer run, for --write-docs


def tool(args):
    """Run a scorer, print its output and keep it for --write-docs."""
    out = subprocess.run(args, capture_output=True, text=True)
    sys.stdout.write(out.stdout)
    sys.stderr.write(out.stderr)
    sys.stdout.flush()
    if out.returncode != 0:
        raise SystemExit(f'{args[1]} failed ({out.returncode})')
    TRANSCRIPT.append(out.stdout)
    return out.stdout


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
    published, pub_same = [], []
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
        if r.get('published'):
            published.append(bool(ISO_DATE.match(r['published'])))
        if meta.get('publishedTime'):
            # the page states a date Readability found: Lede gives the same day, as ISO 8601
            pub_same.append(bool(r.get('published')) and r['published'][:10] == meta['publishedTime'][:10])
            if not pub_same[-1]: misses.append(f'  published {name}: {r.get("published")!r} vs {meta["publishedTime"]!r}')
    pct = lambda xs: f'{100 * sum(xs) / len(xs):.1f}% of {len(xs)}' if xs else 'n/a'
    print(f'body F1 {sum(f1s) / len(f1s):.3f} over {len(f1s)} readerable pages; '
          f'no-article said on {pct(not_found)} non-readerable pages')
    print(f'headline exact {pct(heads)}; byline {pct(bylines)}; lang {pct(langs)}; dir {pct(dirs_ok)}')
    print(f'with the recorded Readability artefacts corrected (tests/data/readability-artefacts.json): '
          f'headline {pct(heads_fixed)}; byline {pct(bylines_fixed)}')
    print(f'published: ISO 8601 on {sum(published)} of {len(published)} pages where Lede gives a date; '
          f'same day as Readability on {pct(pub_same)} pages where it found one')
    if a.verbose:
        print('\n'.join(misses))
    share = lambda xs: f'{100 * sum(xs) / len(xs):.1f} %'
    return {
        'rd.body_f1': f'{sum(f1s) / len(f1s):.3f}', 'rd.readerable': str(len(f1s)),
        'rd.no_article': f'{sum(not_found)} of {len(not_found)}',
        'rd.headline': f'{share(heads)} of {len(heads)}', 'rd.headline_fixed': share(heads_fixed),
        'rd.byline': f'{share(bylines)} of {len(bylines)}', 'rd.byline_fixed': share(bylines_fixed),
        'rd.lang': share(langs), 'rd.dir': share(dirs_ok), 'rd.lang_n': str(len(langs)), 'rd.dir_n': str(len(dirs_ok)),
        'rd.published_iso': f'{sum(published)} of {len(published)}',
        'rd.published_same': f'{sum(pub_same)} of {len(pub_same)}',
    }


ISO_DATE = re.compile(r'^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$')


def figures(transcript, rd):
    """The measured values docs/quality.md shows, by key, read from the scorers' output."""
    aeb, nlp_all, nlp_en, bullets, polnear = transcript[:5]
    v = dict(rd)
    m = re.search(r'precision ([\d.]+)\s+recall ([\d.]+)\s+f1 ([\d.]+)\s+accuracy ([\d.]+)', aeb)
    v.update({'aeb.precision': m[1], 'aeb.recall': m[2], 'aeb.f1': m[3], 'aeb.exact': m[4]})
    for pre, out in (('all', nlp_all), ('en', nlp_en)):
        for k in ('typed', 'untyped', 'PERSON', 'ORG', 'PLACE'):
            v[f'{pre}.entity_{k}'] = re.search(rf'entity {k}\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)', out)[1]
        m = re.search(r'quotes\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+).*speaker acc ([\d.]+|n/a)', out)
        v[f'{pre}.quote_f1'], v[f'{pre}.speaker'] = m[1], m[2]
        m = re.search(r'headline acc ([\d.]+)', out)
        if m: v[f'{pre}.headline'] = m[1]
        m = re.search(r'bullets P=([\d.]+) R=([\d.]+)', out)
        if m: v[f'{pre}.bullets_p'], v[f'{pre}.bullets_r'] = m[1], m[2]
    m = re.search(r'polnear dev: quote F1 ([\d.]+) \| speaker acc ([\d.]+) \| speaker precision ([\d.]+) \| '
                  r'coverage ([\d.]+)', polnear)
    v.update({'pn.quote_f1': m[1], 'pn.speaker': m[2], 'pn.precision': m[3], 'pn.coverage': m[4]})
    m = re.search(r'^threshold ([\d.]+)', open(os.path.join(ROOT, 'data/quote-attribution.txt')).read(), re.M)
    v['pn.threshold'] = m[1]
    m = re.search(r'page summary detection .*?P=([\d.]+) R=([\d.]+)', bullets)
    v['bul.detect_p'], v['bul.detect_r'] = m[1], m[2]
    for label, key in (('Lede', 'lede'), ('Lead-3', 'lead3'), ('TextRank alone', 'textrank')):
        m = re.search(rf'^  {re.escape(label)}\s+R1 ([\d.]+)\s+R2 ([\d.]+)\s+RL ([\d.]+)', bullets, re.M)
        v[f'bul.{key}_r1'], v[f'bul.{key}_r2'], v[f'bul.{key}_rl'] = m[1], m[2], m[3]
    return v


def write_docs(values):
    """Rewrite the `<!--m:KEY-->…<!--/m-->` figures of docs/quality.md with this run's values."""
    path = os.path.join(ROOT, 'docs/quality.md')
    text = open(path, encoding='utf-8').read()
    unknown = sorted(set(re.findall(r'<!--m:([\w.]+)-->', text)) - set(values))
    if unknown:
        raise SystemExit(f'--write-docs: docs/quality.md asks for figures this run did not measure: {unknown}')
    new = re.sub(r'<!--m:([\w.]+)-->.*?<!--/m-->', lambda m: f'<!--m:{m[1]}-->{values[m[1]]}<!--/m-->', text)
    open(path, 'w', encoding='utf-8').write(new)
    print(f'\ndocs/quality.md: {len(re.findall("<!--m:", new))} figures written')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--lede', default=os.path.join(ROOT, 'target/release/lede'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'out/score'))
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('--write-docs', action='store_true', help="rewrite docs/quality.md's measured figures")
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
    tool([sys.executable, os.path.join(tools, 'score_aeb.py'), pred_path,
          os.path.join(a.shared, 'corpus/aeb-dev/ground-truth.json')])

    # ---- readability corpus: body against expected.html, headline, byline, lang, dir
    print('\n== readability corpus: body (shingle F1 vs expected.html, readerable pages), metadata', flush=True)
    rd = readability(a, tools)

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
    tool([sys.executable, os.path.join(tools, 'score_nlp.py'), pred_dir, gold_dir] + extra)
    print('\n== gold/dev, English articles', flush=True)
    tool([sys.executable, os.path.join(tools, 'score_nlp.py'), pred_dir, gold_dir, '--lang', 'en'])

    # ---- summary bullets: the page's own summary detected, key points against it (scripts/score_bullets.py)
    print('\n== summary bullets: tests/data/page-summaries.json (score_bullets.py)', flush=True)
    tool([sys.executable, os.path.join(ROOT, 'scripts/score_bullets.py'), '--shared', a.shared,
          '--lede', a.lede] + extra)

    # ---- quotes and speakers on PolNeAR dev (tools/score_quotes.py): speaker precision and coverage at the
    # attribution model's threshold (data/quote-attribution.txt, scripts/train_quotes.py)
    polnear = os.path.join(a.shared, 'corpus/polnear')
    th = re.search(r'^threshold ([\d.]+)', open(os.path.join(ROOT, 'data/quote-attribution.txt')).read(), re.M)[1]
    print(f'\n== quotes and speakers, PolNeAR dev (score_quotes.py; attribution threshold {th})', flush=True)
    tool([sys.executable, os.path.join(tools, 'score_quotes.py'), '--lede', a.lede, '--corpus', polnear,
          '--split', 'dev'] + extra)
    # ---- the other development sets, one scorer each; their one-line summaries again at the end
    summaries = [TRANSCRIPT[-1].strip().splitlines()[-1]]
    for title, script, corpus, more in (
        ('named entities, CoNLL-2003 dev', 'score_ner.py', 'conll2003', ['--split', 'dev']),
        ('headline, byline, date, dek: postlight', 'score_meta.py', 'postlight', []),
        ('key points against journalists\' highlights', 'score_highlights.py', 'highlights', []),
        ('main content: WCEB CleanEval and Dragnet', 'score_wceb.py', 'wceb-dev', []),
    ):
        print(f'\n== {title} ({script})', flush=True)
        out = tool([sys.executable, os.path.join(tools, script), '--lede', a.lede,
                    '--corpus', os.path.join(a.shared, 'corpus', corpus)] + more)
        summaries.append(out.strip().splitlines()[-1])
    print('\n== development sets, one line each')
    print('\n'.join(summaries))
    if a.write_docs:
        write_docs(figures(TRANSCRIPT, rd))


if __name__ == '__main__':
    main()
