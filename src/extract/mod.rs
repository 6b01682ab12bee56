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
//!
//! One file per concern: `blocks` (text blocks), `content` (main content and body paragraphs),
//! `post` (a short post under its title, when no subtree holds enough content), `headline`, `byline`, `dates`, `dek`, `site` (site name, language and direction) and `meta` (the
//! `<meta>` and JSON-LD sources they read); this file keeps the entry points.

mod blocks;
mod byline;
mod content;
mod date_text;
mod dates;
mod dek;
mod headline;
mod meta;
mod post;
mod site;

pub use blocks::text_blocks;
pub use byline::split_byline;
pub use content::main_content;
pub(crate) use content::{matches_any, GALLERY_TERMS};
pub use dates::iso_date;
pub use headline::clean_title;

use content::body_paragraphs;
use meta::{json_ld_article, Metas};
use site::{inherited_dir, is_rtl_text, RTL_LANGUAGES};

use crate::snapshot::{NodeId, Snapshot};
use crate::text::{collapse_ws, Para};

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
    let main = main_content(snap, &blocks, meta.headline_node, meta.headline.as_deref());
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
    let site_name = site::site_name(metas, ld.as_ref());
    let (headline, headline_node) = headline::headline(
        snap,
        blocks,
        metas,
        site_name.as_deref(),
        ld_str("headline"),
    );

    let byline = byline::byline(
        snap,
        metas,
        ld.as_ref(),
        headline_node,
        blocks,
        site_name.as_deref(),
    );

    let published = dates::published_date(
        snap,
        metas,
        ld.as_ref(),
        blocks,
        headline_node,
        headline.as_deref(),
    );

    let lang = site::language(snap, metas);
    // the page's direction: <body>'s, else <html>'s (extract() prefers the article's own)
    let dir = snap
        .first_tag("body")
        .or(snap.nodes.first().map(|_| 0))
        .and_then(|b| inherited_dir(snap, b));
    let description = dek::description(metas, ld_str("description"));
    let next_page = site::next_page(snap);
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

/// Pages for the unit tests of every concern.
#[cfg(test)]
mod test_pages {
    pub use super::extract;
    pub use crate::snapshot::Snapshot;

    pub fn snap(html: &str) -> Snapshot {
        Snapshot::from_html(html, None)
    }

    pub const PARA: &str =
        "This is a long enough paragraph of article text, with commas, and a full stop. \
        It goes on for a while so that it clearly counts as content rather than navigation, \
        and it says more, as real paragraphs do.";
}
