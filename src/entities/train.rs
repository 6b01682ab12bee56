//! Training of the entity tagger ([`super::model`]) on CoNLL-2003 as Lede reads it: an averaged
//! structured perceptron (Collins 2002) over the features of [`super::features`], computed on the
//! same tokens, rule-layer mentions and gazetteers as at run time. Native only; run by
//! `cargo run --release --example train_ner -- CORPUS OUT` (see `docs/entities.md`).
//!
//! Data: `CORPUS/gold/train.jsonl` (and `dev.jsonl` for the report), the CoNLL-2003 documents as
//! paragraphs with gold PER / ORG / LOC / MISC character spans (`../shared/corpus/conll2003`; its
//! README gives the source and licence). The first paragraph of a document (its title line) is
//! read as a headline, the others as trusted body text, as the pipeline reads the corpus pages.

use super::document::group;
use super::features::{Doc, LABELS, O};
use super::model::{viterbi, Weights};
use super::rules;
use crate::text::Para;
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// One training document: paragraphs, the headline flags and the gold label of every token.
pub struct Document {
    id: String,
    paras: Vec<Para>,
    trusted: Vec<bool>,
    gold: Vec<Vec<usize>>,
    /// Gold PER / ORG / LOC mentions: (paragraph, start byte, end byte, label).
    spans: Vec<(usize, usize, usize, usize)>,
    prose: bool,
}

/// Read the documents of `CORPUS/gold/SPLIT.jsonl`.
///
/// # Errors
/// A missing or unreadable file, or a line that is not a CoNLL gold document.
pub fn read_split(corpus: &Path, split: &str) -> Result<Vec<Document>, String> {
    let path = corpus.join("gold").join(format!("{split}.jsonl"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let paras: Vec<Para> = v["paras"]
            .as_array()
            .ok_or("no paras")?
            .iter()
            .map(|p| Para::plain(p.as_str().unwrap_or("")))
            .collect();
        let mut trusted = vec![true; paras.len()];
        if let Some(t) = trusted.first_mut() {
            *t = false;
        }
        let mut spans: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); paras.len()];
        for g in v["gold"].as_array().ok_or("no gold")? {
            let label = match g["type"].as_str() {
                Some("PER") => 1,
                Some("ORG") => 2,
                Some("LOC") => 3,
                _ => 4,
            };
            let p = g["para"].as_u64().unwrap_or(0) as usize;
            let (s, e) = (
                g["start"].as_u64().unwrap_or(0) as usize,
                g["end"].as_u64().unwrap_or(0) as usize,
            );
            if let Some(sp) = spans.get_mut(p) {
                sp.push((s, e, label));
            }
        }
        let gold = paras
            .iter()
            .zip(&spans)
            .map(|(p, sp)| {
                rules::tokens(p)
                    .iter()
                    .map(|t| {
                        sp.iter()
                            .find(|(s, e, _)| t.start >= *s && t.start < *e)
                            .map_or(O, |x| x.2)
                    })
                    .collect()
            })
            .collect();
        let spans = spans
            .iter()
            .enumerate()
            .flat_map(|(p, sp)| {
                let text = &paras[p].text;
                sp.iter().filter(|x| x.2 <= 3).map(move |&(s, e, l)| {
                    let (s, e) = trimmed(text, s, e);
                    (p, s, e, l)
                })
            })
            .collect();
        docs.push(Document {
            id: v["id"].as_str().unwrap_or("").to_string(),
            paras,
            trusted,
            gold,
            spans,
            prose: v["prose"].as_bool().unwrap_or(false),
        });
    }
    Ok(docs)
}

/// A gold span trimmed as the CoNLL scorer trims both sides: a possessive, a leading "the", edge
/// punctuation.
fn trimmed(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let Some(span) = text.get(s..e) else {
        return (s, e);
    };
    let kept = rules::strip_possessive(span);
    e = s + kept.len();
    for the in ["The ", "the "] {
        if text[s..e].starts_with(the) {
            s += the.len();
        }
    }
    while s < e && text[s..e].starts_with(|c: char| !c.is_alphanumeric()) {
        s += text[s..e].chars().next().map_or(1, char::len_utf8);
    }
    while e > s && text[s..e].ends_with(|c: char| !c.is_alphanumeric()) {
        e -= text[s..e].chars().next_back().map_or(1, char::len_utf8);
    }
    (s, e)
}

/// A feature is shipped when one of its quantised weights is at least this many units: smaller
/// ones are noise of rare features (measured on CoNLL-2003 dev: keeping every non-zero weight
/// adds 130 KB gzipped for +0.004 prose F1, this cut takes 13 KB off the previous model and
/// gains 0.009; docs/entities.md).
const MIN_KEPT: u8 = 2;

/// Perceptron weights during training: the current weights and the running sums for averaging
/// (the "lazy" form: the average is `w - u / c`).
#[derive(Default)]
struct Learner {
    now: Trained,
    u: HashMap<u32, [f32; LABELS]>,
    tu: [[f32; LABELS]; LABELS + 1],
    c: f32,
}

impl Weights for Learner {
    fn emit(&self, feats: &[u32], out: &mut [f32; LABELS]) {
        self.now.emit(feats, out);
    }
    fn trans(&self, from: Option<usize>, to: usize) -> f32 {
        self.now.trans(from, to)
    }
}

impl Learner {
    fn update(&mut self, feats: &[u32], label: usize, delta: f32) {
        for f in feats {
            self.now.w.entry(*f).or_default()[label] += delta;
            self.u.entry(*f).or_default()[label] += delta * self.c;
        }
    }
    fn update_trans(&mut self, from: Option<usize>, to: usize, delta: f32) {
        let r = from.map_or(0, |f| f + 1);
        self.now.t[r][to] += delta;
        self.tu[r][to] += delta * self.c;
    }
    /// The averaged weights.
    fn averaged(&self) -> Trained {
        let mut w = self.now.w.clone();
        for (f, ws) in &mut w {
            if let Some(us) = self.u.get(f) {
                for (x, u) in ws.iter_mut().zip(us) {
                    *x -= u / self.c;
                }
            }
        }
        let mut t = self.now.t;
        for (row, urow) in t.iter_mut().zip(&self.tu) {
            for (x, u) in row.iter_mut().zip(urow) {
                *x -= u / self.c;
            }
        }
        Trained { w, t }
    }
}

impl Weights for Trained {
    fn emit(&self, feats: &[u32], out: &mut [f32; LABELS]) {
        for f in feats {
            if let Some(w) = self.w.get(f) {
                for (o, x) in out.iter_mut().zip(w) {
                    *o += x;
                }
            }
        }
    }
    fn trans(&self, from: Option<usize>, to: usize) -> f32 {
        self.t[from.map_or(0, |f| f + 1)][to]
    }
}

/// A document with its rule-layer mentions computed once (they do not change during training).
struct Prepared<'a> {
    doc: Doc<'a>,
    rule_cands: Vec<super::rules::Candidate>,
    gold: &'a [Vec<usize>],
}

fn prepare(d: &Document) -> Prepared<'_> {
    let (cands, _) = rules::candidates(&d.paras, &d.trusted);
    let (_, mentions) = group(&cands, &d.paras, &d.trusted, false);
    Prepared {
        doc: Doc::new(&d.paras, &d.trusted, &mentions),
        rule_cands: cands,
        gold: &d.gold,
    }
}

/// A small deterministic generator (xorshift64*) for the seeded shuffle of the documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Train on `train` for `epochs` passes (documents shuffled with `seed` each pass), printing the
/// token-level mention F1 on `dev` after each pass; returns the averaged weights.
/// With `dump`, the dev predictions of the final (quantised) model are written there for
/// `tools/score_ner.py --pred`.
pub fn train(
    train: &[Document],
    dev: &[Document],
    epochs: usize,
    seed: u64,
    dump: Option<&Path>,
) -> Trained {
    let prepared: Vec<Prepared<'_>> = train.iter().map(prepare).collect();
    let dev_prepared: Vec<Prepared<'_>> = dev.iter().map(prepare).collect();
    let mut l = Learner::default();
    let mut rng = Rng(seed.max(1));
    let mut order: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(d, p)| (0..p.doc.toks.len()).map(move |q| (d, q)))
        .collect();
    let mut feats = Vec::new();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &(d, p) in &order {
            l.c += 1.0;
            let pd = &prepared[d];
            let (pred, _) = viterbi(&pd.doc, p, &l, &mut feats);
            let gold = &pd.gold[p];
            if pred == *gold {
                continue;
            }
            for k in 0..gold.len() {
                let (g, y) = (gold[k], pred[k]);
                if g != y && pd.doc.open[p][k] {
                    errors += 1;
                    pd.doc.features(p, k, &mut feats);
                    let f = feats.clone();
                    l.update(&f, g, 1.0);
                    l.update(&f, y, -1.0);
                }
                let (gp, yp) = if k == 0 {
                    (None, None)
                } else {
                    (Some(gold[k - 1]), Some(pred[k - 1]))
                };
                if (gp, g) != (yp, y) {
                    l.update_trans(gp, g, 1.0);
                    l.update_trans(yp, y, -1.0);
                }
            }
        }
        let averaged = l.averaged();
        let (all, prose) = evaluate(&dev_prepared, dev, &averaged);
        let (pall, pprose, porg) = evaluate_pipeline(&dev_prepared, dev, &averaged);
        eprintln!(
            "epoch {}: {} token errors on train; dev mention F1 (PER/ORG/LOC) tagger alone all {:.4} prose {:.4}; with the document layer all {:.4} prose {:.4} (ORG {:.4})",
            epoch + 1,
            errors,
            all,
            prose,
            pall,
            pprose,
            porg
        );
    }
    let trained = l.averaged();
    if let Some(m) = super::model::decode(&trained.to_bytes()) {
        let (pall, pprose, porg) = evaluate_pipeline(&dev_prepared, dev, &m);
        eprintln!("quantised model, with the document layer: dev all {pall:.4} prose {pprose:.4} (ORG {porg:.4})");
        if let Some(dir) = dump {
            dump_predictions(&dev_prepared, dev, &m, dir);
        }
    }
    trained
}

/// Write the entity layer's output for every document of `docs` as `DIR/<id>.json`, in the form
/// `tools/score_ner.py --pred DIR` reads (ranges as paragraph and character offsets; the corpus is
/// ASCII, so bytes are characters).
fn dump_predictions(prepared: &[Prepared<'_>], docs: &[Document], w: &dyn Weights, dir: &Path) {
    let _ = std::fs::create_dir_all(dir);
    for (pd, d) in prepared.iter().zip(docs) {
        let tagged = super::model::tag_with(w, &pd.doc, super::model::SURE_MARGIN);
        let tagged = super::model::combine(
            pd.rule_cands.clone(),
            tagged,
            super::model::MODEL_VOTE,
            super::model::ADD_VOTES,
        );
        let (_, located) = group(&tagged, &d.paras, &d.trusted, true);
        let ents: Vec<serde_json::Value> = located
            .iter()
            .map(|m| {
                serde_json::json!({"name": m.entity, "type": m.kind, "mentions": [
                    {"text": m.text, "ranges": [{"para": m.para, "start": m.start, "end": m.end}]}
                ]})
            })
            .collect();
        let out = serde_json::json!({"article_found": true, "entities": ents});
        let _ = std::fs::write(dir.join(format!("{}.json", d.id)), out.to_string());
    }
}

/// Exact-span mention F1 (PER, ORG, LOC) of the tagger alone (no document layer) on `docs`: all
/// documents, prose documents.
fn evaluate(prepared: &[Prepared<'_>], docs: &[Document], w: &dyn Weights) -> (f64, f64) {
    let mut counts = [[0usize; 3]; 2]; // [all, prose] × [tp, fp, fn]
    let mut feats = Vec::new();
    for (pd, d) in prepared.iter().zip(docs) {
        for p in 0..pd.doc.toks.len() {
            let (pred, _) = viterbi(&pd.doc, p, w, &mut feats);
            let spans = |labels: &[usize]| {
                let mut out = Vec::new();
                let mut k = 0;
                while k < labels.len() {
                    let l = labels[k];
                    let mut j = k;
                    while j + 1 < labels.len() && labels[j + 1] == l {
                        j += 1;
                    }
                    if (1..=3).contains(&l) {
                        out.push((k, j, l));
                    }
                    k = j + 1;
                }
                out
            };
            let (ps, gs) = (spans(&pred), spans(&pd.gold[p]));
            let tp = ps.iter().filter(|s| gs.contains(s)).count();
            for (i, c) in counts.iter_mut().enumerate() {
                if i == 1 && !d.prose {
                    continue;
                }
                c[0] += tp;
                c[1] += ps.len() - tp;
                c[2] += gs.len() - tp;
            }
        }
    }
    let f1 = |c: [usize; 3]| 2.0 * c[0] as f64 / (2 * c[0] + c[1] + c[2]).max(1) as f64;
    (f1(counts[0]), f1(counts[1]))
}

/// Exact-span mention F1 (PER, ORG, LOC) of the whole entity layer (tagger and document layer) on
/// `docs`: all documents, prose documents, ORG in prose documents.
fn evaluate_pipeline(
    prepared: &[Prepared<'_>],
    docs: &[Document],
    w: &dyn Weights,
) -> (f64, f64, f64) {
    let mut counts = [[0usize; 3]; 3]; // [all, prose, prose ORG] × [tp, fp, fn]
    for (pd, d) in prepared.iter().zip(docs) {
        let tagged = super::model::tag_with(w, &pd.doc, super::model::SURE_MARGIN);
        let tagged = super::model::combine(
            pd.rule_cands.clone(),
            tagged,
            super::model::MODEL_VOTE,
            super::model::ADD_VOTES,
        );
        let (_, located) = group(&tagged, &d.paras, &d.trusted, true);
        let pred: Vec<(usize, usize, usize, usize)> = located
            .iter()
            .map(|m| (m.para, m.start, m.end, super::features::label_of(m.kind)))
            .collect();
        for (i, c) in counts.iter_mut().enumerate() {
            if i >= 1 && !d.prose {
                continue;
            }
            let keep = |x: &&(usize, usize, usize, usize)| i < 2 || x.3 == 2;
            let ps: Vec<_> = pred.iter().filter(keep).collect();
            let gs: Vec<_> = d.spans.iter().filter(keep).collect();
            let tp = ps.iter().filter(|s| gs.contains(s)).count();
            c[0] += tp;
            c[1] += ps.len() - tp;
            c[2] += gs.len() - tp;
        }
    }
    let f1 = |c: [usize; 3]| 2.0 * c[0] as f64 / (2 * c[0] + c[1] + c[2]).max(1) as f64;
    (f1(counts[0]), f1(counts[1]), f1(counts[2]))
}

/// Perceptron weights (the averaged ones are ready to be written): per feature hash one weight per
/// label, and the label transitions (row 0 from the paragraph start).
#[derive(Default)]
pub struct Trained {
    w: HashMap<u32, [f32; LABELS]>,
    t: [[f32; LABELS]; LABELS + 1],
}

impl Trained {
    /// The model file (format in [`super::model`]): weights quantised to `i8` with one scale, a
    /// feature kept when any of its quantised weights is not zero.
    pub fn to_bytes(&self) -> Vec<u8> {
        // the unit: the largest emission weight over 127 (transitions, a few larger weights in
        // i16, do not set it: a coarser unit rounds most emission weights to 0)
        let max = self.w.values().flatten().fold(0f32, |m, x| m.max(x.abs()));
        let scale = (max / 127.0).max(f32::MIN_POSITIVE);
        let mut out = b"LEDENER1".to_vec();
        out.push(LABELS as u8);
        out.extend(scale.to_le_bytes());
        for row in &self.t {
            for x in row {
                out.extend(((x / scale).round() as i16).to_le_bytes());
            }
        }
        let mut kept: Vec<(u32, [i8; LABELS])> = self
            .w
            .iter()
            .map(|(h, ws)| {
                (
                    *h,
                    ws.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8),
                )
            })
            .filter(|(_, q)| q.iter().any(|&x| x.unsigned_abs() >= MIN_KEPT))
            .collect();
        kept.sort_unstable_by_key(|k| k.0);
        out.extend((kept.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for (h, _) in &kept {
            let mut d = h - last;
            last = *h;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
        }
        for (_, q) in &kept {
            out.extend(q.iter().map(|&x| x as u8));
        }
        out
    }

    /// How many features have any non-zero weight before quantisation.
    pub fn features(&self) -> usize {
        self.w
            .values()
            .filter(|w| w.iter().any(|&x| x != 0.0))
            .count()
    }
}
