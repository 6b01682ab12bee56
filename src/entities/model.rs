//! The entity tagger: a first-order linear-chain model over the hashed token features of
//! [`super::features`], decoded per paragraph with the Viterbi algorithm. Its weights are trained
//! offline as an averaged structured perceptron (Collins, *Discriminative Training Methods for
//! Hidden Markov Models*, EMNLP 2002) by [`super::train`] and shipped as data: `data/ner.model`.
//!
//! `data/ner.model` (little-endian): the magic `LEDENER1`; `u8` label count L; `f32` scale (the
//! quantised weights times the scale are the perceptron's weights); (L + 1) × L `i16` transition
//! weights (the first row from the paragraph start); `u32` feature count N; N feature hashes, sorted,
//! as LEB128 deltas; N × L `i8` emission weights.

use super::document::MentionAt;
use super::features::{type_of, Doc, LABELS, O};
use super::rules::Candidate;
use crate::summary::EntityType;
use crate::text::Para;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The shipped weights (see the module documentation for the format).
const MODEL: &[u8] = include_bytes!("../../data/ner.model");

/// A tagger's weights: emission weights per feature and label, transition weights between labels.
pub(super) trait Weights {
    /// Add each label's weight of every feature in `feats` to `out`.
    fn emit(&self, feats: &[u32], out: &mut [f32; LABELS]);
    /// The weight of label `to` after label `from` (`None`: the paragraph start).
    fn trans(&self, from: Option<usize>, to: usize) -> f32;
}

/// The shipped model, decoded once.
pub(super) struct Model {
    emission: HashMap<u32, [i8; LABELS]>,
    transition: [[f32; LABELS]; LABELS + 1],
    scale: f32,
}

impl Weights for Model {
    fn emit(&self, feats: &[u32], out: &mut [f32; LABELS]) {
        let mut sum = [0i32; LABELS];
        for f in feats {
            if let Some(w) = self.emission.get(f) {
                for (s, &x) in sum.iter_mut().zip(w) {
                    *s += i32::from(x);
                }
            }
        }
        for (o, s) in out.iter_mut().zip(sum) {
            *o += s as f32 * self.scale;
        }
    }
    fn trans(&self, from: Option<usize>, to: usize) -> f32 {
        self.transition[from.map_or(0, |f| f + 1)][to]
    }
}

/// Decode a model file; `None` when it is malformed.
pub(super) fn decode(bytes: &[u8]) -> Option<Model> {
    let mut r = Reader(bytes);
    if r.take(8)? != b"LEDENER1" || usize::from(r.take(1)?[0]) != LABELS {
        return None;
    }
    let scale = f32::from_le_bytes(r.take(4)?.try_into().ok()?);
    let mut transition = [[0f32; LABELS]; LABELS + 1];
    for row in &mut transition {
        for x in row.iter_mut() {
            *x = f32::from(i16::from_le_bytes(r.take(2)?.try_into().ok()?)) * scale;
        }
    }
    let n = u32::from_le_bytes(r.take(4)?.try_into().ok()?) as usize;
    let mut hashes = Vec::with_capacity(n);
    let mut h: u32 = 0;
    for _ in 0..n {
        h = h.wrapping_add(r.leb128()?);
        hashes.push(h);
    }
    let weights = r.take(n * LABELS)?;
    let mut emission = HashMap::with_capacity_and_hasher(n, Default::default());
    for (h, w) in hashes.into_iter().zip(weights.chunks_exact(LABELS)) {
        let mut ws = [0i8; LABELS];
        for (x, &b) in ws.iter_mut().zip(w) {
            *x = b as i8;
        }
        emission.insert(h, ws);
    }
    Some(Model {
        emission,
        transition,
        scale,
    })
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn leb128(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

/// The shipped model (decoded on first use; a build whose model file is malformed tags nothing).
fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| decode(MODEL)).as_ref()
}

/// The best label sequence of one paragraph of `doc` under `w` (Viterbi), with each token's
/// max-marginal margin: the score of the best sequence (which gives the token its label) minus the
/// score of the best sequence that gives the token any other label; 0 for a token with no choice.
/// Tokens that are not `open` are O.
pub(super) fn viterbi(
    doc: &Doc<'_>,
    p: usize,
    w: &dyn Weights,
    feats: &mut Vec<u32>,
) -> (Vec<usize>, Vec<f32>) {
    let n = doc.toks[p].len();
    let mut emissions = vec![[0f32; LABELS]; n];
    for (k, e) in emissions.iter_mut().enumerate() {
        if doc.open[p][k] {
            doc.features(p, k, feats);
            w.emit(feats, e);
        }
    }
    let allowed = |k: usize, l: usize| l == O || doc.open[p][k];
    let mut score = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0usize; LABELS]; n];
    for k in 0..n {
        for l in (0..LABELS).filter(|&l| allowed(k, l)) {
            if k == 0 {
                score[0][l] = w.trans(None, l) + emissions[0][l];
                continue;
            }
            let (best, from) = (0..LABELS)
                .map(|f| (score[k - 1][f] + w.trans(Some(f), l), f))
                .fold((f32::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
            score[k][l] = best + emissions[k][l];
            back[k][l] = from;
        }
    }
    let mut labels = vec![O; n];
    if n == 0 {
        return (labels, Vec::new());
    }
    let mut l = (0..LABELS).fold(O, |a, b| {
        if score[n - 1][b] > score[n - 1][a] {
            b
        } else {
            a
        }
    });
    for k in (0..n).rev() {
        labels[k] = l;
        l = back[k][l];
    }
    // backward pass: the best score of the rest of the paragraph after label l at token k
    let mut rest = vec![[0f32; LABELS]; n];
    for k in (0..n - 1).rev() {
        for l in 0..LABELS {
            rest[k][l] = (0..LABELS)
                .filter(|&m| allowed(k + 1, m))
                .map(|m| w.trans(Some(l), m) + emissions[k + 1][m] + rest[k + 1][m])
                .fold(f32::NEG_INFINITY, f32::max);
        }
    }
    let margins = (0..n)
        .map(|k| {
            let through = |l: usize| score[k][l] + rest[k][l];
            let other = (0..LABELS)
                .filter(|&m| m != labels[k] && allowed(k, m))
                .map(through)
                .fold(f32::NEG_INFINITY, f32::max);
            if other.is_finite() {
                through(labels[k]) - other
            } else {
                0.0
            }
        })
        .collect();
    (labels, margins)
}

/// Max-marginal margin ([`viterbi`], averaged over a mention's tokens) above which a mention in
/// headline case may start an entity.
pub(super) const SURE_MARGIN: f32 = 50.0;

/// Margins up to this are doubt: such a mention gets no vote for its type. The tagger's
/// mentions on CoNLL-2003 dev have margins of 8 (5th percentile), 46 (25th), 91 (median); "Danil
/// Bochkov said" typed ORG at 8 and "said Xi Jinping, the Chinese leader" at 25 are the kind a
/// threshold keeps out (chosen on CoNLL-2003 dev and `gold/dev`, docs/entities.md).
const DOUBT_MARGIN: f32 = 30.0;

/// The margin above [`DOUBT_MARGIN`] that counts as one vote for a mention's type in the document
/// layer (votes are clamped to 0 to 3).
const VOTE_UNIT: f32 = 25.0;

/// Tag every paragraph and return the mentions as document-layer candidates: maximal runs of one
/// entity label joined by spaces, hyphens or an initial's period, each voting for its type.
pub(super) fn tag(paras: &[Para], trusted: &[bool], rule_mentions: &[MentionAt]) -> Vec<Candidate> {
    match model() {
        Some(m) => tag_with(m, &Doc::new(paras, trusted, rule_mentions), SURE_MARGIN),
        None => Vec::new(),
    }
}

/// [`tag`] with weights `m` on a prepared document.
pub(super) fn tag_with(m: &dyn Weights, doc: &Doc<'_>, sure_margin: f32) -> Vec<Candidate> {
    let paras = doc.paras;
    let mut feats = Vec::new();
    let mut out = Vec::new();
    for p in 0..paras.len() {
        let (labels, margins) = viterbi(doc, p, m, &mut feats);
        out.extend(mentions(doc, p, &labels, &margins, sure_margin));
    }
    propagate(doc, &mut out);
    out
}

/// Label propagation over the document (the one-sense-per-discourse heuristic of document-level
/// NER): a capitalised run the tagger left untagged that spells a name it tagged in the trusted
/// text — whole, or the surname of a person named in full — is a mention of that name too ("Shearer"
/// at a sentence start, "DURAN" in an all-caps headline). Stop and date words never are.
fn propagate(doc: &Doc<'_>, cands: &mut Vec<Candidate>) {
    let mut known: HashMap<String, EntityType> = HashMap::default();
    for c in cands.iter().filter(|c| doc.trusted[c.para]) {
        let Some(kind) = c.top_vote() else { continue };
        known.entry(c.text.to_lowercase()).or_insert(kind);
        let words: Vec<&str> = c.text.split_whitespace().collect();
        if kind == EntityType::Person && words.len() >= 2 {
            known
                .entry(words[words.len() - 1].to_lowercase())
                .or_insert(kind);
        }
    }
    if known.is_empty() {
        return;
    }
    // each paragraph's tagged spans, so that a token's test reads only its own paragraph's
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); doc.toks.len()];
    for c in cands.iter() {
        if let Some(s) = spans.get_mut(c.para) {
            s.push((c.start, c.end));
        }
    }
    let mut added = Vec::new();
    for (p, ts) in doc.toks.iter().enumerate() {
        let text = &doc.paras[p].text;
        let covered = |start: usize| spans[p].iter().any(|&(s, e)| start >= s && start < e);
        let mut k = 0;
        while k < ts.len() {
            let w = &text[ts[k].start..ts[k].end];
            if !super::rules::is_cap(w) || covered(ts[k].start) {
                k += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=4.min(ts.len() - k)).rev() {
                let last = k + n - 1;
                if (k..=last).any(|i| {
                    covered(ts[i].start) || !super::rules::is_cap(&text[ts[i].start..ts[i].end])
                }) {
                    continue;
                }
                let span = super::rules::strip_possessive(&text[ts[k].start..ts[last].end]);
                if n == 1 && super::rules::is_stopword(&super::gazetteers::title_case(span)) {
                    continue;
                }
                if let Some(&kind) = known.get(&span.to_lowercase()) {
                    hit = Some((n, kind, span.len()));
                    break;
                }
            }
            match hit {
                Some((n, kind, len)) => {
                    let start = ts[k].start;
                    let surface = &text[start..start + len];
                    added.push(Candidate::tagged(
                        p,
                        start,
                        start + len,
                        surface,
                        kind,
                        0.5,
                        true,
                    ));
                    k += n;
                }
                None => k += 1,
            }
        }
    }
    cands.extend(added);
}

/// The mentions of paragraph `p` under `labels`.
pub(super) fn mentions(
    doc: &Doc<'_>,
    p: usize,
    labels: &[usize],
    margins: &[f32],
    sure_margin: f32,
) -> Vec<Candidate> {
    let text = &doc.paras[p].text;
    let ts = &doc.toks[p];
    let mut out = Vec::new();
    let mut k = 0;
    while k < ts.len() {
        let Some(kind) = type_of(labels[k]) else {
            k += 1;
            continue;
        };
        let mut j = k;
        while j + 1 < ts.len()
            && labels[j + 1] == labels[k]
            && joins(
                &text[ts[j].end..ts[j + 1].start],
                &text[ts[j].start..ts[j].end],
            )
            && super::rules::strip_possessive(&text[ts[j].start..ts[j].end]).len()
                == ts[j].end - ts[j].start
        {
            j += 1;
        }
        // a lower-case inner word neither starts nor ends a name ("and Duran", "Bank of")
        // a sentence's first word that the article also writes in lower case, or a function word,
        // is no part of a name ("However, Mr Obama", "The Bardo")
        let common = |i: usize| {
            let w = &text[ts[i].start..ts[i].end];
            ts[i].initial && doc.is_common_word(w)
        };
        let run_start = (k..=j).find(|&i| {
            super::rules::is_cap(&text[ts[i].start..ts[i].end])
                && !(i == k && common(i) && i < j)
                && !(k == j && common(i))
        });
        if let Some(first) = run_start {
            let mut last = j;
            while last > first && !super::rules::is_cap(&text[ts[last].start..ts[last].end]) {
                last -= 1;
            }
            let margin =
                (first..=last).map(|i| margins[i]).sum::<f32>() / (last - first + 1) as f32;
            let (start, end) = (ts[first].start, ts[last].end);
            if let Some(c) = candidate(p, text, start, end, kind, margin, sure_margin) {
                out.push(c);
            }
        }
        k = j + 1;
    }
    out
}

/// Do the tokens either side of `gap` belong to one name (`before` is the token before it)? A full
/// stop joins only after an initial or an abbreviation ("J. Smith", "U.S. Army"), never across a
/// sentence end.
fn joins(gap: &str, before: &str) -> bool {
    match gap {
        " " | "-" | "‑" | "'" | "’" | " & " | "&" => true,
        ". " | "." => is_abbreviation(before),
        _ => false,
    }
}

fn candidate(
    p: usize,
    text: &str,
    start: usize,
    end: usize,
    kind: EntityType,
    margin: f32,
    sure_margin: f32,
) -> Option<Candidate> {
    let mut surface = super::rules::strip_possessive(&text[start..end]);
    if surface.len() == end - start && text[end..].starts_with('.') && is_abbreviation(surface) {
        // "U.S.", "Acme Corp.": the abbreviation's full stop is part of the name
        surface = &text[start..=end];
    }
    let end = start + surface.len();
    if surface.is_empty() {
        return None;
    }
    let weight = ((margin - DOUBT_MARGIN) / VOTE_UNIT).clamp(0.0, 3.0) as f64;
    Some(Candidate::tagged(
        p,
        start,
        end,
        surface,
        kind,
        weight,
        margin >= sure_margin,
    ))
}

/// Does `name` end in an abbreviation that is written with a full stop ("U.S", "Acme Corp", "J")?
fn is_abbreviation(name: &str) -> bool {
    let last = name.rsplit([' ', '-']).next().unwrap_or(name);
    last.contains('.')
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || [
            "Corp", "Inc", "Co", "Ltd", "Bros", "Jr", "Sr", "St", "Cos", "Plc", "Dr", "Mt", "Ft",
        ]
        .contains(&last)
}

/// How much one of the tagger's votes weighs against one of the rule layer's in [`combine`]
/// (chosen on CoNLL-2003 dev and `gold/dev`, docs/entities.md).
pub(super) const MODEL_VOTE: f64 = 16.0;
/// [`MODEL_VOTE`] against a rule-layer candidate whose own words say its type
/// ([`Candidate::cued`]).
const CUED_VOTE: f64 = 1.0;
/// The votes (before [`MODEL_VOTE`]) a mention of the tagger's needs to make a name of a rule-layer
/// candidate the rules gave no vote ("Somerset" and "Yorkshire" in a county cricket report): a
/// margin of 55.
pub(super) const CONFIDENT: f64 = 1.0;
/// The votes a mention of the tagger's that overlaps no rule-layer candidate needs to be added: a
/// margin of 80.
pub(super) const ADD_VOTES: f64 = 2.0;

/// The mentions the document layer groups, the rule layer first: every rule-layer candidate with the
/// votes of the tagger's mentions that overlap it added (times `model_vote`), and the tagger's
/// mentions that overlap none whose vote reaches `add` (a confident name the rules missed).
pub(super) fn combine(
    mut rule: Vec<Candidate>,
    tagged: Vec<Candidate>,
    model_vote: f64,
    add: f64,
) -> Vec<Candidate> {
    let mut extra = Vec::new();
    // the rule candidates of each paragraph, so a tagged mention is compared with its paragraph's
    // candidates only (on a long page, every pair is millions of comparisons)
    let mut in_para: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, r) in rule.iter().enumerate() {
        in_para.entry(r.para).or_default().push(i);
    }
    for t in tagged {
        let overlaps = |r: &Candidate| r.start < t.end && t.start < r.end;
        let near = in_para.get(&t.para).map_or(&[][..], Vec::as_slice);
        let overlapped = near.iter().filter(|&&i| overlaps(&rule[i])).count();
        for &i in near {
            let r = &mut rule[i];
            if !overlaps(r) {
                continue;
            }
            // a candidate the rules gave no vote is no name to them (a common word, a title): only a
            // confident tagger makes it one, with a mention of its own (not "Fife" inside a
            // "Callum Reid of Fife" it reads as one name)
            let voted = r.votes.values().any(|&v| v > 0.0);
            if !voted && overlapped > 1 {
                continue;
            }
            // a type cue in the name itself holds in any news ("Chaoyang Hospital", "adviser Fiona
            // Hill"); the tagger learned the conventions of one 1996 newswire, so it counts less there
            let mv = if r.cued { CUED_VOTE } else { model_vote };
            if voted || t.votes.values().sum::<f64>() >= CONFIDENT {
                for (kind, v) in &t.votes {
                    *r.votes.entry(*kind).or_insert(0.0) += v * mv;
                }
            }
        }
        if overlapped == 0 && t.votes.values().sum::<f64>() >= add {
            extra.push(t);
        }
    }
    rule.extend(extra);
    rule
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(start: usize, end: usize, kind: EntityType, votes: f64, cued: bool) -> Candidate {
        let mut c = Candidate::tagged(0, start, end, "Name", kind, votes, false);
        c.cued = cued;
        c
    }

    fn tagged(start: usize, end: usize, kind: EntityType, margin: f32) -> Candidate {
        let weight = ((margin - DOUBT_MARGIN) / VOTE_UNIT).clamp(0.0, 3.0) as f64;
        Candidate::tagged(0, start, end, "Name", kind, weight, false)
    }

    #[test]
    fn a_sure_tagger_retypes_a_gazetteer_guess_but_not_a_cued_name() {
        let rules = vec![
            rule(0, 5, EntityType::Place, 3.0, false), // a listed place: "Leeds beat Fulham"
            rule(10, 25, EntityType::Org, 3.0, true),  // a head noun: "Chaoyang Hospital"
        ];
        let tags = vec![
            tagged(0, 5, EntityType::Org, 90.0),
            tagged(10, 25, EntityType::Place, 90.0),
        ];
        let out = combine(rules, tags, MODEL_VOTE, ADD_VOTES);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].top_vote(), Some(EntityType::Org));
        assert_eq!(out[1].top_vote(), Some(EntityType::Org));
    }

    #[test]
    fn a_tagged_span_over_two_candidates_names_neither_unvoted_one() {
        // "Callum Reid of Fife" read as one name: "Fife" gets no type from it
        let rules = vec![
            rule(0, 11, EntityType::Person, 1.0, false),
            rule(15, 19, EntityType::Place, 0.0, false),
        ];
        let out = combine(
            rules,
            vec![tagged(0, 19, EntityType::Person, 90.0)],
            MODEL_VOTE,
            ADD_VOTES,
        );
        assert_eq!(out[0].top_vote(), Some(EntityType::Person));
        assert!(
            out[1].votes.values().all(|&v| v == 0.0),
            "{:?}",
            out[1].votes
        );
    }

    #[test]
    fn a_doubtful_tagger_changes_nothing_and_adds_only_sure_names() {
        let rules = vec![rule(0, 13, EntityType::Person, 1.0, false)]; // "Danil Bochkov said"
        let tags = vec![
            tagged(0, 13, EntityType::Org, DOUBT_MARGIN - 1.0),
            tagged(20, 26, EntityType::Org, 60.0), // a name the rules missed, not sure enough
            tagged(30, 36, EntityType::Org, 120.0), // one it is sure of
        ];
        let out = combine(rules, tags, MODEL_VOTE, ADD_VOTES);
        assert_eq!(out[0].top_vote(), Some(EntityType::Person));
        assert_eq!(out.iter().map(|c| c.start).collect::<Vec<_>>(), vec![0, 30]);
    }
}
