//! Metadata sources: the page's `<meta>` elements and its JSON-LD article object.

use crate::snapshot::{NodeId, Snapshot};
use crate::text::collapse_ws;
use serde_json::Value;

/// The page's `<meta>` elements with the keys each declares, normalised ([`meta_key`]), read once per
/// page: every metadata field looks its keys up here (before, each lookup scanned the page and
/// normalised every key again). A `property` attribute may list several keys (`property="og:title
/// twitter:title"`, RDFa), `name` gives one; `property` keys come first.
pub(super) struct Metas<'a> {
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
    pub(super) fn of(snap: &'a Snapshot) -> Metas<'a> {
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
pub(super) fn meta_content(metas: &Metas<'_>, keys: &[&str]) -> Option<String> {
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
pub(super) fn meta_all(metas: &Metas<'_>, key: &str) -> Vec<String> {
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
pub(super) fn json_ld_article(snap: &Snapshot) -> Option<Value> {
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

pub(super) fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(o) => o.get("name").map(names_of).unwrap_or_default(),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_pages::*;

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
