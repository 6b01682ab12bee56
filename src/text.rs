//! Paragraph text mapped back to the page, sentence segmentation, word tokens.
//!
//! A [`Para`] is one body paragraph as whitespace-collapsed text, with a map from each byte of that text
//! to its snapshot text node and UTF-16 offset, so any span found by analysis becomes exact
//! [`TextRange`]s for highlighting. Sentences come from Unicode UAX #29 sentence boundaries
//! (`unicode-segmentation`), re-joined after abbreviations and initials that UAX #29 splits on.

use crate::snapshot::{NodeId, Snapshot};
use crate::summary::TextRange;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// A word list kept as one space-separated string: in the wasm a slice of `&str` costs eight bytes
/// of pointer and length per word besides the text, so long lists are stored this way. Look-ups go
/// through a hash set of the words, built on a list's first look-up (a scan of the string per
/// look-up was the largest single cost of the analysis). Declare lists as `static` items: a `const`
/// one is copied into every use with an empty set (clippy's `declare_interior_mutable_const` says so).
pub struct WordList {
    text: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    /// The list of the space-separated words of `text`.
    pub const fn new(text: &'static str) -> Self {
        WordList {
            text,
            set: OnceLock::new(),
        }
    }

    /// Is `w` one of the words?
    pub fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| self.text.split(' ').collect())
            .contains(*w)
    }

    /// The words, in list order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.text.split(' ')
    }
}

/// A fixed list of at most 64 non-empty terms, searched for as substrings of a text in one pass
/// over its bytes (instead of one substring search per term). A table built at compile time gives,
/// for each byte value, the terms that start with it; a term is tried only where its first byte is.
/// Matches are byte-exact ([`Terms::count_in`], [`Terms::any_in`], [`Terms::any_phrase_in`]: the
/// caller lower-cases terms and text) or exact but for ASCII case
/// ([`Terms::count_in_ignore_ascii_case`], for lower-case terms).
pub(crate) struct Terms {
    terms: &'static [&'static str],
    /// Bit `k` of `first[b]`: term `k` starts with byte `b`.
    first: [u64; 256],
}

impl Terms {
    /// The terms of `terms`. Fails to compile (panics in const evaluation) on more than 64 terms or
    /// an empty one.
    pub const fn new(terms: &'static [&'static str]) -> Self {
        assert!(terms.len() <= 64, "Terms holds at most 64 terms");
        let mut first = [0u64; 256];
        let mut k = 0;
        while k < terms.len() {
            let b = terms[k].as_bytes();
            assert!(!b.is_empty(), "an empty term matches everywhere");
            first[b[0] as usize] |= 1 << k;
            k += 1;
        }
        Terms { terms, first }
    }

    /// How many distinct terms occur in `text`, counting no further than `enough`.
    pub fn count_in(&self, text: &str, enough: usize) -> usize {
        self.count_with(text.as_bytes(), enough, |x| x)
    }

    /// [`Terms::count_in`] with the ASCII letters of `text` taken in lower case: for lower-case terms,
    /// the count in `text.to_ascii_lowercase()` (which is `text.to_lowercase()` when `text` is ASCII),
    /// without the copy.
    pub fn count_in_ignore_ascii_case(&self, text: &str, enough: usize) -> usize {
        self.count_with(text.as_bytes(), enough, |x| x.to_ascii_lowercase())
    }

    /// How many distinct terms occur in `b` with each of its bytes passed through `fold`.
    fn count_with(&self, b: &[u8], enough: usize, fold: impl Fn(u8) -> u8 + Copy) -> usize {
        let (mut found, mut count) = (0u64, 0);
        for i in 0..b.len() {
            let mut cands = self.first[fold(b[i]) as usize] & !found;
            while cands != 0 {
                let k = cands.trailing_zeros() as usize;
                cands &= cands - 1;
                if self.term_at(k, b, i, fold).is_some() {
                    found |= 1 << k;
                    count += 1;
                    if count >= enough {
                        return count;
                    }
                }
            }
        }
        count
    }

    /// Does any term occur in `joined` as a whole run of its words? `joined` holds words joined by
    /// single spaces, with a space at each end (" sign up for it "); a term matches only from just
    /// after a space to just before one ("sign up" does, "sign u" and "ign up" do not). For words
    /// without spaces (UAX #29 words) this is "the term's space-separated words occur in order, one
    /// after another", in one pass over the text.
    pub fn any_phrase_in(&self, joined: &str) -> bool {
        let b = joined.as_bytes();
        for i in 1..b.len() {
            if b[i - 1] != b' ' {
                continue;
            }
            let mut cands = self.first[b[i] as usize];
            while cands != 0 {
                let k = cands.trailing_zeros() as usize;
                cands &= cands - 1;
                if self
                    .term_at(k, b, i, |x| x)
                    .is_some_and(|end| b.get(end) == Some(&b' '))
                {
                    return true;
                }
            }
        }
        false
    }

    /// Where term `k` ends when it occurs in `b` (each byte passed through `fold`) from byte `i` on,
    /// else `None`. (A byte loop: the terms are short, and a call to memcmp per candidate cost more.)
    #[inline(always)]
    fn term_at(&self, k: usize, b: &[u8], i: usize, fold: impl Fn(u8) -> u8) -> Option<usize> {
        let t = self.terms[k].as_bytes();
        (b.len() - i >= t.len() && t.iter().zip(&b[i..]).all(|(&x, &y)| x == fold(y)))
            .then_some(i + t.len())
    }

    /// The terms, in list order.
    pub fn words(&self) -> &'static [&'static str] {
        self.terms
    }

    /// Does any term occur in `text`?
    pub fn any_in(&self, text: &str) -> bool {
        self.count_in(text, 1) > 0
    }
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Number of UAX #29 words (alphanumeric runs) in `s`.
pub fn word_count(s: &str) -> usize {
    s.unicode_words().count()
}

/// `char::is_whitespace` of an ASCII byte: U+0009 to U+000D and the space.
const fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The character starting at byte `i` of `s` (a character boundary) and whether it is whitespace
/// (`char::is_whitespace`), an ASCII byte read without decoding.
fn char_at(s: &str, i: usize) -> (char, bool) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, is_ascii_ws(b))
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c, c.is_whitespace())
    }
}

/// True when `s` is empty or all whitespace (`s.trim().is_empty()`), ASCII read byte by byte.
pub fn is_blank(s: &str) -> bool {
    let b = s.as_bytes();
    match b.iter().position(|&x| !is_ascii_ws(x)) {
        None => true,
        Some(i) if b[i] < 0x80 => false,
        Some(i) => s[i..].chars().all(char::is_whitespace),
    }
}

/// The characters of `t`'s whitespace-separated words, plus one per word (the space after it): the
/// length of the text once whitespace is collapsed, in one pass over the characters (ASCII read byte by
/// byte: this runs over every text node of the page).
pub(crate) fn spaced_chars(t: &str) -> usize {
    let (mut n, mut in_word) = (0, false);
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let ws = if b[i] < 0x80 {
            i += 1;
            is_ascii_ws(b[i - 1])
        } else {
            let (c, ws) = char_at(t, i);
            i += c.len_utf8();
            ws
        };
        if ws {
            in_word = false;
        } else {
            n += if in_word { 1 } else { 2 };
            in_word = true;
        }
    }
    n
}

/// True when `s` has more than `n` UAX #29 words (`word_count(s) > n`), counted no further than
/// the word after the `n`th: the length tests of short lines need not walk a long paragraph.
///
/// A cheap lower bound comes first: every whitespace-separated token with an alphanumeric character
/// holds at least one UAX #29 word of its own (word boundaries fall at whitespace; only combining and
/// format characters attach across it, to the whitespace before them), so more than `n` such tokens
/// answer without segmenting.
pub fn more_words_than(s: &str, n: usize) -> bool {
    s.split_whitespace()
        .filter(|t| has_alnum(t))
        .nth(n)
        .is_some()
        || s.unicode_words().nth(n).is_some()
}

/// True when `s` has an alphanumeric character (`char::is_alphanumeric`), ASCII tested byte-wise:
/// what makes a UAX #29 segment a word.
pub(crate) fn has_alnum(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!s.is_ascii() && s.chars().any(char::is_alphanumeric))
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
    /// [`sentences`] of `text`, split on the first call of [`Para::sentences`] and kept (entities,
    /// quotes and key points all read them; clones share what was split before).
    sents: OnceLock<Vec<(usize, usize)>>,
    /// [`Segments`] of the sentences, found on the first call of [`Para::segments`] and kept (entities
    /// and key points read the same words).
    segs: OnceLock<Segments>,
}

/// One UAX #29 word-bound segment of a paragraph's text: bytes `start..end`, a word when it has an
/// alphanumeric character (`char::is_alphanumeric`, what `unicode_words` keeps), else punctuation or a
/// run of other marks. Single spaces, the most common segment, are left out. Offsets are `u32`:
/// paragraphs come from a bounded snapshot ([`Snapshot::bounded`], at most 500 000 UTF-16 units of text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// First byte in the paragraph's text.
    pub start: u32,
    /// Byte after the segment.
    pub end: u32,
    /// Has an alphanumeric character (a word, not punctuation).
    pub is_word: bool,
}

/// The word-bound segments of each sentence of a paragraph, each sentence segmented on its own (as
/// `split_word_bound_indices` of its span), in one flat list.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    segs: Vec<Segment>,
    /// `first[k]..first[k + 1]`: the segments of sentence `k`.
    first: Vec<u32>,
}

impl Segments {
    /// Segment each of `sentences` (byte spans of `text`) on its own. (Not inlined: it is reached
    /// through three lazy initialisations, and one copy is enough.)
    #[inline(never)]
    fn of(text: &str, sentences: &[(usize, usize)]) -> Segments {
        let mut out = Segments {
            segs: Vec::with_capacity(text.len() / 4),
            first: Vec::with_capacity(sentences.len() + 1),
        };
        for &(s, e) in sentences {
            out.first.push(out.segs.len() as u32);
            for (off, w) in text[s..e].split_word_bound_indices() {
                if w == " " {
                    continue;
                }
                out.segs.push(Segment {
                    start: (s + off) as u32,
                    end: (s + off + w.len()) as u32,
                    is_word: has_alnum(w),
                });
            }
        }
        out.first.push(out.segs.len() as u32);
        out
    }

    /// The segments of sentence `k` (an index into [`Para::sentences`]). Panics when `k` is not one.
    pub fn sentence(&self, k: usize) -> &[Segment] {
        &self.segs[self.first[k] as usize..self.first[k + 1] as usize]
    }

    /// The words of all sentences, in order.
    pub fn words(&self) -> impl Iterator<Item = &Segment> {
        self.segs.iter().filter(|g| g.is_word)
    }
}

impl Para {
    /// Build from text nodes in order, collapsing whitespace the way [`collapse_ws`] does; a node listed
    /// in `br_before` follows a `<br>` and gets a space before it.
    pub fn from_nodes(snap: &Snapshot, nodes: &[NodeId], br_before: &[NodeId]) -> Para {
        let mut p = Para::default();
        // room for the source bytes up front (collapsing whitespace only shortens them; a `<br>` space
        // may add one): the three buffers seldom regrow
        let bytes: usize = nodes
            .iter()
            .map(|&n| snap.nodes[n as usize].text.as_deref().map_or(0, str::len))
            .sum();
        p.text.reserve(bytes);
        p.pos.reserve(bytes);
        p.width.reserve(bytes);
        let mut pending_space: Option<(NodeId, u32, u8)> = None;
        for &n in nodes {
            if br_before.contains(&n) && pending_space.is_none() && !p.text.is_empty() {
                pending_space = Some((n, 0, 0));
            }
            let text = snap.nodes[n as usize].text.as_deref().unwrap_or("");
            let bytes = text.as_bytes();
            let (mut i, mut off) = (0, 0u32);
            while i < bytes.len() {
                let run = bytes[i..]
                    .iter()
                    .position(|&b| b >= 0x80 || is_ascii_ws(b))
                    .unwrap_or(bytes.len() - i);
                if run > 0 {
                    // a run of ASCII word characters: one UTF-16 unit and one byte each
                    if let Some((sn, so, sw)) = pending_space.take() {
                        p.push(' ', (sn, so), sw);
                    }
                    p.text.push_str(&text[i..i + run]);
                    p.pos.extend((off..off + run as u32).map(|o| (n, o)));
                    p.width.resize(p.width.len() + run, 1);
                    off += run as u32;
                    i += run;
                    continue;
                }
                let (c, ws) = char_at(text, i);
                let w = c.len_utf16() as u32;
                if ws {
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
                i += c.len_utf8();
            }
        }
        p
    }

    /// A paragraph with no page position (e.g. a headline taken from metadata): `ranges` is empty.
    pub fn plain(text: &str) -> Para {
        Para {
            text: collapse_ws(text),
            ..Para::default()
        }
    }

    /// The sentence spans of the text ([`sentences`]), split once per paragraph.
    pub fn sentences(&self) -> &[(usize, usize)] {
        self.sents.get_or_init(|| sentences(&self.text))
    }

    /// The word-bound segments of each sentence ([`Segments`]), segmented once per paragraph.
    pub fn segments(&self) -> &Segments {
        self.segs
            .get_or_init(|| Segments::of(&self.text, self.sentences()))
    }

    /// The text of segment `g`, one of this paragraph's [`Para::segments`]. Panics when `g` lies
    /// outside the text or off a character boundary (a segment of another paragraph).
    pub fn segment_text(&self, g: &Segment) -> &str {
        &self.text[g.start as usize..g.end as usize]
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

/// Abbreviations that stand before a name or a noun and never end a sentence (lower-case, no period):
/// titles and ranks ("Mr.", "Gen.", "M." in French), "St." ("St. Louis"), "vs.".
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "gen", "gov", "sen", "rep", "col", "lt",
    "maj", "sgt", "cpl", "capt", "cmdr", "adm", "brig", "rev", "hon", "pres", "supt", "insp",
    "det", "atty", "fr", "mt", "ft", "mme", "mlle", "mmes", "m", "vs", "v", "approx", "dept",
    "univ", "ave", "blvd",
];
/// Abbreviations that stand before a number ("No. 10", "Jan. 5", "Fig. 3"): a period after them
/// ends no sentence when a digit follows.
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "fig", "figs", "vol", "art", "p", "pp", "ch", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Abbreviations that may also end a sentence ("... at Acme Inc. The firm ..."): a period after them
/// ends the sentence only when a usual sentence opener follows (see [`SENTENCE_OPENERS`]).
const FINAL_ABBREVIATIONS: &[&str] = &[
    "sr", "jr", "etc", "inc", "ltd", "co", "corp", "bros", "est", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Capitalised words that usually start a sentence (English function words and pronouns): after an
/// abbreviation that can end a sentence ("U.S.", "Inc.", an initial), one of them means a new sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "so",
    "yet",
    "or",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "while",
    "when",
    "if",
    "since",
    "for",
    "with",
    "by",
    "from",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "then",
    "still",
    "however",
    "meanwhile",
    "also",
    "officials",
    "police",
];

/// True if the sentence piece ends with an abbreviation or an initial ("J.", "U.S.") after which a
/// sentence may go on (the context-free test; [`sentences`] also looks at what follows).
pub(crate) fn ends_with_abbreviation(piece: &str) -> bool {
    abbreviation_before_end(piece).is_some()
}

/// The kind of abbreviation that ends `piece` (trailing spaces allowed), if any.
fn abbreviation_before_end(piece: &str) -> Option<Abbrev> {
    let t = piece.trim_end();
    let stem = t.strip_suffix('.')?;
    let last = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"' || c == '‘')
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    if TITLE_ABBREVIATIONS.contains(&lower.as_str()) {
        Some(Abbrev::Title)
    } else if NUMBER_ABBREVIATIONS.contains(&lower.as_str())
        || FINAL_ABBREVIATIONS.contains(&lower.as_str())
    {
        Some(Abbrev::Other(lower))
    } else if (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || (last.contains('.')
            && last.split('.').all(|seg| {
                (1..=2).contains(&seg.chars().count()) && seg.chars().all(char::is_alphabetic)
            }))
    {
        // an initial ("J.") or a dotted abbreviation ("U.S.", "e.g.", "a.m.")
        Some(Abbrev::Dotted)
    } else {
        None
    }
}

enum Abbrev {
    /// A title: never ends a sentence.
    Title,
    /// A dotted abbreviation or an initial: ends one only before a sentence opener.
    Dotted,
    /// A listed abbreviation (lower-case, no period), see [`NUMBER_ABBREVIATIONS`] and
    /// [`FINAL_ABBREVIATIONS`].
    Other(String),
}

/// True when the period of the abbreviation at the end of one piece does not end the sentence,
/// given the text of the next piece.
fn abbreviation_continues(kind: &Abbrev, next: &str) -> bool {
    let next = next.trim_start();
    let first_word: String = next
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let starts_digit = first_word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit());
    let opener = SENTENCE_OPENERS.contains(&first_word.to_lowercase().as_str());
    match kind {
        Abbrev::Title => true,
        Abbrev::Dotted => !opener,
        Abbrev::Other(a) => {
            (NUMBER_ABBREVIATIONS.contains(&a.as_str()) && starts_digit)
                || (FINAL_ABBREVIATIONS.contains(&a.as_str()) && !opener)
        }
    }
}

/// True when `piece` opens with a lower-case letter (after spaces, quote marks and brackets): the
/// continuation of a sentence cut after a quoted question or exclamation ("“Why?” she asked.").
fn starts_lowercase(piece: &str) -> bool {
    piece
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Sentence byte spans `[start, end)` of `text`, trailing whitespace excluded.
///
/// Unicode UAX #29 sentence boundaries (which already keep decimals, "..." before a lower-case word
/// and closing quote marks right), re-joined where a boundary follows an abbreviation that does not
/// end the sentence here ("Mr. Smith", "the U.S. Embassy", "No. 10", "Jan. 5", "J. K. Rowling"; but
/// "in the U.S. The next day" is two sentences), and where the next piece opens in lower case (UAX #29
/// breaks after "?" or "!" even when the sentence goes on: "“Why?” she asked.").
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut pending: Option<Abbrev> = None;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.trim_end().len();
        if end == start {
            continue;
        }
        let merge = match &pending {
            Some(kind) => abbreviation_continues(kind, piece),
            None => false,
        } || (!out.is_empty() && starts_lowercase(piece));
        match out.last_mut() {
            Some(last) if merge => last.1 = end,
            _ => out.push((start, end)),
        }
        pending = abbreviation_before_end(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn terms_count_what_substring_search_counts() {
        const LIST: &[&str] = &[
            "cookie",
            "consent",
            "co",
            "privacy",
            "الخصوصية",
            "sign up",
            "ad-slot",
            "@",
        ];
        const TERMS: Terms = Terms::new(LIST);
        let texts = [
            "",
            "co",
            "we use cookies with your consent",
            "cookie cookie cookie",
            "ad-slot sign up الخصوصية privacy",
            "sign-up adslot",
            "c",
            "xxconsentxx",
            "We use COOKIES with your Consent",
            "mail us @",
            "@",
            "Sign Up: CO",
        ];
        for t in texts {
            let naive = LIST.iter().filter(|w| t.contains(*w)).count();
            assert_eq!(TERMS.count_in(t, usize::MAX), naive, "{t:?}");
            assert_eq!(TERMS.count_in(t, 2), naive.min(2), "{t:?}");
            assert_eq!(TERMS.any_in(t), naive > 0, "{t:?}");
            let lower = t.to_lowercase();
            let naive = LIST.iter().filter(|w| lower.contains(*w)).count();
            assert_eq!(
                TERMS.count_in_ignore_ascii_case(t, usize::MAX),
                naive,
                "{t:?}"
            );
            assert_eq!(
                TERMS.count_in_ignore_ascii_case(t, 2),
                naive.min(2),
                "{t:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn segments_are_each_sentences_word_bounds() {
        let p = Para::plain(
            "“Why?” she asked. Mr. Smith (the U.S. envoy) paid $3.5 billion — said.The end… 北京市 ok",
        );
        let segs = p.segments();
        for (k, &(s, e)) in p.sentences().iter().enumerate() {
            let want: Vec<(usize, &str)> = p.text[s..e]
                .split_word_bound_indices()
                .filter(|(_, w)| *w != " ")
                .map(|(o, w)| (s + o, w))
                .collect();
            let got: Vec<(usize, &str)> = segs
                .sentence(k)
                .iter()
                .map(|g| (g.start as usize, p.segment_text(g)))
                .collect();
            assert_eq!(got, want);
            let words: Vec<&str> = segs
                .sentence(k)
                .iter()
                .filter(|g| g.is_word)
                .map(|g| p.segment_text(g))
                .collect();
            assert_eq!(words, p.text[s..e].unicode_words().collect::<Vec<_>>());
        }
        assert_eq!(segs.words().count(), word_count(&p.text));
    }

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

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split("Sen. Warren met Gov. Newsom and Dr. J. K. Rowling in St. Louis. They talked."),
            vec![
                "Sen. Warren met Gov. Newsom and Dr. J. K. Rowling in St. Louis.",
                "They talked."
            ]
        );
        assert_eq!(
            split("Troops left the U.S. The next day they landed. Acme Inc. said so."),
            vec![
                "Troops left the U.S.",
                "The next day they landed.",
                "Acme Inc. said so."
            ]
        );
        assert_eq!(
            split("He lives at No. 10 and said no. Then he left on Jan. 5. Sales rose at 9 a.m. Monday."),
            vec![
                "He lives at No. 10 and said no.",
                "Then he left on Jan. 5.",
                "Sales rose at 9 a.m. Monday."
            ]
        );
        assert_eq!(
            split("M. Macron a parlé. Mme Borne aussi."),
            vec!["M. Macron a parlé.", "Mme Borne aussi."]
        );
    }

    #[test]
    fn decimals_quotes_and_ellipses() {
        assert_eq!(
            split("Shares fell 3.5% to $2.80 in 2019. Profit was 1.2bn."),
            vec!["Shares fell 3.5% to $2.80 in 2019.", "Profit was 1.2bn."]
        );
        assert_eq!(
            split("“Why now?” she asked. “Go!” he shouted. ‘Fine.’ It ended."),
            vec![
                "“Why now?” she asked.",
                "“Go!” he shouted.",
                "‘Fine.’",
                "It ended."
            ]
        );
        assert_eq!(
            split("He paused... and went on. It was late... Nobody came. Wait… what? No."),
            vec![
                "He paused... and went on.",
                "It was late...",
                "Nobody came.",
                "Wait… what?",
                "No."
            ]
        );
    }

    #[test]
    fn counting_shortcuts_agree_with_the_plain_counts() {
        for t in [
            "",
            "One.",
            "Mr. Smith went to the U.S. Embassy. He left at 9 a.m. today.",
            "  a\u{b}b\u{a0}c\t\n 3.5 d’Arc 北京市 ",
            // combining and format characters after whitespace, hyphens, dashes, ZWJ sequences
            "a \u{345} \u{301}b e-mail foo—bar x\u{ad}y \u{ad} 👩\u{200d}💻 ok",
            // whitespace only: ASCII, the C1 next line, no-break and ideographic spaces; and the
            // information separators (U+001C..U+001F), which are not whitespace
            " \t\r\n\u{b}\u{c}",
            "\u{85}\u{a0} \u{3000}",
            " \u{1c}\u{1f} ",
            "\u{a0}x",
        ] {
            assert_eq!(is_blank(t), t.trim().is_empty(), "{t:?}");
            let n = word_count(t);
            for k in 0..8 {
                assert_eq!(more_words_than(t, k), n > k, "{t:?} {k}");
            }
            let spaced: usize = t.split_whitespace().map(|w| w.chars().count() + 1).sum();
            assert_eq!(spaced_chars(t), spaced, "{t:?}");
            let p = Para::plain(t);
            assert_eq!(p.sentences(), sentences(&p.text).as_slice());
            // a clone made after the split keeps the same spans
            assert_eq!(p.clone().sentences(), p.sentences());
        }
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
