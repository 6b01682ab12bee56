//! Plain renderings of a [`Summary`]: the Markdown that the CLI prints and the panel's Copy button
//! puts on the clipboard.

use crate::summary::{EntityType, Summary};

/// The calendar date of an ISO 8601 date-time ("2022-02-04T21:30:00+08:00" → "2022-02-04"); other
/// strings unchanged.
pub fn date_only(d: &str) -> String {
    let b = d.as_bytes();
    let iso =
        b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit);
    if iso {
        d[..10].to_string()
    } else {
        d.to_string()
    }
}

/// Render a summary as Markdown: headline as `#`, a meta line (byline · site · date), bullets,
/// quotes with speakers (fragments left out) and entities grouped by type with mention counts.
pub fn markdown(s: &Summary) -> String {
    let mut out = String::new();
    match &s.headline {
        Some(h) => out.push_str(&format!("# {h}\n\n")),
        None => out.push_str("# (no headline)\n\n"),
    }
    let meta: Vec<String> = [
        (!s.byline.is_empty()).then(|| format!("By {}", s.byline.join(", "))),
        s.site_name.clone(),
        s.published.as_deref().map(date_only),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        out.push_str(&format!("*{}*\n\n", meta.join(" · ")));
    }
    if let Some(m) = &s.message {
        out.push_str(&format!("> {m}\n\n"));
    }
    for b in &s.bullets {
        out.push_str(&format!("- {b}\n"));
    }
    if !s.bullets.is_empty() {
        out.push('\n');
    }
    let quotes: Vec<_> = s.quotes.iter().filter(|q| !q.fragment).collect();
    if !quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for q in quotes {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            // the comma before an attribution ("…,” she said) is not part of what was said
            let text = q.text.strip_suffix(',').unwrap_or(&q.text);
            out.push_str(&format!("> “{text}” — {who}\n\n"));
        }
    }
    if !s.entities.is_empty() {
        out.push_str("## Entities\n\n");
        for (t, title) in [
            (EntityType::Person, "People"),
            (EntityType::Org, "Organisations"),
            (EntityType::Place, "Places"),
        ] {
            let names: Vec<String> = s
                .entities
                .iter()
                .filter(|e| e.kind == t)
                .map(|e| format!("{} ({})", e.name, e.mentions.len().max(1)))
                .collect();
            if !names.is_empty() {
                out.push_str(&format!("- **{title}:** {}\n", names.join(", ")));
            }
        }
    }
    out
}
