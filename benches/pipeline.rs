//! Native pipeline stages, timed with criterion: `cargo bench --bench pipeline`.
//!
//! Pages: the bundled sample article, and, when the shared corpus is present (`$LEDE_SHARED`, else
//! `../shared`), a typical news page (`readability/nytimes-1`) and the largest corpus page
//! (`readability/wikipedia-2`). Stages, each timed on its own input: HTML → snapshot (html5ever parse and
//! arena walk), snapshot JSON → snapshot (what the panel does with the content script's message),
//! extraction + metadata, entities, quotes, key points, and the whole [`lede::summarize`].
#[path = "../tests/common.rs"]
mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;

/// `(name, html)` of the benchmark pages that exist on this machine.
fn pages() -> Vec<(&'static str, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![(
        "sample",
        std::fs::read_to_string(root.join("tests/fixtures/sample/xi-putin-summit.html")).unwrap(),
    )];
    for name in ["nytimes-1", "wikipedia-2"] {
        let p = common::shared()
            .join("corpus/readability")
            .join(name)
            .join("source.html");
        if let Ok(html) = std::fs::read_to_string(&p) {
            out.push((name, html));
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    for (name, html) in pages() {
        let mut g = c.benchmark_group(format!("stages/{name}"));
        g.sample_size(20);
        g.throughput(Throughput::Bytes(html.len() as u64));
        let snap = lede::Snapshot::from_html(&html, None);
        let json = serde_json::to_string(&snap).unwrap();
        let x = lede::extract::extract(&snap);
        let paras: Vec<lede::text::Para> = x.paragraphs.iter().map(|b| b.para.clone()).collect();
        let trusted = vec![true; paras.len()];
        let (_, mentions) = lede::entities::find_entities_at(&paras, &trusted);

        g.bench_function(BenchmarkId::new("html_to_snapshot", html.len()), |b| {
            b.iter(|| lede::Snapshot::from_html(black_box(&html), None))
        });
        g.bench_function(BenchmarkId::new("json_to_snapshot", json.len()), |b| {
            b.iter(|| lede::Snapshot::from_json(black_box(&json)).unwrap())
        });
        g.bench_function("extract", |b| {
            b.iter(|| lede::extract::extract(black_box(&snap)))
        });
        g.bench_function("entities", |b| {
            b.iter(|| lede::entities::find_entities_at(black_box(&paras), &trusted))
        });
        g.bench_function("quotes", |b| {
            b.iter(|| lede::quotes::find_quotes(black_box(&paras), &mentions))
        });
        let no_weights = Default::default();
        let prose = vec![false; paras.len()];
        let article = lede::bullets::Article {
            paras: &paras,
            skip: &prose,
            headline: None,
            entity_salience: &no_weights,
        };
        g.bench_function("key_points", |b| {
            b.iter(|| lede::bullets::key_points(black_box(&article)))
        });
        g.bench_function("summarize", |b| {
            b.iter(|| lede::summarize(black_box(&snap)))
        });
        g.bench_function("html_to_summary", |b| {
            b.iter(|| lede::summarize(&lede::Snapshot::from_html(black_box(&html), None)))
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
