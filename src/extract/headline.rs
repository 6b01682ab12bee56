//! The headline: the displayed `<h1>` or the metadata title, with the site's name removed.

use super::meta::{meta_content, Metas};
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::{collapse_ws, word_count};

/// The headline and, when it is one, the displayed heading it comes from: the first `<h1>` block (not
/// one microdata marks `alternativeHeadline`) when it agrees with the metadata title (JSON-LD
/// `headline`, else the title `<meta>` keys) or the `<title>`, or reads as a headline itself
/// ([`is_displayed_headline`]); else an `<h2>` inside a `<header>` that reads as one (the page's
/// `<h1>` is its logo); else, on a blog page whose `<h1>` is the blog's name and whose `<title>` is
/// that name and the post's title, the post's heading ([`post_heading`]); else the metadata title, the
/// `<title>` (site name removed) or the `<h1>`.
pub(super) fn headline(
    snap: &Snapshot,
    blocks: &[Block],
    metas: &Metas<'_>,
    site_name: Option<&str>,
    ld_headline: Option<String>,
) -> (Option<String>, Option<NodeId>) {
    let title = snap
        .first_tag("title")
        .map(|t| collapse_ws(&snap.text_content(t)))
        .filter(|t| !t.is_empty());
    let meta_title = ld_headline.or_else(|| meta_content(metas, TITLE_META_KEYS));
    // the displayed <h1>: first visible h1 block that microdata does not call the alternative one
    // (a short title over the headline: `<h1 itemprop=alternativeHeadline>`)
    let alternative = |b: &Block| {
        snap.nodes[b.element as usize]
            .attr("itemprop")
            .is_some_and(|p| p.contains("alternativeHeadline"))
    };
    let h1 = blocks
        .iter()
        .find(|b| b.heading == Some(1) && b.chars() > 3 && !alternative(b));
    let cleaned_title = title.as_deref().map(|t| clean_title(t, site_name));
    match h1 {
        Some(b)
            if [meta_title.as_deref(), title.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| {
                    similar(&b.text, t)
                        || (t.contains(&b.text) && word_count(&b.text) * 5 >= word_count(t) * 3)
                })
                || is_displayed_headline(b, site_name, meta_title.as_deref()) =>
        {
            (Some(b.text.clone()), Some(b.element))
        }
        _ => {
            // no <h1> reads as the headline (a logo's, a section's): the <h2> of the article's
            // <header> that does, before the metadata title
            // (only beside such an <h1>: without one, an <h2> under the title is more often the dek)
            // a blog's <h1> is its name and its <title> "Name - Post title": the post's own heading
            if let Some(b) = h1.and_then(|h| post_heading(blocks, h, title.as_deref()?)) {
                return (Some(b.text.clone()), Some(b.element));
            }
            if let Some(b) = blocks.iter().filter(|_| h1.is_some()).find(|b| {
                b.heading == Some(2)
                    && !b.text.ends_with(['.', '。'])
                    && snap
                        .ancestors(b.element)
                        .any(|a| snap.nodes[a as usize].tag == "header")
                    && is_displayed_headline(
                        b,
                        site_name,
                        meta_title.as_deref().or(title.as_deref()),
                    )
            }) {
                return (Some(b.text.clone()), Some(b.element));
            }
            (
                meta_title
                    .map(|t| clean_title(&t, site_name))
                    .or(cleaned_title)
                    .or_else(|| h1.map(|b| b.text.clone())),
                None,
            )
        }
    }
}

/// The heading (`<h2>`–`<h4>`) after the `<h1>` `h1` that shows the rest of a `<title>` made of the
/// `<h1>`'s text and a post title ("Notes from the river - The flood barrier is approved"): on a blog
/// page the `<h1>` is the blog's name and the post's title is a lower heading, shown as the title
/// says it or after a marker glyph ("■ The flood barrier is approved").
fn post_heading<'b>(blocks: &'b [Block], h1: &Block, title: &str) -> Option<&'b Block> {
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", ": ",
    ];
    let title = collapse_ws(title);
    let rest = SEPS.iter().find_map(|sep| {
        title
            .strip_prefix(&format!("{}{sep}", h1.text))
            .or_else(|| title.strip_suffix(&format!("{sep}{}", h1.text)))
    })?;
    if word_count(rest) < 3 {
        return None;
    }
    blocks.iter().find(|b| {
        matches!(b.heading, Some(2..=4))
            && b.element > h1.element
            && b.text.strip_suffix(rest).is_some_and(|marker| {
                marker.chars().count() <= 2 && !marker.chars().any(char::is_alphanumeric)
            })
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn headline_shown_in_the_article_header_over_the_title() {
        use crate::extract::test_pages::{extract, snap, PARA};
        // the <h1> is the site's logo: the article header's <h2> is the headline
        let html = format!(
            "<head><title>Mayor Lee is embarrassed by the vote | Town Daily</title></head><body>\
             <h1><a href=/>Town Daily</a></h1><article><header><h2>Council outvotes Mayor Lee on the \
             bridge</h2></header><p>{PARA}</p></article></body>"
        );
        let m = extract(&snap(&html)).meta;
        assert_eq!(
            m.headline.as_deref(),
            Some("Council outvotes Mayor Lee on the bridge")
        );
        // a blog's name in the <h1>, its <title> the name and the post's title: the post's heading
        let html = format!(
            "<head><title>Notes from the river - The flood barrier is approved at last</title></head><body>\
             <h1>Notes from the river</h1><h2>2019-02-11</h2><h3><a href=#p1>■</a> The flood barrier is \
             approved at last</h3><p>{PARA}</p><h2>Recent posts</h2></body>"
        );
        let m = extract(&snap(&html)).meta;
        assert_eq!(
            m.headline.as_deref(),
            Some("■ The flood barrier is approved at last")
        );
        // a short alternative title in the <h1>: the metadata headline
        let html = format!(
            "<head><meta property=og:title content=\"Five mistakes people make with bridges\"></head>\
             <body><h1 itemprop=alternativeHeadline>Bridge mistakes</h1>\
             <h2 itemprop=headline>Five mistakes people make with bridges</h2><p>{PARA}</p></body>"
        );
        let m = extract(&snap(&html)).meta;
        assert_eq!(
            m.headline.as_deref(),
            Some("Five mistakes people make with bridges")
        );
    }
}
