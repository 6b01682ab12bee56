//! Paragraph text mapped back to the page, sentence segmentation, word tokens.
//!
//! A [`Para`] is one body paragraph as whitespace-collapsed text, with a map from each byte of that text
//! to its snapshot text node and UTF-16 offset, so any span found by analysis becomes exact
//! [`TextRange`]s for highlighting. Sentences come from Unicode UAX #29 sentence boundaries
//! (`unicode-segmentation`), re-joined after abbreviations and initials that UAX #29 splits on.

use crate::snapshot::{NodeId, Snapshot};
use crate::summary::TextRange;
use unicode_segmentation::UnicodeSegmentation;

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Number of UAX #29 words (alphanumeric runs) in `s`.
pub fn word_count(s: &str) -> usize {
    s.unicode_words().count()
}

/// Lower-cased UAX #29 words of `s`.
pub fn word_tokens(s: &str) -> Vec<String> {
    s.unicode_words().map(str::to_lowercase).collect()
}

/// A paragraph's text and, for every byte of it, the page position it came from.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Whitespace-collapsed text.
    pub text: String,
    /// `pos[i]` = (text node, UTF-16 offset in that node) of the character starting at byte `i`
    /// (bytes inside a multi-byte character repeat the character's position).
    pos: Vec<(NodeId, u32)>,
    /// UTF-16 length of the source character at each byte (0 for collapsed whitespace).
    width: Vec<u8>,
}

impl Para {
    /// Build from text nodes in order, collapsing whitespace the way [`collapse_ws`] does; a node listed
    /// in `br_before` follows a `<br>` and gets a space before it.
    pub fn from_nodes(snap: &Snapshot, nodes: &[NodeId], br_before: &[NodeId]) -> Para {
        let mut p = Para::default();
        let mut pending_space: Option<(NodeId, u32, u8)> = None;
        for &n in nodes {
            if br_before.contains(&n) && pending_space.is_none() && !p.text.is_empty() {
                pending_space = Some((n, 0, 0));
            }
            let text = snap.nodes[n as usize].text.as_deref().unwrap_or("");
            let mut off = 0u32;
            for c in text.chars() {
                let w = c.len_utf16() as u32;
                if c.is_whitespace() {
                    if pending_space.is_none() && !p.text.is_empty() {
                        pending_space = Some((n, off, 1));
                    }
                } else {
                    if let Some((sn, so, sw)) = pending_space.take() {
                        p.push(' ', (sn, so), sw);
                    }
                    p.push(c, (n, off), w as u8);
                }
                off += w;
            }
        }
        p
    }

    /// A paragraph with no page position (e.g. a headline taken from metadata): `ranges` is empty.
    pub fn plain(text: &str) -> Para {
        Para {
            text: collapse_ws(text),
            pos: Vec::new(),
            width: Vec::new(),
        }
    }

    fn push(&mut self, c: char, at: (NodeId, u32), w: u8) {
        for _ in 0..c.len_utf8() {
            self.pos.push(at);
            self.width.push(w);
        }
        self.text.push(c);
    }

    /// Page ranges covering bytes `[start, end)` of the text: one range per text node touched.
    pub fn ranges(&self, start: usize, end: usize) -> Vec<TextRange> {
        let mut out: Vec<TextRange> = Vec::new();
        if self.pos.is_empty() {
            return out;
        }
        let end = end.min(self.text.len());
        let mut i = start;
        while i < end {
            let (node, off) = self.pos[i];
            let w = self.width[i] as u32;
            match out.last_mut() {
                Some(r) if r.node == node && off <= r.end + 1 => r.end = r.end.max(off + w),
                _ => out.push(TextRange {
                    node,
                    start: off,
                    end: off + w,
                }),
            }
            i += self.text[i..].chars().next().map_or(1, char::len_utf8);
        }
        out.retain(|r| r.end > r.start);
        out
    }
}

/// Abbreviations after which a period does not end a sentence (lower-case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "rev", "hon", "pres", "supt", "insp", "det", "no", "nos", "vs",
    "v", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "fig", "approx", "est", "dept", "univ", "ave", "blvd",
    "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "mme", "mlle", "m",
];

/// True if the sentence piece ends with an abbreviation or an initial ("J.", "U.S.").
pub(crate) fn ends_with_abbreviation(piece: &str) -> bool {
    let t = piece.trim_end();
    let Some(stem) = t.strip_suffix('.') else {
        return false;
    };
    let last = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || (last.contains('.') && last.chars().filter(|c| c.is_alphabetic()).count() <= 4)
}

/// Sentence byte spans `[start, end)` of `text`, trailing whitespace excluded.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut merge_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.trim_end().len();
        if end == start {
            continue;
        }
        match out.last_mut() {
            Some(last) if merge_next => last.1 = end,
            _ => out.push((start, end)),
        }
        merge_next = ends_with_abbreviation(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let t = "Mr. Smith went to the U.S. Embassy on Jan. 5 with 3.5 kg. He said “Yes.” Then he left.";
        let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            vec![
                "Mr. Smith went to the U.S. Embassy on Jan. 5 with 3.5 kg.",
                "He said “Yes.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn para_maps_back_to_utf16_offsets() {
        let snap =
            Snapshot::from_html("<p>Caf\u{e9} \u{1F600}  <b>Xi\n Jinping</b> said</p>", None);
        let nodes: Vec<NodeId> = snap
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_text())
            .map(|(i, _)| i as NodeId)
            .collect();
        let p = Para::from_nodes(&snap, &nodes, &[]);
        assert_eq!(p.text, "Café 😀 Xi Jinping said");
        let at = p.text.find("Xi Jinping").unwrap();
        let r = p.ranges(at, at + "Xi Jinping".len());
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].start, r[0].end), (0, 11)); // "Xi\n Jinping" in the <b> text node
        let e = p.text.find('😀').unwrap();
        let r = p.ranges(e, e + 4);
        assert_eq!((r[0].start, r[0].end), (5, 7)); // surrogate pair = 2 UTF-16 units
    }
}
