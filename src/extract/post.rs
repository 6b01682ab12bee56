//! Short posts: a page whose article is a sentence or two under its title (a blog's picture or video
//! post, a one-paragraph announcement), too short for the main-content scoring of `content`, which
//! asks for paragraphs of content text.

use super::content::{
    is_content_block, is_furniture, is_linked_sentence, is_notice_text, SENTENCE_END,
};
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::more_words_than;

/// A short post has at least this many characters of prose under its title ...
const MIN_POST_PROSE_CHARS: usize = 25;
/// ... read from at most this many text blocks after the title (a date, a byline, a share line and
/// the post's few lines).
const MAX_POST_BLOCKS: usize = 12;
/// A prose line has more than this many words ...
const MIN_PROSE_WORDS: usize = 2;
/// ... and less than this share of link text ...
const MAX_PROSE_LINK_DENSITY: f64 = 0.2;
/// ... and ends like a sentence, is a paragraph or has at least this many characters (the short
/// lines the body keeps, `content::body_paragraphs`).
const MIN_PROSE_LINE_CHARS: usize = 30;
/// A link list (at least this many words, mostly linked) after the post's prose ends the post.
const LINK_LIST_WORDS: usize = 3;
/// A title heading has more than this many words.
const MIN_TITLE_WORDS: usize = 1;

/// The candidate titles of a short post, as block indices: the displayed headline (`headline`, the
/// `<h1>` the metadata chose), then the longest heading block (`<h1>`–`<h6>`, linked or not: a blog
/// links its post titles) whose text is part of the page's headline or holds it (`title`, the
/// metadata title: "Seth's Blog: Yesterday's over" holds the post's `<h3>` "Yesterday's over" and
/// the blog's name, which is shorter; a post's `<h2>` "Creative Food Sculptures – Fubiz" holds the
/// title without its site name).
fn title_blocks(blocks: &[Block], headline: Option<NodeId>, title: Option<&str>) -> Vec<usize> {
    let mut out: Vec<usize> = headline
        .and_then(|h| blocks.iter().position(|b| b.element == h))
        .into_iter()
        .collect();
    let Some(title) = title.map(str::to_lowercase) else {
        return out;
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, b) in blocks.iter().enumerate() {
        let len = b.text.len();
        if is_title_heading(b, &title) && best.is_none_or(|(_, l)| len > l) {
            best = Some((i, len));
        }
    }
    out.extend(best.map(|(i, _)| i).filter(|i| !out.contains(i)));
    out
}

/// Is this block a line of the post's prose: a content block, or a few words, few of them linked,
/// that read as a sentence or a paragraph (the short lines the body keeps); not page furniture or a
/// notice?
fn is_prose_line(snap: &Snapshot, b: &Block) -> bool {
    let sentence = || {
        more_words_than(&b.text, MIN_PROSE_WORDS)
            && b.link_density() < MAX_PROSE_LINK_DENSITY
            && (b.text.ends_with(SENTENCE_END)
                || b.chars() >= MIN_PROSE_LINE_CHARS
                || snap.nodes[b.element as usize].tag == "p")
    };
    b.heading.is_none()
        && !b.in_list
        // (a sentence that links its subject, "I would love you invite you to <a>the book event</a>
        // at …", as the body keeps it: ending like a sentence)
        && (is_content_block(b)
            || sentence()
            || (is_linked_sentence(b) && b.text.ends_with(SENTENCE_END)))
        && !is_furniture(&b.text)
        && !is_notice_text(&b.text)
}

/// The container of a short post, for a page where no element holds enough content text to be an
/// article: a title ([`title_blocks`]) and the prose lines that follow it, up to the next heading
/// or link list (at most [`MAX_POST_BLOCKS`] blocks), when they hold at least
/// [`MIN_POST_PROSE_CHARS`] characters; the container is the nearest element holding the title and
/// those lines, unless that is the whole page (`<body>`, `<html>`: the lines are then scraps around
/// the page, not a post under its title). After jusText's view (Pomikálek 2011) that a short block
/// is content in the context of the blocks around it: here the context is the post's title.
pub(super) fn short_post(
    snap: &Snapshot,
    blocks: &[Block],
    headline: Option<NodeId>,
    title: Option<&str>,
) -> Option<NodeId> {
    title_blocks(blocks, headline, title)
        .into_iter()
        .find_map(|t| post_under(snap, blocks, t))
}

/// A post in the page's one `<article>` element has at least this many characters of prose (as much
/// content as a container away from the headline needs, `content::MIN_ARTICLE_CHARS`).
const MIN_ARTICLE_POST_CHARS: usize = 250;

/// The page's one `<article>` element, for a page where no element holds enough content text to be an
/// article and no short post sits under its title ([`short_post`]): a post of short lines (a few
/// captions under a picture, "“Cozy, cozy,” scouted by …") whose title is not the page's metadata
/// title, when its prose lines ([`is_prose_line`]) hold at least [`MIN_ARTICLE_POST_CHARS`]
/// characters. The element is HTML's own mark of "a complete, self-contained composition", which a
/// page of teasers repeats (one `<article>` a teaser) and a post's page holds once; Readability
/// likewise trusts it only as a hint, and the prose test keeps a box of links or a picture out.
pub(super) fn article_post(snap: &Snapshot, blocks: &[Block]) -> Option<NodeId> {
    let mut articles = snap
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.is_text() && n.tag == "article");
    let (a, _) = articles.next()?;
    if articles.next().is_some() {
        return None;
    }
    let inside = a..snap.subtree_end(a as NodeId);
    let prose: usize = blocks
        .iter()
        .filter(|b| inside.contains(&(b.element as usize)) && is_prose_line(snap, b))
        .map(Block::chars)
        .sum();
    (prose >= MIN_ARTICLE_POST_CHARS).then_some(a as NodeId)
}

/// The posts under the headings that carry the page's title (the heading is part of the metadata
/// title or holds it), for a page without a displayed headline: (the heading element, the post's
/// container) for each, see [`short_post`].
pub(super) fn titled_posts(
    snap: &Snapshot,
    blocks: &[Block],
    title: Option<&str>,
) -> Vec<(NodeId, NodeId)> {
    let Some(title) = title.map(str::to_lowercase) else {
        return Vec::new();
    };
    (0..blocks.len())
        .filter(|&i| is_title_heading(&blocks[i], &title))
        .filter_map(|t| post_under(snap, blocks, t).map(|c| (blocks[t].element, c)))
        .collect()
}

/// Is this block a heading (more than [`MIN_TITLE_WORDS`] words) whose text is part of the
/// lower-cased page title `title`, or starts with it (the title without the site name that the
/// heading keeps; a heading that quotes the title later, "12 Responses to “…”", is a comment
/// thread's)?
fn is_title_heading(b: &Block, title: &str) -> bool {
    if b.heading.is_none() || !more_words_than(&b.text, MIN_TITLE_WORDS) {
        return false;
    }
    let text = b.text.to_lowercase();
    title.contains(&text) || text.starts_with(title)
}

/// The container of the short post under the title block `t`, if its prose is long enough (see
/// [`short_post`]).
fn post_under(snap: &Snapshot, blocks: &[Block], t: usize) -> Option<NodeId> {
    let (mut prose_chars, mut last) = (0usize, None);
    for b in blocks.iter().skip(t + 1).take(MAX_POST_BLOCKS) {
        let link_list = b.link_density() > 0.5 && more_words_than(&b.text, LINK_LIST_WORDS - 1);
        if b.heading.is_some() || (link_list && last.is_some()) {
            break;
        }
        if is_prose_line(snap, b) {
            prose_chars += b.chars();
            last = Some(b.element);
        }
    }
    if prose_chars < MIN_POST_PROSE_CHARS {
        return None;
    }
    let (title_el, last) = (blocks[t].element, last?);
    let container = std::iter::once(title_el)
        .chain(snap.ancestors(title_el))
        .find(|&a| a == last || snap.is_descendant(last, a))?;
    let tag = snap.nodes[container as usize].tag.as_str();
    (!matches!(tag, "body" | "html")).then_some(container)
}

#[cfg(test)]
mod tests {
    use crate::extract::test_pages::*;

    /// A blog page: the blog's name and sidebar headings, then one post whose title is a linked
    /// `<h3>`, a date line and `post` (the post's text), then a footer of links.
    fn blog(post: &str) -> String {
        let side: String = ["Search", "Recent Posts", "My Other Blogs", "Archives"]
            .iter()
            .map(|h| format!("<h2>{h}</h2><ul><li><a href=/a>An older post</a></li></ul>"))
            .collect();
        format!(
            "<html><head><title>Ann's Blog: Yesterday is over</title></head><body>\
             <div id=side><h1><a href=/>Ann's Blog</a></h1>{side}</div><div id=main><div class=entry>\
             <h3><a href=/p/1>Yesterday is over</a></h3><div>July 12, 2012</div>{post}</div></div>\
             <div id=foot><a href=/about>About</a> <a href=/contact>Contact</a></div></body></html>"
        )
    }

    #[test]
    fn short_post_under_its_title_is_an_article() {
        let post = "<p>This is bad news for the old guard, and good news for everyone else.</p>\
                    <p>And it happens again, fresh, every day.</p>";
        let x = extract(&snap(&blog(post)));
        assert!(x.main.is_some());
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.contains(&"And it happens again, fresh, every day."),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("older post")), "{texts:?}");
    }

    /// A blog's sidebar box of prose (a disclosure policy, longer than the post) and blogroll before
    /// `main`.
    fn with_disclosure(main: &str, title: &str) -> String {
        let policy = format!(
            "<div class=box><h2>My Code of Ethics</h2><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>"
        );
        let roll: String = (0..20)
            .map(|i| {
                format!("<li><a href=/b/{i}>A friend's blog about teaching, number {i}</a></li>")
            })
            .collect();
        format!(
            "<html><head><title>{title}</title></head><body><h1><a href=/>Ann's Blog</a></h1>\
             <div class=side>{policy}<ul>{roll}</ul></div><div class=posts>{main}</div></body></html>"
        )
    }

    #[test]
    fn post_titled_like_the_page_wins_over_a_longer_sidebar() {
        let post = "<h2>Monday, November 5, 2012</h2><div class=post><h3>Lesson plans that rock</h3>\
                    <p>A fantastic example of how a teacher takes her students through making a video, \
                    with some wonderful handouts to go with it.</p><p>Posted from my favourite links.</p></div>";
        let x = extract(&snap(&with_disclosure(
            post,
            "Ann's Blog: Lesson plans that rock",
        )));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with("A fantastic example")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.starts_with("This is")), "{texts:?}");
    }

    #[test]
    fn one_line_picture_post_is_an_article() {
        // a picture post: its title, the picture and one line about it (26 characters)
        let post = "<p><img src=origami.jpg></p><p>Not your mother's origami.</p>";
        let x = extract(&snap(&blog(post)));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Not your mother's origami."]);
    }

    #[test]
    fn post_that_closes_with_a_call_to_action_keeps_its_body() {
        // a picture post whose one paragraph ends "please CLICK HERE": a promo's phrase, but the
        // post itself, so the found article keeps it as its body
        let post = "<p><img src=roses.jpg></p><p>Whenever you have time, and if you believe in \
                    miracles, I encourage you to visit the shrine in Montichiari, Italy<br>To find \
                    more information, please <a href=/m>CLICK HERE</a></p>";
        let x = extract(&snap(&blog(post)));
        assert!(x.main.is_some());
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(texts[0].starts_with("Whenever you have time"), "{texts:?}");
    }

    #[test]
    fn comment_forms_list_of_allowed_tags_is_no_part_of_a_short_post() {
        // a two-line quotation post, then the comment form whose list of allowed HTML tags is longer
        // than the post and reads as a sentence with commas
        let form = "<form id=commentform><p>Your email address will not be published.</p>\
                    <p class=form-allowed-tags>You may use these <abbr>HTML</abbr> tags and \
                    attributes: <code>&lt;a href=\"\" title=\"\"&gt; &lt;abbr title=\"\"&gt; \
                    &lt;acronym title=\"\"&gt; &lt;b&gt; &lt;blockquote cite=\"\"&gt; &lt;cite&gt; \
                    &lt;code&gt; &lt;del datetime=\"\"&gt; &lt;em&gt; &lt;i&gt; &lt;q cite=\"\"&gt; \
                    &lt;strike&gt; &lt;strong&gt;</code></p></form>";
        let post = format!(
            "<p><em>He in his madness prays for storms,</em><br><em>And dreams that storms will \
             bring him peace.</em></p><ul><li>Mikhail Lermontov, as published in Family Happiness \
             by Leo Tolstoy</li></ul>{form}"
        );
        let x = extract(&snap(&blog(&post)));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with("He in his madness")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("HTML")), "{texts:?}");
    }

    #[test]
    fn post_of_one_linked_sentence_is_an_article() {
        // an invitation whose only long sentence links the event it names
        let post = "<p>Dear all,</p><p>I would love to invite you to <a href=/e>the Treehouse \
                    Heroes book event</a> at the Reading Bug this coming Saturday, at 11 am.</p>";
        let x = extract(&snap(&blog(post)));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("I would love to invite")),
            "{texts:?}"
        );
        // a line that only links ("… by <a>X</a>", no sentence end) is still no post
        let credit = "<p>Wonderful animated video for <a href=/v>a French singer's new single \
                      and album</a>! Created by Jose Arboleda</p>";
        assert!(extract(&snap(&blog(credit))).main.is_none());
    }

    /// A page whose headline is not its `<title>`, with a post of short captioned lines in its one
    /// `<article>` (`article`), then a rail of related stories and a footer.
    fn captions_post(article: &str) -> String {
        let lines: String = [
            "“Cozy, cozy,” scouted by aimxignite",
            "“These pants are spot on,” scouted by jay",
            "“Bosslady,” scouted by JillPerry",
            "“Voter attire,” scouted by susiegibson",
            "“Richard Diebenkorn nails,” scouted by Lauren",
        ]
        .iter()
        .map(|l| format!("<p>{l}</p>"))
        .collect();
        let related: String = (0..4)
            .map(|i| {
                format!(
                    "<div class=item><h3><a href=/r/{i}>Another story number {i}</a></h3></div>"
                )
            })
            .collect();
        format!(
            "<html><head><title>Scout - Fall Fashion Trends</title></head><body>\
             <header><h1>Scouted This Week: Prints Charming</h1><h2>The latest finds from our app</h2></header>\
             <{article}><p>We are delighting in your knit picks, election excitement, bold eyes and \
             finest handiwork. Here are a few of our favourites.</p>{lines}</{article}>\
             <div class=related><h1>Related Stories</h1>{related}</div></body></html>"
        )
    }

    #[test]
    fn short_lines_in_the_one_article_element_are_an_article() {
        let x = extract(&snap(&captions_post("article")));
        let texts: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.contains(&"“Bosslady,” scouted by JillPerry"),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("Another story")),
            "{texts:?}"
        );
        // the same lines in a plain box are no article: nothing marks them as the page's composition
        assert!(extract(&snap(&captions_post("div"))).main.is_none());
    }

    #[test]
    fn title_over_links_only_is_no_article() {
        let post = "<p><a href=/1>Previous post in this blog</a> <a href=/2>Next post</a></p>";
        assert!(extract(&snap(&blog(post))).main.is_none());
    }
}
