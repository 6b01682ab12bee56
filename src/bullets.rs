//! Summary bullets: the page's own standfirst / summary list, or extracted key points.
//!
//! Page bullets are found structurally: a list or a dek-classed block (dek, standfirst, subtitle,
//! strapline, summary, ...) between the headline and the first body paragraph. Without them, Lede
//! picks key-point sentences extractively: each body sentence is scored by its centrality (cosine of
//! its content-word vector with the whole article's, the core of centroid-based summarisation, Radev
//! et al. 2004), its position (news puts the essentials first) and the salient entities it names;
//! near-duplicates are dropped and the bullets keep article order. Every bullet is a sentence of the
//! article, verbatim.

use crate::extract::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::summary::{Bullet, BulletKind};
use crate::text::{sentences, word_count, word_tokens, Para};
use std::collections::{HashMap, HashSet};

/// Class/id words of standfirst/dek elements.
const DEK_WORDS: &[&str] = &[
    "dek",
    "standfirst",
    "subtitle",
    "sub-title",
    "subhead",
    "sub-head",
    "summary",
    "strapline",
    "description",
    "excerpt",
    "intro",
    "deck",
    "subheadline",
    "sub-headline",
    "subline",
    "lead",
    "heading-des",
    "teaser",
    "key-points",
    "keypoints",
    "highlights",
    "bullets",
    "synopsis",
];
/// Labels of summary boxes in common languages.
const BOX_LABELS: &[&str] = &[
    "key points",
    "story highlights",
    "in brief",
    "highlights",
    "what you need to know",
    "the big picture",
    "à retenir",
    "l'essentiel",
    "en bref",
    "das wichtigste",
    "en resumen",
    "lo esencial",
];
/// Extracted bullets never exceed this many words.
const MAX_BULLET_WORDS: usize = 40;
/// ... and are at least this long.
const MIN_BULLET_WORDS: usize = 8;
/// A page dek longer than this is the article's intro paragraph, not a standfirst.
const MAX_DEK_WORDS: usize = 60;
/// How many key points to extract.
const KEY_POINTS: usize = 3;
/// Two bullets sharing this share of their content words are redundant.
const REDUNDANCY: f64 = 0.5;

/// Sentence openers that refer back to an earlier sentence.
const DEPENDENT_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "that", "these", "those",
    "but", "and", "so", "also", "however,", "still,", "yet",
];

/// Length in bytes of a leading dateline: an upper-case place, optional state, then a dash
/// ("BEIJING — ", "SIOUX FALLS, S.D. – "); 0 when there is none.
fn dateline_len(text: &str) -> usize {
    for dash in [" — ", " – ", " - ", "—", "–"] {
        if let Some(pos) = text.find(dash) {
            let head = &text[..pos];
            let letters = head.chars().filter(|c| c.is_alphabetic());
            let upper_start = head.split([',', ' ']).next().is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            });
            if upper_start && head.len() <= 40 && letters.count() >= 3 {
                return pos + dash.len();
            }
        }
    }
    0
}

/// English function words left out of the content-word vectors.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
    "that", "this", "these", "those", "he", "she", "they", "we", "his", "her", "their", "said",
    "says", "will", "would", "not", "no", "which", "who", "also", "after", "about", "than", "into",
    "more",
];

/// The page's own summary: the blocks and their texts.
pub struct PageBullets {
    /// Block elements that hold the bullets (removed from the body).
    pub elements: Vec<NodeId>,
    /// The bullets.
    pub bullets: Vec<Bullet>,
}

fn dek_like(snap: &Snapshot, el: NodeId) -> bool {
    let near = || std::iter::once(el).chain(snap.ancestors(el)).take(3);
    // captions and credits of a lead photo or video sit under headlines too (BBC "Media caption")
    let caption = near().any(|a| {
        let n = &snap.nodes[a as usize];
        let ic = n.id_class();
        n.tag == "figure"
            || n.tag == "figcaption"
            || ic.contains("caption")
            || ic.contains("credit")
    });
    !caption
        && near().any(|a| {
            let ic = snap.nodes[a as usize].id_class();
            !ic.is_empty() && DEK_WORDS.iter().any(|w| ic.contains(w)) && !ic.contains("byline")
        })
}

fn bullet_from(b: &Block) -> Bullet {
    Bullet {
        text: b.text.clone(),
        kind: BulletKind::Page,
        ranges: b.para.ranges(0, b.para.text.len()),
    }
}

/// Detect the page's standfirst, dek or summary list under the headline.
pub fn page_bullets(
    snap: &Snapshot,
    blocks: &[Block],
    headline: Option<NodeId>,
    body: &[Block],
) -> PageBullets {
    let none = PageBullets {
        elements: vec![],
        bullets: vec![],
    };
    let Some(h) = headline else { return none };
    let limit = body.first().map_or(NodeId::MAX, |b| b.element);
    // a dek-classed paragraph that flows on into body paragraphs of the same parent and tag is the
    // article's lede ("speakable-summary"), not a standfirst
    let flows_into_body = |el: NodeId| {
        let node = &snap.nodes[el as usize];
        body.iter().find(|p| p.element > el).is_some_and(|next| {
            let n = &snap.nodes[next.element as usize];
            n.parent == node.parent && n.tag == node.tag
        })
    };
    let zone: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.element > h)
        .take_while(|b| b.element <= limit)
        .take(12)
        .collect();
    // a labelled box or a list right under the headline
    let mut i = 0;
    while i < zone.len() {
        let b = zone[i];
        let labelled = BOX_LABELS.contains(&b.text.to_lowercase().trim_end_matches(':'));
        let start = if labelled { i + 1 } else { i };
        let items: Vec<&Block> = zone[start.min(zone.len())..]
            .iter()
            .take_while(|x| x.in_list && x.link_density_ok())
            .copied()
            .collect();
        if !items.is_empty()
            && items.len() <= 6
            && items.iter().all(|x| word_count(&x.text) >= 4)
            && (labelled || i == 0 || dek_like(snap, items[0].element) || items.len() >= 2)
        {
            return PageBullets {
                elements: items.iter().map(|x| x.element).collect(),
                bullets: items.iter().map(|x| bullet_from(x)).collect(),
            };
        }
        if b.heading.is_none()
            && !b.in_list
            && dek_like(snap, b.element)
            && (6..=MAX_DEK_WORDS).contains(&word_count(&b.text))
            && !flows_into_body(b.element)
            && b.link_density_ok()
        {
            return PageBullets {
                elements: vec![b.element],
                bullets: vec![bullet_from(b)],
            };
        }
        i += 1;
    }
    none
}

fn content_words(s: &str) -> Vec<String> {
    word_tokens(s)
        .into_iter()
        .filter(|w| w.chars().count() > 2 && !STOP.contains(&w.as_str()))
        .collect()
}

fn is_bullet_worthy(s: &str) -> bool {
    let wc = word_count(s);
    let t = s.trim();
    let lower = t.to_lowercase();
    (MIN_BULLET_WORDS..=MAX_BULLET_WORDS).contains(&wc)
        && t.ends_with(['.', '!', '”', '"', '’'])
        && !t.ends_with('?')
        && !t.starts_with(['“', '"', '‘', '«', '—', '-', '('])
        && t.chars().next().is_some_and(char::is_uppercase)
        && ![
            "click",
            "subscribe",
            "sign up",
            "newsletter",
            "photo:",
            "getty",
            "credit:",
            "read more",
            "follow us",
            "cookie",
            "advertisement",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Choose key-point sentences from the body paragraphs (extractive; see the module docs).
/// `entity_weight` maps lower-cased entity surface words to their salience.
pub fn key_points(paras: &[Para], entity_weight: &HashMap<String, f64>) -> Vec<Bullet> {
    struct Cand<'a> {
        para: usize,
        start: usize,
        end: usize,
        text: &'a str,
        words: Vec<String>,
    }
    let mut cands = Vec::new();
    let mut doc: HashMap<String, f64> = HashMap::new();
    for (pi, p) in paras.iter().enumerate() {
        for (s, e) in sentences(&p.text) {
            let text = &p.text[s..e];
            let words = content_words(text);
            for w in &words {
                *doc.entry(w.clone()).or_insert(0.0) += 1.0;
            }
            // a leading dateline ("SIOUX FALLS, S.D. – ") is not part of the point
            let skip = dateline_len(text);
            let (s, text) = (s + skip, &text[skip..]);
            if is_bullet_worthy(text) {
                cands.push(Cand {
                    para: pi,
                    start: s,
                    end: e,
                    text,
                    words,
                });
            }
        }
    }
    let doc_norm = doc.values().map(|v| v * v).sum::<f64>().sqrt().max(1.0);
    let n_paras = paras.len().max(1) as f64;
    let mut scored: Vec<(f64, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut tf: HashMap<&str, f64> = HashMap::new();
            for w in &c.words {
                *tf.entry(w.as_str()).or_insert(0.0) += 1.0;
            }
            let dot: f64 = tf
                .iter()
                .map(|(w, v)| v * doc.get(*w).copied().unwrap_or(0.0))
                .sum();
            let norm = tf.values().map(|v| v * v).sum::<f64>().sqrt().max(1.0);
            let centrality = dot / (norm * doc_norm);
            let position = 1.0 - (c.para as f64 / n_paras).min(1.0);
            let ents: f64 = c
                .words
                .iter()
                .filter_map(|w| entity_weight.get(w))
                .sum::<f64>()
                .min(3.0)
                / 3.0;
            // a sentence that opens with a pronoun needs the one before it to make sense
            let first = c
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let standalone = if DEPENDENT_OPENERS.contains(&first.as_str()) {
                0.5
            } else {
                1.0
            };
            ((centrality + 0.6 * position + 0.3 * ents) * standalone, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in scored {
        let ws: HashSet<&String> = cands[i].words.iter().collect();
        let redundant = chosen.iter().any(|&j| {
            let wj: HashSet<&String> = cands[j].words.iter().collect();
            let common = ws.intersection(&wj).count() as f64;
            common / ws.len().min(wj.len()).max(1) as f64 >= REDUNDANCY
        });
        if !redundant {
            chosen.push(i);
        }
        if chosen.len() == KEY_POINTS {
            break;
        }
    }
    chosen.sort();
    chosen
        .into_iter()
        .map(|i| {
            let c = &cands[i];
            Bullet {
                text: c.text.to_string(),
                kind: BulletKind::Extracted,
                ranges: paras[c.para].ranges(c.start, c.end),
            }
        })
        .collect()
}

impl Block {
    fn link_density_ok(&self) -> bool {
        self.link_chars * 3 < self.text.chars().count().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_points_are_verbatim_sentences_in_order() {
        let paras: Vec<Para> = [
            "China and Russia moved a step closer to an alliance after a summit on Friday in Beijing.",
            "Click here to subscribe to our newsletter for the latest news every single day.",
            "The two leaders signed fifteen agreements on energy and trade during the summit in Beijing.",
            "Is this the start of a new era for the relations between the two big neighbours?",
            "Analysts said the summit in Beijing showed that China and Russia share goals on trade.",
        ]
        .iter()
        .map(|t| Para::plain(t))
        .collect();
        let b = key_points(&paras, &HashMap::new());
        assert!(!b.is_empty() && b.len() <= 3);
        for x in &b {
            assert!(paras.iter().any(|p| p.text.contains(&x.text)));
            assert!(!x.text.contains("subscribe") && !x.text.ends_with('?'));
            assert_eq!(x.kind, BulletKind::Extracted);
        }
    }
}
