//! Renderings of a [`Summary`] for people: Markdown, plain text and an HTML fragment. The CLI prints
//! them (`lede PAGE.html -f markdown|text|html`) and the panel's Copy button puts them on the
//! clipboard (HTML as `text/html` beside the plain text).
//!
//! Every format carries the same content in the same order: headline, meta line (byline · site ·
//! date), source link, the reader-facing message if any, bullets, then the optional quote and entity
//! sections ([`Sections`]). Page text is escaped for each format: Markdown punctuation is
//! backslash-escaped so page text cannot become markup, HTML text and attributes are entity-escaped,
//! and only `http:` / `https:` addresses become links.

use crate::summary::{EntityType, Quote, Summary};
use std::fmt::Write;

/// Output format of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark: `#` headline, `-` bullets, `>` quotes.
    Markdown,
    /// Plain text for chats and mail: `•` bullets, no markup.
    Text,
    /// An HTML fragment (no `<html>`/`<body>`) for rich paste into documents.
    Html,
}

impl Format {
    /// The format named `name`: `markdown`/`md`, `text`/`plain`/`txt`, or `html`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "text" | "plain" | "txt" => Some(Format::Text),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The optional sections of a rendering (headline, meta, source and bullets are always there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    /// Direct quotes with their speakers (fragments are never listed).
    pub quotes: bool,
    /// Entities grouped by type with mention counts.
    pub entities: bool,
}

impl Default for Sections {
    /// Both sections on.
    fn default() -> Self {
        Sections {
            quotes: true,
            entities: true,
        }
    }
}

/// Entity groups in display order with their section titles.
const ENTITY_TITLES: [(EntityType, &str); 3] = [
    (EntityType::Person, "People"),
    (EntityType::Org, "Organisations"),
    (EntityType::Place, "Places"),
];

/// Shown in place of a missing headline.
const NO_HEADLINE: &str = "(no headline)";

/// Render `s` in `format` with the chosen optional `sections`.
pub fn render(s: &Summary, format: Format, sections: Sections) -> String {
    match format {
        Format::Markdown => markdown_with(s, sections),
        Format::Text => plain_text(s, sections),
        Format::Html => html(s, sections),
    }
}

/// Markdown with every section (what the CLI's `-f markdown` prints).
pub fn markdown(s: &Summary) -> String {
    markdown_with(s, Sections::default())
}

/// `2022-02-04T21:30:00+08:00` → `4 Feb 2022` (the page's own calendar date, no time-zone shift);
/// anything that does not start with an ISO 8601 date is returned as given.
pub fn human_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = iso.get(..10).unwrap_or("");
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return iso.to_string();
    }
    match (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(y), Ok(m @ 1..=12), Ok(d @ 1..=31)) if y > 999 => {
            format!("{d} {} {y}", MONTHS[m - 1])
        }
        _ => iso.to_string(),
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A quote as shown: without the comma that English puts before the attribution ("…," she said).
pub fn display_quote(text: &str) -> &str {
    text.trim_end().trim_end_matches(',').trim_end()
}

/// The page address when it is a web address (`http:` or `https:`); anything else (`javascript:`,
/// `data:`, a file path) is never rendered as a link.
pub fn source_url(s: &Summary) -> Option<&str> {
    let url = s.url.as_deref()?.trim();
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = scheme.starts_with("https://") || scheme.starts_with("http://");
    (ok && url.len() > scheme.find("//").unwrap_or(0) + 2 && !url.contains(char::is_whitespace))
        .then_some(url)
}

/// Link text for the source: the site name, else the address's host.
fn source_label<'a>(s: &'a Summary, url: &'a str) -> &'a str {
    if let Some(site) = s.site_name.as_deref().filter(|x| !x.trim().is_empty()) {
        return site;
    }
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The meta line's parts as plain strings: "By A and B", site, human date.
fn meta_parts(s: &Summary) -> Vec<String> {
    [
        (!s.byline.is_empty()).then(|| format!("By {}", join_names(&s.byline))),
        s.site_name.clone().filter(|x| !x.trim().is_empty()),
        s.published
            .as_deref()
            .filter(|x| !x.trim().is_empty())
            .map(human_date),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn shown_quotes(s: &Summary) -> impl Iterator<Item = &Quote> {
    s.quotes.iter().filter(|q| !q.fragment)
}

/// Per entity type with members: the title and "Name (mentions)" items, most salient first.
fn entity_lines(s: &Summary) -> Vec<(&'static str, Vec<(String, usize)>)> {
    ENTITY_TITLES
        .iter()
        .filter_map(|&(t, title)| {
            let items: Vec<(String, usize)> = s
                .entities
                .iter()
                .filter(|e| e.kind == t)
                .map(|e| (e.name.clone(), e.mentions.len().max(1)))
                .collect();
            (!items.is_empty()).then_some((title, items))
        })
        .collect()
}

// ----- Markdown --------------------------------------------------------------------------------

/// Backslash-escape the characters that would turn page text into Markdown markup (emphasis, code,
/// links, HTML). Line breaks become spaces so a line stays one block.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A URL safe inside a Markdown link destination: spaces, parentheses and angle brackets encoded.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            _ => out.push(c),
        }
    }
    out
}

fn markdown_with(s: &Summary, sections: Sections) -> String {
    let mut out = String::new();
    let headline = s.headline.as_deref().unwrap_or(NO_HEADLINE);
    let _ = write!(out, "# {}\n\n", escape_markdown(headline));
    let meta = meta_parts(s);
    if !meta.is_empty() {
        let _ = write!(out, "*{}*\n\n", escape_markdown(&meta.join(" · ")));
    }
    if let Some(url) = source_url(s) {
        let label = escape_markdown(source_label(s, url));
        let _ = write!(out, "Source: [{label}]({})\n\n", markdown_url(url));
    }
    if let Some(m) = &s.message {
        let _ = write!(out, "> {}\n\n", escape_markdown(m));
    }
    for b in &s.bullets {
        let _ = writeln!(out, "- {}", escape_markdown(b));
    }
    if !s.bullets.is_empty() {
        out.push('\n');
    }
    if sections.quotes && shown_quotes(s).next().is_some() {
        out.push_str("## Quotes\n\n");
        for q in shown_quotes(s) {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = write!(
                out,
                "> “{}” — {}\n\n",
                escape_markdown(display_quote(&q.text)),
                escape_markdown(who)
            );
        }
    }
    let groups = entity_lines(s);
    if sections.entities && !groups.is_empty() {
        out.push_str("## Entities\n\n");
        for (title, items) in groups {
            let list: Vec<String> = items
                .iter()
                .map(|(name, n)| format!("{} ({n})", escape_markdown(name)))
                .collect();
            let _ = writeln!(out, "- **{title}:** {}", list.join(", "));
        }
    }
    out
}

// ----- plain text ------------------------------------------------------------------------------

/// Collapse line breaks so one item stays on one line.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// Plain text: headline, meta line, source address, `•` bullets, quotes and entity lines.
pub fn plain_text(s: &Summary, sections: Sections) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        one_line(s.headline.as_deref().unwrap_or(NO_HEADLINE))
    );
    let meta = meta_parts(s);
    if !meta.is_empty() {
        let _ = writeln!(out, "{}", one_line(&meta.join(" · ")));
    }
    if let Some(url) = source_url(s) {
        let _ = writeln!(out, "Source: {url}");
    }
    if let Some(m) = &s.message {
        let _ = write!(out, "\n{}\n", one_line(m));
    }
    if !s.bullets.is_empty() {
        out.push('\n');
        for b in &s.bullets {
            let _ = writeln!(out, "• {}", one_line(b));
        }
    }
    if sections.quotes && shown_quotes(s).next().is_some() {
        out.push_str("\nQuotes\n");
        for q in shown_quotes(s) {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = writeln!(
                out,
                "“{}” — {}",
                one_line(display_quote(&q.text)),
                one_line(who)
            );
        }
    }
    let groups = entity_lines(s);
    if sections.entities && !groups.is_empty() {
        out.push('\n');
        for (title, items) in groups {
            let list: Vec<String> = items
                .iter()
                .map(|(name, n)| format!("{} ({n})", one_line(name)))
                .collect();
            let _ = writeln!(out, "{title}: {}", list.join(", "));
        }
    }
    out
}

// ----- HTML ------------------------------------------------------------------------------------

/// Escape text for HTML element content and double- or single-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An HTML fragment: `<h1>` headline, meta line, source link, `<ul>` bullets, quotes as
/// `<blockquote>`, entity lists. The page's language and direction go on a wrapping `<div>`.
pub fn html(s: &Summary, sections: Sections) -> String {
    let mut out = String::from("<div");
    if let Some(lang) = s.lang.as_deref().filter(|l| !l.is_empty()) {
        let _ = write!(out, " lang=\"{}\"", escape_html(lang));
    }
    if let Some(dir) = s.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl")) {
        let _ = write!(out, " dir=\"{dir}\"");
    }
    out.push_str(">\n");
    let headline = s.headline.as_deref().unwrap_or(NO_HEADLINE);
    let _ = writeln!(out, "<h1>{}</h1>", escape_html(headline));
    let mut meta: Vec<String> = Vec::new();
    if !s.byline.is_empty() {
        meta.push(format!("By {}", escape_html(&join_names(&s.byline))));
    }
    if let Some(site) = s.site_name.as_deref().filter(|x| !x.trim().is_empty()) {
        meta.push(escape_html(site));
    }
    if let Some(date) = s.published.as_deref().filter(|x| !x.trim().is_empty()) {
        meta.push(format!(
            "<time datetime=\"{}\">{}</time>",
            escape_html(date),
            escape_html(&human_date(date))
        ));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p><em>{}</em></p>", meta.join(" · "));
    }
    if let Some(url) = source_url(s) {
        let _ = writeln!(
            out,
            "<p>Source: <a href=\"{}\">{}</a></p>",
            escape_html(url),
            escape_html(source_label(s, url))
        );
    }
    if let Some(m) = &s.message {
        let _ = writeln!(out, "<p>{}</p>", escape_html(m));
    }
    if !s.bullets.is_empty() {
        out.push_str("<ul>\n");
        for b in &s.bullets {
            let _ = writeln!(out, "<li>{}</li>", escape_html(b));
        }
        out.push_str("</ul>\n");
    }
    if sections.quotes && shown_quotes(s).next().is_some() {
        out.push_str("<h2>Quotes</h2>\n");
        for q in shown_quotes(s) {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = writeln!(
                out,
                "<blockquote><p>“{}”</p><p>— {}</p></blockquote>",
                escape_html(display_quote(&q.text)),
                escape_html(who)
            );
        }
    }
    let groups = entity_lines(s);
    if sections.entities && !groups.is_empty() {
        out.push_str("<h2>Entities</h2>\n<ul>\n");
        for (title, items) in groups {
            let list: Vec<String> = items
                .iter()
                .map(|(name, n)| format!("{} ({n})", escape_html(name)))
                .collect();
            let _ = writeln!(
                out,
                "<li><strong>{title}:</strong> {}</li>",
                list.join(", ")
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::{Entity, Mention};

    fn sample() -> Summary {
        Summary {
            article_found: true,
            headline: Some("Rates <b>rise</b> & *markets* fall".into()),
            byline: vec!["Ann Lee".into(), "Bo Chen".into(), "Cy Diaz".into()],
            site_name: Some("The Daily".into()),
            published: Some("2022-02-04T21:30:00+08:00".into()),
            url: Some("https://news.example/a(1)?x=1&y=2".into()),
            bullets: vec!["First point [1]".into(), "Second\npoint".into()],
            quotes: vec![
                Quote {
                    text: "We will <script>act</script>,".into(),
                    speaker: Some("Ann Lee".into()),
                    fragment: false,
                    ranges: vec![],
                },
                Quote {
                    text: "scare".into(),
                    speaker: None,
                    fragment: true,
                    ranges: vec![],
                },
            ],
            entities: vec![
                Entity {
                    name: "Ann Lee".into(),
                    kind: EntityType::Person,
                    aliases: vec!["Ann Lee".into()],
                    mentions: vec![
                        Mention {
                            text: "Ann Lee".into(),
                            ranges: vec![],
                        };
                        3
                    ],
                },
                Entity {
                    name: "O'Hare & Co".into(),
                    kind: EntityType::Org,
                    aliases: vec![],
                    mentions: vec![],
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn markdown_has_every_part_in_order_and_escapes_page_text() {
        let md = markdown(&sample());
        let expected = "# Rates \\<b\\>rise\\</b\\> & \\*markets\\* fall\n\n\
            *By Ann Lee, Bo Chen and Cy Diaz · The Daily · 4 Feb 2022*\n\n\
            Source: [The Daily](https://news.example/a%281%29?x=1&y=2)\n\n\
            - First point \\[1\\]\n- Second point\n\n\
            ## Quotes\n\n> “We will \\<script\\>act\\</script\\>” — Ann Lee\n\n\
            ## Entities\n\n- **People:** Ann Lee (3)\n- **Organisations:** O'Hare & Co (1)\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn sections_are_optional_in_every_format() {
        let s = sample();
        let none = Sections {
            quotes: false,
            entities: false,
        };
        for f in [Format::Markdown, Format::Text, Format::Html] {
            let all = render(&s, f, Sections::default());
            let some = render(&s, f, none);
            assert!(
                all.contains("Quotes") && all.contains("People"),
                "{f:?}: {all}"
            );
            assert!(
                !some.contains("Quotes") && !some.contains("People"),
                "{f:?}: {some}"
            );
            // headline, byline, date and source are always there
            for must in ["Rates", "Ann Lee", "4 Feb 2022", "news.example"] {
                assert!(some.contains(must), "{f:?} lacks {must}: {some}");
            }
            // fragments are never listed as quotes
            assert!(!all.contains("scare"), "{f:?}");
        }
    }

    #[test]
    fn plain_text_has_no_markup() {
        let t = plain_text(&sample(), Sections::default());
        let expected = "Rates <b>rise</b> & *markets* fall\n\
            By Ann Lee, Bo Chen and Cy Diaz · The Daily · 4 Feb 2022\n\
            Source: https://news.example/a(1)?x=1&y=2\n\n\
            • First point [1]\n• Second point\n\n\
            Quotes\n“We will <script>act</script>” — Ann Lee\n\n\
            People: Ann Lee (3)\nOrganisations: O'Hare & Co (1)\n";
        assert_eq!(t, expected);
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        let h = html(&sample(), Sections::default());
        assert!(
            h.contains("<h1>Rates &lt;b&gt;rise&lt;/b&gt; &amp; *markets* fall</h1>"),
            "{h}"
        );
        assert!(h.contains("<time datetime=\"2022-02-04T21:30:00+08:00\">4 Feb 2022</time>"));
        assert!(h.contains("<a href=\"https://news.example/a(1)?x=1&amp;y=2\">The Daily</a>"));
        assert!(h.contains("<li>First point [1]</li>"));
        assert!(h.contains("“We will &lt;script&gt;act&lt;/script&gt;”"));
        assert!(h.contains("O&#39;Hare &amp; Co (1)"));
        assert!(!h.contains("<script") && !h.contains("<b>"), "{h}");
        assert!(h.starts_with("<div>") && h.trim_end().ends_with("</div>"));
    }

    #[test]
    fn html_carries_the_page_language_and_direction() {
        let mut s = sample();
        s.lang = Some("ar\"><x".into());
        s.dir = Some("rtl".into());
        let h = html(&s, Sections::default());
        assert!(
            h.starts_with("<div lang=\"ar&quot;&gt;&lt;x\" dir=\"rtl\">"),
            "{h}"
        );
        s.dir = Some("evil\" onclick=\"x".into());
        assert!(!html(&s, Sections::default()).contains("onclick"));
    }

    #[test]
    fn only_web_addresses_become_links() {
        let mut s = sample();
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "/local/file.html",
            "https://",
            "https://a b",
        ] {
            s.url = Some(bad.into());
            assert_eq!(source_url(&s), None, "{bad}");
            for f in [Format::Markdown, Format::Text, Format::Html] {
                assert!(
                    !render(&s, f, Sections::default()).contains("Source"),
                    "{bad}"
                );
            }
        }
        s.url = Some("HTTP://Example.org/x".into());
        assert_eq!(source_url(&s), Some("HTTP://Example.org/x"));
        s.site_name = None;
        assert!(markdown(&s).contains("Source: [Example.org](HTTP://Example.org/x)"));
    }

    #[test]
    fn missing_parts_are_left_out() {
        let s = Summary {
            message: Some("No article found on this page.".into()),
            ..Default::default()
        };
        assert_eq!(
            markdown(&s),
            "# (no headline)\n\n> No article found on this page.\n\n"
        );
        assert_eq!(
            plain_text(&s, Sections::default()),
            "(no headline)\n\nNo article found on this page.\n"
        );
        assert_eq!(
            html(&s, Sections::default()),
            "<div>\n<h1>(no headline)</h1>\n<p>No article found on this page.</p>\n</div>\n"
        );
    }

    #[test]
    fn dates_names_and_formats() {
        assert_eq!(human_date("2022-02-04T21:30:00+08:00"), "4 Feb 2022");
        assert_eq!(human_date("2022-13-04"), "2022-13-04");
        assert_eq!(human_date("Feb 4, 2022"), "Feb 4, 2022");
        assert_eq!(human_date("2022-2-4xxxxx"), "2022-2-4xxxxx");
        assert_eq!(join_names(&["A".into()]), "A");
        assert_eq!(join_names(&["A".into(), "B".into()]), "A and B");
        assert_eq!(display_quote("We will act, "), "We will act");
        assert_eq!(Format::from_name("MD"), Some(Format::Markdown));
        assert_eq!(Format::from_name("plain"), Some(Format::Text));
        assert_eq!(Format::from_name("html"), Some(Format::Html));
        assert_eq!(Format::from_name("pdf"), None);
    }
}
