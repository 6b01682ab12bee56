//! How sure an attribution is: a logistic model over features of the attribution (which pattern
//! found the speaker, how it was resolved, the speaker's entity type, how near and how often it is
//! named, how many other people stand between, who else the quote's sentence names and whether it
//! has a cue verb the patterns did not read), trained on PolNeAR's train split and its decision
//! threshold chosen on the dev split (`scripts/train_quotes.py`, [docs/data-sources.md]). When the
//! model's probability that the speaker is right falls under the threshold the quote is left
//! unattributed: a wrong name under a quote is worse than none.
//!
//! The weights are data (`data/quote-attribution.txt`: one `feature weight` line per feature of
//! [`FEATURES`] and a `threshold` line), compiled into the crate.

use super::candidates::WhoKind;
use super::resolution::{norm, Mentions};
use crate::entities::MentionAt;
use crate::summary::EntityType;
#[cfg(not(target_arch = "wasm32"))]
use std::cell::RefCell;

/// Where a quote's speaker came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Source {
    /// An attribution after the closing mark ("…,” X said).
    After,
    /// An attribution before the opening mark (X said: “…).
    Before,
    /// The quote goes on from the paragraph before, whose quote was left open.
    Continued,
    /// Another quote of the same paragraph has an attribution.
    Neighbour,
    /// No cue verb: the subject of the quote's sentence, a name.
    Sentence,
    /// The speaker named by the sentence before, in the quote's paragraph.
    EarlierSentence,
    /// The speaker of the paragraph before (or the person named in it).
    PrevPara,
    /// The last person named before the quote.
    LastPerson,
}

/// What the attribution of one quote rests on.
#[derive(Clone, Debug)]
pub(super) struct Evidence {
    pub(super) source: Source,
    /// The pattern of the speaker phrase, for [`Source::After`] and [`Source::Before`].
    pub(super) who: Option<WhoKind>,
    /// The quote's paragraph and the byte offset of its opening mark.
    pub(super) at: (usize, usize),
    /// The quote opens its paragraph.
    pub(super) para_start: bool,
    /// Fewer than 8 bytes of the paragraph stand outside the quote.
    pub(super) whole_para: bool,
    /// The quote runs to the end of its paragraph (left open).
    pub(super) open_ended: bool,
    /// Quotes in the paragraph.
    pub(super) quotes_in_para: usize,
    /// Word tokens of the quote.
    pub(super) words: usize,
    /// Byte span of the quote in its paragraph, opening mark to closing mark (or paragraph end).
    pub(super) span: (usize, usize),
    /// Byte span of the sentences the quote stands in, from the one of its opening mark to the one
    /// of its closing mark.
    pub(super) sentences: (usize, usize),
    /// A cue verb stands in those sentences outside the quote (an attribution the patterns may
    /// have misread).
    pub(super) cue_in_sentence: bool,
    /// An unnamed source speaks in those sentences, outside the quote: a cue verb next to an
    /// indefinite phrase or an anonymous role ("a top aide said", "said one Clinton adviser",
    /// "officials said").
    pub(super) unnamed_in_sentence: bool,
}

/// The model's features, in the order of [`Traced::features`] and of the weights file.
pub const FEATURES: &[&str] = &[
    "bias",
    "src_after",
    "src_before",
    "src_continued",
    "src_neighbour",
    "src_sentence",
    "src_earlier_sentence",
    "src_prev_para",
    "src_last_person",
    "who_named",
    "who_adjacent",
    "who_pronoun",
    "who_it",
    "who_description",
    "who_lead",
    "who_subject",
    "ent_person",
    "ent_org",
    "ent_place",
    "ent_unknown",
    "named_in_para",
    "mentions_log",
    "paras_since_named",
    "persons_in_para",
    "other_person_between",
    "para_start",
    "whole_para",
    "open_ended",
    "quotes_in_para",
    "one_word_name",
    "long_name",
    "quote_words_log",
    "speaker_in_sentence",
    "other_person_in_sentence",
    "cue_in_sentence",
    "unnamed_in_sentence",
];

/// The trained weights and threshold (`data/quote-attribution.txt`).
const MODEL: &str = include_str!("../../data/quote-attribution.txt");

/// Weights in [`FEATURES`] order and the decision threshold, read from [`MODEL`]. A feature the
/// file does not name weighs 0; an unknown name or a bad number is ignored (a unit test checks the
/// file is complete).
pub(super) fn model() -> (Vec<f32>, f32) {
    let mut w = vec![0.0; FEATURES.len()];
    let mut threshold = 0.0;
    for line in MODEL.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split_whitespace();
        let (Some(name), Some(v)) = (it.next(), it.next().and_then(decimal)) else {
            continue;
        };
        if name == "threshold" {
            threshold = v;
        } else if let Some(i) = FEATURES.iter().position(|f| *f == name) {
            w[i] = v;
        }
    }
    (w, threshold)
}

/// A decimal number as the weights file writes it ("-1.5920", "0.50"). Read by hand: `str::parse`
/// for floats brings core's whole float parser into the wasm (about 30 KB gzipped).
fn decimal(s: &str) -> Option<f32> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0.0f32;
    for b in int.bytes() {
        v = v * 10.0 + f32::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
    }
    let mut scale = 0.1f32;
    for b in frac.bytes() {
        v += scale * f32::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        scale /= 10.0;
    }
    Some(if neg { -v } else { v })
}

/// The feature vector of attributing a quote with evidence `ev` to `speaker` ([`FEATURES`]).
pub(super) fn features(ev: &Evidence, speaker: &str, mentions: &Mentions) -> Vec<f32> {
    let all = mentions.all;
    let key = norm(speaker);
    let own: &[usize] = mentions
        .by_entity
        .get(&key)
        .or_else(|| mentions.by_norm.get(&key))
        .map_or(&[], Vec::as_slice);
    let kind = own.first().map(|&i| all[i].kind);
    let before: Vec<usize> = own
        .iter()
        .copied()
        .filter(|&i| (all[i].para, all[i].start) < ev.at)
        .collect();
    let last_before = before.last().map(|&i| (all[i].para, all[i].start));
    let named_in_para = own.iter().any(|&i| all[i].para == ev.at.0);
    let paras_since = last_before.map_or(1.0, |(p, _)| (ev.at.0 - p).min(5) as f32 / 5.0);
    let para = mentions.of_para(ev.at.0);
    let mut persons: Vec<&str> = para
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| m.entity.as_str())
        .collect();
    persons.sort_unstable();
    persons.dedup();
    // another person named after the speaker's last mention and before the quote
    let from = last_before.unwrap_or((ev.at.0.saturating_sub(1), 0));
    let n = mentions.before(ev.at);
    let other_between = all[..n].iter().rev().take(50).any(|m| {
        (m.para, m.start) > from && m.kind == EntityType::Person && norm(&m.entity) != key
    });
    // who else is named in the quote's sentences, outside the quote
    let (s0, s1) = ev.sentences;
    let outside_quote = |m: &&MentionAt| {
        m.start >= s0 && m.end <= s1 && (m.end <= ev.span.0 || m.start >= ev.span.1)
    };
    let in_sentence: Vec<&MentionAt> = para.iter().filter(outside_quote).collect();
    let speaker_in_sentence = in_sentence.iter().any(|m| names_speaker(m, &key));
    let other_in_sentence = in_sentence
        .iter()
        .any(|m| m.kind == EntityType::Person && !names_speaker(m, &key));
    let words = speaker.split_whitespace().count();
    let src = |s: Source| f32::from(ev.source == s);
    let who = |k: WhoKind| f32::from(ev.who == Some(k));
    let ent = |k: Option<EntityType>| f32::from(kind == k);
    vec![
        1.0,
        src(Source::After),
        src(Source::Before),
        src(Source::Continued),
        src(Source::Neighbour),
        src(Source::Sentence),
        src(Source::EarlierSentence),
        src(Source::PrevPara),
        src(Source::LastPerson),
        who(WhoKind::Named),
        who(WhoKind::Adjacent),
        who(WhoKind::Pronoun),
        who(WhoKind::It),
        who(WhoKind::Description),
        who(WhoKind::Lead),
        who(WhoKind::Subject),
        ent(Some(EntityType::Person)),
        ent(Some(EntityType::Org)),
        ent(Some(EntityType::Place)),
        ent(None),
        f32::from(named_in_para),
        (own.len() as f32).ln_1p() / 3.0,
        paras_since,
        persons.len().min(3) as f32 / 3.0,
        f32::from(other_between),
        f32::from(ev.para_start),
        f32::from(ev.whole_para),
        f32::from(ev.open_ended),
        (ev.quotes_in_para as f32).ln_1p() / 2.0,
        f32::from(words == 1),
        f32::from(words >= 5),
        (ev.words as f32).ln_1p() / 5.0,
        f32::from(speaker_in_sentence),
        f32::from(other_in_sentence),
        f32::from(ev.cue_in_sentence),
        f32::from(ev.unnamed_in_sentence),
    ]
}

/// Does mention `m` name the speaker whose [`norm`]ed name is `key`? Its entity's name is the key,
/// or one ends the other in whole words ("Verbandssprecher Tobias Brandt" and "Tobias Brandt",
/// "Ann Lee" and "Lee").
fn names_speaker(m: &MentionAt, key: &str) -> bool {
    let e = norm(&m.entity);
    let ends = |a: &str, b: &str| a.strip_suffix(b).is_some_and(|r| r.ends_with(' '));
    e == key || ends(&e, key) || ends(key, &e)
}

/// One attribution as the model saw it (for training: [`trace`]).
#[derive(Debug, Clone)]
pub struct Traced {
    /// The quote's text, as in [`crate::summary::Quote::text`].
    pub text: String,
    /// The speaker before the model's decision.
    pub speaker: String,
    /// The model's probability that the speaker is right, 0 to 1.
    pub score: f32,
    /// The decision threshold: the speaker is kept when `score >= threshold` (or when the reading is a
    /// pronoun, a description or "it", which the model does not judge).
    pub threshold: f32,
    /// The feature values, in [`FEATURES`] order.
    pub features: Vec<f32>,
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static TRACE: RefCell<Option<Vec<Traced>>> = const { RefCell::new(None) };
}

/// Run `f` (an analysis, such as [`crate::summarize`]) and return with its result every attribution
/// the model judged meanwhile on this thread, in order. For training and inspection
/// (`examples/quote_features.rs`); the analysis itself records nothing otherwise.
#[cfg(not(target_arch = "wasm32"))]
pub fn trace<R>(f: impl FnOnce() -> R) -> (R, Vec<Traced>) {
    TRACE.with(|t| *t.borrow_mut() = Some(Vec::new()));
    let r = f();
    let out = TRACE.with(|t| t.borrow_mut().take()).unwrap_or_default();
    (r, out)
}

/// Judge an attribution: is the model sure enough of `speaker` to show it?
/// `model` is [`model`]'s weights and threshold.
pub(super) fn keep(
    model: &(Vec<f32>, f32),
    ev: &Evidence,
    text: &str,
    speaker: &str,
    mentions: &Mentions,
) -> bool {
    let (w, threshold) = (&model.0, model.1);
    let x = features(ev, speaker, mentions);
    let z: f32 = x.iter().zip(w).map(|(a, b)| a * b).sum();
    let score = 1.0 / (1.0 + (-z).exp());
    // (the trace is for training, native only: the wasm carries none of it)
    #[cfg(not(target_arch = "wasm32"))]
    TRACE.with(|t| {
        if let Some(v) = t.borrow_mut().as_mut() {
            v.push(Traced {
                text: text.to_string(),
                speaker: speaker.to_string(),
                score,
                threshold,
                features: x,
            });
        }
    });
    #[cfg(target_arch = "wasm32")]
    let _ = (text, x);
    score >= threshold || judged_by_rules(ev)
}

/// Pronoun, description and "it" readings are not the model's to judge: PolNeAR, its training data,
/// does not resolve such sources, so it has no right example of them (among its judged quotes they
/// are only ever misreadings of another cue). Their resolution rules are precision-first already
/// (no antecedent that fits, no speaker).
pub(super) fn judged_by_rules(ev: &Evidence) -> bool {
    matches!(
        ev.who,
        Some(WhoKind::Pronoun | WhoKind::Description | WhoKind::It)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, name: &str) -> MentionAt {
        MentionAt {
            para: 0,
            start,
            end,
            text: name.to_string(),
            entity: name.to_string(),
            kind: EntityType::Person,
        }
    }

    #[test]
    fn sentence_features_see_who_else_is_named_outside_the_quote() {
        // "Ann Lee met Bo Park. “We will build it now,” Bo Park said, and Cy Diaz nodded."
        //  0       8  11     18   21 (open)            45 (close) 47   54            71   78
        let all = vec![
            mention(0, 7, "Ann Lee"),
            mention(11, 18, "Bo Park"),
            mention(29, 36, "Eve Roe"), // inside the quote: not counted
            mention(47, 54, "Bo Park"),
            mention(65, 72, "Cy Diaz"),
        ];
        let mentions = Mentions::new(&all);
        let ev = Evidence {
            source: Source::After,
            who: Some(WhoKind::Adjacent),
            at: (0, 21),
            para_start: false,
            whole_para: false,
            open_ended: false,
            quotes_in_para: 1,
            words: 6,
            span: (21, 45),
            sentences: (21, 80),
            cue_in_sentence: true,
            unnamed_in_sentence: false,
        };
        let f = |speaker: &str, name: &str| {
            let x = features(&ev, speaker, &mentions);
            x[FEATURES.iter().position(|n| *n == name).unwrap()]
        };
        assert_eq!(f("Bo Park", "speaker_in_sentence"), 1.0);
        assert_eq!(f("Bo Park", "other_person_in_sentence"), 1.0); // Cy Diaz
        assert_eq!(f("Eve Roe", "speaker_in_sentence"), 0.0); // only inside the quote
        assert_eq!(f("Ann Lee", "speaker_in_sentence"), 0.0); // the sentence before
        assert_eq!(f("Ann Lee", "cue_in_sentence"), 1.0);
        // the same person under a longer or shorter name
        assert_eq!(f("Park", "speaker_in_sentence"), 1.0);
        assert_eq!(f("Senator Bo Park", "speaker_in_sentence"), 1.0);
        assert_eq!(f("Lee", "speaker_in_sentence"), 0.0);
        let alone = Evidence {
            sentences: (21, 60),
            ..ev.clone()
        };
        let x = features(&alone, "Bo Park", &mentions);
        let other = FEATURES
            .iter()
            .position(|n| *n == "other_person_in_sentence");
        assert_eq!(x[other.unwrap()], 0.0, "no one but the speaker: {x:?}");
    }

    #[test]
    fn weights_file_names_every_feature_once_and_a_threshold() {
        let mut seen = vec![0; FEATURES.len()];
        let mut threshold = 0;
        for line in MODEL
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut it = line.split_whitespace();
            let name = it.next().unwrap();
            let text = it.next().unwrap();
            let v = decimal(text).unwrap_or_else(|| panic!("bad number in {line}"));
            let parsed: f32 = text.parse().unwrap();
            assert!((v - parsed).abs() < 1e-5, "{line}");
            assert!(v.is_finite(), "{line}");
            if name == "threshold" {
                threshold += 1;
                assert!((0.0..1.0).contains(&v), "{line}");
            } else {
                let i = FEATURES.iter().position(|f| *f == name);
                seen[i.unwrap_or_else(|| panic!("unknown feature {name}"))] += 1;
            }
        }
        assert_eq!(threshold, 1);
        assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
    }
}
