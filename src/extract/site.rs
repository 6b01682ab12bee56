//! Site and language: the page's declared language and the direction its article's text inherits.

use super::meta::{meta_content, names_of, Metas};
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use serde_json::Value;

/// Languages written right to left (ISO 639-1/3 primary subtags).
pub(super) const RTL_LANGUAGES: &[&str] = &[
    "ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb",
];

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The `dir` (`ltr` or `rtl`) an element's text inherits: its own or its nearest ancestor's, as HTML
/// inherits the attribute (`auto` and other values are passed over).
pub(super) fn inherited_dir(snap: &Snapshot, el: NodeId) -> Option<String> {
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
pub(super) fn is_rtl_text(paragraphs: &[Block]) -> bool {
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

/// The site's name: `og:site_name` (or `application-name`, `twitter:site:name`), else the JSON-LD
/// `publisher`'s name.
pub(super) fn site_name(metas: &Metas<'_>, ld: Option<&Value>) -> Option<String> {
    meta_content(
        metas,
        &["og:site_name", "application-name", "twitter:site:name"],
    )
    .or_else(|| {
        ld.and_then(|v| v.get("publisher"))
            .and_then(|p| names_of(p).into_iter().next())
    })
}

/// The declared language: `<html lang>`, else `<body lang>`, else the language `<meta>` keys.
pub(super) fn language(snap: &Snapshot, metas: &Metas<'_>) -> Option<String> {
    let root = snap.nodes.first();
    let body = snap.first_tag("body").map(|b| &snap.nodes[b as usize]);
    root.and_then(|r| r.attr("lang"))
        .or_else(|| body.and_then(|b| b.attr("lang")))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| meta_content(metas, &["og:locale", "content-language", "language"]))
}

/// The address of the next page of a multi-page article (`<link rel="next">`).
pub(super) fn next_page(snap: &Snapshot) -> Option<String> {
    snap.nodes
        .iter()
        .find(|n| {
            n.tag == "link"
                && n.attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|r| r == "next"))
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::extract::test_pages::*;

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
}
