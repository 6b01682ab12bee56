//! Main content: the element whose subtree maximises content text minus boilerplate text, and the
//! body paragraphs kept inside it.

use super::post::{article_post, short_post, titled_posts};
use super::{Block, Metadata};
use crate::snapshot::{NodeId, Snapshot};
use crate::text::{more_words_than, Terms};

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
/// Below this much content text (characters) in the best container, the page holds no article ...
const MIN_ARTICLE_CHARS: f64 = 250.0;
/// ... unless the container holds or follows the headline: a short post (a picture or video post's
/// few sentences) under its title.
const MIN_POST_CHARS: f64 = 150.0;
/// Score multiplier of a container inside a region named or tagged as boilerplate whose text is mostly
/// not content (a sidebar's profile widget; Readability drops such "unlikely candidates" before
/// scoring, here they compete at a discount).
const REGION_PENALTY: f64 = 0.5;
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
    // the (outermost) region named as reader comments is boilerplate also when its class names the
    // article or post it belongs to ("article-comments", "post-comments"); the comments inside it
    // ("comment-body") are weighed as before, for a discussion page whose posts are its content
    if pos
        && neg
        && is_named_region(node, &COMMENT_TERMS)
        && !snap
            .ancestors(id)
            .any(|a| is_named_region(&snap.nodes[a as usize], &COMMENT_TERMS))
    {
        return -1;
    }
    match (pos, neg) {
        (true, false) => 1,
        (false, true) => -1,
        _ => 0,
    }
}

fn is_table_row(snap: &Snapshot, b: &Block) -> bool {
    snap.nodes[b.element as usize].tag == "tr"
}

/// Vocabulary of cookie-consent notices, newsletter or subscription prompts, comment-policy notices and
/// comment forms, legal footers and licence lines, and browser notices (matched in lower case as
/// substrings). English, with the privacy, terms-of-use and comment words of
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
    // a comment form's small print
    "leave a reply",
    "email address",
    "not be published",
    "required fields",
    "html tags",
    // a site's legal footer and licence line
    "all rights reserved",
    "reproduced",
    "user agreement",
    "licensed under",
    "creative commons",
    // an old browser notice
    "best viewed",
    "style sheets",
    "web browser",
    "upgrad",
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

/// A comment form's list of the markup a reader may use ("You may use these HTML tags and
/// attributes: <a href="" title=""> <abbr title=""> <b> …", WordPress's default form) names HTML and
/// shows at least this many tags.
const MARKUP_NOTICE_MIN_TAGS: usize = 3;

/// Is `text` a comment form's list of allowed HTML tags (see [`MARKUP_NOTICE_MIN_TAGS`])? Its one
/// vocabulary term, "html tags", is too few for a notice, and at 40 words with commas it reads as
/// content: on a short post's page it outweighed the post.
fn is_markup_notice(text: &str) -> bool {
    text.matches('<').count() >= MARKUP_NOTICE_MIN_TAGS
        && text.matches('>').count() >= MARKUP_NOTICE_MIN_TAGS
        && text
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("html"))
        && !more_words_than(text, NOTICE_MAX_WORDS)
}

/// A cookie-consent, newsletter or subscription notice, recognised by its vocabulary whatever its
/// class names (consent banners are often unclassed or named by a vendor), or a comment form's list
/// of allowed HTML tags ([`is_markup_notice`]).
pub(super) fn is_notice_text(text: &str) -> bool {
    if text.contains('<') && is_markup_notice(text) {
        return true;
    }
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
pub(super) fn is_content_block(b: &Block) -> bool {
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

/// Per node, true inside a region whose class or id names reader comments ([`COMMENT_WORDS`]).
pub(super) fn comment_regions(snap: &Snapshot) -> Vec<bool> {
    named_regions(snap, &COMMENT_TERMS)
}

/// For every node: is it inside a region named by one of `words` (see [`is_named_region`])?
fn named_regions(snap: &Snapshot, words: &Terms) -> Vec<bool> {
    snap.regions(|_, node| is_named_region(node, words))
}

/// Class/id words of a page's footer and its legal small print.
const LEGAL_WORDS: &[&str] = &["footer", "copyright", "disclaimer"];
const LEGAL_TERMS: Terms = Terms::new(LEGAL_WORDS);

/// Per node, true inside the page's footer, whose text is never the article however much prose it
/// holds (a photo blog's licence paragraph, a broker's risk disclosure, which outweigh a post of a
/// line or a page of teasers): a `<footer>` outside any `<article>` (an article's own footer holds
/// its credits), `role=contentinfo` (WAI-ARIA's landmark for the page's footer), or a region named
/// by [`LEGAL_WORDS`] ([`is_named_region`]: `id=footer`, `class=site-disclaimer`). Readability drops
/// such "unlikely candidates" before scoring; here their text is scored as boilerplate.
fn legal_regions(snap: &Snapshot) -> Vec<bool> {
    snap.regions(|id, node| {
        !node.is_text()
            && (is_named_region(node, &LEGAL_TERMS)
                || node.attr("role") == Some("contentinfo")
                || (node.tag == "footer"
                    && !snap
                        .ancestors(id)
                        .any(|a| snap.nodes[a as usize].tag == "article")))
    })
}

/// Per node, summed over its subtree: the content-minus-boilerplate score, the content text and all
/// text (characters) of the text blocks.
struct Scores {
    score: Vec<f64>,
    content: Vec<f64>,
    total: Vec<f64>,
}

impl Scores {
    /// The scores of every node; blocks inside `comments` regions (when given) and inside the page's
    /// footer (`legal`, see [`legal_regions`]) are never content.
    fn of(snap: &Snapshot, blocks: &[Block], comments: Option<&[bool]>, legal: &[bool]) -> Scores {
        let n = snap.nodes.len();
        let mut score = vec![0f64; n];
        let mut content = vec![0f64; n];
        let mut total = vec![0f64; n];
        for b in blocks {
            let chars = b.chars() as f64;
            total[b.element as usize] += chars;
            let in_comments = comments.is_some_and(|c| c[b.element as usize]);
            let good = is_content_block(b)
                && !in_comments
                && !legal[b.element as usize]
                && !is_notice_text(&b.text);
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
        Scores {
            score,
            content,
            total,
        }
    }

    /// The best-scoring element with at least [`MIN_ARTICLE_CHARS`] of content, weighted by its class
    /// names and its nearness to the headline.
    fn best(&self, snap: &Snapshot, headline: Option<NodeId>) -> Option<(f64, NodeId)> {
        let mut best: Option<(f64, NodeId)> = None;
        let n = snap.nodes.len();
        let mut weight = vec![0i32; n];
        // inside a region named or tagged as boilerplate (a sidebar's widget, a footer)
        let mut in_region = vec![false; n];
        for i in 0..n {
            let node = &snap.nodes[i];
            if node.is_text() {
                continue;
            }
            weight[i] = class_weight(snap, i as NodeId);
            in_region[i] = node.parent.is_some_and(|p| {
                let (p, tag) = (p as usize, snap.nodes[p as usize].tag.as_str());
                // (a region mostly of content is a layout wrapper named after its sidebar, not one)
                in_region[p]
                    || (weight[p] < 0
                        && tag != "body"
                        && tag != "html"
                        && self.content[p] < REGION_CONTENT_SHARE * self.total[p])
            });
            if self.content[i] < MIN_POST_CHARS {
                continue;
            }
            let w = weight[i];
            let near_headline = headline.is_some_and(|h| {
                let i = i as NodeId;
                snap.is_descendant(h, i) || (i > h && i - h <= HEADLINE_PROXIMITY_NODES)
            });
            if self.content[i] < MIN_ARTICLE_CHARS && !near_headline {
                continue;
            }
            let bonus = if near_headline {
                HEADLINE_PROXIMITY_BONUS
            } else {
                1.0
            };
            let region = if in_region[i] { REGION_PENALTY } else { 1.0 };
            let s = self.score[i] * (1.0 + 0.1 * w as f64) * bonus * region;
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, i as NodeId));
            }
        }
        best
    }
}

/// Choose the main content element: the subtree that maximises content minus boilerplate text.
/// Returns `None` when no subtree holds enough content text.
///
/// `headline` is the displayed `<h1>`, if known: a container that holds it or starts right after it
/// gets a bonus (its score × 1.5), since an article follows its headline. `title` is the page's
/// headline text (from the metadata): when no subtree holds enough content, or the best one is a
/// page of headings over scraps, a short post under a heading with that title is the article
/// ([`short_post`]).
pub fn main_content(
    snap: &Snapshot,
    blocks: &[Block],
    headline: Option<NodeId>,
    title: Option<&str>,
) -> Option<NodeId> {
    let in_comments = named_regions(snap, &COMMENT_TERMS);
    let legal = legal_regions(snap);
    let mut scores = Scores::of(snap, blocks, Some(&in_comments), &legal);
    let mut best = scores.best(snap, headline);
    if best.is_none() {
        // A discussion page (a forum thread, a blog post under its readers' comments, a Q&A) has all
        // of its text in regions named as comments: its posts are then the page's content.
        scores = Scores::of(snap, blocks, None, &legal);
        best = scores.best(snap, headline);
    }
    let Scores {
        score,
        content,
        total,
    } = scores;
    let Some((_, mut top)) = best else {
        return short_post(snap, blocks, headline, title).or_else(|| article_post(snap, blocks));
    };
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
    // (also under a post's own heading, when the page's <h1> is the blog's name)
    if headline.is_none_or(|h| snap.nodes[h as usize].tag != "h1") {
        top = titled_post_over(snap, blocks, title, top, &content, &in_comments);
    }
    if is_teaser_index(snap, blocks, top, &content) {
        return None;
    }
    if is_headings_page(snap, blocks, top, &content) {
        // (the page's one <article> too, unless it is that page of headings or holds it)
        return short_post(snap, blocks, headline, title).or_else(|| {
            article_post(snap, blocks).filter(|&a| a != top && !snap.is_descendant(top, a))
        });
    }
    Some(top)
}

/// A post under the page's title replaces a container that does not hold that title when it has at
/// least this share of the container's content (a blog's one-line description under a heading that
/// is the blog's name, which is also the page's title, is not a post beside a long article).
const TITLED_POST_MIN_SHARE: f64 = 0.05;

/// The article of a page without a displayed `<h1>` headline (no `<h1>` reads as one: a blog's `<h1>` is
/// its name, and the headline, if any, is the post's own lower heading): the post under a heading that
/// carries the page's title ([`titled_posts`]), when the best
/// container `top` neither holds that heading nor starts right after it. A blog page's sidebar
/// (an "About me", a disclosure, an events box) often holds more prose than a short post, but the
/// page is titled after the post: trafilatura and Readability likewise trust a heading that
/// matches the `<title>`. Of several such posts, the one with the most content; none inside a
/// comment thread (`in_comments`), and none with less than [`TITLED_POST_MIN_SHARE`] of `top`'s
/// content.
fn titled_post_over(
    snap: &Snapshot,
    blocks: &[Block],
    title: Option<&str>,
    top: NodeId,
    content: &[f64],
    in_comments: &[bool],
) -> NodeId {
    let best = titled_posts(snap, blocks, title)
        .into_iter()
        .filter(|&(_, post)| !in_comments[post as usize])
        .max_by(|a, b| content[a.1 as usize].total_cmp(&content[b.1 as usize]));
    match best {
        Some((h, post))
            if !(snap.is_descendant(h, top)
                || (top > h && top - h <= HEADLINE_PROXIMITY_NODES))
                && content[post as usize] >= TITLED_POST_MIN_SHARE * content[top as usize] =>
        {
            post
        }
        _ => top,
    }
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
    let total = content[top as usize];
    teaser_groups(snap, blocks, top, content).iter().any(|g| {
        g.covered >= TEASER_CONTENT_SHARE * total && total - g.covered < INDEX_MAX_OTHER_CHARS
    })
}

/// A group of teaser records of one shape under a container (see [`is_teaser_index`]).
struct TeaserGroup {
    /// The records (outermost elements), in document order.
    records: Vec<NodeId>,
    /// Their content text (characters).
    covered: f64,
}

/// The groups of at least [`MIN_TEASERS`] teaser records of one shape under `top` (see
/// [`is_teaser_index`]), outside regions named as rails of other stories.
fn teaser_groups(
    snap: &Snapshot,
    blocks: &[Block],
    top: NodeId,
    content: &[f64],
) -> Vec<TeaserGroup> {
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
    // groups by shape: (end of the group's last record, the group)
    let mut group_of: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut groups: Vec<(usize, TeaserGroup)> = Vec::new();
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
            groups.push((
                0,
                TeaserGroup {
                    records: Vec::new(),
                    covered: 0.0,
                },
            ));
        }
        let (last_end, group) = &mut groups[g];
        if i >= *last_end {
            *last_end = ends[j];
            group.records.push(i as NodeId);
            group.covered += c;
        }
    }
    groups
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| g.records.len() >= MIN_TEASERS)
        .collect()
}

/// Teasers inside an article's container are left out when all of their group hold less than this
/// share of its content.
const TEASERS_BESIDE_MAX_SHARE: f64 = 0.5;

/// For every node: is it inside a teaser record ([`teaser_groups`]) of a group that holds less than
/// [`TEASERS_BESIDE_MAX_SHARE`] of the content under `main`: a rail of other stories inside the
/// article's container (a sidebar of "more from this section", teasers under the story), each a title
/// link over a sentence or two. Such records are the data records of Liu, Grossman and Zhai (KDD 2003);
/// the article's own text is no run of them.
fn teasers_beside(
    snap: &Snapshot,
    blocks: &[Block],
    main: NodeId,
    content: &[f64],
    core: Option<NodeId>,
) -> Vec<bool> {
    let mut flags = vec![false; snap.nodes.len()];
    for g in teaser_groups(snap, blocks, main, content) {
        // records that hold the core, sit inside it or beside one of its ancestors (a stream of posts
        // whose longest one is the core) are the article's own
        let tied = core.is_some_and(|c| {
            let lineage: Vec<Option<NodeId>> = std::iter::once(c)
                .chain(snap.ancestors(c))
                .take_while(|&a| a > main)
                .map(|a| snap.nodes[a as usize].parent)
                .collect();
            g.records.iter().any(|&r| {
                r == c
                    || snap.is_descendant(c, r)
                    || snap.is_descendant(r, c)
                    || lineage.contains(&snap.nodes[r as usize].parent)
            })
        });
        if tied {
            continue;
        }
        if g.covered >= TEASERS_BESIDE_MAX_SHARE * content[main as usize] {
            continue;
        }
        for r in g.records {
            flags[r as usize..snap.subtree_end(r)].fill(true);
        }
    }
    flags
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
pub(super) fn is_furniture(text: &str) -> bool {
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
        || is_comment_prompt(&t)
        || ((t.starts_with("share on ")
            || t.starts_with("follow us")
            || t.starts_with("sign up")
            || t.starts_with("click here")
            || t.starts_with("read more")
            || t.starts_with("advertisement"))
            && !more_words_than(&t, 6))
}

/// Openings of the prompts and counts that introduce a comment thread or its form ("Leave a Reply",
/// "Post a comment", "Add a new Comment", "Sharing is caring!").
const COMMENT_PROMPTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add a new comment",
    "add your comment",
    "write a comment",
    "comment on this",
    "join the discussion",
    "join the conversation",
    "sharing is caring",
];
/// Words that count a thread's posts after a number ("57 Comments", "35 Responses to “…”").
const COMMENT_COUNT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
];
/// A comment prompt or count is a short line.
const MAX_COMMENT_PROMPT_WORDS: usize = 12;

/// Is the lower-cased line `t` the prompt or the count over a comment thread ([`COMMENT_PROMPTS`],
/// a number and a [`COMMENT_COUNT_WORDS`] word)? An article's body ends before its readers' thread,
/// which Lede leaves out, so the line that introduces it goes too, wherever it stands.
fn is_comment_prompt(t: &str) -> bool {
    if more_words_than(t, MAX_COMMENT_PROMPT_WORDS) {
        return false;
    }
    let mut words = t.split_whitespace();
    let counted = words
        .next()
        .is_some_and(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()))
        && words
            .next()
            .is_some_and(|w| COMMENT_COUNT_WORDS.contains(&w.trim_end_matches([':', '.'])));
    counted || COMMENT_PROMPTS.iter().any(|p| t.starts_with(p))
}

/// The body: content-like and sub-head blocks inside `main`, minus headline, dek, byline and
/// nested boilerplate regions.
pub(super) fn body_paragraphs(
    snap: &Snapshot,
    blocks: &[Block],
    main: NodeId,
    meta: &Metadata,
) -> Vec<Block> {
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
    let (core, near_core) = core_scope(snap, &inside, main);
    let teasers = teasers_beside(snap, blocks, main, &good, core);
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
            || teasers[b.element as usize]
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
    // calls to action after the article ("Join our forums", "Follow us on Twitter"); never the
    // body's first block, which is the article itself when it is a short post that closes with one
    // ("…, please CLICK HERE" under a picture): a found article keeps a body
    while body.len() > 1
        && body
            .last()
            .is_some_and(|b| is_promo(&b.text) || is_legal_footer(&b.text))
    {
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
pub(super) const SENTENCE_END: &[char] =
    &['.', '!', '?', '"', '”', ':', '。', '！', '？', '…', ')'];
/// A paragraph of at least this many words that ends like a sentence is prose even when mostly linked.
const LINKED_PROSE_WORDS: usize = 20;

/// A short sentence that links a source ("But a new report by <a>the Center on Poverty</a> calls that
/// into question."): at most half of it linked, and its unlinked words a clause of their own. jusText
/// (Pomikálek, *Removing Boilerplate and Duplicate Content from Web Corpora*, 2011) keeps such
/// blocks as "near-good" when they sit between good paragraphs; inside the article's container that
/// context is given.
pub(super) fn is_linked_sentence(b: &Block) -> bool {
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

/// A site's legal footer however long (a list of trademarks, a licence): it reserves rights and states
/// a copyright, which an article's closing paragraph never does both.
fn is_legal_footer(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("all rights reserved") && (t.contains('©') || t.contains("copyright"))
}

fn is_promo(text: &str) -> bool {
    let t = text.to_lowercase();
    const TERMS: Terms = Terms::new(PROMO_PHRASES);
    TERMS.any_in(&t) && !more_words_than(text, MAX_PROMO_WORDS)
}

/// The article's paragraphs sit together: find the element holding most content paragraphs as
/// children (full weight) or grandchildren (half weight), after Readability's candidate scoring, and
/// return a test that keeps blocks within its parent's subtree, plus any other group of paragraphs
/// at least half as large. Teaser excerpts of other stories, one short paragraph per card, fail it.
/// The element with the largest of the `local` paragraph scores (see [`core_scope`]) at or below `main`.
fn core_of(local: &rustc_hash::FxHashMap<NodeId, f64>, main: NodeId) -> Option<NodeId> {
    local
        .iter()
        .filter(|(&e, _)| e >= main)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(&e, _)| e)
}

/// A content block that can make the article's core paragraph group: not a site's legal footer (a
/// trademark notice can be longer than a short story, and the group it would make the core would
/// take the page's rails into the article's scope), nor a notice (a comment form's small print
/// beside a short post would put the post out of scope).
fn is_core_block(b: &Block) -> bool {
    is_content_block(b) && !is_legal_footer(&b.text) && !is_notice_text(&b.text)
}

/// The core of the article under `main` (the element holding most content paragraphs as children,
/// full weight, or grandchildren, half weight; [`core_of`]) and the test of whether a block of
/// `inside` is in its scope: under the core's parent, in an element shaped like the core, or in a
/// group of paragraphs at least half the core's size.
fn core_scope<'a>(
    snap: &'a Snapshot,
    inside: &[&Block],
    main: NodeId,
) -> (Option<NodeId>, impl Fn(&Block) -> bool + 'a) {
    let mut local: rustc_hash::FxHashMap<NodeId, f64> = Default::default();
    let mut group: rustc_hash::FxHashMap<NodeId, f64> = Default::default();
    for b in inside.iter().filter(|b| is_core_block(b)) {
        let c = b.chars() as f64;
        // a table's rows count with the blocks around the table (a list of films under its intro)
        let parent = above_rows(snap, snap.nodes[b.element as usize].parent.unwrap_or(main));
        *local.entry(parent).or_default() += c;
        *group.entry(parent).or_default() += c;
        if let Some(gp) = snap.nodes[parent as usize].parent {
            *local.entry(gp).or_default() += c * 0.5;
        }
    }
    let core = core_of(&local, main);
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
    let near_core = move |b: &Block| {
        in_scope(b.element)
            || tab_widget(snap, b.element, main).is_some_and(|w| widgets.contains(&w))
    };
    (core, near_core)
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

#[cfg(test)]
mod tests {
    use super::is_furniture;
    use crate::extract::test_pages::*;

    #[test]
    fn comment_section_named_after_the_article_is_left_out() {
        // the comments' box names the article it belongs to, "article-comments": a positive word and
        // a negative one; its heading over an empty thread is no part of the body
        let texts = |class: &str, heading: &str| {
            let page = format!(
                "<body><div class=article-body><h1>Three cases of plague in China</h1><p>{PARA}</p>\
                 <p>{PARA}</p><div class='{class}'><h2 class=header>{heading}</h2>\
                 <div id=thread></div></div></div></body>"
            );
            extract(&snap(&page))
                .paragraphs
                .into_iter()
                .map(|p| p.text)
                .collect::<Vec<_>>()
        };
        let t = texts("article-comments comments", "What readers think");
        assert_eq!(t.len(), 2, "{t:?}");
        // (a box that is no comment section, "article-tools", keeps its heading as before)
        let t = texts("article-tools", "What readers think");
        assert!(t.iter().any(|p| p == "What readers think"), "{t:?}");
    }

    #[test]
    fn a_legal_footer_longer_than_the_story_does_not_take_the_rail_into_it() {
        // a short story, a rail of tab headings and a promo beside it, and a trademark notice longer
        // than the story, all in one page container
        let notice = format!(
            "Example.com is the official web site of the Example League. {}© Example League. \
             All Rights Reserved.",
            "Example, the Example Shield and the word mark are registered trademarks of the League. "
                .repeat(8)
        );
        let html = format!(
            "<body><div id=page><div class=story><h1>Whalers beat the Spirit</h1>\
             <div class=text><p>{PARA}</p><p>{PARA}</p></div></div>\
             <div id=rail><h3>TOP HEADLINES</h3><h3>LEAGUE GREEN</h3>\
             <ul><li><a href=/1>Talks resume in New York today</a></li><li><a href=/2>An all-time team</a></li></ul>\
             <div><h3>WACKY CELEBRATIONS</h3><p>The Video Community is a new experience where fans can \
             watch the latest videos and share them with their friends.</p></div></div>\
             <div>{notice}</div></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().all(|t| t.starts_with("This is")), "{texts:?}");
    }

    #[test]
    fn comment_prompts_and_counts_are_furniture() {
        for line in [
            "Leave a Reply",
            "Post a comment:",
            "Add a new Comment",
            "57 Comments",
            "35 Responses to “More Landscape Stream of Consciousness”",
            "Sharing is caring!",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Comments from the minister were not expected",
            "57 comments were filed with the agency before the deadline, more than in any year",
            "Comment is free, but facts are sacred.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

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
    fn teasers_beside_the_story_are_left_out_of_its_body() {
        // a column of unnamed teaser records beside the story, inside the article's container, each
        // of the same plain shape as the story's own wrappers (so no paragraph-group test drops them)
        let records: String = (0..8)
            .map(|i| {
                format!(
                    "<div><h3><a href=/{i}>Teaser headline number {i} about the day</a></h3>\
                     <div>Officials met again on Monday to talk about item {i}, and a deal was close. \
                     Both sides said so.</div></div>"
                )
            })
            .collect();
        let html = format!(
            "<body><div class=page><div><h1>Harbour talks resume</h1><div><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>{PARA}</p></div></div><div>{records}</div></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.iter().all(|t| !t.contains("Officials met")),
            "{texts:?}"
        );
        assert_eq!(texts.len(), 4, "{texts:?}");
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
    fn inline_wrapper_around_a_layout_table_is_no_hover_card() {
        // an old page: a `<font>` around its logo and its whole layout table, whose navigation cell
        // has more link text than the article cell has text
        let links: String = (0..30)
            .map(|i| format!("<a href=/{i}>Section number {i} of this old site</a><br>"))
            .collect();
        let html = format!(
            "<body><p>Page last updated on the first of May, by the webmaster.</p><font face=arial>\
             <img src=logo.gif><table><tr><td>{links}</td><td><p>{PARA}</p><p>{PARA}</p></td></tr>\
             </table></font></body>"
        );
        let x = extract(&snap(&html));
        assert!(x.main.is_some());
        assert_eq!(x.paragraphs.len(), 2, "{:?}", x.paragraphs);
    }

    #[test]
    fn copy_hidden_by_a_framework_class_is_left_out() {
        // a teaser copy for readers without a subscription, hidden by the stylesheet, above the story
        let html = format!(
            "<body><div class=story><div class='snippet hidden'><p>{PARA}</p></div>\
             <div class=full><p>{PARA}</p><p>The second paragraph says more about the matter, and ends.</p>\
             <p>{PARA} And it ends here.</p></div></div></body>"
        );
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts.iter().filter(|t| **t == PARA).count(), 1, "{texts:?}");
        // Bootstrap 3's `hidden-print` hides only on paper
        let html = html.replace("snippet hidden", "snippet hidden-print");
        assert_eq!(extract(&snap(&html)).paragraphs.len(), 4);
    }

    #[test]
    fn legal_footer_closing_the_body_is_left_out_however_long() {
        let marks: String = (0..40).map(|i| format!("Mark {i}, ")).collect();
        let legal = format!(
            "<p>Example.com is the official site of the League. {marks}and the League's name are \
             trademarks of the League. © League 2012. All Rights Reserved.</p>"
        );
        let html = format!("<body><div class=story><p>{PARA}</p><p>{PARA}</p>{legal}</div></body>");
        let x = extract(&snap(&html));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        // inside the body, a paragraph about rights is the article's
        let html = format!(
            "<body><div class=story><p>{PARA}</p><p>The label said all rights reserved by the band \
             had passed to it, and that its copyright ran to 2030.</p><p>{PARA}</p></div></body>"
        );
        assert_eq!(extract(&snap(&html)).paragraphs.len(), 3);
    }

    #[test]
    fn the_pages_footer_is_never_the_article_however_much_prose() {
        // a picture post of one line, and the site's footer: a licence of two long sentences
        let licence =
            "All photos are licensed under a Creative Commons licence, version 3.0, which \
                       means that you may share and remix the photos, as long as you do it in a \
                       non-commercial way, attribute the photographer and link back to this site. \
                       Ask us first for any other use, and we will gladly answer within a week.";
        for footer in [
            format!("<div id=footer><p>{licence}</p></div>"),
            format!("<footer><p>{licence}</p></footer>"),
            format!("<div role=contentinfo><p>{licence}</p></div>"),
            format!("<div class=site-disclaimer><p>{licence}</p></div>"),
        ] {
            let html = format!(
                "<body><div id=main><h2>Velvet and shine</h2><p>Posted July 8th</p>\
                 <p><img src=a.jpg></p></div>{footer}</body>"
            );
            let x = extract(&snap(&html));
            assert!(
                !x.paragraphs
                    .iter()
                    .any(|p| p.text.starts_with("All photos")),
                "{footer}: {:?}",
                x.paragraphs
            );
        }
        // an article's own <footer> is no page footer, and a story beside the footer is found
        let html = format!(
            "<body><article><div class=text><p>{PARA}</p><p>{PARA}</p></div>\
             <footer><p>{licence}</p></footer></article><div id=footer><p>{licence}</p></div></body>"
        );
        let x = extract(&snap(&html));
        assert_eq!(
            x.paragraphs.iter().filter(|p| p.text == PARA).count(),
            2,
            "{:?}",
            x.paragraphs
        );
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let html = format!("<body><div class=content>{PARA}<br><br>{PARA}<br>{PARA}</div></body>");
        let x = extract(&snap(&html));
        assert_eq!(x.paragraphs.len(), 2, "{:?}", x.paragraphs);
    }
}
