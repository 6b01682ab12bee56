//! Main content and metadata extraction over a [`Snapshot`].
//!
//! Method (after Readability's paragraph scoring and the "maximum subtree" view of boilerplate removal
//! in Kohlschütter et al., *Boilerplate Detection using Shallow Text Features*, WSDM 2010):
//! 1. split the page into **text blocks**: the text that belongs to one block-level element (a `<br><br>`
//!    run also splits a block);
//! 2. classify each block as content-like or boilerplate-like from shallow features (length, link
//!    density, punctuation) and the class/id words of its ancestors;
//! 3. pick as **main content** the element whose subtree maximises content text minus boilerplate text;
//! 4. keep the content-like blocks inside it, minus headline, byline, dek and nested boilerplate regions.
//!
//! Metadata comes from JSON-LD, `<meta>` tags, `rel=author` links, byline-classed elements and `<title>`.

use crate::snapshot::{NodeId, Snapshot};
use crate::text::{collapse_ws, is_blank, more_words_than, spaced_chars, word_count, Para, Terms};
use serde_json::Value;

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

/// Tags whose subtree is never main content.
const NON_CONTENT_TAGS: &[&str] = &["nav", "aside", "footer", "form", "head", "menu", "dialog"];

/// Class/id words that mark boilerplate regions (after Readability's `unlikelyCandidates` and
/// `negative` patterns, plus consent and newsletter boxes).
const NEGATIVE_WORDS: &[&str] = &[
    "comment",
    "footer",
    "footnote",
    "sidebar",
    "related",
    "recommend",
    "promo",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "cookie",
    "consent",
    "gdpr",
    "advert",
    "ad-slot",
    "ad-container",
    "adsbygoogle",
    "sponsor",
    "banner",
    "breadcrumb",
    "menu",
    "masthead",
    "popup",
    "modal",
    "pagination",
    "pager",
    "widget",
    "outbrain",
    "taboola",
    "trending",
    "most-read",
    "mostread",
    "popular",
    "more-stories",
    "read-more",
    "readmore",
    "tags",
    "tag-list",
    "toolbar",
    "caption",
    "credit",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "meta",
    "hidden",
    "print",
    "skip",
    "disclaimer",
    "copyright",
    "nav",
    "rss",
    "jump",
    "teaser",
    "card",
    "headline",
];

const NEGATIVE_TERMS: Terms = Terms::new(NEGATIVE_WORDS);

/// Class/id words that mark the article container.
const POSITIVE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "prose",
    "paragraph",
];
const POSITIVE_TERMS: Terms = Terms::new(POSITIVE_WORDS);

/// A text block with at least this many characters and few links counts as content.
const MIN_CONTENT_CHARS: usize = 60;
/// Link text share above which a block is navigation-like.
const MAX_LINK_DENSITY: f64 = 0.35;
/// Multiplier of boilerplate text when scoring a candidate container.
const BOILERPLATE_PENALTY: f64 = 1.5;
/// Content-like list items count this much (lists are often link lists with long titles).
const LIST_ITEM_WEIGHT: f64 = 0.5;
/// Share of the boilerplate penalty for short plain (unlinked) text.
const SHORT_TEXT_PENALTY: f64 = 0.25;
/// Below this much content text (characters) in the best container, the page holds no article.
const MIN_ARTICLE_CHARS: f64 = 250.0;
/// Score multiplier of a container near the headline.
const HEADLINE_PROXIMITY_BONUS: f64 = 1.5;
/// "Right after the headline": within this many snapshot nodes.
const HEADLINE_PROXIMITY_NODES: NodeId = 150;
/// An ancestor starting right after the headline is the article when it holds this many times the
/// content of the best subtree ...
const PARTS_CONTENT_RATIO: f64 = 2.0;
/// ... and at least this share of its text is content.
const PARTS_CONTENT_SHARE: f64 = 0.4;
/// Content of a class-matched region below this share of its text means the region is dropped.
const REGION_CONTENT_SHARE: f64 = 0.5;

/// A text block: the text nodes that belong to one block element (or one `<br><br>`-separated part).
#[derive(Debug, Clone)]
pub struct Block {
    /// The block element.
    pub element: NodeId,
    /// Its text nodes, in order.
    pub nodes: Vec<NodeId>,
    /// Text nodes that follow a `<br>` (a space is put before them).
    pub br_before: Vec<NodeId>,
    /// Whitespace-collapsed text.
    pub text: String,
    /// The same text mapped back to the page.
    pub para: Para,
    /// Characters inside `<a>` elements.
    pub link_chars: usize,
    /// Heading level 1–6 when the block is an `h1`–`h6`.
    pub heading: Option<u8>,
    /// True when inside a `<li>`.
    pub in_list: bool,
    /// Characters of `text`, and the same with CJK characters counted twice (see [`Block::chars`]),
    /// counted once when the block is built: the extraction asks for them several times per block.
    char_count: usize,
    weighted_chars: usize,
}

impl Block {
    /// Length in characters, CJK ideographs and kana counted twice (a CJK character carries about
    /// as much text as two Latin ones).
    fn chars(&self) -> usize {
        self.weighted_chars
    }
    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.char_count.max(1) as f64
    }
}

/// Metadata found in the page.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Headline (site name removed).
    pub headline: Option<String>,
    /// The `<h1>` element chosen as the displayed headline, if any.
    pub headline_node: Option<NodeId>,
    /// Authors.
    pub byline: Vec<String>,
    /// Publication date as stated (ISO 8601 where the page gives one).
    pub published: Option<String>,
    /// Site name.
    pub site_name: Option<String>,
    /// Declared language.
    pub lang: Option<String>,
    /// Declared direction, or `rtl` inferred from the script of the text.
    pub dir: Option<String>,
    /// `og:description` / JSON-LD `description` (used by bullet detection only if the page shows it).
    pub description: Option<String>,
    /// URL of the next page of a multi-page article (`<link rel="next">`).
    pub next_page: Option<String>,
}

/// The extraction result: main content blocks and metadata.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The main content element, `None` when the page holds no article.
    pub main: Option<NodeId>,
    /// Body paragraphs in document order.
    pub paragraphs: Vec<Block>,
    /// All text blocks of the page (used by bullet detection).
    pub blocks: Vec<Block>,
    /// Page metadata.
    pub meta: Metadata,
}

/// Run extraction: blocks, main content, metadata.
pub fn extract(snap: &Snapshot) -> Extraction {
    let blocks = text_blocks(snap);
    let mut meta = metadata(snap, &blocks);
    let main = main_content(snap, &blocks, meta.headline_node);
    let paragraphs = match main {
        Some(m) => body_paragraphs(snap, &blocks, m, &meta),
        None => Vec::new(),
    };
    let rtl_lang = meta.lang.as_deref().is_some_and(|l| {
        let primary = l
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        RTL_LANGUAGES.contains(&primary.as_str())
    });
    // the direction the article's text inherits: its first paragraph's (or the container's) nearest
    // `dir`, which may sit on <body>, <main> or <article> below an <html dir> that says otherwise
    if let Some(d) = paragraphs
        .first()
        .map(|b| b.element)
        .or(main)
        .and_then(|e| inherited_dir(snap, e))
    {
        meta.dir = Some(d);
    }
    if meta.dir.is_none() && (rtl_lang || is_rtl_text(&paragraphs)) {
        meta.dir = Some("rtl".into());
    }
    Extraction {
        main,
        paragraphs,
        blocks,
        meta,
    }
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
/// is a card: the link that names the person stays in the sentence.
fn inline_cards(snap: &Snapshot) -> Vec<bool> {
    let n = snap.nodes.len();
    let (mut chars, mut link_chars, mut links) =
        (vec![0usize; n], vec![0usize; n], vec![0usize; n]);
    let (mut img, mut sat_below) = (vec![false; n], vec![false; n]);
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
            sat[i] = !is_block(tag)
                && tag != "a"
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
        skip[i] = ps || tag == "head" || tag == "script" || tag == "title" || card[i];
        in_link[i] = pl || tag == "a";
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

/// True when the (lower-cased) class/id string `id_class` contains one of `words`.
pub(crate) fn matches_any(id_class: &str, words: &Terms) -> bool {
    !id_class.is_empty() && words.any_in(id_class)
}

/// Class/id weight of one element: −1 boilerplate-like, +1 article-like, 0 neutral.
fn class_weight(snap: &Snapshot, id: NodeId) -> i32 {
    let node = &snap.nodes[id as usize];
    let ic = node.id_class();
    if NON_CONTENT_TAGS.contains(&node.tag.as_str()) {
        return -1;
    }
    let role = node.attr("role").unwrap_or("");
    if matches!(
        role,
        "navigation" | "complementary" | "contentinfo" | "banner" | "dialog"
    ) {
        return -1;
    }
    let neg = matches_any(ic, &NEGATIVE_TERMS);
    let pos = matches_any(ic, &POSITIVE_TERMS) || node.tag == "article" || node.tag == "main";
    match (pos, neg) {
        (true, false) => 1,
        (false, true) => -1,
        _ => 0,
    }
}

fn is_table_row(snap: &Snapshot, b: &Block) -> bool {
    snap.nodes[b.element as usize].tag == "tr"
}

/// Vocabulary of cookie-consent notices, newsletter or subscription prompts and comment-policy notices
/// (matched in lower case as substrings). English, with the privacy, terms-of-use and comment words of
/// the other languages whose news pages carry such notices: German, French, Spanish, Portuguese,
/// Italian and Arabic (an Arabic notice says الخصوصية "privacy", شروط الاستخدام or شروط استخدام
/// "terms of use", التعليقات "the comments").
const NOTICE_TERMS: &[&str] = &[
    "cookie",
    "consent",
    "privacy",
    "partners",
    "personalis",
    "personaliz",
    "analytics",
    "advertising",
    "newsletter",
    "inbox",
    "sign up",
    "subscribe",
    "unsubscribe",
    "terms of use",
    "third part",
    "datenschutz",
    "nutzungsbedingungen",
    "kommentare",
    "confidentialité",
    "conditions d'utilisation",
    "commentaires",
    "privacidad",
    "privacidade",
    "comentarios",
    "comentários",
    "termos de uso",
    "términos de uso",
    "condizioni d'uso",
    "commenti",
    "الخصوصية",
    "شروط الاستخدام",
    "شروط استخدام",
    "التعليقات",
];
/// A notice has at least this many distinct terms ...
const NOTICE_MIN_TERMS: usize = 3;
/// ... in at most this many words (a long article paragraph about privacy is not a notice).
const NOTICE_MAX_WORDS: usize = 120;

/// A cookie-consent, newsletter or subscription notice, recognised by its vocabulary whatever its
/// class names (consent banners are often unclassed or named by a vendor).
fn is_notice_text(text: &str) -> bool {
    const TERMS: Terms = Terms::new(NOTICE_TERMS);
    // (the vocabulary first: most blocks have none of it, and counting words is the dearer test; a
    // whitespace-token count first cost more instructions over the corpus than it saved)
    let count = if text.is_ascii() {
        TERMS.count_in_ignore_ascii_case(text, NOTICE_MIN_TERMS)
    } else {
        TERMS.count_in(&text.to_lowercase(), NOTICE_MIN_TERMS)
    };
    count >= NOTICE_MIN_TERMS && !more_words_than(text, NOTICE_MAX_WORDS)
}

/// Is this block content-like by its own features?
fn is_content_block(b: &Block) -> bool {
    let chars = b.chars();
    chars >= MIN_CONTENT_CHARS
        && b.link_density() <= MAX_LINK_DENSITY
        && (b.text.contains(". ")
            || b.text.ends_with('.')
            || b.text.contains(", ")
            || b.text.contains(['。', '、', '，', '،', '؟', '।'])
            || chars > 150)
}

/// Class/id words of reader-comment sections: their text is never the article.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "respond",
    "replies",
    "talkback",
];
const COMMENT_TERMS: Terms = Terms::new(COMMENT_WORDS);
/// Parts of a comment-ish class word that say it is no comment section ("comments-enabled-layout",
/// "has-comments", "comment-count").
const NOT_COMMENT_PARTS: &[&str] = &[
    "enabled", "count", "layout", "has", "no", "closed", "open", "link", "icon", "button", "num",
];

/// Class/id words of photo galleries and slideshows embedded in an article: a box of captioned
/// slides ("1/50 …") that Readability's conditional cleaning drops (more list items than
/// paragraphs), whatever the length of the captions. Their text is never a bullet either (bullets.rs).
pub(crate) const GALLERY_WORDS: &[&str] = &["gallery", "slideshow", "carousel"];
pub(crate) const GALLERY_TERMS: Terms = Terms::new(GALLERY_WORDS);

/// A gallery drops its text when it holds at least this many distinct captions (content-like
/// blocks), or any caption inside a list item: a slideshow of captioned slides. A slideshow whose
/// slides are pictures only, with one caption box beside them for the current slide (its caption as
/// a title and as a description of the same words, say), shows the article's lead image and its
/// caption, which Readability keeps: its conditional cleaning drops a box for more list items than
/// paragraphs, or for a low text share, and one caption paragraph outside the list has neither.
const MIN_GALLERY_CAPTIONS: usize = 2;

/// The gallery that holds `el`: the parent of the outermost element of its gallery region
/// ([`named_regions`] flags `gallery`), so that slides named one by one ("gallery-item") and a
/// caption box named apart from its pictures ("slideshow-description") count as one gallery.
fn gallery_root(snap: &Snapshot, gallery: &[bool], el: NodeId) -> NodeId {
    let mut root = el;
    while let Some(p) = snap.nodes[root as usize].parent {
        if !gallery[p as usize] {
            return p;
        }
        root = p;
    }
    root
}

/// Per gallery ([`gallery_root`]): its distinct content-like blocks ([`is_content_block`]), and
/// whether one of them is inside a list item (a slide's own caption).
fn gallery_captions(
    snap: &Snapshot,
    blocks: &[&Block],
    gallery: &[bool],
) -> rustc_hash::FxHashMap<NodeId, (usize, bool)> {
    let mut texts: rustc_hash::FxHashMap<NodeId, (Vec<&str>, bool)> = Default::default();
    for b in blocks
        .iter()
        .filter(|b| gallery[b.element as usize] && is_content_block(b))
    {
        let (seen, in_slide) = texts
            .entry(gallery_root(snap, gallery, b.element))
            .or_default();
        *in_slide |= b.in_list;
        if !seen.contains(&b.text.as_str()) {
            seen.push(&b.text);
        }
    }
    texts
        .into_iter()
        .map(|(k, (seen, in_slide))| (k, (seen.len(), in_slide)))
        .collect()
}

/// A region named by one of `words`: an element (not `html`/`body`/`article`/`main`) with a class or
/// id word that has one as a part ("comments", "comment-list", "disqus_thread", "full-gallery"; not
/// "has-comments", "comments-enabled-layout" or "icon-gallery").
fn is_named_region(node: &crate::snapshot::Node, words: &Terms) -> bool {
    !node.is_text()
        && !matches!(node.tag.as_str(), "html" | "body" | "article" | "main")
        // (a part equal to a word is a substring: most class names have none, and need no split)
        && words.any_in(node.id_class())
        && node.id_class().split(|c: char| c.is_whitespace()).any(|t| {
            let mut parts = t.split(['-', '_']);
            parts.any(|p| words.words().contains(&p))
                && !t.split(['-', '_']).any(|p| NOT_COMMENT_PARTS.contains(&p))
        })
}

/// For every node: is it inside a region named by one of `words` (see [`is_named_region`])?
fn named_regions(snap: &Snapshot, words: &Terms) -> Vec<bool> {
    let mut flags = vec![false; snap.nodes.len()];
    for (i, node) in snap.nodes.iter().enumerate() {
        let parent = node.parent.is_some_and(|p| flags[p as usize]);
        flags[i] = parent || is_named_region(node, words);
    }
    flags
}

/// Choose the main content element: the subtree that maximises content minus boilerplate text.
/// Returns `None` when no subtree holds enough content text.
///
/// `headline` is the displayed `<h1>`, if known: a container that holds it or starts right after it
/// gets a bonus (its score × 1.5), since an article follows its headline.
pub fn main_content(snap: &Snapshot, blocks: &[Block], headline: Option<NodeId>) -> Option<NodeId> {
    let n = snap.nodes.len();
    let mut score = vec![0f64; n];
    let mut content = vec![0f64; n];
    let mut total = vec![0f64; n];
    let in_comments = named_regions(snap, &COMMENT_TERMS);
    for b in blocks {
        let chars = b.chars() as f64;
        total[b.element as usize] += chars;
        let good =
            is_content_block(b) && !in_comments[b.element as usize] && !is_notice_text(&b.text);
        let s = if good {
            chars * if b.in_list { LIST_ITEM_WEIGHT } else { 1.0 }
        } else if (b.heading.is_some() || is_table_row(snap, b)) && b.link_density() < 0.5 {
            0.0 // sub-heads belong to articles as much as to anything else
        } else if b.link_density() > 0.5 {
            -chars * BOILERPLATE_PENALTY
        } else {
            -chars * BOILERPLATE_PENALTY * SHORT_TEXT_PENALTY
        };
        score[b.element as usize] += s;
        if good {
            content[b.element as usize] += chars;
        }
    }
    // accumulate bottom-up: children come after parents in document order
    for i in (1..n).rev() {
        if let Some(p) = snap.nodes[i].parent {
            let (s, c, t) = (score[i], content[i], total[i]);
            score[p as usize] += s;
            content[p as usize] += c;
            total[p as usize] += t;
        }
    }
    let mut best: Option<(f64, NodeId)> = None;
    for i in 0..n {
        let node = &snap.nodes[i];
        if node.is_text() || content[i] < MIN_ARTICLE_CHARS {
            continue;
        }
        let w = class_weight(snap, i as NodeId);
        let near_headline = headline.is_some_and(|h| {
            let i = i as NodeId;
            snap.is_descendant(h, i) || (i > h && i - h <= HEADLINE_PROXIMITY_NODES)
        });
        let bonus = if near_headline {
            HEADLINE_PROXIMITY_BONUS
        } else {
            1.0
        };
        let s = score[i] * (1.0 + 0.1 * w as f64) * bonus;
        if best.is_none_or(|(bs, _)| s > bs) {
            best = Some((s, i as NodeId));
        }
    }
    let (_, mut top) = best?;
    // A paragraph is never the container: Readability scores a paragraph's parent and grandparent,
    // never the paragraph. A lone `<p>` wins when its siblings are boxes of short lines (a product
    // box, a list of specs) or carry link-dense inline widgets; its parent is the article.
    while snap.nodes[top as usize].tag == "p" {
        match snap.nodes[top as usize].parent {
            Some(p) if !matches!(snap.nodes[p as usize].tag.as_str(), "body" | "html") => top = p,
            _ => break,
        }
    }
    // A table's rows are never the container either: a data table (a list of films, a results
    // table) is one part of its article, and Readability and DOM Distiller score a table as a plain
    // container of its rows, so the element holding the table competes instead.
    if ROW_GROUP_TAGS.contains(&snap.nodes[top as usize].tag.as_str()) {
        let lifted = above_rows(snap, top);
        if !matches!(snap.nodes[lifted as usize].tag.as_str(), "body" | "html") {
            top = lifted;
        }
    }
    // Prefer the nearest enclosing <article>/main-like container when it adds little boilerplate:
    // articles split in several sections by promos have their parts under one such parent.
    for a in snap.ancestors(top).collect::<Vec<_>>() {
        let node = &snap.nodes[a as usize];
        if node.tag == "body" || node.tag == "html" {
            break;
        }
        if content[a as usize] > content[top as usize] * 1.15
            && score[a as usize] > score[top as usize] * 0.9
        {
            top = a;
        }
    }
    // An article in parts (a blog's weekly notes: a list under each sub-head) has no one dominant
    // subtree, and short or linked items can make the sum over the whole article negative. Readability
    // then climbs from the top candidate to an ancestor that several top candidates share; here the
    // ancestor is the container that starts right after the headline, when it holds at least
    // [`PARTS_CONTENT_RATIO`] times the content of the top candidate and its text is mostly content.
    if let Some(h) = headline {
        for a in snap.ancestors(top).collect::<Vec<_>>() {
            let a_ = a as usize;
            if a > h
                && a - h <= HEADLINE_PROXIMITY_NODES
                && content[a_] >= PARTS_CONTENT_RATIO * content[top as usize]
                && content[a_] >= PARTS_CONTENT_SHARE * total[a_]
            {
                top = a;
            }
        }
    }
    if is_teaser_index(snap, blocks, top, &content) || is_headings_page(snap, blocks, top, &content)
    {
        return None;
    }
    Some(top)
}

/// An index page has at least this many teasers of one kind ...
const MIN_TEASERS: usize = 5;
/// ... each with at most this much content text (characters: a teaser is a sentence or two) ...
const TEASER_MAX_CHARS: f64 = 400.0;
/// ... holding at least this share of the container's content ...
const TEASER_CONTENT_SHARE: f64 = 0.6;
/// ... and less than this much content outside them (more is an article with teasers beside it).
const INDEX_MAX_OTHER_CHARS: f64 = 2.0 * MIN_ARTICLE_CHARS;
/// A teaser's title link: a block that is mostly link text with at least this many words.
const TITLE_MIN_WORDS: usize = 3;
/// Class/id words of an article's rail of other stories: teasers inside one are not the page's index.
const RAIL_TERMS: Terms = Terms::new(RAIL_WORDS);
const RAIL_WORDS: &[&str] = &[
    "related",
    "recommend",
    "more-stories",
    "read-more",
    "readmore",
    "most-read",
    "mostread",
    "popular",
    "trending",
    "outbrain",
    "taboola",
];

/// Is the container `top` an index of teasers rather than an article? A section front, a search
/// result list or a product's feature grid repeats one kind of record: a small box holding a title
/// link (to the item) and a sentence or two of text about it, with a byline, a date or a "Learn more"
/// link. Such records are the *data records* of Liu, Grossman and Zhai (*Mining Data Records in Web
/// Pages*, KDD 2003): sibling subtrees of one shape in a list page. Here a record is an element under
/// `top` holding at least two text blocks, one of them a title link (mostly link text, at least
/// [`TITLE_MIN_WORDS`] words), and some content text but at most [`TEASER_MAX_CHARS`]; records are
/// grouped by tag and first class (one shape), the outermost one counted where records of a group
/// nest. The container is an index when one group has [`MIN_TEASERS`] records that hold most of its
/// content and what is left is too short to be an article. An article with a related-stories rail
/// keeps its own paragraphs outside the rail, which are long, and teasers inside a region named as
/// such a rail ([`RAIL_WORDS`]) are not counted; a listicle's items are longer than teasers. Readability has no such test (its `isProbablyReaderable` counts paragraph text, which
/// ten teasers have), nor does DOM Distiller's distillability model (URL, `og:type` and
/// element-count features).
fn is_teaser_index(snap: &Snapshot, blocks: &[Block], top: NodeId, content: &[f64]) -> bool {
    let (start, end) = (top as usize, snap.subtree_end(top));
    let len = end - start;
    // per node under `top` (index minus `start`): text blocks, title links, subtree end, in a rail
    let (mut parts, mut titles) = (vec![0usize; len], vec![0usize; len]);
    let mut ends: Vec<usize> = (start + 1..=end).collect();
    let mut rail = vec![false; len];
    for b in blocks {
        let e = b.element as usize;
        if (start..end).contains(&e) {
            parts[e - start] += 1;
            if b.link_density() > 0.5 && more_words_than(&b.text, TITLE_MIN_WORDS - 1) {
                titles[e - start] += 1;
            }
        }
    }
    for i in (start + 1..end).rev() {
        if let Some(p) = snap.nodes[i].parent {
            let (p, j) = (p as usize - start, i - start);
            parts[p] += parts[j];
            titles[p] += titles[j];
            ends[p] = ends[p].max(ends[j]);
        }
    }
    // groups by shape: (end of the group's last record, records, their content)
    let mut group_of: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut groups: Vec<(usize, usize, f64)> = Vec::new();
    for (i, &c) in content.iter().enumerate().take(end).skip(start + 1) {
        let (node, j) = (&snap.nodes[i], i - start);
        let parent_rail = node
            .parent
            .is_some_and(|p| p as usize > start && rail[p as usize - start]);
        rail[j] = parent_rail || (!node.is_text() && matches_any(node.id_class(), &RAIL_TERMS));
        if node.is_text()
            || rail[j]
            || parts[j] < 2
            || titles[j] == 0
            || c == 0.0
            || c > TEASER_MAX_CHARS
        {
            continue;
        }
        let class = node.attr("class").unwrap_or("").split_whitespace().next();
        let key = format!("{} {}", node.tag, class.unwrap_or(""));
        let next = groups.len();
        let g = *group_of.entry(key).or_insert(next);
        if g == next {
            groups.push((0, 0, 0.0));
        }
        let (last_end, records, covered) = groups[g];
        if i >= last_end {
            groups[g] = (ends[j], records + 1, covered + c);
        }
    }
    let total = content[start];
    groups.iter().any(|&(_, records, covered)| {
        records >= MIN_TEASERS
            && covered >= TEASER_CONTENT_SHARE * total
            && total - covered < INDEX_MAX_OTHER_CHARS
    })
}

/// A page of headings over fragments has more than this many headings per content paragraph ...
const HEADINGS_PER_PARAGRAPH: usize = 3;
/// ... and less content text than this.
const HEADINGS_PAGE_MAX_CHARS: f64 = 2.0 * MIN_ARTICLE_CHARS;

/// Is the container `top` a page of headings with scraps of text between them (a page of samples,
/// equations or pictures under captions, a table of contents) rather than an article? Prose makes an
/// article: Readability's `isProbablyReaderable` asks for enough paragraph text before offering its
/// reader view, and headings do not count towards it. Here the container's content is short
/// (under [`HEADINGS_PAGE_MAX_CHARS`]) and its headings outnumber its content paragraphs more than
/// [`HEADINGS_PER_PARAGRAPH`] to one.
fn is_headings_page(snap: &Snapshot, blocks: &[Block], top: NodeId, content: &[f64]) -> bool {
    if content[top as usize] >= HEADINGS_PAGE_MAX_CHARS {
        return false;
    }
    let inside = top as usize..snap.subtree_end(top);
    let (mut paragraphs, mut headings) = (0, 0);
    for b in blocks
        .iter()
        .filter(|b| inside.contains(&(b.element as usize)))
    {
        paragraphs += usize::from(is_content_block(b));
        headings += usize::from(b.heading.is_some());
    }
    headings > HEADINGS_PER_PARAGRAPH * paragraphs
}

/// Elements that group a table's rows: a row's paragraphs-like cells belong with the blocks around
/// the table, not in a group of their own.
const ROW_GROUP_TAGS: &[&str] = &["table", "tbody", "thead", "tfoot", "tr"];

/// The nearest ancestor-or-self of `id` that is not part of a table's row structure
/// ([`ROW_GROUP_TAGS`]): the element that holds the table.
fn above_rows(snap: &Snapshot, id: NodeId) -> NodeId {
    let mut a = id;
    while ROW_GROUP_TAGS.contains(&snap.nodes[a as usize].tag.as_str()) {
        match snap.nodes[a as usize].parent {
            Some(p) => a = p,
            None => break,
        }
    }
    a
}

/// True if the element or an ancestor below `main` is a boilerplate region that holds little content.
/// `weights[i]` is [`class_weight`] of node `i` (precomputed for the subtree of `main`).
fn in_boilerplate_region(
    snap: &Snapshot,
    el: NodeId,
    main: NodeId,
    weights: &[i32],
    content_share: &dyn Fn(NodeId) -> f64,
) -> bool {
    std::iter::once(el)
        .chain(snap.ancestors(el))
        .take_while(|&a| a != main)
        .any(|a| {
            weights[a as usize] < 0
                && (content_share(a) < REGION_CONTENT_SHARE
                    || SECTIONING_BOILERPLATE_TAGS.contains(&snap.nodes[a as usize].tag.as_str()))
        })
}

/// Elements that HTML defines as outside a section's main flow: a `<footer>` (sources, author notes,
/// copyright), an `<aside>` (tangential boxes), a `<nav>`. Inside the article container they go
/// whatever their text, as trafilatura's cleaning removes these tags before it scores text; other
/// boilerplate-marked regions go only when they hold little content.
const SECTIONING_BOILERPLATE_TAGS: &[&str] = &["footer", "aside", "nav"];

/// Lines that are page furniture even inside the article container.
fn is_furniture(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "ad",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "read more",
        "related",
        "related articles",
        "related stories",
        "you might also like",
        "continue reading",
        "comments",
        "skip to content",
        "listen",
        "print",
        "email",
        "most read",
        "more from",
        "recommended",
        "trending",
        "subscribe",
    ];
    EXACT.contains(&t.trim_end_matches([':', '.']))
        || ((t.starts_with("share on ")
            || t.starts_with("follow us")
            || t.starts_with("sign up")
            || t.starts_with("click here")
            || t.starts_with("read more")
            || t.starts_with("advertisement"))
            && !more_words_than(&t, 6))
}

/// The body: content-like and sub-head blocks inside `main`, minus headline, dek, byline and
/// nested boilerplate regions.
fn body_paragraphs(snap: &Snapshot, blocks: &[Block], main: NodeId, meta: &Metadata) -> Vec<Block> {
    let end = snap.subtree_end(main) as NodeId;
    let inside: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.element == main || (b.element > main && b.element < end))
        .collect();
    // content share per element inside main
    let n = snap.nodes.len();
    let mut total = vec![0f64; n];
    let mut good = vec![0f64; n];
    for b in &inside {
        let c = b.chars() as f64;
        total[b.element as usize] += c;
        if is_content_block(b) {
            good[b.element as usize] += c;
        }
    }
    for i in (main as usize + 1..end as usize).rev() {
        if let Some(p) = snap.nodes[i].parent {
            let (t, g) = (total[i], good[i]);
            total[p as usize] += t;
            good[p as usize] += g;
        }
    }
    let share = |a: NodeId| good[a as usize] / total[a as usize].max(1.0);
    let mut weights = vec![0i32; n];
    for (i, w) in weights
        .iter_mut()
        .enumerate()
        .take(end as usize)
        .skip(main as usize)
    {
        if !snap.nodes[i].is_text() {
            *w = class_weight(snap, i as NodeId);
        }
    }
    let near_core = core_scope(snap, &inside, main);
    // a gallery inside the article goes (unless the article itself is one), when it holds captions
    let gallery = named_regions(snap, &GALLERY_TERMS);
    let captions = gallery_captions(snap, &inside, &gallery);
    let in_gallery = |b: &Block| {
        gallery[b.element as usize]
            && !gallery[main as usize]
            && captions
                .get(&gallery_root(snap, &gallery, b.element))
                .is_none_or(|&(c, in_slide)| c >= MIN_GALLERY_CAPTIONS || in_slide)
    };
    let headline_norm = meta.headline.as_deref().map(|h| h.to_lowercase());
    let citation = citation_lists(snap, main, end);
    // 0: dropped, 1: kept, 2: a short unlinked list item ("Ruler", "1 tsp cinnamon") or a linked
    // sub-head (h2–h6, see `linked_subhead`; Readability keeps an article's sub-heads), kept when the
    // nearest decided blocks on both sides are kept: jusText's context-sensitive pass (Pomikálek 2011)
    // classifies a short block by its neighbours, so a list of short items inside the article stays
    let verdict = |b: &Block| -> u8 {
        if Some(b.element) == meta.headline_node {
            return 0;
        }
        if b.heading == Some(1) {
            return 0;
        }
        if headline_norm.as_deref() == Some(b.text.to_lowercase().as_str()) {
            return 0;
        }
        // a reference or footnote list of the article stays, its linked titles included
        if citation[b.element as usize] {
            return u8::from(
                near_core(b) && !in_boilerplate_region(snap, b.element, main, &weights, &share),
            );
        }
        // linked prose ("…, according to Reuters.") stays; link lists go
        let linked_prose = b.text.ends_with(SENTENCE_END)
            && ((more_words_than(&b.text, LINKED_PROSE_WORDS - 1) && b.link_density() <= 0.8)
                || is_linked_sentence(b));
        // a sub-head that links the thing it introduces (a list article's "“Rez Infinite” ($30)")
        // is decided by its context, like a short list item: kept between kept blocks
        // ("Related post: …", "Read more: …" are promos)
        let linked_subhead = b.heading.is_some_and(|h| h >= 2)
            && b.link_density() > 0.5
            && !more_words_than(&b.text, MAX_LINKED_SUBHEAD_WORDS)
            && {
                // (the first word is lower-cased for linked sub-heads only, not for every block)
                let first = b
                    .text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let first = first.trim_end_matches(':');
                !CALL_TO_ACTION_VERBS.contains(&first)
                    && !matches!(first, "related" | "more" | "also" | "recommended")
            };
        if is_furniture(&b.text)
            || is_notice_text(&b.text)
            || (b.link_density() > 0.5 && !linked_prose && !linked_subhead)
        {
            return 0;
        }
        if in_boilerplate_region(snap, b.element, main, &weights, &share)
            || !near_core(b)
            || in_gallery(b)
        {
            return 0;
        }
        let el = &snap.nodes[b.element as usize];
        if el.tag == "figcaption" || el.tag == "time" {
            return 0;
        }
        // short lines: keep sub-heads and sentence-like lines, drop the rest
        let el = &snap.nodes[b.element as usize];
        let kept = linked_prose
            || is_content_block(b)
            || b.heading.is_some()
            || (is_table_row(snap, b) && b.link_density() < 0.5)
            || (more_words_than(&b.text, 2)
                && b.link_density() < 0.2
                && (b.text.ends_with(SENTENCE_END) || b.chars() >= 30 || el.tag == "p"));
        if linked_subhead {
            2
        } else if kept {
            1
        } else if b.in_list && b.link_density() < 0.2 {
            2
        } else {
            0
        }
    };
    let verdicts: Vec<u8> = inside.iter().map(|b| verdict(b)).collect();
    let kept = |v: Option<&u8>| v == Some(&1);
    let mut body: Vec<Block> = (0..inside.len())
        .filter(|&i| match verdicts[i] {
            2 => {
                kept(verdicts[..i].iter().rev().find(|&&v| v != 2))
                    && kept(verdicts[i + 1..].iter().find(|&&v| v != 2))
            }
            v => v == 1,
        })
        .map(|i| inside[i].clone())
        .collect();
    // calls to action after the article ("Join our forums", "Follow us on Twitter")
    while body.last().is_some_and(|b| is_promo(&b.text)) {
        body.pop();
    }
    body
}

/// A footnote backlink's text is at most this many characters ("^", "↑", "↩").
const BACKLINK_MAX_CHARS: usize = 3;

/// Is this `<li>` a citation: it holds a `<cite>` (HTML's element for the title of a cited work), or
/// a backlink, a link of a symbol or two ("^", "↑", "↩", no letter or digit), which is how footnote
/// and reference lists point back to their marks in the text (MediaWiki's "^", Markdown footnotes'
/// "↩"; the snapshot keeps no link targets, so the link is known by its text)?
fn is_citation_item(snap: &Snapshot, li: NodeId) -> bool {
    let end = snap.subtree_end(li);
    (li as usize + 1..end).any(|i| {
        let n = &snap.nodes[i];
        n.tag == "cite"
            || (n.tag == "a" && {
                let t = snap.text_content(i as NodeId);
                let t = t.trim();
                (1..=BACKLINK_MAX_CHARS).contains(&t.chars().count())
                    && !t.chars().any(char::is_alphanumeric)
            })
    })
}

/// For every node below `main`: is it inside an item of a citation list, an `<ol>` at least half of
/// whose (two or more) items are citations ([`is_citation_item`]): an article's references or
/// footnotes. Their items are mostly the linked titles of the sources, so link density would drop
/// them as navigation; Readability keeps them, as they sit in the article's container and its
/// conditional cleaning spares a list with many commas, and trafilatura's `favor_recall` likewise
/// keeps an article's lists. Inside the article's container, then, a citation list is content
/// whatever its links.
fn citation_lists(snap: &Snapshot, main: NodeId, end: NodeId) -> Vec<bool> {
    let mut flags = vec![false; snap.nodes.len()];
    let children = |ol: NodeId| {
        (ol as usize + 1..snap.subtree_end(ol))
            .filter(move |&i| snap.nodes[i].parent == Some(ol) && snap.nodes[i].tag == "li")
    };
    for ol in main..end {
        if snap.nodes[ol as usize].tag != "ol" {
            continue;
        }
        let items: Vec<usize> = children(ol).collect();
        let cited = items
            .iter()
            .filter(|&&li| is_citation_item(snap, li as NodeId))
            .count();
        if items.len() >= 2 && cited * 2 >= items.len() {
            for &li in &items {
                flags[li..snap.subtree_end(li as NodeId)].fill(true);
            }
        }
    }
    flags
}

/// A linked sub-head has at most this many words (a title, not a line of teaser links).
const MAX_LINKED_SUBHEAD_WORDS: usize = 12;

/// Characters that end a sentence-like line.
const SENTENCE_END: &[char] = &['.', '!', '?', '"', '”', ':', '。', '！', '？', '…', ')'];
/// A paragraph of at least this many words that ends like a sentence is prose even when mostly linked.
const LINKED_PROSE_WORDS: usize = 20;

/// A short sentence that links a source ("But a new report by <a>the Center on Poverty</a> calls that
/// into question."): at most half of it linked, and its unlinked words a clause of their own. jusText
/// (Pomikálek, *Removing Boilerplate and Duplicate Content from Web Corpora*, 2011) keeps such
/// blocks as "near-good" when they sit between good paragraphs; inside the article's container that
/// context is given.
fn is_linked_sentence(b: &Block) -> bool {
    let chars = b.text.chars().count();
    let unlinked = chars.saturating_sub(b.link_chars);
    let first = b
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    b.link_density() <= 0.5
        && unlinked >= LINKED_SENTENCE_MIN_UNLINKED_CHARS
        && !CALL_TO_ACTION_VERBS.contains(&first.as_str())
}

/// Imperatives that open calls to action ("Follow us on …", "Read more about …"): a linked line that
/// starts with one is a promo, not a sentence of the article.
const CALL_TO_ACTION_VERBS: &[&str] = &[
    "follow",
    "subscribe",
    "sign",
    "join",
    "read",
    "watch",
    "listen",
    "download",
    "click",
    "get",
    "see",
    "share",
    "like",
    "support",
    "donate",
];

/// Unlinked characters of a [`is_linked_sentence`].
const LINKED_SENTENCE_MIN_UNLINKED_CHARS: usize = 50;

/// Phrases of promotional lines that close many articles.
const PROMO_PHRASES: &[&str] = &[
    "sign up",
    "newsletter",
    "follow us",
    "follow him",
    "follow her",
    "join our",
    "subscribe",
    "click here",
    "download our app",
    "all rights reserved",
    "©",
    "copyright",
];
/// A promo line is short.
const MAX_PROMO_WORDS: usize = 60;

fn is_promo(text: &str) -> bool {
    let t = text.to_lowercase();
    const TERMS: Terms = Terms::new(PROMO_PHRASES);
    TERMS.any_in(&t) && !more_words_than(text, MAX_PROMO_WORDS)
}

/// The article's paragraphs sit together: find the element holding most content paragraphs as
/// children (full weight) or grandchildren (half weight), after Readability's candidate scoring, and
/// return a test that keeps blocks within its parent's subtree, plus any other group of paragraphs
/// at least half as large. Teaser excerpts of other stories, one short paragraph per card, fail it.
fn core_scope<'a>(
    snap: &'a Snapshot,
    inside: &[&Block],
    main: NodeId,
) -> impl Fn(&Block) -> bool + 'a {
    let mut local: rustc_hash::FxHashMap<NodeId, f64> = Default::default();
    let mut group: rustc_hash::FxHashMap<NodeId, f64> = Default::default();
    for b in inside.iter().filter(|b| is_content_block(b)) {
        let c = b.chars() as f64;
        // a table's rows count with the blocks around the table (a list of films under its intro)
        let parent = above_rows(snap, snap.nodes[b.element as usize].parent.unwrap_or(main));
        *local.entry(parent).or_default() += c;
        *group.entry(parent).or_default() += c;
        if let Some(gp) = snap.nodes[parent as usize].parent {
            *local.entry(gp).or_default() += c * 0.5;
        }
    }
    let core = local
        .iter()
        .filter(|(&e, _)| e >= main)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(&e, _)| e);
    let core_size = core.and_then(|c| group.get(&c)).copied().unwrap_or(0.0);
    let scope = core.map(|c| match snap.nodes[c as usize].parent {
        Some(p) if p >= main => p,
        _ => c,
    });
    let in_scope = move |el: NodeId| {
        let Some(scope) = scope else { return true };
        if el == scope || snap.is_descendant(el, scope) {
            return true;
        }
        let parent = above_rows(snap, snap.nodes[el as usize].parent.unwrap_or(main));
        // an article split into sections of the same shape (NYT's companion columns, a how-to's
        // steps): the block is in, or is, an element shaped like the core under one shaped like
        // the scope (a step's own sub-head and list included)
        let same_shape = core.is_some_and(|c| {
            std::iter::once(el)
                .chain(snap.ancestors(el))
                .take_while(|&a| a > main)
                .any(|a| {
                    signature(snap, Some(a)) == signature(snap, Some(c))
                        && signature(snap, snap.nodes[a as usize].parent)
                            == signature(snap, Some(scope))
                })
        });
        same_shape || group.get(&parent).copied().unwrap_or(0.0) >= core_size * 0.5
    };
    // the tab widgets (the parents of `role=tabpanel` elements) one of whose panels is in scope
    let widgets: Vec<NodeId> = inside
        .iter()
        .filter(|b| is_content_block(b) && in_scope(b.element))
        .filter_map(|b| tab_widget(snap, b.element, main))
        .collect();
    move |b: &Block| {
        in_scope(b.element)
            || tab_widget(snap, b.element, main).is_some_and(|w| widgets.contains(&w))
    }
}

/// The tab widget that `el` is shown in: the parent of its nearest `role=tabpanel` ancestor-or-self
/// below `main`. WAI-ARIA's tab pattern shows one panel of a tab list at a time, each panel a part
/// of the same content (a product page's "Themes", "Add-ons" and "Awesome Bar" tabs), so when one
/// panel belongs to the article the others do too, however short their text; Readability, which
/// reads no roles, keeps them all with their container.
fn tab_widget(snap: &Snapshot, el: NodeId, main: NodeId) -> Option<NodeId> {
    std::iter::once(el)
        .chain(snap.ancestors(el))
        .take_while(|&a| a > main)
        .find(|&a| snap.nodes[a as usize].attr("role") == Some("tabpanel"))
        .and_then(|a| snap.nodes[a as usize].parent)
}

/// Tag and first class of an element: what repeated sections of one article share
/// (modifier classes such as `block-text_initial-letter` vary).
fn signature(snap: &Snapshot, id: Option<NodeId>) -> Option<(&str, &str)> {
    let n = &snap.nodes[id? as usize];
    let first_class = n.attr("class").and_then(|c| c.split_whitespace().next());
    Some((n.tag.as_str(), first_class.unwrap_or("")))
}

/// `<meta>` keys that give the publication date, most preferred first.
const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc:date",
    "dc:date:issued",
    "dcterm:created",
    "dcterms:created",
    "parsely-pub-date",
    "sailthru:date",
];

/// The publication date as ISO 8601, from the first source that states one readably: JSON-LD
/// `datePublished`, the date `<meta>` keys ([`DATE_META_KEYS`], each in order), a microdata
/// `itemprop=datePublished` element (its `content` or `datetime`; the snapshot keeps no `title`), then the first
/// `<time datetime>`. Values that [`iso_date`] cannot read as a date are passed over.
fn published_date(snap: &Snapshot, metas: &Metas<'_>, ld: Option<&Value>) -> Option<String> {
    let ld_date = ld
        .and_then(|v| v.get("datePublished"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let meta_dates = DATE_META_KEYS.iter().map(|k| meta_content(metas, &[k]));
    let microdata = snap.nodes.iter().find_map(|n| {
        n.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished"))
            .then(|| ["content", "datetime"].iter().find_map(|a| n.attr(a)))
            .flatten()
            .map(str::to_string)
    });
    let time = snap
        .nodes
        .iter()
        .filter(|n| n.tag == "time")
        .find_map(|n| n.attr("datetime").map(str::to_string));
    let dates: Vec<String> = std::iter::once(ld_date)
        .chain(meta_dates)
        .chain([microdata, time])
        .flatten()
        .filter_map(|d| iso_date(&d))
        .collect();
    // a day alone ("November 19, 2019" in JSON-LD) gives way to a later source with the time of that day
    let first = dates.first()?;
    dates
        .iter()
        .find(|d| d.len() > first.len() && d.starts_with(first.as_str()))
        .or(Some(first))
        .cloned()
}

/// A stated date as ISO 8601 (`2015-03-25`, `2015-03-25T08:05:41-07:00`), or `None` when it is
/// none. Reads ISO 8601 and RFC 3339 forms with a space for `T` or an offset without its colon
/// (`2020-11-11 12:00:00.000-0600`), `2015/03/25`, `5/29/2007` and `29/05/2007` when the day is
/// unambiguous (over 12), `2015年3月25日`, and `March 25, 2015` / `25 March 2015`. The year must be
/// between 1900 and 2100 (CMS placeholders such as 0001-01-01 are no dates).
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let num = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let ymd = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    // the date part ends at the first space or 'T' (ISO) — or the whole string for written dates
    let (date, rest) = match s.find([' ', 'T']) {
        Some(k) => (&s[..k], s[k + 1..].trim()),
        None => (s, ""),
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let day = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(num(y)?, num(m)?, num(d)?),
        [a, b, y] if y.len() == 4 => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            match (a > 12, b > 12) {
                (true, false) => ymd(y, b, a),
                (false, true) => ymd(y, a, b),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(day) = day {
        return Some(match iso_time(rest) {
            Some(t) => format!("{day}T{t}"),
            None => day,
        });
    }
    // 2015年3月25日
    if let Some((y, r)) = s.split_once('年') {
        let (m, r) = r.split_once('月')?;
        let d = r.split('日').next()?;
        return ymd(num(y.trim())?, num(m.trim())?, num(d.trim())?);
    }
    // March 25, 2015 / 25 March 2015 (English month names)
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        MONTHS[..24].iter().position(|m| *m == w).map(|i| {
            if i < 12 {
                i as u32 + 1
            } else {
                MONTH_OF_ABBR[i - 12]
            }
        })
    };
    match words.as_slice() {
        [m, d, y, ..] if month(m).is_some() => ymd(
            num(y)?,
            month(m)?,
            num(d.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']))?,
        ),
        [d, m, y, ..] if month(m).is_some() => {
            ymd(num(y)?, month(m)?, num(d.trim_end_matches('.'))?)
        }
        _ => None,
    }
}

/// Month numbers of the abbreviations in [`MONTHS`] (`jan` … `dec`, after the twelve full names).
const MONTH_OF_ABBR: [u32; 12] = [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12];

/// The time of day after an ISO date, normalised: `08:05:41-0700` → `08:05:41-07:00`, `12:00Z`.
fn iso_time(t: &str) -> Option<String> {
    let t = t.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(t.len());
    let (clock, zone) = (&t[..end], t[end..].trim());
    let fields: Vec<&str> = clock.split(':').collect();
    let ok = (2..=3).contains(&fields.len())
        && fields[..2]
            .iter()
            .all(|f| f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        return None;
    }
    let zone = match zone.as_bytes() {
        [] => String::new(),
        [b'Z', ..] | [b'U', b'T', b'C'] | [b'G', b'M', b'T'] => "Z".into(),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let digits: String = rest
                .iter()
                .filter(|b| b.is_ascii_digit())
                .map(|&b| b as char)
                .collect();
            match digits.len() {
                4 => format!("{}{}:{}", *sign as char, &digits[..2], &digits[2..]),
                2 => format!("{}{}:00", *sign as char, digits),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    Some(format!("{clock}{zone}"))
}

/// Languages written right to left (ISO 639-1/3 primary subtags).
const RTL_LANGUAGES: &[&str] = &[
    "ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb",
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The `dir` (`ltr` or `rtl`) an element's text inherits: its own or its nearest ancestor's, as HTML
/// inherits the attribute (`auto` and other values are passed over).
fn inherited_dir(snap: &Snapshot, el: NodeId) -> Option<String> {
    std::iter::once(el)
        .chain(snap.ancestors(el))
        .filter_map(|a| snap.nodes[a as usize].attr("dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .find(|d| d == "rtl" || d == "ltr")
}

/// Paragraphs whose strong characters are mostly right-to-left, over the first 20 paragraphs: how a
/// browser's `dir=auto` decides (UAX #9's strong classes), counted over all letters rather than the
/// first one so a Latin name at the start does not decide. Letters of the right-to-left blocks
/// ([`is_rtl_letter`]) count as R/AL, every other letter as L. (The `unicode-bidi` crate's class
/// table would be exact but costs 6.2 KB of the gzipped wasm, measured: 244,017 -> 250,188 bytes,
/// over the 250,000-byte budget.)
fn is_rtl_text(paragraphs: &[Block]) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in paragraphs
        .iter()
        .take(20)
        .flat_map(|p| p.text.chars())
        .filter(|c| c.is_alphabetic())
    {
        if is_rtl_letter(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// A character of the Unicode blocks of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and the Arabic extensions (U+0590–08FF), the Hebrew and Arabic presentation
/// forms (U+FB1D–FDFF, U+FE70–FEFF), and the supplementary-plane right-to-left ranges (U+10800–10FFF,
/// U+1E800–1EFFF: Phoenician, Kharoshthi, Adlam …), which UAX #9 gives class R or AL by default.
fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

// ---------------------------------------------------------------- metadata

/// The page's `<meta>` elements with the keys each declares, normalised ([`meta_key`]), read once per
/// page: every metadata field looks its keys up here (before, each lookup scanned the page and
/// normalised every key again). A `property` attribute may list several keys (`property="og:title
/// twitter:title"`, RDFa), `name` gives one; `property` keys come first.
struct Metas<'a> {
    /// The `<meta>` elements, in page order.
    list: Vec<Meta<'a>>,
}

/// One `<meta>` element and its normalised keys.
struct Meta<'a> {
    /// The keys its `property` attribute declares.
    property: Vec<String>,
    /// The key its `name` attribute gives.
    name: Option<String>,
    node: &'a crate::snapshot::Node,
}

impl Meta<'_> {
    /// Does its `property` declare `key`?
    fn declares_property(&self, key: &str) -> bool {
        self.property.iter().any(|k| k == key)
    }
    /// Is `key` one of its keys (`property` or `name`)?
    fn declares(&self, key: &str) -> bool {
        self.declares_property(key) || self.name.as_deref() == Some(key)
    }
}

impl<'a> Metas<'a> {
    fn of(snap: &'a Snapshot) -> Metas<'a> {
        let list = snap
            .nodes
            .iter()
            .filter(|n| n.tag == "meta")
            .map(|node| Meta {
                property: node
                    .attr("property")
                    .map(|p| p.split_whitespace().map(meta_key).collect())
                    .unwrap_or_default(),
                name: node.attr("name").map(|n| meta_key(n.trim())),
                node,
            })
            .collect();
        Metas { list }
    }
}

/// One `<meta>` key, normalised: lowercased, `DC.title` read as `dc:title`.
fn meta_key(k: &str) -> String {
    k.to_lowercase().replace('.', ":")
}

/// The first non-empty `content` of a `<meta>` whose keys include one of `keys`, trying the keys in
/// order (most preferred first); a `property` declaration wins over a `name` one for the same key.
fn meta_content(metas: &Metas<'_>, keys: &[&str]) -> Option<String> {
    let content =
        |n: &crate::snapshot::Node| n.attr("content").map(collapse_ws).filter(|c| !c.is_empty());
    for key in keys {
        let by_property = metas
            .list
            .iter()
            .find_map(|m| m.declares_property(key).then(|| content(m.node)).flatten());
        if by_property.is_some() {
            return by_property;
        }
        let any = metas
            .list
            .iter()
            .find_map(|m| m.declares(key).then(|| content(m.node)).flatten());
        if any.is_some() {
            return any;
        }
    }
    None
}

/// Every non-empty `content` of the `<meta>` elements that declare `key`: those that declare it as a
/// `property` when there are any, else those that name it.
fn meta_all(metas: &Metas<'_>, key: &str) -> Vec<String> {
    let declaring: Vec<&Meta<'_>> = metas
        .list
        .iter()
        .filter(|m| m.node.attr("content").is_some_and(|c| !c.trim().is_empty()) && m.declares(key))
        .collect();
    let any_property = declaring.iter().any(|m| m.declares_property(key));
    declaring
        .into_iter()
        .filter(|m| !any_property || m.declares_property(key))
        .filter_map(|m| m.node.attr("content").map(collapse_ws))
        .collect()
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "WebPage",
    "Review",
    "BackgroundNewsArticle",
];

/// The first JSON-LD object whose `@type` is an article type.
fn json_ld_article(snap: &Snapshot) -> Option<Value> {
    fn find(v: &Value) -> Option<&Value> {
        match v {
            Value::Array(a) => a.iter().find_map(find),
            Value::Object(o) => {
                let ty_ok = match o.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if ty_ok && (o.contains_key("headline") || o.contains_key("author")) {
                    return Some(v);
                }
                o.get("@graph").and_then(find)
            }
            _ => None,
        }
    }
    snap.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == "script")
        .filter_map(|(i, _)| {
            // the script's own text nodes: its subtree is the run of nodes after it whose parent is
            // it or in that run (pre-order), and its children are the ones whose parent is it
            let text: String = snap.nodes[i + 1..]
                .iter()
                .take_while(|c| c.parent.is_some_and(|p| p as usize >= i))
                .filter(|c| c.parent == Some(i as NodeId))
                .filter_map(|c| c.text.as_deref())
                .collect();
            serde_json::from_str::<Value>(strip_cdata(&text)).ok()
        })
        .find_map(|v| find(&v).cloned())
}

/// A script's text without the XHTML `<![CDATA[ … ]]>` wrapper (also commented out, `//<![CDATA[`)
/// that some sites put around their JSON-LD.
fn strip_cdata(text: &str) -> &str {
    let t = text.trim();
    let t = t.strip_prefix("//").unwrap_or(t).trim_start();
    match t.strip_prefix("<![CDATA[") {
        Some(inner) => {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix("]]>").unwrap_or(inner).trim_end();
            inner.strip_suffix("//").unwrap_or(inner).trim()
        }
        None => text.trim(),
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(o) => o.get("name").map(names_of).unwrap_or_default(),
        _ => vec![],
    }
}

/// Words that open a credit line, lowercased and with their trailing space or colon ("By Ann Lee",
/// "Par Ann Lee", "Written by Ann Lee", "作者：李明", "文/李明"): cut before the name.
const BYLINE_CUES: &[&str] = &[
    "written by ",
    "posted by ",
    "words by ",
    "story by ",
    "reporting by ",
    "text by ",
    "by ",
    "par ",
    "von ",
    "por ",
    "door ",
    "author: ",
    "autor: ",
    "auteur : ",
    "auteur: ",
    "作者：",
    "作者:",
    "文／",
    "文/",
    "记者：",
    "記者：",
];

/// "Analysis by …", "Photos and text by …": at most this many words before "by".
const MAX_CREDIT_KIND_WORDS: usize = 3;

/// Lowercased phrases that begin another credit or a dateline after the author's name ("Written by A
/// Edited by B", "By A Updated March 3"): the byline ends there.
const BYLINE_ENDS: &[&str] = &[
    " edited by ",
    " photos by ",
    " photographs by ",
    " photography by ",
    " illustrations by ",
    " illustration by ",
    " additional reporting",
    " updated ",
    " last updated",
    " published ",
    " posted on ",
    " mis à jour",
    " aktualisiert",
    " actualizado",
];

/// Month names and abbreviations (English, French, German, Spanish, Portuguese) that open a date
/// glued after a byline ("By Nathan Willis March 25, 2015"); only cut when a number follows, so
/// "June Smith" stays a name.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// Connecting words left dangling before a cut-off date ("By Ann Lee on", "Par Ann Lee le").
const DATE_LEADS: &[&str] = &[
    "on", "at", "le", "am", "el", "il", "em", "the", "-", "–", "—", "|", "·",
];

/// Remove the credit cue before a byline and whatever follows the names (another credit, a date):
/// "Written by Rob Ewaschuk Edited by Betsy Beyer" → "Rob Ewaschuk", "By Nathan Willis March 25,
/// 2015" → "Nathan Willis". Bylines glued to dates and role credits are how Readability's bylines
/// most often go wrong.
fn byline_core(s: &str) -> String {
    let mut s = collapse_ws(s);
    let lower = s.to_lowercase();
    if let Some(cue) = BYLINE_CUES.iter().find(|c| lower.starts_with(*c)) {
        s = s[cue.len()..].trim_start().to_string();
    } else if let Some(k) = lower.find(" by ").filter(|&k| {
        // a kind of piece before "by": "Analysis by", "Opinion by", "Photos and text by"
        lower[..k].split_whitespace().count() <= MAX_CREDIT_KIND_WORDS
    }) {
        s = s[k + 4..].trim_start().to_string();
    }
    let lower = s.to_lowercase();
    if let Some(cut) = BYLINE_ENDS.iter().filter_map(|e| lower.find(e)).min() {
        s.truncate(cut);
    }
    // a date: the first word with a digit, with a month or weekday name just before it
    let words: Vec<&str> = s.split(' ').collect();
    if let Some(mut k) = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        let is_date_word = |w: &str| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            MONTHS.contains(&w.as_str())
        };
        while k > 0 && is_date_word(words[k - 1]) {
            k -= 1;
        }
        while k > 0 && DATE_LEADS.contains(&words[k - 1].to_lowercase().trim_end_matches(',')) {
            k -= 1;
        }
        s = words[..k].join(" ");
    }
    s.trim()
        .trim_end_matches([',', ';', '.', '—', '–', '-', '|', ':', '·'])
        .trim()
        .to_string()
}

/// Split a byline string into author names: "By A and B, Reporters" → ["A", "B"].
pub fn split_byline(s: &str) -> Vec<String> {
    let s = byline_core(s);
    let s = s.split(['|', '\n', '•']).next().unwrap_or("");
    // "&" joins two people ("Ann Lee & Bo Chan") or is part of one name ("Mac & i", "Marks & Spencer")
    let amp_joins_people = s
        .split(" & ")
        .all(|side| side.split_whitespace().count() >= 2);
    let s = if amp_joins_people {
        s.replace(" & ", ",")
    } else {
        s.to_string()
    };
    s.replace(" and ", ",")
        .replace(" et ", ",")
        .replace(" und ", ",")
        .replace(" y ", ",")
        .replace(" e ", ",")
        .replace(['、', '，'], ",")
        .split([',', ';'])
        .map(|p| {
            p.trim()
                .trim_end_matches(['.', '—', '–', '-', '|', ':'])
                .trim()
                .to_string()
        })
        .enumerate()
        // after the first name, a part must look like another person's name ("A, B and C"), not
        // an affiliation ("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy")
        .filter(|(i, p)| is_name_like(p) && (*i == 0 || is_second_name(p)))
        .map(|(_, p)| p)
        .collect()
}

/// Name particles written in lower case inside a surname ("Michiel de Jong", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "di", "du", "del", "della", "der", "den", "van", "von", "ten",
    "ter", "la", "le", "bin", "al",
];

/// One person written "Last, First" as Dublin Core and library catalogues do ("Kooman, F.", "Jong,
/// Michiel de"), turned to reading order ("F. Kooman", "Michiel de Jong"). Only when the form is
/// unambiguous: one surname word before the comma and, after it, given names that include an
/// initial or a particle, so "Reuters, Bloomberg" or "Ann Lee, Bo Chan" stay two names.
fn uninvert_name(s: &str) -> Option<String> {
    let (last, first) = s.split_once(',')?;
    let (last, first) = (last.trim(), first.trim());
    if first.contains([',', ';']) || last.split_whitespace().count() != 1 {
        return None;
    }
    let words: Vec<&str> = first.split_whitespace().collect();
    let initial = |w: &str| {
        w.ends_with('.')
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let ok = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| initial(w) || capitalised(w) || NAME_PARTICLES.contains(w))
        && words
            .iter()
            .any(|w| initial(w) || NAME_PARTICLES.contains(w))
        && capitalised(last);
    let name = format!("{first} {last}");
    (ok && is_name_like(&name)).then_some(name)
}

/// An author's name as a page's metadata declares it (one `<meta>` value or JSON-LD `name`), with
/// a parenthesised web address dropped ("Bradley M. Kuhn (http://ebb.org/bkuhn/)").
fn declared_value(s: &str) -> String {
    let s = collapse_ws(s);
    match (s.find('('), s.rfind(')')) {
        (Some(a), Some(b)) if a < b && s[a..b].contains("://") => {
            collapse_ws(&format!("{} {}", &s[..a], &s[b + 1..]))
        }
        _ => s,
    }
}

/// People named by one metadata value: "Last, First" turned round, else the value split like a
/// visible byline.
fn declared_people(s: &str) -> Vec<String> {
    let s = declared_value(s);
    match uninvert_name(&s) {
        Some(n) => vec![n],
        None => split_byline(&s),
    }
}

/// A metadata author that is no person's name but still the page's declared author: an outlet
/// or a collective ("BBC News", "Contributors to Wikimedia projects"). Used only when neither the
/// metadata nor the page names a person.
fn is_declared_author(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=MAX_DECLARED_AUTHOR_WORDS).contains(&words)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
        && !s.contains("://")
        && !s.contains('@')
        && !s.contains(',')
        && !s.to_lowercase().contains(" by ")
        && !s.starts_with("www.")
}

/// An organisation named as author has at most this many words.
const MAX_DECLARED_AUTHOR_WORDS: usize = 6;

fn is_second_name(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !words
            .iter()
            .any(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase()))
}

/// The byline shown on the page: the first `rel=author` link, `itemprop=author` element or
/// byline/author-classed element after the headline (teaser lists of other stories carry bylines
/// too), then anywhere. Links and properties collect their siblings, so two author links give two
/// names.
fn visible_byline(snap: &Snapshot, headline: Option<NodeId>) -> Vec<String> {
    let n = snap.nodes.len();
    let start = headline.map_or(0, |h| h as usize);
    let is_author_ref = |node: &crate::snapshot::Node| {
        (node.tag == "a"
            && node
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "author")))
            || node.attr("itemprop").is_some_and(|p| p.contains("author"))
    };
    let in_nav = navigation_regions(snap);
    let is_candidate = |i: usize| {
        let node = &snap.nodes[i];
        if node.is_text()
            || !node.visible
            || in_nav[i]
            || matches!(node.tag.as_str(), "meta" | "link" | "head")
        {
            return false;
        }
        let ic = node.id_class();
        ic.contains("byline") || ic.contains("author") || is_author_ref(node)
    };
    let names_at = |i: usize| {
        let node = &snap.nodes[i];
        let text = collapse_ws(&snap.text_content(i as NodeId));
        if text.is_empty() || more_words_than(&text, MAX_BYLINE_WORDS) {
            return Vec::new();
        }
        let mut names = Vec::new();
        if is_author_ref(node) {
            // every author reference under the same parent
            let scope = node.parent.unwrap_or(i as NodeId);
            let end = snap.subtree_end(scope);
            for k in scope as usize..end {
                if is_author_ref(&snap.nodes[k]) {
                    push_unique(&mut names, split_byline(&snap.text_content(k as NodeId)));
                }
            }
        } else {
            names = split_byline(&text);
        }
        names
    };
    let mut i = start;
    let mut wrapped = false;
    loop {
        if i >= n {
            if wrapped || start == 0 {
                break;
            }
            (i, wrapped) = (0, true);
        }
        if wrapped && i >= start {
            break;
        }
        if !is_candidate(i) {
            i += 1;
            continue;
        }
        // innermost first: a byline box ("Tech Insider Alex Perry 1 day ago") holds the author's
        // own element, which names them without the outlet or the date
        let end = snap.subtree_end(i as NodeId);
        let mut inner: Vec<(usize, usize)> = (i..end)
            .filter(|&k| is_candidate(k))
            .map(|k| (snap.ancestors(k as NodeId).count(), k))
            .collect();
        crate::sort::by_key(&mut inner, |&(depth, k)| (std::cmp::Reverse(depth), k));
        if let Some(names) = inner
            .into_iter()
            .map(|(_, k)| names_at(k))
            .find(|names| !names.is_empty())
        {
            return names;
        }
        i = end;
    }
    Vec::new()
}

/// Credit cues that open an unmarked byline line, as written (capitalised: "By the numbers" in running
/// text is lower-case after a full stop only rarely, and "by" inside a sentence is no cue).
const LINE_CUES: &[&str] = &[
    "By ",
    "BY ",
    "Par ",
    "Von ",
    "Por ",
    "Door ",
    "Written by ",
    "作者：",
    "作者:",
    "文／",
    "文/",
    "记者：",
    "記者：",
];
/// An unmarked byline line has at most this many words ...
const MAX_CUE_LINE_WORDS: usize = 12;
/// ... among the first this many text blocks after the headline.
const CUE_LINE_BLOCKS: usize = 8;

/// A byline line with no byline markup: one of the first text blocks after the displayed headline
/// that is short and opens with a credit cue ("By Ann Lee and Bo Chan", "Par Ann Lee", "作者：李明"),
/// where the rest is people's names (two words or more each, or a name in a script without case).
fn cue_byline(blocks: &[Block], headline: Option<NodeId>) -> Vec<String> {
    // the displayed headline, else the first <h1>
    let Some(h) = headline.or_else(|| {
        blocks
            .iter()
            .find(|b| b.heading == Some(1))
            .map(|b| b.element)
    }) else {
        return Vec::new();
    };
    blocks
        .iter()
        .filter(|b| b.element > h)
        .take(CUE_LINE_BLOCKS)
        .filter(|b| {
            LINE_CUES.iter().any(|c| b.text.starts_with(c))
                && !more_words_than(&b.text, MAX_CUE_LINE_WORDS)
        })
        .map(|b| split_byline(&b.text))
        .find(|names| !names.is_empty() && names.iter().all(|n| is_person_shaped(n)))
        .unwrap_or_default()
}

/// A person's name by its shape: two words or more, each capitalised or a name particle ("Ann Lee",
/// "Michiel de Jong"), or a name in a script without case ("李明").
fn is_person_shaped(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    let uncased = n
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
    uncased
        || (words.len() >= 2
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w)
            }))
}

/// For every node: is it inside site navigation (`<nav>`, `<menu>`, `role=navigation`, or an
/// element below `<body>` whose class or id starts or ends in "nav": "globalNav", "navbar",
/// "site-navigation"; a page-wide modifier such as `<body class="mobile-nav-from-left">` is none)?
/// A menu entry named "Bylines" or "Authors" is no byline.
fn navigation_regions(snap: &Snapshot) -> Vec<bool> {
    let mut flags = vec![false; snap.nodes.len()];
    for (i, node) in snap.nodes.iter().enumerate() {
        let parent = node.parent.is_some_and(|p| flags[p as usize]);
        flags[i] = parent
            || (!node.is_text()
                && (matches!(node.tag.as_str(), "nav" | "menu")
                    || node
                        .attr("role")
                        .is_some_and(|r| r == "navigation" || r == "menubar")
                    || (!matches!(node.tag.as_str(), "html" | "body" | "main" | "article")
                        && node.id_class().split_whitespace().any(|w| {
                            w.starts_with("nav") || w.ends_with("nav") || w.ends_with("navigation")
                        }))));
    }
    flags
}

/// A byline element longer than this is an author bio, not a byline.
const MAX_BYLINE_WORDS: usize = 25;

/// Words of job titles and bylines' furniture that never belong to a name.
const NOT_NAME_WORDS: &[&str] = &[
    "staff",
    "senior",
    "technologist",
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "contributor",
    "columnist",
    "producer",
    "analyst",
    "follow",
    "updated",
    "published",
    "posted",
    "news",
    "health",
    "contributing",
    "associate",
    "chief",
    "bureau",
    "desk",
    "team",
    "photos",
    "photo",
    "video",
    "read",
    "more",
    "email",
    "twitter",
    "facebook",
    "sign",
    "login",
    "control",
    "by",
    "par",
    "von",
];

/// A plausible person or outlet name: 1–5 words, starts with an uppercase letter or a letter of a
/// script without case (Chinese, Japanese, Arabic …: "肖春芳"), no URL, no digits. Words are counted
/// by spaces, as a name in an unspaced script is one run of characters.
fn is_name_like(s: &str) -> bool {
    let wc = s.split_whitespace().count();
    if s.split_whitespace().any(|w| {
        NOT_NAME_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    }) {
        return false;
    }
    (1..=5).contains(&wc)
        && s.chars().count() <= MAX_NAME_CHARS
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        && !s.contains("://")
        && !s.contains('@')
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// A name (or a byline's names) is at most this many characters long.
const MAX_NAME_CHARS: usize = 60;

fn push_unique(v: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for it in items {
        if !v.iter().any(|x| x.eq_ignore_ascii_case(&it)) {
            v.push(it);
        }
    }
}

/// Remove a site-name prefix or suffix from a `<title>`: "Headline | Site", "Site - Headline".
///
/// Segments equal to the site's name go wherever they are; without a match, a short last segment (at
/// most 4 words after a headline of at least 3) is taken for the site's or section's name, and then
/// more only behind the same separator, so a headline's own dash stays ("Friday Facts #282 - 0.17 in
/// sight | Factorio") while "Headline | Section | Site" loses both.
pub fn clean_title(title: &str, site: Option<&str>) -> String {
    const SEPS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];
    strip_site(&collapse_ws(title), site, SEPS)
}

/// `guess_seps`: the separators after which a short last segment may still be guessed to be the
/// site's name (after one guess, only the same separator again: "Headline | Section | Site").
fn strip_site(title: &str, site: Option<&str>, guess_seps: &[&str]) -> String {
    // " @ " joins a blog post's title to its blog's name ("Post @ Blog"): cut only at the site's name
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", " @ ",
    ];
    for sep in SEPS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let site_match = site.is_some_and(|s| {
                s.eq_ignore_ascii_case(tail) || s.to_lowercase().contains(&tail.to_lowercase())
            });
            if site_match {
                return strip_site(head, site, &[]);
            }
            if guess_seps.contains(sep) && word_count(tail) <= 4 && word_count(head) >= 3 {
                let same = SEPS.iter().position(|s| s == sep).unwrap_or(0);
                return strip_site(head, site, &SEPS[same..=same]);
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if site.is_some_and(|s| s.eq_ignore_ascii_case(head)) && word_count(tail) >= 3 {
                return tail.to_string();
            }
        }
    }
    title.to_string()
}

/// An `<h1>` that differs from the metadata title is still the headline the reader sees when it
/// reads like one: several words, not the site's name, and sharing a word with the title (a logo
/// `<h1>` or a section name does not).
fn is_displayed_headline(h1: &Block, site: Option<&str>, meta_title: Option<&str>) -> bool {
    let words = word_count(&h1.text);
    let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(&h1.text));
    let shares_word = meta_title.is_some_and(|t| {
        // the title without its site name: a logo <h1> shares only the site's words
        let tw = crate::text::word_tokens(&clean_title(t, site));
        crate::text::word_tokens(&h1.text)
            .iter()
            .any(|w| w.chars().count() > 3 && tw.contains(w))
    });
    (MIN_H1_HEADLINE_WORDS..=MAX_H1_HEADLINE_WORDS).contains(&words)
        && !is_site
        && shares_word
        && h1.link_density() < 0.5
}

/// An `<h1>` headline has at least this many words ...
const MIN_H1_HEADLINE_WORDS: usize = 4;
/// ... and at most this many.
const MAX_H1_HEADLINE_WORDS: usize = 40;

fn similar(a: &str, b: &str) -> bool {
    let ta: Vec<String> = crate::text::word_tokens(a);
    let tb: Vec<String> = crate::text::word_tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let common = ta.iter().filter(|t| tb.contains(t)).count();
    common as f64 / ta.len().max(tb.len()) as f64 >= 0.75
}

/// `<meta>` keys ([`Metas`]) that give the document's title, most preferred first: Dublin Core,
/// Open Graph, the plain `title` meta, Twitter cards, Parse.ly (the order Mozilla Readability uses).
const TITLE_META_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// `<meta>` keys that name the author(s), most preferred first; the first that names anyone is used.
const BYLINE_META_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru:author",
];

/// The authors, from the most to the least explicit source: people named by JSON-LD `author`
/// (every entry of an array), else by the first byline `<meta>` key that names anyone (every element
/// with it: several authors), else the byline shown on the page ([`visible_byline`]); only then an
/// outlet or collective the metadata declares as author ("BBC News"), and last `twitter:creator`
/// when it is a name rather than a handle.
fn byline(
    snap: &Snapshot,
    metas: &Metas<'_>,
    ld: Option<&Value>,
    headline: Option<NodeId>,
    blocks: &[Block],
) -> Vec<String> {
    let ld_vals = ld
        .and_then(|v| v.get("author"))
        .map(names_of)
        .unwrap_or_default();
    let people = |vals: &[String]| {
        let mut out = Vec::new();
        push_unique(&mut out, vals.iter().flat_map(|v| declared_people(v)));
        out
    };
    let mut names = people(&ld_vals);
    let meta_vals: Vec<Vec<String>> = BYLINE_META_KEYS
        .iter()
        .map(|k| meta_all(metas, k))
        .collect();
    for vals in &meta_vals {
        if names.is_empty() {
            names = people(vals);
        }
    }
    if names.is_empty() {
        names = visible_byline(snap, headline);
    }
    if names.is_empty() {
        names = cue_byline(blocks, headline);
    }
    if names.is_empty() {
        let declared = ld_vals.iter().chain(meta_vals.iter().flatten());
        if let Some(org) = declared
            .map(|v| declared_value(v))
            .find(|v| is_declared_author(v))
        {
            names.push(org);
        }
    }
    if names.is_empty() {
        names = people(&meta_all(metas, "twitter:creator"));
    }
    names
}

/// Gather metadata.
pub fn metadata(snap: &Snapshot, blocks: &[Block]) -> Metadata {
    let ld = json_ld_article(snap);
    let metas = &Metas::of(snap);
    let ld_str = |k: &str| {
        ld.as_ref()
            .and_then(|v| v.get(k))
            .and_then(|v| v.as_str())
            .map(collapse_ws)
            .filter(|s| !s.is_empty())
    };
    let site_name = meta_content(
        metas,
        &["og:site_name", "application-name", "twitter:site:name"],
    )
    .or_else(|| {
        ld.as_ref()
            .and_then(|v| v.get("publisher"))
            .and_then(|p| names_of(p).into_iter().next())
    });
    let title = snap
        .first_tag("title")
        .map(|t| collapse_ws(&snap.text_content(t)))
        .filter(|t| !t.is_empty());
    let meta_title = ld_str("headline").or_else(|| meta_content(metas, TITLE_META_KEYS));
    // the displayed <h1>: first visible h1 block
    let h1 = blocks
        .iter()
        .find(|b| b.heading == Some(1) && b.chars() > 3);
    let cleaned_title = title
        .as_deref()
        .map(|t| clean_title(t, site_name.as_deref()));
    let mut headline_node = None;
    let headline = match h1 {
        Some(b)
            if [meta_title.as_deref(), title.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| {
                    similar(&b.text, t)
                        || (t.contains(&b.text) && word_count(&b.text) * 5 >= word_count(t) * 3)
                })
                || is_displayed_headline(b, site_name.as_deref(), meta_title.as_deref()) =>
        {
            headline_node = Some(b.element);
            Some(b.text.clone())
        }
        _ => meta_title
            .map(|t| clean_title(&t, site_name.as_deref()))
            .or(cleaned_title)
            .or_else(|| h1.map(|b| b.text.clone())),
    };

    let byline = byline(snap, metas, ld.as_ref(), headline_node, blocks);

    let published = published_date(snap, metas, ld.as_ref());

    let root = snap.nodes.first();
    let body = snap.first_tag("body").map(|b| &snap.nodes[b as usize]);
    let lang = root
        .and_then(|r| r.attr("lang"))
        .or_else(|| body.and_then(|b| b.attr("lang")))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| meta_content(metas, &["og:locale", "content-language", "language"]));
    // the page's direction: <body>'s, else <html>'s (extract() prefers the article's own)
    let dir = snap
        .first_tag("body")
        .or(snap.nodes.first().map(|_| 0))
        .and_then(|b| inherited_dir(snap, b));
    let description = ld_str("description").or_else(|| {
        meta_content(
            metas,
            &["og:description", "twitter:description", "description"],
        )
    });
    let next_page = snap
        .nodes
        .iter()
        .find(|n| {
            n.tag == "link"
                && n.attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|r| r == "next"))
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    Metadata {
        next_page,
        headline,
        headline_node,
        byline,
        published,
        site_name,
        lang,
        dir,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(html: &str) -> Snapshot {
        Snapshot::from_html(html, None)
    }

    const PARA: &str =
        "This is a long enough paragraph of article text, with commas, and a full stop. \
        It goes on for a while so that it clearly counts as content rather than navigation, \
        and it says more, as real paragraphs do.";

    #[test]
    fn picks_article_over_navigation_and_related_links() {
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav><div class=story><h1>Big news today</h1>\
             <p>{PARA}</p><p>{PARA}</p><div class=share><a>Share on Facebook</a></div><p>{PARA}</p></div>\
             <aside class=related><ul><li><a href=/1>Another story headline that is long</a></li></ul></aside></body>"
        );
        let x = extract(&snap(&html));
        assert_eq!(x.paragraphs.len(), 3);
        assert!(x.paragraphs.iter().all(|p| p.text.starts_with("This is")));
    }

    #[test]
    fn hover_card_inside_a_paragraph_is_left_out() {
        let card = "<span class=person><a href=/p/ann>Ann Lee</a><span class=box><span><img src=a.jpg>\
            <a href=/p/ann>Ann Lee</a><a href=/s/1>Her latest story about the council budget vote</a>\
            <a href=/s/2>Another story of hers about the harbour works</a></span></span></span>";
        let html = format!(
            "<body><div class=story><p>{PARA}</p><p>The mayor, {card}, said on Monday that the plan \
             would go ahead, and that the council would vote on it in May.</p><p>{PARA}</p></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(
            texts[1].starts_with("The mayor, Ann Lee, said on Monday"),
            "{texts:?}"
        );
        assert!(!texts[1].contains("latest story"), "{texts:?}");
    }

    #[test]
    fn short_sentence_linking_its_source_is_kept() {
        let html = format!(
            "<body><div class=story><p>{PARA}</p><p>But a new report released on Monday by \
             <a href=/r>the Centre on Poverty and Inequality</a> calls that into question.</p><p>{PARA}</p>\
             <p>Follow the news desk on <a href=/f>Facebook</a>, <a href=/t>Twitter</a> and on our \
             <a href=/i>Instagram account</a>.</p></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].starts_with("But a new report"), "{texts:?}");
    }

    #[test]
    fn lone_paragraph_is_not_the_container() {
        let specs: String = (0..40)
            .map(|i| format!("<li>Spec {i}: fast</li>"))
            .collect();
        let html = format!(
            "<body><div class=entry><p>{PARA} {PARA}</p><div class=box><ul>{specs}</ul></div>\
             <p>The second paragraph of the piece tells the reader about prices, and ends.</p></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with("The second paragraph")),
            "{texts:?}"
        );
    }

    #[test]
    fn footer_inside_the_article_is_left_out_even_when_prose() {
        let html = format!(
            "<body><article><p>{PARA}</p><p>{PARA}</p><footer><ul><li><p>Doe, Jane. \
             \"A long cited source title about the hearing, with commas.\" The Daily Example. 15 May 2019.</p>\
             </li></ul></footer></article></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
    }

    #[test]
    fn table_cells_and_line_breaks_separate_words() {
        let html = format!(
            "<body><div class=story><p>{PARA}</p><table><tr><th>Ticker</th><th>Last</th></tr></table>\
             <p>First line<br>second line of the verse, and a little more text to read.</p><p>{PARA}</p></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.contains(&"Ticker Last"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("First line second line")),
            "{texts:?}"
        );
    }

    #[test]
    fn index_page_has_no_article() {
        let cards: String = (0..10)
            .map(|i| format!("<div class=card><a href=/{i}><h3>Teaser headline number {i} about things</h3></a></div>"))
            .collect();
        let x = extract(&snap(&format!("<body><main>{cards}</main></body>")));
        assert!(x.main.is_none());
    }

    /// Ten teaser cards: a title link, a one- or two-sentence teaser and a byline with a date each.
    fn teaser_cards(class: &str) -> String {
        (0..10)
            .map(|i| {
                format!(
                    "<div class={class}><h3><a href=/{i}>Teaser headline number {i} about the day</a></h3>\
                     <p>Officials met again on Monday to talk about item {i}, and a deal was close. \
                     Both sides said so.</p><p>By <a href=/by/{i}>Ana Lima</a> · 30 November</p></div>"
                )
            })
            .collect()
    }

    #[test]
    fn index_of_teasers_with_text_has_no_article() {
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav><main><h1>World</h1>\
             <p>News and comment from our correspondents.</p><div class=stream>{}</div></main>\
             <footer><p>{PARA}</p></footer></body>",
            teaser_cards("teaser")
        );
        assert!(extract(&snap(&html)).main.is_none());
        // the same records as list items without classes
        let items = teaser_cards("x")
            .replace("<div class=x>", "<li>")
            .replace("</div>", "</li>");
        let html = format!("<body><main><h1>Search results</h1><ul>{items}</ul></main></body>");
        assert!(extract(&snap(&html)).main.is_none());
    }

    #[test]
    fn article_with_a_rail_of_teasers_is_an_article() {
        // a short story (two paragraphs) with ten teasers inside the same container: a rail named as one
        let story = format!("<h1>Harbour talks resume</h1><p>{PARA}</p><p>{PARA}</p>");
        let html = format!(
            "<body><main>{story}<section class=related-stories>{}</section></main></body>",
            teaser_cards("teaser")
        );
        let x = extract(&snap(&html));
        assert!(x.main.is_some());
        assert!(x.paragraphs.iter().any(|p| p.text.starts_with("This is")));
        // an unnamed rail beside a story of its own length
        let html = format!(
            "<body><main>{story}<p>{PARA}</p><p>{PARA}</p><div>{}</div></main></body>",
            teaser_cards("teaser")
        );
        assert!(extract(&snap(&html)).main.is_some());
    }

    #[test]
    fn listicle_items_longer_than_teasers_are_an_article() {
        let items: String = (0..8)
            .map(|i| format!("<div class=item><h2><a href=/{i}>Number {i} on the list of films</a></h2><p>{PARA}</p><p>{PARA}</p></div>"))
            .collect();
        let html =
            format!("<body><article><h1>The best films of the year</h1>{items}</article></body>");
        assert!(extract(&snap(&html)).main.is_some());
    }

    #[test]
    fn page_of_headings_over_fragments_has_no_article() {
        // a page of samples: a heading over each (dropped) equation, two sentences of prose in all
        let heads: String = (0..8)
            .map(|i| format!("<h2>Sample formula number {i}</h2><div><svg></svg></div>"))
            .collect();
        let prose = "<p>Finally, while display samples look good on a page of their own, the ability to \
                     mix them with the text of a paragraph matters too. This expression</p><p>is an \
                     example of an inline one, and as you can see it can be used this way as well, \
                     without disturbing the spacing between the lines.</p>";
        let html = format!("<body><h1>Samples</h1>{heads}<h2>Inline</h2>{prose}</body>");
        assert!(extract(&snap(&html)).main.is_none());
        // the same prose under two sub-heads is a (short) article
        let html = format!("<body><h1>Samples</h1><h2>One</h2><h2>Inline</h2>{prose}</body>");
        assert!(extract(&snap(&html)).main.is_some());
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let html = format!("<body><div class=content>{PARA}<br><br>{PARA}<br>{PARA}</div></body>");
        let x = extract(&snap(&html));
        assert_eq!(x.paragraphs.len(), 2, "{:?}", x.paragraphs);
    }

    #[test]
    fn title_cleaning() {
        assert_eq!(
            clean_title("Big news today | The Site", None),
            "Big news today"
        );
        assert_eq!(
            clean_title("Big news today for the harbour – The Site", None),
            "Big news today for the harbour"
        );
        assert_eq!(
            clean_title("Big news today for the harbour - The Site", None),
            "Big news today for the harbour"
        );
        assert_eq!(
            clean_title("The Site - Big news today here", Some("The Site")),
            "Big news today here"
        );
        assert_eq!(
            clean_title("Crisis: what next for the talks", None),
            "Crisis: what next for the talks"
        );
        assert_eq!(
            clean_title("Weekly notes #12 - the plan in sight | Example", None),
            "Weekly notes #12 - the plan in sight"
        );
        assert_eq!(
            clean_title("Get your code covered today | Code | Jane Doe", None),
            "Get your code covered today"
        );
        assert_eq!(
            clean_title(
                "Autumn leaves at the camp (2) @ Steven's Home",
                Some("Steven's Home")
            ),
            "Autumn leaves at the camp (2)"
        );
        assert_eq!(
            clean_title("Meet the team @ the harbour today", Some("Harbour News")),
            "Meet the team @ the harbour today"
        );
    }

    #[test]
    fn byline_splitting_keeps_every_author() {
        assert_eq!(
            split_byline("By Teddy Ng and Jun Mai"),
            vec!["Teddy Ng", "Jun Mai"]
        );
        assert_eq!(split_byline("https://facebook.com/x"), Vec::<String>::new());
    }

    #[test]
    fn byline_ampersand_splits_people_not_names() {
        assert_eq!(
            split_byline("Ann Lee & Bo Chan"),
            vec!["Ann Lee", "Bo Chan"]
        );
        assert_eq!(split_byline("Mac & i"), vec!["Mac & i"]);
    }

    #[test]
    fn meta_keys_preference_and_spelling() {
        // Dublin Core before Open Graph; a property declaration before a name one; RDFa lists
        let html = r#"<head><meta name="og:title" content="OG name"><meta name="DC.title" content="DC name">
            <meta property="dc:title" content="DC property"><meta property="og:title" content="OG property">
            <meta name="author" content="Meta Author"><meta property="x:creator dc:creator" content="Dee Cee">
            </head><body><p>x</p></body>"#;
        let m = extract(&snap(html)).meta;
        assert_eq!(m.headline.as_deref(), Some("DC property"));
        assert_eq!(m.byline, vec!["Dee Cee"]);
        // empty content is skipped; Parse.ly's keys count
        let html = r#"<head><meta property="dc:title"><meta name="parsely-title" content="Parsely Title">
            <meta name="parsely-author" content="Jane Doe"></head><body><p>x</p></body>"#;
        let m = extract(&snap(html)).meta;
        assert_eq!(m.headline.as_deref(), Some("Parsely Title"));
        assert_eq!(m.byline, vec!["Jane Doe"]);
    }

    #[test]
    fn two_author_metas_give_two_authors() {
        let html = r#"<head><meta name="author" content="Ann Lee"><meta name="author" content="Bo Chan">
            </head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["Ann Lee", "Bo Chan"]);
    }

    #[test]
    fn two_rel_author_links_give_two_authors() {
        let html = format!(
            "<body><article><h1>Harbour plan approved after two years</h1>\
             <p class=credit>By <a rel=author href=/a>Ann Lee</a> and <a rel=author href=/b>Bo Chan</a></p>\
             <p>{PARA}</p></article></body>"
        );
        assert_eq!(
            extract(&snap(&html)).meta.byline,
            vec!["Ann Lee", "Bo Chan"]
        );
    }

    #[test]
    fn json_ld_author_array_in_cdata_gives_every_author() {
        let html = r#"<head><script type="application/ld+json">//<![CDATA[
            {"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ann Lee"},
            {"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Cy Diaz"}]}
            //]]></script></head><body><p>x</p></body>"#;
        assert_eq!(
            extract(&snap(html)).meta.byline,
            vec!["Ann Lee", "Bo Chan", "Cy Diaz"]
        );
    }

    #[test]
    fn byline_cues_dates_and_other_credits_are_cut() {
        assert_eq!(
            split_byline("By Nathan Willis March 25, 2015"),
            vec!["Nathan Willis"]
        );
        assert_eq!(
            split_byline("Written by Rob Ewaschuk Edited by Betsy Beyer"),
            vec!["Rob Ewaschuk"]
        );
        assert_eq!(
            split_byline("Analysis by Chris Cillizza, CNN Editor-at-large"),
            vec!["Chris Cillizza"]
        );
        assert_eq!(split_byline("Par Ann Lee le 3 mai 2020"), vec!["Ann Lee"]);
        assert_eq!(split_byline("作者：李明"), vec!["李明"]);
        // a month name is cut only before a number: June is a given name here
        assert_eq!(split_byline("By June Smith"), vec!["June Smith"]);
    }

    #[test]
    fn last_first_metadata_names_are_turned_round() {
        let html = r#"<head><meta name="DC.Creator" content="Kooman, F.">
            <meta name="DC.Creator" content="Jong, Michiel de"></head><body><p>x</p></body>"#;
        assert_eq!(
            extract(&snap(html)).meta.byline,
            vec!["F. Kooman", "Michiel de Jong"]
        );
        // two outlets or two people stay two names
        assert_eq!(uninvert_name("Reuters, Bloomberg"), None);
        assert_eq!(uninvert_name("Ann Lee, Bo Chan"), None);
    }

    #[test]
    fn names_in_scripts_without_case_and_declared_outlets() {
        let html = r#"<head><meta name="author" content="肖春芳"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["肖春芳"]);
        // an outlet declared as author is used when no person is named ...
        let html = r#"<head><meta property="og:article:author" content="BBC News"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["BBC News"]);
        // ... but a person shown on the page comes first
        let html = format!(
            r#"<head><meta name="author" content="BBC News"></head><body><article><h1>Harbour plan approved today</h1>
            <div class=byline>By Ann Lee</div><p>{PARA}</p></article></body>"#
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        // a web address after the name is no part of it
        let html = r#"<head><meta name="author" content="Bradley M. Kuhn (http://ebb.org/bkuhn/)"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["Bradley M. Kuhn"]);
    }

    #[test]
    fn visible_byline_skips_navigation_and_takes_the_innermost_element() {
        let html = format!(
            "<body><div id=globalNav><ul><li id=navBylines><a href=/b>Opinion</a></li></ul></div>\
             <article><h1>Harbour plan approved after two years</h1>\
             <div class=author-box>Tech Desk Weekly <span class=author-name>Ann Lee</span> 1 day ago</div>\
             <p>{PARA}</p></article></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        let html = format!(
            "<body><nav><span class=byline>Bo Chan</span></nav><article><h1>Harbour plan approved</h1>\
             <p>{PARA}</p></article></body>"
        );
        assert!(extract(&snap(&html)).meta.byline.is_empty());
    }

    #[test]
    fn direction_is_the_one_the_article_inherits() {
        let page = |html_dir: &str, body_dir: &str, article_dir: &str| {
            format!(
                "<html {html_dir}><body {body_dir}><main><article {article_dir}><h1>Lorem ipsum dolor</h1>\
                 <p>{PARA}</p><p>{PARA}</p></article></main></body></html>"
            )
        };
        let dir = |html: String| extract(&snap(&html)).meta.dir;
        assert_eq!(dir(page("dir=ltr", "dir=rtl", "")).as_deref(), Some("rtl"));
        assert_eq!(dir(page("", "", "dir=rtl")).as_deref(), Some("rtl"));
        assert_eq!(dir(page("dir=rtl", "", "dir=ltr")).as_deref(), Some("ltr"));
        assert_eq!(dir(page("dir=rtl", "", "")).as_deref(), Some("rtl"));
        assert_eq!(dir(page("", "", "")), None);
    }

    #[test]
    fn undeclared_direction_follows_the_scripts_strong_characters() {
        // Hebrew with a Latin name and digits, no lang or dir: right to left
        let he = "ראש העירייה אמר ביום שלישי כי התוכנית של Acme תאושר, והעבודה תתחיל באביב 2025 לאחר סיום הבדיקות.";
        let html = format!(
            "<body><article><h1>תוכנית הנמל</h1><p>{he} {he}</p><p>{he}</p></article></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.dir.as_deref(), Some("rtl"));
        // Latin text with a Hebrew word stays undeclared (left to right is the default)
        let html = format!(
            "<body><article><h1>Harbour plan</h1><p>{PARA} שלום</p><p>{PARA}</p></article></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.dir, None);
    }

    #[test]
    fn stated_dates_become_iso_8601() {
        let cases = [
            (
                "2015-03-10T08:05:41-07:00",
                Some("2015-03-10T08:05:41-07:00"),
            ),
            (
                "2020-11-11 12:00:00.000-0600",
                Some("2020-11-11T12:00:00.000-06:00"),
            ),
            ("2016-02-01 01:28:49", Some("2016-02-01T01:28:49")),
            ("2019-11-19 02:24:00 UTC", Some("2019-11-19T02:24:00Z")),
            (
                "2017-12-01T03:00:00-0800",
                Some("2017-12-01T03:00:00-08:00"),
            ),
            ("2019-11-21", Some("2019-11-21")),
            ("2015/04/08", Some("2015-04-08")),
            ("05/29/2007 09:49:00", Some("2007-05-29T09:49:00")),
            ("29.05.2007", Some("2007-05-29")),
            ("2017年3月10日", Some("2017-03-10")),
            ("March 25, 2015", Some("2015-03-25")),
            ("25 Mar. 2015", Some("2015-03-25")),
            // ambiguous day and month, placeholders and words are no dates
            ("04/05/2007", None),
            ("0001-01-01T00:00:00", None),
            ("yesterday", None),
            ("", None),
        ];
        for (stated, iso) in cases {
            assert_eq!(iso_date(stated).as_deref(), iso, "{stated}");
        }
    }

    #[test]
    fn published_from_metadata_microdata_or_time() {
        let page = |head: &str, body: &str| {
            extract(&snap(&format!(
                "<head>{head}</head><body>{body}<p>{PARA}</p></body>"
            )))
            .meta
            .published
        };
        assert_eq!(
            page(
                r#"<meta name="publishdate" content="05/29/2007 09:49:00">"#,
                ""
            )
            .as_deref(),
            Some("2007-05-29T09:49:00")
        );
        // an unreadable meta date gives way to the microdata one
        assert_eq!(
            page(
                r#"<meta name="date" content="soon">"#,
                r#"<span itemprop="datePublished" content="2016-05-08T00:55:00-07:00">12:55 AM</span>"#
            )
            .as_deref(),
            Some("2016-05-08T00:55:00-07:00")
        );
        assert_eq!(
            page("", r#"<time datetime="2019-02-21">Feb. 21</time>"#).as_deref(),
            Some("2019-02-21")
        );
        assert_eq!(page("", ""), None);
        // the day alone in JSON-LD, the time in a meta: the more precise statement of the same day
        assert_eq!(
            page(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"November 19, 2019"}</script>
                <meta property="article:published_time" content="2019-11-19T11:21:08+00:00">"#,
                ""
            )
            .as_deref(),
            Some("2019-11-19T11:21:08+00:00")
        );
    }

    #[test]
    fn unmarked_credit_line_under_the_headline_is_the_byline() {
        let page = |line: &str| {
            let html = format!(
                "<body><article><h1>Harbour plan approved after two years</h1><p>{line}</p><p>{PARA}</p></article></body>"
            );
            extract(&snap(&html)).meta.byline
        };
        assert_eq!(page("By Ann Lee and Bo Chan"), vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(page("Par Ann Lee, à Oslo"), vec!["Ann Lee"]);
        // running text and a one-word "name" are no byline
        assert!(page("By Tuesday the council had voted.").is_empty());
        assert!(page("By Tuesday").is_empty());
    }

    #[test]
    fn metadata_from_json_ld_and_meta() {
        let html = r#"<html lang="fr"><head><title>T | S</title><meta property="og:site_name" content="S">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Le titre","author":[{"name":"A B"},{"name":"C D"}],"datePublished":"2020-01-02T03:04:05Z"}</script>
            </head><body><p>x</p></body></html>"#;
        let m = extract(&snap(html)).meta;
        assert_eq!(m.headline.as_deref(), Some("Le titre"));
        assert_eq!(m.byline, vec!["A B", "C D"]);
        assert_eq!(m.published.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(m.lang.as_deref(), Some("fr"));
        assert_eq!(m.site_name.as_deref(), Some("S"));
    }

    #[test]
    fn json_ld_is_the_scripts_own_text() {
        // a script that page code gave an element child (the HTML parser never does): its own text
        // nodes, before and after the child, are the JSON; the child's text is not
        let strings = [
            "html",
            "head",
            "script",
            "type",
            "application/ld+json",
            r#"{"@type":"NewsArticle","#,
            "b",
            "junk",
            r#""headline":"Own text"}"#,
        ];
        let shape = [0, 0, 1, 0, 1, 4, 1, 1, 2, 0, 1, 1, 4, 1];
        let text: String = strings.iter().map(|s| format!("{s}\0")).collect();
        let lens: Vec<u32> = strings
            .iter()
            .map(|s| s.encode_utf16().count() as u32)
            .collect();
        let snap = Snapshot::from_wire(None, &shape, &text, &lens).expect("valid wire");
        assert_eq!(
            snap.nodes[6].parent,
            Some(2),
            "the last text is the script's own"
        );
        let ld = json_ld_article(&snap).expect("the script's JSON-LD");
        assert_eq!(ld.get("headline").and_then(Value::as_str), Some("Own text"));
    }
}
