#!/usr/bin/env python3
"""Train the key-point scorer: a logistic regression over the sentence features of `bullets::FEATURES`,
learned from the oracle sentences of the CNN/DailyMail development half (../shared/corpus/highlights).

usage: scripts/train_key_points.py [--shared ../shared] [--features FILE] [--seed 23] [--epochs 40]
                                   [--out data/key-point-weights.tsv] [--dry-run]

  1. Runs `cargo run --release --example key_point_features -- SHARED/corpus/highlights` (or reads
     --features, its saved output): every page's key-point candidates, exactly as `lede` builds them,
     with their features and pairwise similarities.
  2. Labels: a candidate is positive when it is one of the article's oracle sentences (the corpus's
     `oracle`: the greedy best <= 3 sentences by ROUGE-1 + ROUGE-2 against the journalists' highlights),
     i.e. when at least 80% of its tokens are in one oracle sentence and they cover at least half of it
     (a candidate may be an oracle sentence less its wire tag, or its main clause).
  3. Logistic regression by stochastic gradient descent (L2 1e-4, learning rate 0.1 decaying as
     1/sqrt(epoch), --epochs passes in an order shuffled by Python's `random.Random(--seed)`; the weights
     are the mean of those after each epoch of the second half), features as they come (all in 0..1).
     Deterministic for a given feature file and seed (other seeds move the half's ROUGE-1 by about 0.05).
  4. Checks: 2-fold cross-validation on the development half (ids alternating; train on one fold, pick
     bullets on the other the way `lede` does, score with the corpus scorer's ROUGE) for the learned
     weights, beside the hand-weighted scorer and Lead-3; then trains on the whole half and writes the
     weights to --out (not with --dry-run), printing the whole half's ROUGE with them.

Only the development half is read (the held-back half is not on this machine). Standard library only,
plus the corpus scorer's ROUGE (SHARED/tools/score_highlights.py). Run time on 2 cores: the feature dump
about 10 s after the example is built (about 2 min on a fresh checkout), training and checks about 60 s.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the selection constants of src/bullets/mod.rs (MMR_LAMBDA, MAX_SIMILARITY)
MMR_LAMBDA = 0.8
MAX_SIMILARITY = 0.5


def load_features(args):
    if args.features:
        text = open(args.features, encoding='utf-8').read()
    else:
        cmd = ['cargo', 'run', '--release', '--quiet', '--example', 'key_point_features', '--',
               os.path.join(args.shared, 'corpus/highlights')]
        text = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def label(texts, oracle, tokenize):
    """1 for each candidate that is (most of) an oracle sentence, else 0."""
    osets = [set(tokenize(o, False)) for o in oracle]
    out = []
    for t in texts:
        toks = set(tokenize(t, False))
        hit = 0
        for o in osets:
            common = len(toks & o)
            if toks and o and common >= 0.8 * len(toks) and common >= 0.5 * len(o):
                hit = 1
        out.append(hit)
    return out


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def train(rows, n_feat, seed, epochs):
    """Logistic regression by SGD; rows: (features, label). Returns the mean of the weights after each
    epoch of the second half (Polyak-Ruppert averaging: steadier than the last iterate)."""
    w = [0.0] * n_feat
    avg = [0.0] * n_feat
    rng = random.Random(seed)
    order = list(range(len(rows)))
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = 0.1 / math.sqrt(epoch + 1)
        for i in order:
            x, y = rows[i]
            g = sigmoid(sum(a * b for a, b in zip(w, x))) - y
            for j in range(n_feat):
                w[j] -= lr * (g * x[j] + 1e-4 * w[j])
        if epoch >= epochs // 2:
            for j in range(n_feat):
                avg[j] += w[j]
    return [a / (epochs - epochs // 2) for a in avg]


def pick(art, scores):
    """The selection of `key_points::pick`: MMR, similarity cap, at most one quotation."""
    quoted = art['quoted']
    mostly = sum(quoted) * 2 > len(quoted)
    sim = art['similarity']
    chosen = []
    while len(chosen) < art['want']:
        taken = not mostly and any(quoted[x] for x in chosen)
        best = None
        for ci, s in enumerate(scores):
            if ci in chosen or (taken and quoted[ci]):
                continue
            red = max((sim[x][ci] for x in chosen), default=0.0)
            if red > MAX_SIMILARITY:
                continue
            mmr = MMR_LAMBDA * s - (1 - MMR_LAMBDA) * red
            if best is None or mmr > best[0]:
                best = (mmr, ci)
        if best is None:
            break
        chosen.append(best[1])
    return sorted(chosen)


def hand_score(f, names):
    """The hand-weighted scorer this model replaced (centrality, position, headline, entities; x0.7 for
    a dependent opener)."""
    v = dict(zip(names, f))
    s = 0.3 * v['centrality'] + 0.35 * v['position'] + 0.25 * v['headline'] + 0.1 * v['entities']
    return s * (0.7 if v['dependent'] else 1.0)


def evaluate(arts, refs, scorer, rouge):
    tot = [0.0, 0.0, 0.0]
    for a in arts:
        scores = [scorer(f) for f in a['features']]
        cand = [a['texts'][i] for i in pick(a, scores)]
        if not cand:
            continue
        r = rouge(cand, refs[a['id']]['highlights'])
        tot[0] += r['rouge1']
        tot[1] += r['rouge2']
        tot[2] += r['rougeL']
    return [x / max(len(arts), 1) for x in tot]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--features')
    ap.add_argument('--seed', type=int, default=23)
    ap.add_argument('--epochs', type=int, default=40)
    ap.add_argument('--out', default=os.path.join(ROOT, 'data/key-point-weights.tsv'))
    ap.add_argument('--dry-run', action='store_true')
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, 'tools'))
    import score_highlights as sh

    names = [l.split('"')[1] for l in open(os.path.join(ROOT, 'src/bullets/key_points.rs'), encoding='utf-8')
             .read().split('pub const FEATURES')[1].split('];')[0].splitlines() if '"' in l]
    refs = {}
    for line in open(os.path.join(args.shared, 'corpus/highlights/references.jsonl'), encoding='utf-8'):
        r = json.loads(line)
        refs[r['id']] = r
    arts = [a for a in load_features(args) if a['texts']]
    for a in arts:
        a['labels'] = label(a['texts'], refs[a['id']]['oracle'], sh.tokenize)
    n_feat = len(names)

    def rows_of(sub):
        return [(f, y) for a in sub for f, y in zip(a['features'], a['labels'])]

    def model(w):
        return lambda f: sigmoid(sum(a * b for a, b in zip(w, f)))

    folds = [arts[0::2], arts[1::2]]
    cv = [0.0, 0.0, 0.0]
    hand = [0.0, 0.0, 0.0]
    for k in (0, 1):
        w = train(rows_of(folds[1 - k]), n_feat, args.seed, args.epochs)
        got = evaluate(folds[k], refs, model(w), sh.score)
        ref = evaluate(folds[k], refs, lambda f: hand_score(f, names), sh.score)
        for i in range(3):
            cv[i] += got[i] * len(folds[k]) / len(arts)
            hand[i] += ref[i] * len(folds[k]) / len(arts)
    lead3 = sum(sh.score(refs[a['id']]['lead3'], refs[a['id']]['highlights'])['rouge1'] for a in arts) / len(arts)
    print(f'{len(arts)} articles, {sum(len(a["texts"]) for a in arts)} candidates, '
          f'{sum(sum(a["labels"]) for a in arts)} oracle-labelled')
    print('2-fold cross-validation, R1 / R2 / RL (articles with candidates):')
    print('  learned  %.4f / %.4f / %.4f' % tuple(cv))
    print('  hand     %.4f / %.4f / %.4f' % tuple(hand))
    print('  Lead-3 R1 %.4f (stored lead3)' % lead3)
    w = train(rows_of(arts), n_feat, args.seed, args.epochs)
    full = evaluate(arts, refs, model(w), sh.score)
    print('trained on the whole half, same half: %.4f / %.4f / %.4f' % tuple(full))
    for n, x in zip(names, w):
        print(f'  {n:14} {x:+.4f}')
    if not args.dry_run:
        with open(args.out, 'w', encoding='utf-8') as fh:
            fh.write('# Key-point scorer weights (logistic regression over bullets::FEATURES), written by\n'
                     f'# scripts/train_key_points.py --seed {args.seed} --epochs {args.epochs} from the oracle\n'
                     '# sentences of the CNN/DailyMail development half (docs/data-sources.md).\n')
            for n, x in zip(names, w):
                fh.write(f'{n}\t{x:.4f}\n')
        print('wrote', os.path.relpath(args.out, ROOT))


if __name__ == '__main__':
    main()
