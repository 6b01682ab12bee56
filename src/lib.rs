//! Lede: a trustworthy summary of a news article, computed locally from a page snapshot.
//!
//! The pipeline, one module per stage: [`snapshot`] (the page as a flat node arena) →
//! [`extract`] (main content and metadata) → [`text`] (paragraph text mapped back to the page,
//! sentences) → [`quotes`], [`entities`], [`bullets`] → [`summary::Summary`] → [`render`] (Markdown).
//! The browser panel (`web`, wasm32 only) and the CLI (`src/bin/lede.rs`) are thin shells over
//! [`summarize`].

pub mod render;
pub mod snapshot;
pub mod summary;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use snapshot::Snapshot;
pub use summary::Summary;

/// Analyse a snapshot: extraction, metadata, quotes, entities and bullets, in one pass.
///
/// Never fails: a page without an article gives `article_found: false` and a `message`.
pub fn summarize(snap: &Snapshot) -> Summary {
    let title = snap
        .first_tag("title")
        .map(|t| snap.text_content(t).trim().to_string());
    Summary {
        article_found: false,
        message: Some("Work in progress".into()),
        headline: title,
        ..Default::default()
    }
}
