//! Lede: a trustworthy summary of a news article, computed locally from a page snapshot.
//!
//! The pipeline, one module per stage: [`snapshot`] (the page as a flat node arena) →
//! [`extract`] (main content and metadata) → [`text`] (paragraph text mapped back to the page,
//! sentences) → [`quotes`], [`entities`], [`bullets`] → [`summary::Summary`] → [`render`] (Markdown).
//! The browser panel (`web`, wasm32 only) and the CLI (`src/bin/lede.rs`) are thin shells over
//! [`summarize`].

#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod bullets;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
pub mod entities;
pub mod extract;
#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
mod python;
pub mod quotes;
pub mod render;
pub mod snapshot;
mod sort;
pub mod summary;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use snapshot::Snapshot;
pub use summary::Summary;

use rustc_hash::FxHashMap as HashMap;
use text::Para;

/// What the panel says when the page holds no article.
pub const NO_ARTICLE: &str =
    "No article found on this page: it looks like an index, a search page or an app, not a news story.";

/// What the panel says when the page has (next to) no visible text: a video, an image, an empty page.
pub const NO_TEXT: &str = "This page has no readable text to summarise.";
/// A page with less visible text than this (characters, all blocks together) has no readable text.
const MIN_PAGE_TEXT: usize = 40;

/// Analyse a snapshot: extraction, metadata, quotes, entities and bullets, in one pass.
///
/// Never fails: a page without an article gives `article_found: false` and a `message`; the
/// metadata of the page that was found (headline, site, language) is still reported, but no byline
/// or date (they credit an article). Reads at most
/// [`Snapshot::bounded`] of the page, so the time it takes is bounded whatever the page.
pub fn summarize(snap: &Snapshot) -> Summary {
    summarize_with(snap, bullets::Method::Auto)
}

/// Analyse a small built-in article (a headline and three paragraphs with a quote, a speaker, places
/// and organisations) and return its summary. The panel calls it while it waits for the page's
/// snapshot: the first analysis in a fresh WebAssembly instance pays for the engine compiling each
/// function on its first call and for building the word-list and gazetteer sets (1-2 ms, most of a
/// small page's analysis; docs/performance.md), and this way the page's does not.
pub fn warm_up() -> Summary {
    summarize(&Snapshot::article(
        "Ministers meet in Geneva to agree a plan on water",
        &[
            "GENEVA (Reuters) - Ministers from France, Germany and Kenya met in Geneva on Monday to \
             agree a plan that would cut the cost of clean water for millions of families by 2030.",
            "“We have waited too long, and people are paying the price,” said Maria Lopez, the United \
             Nations envoy who led the talks. “This plan will change that.”",
            "The World Bank said in a report that the plan would need $40 billion, and officials in \
             Nairobi and Paris said they expected a vote in the European Parliament next year.",
        ],
    ))
}

/// [`summarize`] with the bullets chosen by `method`: [`bullets::Method::Auto`] is what the panel shows;
/// the baselines (Lead-3, TextRank alone) are for evaluation (`lede --bullets`, `scripts/score_bullets.py`).
pub fn summarize_with(snap: &Snapshot, method: bullets::Method) -> Summary {
    analyse(snap, method, None)
}

/// The key-point candidates of a page with their features ([`bullets::key_point_candidates`]) and
/// texts, as [`summarize`] sees them: for training the key-point scorer
/// (`examples/key_point_features.rs`). Empty when the page has no article or shows its own summary.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub fn key_point_candidates(snap: &Snapshot) -> (Vec<String>, bullets::Candidates) {
    let mut out = Default::default();
    analyse(snap, bullets::Method::Auto, Some(&mut out));
    out
}

/// Where [`analyse`] writes the key points' candidates and their texts (training only: nothing in the
/// wasm).
#[cfg(not(target_arch = "wasm32"))]
type CandidateSink<'a> = Option<&'a mut (Vec<String>, bullets::Candidates)>;
#[cfg(target_arch = "wasm32")]
type CandidateSink<'a> = Option<&'a mut ()>;

/// [`summarize_with`]; with `candidates`, the key points' candidates are also written there.
fn analyse(snap: &Snapshot, method: bullets::Method, candidates: CandidateSink) -> Summary {
    // hostile pages (a 5 MB text node, 200 000 elements) are analysed within a fixed budget
    let snap = &*snap.bounded();
    // a page of several whole stories (infinite scroll): one of them
    let snap = &*snap.one_article();
    let x = extract::extract(snap);
    let m = &x.meta;
    let mut s = Summary {
        article_found: x.main.is_some(),
        headline: m.headline.clone(),
        byline: m.byline.clone(),
        published: m.published.clone(),
        site_name: m.site_name.clone(),
        url: snap.url.clone(),
        lang: m.lang.clone(),
        dir: m.dir.clone(),
        next_page: m.next_page.clone(),
        ..Default::default()
    };
    if x.main.is_none() {
        // a byline and a date credit an article: on an index page they are its first teaser's
        s.byline.clear();
        s.published = None;
        let text_chars: usize = x.blocks.iter().map(|b| b.text.chars().count()).sum();
        let has_text = text_chars >= MIN_PAGE_TEXT;
        s.message = Some(if has_text { NO_ARTICLE } else { NO_TEXT }.to_string());
        return s;
    }
    let mut page = bullets::page_bullets(snap, &x);
    if x.paragraphs
        .iter()
        .all(|b| page.elements.contains(&b.element))
    {
        // the "dek" is all the text there is: it is the article itself
        page.elements.clear();
        page.bullets.clear();
    }
    let body_blocks: Vec<&extract::Block> = x
        .paragraphs
        .iter()
        .filter(|b| !page.elements.contains(&b.element))
        .collect();
    let not_prose: Vec<bool> = body_blocks
        .iter()
        .map(|b| bullets::not_prose(snap, b))
        .collect();

    // headline, page bullets and body, in reading order, for entities and quotes (the body is the
    // tail of the same list, so the sentences split for one stage serve the others)
    let headline_para = m
        .headline_node
        .and_then(|h| x.blocks.iter().find(|b| b.element == h))
        .map(|b| b.para.clone())
        .or_else(|| m.headline.as_deref().map(Para::plain));
    let mut paras: Vec<Para> = Vec::new();
    let mut trusted: Vec<bool> = Vec::new();
    if let Some(h) = headline_para {
        paras.push(h);
        trusted.push(false);
    }
    // page bullets keep their page positions: their blocks' mapped text
    for el in &page.elements {
        if let Some(b) = x.blocks.iter().find(|b| b.element == *el) {
            paras.push(b.para.clone());
        }
    }
    let body_start = paras.len();
    paras.extend(body_blocks.iter().map(|b| b.para.clone()));
    trusted.resize(paras.len(), true);
    let body = &paras[body_start..];
    s.body = body
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");

    let (entities, mentions) = entities::find_entities_at(&paras, &trusted);
    s.quotes = quotes::find_quotes(&paras, &mentions);
    s.bullet_details = match method {
        bullets::Method::Lead3 => bullets::lead(body, &not_prose, 3),
        bullets::Method::TextRank => bullets::textrank(body, &not_prose, 3),
        bullets::Method::Auto if page.bullets.is_empty() => {
            // entity salience: the ten most salient entities, by their share of the top mention count
            let top = entities.iter().take(10);
            let most = top
                .clone()
                .map(|e| e.mentions.len())
                .max()
                .unwrap_or(1)
                .max(1);
            let mut salience: HashMap<String, f64> = HashMap::default();
            for e in top {
                let share = e.mentions.len() as f64 / most as f64;
                for w in e
                    .aliases
                    .iter()
                    .chain([&e.name])
                    .flat_map(|a| text::word_tokens(a))
                {
                    if w.chars().count() > 2 {
                        let x = salience.entry(w).or_insert(0.0);
                        *x = x.max(share);
                    }
                }
            }
            let article = bullets::Article {
                paras: body,
                skip: &not_prose,
                headline: s.headline.as_deref(),
                entity_salience: &salience,
            };
            #[cfg(target_arch = "wasm32")]
            let _ = candidates;
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(out) = candidates {
                let c = bullets::key_point_candidates(&article);
                let texts = c
                    .spans
                    .iter()
                    .map(|&(p, s, e)| body[p].text[s..e].to_string());
                *out = (texts.collect(), c);
            }
            bullets::key_points(&article)
        }
        bullets::Method::Auto => page.bullets,
    };
    s.bullets = s.bullet_details.iter().map(|b| b.text.clone()).collect();
    s.entities = entities;
    if s.quotes.iter().all(|q| q.fragment) && s.entities.is_empty() {
        s.message = Some("No quotes or named entities found in this article.".into());
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::summary::EntityType;

    #[test]
    fn warm_up_runs_every_stage_of_the_analysis() {
        let s = super::warm_up();
        assert!(s.article_found, "{s:?}");
        assert!(!s.bullets.is_empty(), "{s:?}");
        assert!(
            s.quotes
                .iter()
                .any(|q| q.speaker.as_deref() == Some("Maria Lopez")),
            "{:?}",
            s.quotes
        );
        let kinds: Vec<(&str, EntityType)> = s
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        for want in [
            ("Maria Lopez", EntityType::Person),
            ("Nairobi", EntityType::Place),
            ("World Bank", EntityType::Org),
        ] {
            assert!(kinds.contains(&want), "{want:?} not in {kinds:?}");
        }
    }
}
