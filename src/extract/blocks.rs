//! Text blocks: the text that belongs to one block-level element (a `<br><br>` run also splits a
//! block), with hover cards left out.

use super::content::matches_any;
use super::site::is_cjk;
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::{is_blank, spaced_chars, Para, Terms};

/// Block-level tags: text inside belongs to the nearest of these. Table cells are not blocks: a row
/// reads as one line, its cells separated by spaces. (A `match`, not a list: it runs for every element,
/// twice, and compiles to a switch on the name's length and bytes.)
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "body"
            | "address"
            | "article"
            | "aside"
            | "blockquote"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "center"
            | "caption"
            | "head"
            | "title"
            | "label"
            | "menu"
            | "picture"
    )
}

/// Class/id words of hover cards and tooltips (a person's or topic's preview shown on hover).
const CARD_TERMS: Terms = Terms::new(CARD_WORDS);
const CARD_WORDS: &[&str] = &[
    "rollover",
    "tooltip",
    "popover",
    "hovercard",
    "hover-card",
    "flyout",
];
/// An inline card has at least this many links ...
const CARD_MIN_LINKS: usize = 2;
/// ... and its paragraph this much text (characters) outside it.
const CARD_MIN_OUTSIDE_CHARS: usize = 40;

/// Inline cards: a link-dense inline element inside a text-dense paragraph, holding an image or named
/// like a hover card (a person's preview with their photo and latest stories, which the page shows on
/// hover). Kohlschütter et al. (WSDM 2010) classify text by its link density; here the same feature
/// is applied below the block level, so that a card nested in a sentence does not make the whole
/// paragraph read as a link list, nor its text end up in the body. Only the innermost such element
/// is a card: the link that names the person stays in the sentence. An inline element that holds a
/// table cell or a paragraph is a layout wrapper (an old page's `<font>` or `<span>` around the
/// whole page, its navigation and its article), never a card: as a card it took the article with it.
fn inline_cards(snap: &Snapshot) -> Vec<bool> {
    let n = snap.nodes.len();
    let (mut chars, mut link_chars, mut links) =
        (vec![0usize; n], vec![0usize; n], vec![0usize; n]);
    let (mut img, mut sat_below) = (vec![false; n], vec![false; n]);
    // holds (or is) a table cell or a paragraph: a layout wrapper (an old page's `<font>` around
    // the whole page, a cell of a layout table), never a card inside a sentence
    let mut layout = vec![false; n];
    let mut sat = vec![false; n];
    for i in (0..n).rev() {
        let node = &snap.nodes[i];
        if let Some(t) = &node.text {
            if node.visible {
                chars[i] = spaced_chars(t);
            }
        } else {
            let tag = node.tag.as_str();
            if tag == "a" {
                links[i] += 1;
                link_chars[i] = chars[i];
            }
            img[i] |= tag == "img";
            layout[i] |= matches!(tag, "td" | "th" | "p");
            sat[i] = !is_block(tag)
                && tag != "a"
                && !layout[i]
                && links[i] >= CARD_MIN_LINKS
                && link_chars[i] * 2 > chars[i]
                && (img[i] || matches_any(node.id_class(), &CARD_TERMS));
        }
        if let Some(p) = node.parent {
            let p = p as usize;
            chars[p] += chars[i];
            link_chars[p] += link_chars[i];
            links[p] += links[i];
            img[p] |= img[i];
            layout[p] |= layout[i];
            sat_below[p] |= sat[i] || sat_below[i];
        }
    }
    let mut card = vec![false; n];
    for i in 0..n {
        if !sat[i] || sat_below[i] {
            continue;
        }
        let block = snap
            .ancestors(i as NodeId)
            .find(|&a| is_block(&snap.nodes[a as usize].tag));
        card[i] = block.is_some_and(|b| chars[b as usize] >= chars[i] + CARD_MIN_OUTSIDE_CHARS);
    }
    card
}

/// Class names that CSS frameworks define as `display: none` (Bootstrap 3 and Tailwind's `hidden`,
/// Bootstrap 4+'s `d-none`, Foundation's `hide`, Bulma's `is-hidden`).
const HIDING_CLASSES: &[&str] = &["hidden", "d-none", "hide", "is-hidden"];

/// An element that a framework's stylesheet hides by its class ([`HIDING_CLASSES`], a whole class
/// token): the snapshot reads no stylesheet, so its `visible` flag misses it. Pages carry a hidden
/// second copy of their story this way (a teaser for readers without a subscription, swapped in by
/// a script), which a reader never sees.
fn hidden_by_class(node: &crate::snapshot::Node) -> bool {
    node.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| HIDING_CLASSES.iter().any(|h| t.eq_ignore_ascii_case(h)))
    })
}

/// Split the page into text blocks (visible text only, `<title>` and `<head>` excluded; inline
/// cards, link-dense inline elements inside a paragraph such as a hover card, left out).
pub fn text_blocks(snap: &Snapshot) -> Vec<Block> {
    let n = snap.nodes.len();
    let card = inline_cards(snap);
    // nearest block ancestor and in-link flag per node, computed in document order
    let mut block_of = vec![0 as NodeId; n];
    let mut in_link = vec![false; n];
    let mut in_list = vec![false; n];
    let mut heading = vec![None; n];
    let mut skip = vec![false; n];
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<usize> = None; // index into out of the open block
    let mut br_run = 0usize;
    for i in 0..n {
        let node = &snap.nodes[i];
        let (pb, pl, pli, ph, ps) = match node.parent {
            Some(p) => {
                let p = p as usize;
                (block_of[p], in_link[p], in_list[p], heading[p], skip[p])
            }
            None => (0, false, false, None, false),
        };
        if node.is_text() {
            skip[i] = ps;
            if ps || !node.visible {
                continue;
            }
            let text = node.text.as_deref().unwrap_or("");
            let open = current.filter(|&c| out[c].element == pb && br_run < 2);
            let idx = match open {
                Some(c) => c,
                None if is_blank(text) => continue,
                None => {
                    out.push(Block {
                        element: pb,
                        nodes: Vec::new(),
                        br_before: Vec::new(),
                        text: String::new(),
                        para: Para::default(),
                        link_chars: 0,
                        heading: ph,
                        in_list: pli,
                        char_count: 0,
                        weighted_chars: 0,
                    });
                    out.len() - 1
                }
            };
            current = Some(idx);
            let b = &mut out[idx];
            // a `<br>` or a table cell before this text separates it from the text before
            if br_run > 0 && !b.nodes.is_empty() {
                b.br_before.push(i as NodeId);
            }
            if !is_blank(text) {
                br_run = 0;
            }
            b.nodes.push(i as NodeId);
            if pl {
                b.link_chars += spaced_chars(text);
            }
            continue;
        }
        let tag = node.tag.as_str();
        skip[i] = ps
            || tag == "head"
            || tag == "script"
            || tag == "title"
            || card[i]
            || hidden_by_class(node);
        // a named anchor (`<a name=...>`, a link target, not a link) is no link: left unclosed in old
        // pages, the parser reopens it around every later paragraph, which then read as all link text
        in_link[i] = pl || (tag == "a" && node.attr("name").is_none());
        in_list[i] = pli || tag == "li";
        heading[i] = match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
            _ => ph,
        };
        if tag == "br" {
            br_run += 1;
            block_of[i] = pb;
        } else if tag == "td" || tag == "th" {
            // a new cell separates words like a line break does
            block_of[i] = pb;
            br_run = 1;
        } else if is_block(tag) {
            block_of[i] = i as NodeId;
            current = None;
            br_run = 0;
        } else {
            block_of[i] = pb;
        }
    }
    // A block continues after a nested block ends: text after `</div>` inside a `<div>` opens a new block
    // of the outer element (handled above: `current` resets on every block start).
    for b in &mut out {
        b.para = Para::from_nodes(snap, &b.nodes, &b.br_before);
        b.text = b.para.text.clone();
        if b.text.is_ascii() {
            (b.char_count, b.weighted_chars) = (b.text.len(), b.text.len());
        } else {
            for c in b.text.chars() {
                b.char_count += 1;
                b.weighted_chars += if is_cjk(c) { 2 } else { 1 };
            }
        }
    }
    out.retain(|b| !b.text.is_empty());
    out
}
