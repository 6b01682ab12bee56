//! Time the parse + snapshot and the summary of every hostile page kind (`tests/hostile/pages.rs`):
//! `cargo run --release --example hostile_times`, plus 100 000-deep unclosed nesting of each element
//! shape. The budget is the issue's: an answer within 1 s.
use std::time::Instant;

#[path = "../tests/hostile/pages.rs"]
mod pages;

fn main() {
    println!(
        "{:<36} {:>9} {:>9} {:>9} {:>8}  answer",
        "page", "bytes", "parse", "summary", "nodes"
    );
    let extreme = pages::nesting_variants(100_000);
    let all = pages::all()
        .into_iter()
        .map(|(n, h)| (n.to_string(), h))
        .chain(extreme);
    for (name, html) in all {
        let t = Instant::now();
        let snap = lede::Snapshot::from_html(&html, None);
        let parse = t.elapsed();
        let t = Instant::now();
        let s = lede::summarize(&snap);
        let summary = t.elapsed();
        let answer = if s.article_found {
            format!("article: {} body chars", s.body.chars().count())
        } else {
            s.message.unwrap_or_default()
        };
        println!(
            "{name:<36} {:>9} {:>7.0}ms {:>7.0}ms {:>8}  {}",
            html.len(),
            parse.as_secs_f64() * 1e3,
            summary.as_secs_f64() * 1e3,
            snap.nodes.len(),
            answer.chars().take(60).collect::<String>()
        );
    }
}
